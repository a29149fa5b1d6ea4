"""Run Pagefind over the built site; where it cannot run, leave a stub the Search page reads.

The index goes to OUTPUT/pagefind/ (Pagefind's default, the path theme/templates/search.html
loads). Pagefind leaves files of an earlier index in place, so it writes into a fresh folder
that then replaces the old one: a rebuild's index holds exactly the pages built.
"""

import logging
import os
import shutil
import subprocess
import sys

from pelican.generators import ArticlesGenerator

from .settings import search_settings

logger = logging.getLogger(__name__)

BUNDLE = "pagefind"
# What the Search page imports when there is no index: the same module name and `search`,
# plus `unavailable`, which theme/static/js/search.js reads to tell the reader at once
# (no failed request, no error in the console).
UNAVAILABLE = """\
// No search index: plugins/search could not build it (the build log says why).
export const unavailable = true;
export async function options() {}
export async function init() {}
export async function search() {
  throw new Error("no search index");
}
"""


# The glob of the pages to index, per build (keyed by the id of its settings), noted when
# Pelican has its articles and read when it finishes.
_ARTICLE_GLOBS: dict[int, str] = {}


def article_glob(save_as: list[str]) -> str | None:
    """A Pagefind glob for the article pages, from their paths: one pattern per shape
    ("2023/03/slug/index.html" is "*/*/*/index.html"). Only an article holds text to index
    (data-pagefind-body); in an archive the listing pages (topics, archives, pagination)
    outnumber the articles, and Pagefind would read every one of them for nothing."""
    shapes = set()
    for path in save_as:
        *folders, name = path.replace(os.sep, "/").split("/")
        shapes.add("/".join(["*"] * len(folders) + [name if name.startswith("index.") else "*" + os.path.splitext(name)[1]]))
    return "{" + ",".join(sorted(shapes)) + "}" if shapes else None


def note_articles(generators) -> None:
    """Remember the glob of this build's article pages (Pelican's all_generators_finalized)."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            glob = article_glob([article.save_as for article in generator.articles])
            if glob:
                _ARTICLE_GLOBS[id(generator.settings)] = glob


def run_pagefind(site: str, bundle: str, timeout: float, glob: str | None = None) -> str:
    """Index SITE (the pages GLOB matches, else all) into BUNDLE; return what went wrong,
    or "" when the index is there."""
    command = [sys.executable, "-m", "pagefind", "--site", site, "--output-path", bundle, "--quiet"]
    command += ["--glob", glob] if glob else []
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    if run.returncode != 0:
        lines = (run.stderr or run.stdout).strip().splitlines()
        return f"pagefind exited with {run.returncode}: {lines[-1] if lines else 'no message'}"
    if not os.path.isfile(os.path.join(bundle, "pagefind.js")):
        return "pagefind wrote no pagefind.js"
    return ""


def write_unavailable(bundle: str) -> None:
    """BUNDLE holds the stub alone; left untouched when it already does (rebuilds rewrite nothing)."""
    stub = os.path.join(bundle, "pagefind.js")
    try:
        if os.listdir(bundle) == ["pagefind.js"]:
            with open(stub, encoding="utf-8") as handle:
                if handle.read() == UNAVAILABLE:
                    return
    except OSError:
        pass
    shutil.rmtree(bundle, ignore_errors=True)
    os.makedirs(bundle)
    with open(stub, "w", encoding="utf-8") as handle:
        handle.write(UNAVAILABLE)


def build_index(pelican) -> None:
    """Replace OUTPUT/pagefind/ with a fresh index of the site; a warning and the stub if not."""
    options = search_settings(pelican.settings)
    output = os.path.abspath(pelican.settings["OUTPUT_PATH"])
    bundle, fresh = os.path.join(output, BUNDLE), os.path.join(output, f".{BUNDLE}-new")
    shutil.rmtree(fresh, ignore_errors=True)
    glob = _ARTICLE_GLOBS.pop(id(pelican.settings), None)
    problem = (run_pagefind(output, fresh, options["timeout"], glob) if options["enabled"]
               else "SEARCH['enabled'] is off")
    if problem:
        shutil.rmtree(fresh, ignore_errors=True)
        write_unavailable(bundle)
        if options["enabled"]:
            logger.warning("Search: no Pagefind index, the Search page says search is unavailable (%s)", problem)
        return
    shutil.rmtree(bundle, ignore_errors=True)
    os.replace(fresh, bundle)
    logger.info("Search: Pagefind index written to %s", bundle)
