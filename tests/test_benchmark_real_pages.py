"""benchmarks/real_pages.py: its quick mode reads what the built site shows."""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_pages  # noqa: E402


def test_quick_mode_gives_the_built_sites_titles_and_article_text(tmp_path):
    """The sample site's dumps of each kind, cleaned without a site and built into one:
    the same pages published, with the same title and article text."""
    for kind in real_pages.KINDS:
        dumps = tmp_path / kind
        dumps.mkdir()
        for path in sorted((ROOT / "content" / "dumps").glob(f"*.{kind}"))[:6]:
            shutil.copy(path, dumps / path.name)
        quick, quick_status = real_pages.cleaned_pages(dumps, kind)
        built, built_status = real_pages.site_pages(real_pages.build(dumps, tmp_path / f"site-{kind}"))
        assert quick_status == built_status and len(quick) == 6
        for stem, (title, text) in built.items():
            assert quick[stem][0] == title
            assert " ".join(quick[stem][1].split()) == " ".join(text.split())
