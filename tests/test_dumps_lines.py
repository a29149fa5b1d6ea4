"""The learned line model (plugins/dumps/lines.py): what it reads from a page without markup,
and how the cleaner uses it. The pages here are made up; none comes from a corpus."""

import json

import pytest

from plugins.dumps import lines
from plugins.dumps.blocks import Block, line_key, word_count
from plugins.dumps.pipeline import clean_dump
from plugins.dumps.prepare import make_cleaner
from plugins.dumps.settings import dumps_settings
from plugins.dumps.textdump import text_blocks

MENU = ["World", "Politics", "Business and Markets", "Science", "Culture", "Opinion", "Sport", "Weather",
        "Podcasts", "Video", "Crosswords", "Coverage of the Local Elections", "Sign in", "Search"]
HEADLINE = "Fishing fleets return to the northern banks as the ice retreats early"
PROSE = [
    "The first trawlers reached the northern banks on Monday, three weeks earlier than in any year since "
    "records began, after a mild winter left the sea open along most of the coast.",
    "Skippers said the catch in the first days was good but the prices at the harbour were lower than they "
    "had hoped, because buyers had stocked up during the long closure of the grounds.",
    "The ministry said it would review the quotas in the spring, once scientists have counted the stocks "
    "that moved north with the warmer water over the past two seasons.",
    "Harbour masters asked crews to report drifting ice, which still breaks off the glaciers at the head of "
    "the fjords and can hole a small boat in the dark hours of the morning.",
]
TEASERS = ["Ten walks along the old railway", "Council votes on the new bridge", "Why the price of bread keeps rising",
           "Photos: the lantern festival", "The quiet return of the village shop"]
COOKIES = [
    "We and our partners use cookies to store and access information on your device, to measure audiences "
    "and show you personalised content, and you can change your choices at any time.",
    "Agree and continue",
    "Manage choices",
]
FOOTER = ["Terms", "Accessibility", "Work for us", "Archive", "Tip us off"]


def page(*parts):
    return "\n".join(line for part in parts for line in part) + "\n"


def clean(text, **options):
    cleaner = make_cleaner({**dumps_settings({}), **options})
    result = clean_dump(text.encode("utf-8"), "page.txt", cleaner)
    assert not result.skip_reason, result.skip_reason
    return result


def kept(result):
    return [b.plain for b in result.cleaned.body]


def test_a_headline_that_reads_like_prose_is_not_the_articles_first_paragraph():
    question = "Why are the fishing fleets going back to the northern banks three weeks early this year?"
    result = clean(page(MENU, [question], PROSE, TEASERS, FOOTER))
    assert result.cleaned.title == question
    assert kept(result) == PROSE


def test_headline_after_a_menu_and_the_article_without_its_surroundings():
    text = page(MENU, [HEADLINE, "By Ingrid Solberg", "April 4, 2024"], PROSE, TEASERS, COOKIES, FOOTER)
    result = clean(text)
    assert result.cleaned.title == HEADLINE
    assert result.cleaned.author == "Ingrid Solberg"
    assert kept(result) == PROSE


def test_without_the_model_a_menu_line_is_taken_for_the_headline():
    """The rules alone: what the model is there to fix (and what `line_model: False` gives)."""
    text = page(MENU, [HEADLINE, "By Ingrid Solberg", "April 4, 2024"], PROSE)
    assert clean(text, line_model=False).cleaned.title != HEADLINE


def test_a_headline_of_two_sentences_the_model_takes_from_the_articles_top_is_the_title():
    headline = "Wild goats ruled this island for a century. Now it is being reborn."
    result = clean(page(MENU[:5], [headline], PROSE[:1], ["Monday, 6 January 2020"], PROSE[1:], FOOTER))
    assert result.cleaned.title == headline
    assert headline not in kept(result)


@pytest.mark.parametrize("lines", [["Coastal Affairs Published On May 10, 2022 01:52 PM", "Staff Desk | May 10, 2022 01:52:54 PM"],
                                   ["Updated Tuesday, March 3, 2023 at 9:14 AM", "By Anna Berg | March 3, 2023"]])
def test_date_lines_under_the_headline_are_no_standfirst_even_when_the_date_is_read_already(lines):
    result = clean(page(MENU, ["March 3, 2023"], [HEADLINE], lines, PROSE, FOOTER))
    assert kept(result) == PROSE


def test_the_date_next_to_the_article_wins_over_the_mastheads():
    result = clean(page(["Thursday, April 28, 2022"], MENU, [HEADLINE, "By Anna Berg", "April 20, 2022"], PROSE, FOOTER))
    assert result.cleaned.date.date().isoformat() == "2022-04-20"
    assert result.cleaned.author == "Anna Berg"
    assert kept(result) == PROSE


