"""Editor tasks for the IR newsletter site: `invoke --list` shows them, `invoke TASK --help` explains one.

Every tool runs through `sys.executable`, so the tasks use the venv that runs invoke
(`.venv/bin/invoke build`) without activating it.
"""

import contextlib
import functools
import json
import shlex
import shutil
import subprocess
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CONTENT = "content"
OUTPUT = "output"
CACHE = "cache"  # cleaning results and page fingerprints, so rebuilds only redo what changed
SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"
# What `livereload` watches: the sources of every page. Globs, not folders: livereload stops
# walking a folder at its first changed file, so a checkout touching N files would rebuild N times.
WATCHED = ("content/**/*", "theme/**/*", "plugins/**/*", "pelicanconf.py")
# Statuses of contract 5 that mean "this dump is accounted for on the site".
ACCOUNTED = {"published", "duplicate"}
DUMP_SUFFIXES = {".txt", ".html", ".htm"}  # what the dumps reader reads; other files are posts

PATH_HELP = {
    "content": f"folder of posts and dumps to build (default: {CONTENT})",
    "output": f"folder to write the site to (default: {OUTPUT})",
    "cache": f"folder of the build cache (default: {CACHE})",
}
STRICT_HELP = "exit 1 on any Pelican error, or if the build report lists a dump that is not on the site"


def _python(*args):
    """A command line that runs a module with the interpreter running invoke (the venv's)."""
    return shlex.join([sys.executable, *args])


def unaccounted_dumps(report):
    """Rows of the build report (OUT/_report/dumps.json) whose dump is on the site in no form.

    `build --strict` fails on these; a missing report fails too, since contract 5 promises one
    on every build and its absence means the dumps plugin did not run.
    """
    report = Path(report)
    if not report.is_file():
        raise Exit(f"strict: no build report at {report}", code=1)
    rows = json.loads(report.read_text(encoding="utf-8"))
    return [row for row in rows if row.get("status") not in ACCOUNTED]


def _build(c, settings, content=CONTENT, output=OUTPUT, strict=False, cache=CACHE):
    """Pelican; its search plugin writes the Pagefind index into OUTPUT/pagefind/."""
    pelican = ["-m", "pelican", content, "-o", output, "-s", settings, "--cache-path", cache]
    if strict:
        pelican += ["--fatal", "errors"]  # e.g. a plugin that fails to register
    with c.cd(str(ROOT)):
        c.run(_python(*pelican), pty=False)
    if strict:
        check_report(ROOT / output)


def check_report(output):
    """Fail, listing each one, if the build report of OUTPUT has dumps that are not on the site."""
    problems = unaccounted_dumps(Path(output) / "_report" / "dumps.json")
    for row in problems:
        print(f"{row.get('status')}: {row.get('source')}: {row.get('reason')}", file=sys.stderr)
    if problems:
        raise Exit(f"strict: {len(problems)} dump(s) not on the site", code=1)


@task(help={**PATH_HELP, "strict": STRICT_HELP})
def build(c, strict=False, content=CONTENT, output=OUTPUT, cache=CACHE):
    """Build the site locally (pelicanconf.py) with its search index; unchanged dumps and pages come from the cache."""
    _build(c, SETTINGS, content, output, strict, cache)


@task(help={"output": PATH_HELP["output"], "cache": PATH_HELP["cache"]})
def clean(c, output=OUTPUT, cache=CACHE):
    """Remove the built site and the build cache, so nothing from an earlier build survives."""
    shutil.rmtree(ROOT / output, ignore_errors=True)
    shutil.rmtree(ROOT / cache, ignore_errors=True)


@task(help={**PATH_HELP, "strict": STRICT_HELP})
def rebuild(c, strict=False, content=CONTENT, output=OUTPUT, cache=CACHE):
    """Clean, then build: what a reader would get from a fresh checkout."""
    clean(c, output, cache)
    build(c, strict, content, output, cache)


