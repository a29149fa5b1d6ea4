"""The TOPICS setting: defaults, merged once with the user's dict and validated."""
from types import MappingProxyType

DEFAULTS = MappingProxyType({
    "max_tags": 12,  # cap per article (editor and override tags included)
    "min_score": 3.5,  # salience a topic needs: more than a passing mention
    "relation_min": 2.0,  # pair evidence a relation needs (a shared sentence counts 1)
    "party_min": 3.5,  # salience each side of a relation needs
    "single_min": 2.0,  # salience of an agreement, operation, organisation or group named
    #                     in the title or lede, or referred back to ("the agreement")
    "refer_weight": 1.0,  # what one reference back counts, as a mention in the same place
    "spread_min": 2,  # paragraphs a topic the title and lede do not name must be named in
    "sport_min": 4,  # sport words and score lines that make a story a sports one
    "aliases": {},  # extra spellings: {"Turkiye": "Turkey"}
    "block": [],  # topics never emitted
    "data_dir": None,  # another folder of taxonomy YAML (default: the plugin's data/)
})


def read(settings):
    """Merged TOPICS settings as a read-only mapping; unknown keys are an error, not a silent typo."""
    user = settings.get("TOPICS") or {}
    unknown = set(user) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"TOPICS: unknown keys {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    merged = {**DEFAULTS, **user}
    if not isinstance(merged["max_tags"], int) or merged["max_tags"] < 1:
        raise ValueError("TOPICS['max_tags'] must be a positive integer")
    return MappingProxyType(merged)