@pytest.mark.parametrize("header, author", [
    (["March 3, 2023", "|", "Anna Berg"], "Anna Berg"),  # a separator between name and date
    (["Photo: Coastguard", "Sign Out", "By", "Anna Berg", "March 3, 2023"], "Anna Berg"),  # under its label
    (["Photo: Coastguard", "Breaking News", "Harbour Desk", "|", "March 3, 2023"], "Harbour Desk"),
])
def test_a_bare_name_is_the_author_next_to_the_date(header, author):
    result = clean(page(MENU, [HEADLINE], header, PROSE, FOOTER))
    assert result.cleaned.author == author


def test_a_section_name_beyond_the_headline_is_no_author():
    result = clean(page(MENU, ["Local News", HEADLINE, "March 3, 2023"], PROSE, FOOTER))
    assert result.cleaned.author == ""


def test_list_items_that_are_paragraphs_can_close_the_article():
    items = ["Councils that run their own harbours set the fees each spring, after hearing the fishermen's "
             "associations and the ferry companies.",
             "Private operators publish their prices in the harbour office, and a skipper who thinks them unfair "
             "can take the case to the regional court."]
    result = clean(page(MENU, [HEADLINE], PROSE, ["- " + item for item in items], FOOTER))
    assert kept(result) == PROSE + items


def test_a_teaser_list_after_the_article_is_not_the_article():
    text = page(MENU, [HEADLINE], PROSE, TEASERS, FOOTER)
    assert kept(clean(text)) == PROSE


def test_a_list_that_lost_its_bullets_closes_the_article_its_last_paragraph_announces():
    intro = "Skippers who go out before the quotas are reviewed must carry the following on board:"
    items = ["a radio tuned to the coastguard channel", "charts of the drifting ice", "two survival suits per crew member"]
    result = clean(page(MENU, [HEADLINE], PROSE, [intro], items, FOOTER))
    assert kept(result) == PROSE + [intro] + items
    assert not set(FOOTER) & set(kept(result))


def test_a_short_sentence_of_its_own_under_the_last_paragraph_introduces_its_bulleted_list():
    items = ["a radio tuned to the coastguard channel", "charts of the drifting ice", "two survival suits"]
    result = clean(page(MENU, [HEADLINE], PROSE, ["The rules have three parts:"], [f"• {item}" for item in items], FOOTER))
    assert kept(result) == PROSE + ["The rules have three parts:"] + items


def test_a_label_with_a_colon_under_the_article_introduces_no_list():
    result = clean(page(MENU, [HEADLINE], PROSE, ["More From The Harbour Times:"], [f"• {t}" for t in TEASERS], FOOTER))
    assert kept(result) == PROSE


def test_a_last_sentence_full_of_names_still_closes_the_article():
    names = "Current members include Norway, Iceland, Denmark, the Faroe Islands, Greenland, Canada and Scotland."
    result = clean(page(MENU, [HEADLINE], PROSE, [names], TEASERS, FOOTER))
    assert kept(result) == PROSE + [names]


@pytest.mark.parametrize("credit", [
    "Reporting by Ann Lee in Oslo; Editing by Bo Park",
    "Additional reporting by Cy Diaz; Writing by Ann Lee",
    "Associated Press writer Ann Lee in Tromso contributed to this report.",
    "Contributing: Ann Lee, Bo Park",
])
def test_a_wire_storys_credit_line_under_the_last_paragraph_is_its_last_line(credit):
    result = clean(page(MENU, [HEADLINE], PROSE, [credit, "Our Standards: The Harbour Trust Principles."], TEASERS, FOOTER))
    assert kept(result) == PROSE + [credit]


def test_a_credit_line_further_down_is_no_part_of_the_article():
    credit = "Reporting by Ann Lee in Oslo; Editing by Bo Park"
    result = clean(page(MENU, [HEADLINE], PROSE, TEASERS, [credit], FOOTER))
    assert kept(result) == PROSE


@pytest.mark.parametrize("form", ["Subscribe now to our print edition for the full story.", "Sign up for our newsletter"])
def test_a_pitch_below_a_form_at_the_end_is_the_sites_not_the_last_paragraph(form):
    pitch = ("Our reporters cover the coast, the harbours and the fleets every day of the year, "
             "and we rely on readers like you to keep doing it.")
    result = clean(page(MENU, [HEADLINE], PROSE, [form, pitch, "Leave a Comment"], FOOTER))
    assert kept(result) == PROSE


