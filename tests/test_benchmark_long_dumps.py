"""benchmarks/long_dumps.py: every shape it times is a dump the kit publishes, article and all."""

import itertools
import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import long_dumps  # noqa: E402
from plugins.dumps.pipeline import clean_dump  # noqa: E402
from plugins.dumps.prepare import make_cleaner  # noqa: E402
from plugins.dumps.settings import dumps_settings  # noqa: E402


def article_of(text: str, kind: str) -> list[str]:
    """The paragraphs a shape wrote for its article, read back from the dump: a page's <p>s;
    in a text dump, the one-line blocks ending a sentence that follow the header, up to the
    first block of several lines (the menus below the article, the first comment)."""
    if kind == "html":
        return re.findall(r"<p>(.*?)</p>", text)
    after = text.split(long_dumps.HEADER, 1)[1].split("\n\n")
    return list(itertools.takewhile(lambda block: "\n" not in block and block.endswith("."), after))


@pytest.mark.parametrize("shape", sorted(long_dumps.SHAPES))
def test_each_shape_is_cleaned_to_its_article(shape):
    """The body is the article's paragraphs and nothing else: no menu or navigation line,
    no comment's name, date, text or button, no header line repeated."""
    text, kind = long_dumps.SHAPES[shape](random.Random(1), 200)
    result = clean_dump(text.encode(), "long." + kind, make_cleaner(dumps_settings({})))
    assert result.cleaned is not None, result.skip_reason
    assert result.cleaned.title.startswith("Talks on the treaty stall in Geneva")
    body = [block.plain for block in result.cleaned.body]
    assert len(body) >= 20
    assert body == article_of(text, kind)
