"""Text dumps through the cleaner: layout, structure, metadata and the corpus signal."""

import textwrap

import pytest

from plugins.dumps.blocks import Block
from plugins.dumps.boilerplate import Boilerplate
from plugins.dumps.clean import Cleaner
from plugins.dumps.corpus import recurring_lines
from plugins.dumps.metadata import derive_title
from plugins.dumps.pipeline import clean_dump
from plugins.dumps.prose import is_prose

P = [
    "The foreign ministers of the two countries met in Geneva on Tuesday to restart talks that had been frozen "
    "since the border clash in the spring, and both sides described the meeting as frank.",
    "Officials in the capital said privately that the agreement would not hold unless the armies pulled back "
    "from the disputed valley, something neither general staff has so far been willing to order.",
    "The next round is expected before the summit in autumn, when the leaders could sign a framework on "
    "patrolling that diplomats have been drafting for most of the year.",
]
HEADER = "Border talks resume in Geneva\nBy Maria Okafor\nMarch 3, 2023\n4 minute read\n\n"


def clean(text, recurring=frozenset(), source="a.txt"):
    result = clean_dump(text.encode("utf-8"), source, Cleaner(Boilerplate(), recurring))
    assert not result.skip_reason, result.skip_reason
    return result


def body(result):
    return [(b.kind, b.plain) for b in result.cleaned.body]


def test_blank_line_paragraphs():
    result = clean(HEADER + "\n\n".join(P))
    assert body(result) == [("p", p) for p in P]
    assert result.html.count("<p>") == 3


def test_one_paragraph_per_line():
    result = clean("Border talks resume in Geneva\n" + "\n".join(P))
    assert body(result) == [("p", p) for p in P]


def test_hard_wrapped_paragraphs_are_rejoined_and_a_heading_stays_apart():
    wrapped = [textwrap.fill(p, 72) for p in P]
    text = HEADER + wrapped[0] + "\n\nWhat the generals want\n" + "\n\n".join(wrapped[1:])
    assert text.count("\n") > 12
    result = clean(text)
    assert body(result) == [("p", P[0]), ("h", "What the generals want"), ("p", P[1]), ("p", P[2])]
    assert "<h2>What the generals want</h2>" in result.html


def test_tab_parted_lines_one_under_another_are_shown_as_a_table():
    # A browser's text of a table: cells parted by tabs, a row a line. A lone tabbed line
    # and a row with one filled cell (a calendar's first week) stay lines.
    table = "Country\tCapital\tTroops\nEstonia\tTallinn\t1,200\nLatvia\tRiga\t\n"
    text = HEADER + P[0] + "\n\n" + table + "\n" + P[1] + "\n\nNote\tthe figures are for May\n\n \t \t1\n\n" + P[2]
    result = clean(text)
    assert [b.plain for b in result.cleaned.body][1:4] == ["Country Capital Troops", "Estonia Tallinn 1,200", "Latvia Riga"]
    assert ("<table>\n<tbody>\n<tr><td>Country</td><td>Capital</td><td>Troops</td></tr>\n"
            "<tr><td>Estonia</td><td>Tallinn</td><td>1,200</td></tr>\n<tr><td>Latvia</td><td>Riga</td><td></td></tr>\n"
            "</tbody>\n</table>") in result.html
    assert result.html.count("<table>") == 1 and "<td>Note" not in result.html and "<td>1</td>" not in result.html
    assert result.summary.startswith(P[0][:40]) and "Country" not in result.summary


@pytest.mark.parametrize("heading", ["", "Where the battalions stand\n"])
def test_a_table_right_under_the_last_paragraph_closes_the_article(heading):
    table = "Country\tCapital\tTroops\nEstonia\tTallinn\t1,200\nLatvia\tRiga\t1,500\n"
    text = HEADER + "\n\n".join(P) + "\n" + heading + table + "\nShare this story\n\nMo\tTu\tWe\n1\t2\t3\n"
    result = clean(text)
    assert "<td>Latvia</td>" in result.html and "<td>Mo</td>" not in result.html
    assert ("<h2>Where the battalions stand</h2>" in result.html) == bool(heading)


def test_a_table_below_other_lines_under_the_article_is_furniture():
    text = HEADER + "\n\n".join(P) + "\n\nMore from the region\n\nCountry\tCapital\nEstonia\tTallinn\nLatvia\tRiga\n"
    assert "<table>" not in clean(text).html