def test_a_related_box_inside_the_article_does_not_end_it():
    box = ["Related", "Ten walks along the old railway", "Council votes on the new bridge"]
    result = clean(page(MENU, [HEADLINE], PROSE[:3], box, PROSE[3:], FOOTER))
    assert kept(result)[-1] == PROSE[3]


TEASED = [("Council votes on the new bridge", "The council voted on Tuesday to build a second bridge over the river, "
           "after ten years of argument about its cost, and the work will start in the spring."),
          ("Why the price of bread keeps rising", "Bakers say the cost of flour and energy has doubled in two years, "
           "and that they cannot absorb it any longer without raising what they charge for a loaf."),
          ("The quiet return of the village shop", "Three villages on the coast have reopened a shop run by volunteers "
           "this year, selling bread, milk and newspapers to people who no longer drive.")]


def test_other_articles_teasers_each_with_its_read_more_are_not_the_article():
    teasers = [line for head, excerpt in TEASED for line in ("Read more", head, excerpt)]
    result = clean(page(MENU, [HEADLINE], PROSE, teasers, ["Read more"], FOOTER))
    assert kept(result) == PROSE


HARBOURS = [("Skagen", "Where the two seas meet. Come early for the fish auction."),
            ("Honningsvag", "Fog most mornings. The cafe by the pier opens at six."),
            ("Lerwick", "Busy in July. Book a berth ahead."),
            ("Tromso", "Bridges, boats and a cathedral of ice. The light lasts all night."),
            ("Hammerfest", "A long quay, a short season. Bring a warm coat.")]


def test_a_listicles_numbered_sections_are_the_article_to_the_last_one():
    intro = "Five harbours worth a detour this summer, from the smallest quay to the busiest port, chosen by our readers."
    sections = [line for n, (name, text) in enumerate(HARBOURS, start=1) for line in (f"{n}. {name}", text)]
    result = clean(page(MENU, [HEADLINE], PROSE[:2], [intro], sections, TEASERS, FOOTER))
    assert kept(result) == PROSE[:2] + [intro] + sections


def test_a_consent_notice_above_the_headline_is_not_a_standfirst():
    notice = ("We and our partners store and access information on your device to measure audiences "
              "and show you personalised content, and you can change your choices at any time.")
    text = page([notice, "Agree and continue", "Manage choices"], MENU, [HEADLINE, "April 4, 2024"], PROSE)
    result = clean(text)
    assert result.cleaned.title == HEADLINE
    assert kept(result) == PROSE


def test_cookie_banner_above_the_headline_is_not_the_standfirst():
    text = page(COOKIES, MENU, [HEADLINE, "April 4, 2024"], PROSE)
    result = clean(text)
    assert result.cleaned.title == HEADLINE
    assert kept(result) == PROSE


def test_a_standfirst_under_the_headline_opens_the_article():
    standfirst = ("Crews say the early season is a relief after two hard winters, but warn that the ice "
                  "is still a danger to small boats.")
    text = page(MENU, [HEADLINE, standfirst, "By Ingrid Solberg", "April 4, 2024"], PROSE)
    result = clean(text)
    assert result.cleaned.title == HEADLINE
    assert kept(result) == [standfirst] + PROSE


def test_a_headline_over_a_long_standfirst_is_the_title_and_the_standfirst_opens_the_article():
    """The headline model alone takes such a standfirst (a sentence with no full stop) for
    the headline: it learned on German pages, whose short line above a headline is a kicker."""
    headline = "Five Lessons From an Early Fishing Season"
    standfirst = ("A harbour master explains why the fleets went north three weeks early and what the "
                  "catch means for the town's prices")
    result = clean(page(MENU, [headline, standfirst, "By Ingrid Solberg", "April 4, 2024"], PROSE))
    assert result.cleaned.title == headline
    assert kept(result) == [standfirst] + PROSE
    # inspect and the build report say why
    assert "over the standfirst" in next(b for b in result.cleaned.blocks if b.role == "title").rule


def test_decisions_are_recorded_for_inspect_and_the_report():
    text = page(MENU, [HEADLINE], PROSE, TEASERS)
    blocks = clean(text).cleaned.blocks
    assert all(0.0 <= b.extra["p"] <= 1.0 for b in blocks if "p" in b.extra)
    assert all("p" not in b.extra for b in blocks if b.rule.startswith(("signup:", "navigation:")))
    menu = [b for b in blocks if b.plain in MENU and "p" in b.extra]
    prose = [b for b in blocks if b.plain in PROSE]
    assert max(b.extra["p"] for b in menu) < min(b.extra["p"] for b in prose)
    assert next(b for b in blocks if b.plain == HEADLINE).extra["title_p"] > 0.5


