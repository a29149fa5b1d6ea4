"""Rebuilds render only the pages whose inputs changed, and give the bytes a full build gives."""

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from plugins.incremental import parallel
from plugins.incremental.fingerprint import MAX_DEPTH, Fingerprints
from plugins.incremental.writer import _differing

ROOT = Path(__file__).resolve().parent.parent
EDIT = " An earlier version of this article gave the wrong month for the summit."


# -- fingerprints ----------------------------------------------------------------------------
class Shadowed:
    """Like Pelican's URLWrapper: a property whose name may also sit in the instance dict."""

    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self._name


def chain(length: int, leaf: str):
    """Objects linked through `.next`, `length` deep, the last one holding `leaf`."""
    node = SimpleNamespace(value=leaf)
    for _ in range(length):
        node = SimpleNamespace(next=node)
    return node


def test_plain_values_lists_and_dicts_hash_by_content():
    fp = Fingerprints(b"site")
    assert fp.value([1, "a", {"k": 2}]) == Fingerprints(b"site").value([1, "a", {"k": 2}])
    assert fp.value({"k": 2}) != fp.value({"k": 3})
    assert fp.value(SimpleNamespace(a=1)) != Fingerprints(b"site").value(SimpleNamespace(a=2))


class OrderedSet(frozenset):
    """A set that iterates in a given order, registered as a Sequence (like topics' _Members)."""

    def __new__(cls, items):
        made = super().__new__(cls, items)
        made.order = list(items)
        return made

    def __iter__(self):
        return iter(self.order)


Sequence.register(OrderedSet)


def test_sets_hash_without_order_and_ordered_sets_with_it():
    def digest(value):
        return Fingerprints(b"site").value(value)

    a, b = Shadowed("a"), Shadowed("b")  # hashable objects, unequal attributes
    assert digest(a) != digest(b)
    assert digest(frozenset([a, b])) == digest(frozenset([b, a]))
    assert digest(OrderedSet([a, b])) != digest(OrderedSet([b, a]))
    assert digest(OrderedSet(["x", "y"])) != digest(OrderedSet(["y", "x"]))
    assert digest(OrderedSet([a, b])) == digest(OrderedSet([a, b]))


def test_an_entry_shadowed_by_a_property_does_not_count():
    plain, shadowed = Shadowed("NATO"), Shadowed("NATO")
    shadowed.__dict__["name"] = "left over"
    assert Fingerprints(b"").value(plain) == Fingerprints(b"").value(shadowed)


def test_objects_count_up_to_max_depth():
    within = (chain(MAX_DEPTH, "a"), chain(MAX_DEPTH, "b"))
    beyond = (chain(MAX_DEPTH + 1, "a"), chain(MAX_DEPTH + 1, "b"))
    assert Fingerprints(b"").value(within[0]) != Fingerprints(b"").value(within[1])
    assert Fingerprints(b"").value(beyond[0]) == Fingerprints(b"").value(beyond[1])


def test_at_max_depth_an_articles_body_does_not_count_but_its_title_does():
    def edge(**leaf):
        node = SimpleNamespace(**leaf)
        for _ in range(MAX_DEPTH):
            node = SimpleNamespace(next=node)
        return Fingerprints(b"").value(node)

    assert edge(title="a", _content="<p>x</p>") == edge(title="a", _content="<p>y</p>")
    assert edge(title="a", _content="<p>x</p>") != edge(title="b", _content="<p>x</p>")
    nearer = (chain(MAX_DEPTH - 1, "a"), chain(MAX_DEPTH - 1, "a"))
    nearer[0].next._content, nearer[1].next._content = "<p>x</p>", "<p>y</p>"
    assert Fingerprints(b"").value(nearer[0]) != Fingerprints(b"").value(nearer[1])


