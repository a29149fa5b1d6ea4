"""The editor tasks of tasks.py: listed and documented, and each doing what its help says."""

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from invoke import Collection, Context, Exit, MockContext

import tasks
from conftest import ROOT

TASKS = {"build", "rebuild", "clean", "serve", "livereload", "preview", "publish", "test", "inspect"}


def write_report(output, statuses):
    report = output / "_report" / "dumps.json"
    report.parent.mkdir(parents=True)
    rows = [
        {"source": f"dump{i}.txt", "status": status, "reason": None if status == "published" else "why"}
        for i, status in enumerate(statuses)
    ]
    report.write_text(json.dumps(rows), encoding="utf-8")


def test_invoke_lists_every_task():
    listing = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    listed = {line.split()[0] for line in listing.splitlines()[1:] if line.startswith("  ") and line.strip()}
    assert TASKS <= listed


def test_every_task_and_option_is_documented():
    for name, task in Collection.from_module(tasks).tasks.items():
        assert task.__doc__, name
        undocumented = [arg.name for arg in task.get_arguments() if not arg.help]
        assert not undocumented, (name, undocumented)


def test_strict_counts_only_dumps_missing_from_the_site(tmp_path):
    write_report(tmp_path, ["published", "duplicate", "skipped", "published"])
    assert [row["source"] for row in tasks.unaccounted_dumps(tmp_path / "_report" / "dumps.json")] == [
        "dump2.txt"
    ]


def test_strict_fails_without_a_report(tmp_path):
    with pytest.raises(Exit) as failure:
        tasks.check_report(tmp_path)
    assert failure.value.code == 1


@pytest.mark.parametrize(
    ("statuses", "strict", "fails"),
    [
        (["published", "duplicate"], True, False),
        (["published", "skipped"], True, True),
        (["published", "skipped"], False, False),
    ],
)
def test_build_exit_code_follows_the_report(tmp_path, capsys, statuses, strict, fails):
    write_report(tmp_path, statuses)
    c = MockContext(run=True)
    if fails:
        with pytest.raises(Exit) as failure:
            tasks.build(c, strict=strict, output=str(tmp_path))
        assert failure.value.code == 1
        assert "skipped: dump1.txt: why" in capsys.readouterr().err
    else:
        tasks.build(c, strict=strict, output=str(tmp_path))
    commands = [call.args[0] for call in c.run.call_args_list]
    assert "-m pelican content -o" in commands[0] and "-s pelicanconf.py" in commands[0]
    assert ("--fatal errors" in commands[0]) == strict
    assert len(commands) == 1  # the search index comes from Pelican itself (plugins/search)


def test_preview_builds_with_the_production_settings():
    c = MockContext(run=True)
    tasks.preview(c)
    assert "-s publishconf.py" in c.run.call_args_list[0].args[0]