def test_feature_rows_match_the_shipped_model():
    model = lines.model()
    blocks = [Block(text=t) for t in MENU + PROSE]
    rows = lines.line_rows(blocks, model.stopwords)
    assert len(rows) == len(blocks) and all(len(r) == len(lines.FEATURES) for r in rows)
    assert len(model.line.weights) == len(lines.FEATURES)
    assert len(model.title.weights) == len(lines.TITLE_FEATURES)


def test_a_headline_that_another_short_line_holds_is_marked_so():
    """The share line "Headline | Site" holds the headline; a line only repeated as itself
    is held by no other line."""
    model = lines.model()
    texts = ["Talks on the treaty stall in Geneva | The Harbour Times", "Most read stories of the week",
             "Most read stories of the week", "Talks on the treaty stall in Geneva", *PROSE]
    blocks = [Block(text=t) for t in texts]
    rows = dict(lines.title_rows(blocks, 4, [0.0] * len(blocks), lambda block: False, model.stopwords))
    contained = lines.TITLE_FEATURES.index("contained")
    assert rows[3][contained] == 1.0
    assert rows[1][contained] == rows[2][contained] == 0.0


@pytest.mark.parametrize("keys,short_lines", [
    ({"aa", "aaa", "b"}, ["aaaa", "aa b aa"]),
    ({"ab ab", "ab"}, ["ab ab ab", "ab ab"]),
    ({"", "talks"}, ["talks stall", "talks"]),
    ({"nothing"}, []),
])
def test_occurrences_are_counted_as_str_count_counts_them(keys, short_lines):
    joined = "\n".join(short_lines)
    assert lines._occurrences(keys, short_lines) == {key: joined.count(key) for key in keys}


SPACING = slice(len(lines.FEATURES) - 6, None)


def spacing(text):
    model = lines.model()
    return [row[SPACING] for row in lines.line_rows(text_blocks(text), model.stopwords)]


def test_blank_lines_set_paragraphs_apart_from_a_menu():
    # innerText: a <p> between blank lines, a menu's items one under the other
    text = "\n".join(MENU) + "\n\n" + "\n\n".join(PROSE) + "\n"
    blocks = text_blocks(text)
    assert [b.extra["spaced"] for b in blocks] == [True] + [False] * (len(MENU) - 1) + [True] * len(PROSE)
    rows = spacing(text)
    menu, prose = rows[1 : len(MENU)], rows[len(MENU) :]
    assert all(p[2] > 0 for p in prose) and all(m[2] < 0 for m in menu)  # "spaced", centred
    assert min(p[-1] for p in prose) < min(m[-1] for m in menu)  # the menu is one tight run


@pytest.mark.parametrize("joiner", ["\n", "\n\n"])
def test_a_dump_spaced_all_through_or_not_at_all_reads_neutral(joiner):
    rows = spacing(joiner.join(MENU + PROSE) + "\n")
    # within one line's share of the centre (the dump's ends count as blank lines)
    assert all(abs(value) <= 1 / len(rows) + 1e-9 for row in rows[1:-1] for value in row)


def test_a_model_trained_with_other_features_is_refused(tmp_path):
    data = json.loads(lines.DATA.read_text(encoding="utf-8"))
    data["line"]["features"] = data["line"]["features"][:-1]
    with pytest.raises(ValueError, match="train_lines.py"):
        lines.Model(data)


@pytest.mark.parametrize(
    "words, expected",
    [
        ([1, 1, 30, 25, 2, 40, 1, 1], (2, 5)),  # a short line inside the prose does not split it
        ([1, 2, 1], (0, -1)),  # no run of text at all
        ([30, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 25], (0, 0)),  # a long gap: the larger run wins
    ],
)
def test_main_run(words, expected):
    assert lines._main_run(words) == expected