def test_hyphen_broken_words_are_joined_when_rewrapping():
    """A line that ends in a hyphen runs on into the next line's word with no space. The
    hyphen stays: a break at a compound's own hyphen ("general-staff") cannot be told from
    one the wrapping added."""
    text = "\n".join(textwrap.wrap((P[0] + " " + P[1] + " " + P[2]).replace("general staff", "general-staff"), 60))
    assert "general-\nstaff" in text  # the wrapped dump really breaks the word at a line's end
    result = clean("A title for a wrapped dump\n\n" + text)
    assert len(result.cleaned.body) == 1
    assert result.cleaned.body[0].plain.startswith("The foreign ministers")
    assert "neither general-staff has" in result.cleaned.body[0].plain


def test_lists_of_every_marker():
    items = ["* a star item", "- a dash item", "• a bullet item"]
    numbered = ["1. first numbered item", "2. second numbered item"]
    result = clean("\n\n".join([P[0], "The ministers agreed on these points:", *items, *numbered, P[1]]))
    assert [b for b in body(result) if b[0] == "li"] == [
        ("li", "a star item"), ("li", "a dash item"), ("li", "a bullet item"),
        ("li", "first numbered item"), ("li", "second numbered item"),
    ]
    assert "<ul>\n<li>a star item</li>" in result.html
    assert "<ol>\n<li>first numbered item</li>\n<li>second numbered item</li>\n</ol>" in result.html


def test_a_numbered_line_between_paragraphs_is_a_section_that_keeps_its_number():
    result = clean("\n\n".join([P[0], "1. Pull the armies back", P[1], "2. Patrol the valley together", P[2]]))
    assert body(result)[1] == ("p", "1. Pull the armies back")
    assert body(result)[3] == ("p", "2. Patrol the valley together")
    assert "<ol" not in result.html


def test_a_numbered_list_starts_from_its_first_number():
    result = clean("\n\n".join([P[0], "3. a third point", "4. a fourth point", P[1]]))
    assert '<ol start="3">\n<li>a third point</li>\n<li>a fourth point</li>\n</ol>' in result.html


def test_quotes_marked_and_standalone():
    marked = "> Our patience has limits, and the other side knows where they are."
    standalone = "“We will not give up a single inch of our land, whatever the cost.”"
    result = clean("\n\n".join([P[0], marked, standalone, P[1]]))
    quotes = [text for kind, text in body(result) if kind == "quote"]
    assert quotes == [marked[2:], standalone.strip("“”")]
    assert result.html.count("<blockquote>") == 2
    assert f"<blockquote><p>{standalone}</p></blockquote>" in result.html  # its marks shown


@pytest.mark.parametrize("line", ["« Nous ne céderons pas un pouce de notre territoire, quoi qu’il arrive. »",
                                  "„Wir geben keinen Zentimeter unseres Landes auf, was es auch kostet.“"])
def test_a_quoted_lines_words_are_the_quote_and_the_post_shows_its_marks(line):
    result = clean("\n\n".join([P[0], line, P[1]]))
    quote = next(block for block in result.cleaned.body if block.kind == "quote")
    assert quote.plain == line[1:-1].strip()
    assert f"<blockquote><p>{line}</p></blockquote>" in result.html


def test_a_links_arrows_are_no_quote():
    result = clean("\n\n".join([P[0], ">> The talks in Geneva go on", P[1]]))
    assert "<blockquote>" not in result.html
    assert "&gt;&gt; The talks in Geneva go on" in result.html


def test_a_quotation_mark_alone_is_no_block():
    from plugins.dumps.textdump import text_blocks

    assert [b.text for b in text_blocks(f"{P[0]}\n\n>\n\n{P[1]}")] == [P[0], P[1]]


def test_bold_becomes_strong():
    result = clean("\n\n".join([P[0], "The envoy called it **a red line** that nobody in the region should test again.", P[1]]))
    assert "<strong>a red line</strong>" in result.html
    assert "**" not in result.html


def test_subheadings_between_paragraphs():
    result = clean("\n\n".join([P[0], "The view from Delhi", P[1], "What comes next", P[2]]))
    assert [b for b in body(result) if b[0] == "h"] == [("h", "The view from Delhi"), ("h", "What comes next")]


def test_one_line_gives_both_author_and_date():
    c = clean("Border talks resume in Geneva\nBy Maria Okafor | 03/09/2023\n\n" + "\n\n".join(P)).cleaned
    assert (c.title, c.author, c.date.date().isoformat()) == ("Border talks resume in Geneva", "Maria Okafor", "2023-03-09")
    line = next(b for b in c.blocks if "Okafor" in b.plain)
    assert (line.role, line.rule) == ("date", "a date line and a byline")


