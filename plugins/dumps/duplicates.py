"""The same article dumped twice (other furniture, another site) becomes one post.

Two articles are the same when most of their long paragraphs are the same text. But two
different articles from one site share its furniture, sometimes whole paragraphs of it (a
platform's sign-up text, a licence note) that cleaning let through: a long paragraph found
in `COMMON` or more articles says nothing about which two are the same, so it is left out
of the comparison. Copies of one article dumped that many times are still one post when
their blocks, short ones included, are all the same. An inverted index from paragraph to
article keeps this linear in the archive's size.
"""

import re

from .blocks import text_key

_BLOCK = re.compile(r"<(p|li|h2|blockquote)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_MIN_WORDS = 20
# Short blocks (list items, headings, short paragraphs) count for the copies test only.
_SHORT_MIN_WORDS = 3
_SHORT = "~"
SHARED = 0.5
# A long paragraph in this many articles or more is furniture, not evidence.
COMMON = 3


def fingerprint(html: str) -> set[str]:
    """Keys of an article body's blocks: long paragraphs as they are, shorter blocks
    marked with "~" (they only tell copies apart when every long one is common)."""
    keys = set()
    for _, block in _BLOCK.findall(html or ""):
        text = _TAG.sub("", block)
        words = len(text.split())
        if words >= _MIN_WORDS:
            keys.add(text_key(text))
        elif words >= _SHORT_MIN_WORDS:
            keys.add(_SHORT + text_key(text))
    return keys


def find_duplicates(articles: list, keys_of=lambda article: fingerprint(article.content)) -> dict:
    """{duplicate article: the article kept}, keeping the first of each group in order.

    keys_of(article) gives an article's fingerprint (by default, from its content)."""
    fingerprints = [(article, keys_of(article) or frozenset()) for article in articles]
    found_in: dict[str, int] = {}
    for _, keys in fingerprints:
        for key in keys:
            if not key.startswith(_SHORT):
                found_in[key] = found_in.get(key, 0) + 1
    owner: dict[str, object] = {}
    kept_keys = {}
    duplicates = {}
    for article, keys in fingerprints:
        long = [k for k in keys if not k.startswith(_SHORT)]
        if not long:
            continue
        telling = {k for k in long if found_in[k] < COMMON}
        counts: dict[int, int] = {}
        others = {}
        for key in long:
            other = owner.get(key)
            if other is not None:
                counts[id(other)] = counts.get(id(other), 0) + (key in telling)
                others[id(other)] = other
        if telling:
            best = max(counts, key=counts.get, default=None)
            match = others[best] if best is not None and counts[best] >= SHARED * len(telling) else None
        else:  # nothing but common paragraphs: only an identical body is a copy
            match = next((others[i] for i in counts if kept_keys[i] == keys), None)
        if match is not None:
            duplicates[article] = match
            continue
        kept_keys[id(article)] = keys
        for key in long:
            owner.setdefault(key, article)
    return duplicates
