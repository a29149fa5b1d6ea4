"""The same article dumped twice (other furniture, another site) becomes one post.

Two articles are the same when most of their long paragraphs are the same text. An
inverted index from paragraph to article keeps this linear in the archive's size.
"""

import re

from .blocks import line_key

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
_MIN_WORDS = 20
SHARED = 0.5


def fingerprint(html: str) -> set[str]:
    """Keys of the long paragraphs of an article body."""
    keys = set()
    for paragraph in _PARAGRAPH.findall(html or ""):
        text = _TAG.sub("", paragraph)
        if len(text.split()) >= _MIN_WORDS:
            keys.add(line_key(text))
    return keys


def find_duplicates(articles: list, keys_of=lambda article: fingerprint(article.content)) -> dict:
    """{duplicate article: the article kept}, keeping the first of each group in order.

    keys_of(article) gives an article's paragraph keys (by default, from its content)."""
    owner: dict[str, object] = {}
    duplicates = {}
    for article in articles:
        keys = keys_of(article)
        if not keys:
            continue
        counts: dict[int, int] = {}
        kept = {}
        for key in keys:
            other = owner.get(key)
            if other is not None:
                counts[id(other)] = counts.get(id(other), 0) + 1
                kept[id(other)] = other
        best = max(counts, key=counts.get, default=None)
        if best is not None and counts[best] >= SHARED * len(keys):
            duplicates[article] = kept[best]
            continue
        for key in keys:
            owner.setdefault(key, article)
    return duplicates
