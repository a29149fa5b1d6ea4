"""A saved HTML page into blocks and metadata.

trafilatura finds the main content and keeps its structure (headings, lists, quotes,
bold); the page's own metadata (Open Graph, JSON-LD, <meta>, the visible byline) comes
from trafilatura's metadata reader, with htmldate told not to guess from the text.
Furniture that sits inside the article container (sign-up cards, "Also read" boxes) is
left for the shared block rules in clean.py.
"""

import re

import trafilatura
from . import metadata as meta
from .blocks import Block, squash

_TAG_LINK = re.compile(
    r"""<a\b[^>]*?(?:rel=["'][^"']*\btag\b[^"']*["'][^>]*>|href=["'][^"']*/tags?/[^"']*["'][^>]*>)(?P<text>[^<]{1,80})</a>""",
    re.I,
)
_META_TAG = re.compile(r"""<meta\b[^>]*property=["']article:tag["'][^>]*content=["'](?P<tag>[^"']{1,80})["']""", re.I)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _inline(element) -> str:
    """Text of an element with its bold runs as **text**."""
    parts = [element.text or ""]
    for child in element:
        inner = _inline(child)
        if child.tag == "hi" and "#b" in (child.get("rend") or "") and inner.strip():
            parts.append(f"**{inner.strip()}** " if inner.endswith(" ") else f"**{inner.strip()}**")
        else:
            parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(main) -> list[Block]:
    blocks: list[Block] = []
    for element in main:
        tag = element.tag
        if tag == "head":
            kind = "h"
        elif tag == "list":
            ordered = (element.get("rend") or "").startswith("ol")
            for item in element.iter("item"):
                text = squash(_inline(item))
                if text:
                    blocks.append(Block(text=text, kind="li", ordered=ordered, line=len(blocks) + 1))
            continue
        elif tag == "quote":
            kind = "quote"
        elif tag in ("p", "table", "code"):
            kind = "p"
        else:
            continue
        text = squash(_inline(element)) if tag != "quote" else squash(" ".join(_inline(p) for p in element) or _inline(element))
        if text:
            blocks.append(Block(text=text, kind=kind, line=len(blocks) + 1))
    return blocks


def tag_hints(html: str) -> list[str]:
    """Tags the page itself carries (article:tag, rel=tag links): hints for the tagger."""
    found = [m["tag"] for m in _META_TAG.finditer(html)] + [m["text"] for m in _TAG_LINK.finditer(html)]
    return list(dict.fromkeys(squash(t) for t in found if squash(t)))


def html_blocks(html: str) -> tuple[list[Block], dict]:
    """Blocks of the page's main content, and what its metadata says."""
    document = trafilatura.bare_extraction(
        html,
        output_format="python",
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,
        date_extraction_params=_DATE_PARAMS,
        as_dict=False,
    )
    if document is None or document.body is None:
        return [], {}
    found = {
        "title": squash(document.title or ""),
        "author": squash(document.author or ""),
        "date": meta.parse_iso(document.date or ""),
        "tag_hints": tag_hints(html),
    }
    return _blocks(document.body), found

