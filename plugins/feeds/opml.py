"""One OPML file listing every topic feed, so a reader can import them all at once."""

from xml.etree import ElementTree as ET

from .clean import plain_text

__all__ = ["render"]


def render(title: str, topics) -> bytes:
    """`topics`: (tag, rss Feed, absolute topic page URL) triples, in the order to list them.

    No dateCreated: the file must not change between two builds of the same content.
    """
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(opml, "body")
    for tag, feed, page_url in topics:
        name = plain_text(tag.name)
        ET.SubElement(
            body, "outline", type="rss", text=name, title=name,
            xmlUrl=feed.absolute_url, htmlUrl=page_url,
            category=str(getattr(tag, "kind", "other")),
        )
    ET.indent(opml)
    return ET.tostring(opml, encoding="utf-8", xml_declaration=True) + b"\n"
