"""Make article text safe for a feed: sanitised HTML, absolute links, no XML-illegal characters.

Feed readers render entry HTML outside the site, so relative links would break and
script would run in the reader; lxml refuses control characters outright.
"""

import re
from urllib.parse import urljoin

import nh3
from markupsafe import Markup

__all__ = ["feed_html", "plain_text", "xml_text"]

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_URL_ATTRIBUTES = {"href", "src", "cite"}


def xml_text(text) -> str:
    """Drop characters XML 1.0 forbids (and DEL), which feedgen/lxml would reject."""
    return _XML_ILLEGAL.sub("", str(text or ""))


def feed_html(html, base_url: str) -> str:
    """Sanitise `html` and resolve its links against `base_url` (the entry's permalink)."""

    def absolutise(_tag, attribute, value):
        return urljoin(base_url, value) if attribute in _URL_ATTRIBUTES else value

    return nh3.clean(xml_text(html), attribute_filter=absolutise, link_rel=None)


def plain_text(html) -> str:
    """Plain text from a Pelican title or tag name, which may carry markup and entities."""
    return xml_text(Markup(str(html)).striptags())
