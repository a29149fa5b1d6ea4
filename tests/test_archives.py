"""Period archives grouped in linear time hold what Pelican's own scan puts in them."""

import sys
from types import SimpleNamespace

from test_site_build import build, tree, write_posts

from plugins.archives import period_articles


def test_period_articles_keeps_each_periods_articles_in_the_articles_order():
    a, b, c, d = (SimpleNamespace(n=n) for n in "abcd")
    articles = [d, c, b, a]  # newest first, as Pelican lists them
    archives = {"year": [{"dates": [a, b]}, {"dates": [c, d]}], "month": [{"dates": [a]}, {"dates": [b, c]}]}
    period_articles(archives, articles)
    assert [x["articles"] for x in archives["year"]] == [[b, a], [d, c]]
    assert [x["articles"] for x in archives["month"]] == [[a], [c, b]]


def test_period_articles_matches_by_identity_not_equality():
    one, twin = {"title": "same"}, {"title": "same"}  # equal, not the same article
    archives = {"year": [{"dates": [one]}]}
    period_articles(archives, [twin, one])
    assert archives["year"][0]["articles"] == [one] and archives["year"][0]["articles"][0] is one


def test_archive_pages_and_context_equal_pelicans_own(tmp_path, monkeypatch):
    write_posts(tmp_path / "content")
    scanned = []
    build(tmp_path / "content", tmp_path / "pelican", PLUGINS=["feeds", "seo"])
    pelican_build = sys.modules["pelican.generators"].ArticlesGenerator._build_period_archives

    def spy(self, sorted_articles, articles, settings):
        scanned.append(len(articles))
        return pelican_build(self, sorted_articles, articles, settings)

    monkeypatch.setattr(sys.modules["pelican.generators"].ArticlesGenerator, "_build_period_archives", spy)
    build(tmp_path / "content", tmp_path / "ours", PLUGINS=["feeds", "seo", "archives"])
    ours, pelicans = tree(tmp_path / "ours"), tree(tmp_path / "pelican")
    pages = [name for name in ours if name.startswith("archives/") and name.count("/") > 1]
    assert len(pages) > 12  # years and months
    assert {name: ours[name] for name in pages} == {name: pelicans[name] for name in pages}
    assert scanned == [0]  # Pelican was given no articles to scan


def test_a_pelican_without_the_private_builder_is_left_alone(caplog):
    from plugins.archives import linear_period_archives

    generator = SimpleNamespace()
    linear_period_archives(generator)
    assert not hasattr(generator, "_build_period_archives")
    assert "plugin inactive" in caplog.text