@task(help={"port": "port to listen on (default: 8000)", "output": PATH_HELP["output"]})
def serve(c, port=8000, output=OUTPUT):
    """Serve the built site on http://127.0.0.1:PORT/ (directory-style URLs need a server)."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(ROOT / output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"Serving {output}/ on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@task(help={"port": "port to listen on (default: 8000)"})
def livereload(c, port=8000):
    """Build, serve, rebuild on every change to content, theme, plugins or settings, reload the browser."""
    from livereload import Server

    def rebuild_quietly():
        # A broken edit must not stop the server: report it and wait for the next change.
        try:
            build(c)
        except Exception as error:
            print(f"build failed: {error}", file=sys.stderr)

    rebuild_quietly()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild_quietly)
    server.serve(port=port, root=str(ROOT / OUTPUT))


@task(help=PATH_HELP)
def preview(c, content=CONTENT, output=OUTPUT, cache=CACHE):
    """Build the production site (publishconf.py: absolute URLs, clean output folder)."""
    _build(c, PUBLISH_SETTINGS, content, output, cache=cache)


def import_to_gh_pages(output, push):
    """Commit OUTPUT as the whole of the gh-pages branch, named after the source commit.

    `.nojekyll` keeps GitHub Pages from hiding `_report/`, as Jekyll drops folders starting with `_`.
    """
    from ghp_import import ghp_import

    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    ghp_import(str(output), mesg=f"Publish site from {head}", branch="gh-pages", nojekyll=True, push=push)


@task(help={"push": "push gh-pages to origin (default: yes; --no-push only commits locally)"})
def publish(c, push=True):
    """Build the production site and put it on the gh-pages branch for GitHub Pages."""
    preview(c)
    with contextlib.chdir(ROOT):
        import_to_gh_pages(OUTPUT, push)


@task(help={"args": "extra pytest arguments, e.g. --args='-k feeds -x'"})
def test(c, args=""):
    """Run the test suite as the README and CI do (`bash .ci/run`: installs what is missing, then pytest)."""
    with c.cd(str(ROOT)):
        c.run(shlex.join(["bash", ".ci/run", *shlex.split(args)]), pty=False)


@task(help={"path": "the dump or post to explain", "settings": f"settings file (default: {SETTINGS})"})
def inspect(c, path, settings=SETTINGS):
    """Show what cleaning kept and removed from one dump, and which rule removed each part;
    then, when the site tags, why each topic was given or refused (mentions, where, score)."""
    from pelican.settings import read_settings

    # Invoke hands a positional `--help` to the task as PATH: point at the form that works.
    if not Path(path).is_file():
        raise Exit(f"no such dump: {path} (help: invoke --help inspect)", code=1)
    with contextlib.chdir(ROOT):  # publishconf.py imports pelicanconf from the current folder
        pelican_settings = read_settings(settings)
    # Import the plugin the way Pelican does, from PLUGIN_PATHS, so it is the same module.
    for plugin_path in pelican_settings["PLUGIN_PATHS"]:
        if plugin_path not in sys.path:
            sys.path.insert(0, plugin_path)
    if not Path(path).resolve().is_relative_to(Path(pelican_settings["PATH"]).resolve()):
        # A file of another content folder (a corpus): read as that folder's build would.
        from dumps.settings import dumps_settings

        folder = dumps_settings(pelican_settings)["folder"]
        root = next((p.parent for p in Path(path).resolve().parents if p.name == folder), None)
        if root is not None:
            pelican_settings = {**pelican_settings, "PATH": str(root)}
        elif Path(path).suffix.lower() in DUMP_SUFFIXES:  # a loose dump: its folder is the dumps folder
            here = Path(path).resolve().parent
            dumps = {**(pelican_settings.get("DUMPS") or {}), "folder": here.name}
            pelican_settings = {**pelican_settings, "PATH": str(here.parent), "DUMPS": dumps}
    if Path(path).suffix.lower() in DUMP_SUFFIXES:
        from dumps.inspect import inspect_dump

        print(inspect_dump(path, pelican_settings))
    if "topics" in (pelican_settings.get("PLUGINS") or []):
        from topics.inspect import inspect_topics

        print(inspect_topics(path, pelican_settings))