def quickstart():
    """The commands of the README's Quickstart block, one per line."""
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("## Quickstart", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()


def test_the_quickstart_is_two_commands_install_and_build_then_install_and_test():
    build, test = quickstart()
    assert build.startswith("python3 -m venv .venv && ") and build.endswith(".venv/bin/invoke build")
    assert test == "bash .ci/run"
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    for step in ("apt-get install", "npm ci --prefix .ci/node", "pip install -q -r requirements-dev.txt"):
        assert step in script
    assert script.rstrip().endswith('.venv/bin/python -m pytest "$@"')


def test_test_task_runs_the_readme_command():
    c = MockContext(run=True)
    tasks.test(c)
    assert c.run.call_args.args[0] == quickstart()[1]
    tasks.test(c, args="-k 'feeds and not newsboat' -x")
    assert c.run.call_args.args[0] == "bash .ci/run -k 'feeds and not newsboat' -x"


def test_clean_removes_the_output_and_the_cache(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    (output / "topics").mkdir(parents=True)
    (output / "topics" / "index.html").write_text("stale")
    cache.mkdir()
    (cache / "dumps.sqlite3").write_text("stale")
    tasks.clean(Context(), output=str(output), cache=str(cache))
    assert not output.exists() and not cache.exists()
    tasks.clean(Context(), output=str(output), cache=str(cache))  # nothing to clean is fine


def test_publish_commits_the_site_to_gh_pages(tmp_path, monkeypatch):
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.org")
    git = lambda *args: subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True).stdout  # noqa: E731
    git("init", "-q", "-b", "main")
    git("commit", "-q", "--allow-empty", "-m", "source")
    write_report(tmp_path / "output", ["published"])
    (tmp_path / "output" / "index.html").write_text("<h1>IR</h1>")
    monkeypatch.chdir(tmp_path)

    tasks.import_to_gh_pages("output", push=False)

    files = set(git("ls-tree", "-r", "--name-only", "gh-pages").split())
    assert files == {".nojekyll", "index.html", "_report/dumps.json"}
    assert git("log", "-1", "--format=%s", "gh-pages").strip() == f"Publish site from {git('rev-parse', '--short', 'main').strip()}"


def test_inspect_prints_what_the_dumps_plugin_explains(tmp_path, monkeypatch, capsys):
    """The task finds plugins/dumps/inspect.py through PLUGIN_PATHS, as Pelican finds the plugin."""
    plugin = tmp_path / "plugins" / "dumps"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").touch()  # a regular package, as a namespace one loses to the project's
    (plugin / "inspect.py").write_text(
        "def inspect_dump(path, settings):\n"
        "    return f'{path}: removed 2 blocks (signup-form) with {settings[\"SITENAME\"]}'\n"
    )
    settings = tmp_path / "site.py"
    settings.write_text(f"PATH = {str(tmp_path)!r}\nSITENAME = 'Test'\nPLUGIN_PATHS = ['plugins']\n")
    # Isolate from the project's own plugin, if an earlier test imported it.
    monkeypatch.setattr(sys, "path", list(sys.path))
    for name in ("dumps", "dumps.inspect"):
        monkeypatch.setitem(sys.modules, name, None)  # undone after the test: back as it was
        del sys.modules[name]
    dump = tmp_path / "a.txt"
    dump.write_text("text")

    tasks.inspect(Context(), str(dump), settings=str(settings))

    assert capsys.readouterr().out == f"{dump}: removed 2 blocks (signup-form) with Test\n"


def test_inspect_reads_a_loose_dump_as_a_dump_of_its_folder(tmp_path):
    """A dump outside the content folder and any dumps folder (a saved page, a corpus) is
    read as its own folder's build would read it, by both plugins; a dump the build skips
    is said to be untagged, not a crash. In a child process, as an editor runs it: the
    plugins it registers must not run in other tests' builds."""
    prose = ("Ghana accused Togo of sheltering rebels on Monday, and Togo summoned the ambassador "
             "of Ghana to answer for it in the capital.")
    (tmp_path / "page.txt").write_text(f"Home\nNews\n\nGhana accuses Togo\n\n{prose}\n\n{prose}\n")
    (tmp_path / "menu.txt").write_text("Home\nNews\nSport\nContact\n")

    def inspect(name):
        run = subprocess.run([sys.executable, "-m", "invoke", "inspect", str(tmp_path / name)], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
        return run.stdout

    dumps, topics = inspect("page.txt").split("topics:")
    assert "title: Ghana accuses Togo" in dumps
    assert "GIVEN    Ghana-Togo relations (relation)" in topics
    out = inspect("menu.txt")
    assert "SKIPPED: no article found" in out and "not tagged: the build does not publish it" in out


def test_inspect_rejects_a_missing_dump(tmp_path):
    with pytest.raises(Exit, match="no such dump"):
        tasks.inspect(Context(), str(tmp_path / "missing.txt"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_serves_the_output_folder(tmp_path):
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "index.html").write_text("<h1>Topics</h1>")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port), "--output", str(tmp_path)], cwd=ROOT
    )
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy from the environment
    try:
        for _ in range(100):
            try:
                with direct.open(f"http://127.0.0.1:{port}/topics/") as page:
                    assert page.read() == b"<h1>Topics</h1>"
                    break
            except urllib.error.URLError:
                time.sleep(0.1)
        else:
            pytest.fail("serve did not answer")
    finally:
        server.terminate()
        server.wait(10)


def test_pelican_alone_makes_the_site_and_its_search_index(built_site):
    assert (built_site / "index.html").is_file()
    rows = json.loads((built_site / "_report" / "dumps.json").read_text(encoding="utf-8"))
    published = [row for row in rows if row["status"] == "published"]
    assert "unavailable" not in (built_site / "pagefind" / "pagefind.js").read_text("utf-8")
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(published)  # article pages only


def test_the_sample_article_has_no_invented_date_and_a_whole_sentence_for_a_title(built_site):
    """The newsletter's own sample has neither date nor title: its URL carries no year, its
    title is the lede's whole first sentence, and no page, feed or sitemap shows a year 2000."""
    rows = json.loads((built_site / "_report" / "dumps.json").read_text(encoding="utf-8"))
    (row,) = [r for r in rows if r["source"] == "000_4a07e67777452828.txt"]
    assert row["url"].startswith("articles/russian-s-400-") and not re.search(r"\b(19|20)\d\d\b", row["url"])
    assert row["title"].endswith("a major irritant between Turkey and the United States")
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".txt", ".json") and path.parent.name != "pagefind":
            assert not re.search(r"2000-01-01|/2000/|\b(January|Jan) 2000\b|\b1 Jan(uary)? 2000\b",
                                 path.read_text("utf-8")), path
