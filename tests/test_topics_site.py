"""Build a real two-post Pelican site with the topics plugin and check its topic pages."""
import pickle
import sys
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"

POST_A = """Title: Ankara tests the S-400 despite Washington
Date: 2024-01-02
Tags: Türkiye, Defence

Turkey tested its S-400 again, angering the United States. Ankara says the S-400 is no threat to NATO.

## What Washington wants

The United States wants Turkey to give up the S-400s. Relations between Turkey and the United States are at a low.
"""

POST_B = """Title: Turkey and Russia talk gas
Date: 2024-03-04

Turkey and Russia signed a gas deal in Ankara. Moscow will supply more gas to Turkey next year.
Russian and Turkish officials praised the deal.
"""


def build(tmp_path, post_a=POST_A):
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    (content / "a.md").write_text(post_a, encoding="utf-8")
    (content / "b.md").write_text(POST_B, encoding="utf-8")
    captured = {}

    from pelican import signals

    def grab(generator):
        captured["generator"] = generator

    signals.article_generator_finalized.connect(grab)
    try:
        settings = read_settings(path=None, override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "out"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "PLUGIN_PATHS": [str(PLUGINS)],
            "PLUGINS": ["topics"],
            "TAG_URL": "topics/{slug}/",
            "TAG_SAVE_AS": "topics/{slug}/index.html",
            "TAGS_SAVE_AS": "topics/index.html",
            "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
            "TIMEZONE": "UTC",
        })
        Pelican(settings).run()
    finally:
        signals.article_generator_finalized.disconnect(grab)
    return tmp_path / "out", captured["generator"]


def test_site_has_topic_pages_and_context(tmp_path):
    out, generator = build(tmp_path)
    for slug in ("turkey", "s-400", "turkey-us-relations", "russia-turkey-relations", "defence"):
        assert (out / "topics" / slug / "index.html").exists(), slug
    assert not (out / "topics" / "turkiye").exists()

    tags = {t.name: t for t in generator.tags}
    turkey = tags["Turkey"]
    assert turkey.kind == "country" and turkey.count == 2
    assert turkey.first_date.year == 2024 and turkey.first_date < turkey.last_date
    relation = tags["Turkey-US relations"]
    assert relation.kind == "relation"
    assert [c.name for c in relation.countries] == ["Turkey", "US"]
    assert relation.countries[0] is turkey  # one shared instance per name
    assert tags["Defence"].kind == "other"
    assert relation in turkey.relations and tags["Russia-Turkey relations"] in turkey.relations
    assert turkey.related[0].name in tags and turkey not in turkey.related

    labels = [label for label, _ in generator.context["topics_by_kind"]]
    assert labels == [label for label in ("Countries", "Relations", "Organisations", "Systems", "Groups",
                                          "Agreements", "People", "Other") if label in labels]
    countries = dict(generator.context["topics_by_kind"])["Countries"]
    assert countries[0] is turkey  # most articles first


def test_a_rebuild_takes_unchanged_articles_tags_from_the_cache(tmp_path, monkeypatch):
    _, first = build(tmp_path)
    tags = {a.title: [t.name for t in a.tags] for a in first.articles}
    tagged = []
    plugin = sys.modules["topics"]  # the module Pelican loaded from PLUGIN_PATHS
    real = plugin._detect
    monkeypatch.setattr(plugin, "_detect", lambda tagger, inputs: tagged.append(inputs[0]) or real(tagger, inputs))
    _, second = build(tmp_path)
    assert tagged == []
    assert {a.title: [t.name for t in a.tags] for a in second.articles} == tags
    build(tmp_path, post_a=POST_A.replace("S-400", "S-500"))
    assert len(tagged) == 1


def test_topic_members_answer_in_as_the_list_would(tmp_path):
    _, generator = build(tmp_path)
    for topic, members in generator.tags.items():
        assert type(members).__name__ == "_Members"
        for article in generator.articles:
            assert (article in members) == any(article is m for m in list(members))
        assert object() not in members
    # Everything but `in` is the list's: order, indexing, the paginator's slices, pickling.
    members = max(generator.tags.values(), key=len)
    assert len(members) > 1
    order = list(members)
    assert [members[i] for i in range(len(members))] == order
    assert members[:1] == order[:1] and list(reversed(members)) == order[::-1]
    assert members.index(order[-1]) == len(order) - 1
    assert sorted(order, key=lambda a: a.date, reverse=True) == order  # newest first, as Pelican built it
    copy = pickle.loads(pickle.dumps(type(members)(["c", "a", "b"])))
    assert list(copy) == ["c", "a", "b"] and "a" in copy
    twice = type(members)(["c", "a", "c"])  # iteration, indexing and len() must agree
    assert list(twice) == ["c", "a"] and len(twice) == 2 and twice[-1] == "a"