def test_a_listing_page_depends_on_its_own_slice_not_on_the_whole_listing():
    from pelican.paginator import Paginator

    def page_one(titles):
        articles = [SimpleNamespace(title=t) for t in titles]
        paginator = Paginator("index.html", "", articles, {"DEFAULT_ORPHANS": 0}, per_page=10)
        return Fingerprints(b"").value(paginator.page(1))

    titles = [f"article {i}" for i in range(20)]
    first = page_one(titles)
    assert page_one(titles[:15] + ["changed"] + titles[16:]) == first  # on page 2
    assert page_one(titles[:3] + ["changed"] + titles[4:]) != first  # on page 1
    assert page_one(titles + ["one more"]) != first  # page 1 says how many pages there are


def test_template_names_follow_extends_and_imports():
    env = Environment(loader=DictLoader({
        "base.html": "{{ SITENAME }}{% block body %}{% endblock %}",
        "macros.html": "{% macro chip(t) %}{{ t }}{{ TAGS_URL }}{% endmacro %}",
        "page.html": '{% extends "base.html" %}{% import "macros.html" as m with context %}'
                     "{% block body %}{{ m.chip(article) }}{% endblock %}",
        "dynamic.html": "{% include name %}",
    }))
    fp = Fingerprints(b"")
    assert {"SITENAME", "TAGS_URL", "article"} <= fp.names(env, "page.html")
    assert fp.names(env, "dynamic.html") is None  # unknowable: every context value counts


def test_template_names_known_from_the_last_build_are_not_parsed_again():
    env = Environment(loader=DictLoader({"t.html": "{{ SITENAME }}{{ article.title }}", "d.html": "{% include n %}"}))
    first = Fingerprints(b"site")
    page = {"output_file": "a/index.html", "article": SimpleNamespace(title="A"), "SITENAME": "S"}
    fingerprint = first.page(env.get_template("t.html"), page)
    first.page(env.get_template("d.html"), page)
    known = first.known_names()
    assert known == {"t.html": ["SITENAME", "article"], "d.html": None}

    env.loader.mapping["t.html"] = "{{ SITENAME }}"  # a stale name list would be used as it is
    again = Fingerprints(b"site", known)
    assert again.page(env.get_template("t.html"), page) == fingerprint
    assert again.sorted_names(env.get_template("d.html")) is None


def test_digests_worked_out_ahead_in_another_process_are_the_ones_a_page_would_work_out():
    from plugins.incremental.prehash import Prehash

    topics = [SimpleNamespace(name=f"T{i}", slug=f"t{i}") for i in range(3)]
    articles = [SimpleNamespace(title=f"A{i}", _content=f"<p>{i}</p>", tags=topics[i % 3:]) for i in range(6)]
    for i, article in enumerate(articles):
        article.related_articles = [articles[(i + 1) % 6], articles[(i + 2) % 6]]
    env = Environment(loader=DictLoader({"a.html": "{{ article.title }}", "l.html": "{{ articles }}"}))
    pages = [(env.get_template("a.html"), {"output_file": f"{i}/index.html", "article": a}) for i, a in enumerate(articles)]
    pages.append((env.get_template("l.html"), {"output_file": "index.html", "articles": articles}))

    ahead = Fingerprints(b"site")
    Prehash(articles + topics).install(ahead)
    assert ahead._deep, "nothing came back from the forked process"
    fresh = Fingerprints(b"site")
    assert [ahead.page(t, c) for t, c in pages] == [fresh.page(t, c) for t, c in pages]


def test_digests_that_do_not_come_back_are_worked_out_here(monkeypatch):
    from plugins.incremental import prehash

    monkeypatch.setattr(prehash.Prehash, "_child", lambda self, fd: os.close(fd))  # sends nothing
    article = SimpleNamespace(title="A")
    fingerprints = Fingerprints(b"site")
    prehash.Prehash([article]).install(fingerprints)
    assert not fingerprints._deep
    assert fingerprints.value(article) == Fingerprints(b"site").value(article)


