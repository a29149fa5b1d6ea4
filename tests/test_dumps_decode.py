"""Decoding whatever bytes a scraper left: BOMs, UTF-16, legacy code pages, mojibake, junk."""

import codecs
import zlib

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.dumps.decode import decode, looks_binary, repair, strip_forbidden

TEXT = "Türkiye’s foreign minister said the “S-400 deal” is closed — a done deal, café talk aside."


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-8"),
], ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "utf8"])
def test_unicode_encodings(data):
    assert decode(data) == TEXT
    assert not looks_binary(data)


def test_cp1252():
    text = "The minister’s “red lines” cost €2 billion – and nobody said “no” in Brussels at all, not even once."
    assert decode(text.encode("cp1252")) == text


def test_latin1_is_not_read_as_another_code_page():
    text = "La réunion à Genève a été très tendue, selon le ministre français des affaires étrangères, à l'époque."
    assert decode(text.encode("latin-1")) == text


def test_mojibake_is_repaired():
    assert decode("Ankara donâ€™t want the â€œdealâ€\x9d to fail".encode("utf-8")) == "Ankara don’t want the “deal” to fail"
    assert decode("We donâ€™t know.".encode("utf-8")) == "We don’t know."


def test_nuls_and_forbidden_control_characters_are_stripped():
    text = decode(b"Sanctions\x00 were\x01 lifted\x0b on\x1f Monday\x7f.\x0c\n")
    assert text == "Sanctions were lifted on Monday.\n"
    assert strip_forbidden("a\x00b\x08c\ufffed\x9fe") == "abcde"


def test_icon_font_glyphs_are_stripped():
    """Private-use characters are an icon font's arrows and buttons: in a dump, a box."""
    text = decode("\ue313 \ue316 Regions\nNext\ue315\n\uf1a0 \uf2c6\nDer Kühlschrank 冷蔵庫\n".encode("utf-8"))
    assert text == "  Regions\nNext\n \nDer Kühlschrank 冷蔵庫\n"


def test_soft_hyphens_are_removed_as_characters_and_as_entities():
    """A hint where to break a word: kept, it splits the word for search, tags and bylines."""
    assert decode("Mat\xadthi\xadas Lau\xaderer".encode("utf-8")) == "Matthias Lauerer"
    assert decode(b"<p>Bun&shy;des&shy;tag, T&#173;\xc3\xbcr&#xad;kei</p>") == "<p>Bundestag, Türkei</p>"


def test_terminal_escapes_and_controls_are_stripped_and_noted():
    notes = []
    text = decode(b"Both\x0b sides met in \x1b[31mGeneva\x1b[0m on\x00 Tuesday.\x1b]0;title\x07\n", notes)
    assert text == "Both sides met in Geneva on Tuesday.\n"
    assert notes == ["stripped 3 terminal escape sequences and 2 control characters (U+0000, U+000B)"]
    notes = []
    assert decode(TEXT.encode("utf-8"), notes) == TEXT and notes == []


def test_newlines_are_normalised():
    assert decode(b"one\r\ntwo\rthree") == "one\ntwo\nthree"


@pytest.mark.parametrize("data,binary", [
    (bytes(range(256)) * 20, True),
    (b"\x89PNG\r\n\x1a\n" + bytes([0, 0, 0, 13]) + b"IHDR" + bytes(200), True),
    (b"%PDF-1.4\n" + bytes([0, 1, 2, 3, 200, 201, 0, 7, 8]) * 50, True),
    (bytes(5000), True),
    (zlib.compress(TEXT.encode("utf-8") * 400 + bytes(range(256)) * 40, 9), True),
    (TEXT.encode("utf-8"), False),
    # Stray controls in prose: a share of a percent, not binary.
    ((TEXT + "\x0b " + TEXT + " \x1b[31mred\x1b[0m " + TEXT + "\x00").encode("utf-8"), False),
    (("\x1b[1;32m" + "ok " * 5 + "\x1b[0m\n").encode() * 50, False),
    (b"", False),
])
def test_binary_detection(data, binary):
    assert looks_binary(data) is binary


def test_a_cyrillic_code_page_is_still_detected():
    text = "Министр иностранных дел заявил, что переговоры продолжатся в Женеве на следующей неделе."
    assert decode(text.encode("cp1251")) == text


# Pieces ftfy treats specially (entities, tags, CRs, mojibake, ligatures, wide and control
# characters) among plain ones, so lines of every kind meet in one text.
PIECES = ["plain words ", "AT&amp;T ", "&eacute;", "<b>", "\n", "\r\n", "\r", "donâ€™t ", "ﬁnance ",
          "ＬＯＵＤ ", "\x1b[31m", "\x07", "\x85", "café ", "“quoted” ", "e\u0301", "\t", "x" * 30]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_repair_is_ftfy_with_the_same_options(pieces):
    text = "".join(pieces)
    assert repair(text) == ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_character_width=False,
                                         fix_line_breaks=True)
