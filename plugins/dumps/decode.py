"""Bytes of a dump to clean text: whatever encoding the scraper left behind."""

import codecs
import functools
import re


@functools.cache
def ftfy_with_options():
    """ftfy and what decode() asks of it. Imported on first use: a rebuild whose dumps all
    come from the cache decodes none (prepare.py imports it before its workers start).
    Curly quotes and full-width forms (a Chinese text's "，" and "！") are kept as written."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(explain=False, normalization="NFC", uncurl_quotes=False,
                                      fix_character_width=False, fix_line_breaks=True)


# ftfy works line by line; a line of printable ASCII without "&" (no entity to unescape,
# no control character, no CR) is one it returns unchanged, so only a line holding some
# other character goes through it: a few lines of a dump, and most of ftfy's cost.
_FOR_FTFY = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")

# Characters XML 1.0 and HTML forbid (C0 controls but tab/newline/CR, C1 controls,
# surrogates and the two non-characters), plus noise scrapers leave: zero-width
# characters, and the private-use characters icon fonts draw as a menu's arrows, a search
# glass or a share button, which no other font shows (a box in the reader's browser).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff\u200b\ufeff"
                        "\ue000-\uf8ff\U000f0000-\U0010ffff]")

# Soft hyphens, as characters and as a saved page's entities: a hint where a browser may
# break a word ("Bun&shy;des&shy;tag"), invisible, but it splits the word for the search
# index, the topic tagger and a byline ("Mat\xadthi\xadas"). German news sites set them
# all through their text.
_SOFT_HYPHENS = re.compile(r"\xad|&shy;|&#173;|&#x0*ad;", re.I)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Bytes that text can hold: tab, newline, form feed, carriage return and everything from
# the space up. Any other byte is a control character that prose has no use for.
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])
# Terminal escape sequences (ECMA-48: CSI like "ESC[31m", OSC up to BEL or ST, and the
# two-byte ones): a log or console capture carries them, and they are text's formatting,
# not binary. As bytes for looks_binary, as characters for decode.
_ESCAPES = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])"
_ESCAPE_BYTES = re.compile(_ESCAPES.encode())
_ESCAPE_CHARS = re.compile(_ESCAPES)
# C0 controls but tab, newline and CR (ftfy makes CR a newline), and DEL: stripped, and
# counted for the build report. C1 controls are left for after mojibake repair, which
# needs them ("â€\x9d" is a mangled quote).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The share of bytes that cannot be text above which a file is binary. Random or
# compressed bytes (images, archives, PDF streams) have 11% (28 of 256 byte values), and
# executables far more; prose with a stray NUL, vertical tab or colour escape, well under 1%.
BINARY_SHARE = 0.05
SAMPLE = 4096  # bytes looks_binary reads


def _utf16_without_bom(sample: bytes) -> bool:
    """NULs in every other byte, and rarely in the others: UTF-16 of mostly Latin text."""
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / max(len(even), 1), odd.count(0) / max(len(odd), 1)
    return even_nuls > 0.4 and odd_nuls < 0.1 or odd_nuls > 0.4 and even_nuls < 0.1


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding a scraper would write: decided by
    the share of bytes that cannot be text, so one stray control byte does not lose an article."""
    sample = data[:SAMPLE]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample and _utf16_without_bom(sample):
        sample = sample.replace(b"\x00", b"")  # the high bytes of Latin characters
    sample = _ESCAPE_BYTES.sub(b"", sample)
    return len(sample.translate(None, _TEXT_BYTES)) > BINARY_SHARE * len(sample)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data[:4096].count(0) > 0.3 * len(data[:4096]):
        even_nuls = data[0:4096:2].count(0)
        return data.decode("utf-16-be" if even_nuls > len(data[0:4096:2]) / 2 else "utf-16-le", errors="replace")
    # Legacy single-byte encodings often score the same; then windows-1252 wins, as it
    # does in browsers (WHATWG reads "latin-1" as windows-1252 too).
    from charset_normalizer import from_bytes  # rarely needed: most dumps are UTF-8

    matches = from_bytes(data[:200_000])
    best = matches.best()
    tied = {m.encoding for m in matches if best and m.chaos <= best.chaos}
    encoding = best.encoding if best and "cp1252" not in tied else "cp1252"
    return data.decode(encoding, errors="replace")


def repair(text: str) -> str:
    """ftfy.fix_text(text) with decode()'s options, skipping the lines it would not change.

    The loop is ftfy's own (fix_text): segments end at newlines or max_decode_length, and
    HTML entities stop being unescaped from the first segment holding a "<". The lines
    before the next one ftfy could change are passed on in one piece.
    """
    (ftfy, config), out, pos = ftfy_with_options(), [], 0
    while pos < len(text):
        found = _FOR_FTFY.search(text, pos)
        end = len(text) if found is None else text.rfind("\n", pos, found.start()) + 1
        unchanged = end > pos  # whole lines, each a segment ftfy returns as it is
        if not unchanged:
            end = text.find("\n", pos) + 1 or len(text)
            end = min(end, pos + config.max_decode_length)
        segment = text[pos:end]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        if not unchanged and _FOR_FTFY.search(segment):
            segment = ftfy.fix_and_explain(segment, config)[0]
        out.append(segment)
        pos = end
    return "".join(out)


def decode(data: bytes, notes: list | None = None) -> str:
    """Decode, strip terminal escapes and control characters, repair mojibake ("donâ€™t"),
    drop forbidden characters, normalise newlines. What was stripped is appended to `notes`
    (one line for the build report), when given."""
    text = _decode(data)
    text, escapes = _ESCAPE_CHARS.subn("", text)
    controls = sorted(set(_CONTROL_CHARS.findall(text)))
    if controls:
        text, count = _CONTROL_CHARS.subn("", text)
    if notes is not None and (escapes or controls):
        stripped = [f"{escapes} terminal escape sequence{'s' * (escapes != 1)}"] if escapes else []
        if controls:
            names = ", ".join(f"U+{ord(c):04X}" for c in controls)
            stripped.append(f"{count} control character{'s' * (count != 1)} ({names})")
        notes.append("stripped " + " and ".join(stripped))
    text = repair(text)
    text = _FORBIDDEN.sub("", text)
    if "\xad" in text or "&" in text:  # most text dumps have neither: no scan
        text = _SOFT_HYPHENS.sub("", text)
    return text.replace("\u00a0", " ")


def strip_forbidden(text: str) -> str:
    """Remove characters XML forbids from text that did not come through decode()."""
    return _FORBIDDEN.sub("", text)