def test_a_page_changes_with_what_its_template_reads_only():
    env = Environment(loader=DictLoader({"t.html": "{{ article.title }}"}))
    template = env.get_template("t.html")
    page = {"output_file": "a/index.html", "article": SimpleNamespace(title="A"), "unused": 1}
    first = Fingerprints(b"site").page(template, page)
    assert Fingerprints(b"site").page(template, {**page, "unused": 2}) == first
    assert Fingerprints(b"site").page(template, {**page, "article": SimpleNamespace(title="B")}) != first
    assert Fingerprints(b"other site").page(template, page) != first


# -- parallel rendering ------------------------------------------------------------------
def test_a_queued_page_keeps_what_differs_from_the_site_context_by_identity():
    shared, equal_copy = ["a"], ["a"]
    old = {"same": shared, "copy": shared, "gone": 1}
    new = {"same": shared, "copy": equal_copy, "added": None}
    assert list(_differing(old, new)) == ["copy", "added"]  # equal is not enough: the same object
    assert list(_differing(old, dict(old))) == []


def test_a_build_collects_garbage_less_often_and_a_finished_one_is_frozen_for_the_collector(monkeypatch):
    import gc

    import plugins.incremental as plugin

    connected = {}
    fake = SimpleNamespace(**{name: SimpleNamespace(connect=lambda f, name=name: connected.setdefault(name, f))
                              for name in ("get_generators", "get_writer", "finalized", "initialized",
                                           "all_generators_finalized", "generator_init")})
    monkeypatch.setattr(plugin, "signals", fake)
    plugin.register()
    # get_generators: what every Pelican.run() sends first, autoreload's too (one Pelican
    # instance, many runs; `initialized` would come once).
    assert connected["get_generators"] is plugin.start and connected["finalized"] is plugin.finish
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        plugin.start(None)
        assert gc.get_threshold() == (plugin.BUILD_GC_THRESHOLD, 10, 10)
        plugin.finish(None)
        assert gc.get_threshold() == (700, 10, 10)  # the process's own setting once the build is done
        assert gc.get_freeze_count() > 0  # exit does not walk the build's objects
        plugin.start(None)
        assert gc.get_freeze_count() == 0  # so the next build can collect the last one's
        plugin.start(None)  # after a build that failed before finishing: the first setting is kept
        plugin.finish(None)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_compiled_templates_are_kept_and_used_again_only_under_the_same_site_key(tmp_path, caplog):
    from plugins.incremental.templates import TemplateCache, cache_templates

    compiled = []

    def environment(key, folder=tmp_path / "templates"):
        env = Environment(loader=DictLoader({"page.html": "{{ 1 + 1 }} {{ title }}"}),
                          bytecode_cache=TemplateCache(str(folder), key))
        real = env.compile
        env.compile = lambda source, name=None, *args, **kwargs: compiled.append(name) or real(source, name, *args, **kwargs)
        return env

    assert environment("site A").get_template("page.html").render(title="x") == "2 x"
    assert compiled == ["page.html"]
    assert environment("site A").get_template("page.html").render(title="y") == "2 y"
    assert compiled == ["page.html"]  # from the cache
    environment("site B").get_template("page.html")  # other settings, theme or plugins
    assert compiled == ["page.html", "page.html"]

    (tmp_path / "a-file").write_text("")
    assert environment("site A", tmp_path / "a-file" / "templates").get_template("page.html").render(title="z") == "2 z"
    assert "cannot keep a compiled template" in caplog.text
    for kept in (tmp_path / "templates").iterdir():
        kept.write_bytes(kept.read_bytes()[:20])  # damaged: compiled afresh
    assert environment("site A").get_template("page.html").render(title="w") == "2 w"
    assert compiled == ["page.html"] * 4

    own = object()  # the settings' JINJA_ENVIRONMENT brought its own
    generator = SimpleNamespace(env=SimpleNamespace(bytecode_cache=own), settings={"CACHE_PATH": str(tmp_path)})
    cache_templates(generator, "site A")
    assert generator.env.bytecode_cache is own


