"""Topic-page context: counts, dates, related topics and the /topics/ grouping by kind."""
from collections import Counter

KIND_LABELS = (
    ("country", "Countries"),
    ("relation", "Relations"),
    ("organisation", "Organisations"),
    ("system", "Systems"),
    ("group", "Groups"),
    ("agreement", "Agreements"),
    ("person", "People"),
    ("other", "Other"),
)
MAX_RELATED = 8


def annotate(tags):
    """Set count, first_date, last_date, related and relations on every topic of
    `tags` ({topic: [articles]}); cost is linear in the tag assignments, because
    co-occurrence is counted per article over its own (at most max_tags) topics."""
    present = set(tags)
    together = {topic: Counter() for topic in tags}
    seen = set()
    for topic, articles in tags.items():
        dates = [a.date for a in articles if not getattr(a, "undated", False)]  # undated: a sort key only
        topic.count = len(articles)
        if dates:
            topic.first_date, topic.last_date = min(dates), max(dates)
        for article in articles:
            if id(article) in seen:
                continue
            seen.add(id(article))
            mine = [t for t in article.tags if t in present]
            for t in mine:
                together[t].update(u for u in mine if u is not t)
    relations = {topic: [] for topic in tags}
    for topic in tags:
        for party in getattr(topic, "countries", ()):
            if party in relations:
                relations[party].append(topic)
    for topic, counter in together.items():
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].name.casefold()))
        topic.related = [t for t, _ in ranked[:MAX_RELATED]]
        topic.relations = sorted(relations[topic], key=lambda t: (-t.count, t.name.casefold()))


def by_kind(tags):
    """[(label, topics sorted by count desc then name)] in a fixed kind order."""
    groups = []
    for kind, label in KIND_LABELS:
        members = sorted((t for t in tags if getattr(t, "kind", "other") == kind),
                         key=lambda t: (-t.count, t.name.casefold()))
        if members:
            groups.append((label, members))
    return groups
