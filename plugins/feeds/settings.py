"""The `FEEDS` setting, read once into an immutable object and validated."""

from dataclasses import dataclass, fields

__all__ = ["FeedSettings", "read"]


@dataclass(frozen=True)
class FeedSettings:
    """Every key of `FEEDS` with its default; unknown keys are an error, not a silent no-op."""

    #: newest articles in the site feeds
    max_items: int = 20
    #: newest articles in each topic's feeds
    topic_max_items: int = 20
    #: base for absolute feed URLs when SITEURL is empty (local builds): feed readers need
    #: absolute links, and this is where `pelican --listen` serves the site.
    site_url: str = "http://localhost:8000"
    #: related articles shown under an article
    related_articles: int = 4
    #: processes that render feeds, the build's own counted: 0 is one per CPU, 1 renders
    #: them all in the build's own. The others start as soon as the articles are final.
    workers: int = 0


def read(settings) -> FeedSettings:
    """Build FeedSettings from Pelican settings without touching the `FEEDS` dict."""
    given = dict(settings.get("FEEDS") or {})
    known = {f.name: f for f in fields(FeedSettings)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise ValueError(f"FEEDS: unknown key(s) {unknown}; known: {sorted(known)}")
    for key, value in given.items():
        expected = type(getattr(FeedSettings, key))
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ValueError(f"FEEDS[{key!r}] must be {expected.__name__}, got {value!r}")
        if expected is int and value < 0:
            raise ValueError(f"FEEDS[{key!r}] must be >= 0, got {value!r}")
    return FeedSettings(**given)