def test_training_labels_lines_from_the_html(tmp_path):
    """data/train_lines.py: a text line is the article's when the page's main content holds it."""
    numpy = pytest.importorskip("numpy", reason="numpy is in requirements-dev.txt")
    from plugins.dumps.data import train_lines

    html = ("<html><head><title>{h} - The Coast Post</title></head><body><nav><ul>{menu}</ul></nav>"
            "<article><h1>{h}</h1>{p}</article><footer><ul>{foot}</ul></footer></body></html>").format(
        h=HEADLINE, menu="".join(f"<li><a href='/{i}'>{m}</a></li>" for i, m in enumerate(MENU)),
        p="".join(f"<p>{p}</p>" for p in PROSE), foot="".join(f"<li>{f}</li>" for f in FOOTER))
    (tmp_path / "html").mkdir()
    (tmp_path / "txt").mkdir()
    (tmp_path / "html" / "a.html").write_text(html, encoding="utf-8")
    (tmp_path / "txt" / "a.txt").write_text(page(MENU, [HEADLINE], PROSE, FOOTER), encoding="utf-8")
    cleaner = make_cleaner({**dumps_settings({}), "line_model": False})
    blocks, labels, titles, _ = train_lines.page_data(str(tmp_path), "a", cleaner)
    marked = {b.plain for b, label in zip(blocks, labels) if label}
    assert set(PROSE) <= marked and not marked & set(MENU + FOOTER)
    assert any(train_lines.same_title(HEADLINE, t) for t in titles)
    X = numpy.array([[0.0], [1.0], [2.0], [3.0]])
    fitted = train_lines.fit(X, numpy.array([0.0, 0.0, 1.0, 1.0]))
    assert fitted["weights"][0] > 0


def test_cross_validation_ranks_each_page_by_a_ranking_fitted_on_the_other_folds():
    """train_lines.py --folds: a signal the headline ranking can learn is found on every
    page; a headline no feature tells from the other lines is found on none."""
    numpy = pytest.importorskip("numpy", reason="numpy is in requirements-dev.txt")
    from plugins.dumps.data import train_lines

    width = len(lines.TITLE_FEATURES)
    signal = lines.TITLE_FEATURES.index("meta_below")
    rng = numpy.random.default_rng(0)

    def candidates(right_at, telling):
        rows = rng.normal(size=(4, width)).tolist()
        if telling:
            for i, row in enumerate(rows):
                row[signal] = 3.0 if i == right_at else 0.0
        else:
            rows = [rows[0]] * 4
        return [(i, row) for i, row in enumerate(rows)], [i == right_at for i in range(4)]

    telling = [(f"page-{n}", *candidates(n % 4, True)) for n in range(30)]
    assert {train_lines.fold(p, 5) for p, _, _ in telling} == set(range(5))
    assert train_lines.cross_validated_titles(telling, 5) == 30
    blind = [(f"page-{n}", *candidates(1 + n % 3, False)) for n in range(30)]
    assert train_lines.cross_validated_titles(blind, 5) == 0


def test_a_text_line_that_spans_two_of_the_articles_paragraphs_is_the_articles(tmp_path):
    """The labels read the article's text in the page's order, not in a set's (which
    changes from run to run), so a dump's line that joins two paragraphs is found."""
    pytest.importorskip("numpy", reason="numpy is in requirements-dev.txt")
    from plugins.dumps.data import train_lines

    html = "<html><body><article><h1>{}</h1>{}</article></body></html>".format(
        HEADLINE, "".join(f"<p>{p}</p>" for p in PROSE))
    article, whole, _ = train_lines.labels(html)
    assert whole.endswith(" ".join(map(train_lines.norm, PROSE)))
    joined = train_lines.norm(PROSE[1] + " " + PROSE[2])
    assert joined not in article and joined in whole


def test_inspect_shows_the_models_scores(tmp_path):
    from plugins.dumps.inspect import inspect_dump

    dump = tmp_path / "dumps" / "page.txt"
    dump.parent.mkdir()
    dump.write_text(page(MENU, [HEADLINE], PROSE), encoding="utf-8")
    shown = inspect_dump(str(dump), {"PATH": str(tmp_path), "DUMPS": {}}).splitlines()
    title_line = next(line for line in shown if line.endswith("[the title line]"))
    assert "headline=0." in title_line and HEADLINE[:40] in title_line
    assert all(" p=" in line for line in shown if " KEEP " in line or " DROP " in line)


def test_inspect_shows_a_text_dumps_table_rows_as_rows(tmp_path):
    from plugins.dumps.inspect import inspect_dump

    dump = tmp_path / "dumps" / "page.txt"
    dump.parent.mkdir()
    table = "\n".join(f"{country}\t{troops}" for country, troops in (("Estonia", "1,200"), ("Latvia", "1,500")))
    dump.write_text(page(MENU, [HEADLINE], PROSE[:2] + [table] + PROSE[2:]), encoding="utf-8")
    shown = inspect_dump(str(dump), {"PATH": str(tmp_path), "DUMPS": {}}).splitlines()
    assert [line.split()[2] for line in shown if "Estonia" in line or "Latvia" in line] == ["row", "row"]