def test_header_lines_become_metadata_not_body():
    result = clean(HEADER + "\n\n".join(P))
    c = result.cleaned
    assert (c.title, c.author, c.reading_time, c.title_derived) == ("Border talks resume in Geneva", "Maria Okafor", 4, False)
    assert c.date.date().isoformat() == "2023-03-03"
    for line in ("Border talks", "Okafor", "March 3", "minute read"):
        assert line not in result.html


@pytest.mark.parametrize("line,iso", [("Published on 11 September 2023", "2023-09-11"), ("2021-07-04", "2021-07-04"),
                                      ("Updated: Jan. 5, 2020", "2020-01-05")])
def test_date_line_forms(line, iso):
    result = clean(f"A headline about the talks\n{line}\n\n" + "\n\n".join(P))
    assert result.cleaned.date.date().isoformat() == iso


def test_no_title_line_gives_a_derived_title():
    lede = ("Three weeks after the coup in the capital, the junta has expelled the ambassador of the former "
            "colonial power, closed the airspace to its military flights, and asked its troops to leave within a month.")
    result = clean("\n\n".join([lede, P[1]]))
    c = result.cleaned
    assert c.title_derived
    assert c.title == ("Three weeks after the coup in the capital, the junta has expelled the ambassador of the former "
                       "colonial power")


LONG_CLAUSE = ("A very long opening clause that runs on about the strategic consequences of the new basing "
               "agreement for the whole region")


@pytest.mark.parametrize("lede,title", [
    ("Short first sentence. Then a longer second sentence that goes on for a while.", "Short first sentence"),
    # The whole first sentence, a few characters past where the old cut left "between Turkey…".
    ("Russian S-400 surface-to-air missile system is acting a major irritant between Turkey and the United "
     "States. In a recent move, Ankara is set to test it.",
     "Russian S-400 surface-to-air missile system is acting a major irritant between Turkey and the United States"),
    ("The U.S. envoy met the foreign minister in Ankara on Monday. Talks went on.",
     "The U.S. envoy met the foreign minister in Ankara on Monday"),
    # Too long: cut before a phrase the sentence can do without ...
    (LONG_CLAUSE + ", including its smaller states, and beyond.",
     LONG_CLAUSE.removesuffix(" for the whole region")),
    ("On Wednesday before sunrise, the ambassador left the capital on a government plane for the neighbouring "
     "country and then Paris.", "On Wednesday before sunrise, the ambassador left the capital on a government plane"),
    # A clause end past the limit is no place to cut: a title never runs past the limit
    # (listings and feed readers cut what is longer), so between words, with "…" ...
    ("The long-awaited maritime agreement between the two neighbouring governments covering the disputed border "
     "zone finally took effect yesterday, officials of both coastguards said.",
     "The long-awaited maritime agreement between the two neighbouring governments covering the disputed border "
     "zone finally…"),
    # ... and so is a cut that would keep only a dependent clause.
    ("Since the rebels seized the car carrier near the strait on 19 November, the southern sea has become the most "
     "dangerous stretch of water for merchant shipping in a generation.",
     "Since the rebels seized the car carrier near the strait on 19 November, the southern sea has become the most "
     "dangerous…"),
    # No sentence end and no clause end anywhere near: between words, no dangling word, "…".
    ("Word " * 22 + "of the " + "word " * 40, " ".join(["Word"] * 22) + "…"),
])
def test_derived_titles_keep_the_first_sentence_or_cut_where_a_clause_ends(lede, title):
    assert derive_title(lede, 120) == title


def test_tags_line_becomes_hints_and_author_note_is_kept_apart():
    note = "The author is a senior fellow at an institute for strategic studies."
    result = clean("\n\n".join([P[0], P[1], "Tags: India, China, Border dispute", note]))
    assert result.cleaned.tag_hints == ["India", "China", "Border dispute"]
    assert result.cleaned.author_note == note
    assert "Tags" not in result.html and "senior fellow" not in result.html


@pytest.mark.parametrize("heading", ["About the author", "Über den Autor", "À propos de l'auteur", "Sobre la autora"])
def test_an_about_the_author_heading_goes_with_the_authors_note(heading):
    result = clean("\n\n".join([P[0], P[1], heading]))
    assert result.cleaned.author_note == heading


