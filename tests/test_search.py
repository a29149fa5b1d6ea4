"""plugins/search: Pelican itself writes the Pagefind index, refreshes it on rebuilds, and
leaves a stand-in the Search page reads when the index cannot be built."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.search import index
from plugins.search.index import UNAVAILABLE, article_glob
from plugins.search.settings import search_settings

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    "Negotiators from the two governments met again on Tuesday in {word}, the fourth round since the spring.",
    "Both delegations said the draft on prisoner exchanges was ready, while the maps of {word} were not.",
    "Mediators from {word} hope to announce a date for the signing before the regional summit next month.",
]


def write_dump(content: Path, name: str, title: str, word: str) -> None:
    dumps = content / "dumps"
    dumps.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join([title, "March 3, 2023", *(p.format(word=word) for p in PARAGRAPHS)])
    (dumps / name).write_text(body, encoding="utf-8")


def build(content: Path, out: Path, **env) -> str:
    """`pelican CONTENT -o OUT -s pelicanconf.py`, as a user runs it; its log."""
    run = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", "pelicanconf.py",
                          "--cache-path", str(out.parent / "cache")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "300", **env})
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout + run.stderr


def indexed_pages(out: Path) -> int:
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return entry["languages"]["en"]["page_count"]


def test_settings_defaults_and_unknown_keys():
    assert search_settings({})["enabled"] is True
    assert search_settings({"SEARCH": {"enabled": False}})["enabled"] is False
    with pytest.raises(ValueError, match="unknown key"):
        search_settings({"SEARCH": {"enable": False}})


def test_pelican_builds_the_index_and_a_rebuild_refreshes_it(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    write_dump(content, "a.txt", "Talks resume by the lake", "Norway")
    write_dump(content, "b.txt", "Prisoner exchange drafted", "Switzerland")
    build(content, out)
    assert indexed_pages(out) == 2
    fragments = set((out / "pagefind" / "fragment").iterdir())
    assert len(fragments) == 2

    write_dump(content, "c.txt", "A date for the signing", "Qatar")
    write_dump(content, "a.txt", "Talks resume by the lake", "Oslo")  # edited: a new fragment
    build(content, out)
    assert indexed_pages(out) == 3
    # The edited page's old fragment is gone: the index holds this build's pages only.
    assert len(list((out / "pagefind" / "fragment").iterdir())) == 3
    assert not (out / ".pagefind-new").exists()


def test_an_index_that_cannot_be_built_is_a_warning_and_a_stand_in_the_search_page_reads(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    write_dump(content, "a.txt", "Talks resume by the lake", "Norway")
    log = build(content, out, PAGEFIND_BINARY_PATH=str(tmp_path / "no-such-pagefind"))
    assert "Search: no Pagefind index, the Search page says search is unavailable" in log
    assert [p.name for p in (out / "pagefind").iterdir()] == ["pagefind.js"]
    assert (out / "pagefind" / "pagefind.js").read_text("utf-8") == UNAVAILABLE
    search_page = (out / "search" / "index.html").read_text("utf-8")
    assert 'data-unavailable="Search is not available on this copy of the site' in search_page
    script = (ROOT / "theme" / "static" / "js" / "search.js").read_text("utf-8")
    assert "pf.unavailable" in script and "form.dataset.unavailable" in script

    build(content, out)  # Pagefind back: a real index replaces the stand-in
    assert indexed_pages(out) == 1


@pytest.mark.parametrize("paths, glob", [
    (["2023/03/talks/index.html", "2023/04/drafts/index.html", "undated/signing/index.html"],
     "{*/*/*/index.html,*/*/index.html}"),
    (["talks.html", "2023/drafts.htm"], "{*.html,*/*.htm}"),
    ([], None),
])
def test_pagefind_reads_the_article_pages_only(paths, glob):
    assert article_glob(paths) == glob


def test_the_glob_of_a_builds_articles_reaches_pagefind(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from pelican.generators import ArticlesGenerator

    settings = {"OUTPUT_PATH": str(tmp_path)}
    generator = object.__new__(ArticlesGenerator)
    generator.settings, generator.articles = settings, [SimpleNamespace(save_as="2023/03/talks/index.html")]
    seen = []
    monkeypatch.setattr(index, "run_pagefind", lambda site, bundle, timeout, glob=None: seen.append(glob) or "no")
    index.note_articles([object(), generator])
    index.build_index(SimpleNamespace(settings=settings))
    index.build_index(SimpleNamespace(settings=settings))  # the next build notes its own articles
    assert seen == ["{*/*/*/index.html}", None]


def test_search_runs_after_the_plugin_that_writes_pages_last():
    """Pelican calls a signal's receivers in plugin order; plugins/incremental writes its
    pages in its `finalized` receiver, so the index must be built after it."""
    sys.path.insert(0, str(ROOT))
    import pelicanconf

    assert pelicanconf.PLUGINS.index("search") > pelicanconf.PLUGINS.index("incremental")