def test_render_all_runs_every_job_once_across_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)

    def render(job):
        (tmp_path / f"{job}.txt").write_text(f"{job} by {os.getpid()}")
        return job * 2

    assert sorted(parallel.render_all(list(range(50)), render, workers=3)) == [2 * i for i in range(50)]
    written = {p.stem: p.read_text().split(" by ")[1] for p in tmp_path.glob("*.txt")}
    assert sorted(written, key=int) == [str(i) for i in range(50)]
    assert len(set(written.values())) == 3  # the parent and two children each took a share


def test_a_failure_in_a_child_fails_the_build_and_its_logs_reach_the_parent(monkeypatch, caplog):
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    parent = os.getpid()

    def render(job):
        if os.getpid() != parent:
            logging.getLogger("pelican.test").warning("page %s rendered in a child", job)
            if job == 7:
                raise ValueError("broken template")

    with caplog.at_level(logging.WARNING), pytest.raises(RuntimeError, match="broken template"):
        parallel.render_all(list(range(10)), render, workers=2)
    assert "page 1 rendered in a child" in caplog.text


# -- real builds -----------------------------------------------------------------------------
BUILD = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
Pelican(read_settings(path=sys.argv[1], override=json.loads(sys.argv[2]))).run()
"""


def build(content: Path, out: Path, cache: Path, hash_seed: str = "random", **settings) -> str:
    """The project's settings, plugins and theme, in a child process (signals outlive a build).
    No search index: these tests compare Pelican's output, and Pagefind's is not byte-reproducible."""
    override = {"PATH": str(content), "OUTPUT_PATH": str(out), "CACHE_PATH": str(cache),
                "PLUGIN_PATHS": [str(ROOT / "plugins")], "THEME": str(ROOT / "theme"),
                "SEARCH": {"enabled": False}, **settings}
    run = subprocess.run([sys.executable, "-c", BUILD, str(ROOT / "pelicanconf.py"), json.dumps(override)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "COLUMNS": "200", "PYTHONHASHSEED": hash_seed})
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout + run.stderr


def tree(path: Path) -> dict:
    """Every file's bytes but the search index's (plugins/search; a stand-in here, or none)."""
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file() and p.relative_to(path).parts[0] != "pagefind"}


def append_sentence(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += EDIT
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def archive(tmp_path):
    """The sample site built cold, its cache kept: rebuilds must happen in place, since
    the output and content paths are part of every page's fingerprint."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    build(tmp_path / "content", tmp_path / "out", tmp_path / "cache")
    return tmp_path


def test_an_unchanged_rebuild_renders_and_rewrites_nothing(archive):
    base = archive
    for path in (base / "out").rglob("*"):
        os.utime(path, ns=(1, 1))
    log = build(base / "content", base / "out", base / "cache")
    assert "41 from the cache, 0 cleaned" in log
    touched = [p for p in (base / "out").rglob("*") if p.is_file() and p.stat().st_mtime_ns != 1]
    assert [p.relative_to(base / "out").as_posix() for p in touched if p.suffix == ".html"] == []


def test_a_one_dump_rebuild_equals_a_full_build_byte_for_byte(archive, tmp_path_factory):
    base, tmp_path = archive, tmp_path_factory.mktemp("full")
    target = sorted((base / "content" / "dumps").glob("*.txt"))[5]
    append_sentence(target)
    for path in (base / "out").rglob("*.html"):
        os.utime(path, ns=(1, 1))
    log = build(base / "content", base / "out", base / "cache")
    assert "40 from the cache, 1 cleaned" in log
    kept = [p for p in (base / "out").rglob("*.html") if p.stat().st_mtime_ns == 1]
    assert kept, "every page was rendered again: the rebuild was not incremental"
    build(base / "content", tmp_path / "full", tmp_path / "cold-cache")
    rebuilt, full = tree(base / "out"), tree(tmp_path / "full")
    assert rebuilt.keys() == full.keys()
    assert [name for name in full if rebuilt[name] != full[name]] == []
    assert EDIT.strip().encode() in b"".join(full.values())