def test_an_author_box_closing_the_article_is_the_authors_note_not_its_last_paragraph():
    bio = "Maria Okafor is a correspondent who has covered diplomacy in the Alps for a decade."
    result = clean(HEADER + "\n\n".join(P + [bio]))
    assert result.cleaned.author_note == bio
    assert [text for _, text in body(result)] == P


def test_an_author_box_may_capitalise_the_role():
    bio = "Maria Okafor is the Founder of a newsletter that has covered diplomacy in the Alps for a decade."
    result = clean(HEADER + "\n\n".join(P + [bio]))
    assert result.cleaned.author_note == bio


def test_a_closing_paragraph_about_someone_else_stays_in_the_article():
    ending = "The Commission is a body that meets twice a year, and its next session opens in Bern in October."
    result = clean(HEADER + "\n\n".join(P + [ending]))
    assert [text for _, text in body(result)] == P + [ending]
    assert result.cleaned.author_note == ""


def corpus_folder(tmp_path, n, extra):
    """n dumps of different articles that share the lines in extra."""
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i in range(n):
        place = ["Lima", "Hanoi", "Accra", "Oslo", "Quito"][i]
        prose = f"The meeting in {place} ended with a communiqué that nobody in the region took seriously at all."
        (folder / f"{i}.txt").write_text("\n\n".join([f"What happened at the summit in {place}", prose, *extra, P[i % 3]]))
    return folder


def test_a_line_recurring_across_three_dumps_is_dropped(tmp_path):
    line = "Notes from the harbour office, every quarter."
    folder = corpus_folder(tmp_path, 3, [line])
    recurring = recurring_lines(str(folder), 3)
    result = clean((folder / "0.txt").read_text(), recurring)
    assert line not in result.html
    assert any(b.furniture == "recurring" for b in result.removed)
    # Two dumps are not a pattern yet.
    assert clean((folder / "0.txt").read_text(), recurring_lines(str(folder), 4)).html.count(line) == 1


def test_a_recurring_subheading_between_paragraphs_is_kept(tmp_path):
    folder = corpus_folder(tmp_path, 4, ["Background"])
    result = clean((folder / "1.txt").read_text(), recurring_lines(str(folder), 3))
    assert "<h2>Background</h2>" in result.html


def test_literal_markup_in_a_text_dump_is_shown_as_text():
    result = clean("\n\n".join([P[0], "The page carried <script>alert(1)</script> and <b>bold</b> markup in its text.", P[1]]))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.html
    assert "<script" not in result.html and "<b>" not in result.html


def test_furniture_only_dump_is_skipped():
    result = clean_dump(b"Subscribe now\nShare this story\nLeave a response\n- ADVERTISEMENT -\n", "x.txt", Cleaner(Boilerplate()))
    assert result.skip_reason.startswith("no article found")


# Articles in scripts without capitals, and without spaces between words.
CHINESE = [
    "两国外交部长周二在北京举行会谈，就边境问题和贸易合作交换了意见。双方同意继续保持沟通，并在年底前再次会面。",
    "分析人士认为，这次会谈表明两国关系正在逐步改善，但在能源和安全领域仍存在明显分歧。",
    "会谈结束后，双方发表联合声明，表示将加强在气候变化和公共卫生方面的合作。",
]
ARABIC = [
    "التقى وزيرا خارجية البلدين يوم الثلاثاء في العاصمة وناقشا مسألة الحدود والتعاون التجاري بين الجانبين.",
    "ويرى المحللون أن هذا اللقاء يدل على تحسن تدريجي في العلاقات، لكن الخلافات ما زالت قائمة في مجالي الطاقة والأمن.",
    "وفي ختام الاجتماع أصدر الطرفان بيانا مشتركا أكدا فيه عزمهما على تعزيز التعاون في مجال الصحة العامة.",
]


@pytest.mark.parametrize("quoted", ["Der Minister sagte: „Wir reden weiter, solange es nötig ist.“",
                                    "Der Minister sagte: »Wir reden weiter, solange es nötig ist.«",
                                    "Le ministre a dit : « Nous continuerons à parler. »"])
def test_a_paragraph_ending_in_any_languages_closing_quote_is_prose(quoted):
    assert is_prose(Block(text=quoted, kind="p"))


@pytest.mark.parametrize("headline, paragraphs", [("两国外长举行会谈", CHINESE), ("وزيرا الخارجية يلتقيان", ARABIC)],
                         ids=["chinese", "arabic"])