def test_the_build_report_shows_the_models_scores():
    from plugins.dumps.report import render_html

    removed = clean(page(MENU, [HEADLINE], PROSE, TEASERS, FOOTER)).record().removed
    title = next(row for row in removed if row["kind"] == "title")
    assert title["text"] == HEADLINE and 0 < title["headline"] <= 1 and 0 <= title["p"] <= 1
    teasers = [row for row in removed if row["kind"] == "trailer" and row["text"] in TEASERS]
    assert len(teasers) >= 3 and all(0 <= row["p"] < 0.5 for row in teasers)
    assert all("p" not in row for row in removed if row["rule"].startswith("navigation:"))  # a rule's, not asked
    shown = render_html([{"source": "page.txt", "status": "published", "url": "a/", "removed": list(removed)}], "Site")
    assert f"<b>title</b> p={title['p']:.2f} headline={title['headline']:.2f} {HEADLINE}" in shown


COMMENTS = [
    "I sailed out of the same harbour for thirty years and I have never seen the banks open this early, "
    "which worries me more than the prices do, to be honest with you.",
    "Reply",
    "The quotas were wrong long before the ice moved, and the ministry knows it, whatever the scientists "
    "say about the stocks that went north with the warmer water.",
    "Reply",
]


def test_readers_comments_after_the_article_are_not_its_text():
    """However much prose they hold, comments start where their reply buttons or form do."""
    result = clean(page(MENU, [HEADLINE], PROSE, ["2 comments", "Leave a reply"], COMMENTS, FOOTER))
    assert kept(result) == PROSE


def test_a_thread_longer_than_the_article_does_not_take_its_place():
    places = ["the harbour", "the northern banks", "the fjords", "the fish market", "the ministry", "the coast"]
    thread = []  # three times the article's words, each comment a paragraph of its own
    for i, place in enumerate(places):
        thread += [f"My father worked near {place} for {20 + i} years, and he always said that an early spring "
                   f"brought poor prices, because the buyers were never ready for the first boats of the season.",
                   f"We went back to {place} last week and the boats were already out, which nobody in the "
                   f"village can remember happening in March before, not even the oldest of the skippers.",
                   "Reply"]
    # Between them, notices the rules remove: the article and the thread are runs apart.
    notices = [f"{COOKIES[0]} Notice {i} of the site's privacy terms." for i in range(8)]
    result = clean(page(MENU, [HEADLINE], PROSE, notices, ["Leave a reply"], thread, FOOTER))
    assert kept(result) == PROSE


def test_comments_dated_to_the_minute_are_not_the_articles_text_without_a_reply_button():
    """A thread the rules do not know by its buttons is known by its heads: a name and
    the minute each comment was posted, a few paragraphs apart."""
    thread = []
    for i, comment in enumerate(COMMENTS[::2]):
        thread += [f"Harbour Watcher {i}", f"March {3 + i}, 2024 at 4:1{i} pm", comment]
    result = clean(page(MENU, [HEADLINE, "April 4, 2024 at 9:30 am"], PROSE, thread, FOOTER))
    assert result.cleaned.title == HEADLINE and kept(result) == PROSE
    head = next(row for row in result.record().removed if row["text"] == thread[1])
    assert head["kind"] == "comments" and "thread starts" in head["rule"]


def test_a_time_of_day_in_the_article_does_not_end_it_when_the_next_is_far_below():
    update = ["Update, April 4, 2024 at 11:05 am:"]
    teaser = ["Ferries to the islands run again", "April 1, 2024 at 8:00 am"]
    later = ["The coastguard said on Thursday that two boats had turned back after striking ice near the mouth "
             "of the fjord, and that nobody had been hurt in either of the accidents."]
    result = clean(page(MENU, [HEADLINE, "April 4, 2024 at 9:30 am"], PROSE, update, later, TEASERS, COOKIES, teaser, FOOTER))
    assert kept(result) == PROSE + update + later


def test_a_link_to_the_comments_in_the_header_does_not_end_the_article():
    result = clean(page(MENU, [HEADLINE, "12 comments", "Write a comment"], PROSE, TEASERS, FOOTER))
    assert result.cleaned.title == HEADLINE and kept(result) == PROSE


def _scored(lines_and_p):
    blocks = text_blocks("\n".join(text for text, _ in lines_and_p) + "\n")
    for block, (_, p) in zip(blocks, lines_and_p):
        block.extra["p"] = p
    return blocks