def test_a_theme_edit_that_reads_a_new_value_reaches_every_page_it_changes(archive, tmp_path_factory):
    """Fingerprints and the template names kept from the last build are keyed by the
    theme's files: an edited template is parsed again and its pages rendered again."""
    base, tmp_path = archive, tmp_path_factory.mktemp("theme")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    build(base / "content", base / "out", base / "cache", THEME=str(theme))
    article = theme / "templates" / "article.html"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}<p class=sitename-probe>{{ SITENAME }} {{ DEFAULT_PAGINATION }}</p>", 1),
        encoding="utf-8")
    build(base / "content", base / "out", base / "cache", THEME=str(theme))
    build(base / "content", tmp_path / "full", tmp_path / "cold-cache", THEME=str(theme))
    rebuilt, full = tree(base / "out"), tree(tmp_path / "full")
    assert [name for name in full if rebuilt.get(name) != full[name]] == []
    assert b"sitename-probe" in b"".join(rebuilt.values())


def test_two_cold_builds_are_byte_identical(archive, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("again")
    build(archive / "content", tmp_path / "again", tmp_path / "cache")
    first, second = tree(archive / "out"), tree(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_same_title_undated_dumps_build_the_same_whatever_the_hash_seed(tmp_path):
    """Pelican reads files in a set's order; ties in date and slug must not follow it."""
    dumps = tmp_path / "content" / "dumps"
    dumps.mkdir(parents=True)
    places = ["the northern dam", "the delta farms", "the border towns", "the upstream reservoir",
              "the fishing ports", "the capital's suburbs"]
    for i, place in enumerate(places):
        body = "\n\n".join(
            f"Engineers inspecting {place} reported in week {n} that {other} would need new pumps, "
            f"a request that delegations from {place} had raised before the talks began."
            for n, other in enumerate(places[i + 1:] + places[:i]))
        (dumps / f"{i}.txt").write_text(f"Talks on the river treaty resume\n\n{body}\n", encoding="utf-8")
    build(tmp_path / "content", tmp_path / "a", tmp_path / "ca", hash_seed="1")
    build(tmp_path / "content", tmp_path / "b", tmp_path / "cb", hash_seed="2")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len([name for name in first if name.startswith("articles/talks-on-the-river")]) == 6
    assert [name for name in first if first[name] != second.get(name)] == []


@pytest.mark.parametrize("relative", [False, True], ids=["deferred", "relative-urls-in-order"])
def test_the_incremental_writer_writes_what_pelicans_own_writer_writes(tmp_path, relative):
    """150 synthetic dumps make over MIN_PAGES pages, so the incremental writer forks;
    with RELATIVE_URLS it renders each page as Pelican asks for it, in order."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic

    dumps = tmp_path / "content" / "dumps"
    dumps.mkdir(parents=True)
    for i, article in enumerate(synthetic.articles(150, seed=3)):
        (dumps / f"{i:03d}.txt").write_text(synthetic.to_text(article), encoding="utf-8")
    build(tmp_path / "content", tmp_path / "parallel", tmp_path / "c1", INCREMENTAL={"workers": 2},
          RELATIVE_URLS=relative)
    build(tmp_path / "content", tmp_path / "pelican", tmp_path / "c2",
          PLUGINS=["dumps", "topics", "maps", "feeds", "seo"], RELATIVE_URLS=relative)
    ours, pelicans = tree(tmp_path / "parallel"), tree(tmp_path / "pelican")
    assert sum(name.endswith(".html") for name in ours) > parallel.MIN_PAGES
    assert ours.keys() == pelicans.keys()
    assert [name for name in ours if ours[name] != pelicans[name]] == []


def test_progress_shows_by_default_and_not_under_quiet(archive, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("progress")
    log = build(archive / "content", tmp_path / "out", tmp_path / "cache")
    assert re.search(r"Dumps: 41/41 read in [\d.]+ s", log)
    quiet = subprocess.run([sys.executable, "-m", "pelican", str(archive / "content"), "-o", str(tmp_path / "q"),
                            "-s", "pelicanconf.py", "--cache-path", str(tmp_path / "qc"), "-q"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0, quiet.stderr[-3000:]
    assert "Dumps:" not in quiet.stdout + quiet.stderr