def test_an_article_in_a_script_without_capitals_or_spaces_is_published(headline, paragraphs):
    result = clean(f"{headline}\n\n" + "\n\n".join(paragraphs) + "\n")
    assert [text for _, text in body(result)] == paragraphs


@pytest.mark.parametrize("data,reason", [(b"", "empty file"), (b"\x00\x01\x02\xff" * 100, "binary file, not text"),
                                         (" \n\t\n".encode(), "empty file")])
def test_not_an_article(data, reason):
    assert clean_dump(data, "x.txt", Cleaner(Boilerplate())).skip_reason == reason


def test_a_short_wrapped_article_among_many_furniture_lines_is_rejoined():
    # Full-width lines are fewer than the short ones here: the last lines of paragraphs,
    # the header and a long tail of one-line furniture.
    paragraphs = [P[0] + " " + P[1], P[1] + " " + P[2], P[2] + " " + P[0]]
    furniture = ["Share on Facebook", "Share on Twitter", "Subscribe to the Weekly Dispatch", "First Name",
                 "Email Address *", "Subscribe", "Leave a Reply", "Comment", "Name *", "Email *", "Post Comment",
                 "© 2023 Example Media. All rights reserved."]
    title = "Why Ankara's S-400 still worries NATO"
    text = "\n\n".join([title, "by Maria Okafor", "March 3, 2023", *(textwrap.fill(p, 72) for p in paragraphs), *furniture])
    result = clean(text)
    assert (result.cleaned.title, result.cleaned.author) == (title, "Maria Okafor")
    assert body(result) == [("p", p) for p in paragraphs]


@pytest.mark.parametrize("menu", ["News | Opinion | Long Reads | Events", "World · Defence · Analysis · Podcasts",
                                  "Regions / Security / Economy"])
def test_a_menu_line_above_the_title_is_not_the_title(menu):
    result = clean("\n".join([menu, "Border talks resume in Geneva", "by Maria Okafor", "March 3, 2023", *P]))
    assert result.cleaned.title == "Border talks resume in Geneva"
    assert {b.furniture for b in result.removed if b.plain == menu} == {"navigation"}


# -- headlines that read like prose, and the lines around them ----------------------------
QUESTION = "Can the talks in Geneva end the standoff on the border this year?"


def test_a_question_headline_above_the_byline_is_the_title():
    result = clean("\n\n".join([QUESTION, "by Maria Okafor", "March 3, 2023", *P]))
    c = result.cleaned
    assert (c.title, c.title_derived, c.author) == (QUESTION, False, "Maria Okafor")
    assert c.date.date().isoformat() == "2023-03-03"
    assert body(result) == [("p", p) for p in P]


def test_a_question_headline_opening_a_dump_is_the_title_not_its_first_paragraph():
    result = clean("\n".join([QUESTION, *P]))
    assert (result.cleaned.title, result.cleaned.title_derived) == (QUESTION, False)
    assert body(result) == [("p", p) for p in P]


def test_a_standfirst_above_the_byline_stays_in_the_article():
    standfirst = "Both armies have pulled back a little, but neither government is ready to say so in public yet."
    result = clean("\n\n".join(["Border talks resume in Geneva", standfirst, "By Maria Okafor", "March 3, 2023", *P]))
    assert (result.cleaned.title, result.cleaned.author) == ("Border talks resume in Geneva", "Maria Okafor")
    assert body(result) == [("p", standfirst)] + [("p", p) for p in P]


# -- the corpus signal against the article's own structure ---------------------------------
def write_dumps(tmp_path, texts):
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text)
    return folder


PLACES = ["Lima", "Hanoi", "Accra", "Oslo"]


def test_a_byline_and_date_recurring_across_dumps_are_still_read(tmp_path):
    # One author, one day, three articles under question headlines.
    texts = ["\n".join([f"Can the summit in {place} settle the quarrel over the border?", "by Maria Okafor",
                        "March 3, 2023", *P]) for place in PLACES[:3]]
    recurring = recurring_lines(str(write_dumps(tmp_path, texts)), 3)
    assert "by maria okafor" in recurring
    for text in texts:
        c = clean(text, recurring).cleaned
        assert (c.title, c.author, c.date.date().isoformat()) == (text.split("\n")[0], "Maria Okafor", "2023-03-03")


