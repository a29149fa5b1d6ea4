"""Unit tests for plugins/dumps/header.py: the lines above a text dump's article."""

import pytest

from plugins.dumps.blocks import Block
from plugins.dumps.clean import Cleaned
from plugins.dumps.header import Header, metadata_fields

PARAGRAPH = "The ministers met in Ankara on Tuesday and agreed to resume talks on the pipeline next spring."
HEADLINE = "Turkey weighs the S-400 deal"


def blocks(*texts):
    return [Block(text=text) for text in texts]


def test_a_line_gives_every_header_field_it_holds():
    line = Block(text="By Ann Lee | 12 March 2021")
    assert [name for name, _, _ in metadata_fields(line)] == ["date", "author"]
    assert [name for name, _, _ in metadata_fields(line, Cleaned([], author="Bo Chan"))] == ["date"]
    assert metadata_fields(Block(text=PARAGRAPH)) == []


def test_the_article_starts_below_a_headline_that_reads_like_prose_when_a_byline_follows_it():
    question = "Is Turkey ready to walk away from NATO over the S-400 deal with Moscow?"
    assert Header.start(blocks(question, "By Ann Lee", PARAGRAPH), 0) == 2
    assert Header.start(blocks("Home", question, "By Ann Lee", PARAGRAPH), 1) == 3
    # No byline: below a menu, the question is the article's first paragraph; opening the
    # dump with nothing above it, it is the headline.
    assert Header.start(blocks("Home", question, PARAGRAPH), 1) == 1
    assert Header.start(blocks(question, PARAGRAPH), 0) == 1


def test_the_header_gives_title_byline_and_date_and_drops_the_menu():
    header = blocks("Home", "World", HEADLINE, "Ann Lee", "12 March 2021")
    cleaned = Cleaned(header)
    Header(None).read(header, cleaned)
    assert (cleaned.title, cleaned.author, cleaned.date.day) == (HEADLINE, "Ann Lee", 12)
    assert [b.role for b in header] == ["furniture", "furniture", "title", "author", "date"]


def test_a_name_far_from_the_headline_and_the_date_is_no_byline():
    header = blocks(HEADLINE, "12 March 2021", "Share this story", "Most read this week", "Sign in", "Ann Lee")
    cleaned = Cleaned(header)
    Header(None).read(header, cleaned)
    assert cleaned.title == HEADLINE and cleaned.author == ""
    assert header[-1].role == "furniture"


def test_the_byline_and_date_next_to_the_article_win_over_a_mastheads_date():
    menu = ["Home", "World", "Europe", "Asia", "Africa", "Americas", "Business", "Opinion", "Sport", "Culture",
            "Travel", "Video"]
    header = blocks("Saturday, 3 April 2021", *menu, HEADLINE, "By Ann Lee", "12 March 2021")
    cleaned = Cleaned(header)
    Header(None).read(header, cleaned)
    assert (cleaned.date.month, cleaned.date.day) == (3, 12)
    assert cleaned.author == "Ann Lee"


STANDFIRST = "A harbour master explains why the fleets went north three weeks early and what it means for prices"


def read_ranked(texts, shares, chosen):
    """Header.read with the headline model's shares given by hand and `chosen` ranked first."""
    header = blocks(*texts)
    for block, share in zip(header, shares):
        block.extra["title_p"] = share
    cleaned = Cleaned(header)
    Header(None).read(header, cleaned, ranked=[chosen])
    return cleaned.title


def test_a_headline_right_above_a_standfirst_the_model_ranked_first_is_the_title():
    headline = "Five Lessons From an Early Fishing Season"
    assert read_ranked(["Home", headline, STANDFIRST, "By Ann Lee"], [0.0, 0.15, 0.8, 0.0], 2) == headline


@pytest.mark.parametrize("texts, shares", [
    # the chosen line is short for a standfirst: it is the headline, the line above a kicker
    (["Five Lessons From an Early Fishing Season", "The fleets went north three weeks early this year"],
     [0.15, 0.8]),
    # the model hardly ranks the line above
    (["Five Lessons From an Early Fishing Season", STANDFIRST], [0.05, 0.9]),
    # a kicker in capitals
    (["THE NORTHERN BANKS IN SPRING", STANDFIRST], [0.3, 0.6]),
    # a line between them
    (["Five Lessons From an Early Fishing Season", "Share this story", STANDFIRST], [0.15, 0.0, 0.8]),
    # a headline written without spaces is as long as a standfirst by word_count's estimate
    (["新闻 国际 Video", "港口城市的渔船今年提前三周驶向北方渔场当地价格随之下跌"], [0.2, 0.7]),
])
def test_the_line_the_model_ranked_first_stays_the_title(texts, shares):
    chosen = len(texts) - 1
    assert read_ranked(["Home", *texts], [0.0, *shares], chosen + 1) == texts[chosen]
