"""The plugin's settings: one `SEARCH` dict in pelicanconf.py, merged over these defaults."""

from types import MappingProxyType

DEFAULTS = MappingProxyType(
    {
        # Build the index at all. Off, the Search page says search is unavailable; tests
        # that do not search switch it off to save the indexing time.
        "enabled": True,
        # Seconds Pagefind may take before the build gives up on the index (and says so).
        "timeout": 600,
    }
)


def search_settings(settings):
    """The effective SEARCH settings; an unknown key is an error, not a silent no-op."""
    given = dict(settings.get("SEARCH") or {})
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"SEARCH: unknown key(s) {unknown}; known: {sorted(DEFAULTS)}")
    return MappingProxyType({**DEFAULTS, **given})