@pytest.mark.parametrize("bullet,sep", [("* ", "\n\n"), ("", "\n")], ids=["bulleted", "one per line, no bullets"])
def test_a_list_the_article_introduces_is_kept_though_its_lines_recur(tmp_path, bullet, sep):
    # The introduction and two items recur in every dump; the third item is each article's own.
    intro, shared = "Three demands stand out:", ["A timetable for the pullback.", "Joint patrols on the ridge."]
    texts = [sep.join(["Border talks resume", P[0], intro, *(bullet + item for item in shared),
                       f"{bullet}A hotline between the commanders in {place}.", P[1]]) for place in PLACES]
    recurring = recurring_lines(str(write_dumps(tmp_path, texts)), 3)
    kept = [text for _, text in body(clean(texts[0], recurring))]
    assert kept == [P[0], intro, *shared, "A hotline between the commanders in Lima.", P[1]]


def test_a_list_whose_every_line_recurs_is_the_sites_not_the_articles(tmp_path):
    box = ["Our reading list:", "* Why Seoul is buying more missiles", "* Five myths about sanctions"]
    texts = ["\n\n".join([f"Border talks resume in {place}", P[0], *box, P[1]]) for place in PLACES]
    recurring = recurring_lines(str(write_dumps(tmp_path, texts)), 3)
    assert body(clean(texts[0], recurring)) == [("p", P[0]), ("p", P[1])]


def test_a_recurring_subheading_is_kept_across_an_inline_insert(tmp_path):
    texts = ["\n\n".join([f"Border talks resume in {place}", P[0], "The view from the capital",
                          f"Also read: What the summit in {place} changed", P[1]]) for place in PLACES]
    recurring = recurring_lines(str(write_dumps(tmp_path, texts)), 3)
    assert "the view from the capital" in recurring
    result = clean(texts[0], recurring)
    assert body(result) == [("p", P[0]), ("h", "The view from the capital"), ("p", P[1])]


def test_a_wrapped_line_joined_to_an_empty_quote_line_has_no_leading_space():
    from plugins.dumps.textdump import text_blocks

    wrapped = "\n".join(["The committee met again on Tuesday to weigh the new proposal,"] * 10)
    text = f"{wrapped}\n\n{' ' * 50}>\nand the vote was put off until the spring session.\n"
    assert text_blocks(text)[-1].text == "and the vote was put off until the spring session."


# -- a saved page's tables --------------------------------------------------------------

def grid(*rows, furniture=()):
    """Row blocks of one table, the first its head; rows at the indices in furniture
    dropped by a rule other than the menu's."""
    blocks = [Block(text=" | ".join(cells), kind="row", extra={"cells": list(cells), "head": n == 0, "table": 0})
              for n, cells in enumerate(rows)]
    for n, block in enumerate(blocks):
        if n in furniture:
            block.drop("furniture", "recurs across many dumps (corpus signal)", "recurring")
        else:
            Cleaner(Boilerplate()).apply_rules([block], [], saved_page=True)
    return blocks


def test_a_tables_head_row_that_reads_as_a_menu_stays_with_the_tables_rows():
    blocks = grid(("Country", "Capital", "Troops"), ("Estonia", "Tallinn", "1,200"), ("Latvia", "Riga", "1,500"))
    assert blocks[0].furniture == "navigation"  # what the row alone reads as
    Cleaner.keep_tables(blocks)
    assert [b.role for b in blocks] == ["body"] * 3


def test_a_table_whose_every_row_reads_as_a_menu_is_kept():
    blocks = grid(("Japanese", "Romaji", "English"), ("顔", "kao", "face"), ("警察", "keisatsu", "police"))
    assert all(b.furniture == "navigation" for b in blocks)
    Cleaner.keep_tables(blocks)
    assert [b.role for b in blocks] == ["body"] * 3


def test_a_table_whose_other_rows_are_furniture_loses_its_head_too():
    # A calendar on every page of a site: its weeks recur, its weekdays read as a menu.
    blocks = grid(("Mo", "Tu", "We"), ("1", "2", "3"), ("8", "9", "10"), furniture=(1, 2))
    Cleaner.keep_tables(blocks)
    assert [b.role for b in blocks] == ["furniture"] * 3


def test_a_copied_lists_last_line_above_a_paragraph_is_no_subheading():
    # A browser copies a list one item a line, with no blank line between them; a subheading
    # stands apart from what is above it.
    text = "\n\n".join(["A title for the lists", P[0], "Three tools we use\nFeed Reader\nCloud Storage\nPhoto Library",
                        P[1], "What the ministers want", P[2]])
    result = clean(text)
    kinds = {text: kind for kind, text in body(result)}
    assert kinds["Photo Library"] == "p" and kinds["Cloud Storage"] == "p"
    assert kinds["What the ministers want"] == "h"
