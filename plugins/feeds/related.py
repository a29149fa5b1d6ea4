"""Article-to-article links the theme shows: newer/older neighbours and related articles.

Related articles share topics. Scoring every pair would be quadratic in a 10^5-article
archive, so each article only looks at the WINDOW articles nearest in time within each
of its topics: the work is linear in articles x topics x WINDOW.
"""

import heapq
from collections import defaultdict

__all__ = ["link_articles"]

WINDOW = 8


def link_articles(articles, count: int) -> None:
    """Set `newer_article`, `older_article` and `related_articles` on each article.

    `articles` is Pelican's list, newest first. Related ones share the most topics,
    then are closest in date, then go by URL so the choice is stable between builds.
    """
    positions = {}  # (topic slug, article index) -> position within that topic's list
    by_tag, slugs = defaultdict(list), []
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
        # Topics by slug, the way Pelican compares them, read once: a slug is a string
        # that hashes in C, a tag object's hash is Python code run on every lookup.
        slugs.append([tag.slug for tag in getattr(article, "tags", ())])
        for slug in slugs[index]:
            positions[slug, index] = len(by_tag[slug])
            by_tag[slug].append(index)

    # Read once: the ranking below would read each many times.
    urls, stamps = [a.url for a in articles], [a.date.timestamp() for a in articles]
    for index, article in enumerate(articles):
        shared = defaultdict(int)
        for slug in slugs[index]:
            members, at = by_tag[slug], positions[slug, index]
            for other in members[max(0, at - WINDOW): at + WINDOW + 1]:
                if other != index:
                    shared[other] += 1
        stamp = stamps[index]
        # Ranked as tuples compared in C: most shared topics, nearest in time, then URL.
        ranked = heapq.nsmallest(count, [(-n, abs(stamps[o] - stamp), urls[o], o) for o, n in shared.items()])
        article.related_articles = [articles[o] for *_, o in ranked]