def test_a_code_sample_does_not_end_the_articles_span():
    code = ["boats = []", "for line in open(LOG):", "boats.append(line.split()[0])", "print(len(boats))"]
    blocks = _scored([(PROSE[0], 0.9)] + [(line, 0.1) for line in code] + [(PROSE[1], 0.3)] + [(line, 0.05) for line in FOOTER])
    cleaner = make_cleaner(dumps_settings({}))
    assert cleaner.span.extend(blocks, 0) == len(code) + 1
    menu = _scored([(PROSE[0], 0.9)] + [(line, 0.1) for line in MENU[:4]] + [(PROSE[1], 0.3)])
    assert cleaner.span.extend(menu, 0) == 0  # short unlikely lines that are no code do end it


def test_a_byline_under_the_articles_closing_list_ends_the_list():
    intro = "Summing up what the skippers told us, the season looks like this:"
    items = ["More boats than last year", "Lower prices at the harbour", "Ice still drifting in the fjords"]
    result = clean(page(MENU, [HEADLINE], PROSE, [intro], items, ["By Anna Berg", "March 3, 2023"], FOOTER))
    assert kept(result) == PROSE + [intro] + items


TEASER_PROSE = [
    "The harbour authority said on Friday that the new breakwater will be finished by the autumn, two "
    "years later than planned.",
    "Ferry crews have complained for months that the works narrow the channel at low tide.",
]
POST_LINKS = ["Breakwater works fall two years behind plan Previous article",
              "The lantern festival returns Next article"]


def test_prose_above_the_headline_and_its_byline_is_not_the_article():
    """A teaser the model likes stands above the article's own header: a headline with
    its byline under it, and much more prose below."""
    text = page(MENU, TEASER_PROSE, POST_LINKS, [HEADLINE, "By Ingrid Solberg", "April 4, 2024"], PROSE, FOOTER)
    result = clean(text)
    assert result.cleaned.title == HEADLINE
    assert result.cleaned.author == "Ingrid Solberg"
    assert kept(result) == PROSE


def test_a_timeline_near_the_top_of_an_article_without_a_byline_is_part_of_it():
    """A timeline's heading and its first date look like an article's own header under a
    little prose; the dates going on below it say it is a section of the article."""
    timeline = ["Key dates in the dispute", "March 18, 2014", PROSE[1], "February 24, 2022", PROSE[2]]
    result = clean(page(MENU, [HEADLINE], PROSE[:1], timeline, PROSE[3:], FOOTER))
    assert result.cleaned.title == HEADLINE and result.cleaned.date is None
    assert kept(result) == PROSE[:1] + timeline + PROSE[3:]


def test_a_dated_heading_inside_the_article_does_not_restart_it():
    """Below an article's own byline and date, a later heading with a date is a part of it."""
    text = page(MENU, [HEADLINE, "By Ingrid Solberg", "April 4, 2024"], PROSE[:1],
                ["Ice warning for the fjords", "April 5, 2024"], PROSE[1:], FOOTER)
    result = clean(text)
    assert result.cleaned.title == HEADLINE
    assert PROSE[0] in kept(result) and PROSE[-1] in kept(result)


@pytest.mark.parametrize("text,count", [
    ("Talks on the treaty stall in Geneva", 7),
    ("Straße und Größe", 3),
    ("北方渔船因海冰提前融化而重返渔场", 8),  # 16 characters, two a word
    ("2018年6月18日 10:01", 3),
    ("การประชุมสุดยอด ผู้นำอาเซียน", 7),  # 14 and 13 characters, four a word
])
def test_words_are_counted_in_scripts_written_without_spaces(text, count):
    assert word_count(text) == count


ZH_MENU = ["首页", "新闻", "国际", "财经", "体育", "科技", "评论", "视频", "登录", "您的位置： 首页 > 国际 > 正文"]
ZH_HEADLINE = "北方渔船因海冰提前融化而重返渔场"
ZH_PROSE = [
    "今年冬天气候温和，北方海域大部分时间没有结冰，第一批拖网渔船在周一抵达北方渔场，比有记录以来的任何一年都早了三个星期。",
    "船长们说，头几天的渔获不错，但港口的价格低于预期，因为买家在渔场长期关闭期间已经囤积了大量存货。",
    "渔业部门表示，将在春季科学家完成鱼群统计之后重新审查捕捞配额，因为过去两个季节有许多鱼群随着温暖的海水向北迁移。",
    "港务官员要求船员报告漂流的浮冰，这些浮冰仍然会从峡湾尽头的冰川上断裂，在清晨的黑暗中可能会撞破小船。",
]


def test_a_headline_written_without_spaces_is_a_headline_candidate():
    """Its length in words, not its one run of characters, makes it a candidate."""
    model = lines.model()
    texts = [*ZH_MENU, ZH_HEADLINE, "2024年4月4日 10:30", *ZH_PROSE]
    blocks = [Block(text=t) for t in texts]
    start = texts.index(ZH_PROSE[0])
    rows = dict(lines.title_rows(blocks, start, [0.0] * start + [1.0] * len(ZH_PROSE), lambda block: False,
                                 model.stopwords))
    assert texts.index(ZH_HEADLINE) in rows


