"""Fixtures shared by the test modules."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The sample site as plain `pelican content -o OUT -s pelicanconf.py` makes it (what
    `invoke build` runs), search index included (plugins/search), built once.

    Built into a temporary folder, so the tests never touch the editor's output/.
    """
    output, cache = tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("cache")
    subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "pelicanconf.py",
         "--cache-path", str(cache)],
        cwd=ROOT, check=True,
    )
    return output
