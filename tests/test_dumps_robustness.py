"""The cleaner on arbitrary and oversized input: it never raises, never lets markup through, never hangs."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.dumps.boilerplate import Boilerplate
from plugins.dumps.clean import Cleaner
from plugins.dumps.pipeline import clean_dump

CLEANER = Cleaner(Boilerplate(), frozenset({"share this story", "background"}))
DANGEROUS = re.compile(r"<script|\son\w+\s*=|javascript:", re.I)
TAG = re.compile(r"<[^>]*>")
ALLOWED_TAG = re.compile(r"</?(p|h2|h3|ul|ol|li|blockquote|strong|em|br)>")
MARKUP = st.sampled_from([
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//x></iframe>", '<p style="x" onclick=alert(1)>', "<svg onload=alert(1)>", "**", "> ", "* ",
    "\n\n", "\n", "Subscribe now\n", "Share this story\n", "By A Writer\n", "May 4, 2021\n", "\x00", "\ufeff",
    "The minister said the talks would continue next week in the capital, despite the protests outside.",
])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, source: str) -> None:
    result = clean_dump(data, source, CLEANER)
    assert result.html or result.skip_reason
    # Text may say "on=" or "javascript:" (escaped, harmless); no tag may carry them.
    for tag in TAG.findall(result.html):
        assert ALLOWED_TAG.fullmatch(tag), tag
        assert not DANGEROUS.search(tag), tag
    assert "<script" not in result.html.lower()
    assert not TAG.search(result.summary)


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from(["x.txt", "x.html"]))
def test_arbitrary_bytes(data, source):
    check(data, source)


@SETTINGS
@given(st.lists(st.one_of(st.text(max_size=200), MARKUP), max_size=40),
       st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]), st.sampled_from(["x.txt", "x.html"]))
def test_arbitrary_text_with_markup_and_furniture(parts, encoding, source):
    text = "".join(parts)
    if source == "x.html":
        text = f"<html><body><article>{text}</article></body></html>"
    check(text.encode(encoding, errors="replace"), source)


PARAGRAPH = ("The defence ministers agreed on Friday to extend the joint patrols along the river for another year, "
             "although neither government would say how many soldiers will take part in them. ")


def test_a_five_megabyte_text_dump_finishes():
    paragraphs = [f"Section {i}: " + PARAGRAPH for i in range(5_000_000 // len(PARAGRAPH) + 1)]
    data = ("A very long dump\n\n" + "\n\n".join(paragraphs)).encode()
    assert len(data) >= 5_000_000
    result = clean_dump(data, "big.txt", CLEANER)
    assert result.html or result.skip_reason
    assert not result.skip_reason and "joint patrols" in result.html


def test_a_three_megabyte_line_finishes():
    """A text dump's line is cut to MAX_LINE characters: cut mid-sentence, it is a fragment,
    not prose, and the dump is skipped. A page's paragraph is cut to as much and published."""
    line = (PARAGRAPH * (3_000_000 // len(PARAGRAPH) + 1)).strip()
    text = clean_dump(f"A title\n\n{line}\n".encode(), "line.txt", CLEANER)
    assert text.skip_reason.startswith("no article found"), text.skip_reason
    assert text.html == ""
    page = clean_dump(f"<html><body><article><p>{line}</p></article></body></html>".encode(), "line.html", CLEANER)
    assert not page.skip_reason, page.skip_reason
    assert "joint patrols" in page.html and len(page.html) < 100_000


def test_a_huge_line_without_spaces_finishes():
    result = clean_dump(b"A title\n\n" + b"x" * 3_000_000, "junk.txt", CLEANER)
    assert result.skip_reason