def test_a_chinese_headline_after_a_menu_is_the_title():
    text = page(ZH_MENU, [ZH_HEADLINE, "2024年4月4日 10:30"], ZH_PROSE, ["关于我们", "联系我们", "隐私政策", "版权所有"])
    result = clean(text)
    assert result.cleaned.title == ZH_HEADLINE
    assert kept(result) == ZH_PROSE


RUNNERS = ["Ann Lee", "Kari Nordmann-Solberg", "Bo Park", "Ingrid Halvorsen Mæland", "Sigrid Eide", "Mai Vo"]
CLUBS = ["IL Tyrving", "North Bank Athletics Club, Bodø", "Fjord Runners", "Harbour Club"]
# a table as a browser's innerText gives it: a row a line, its cells between tabs
RESULTS = [f"{n}\t{RUNNERS[n % 6]}\t{CLUBS[n % 4]}\t{12 + n / 20:.2f}" + ("\tpersonal best, wind +1.2" if n % 3 == 0 else "")
           for n in range(1, 61)]


def test_a_page_without_prose_publishes_its_long_run_of_lines():
    """A table of results holds no sentence: the long run of lines the model takes for the
    page's content is its article, and the report says why."""
    menu = [item for item in MENU if len(item.split()) <= 3]  # (no menu line shaped as a headline)
    text = page(menu, ["Under-16 girls run the 100 metres at the regional championships in Bodø"], RESULTS, FOOTER)
    result = clean(text)
    assert result.cleaned.without_prose and "no prose" in result.notes
    assert result.cleaned.title == "Under-16 girls run the 100 metres at the regional championships in Bodø"
    body = [" ".join(line.split()) for line in kept(result)]
    assert {" ".join(row.split()) for row in RESULTS[1:-1]} <= set(body)
    assert not set(body) & set(menu + FOOTER)


def test_inspect_says_why_a_page_without_prose_is_published(tmp_path):
    from plugins.dumps.inspect import inspect_dump

    dump = tmp_path / "dumps" / "results.txt"
    dump.parent.mkdir()
    dump.write_text(page(MENU[:11], ["Under-16 girls run the 100 metres at the regional championships"], RESULTS),
                    encoding="utf-8")
    shown = inspect_dump(str(dump), {"PATH": str(tmp_path), "DUMPS": {}})
    assert "\nnote: no prose: the article is the long run of lines" in shown and "SKIPPED" not in shown


def test_a_short_run_of_lines_without_prose_is_no_article():
    """A tag cloud or a few teasers are no page's content: too few lines."""
    cleaner = make_cleaner(dumps_settings({}))
    result = clean_dump(page(MENU, RESULTS[:8], FOOTER).encode("utf-8"), "page.txt", cleaner)
    assert result.skip_reason.startswith("no article found")


def _decisions(text, recurring):
    result = clean_dump(text.encode("utf-8"), "page.txt", make_cleaner(dumps_settings({}), recurring))
    return [(b.plain, b.role, b.extra.get("p"), b.extra.get("title_p")) for b in result.cleaned.blocks]


def test_a_date_line_the_corpus_signal_flags_changes_no_decision_of_the_models():
    """In an archive a month's date lines share a corpus key (digits count as 0), so the
    signal flags the article's own date: the line and headline models, which learned
    without the signal, must still see it under the headline."""
    teasers = ["Ten walks along the old railway", "May 12, 2020", "Council votes on the new bridge", "May 3, 2020"]
    text = page(MENU, [HEADLINE, "May 19, 2020", "By Ingrid Solberg"], PROSE, teasers, FOOTER)
    assert _decisions(text, frozenset({line_key("May 19, 2020")})) == _decisions(text, frozenset())


def test_a_flagged_date_line_the_header_does_not_read_is_still_dropped():
    text = page(MENU, [HEADLINE, "May 19, 2020"], PROSE[:2], ["May 12, 2020"], PROSE[2:], FOOTER)
    result = clean_dump(text.encode("utf-8"), "page.txt", make_cleaner(dumps_settings({}), frozenset({line_key("May 12, 2020")})))
    assert result.cleaned.date.day == 19
    assert [b.plain for b in result.cleaned.body] == PROSE
    stamp = next(b for b in result.cleaned.blocks if b.plain == "May 12, 2020")
    assert stamp.furniture == "recurring"
