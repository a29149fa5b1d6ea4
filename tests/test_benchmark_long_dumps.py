"""benchmarks/long_dumps.py: every shape it times is a dump the kit publishes, article and all."""

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import long_dumps  # noqa: E402
from plugins.dumps.pipeline import clean_dump  # noqa: E402
from plugins.dumps.prepare import make_cleaner  # noqa: E402
from plugins.dumps.settings import dumps_settings  # noqa: E402


@pytest.mark.parametrize("shape", sorted(long_dumps.SHAPES))
def test_each_shape_is_cleaned_to_its_article(shape):
    text, kind = long_dumps.SHAPES[shape](random.Random(1), 200)
    result = clean_dump(text.encode(), "long." + kind, make_cleaner(dumps_settings({})))
    assert result.cleaned is not None, result.skip_reason
    assert result.cleaned.title.startswith("Talks on the treaty stall in Geneva")
    body = [block.plain for block in result.cleaned.body]
    assert len(body) >= 20 and not any(word in body for word in ("Antworten", "Summit Treaty"))
