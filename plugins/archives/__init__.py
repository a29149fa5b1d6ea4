"""Pelican plugin: period archives (per year, month, day) grouped in linear time.

Pelican fills each period archive with `[a for a in articles if a in dates]`, a list
scan per article: every granularity costs articles x articles comparisons, 1.5 s of
a 10,000-article build. This plugin lets Pelican build the archives as usual (URLs,
save_as, period names are its own) from an empty article list, then fills in each
period's articles in one pass, in the same order. Articles compare by identity, so the
result is the one Pelican's scan gives. Articles flagged `undated` (plugins/dumps) are in
no period: /archives/ lists them under their own heading.
"""

import logging

from pelican import signals

__all__ = ["register"]

logger = logging.getLogger(__name__)


def period_articles(archives: dict, articles: list) -> None:
    """Set archive["articles"]: the articles among `articles` in its `dates`, in their order."""
    for granularity in archives.values():
        period_of = {}  # id(article) -> its archive's article list
        for archive in granularity:
            archive["articles"] = []
            for article in archive["dates"]:
                period_of[id(article)] = archive["articles"]
        for article in articles:
            found = period_of.get(id(article))
            if found is not None:
                found.append(article)


def linear_period_archives(generator) -> None:
    """Wrap this generator's archive builder (the instance's own, nothing global)."""
    build = getattr(generator, "_build_period_archives", None)
    if build is None:  # a Pelican that builds archives another way: leave it alone
        logger.warning("archives: this Pelican has no _build_period_archives; plugin inactive")
        return

    def build_linear(sorted_articles, articles, settings):
        # An undated article belongs to no period: its date is only a sort key.
        archives = build([a for a in sorted_articles if not getattr(a, "undated", False)], [], settings)
        period_articles(archives, articles)
        return archives

    generator._build_period_archives = build_linear


def register():
    signals.article_generator_init.connect(linear_period_archives)
