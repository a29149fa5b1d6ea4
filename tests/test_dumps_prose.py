"""Unit tests for plugins/dumps/prose.py: what a block's shape says it is."""

import pytest

from plugins.dumps.blocks import Block
from plugins.dumps.prose import (carries_item, headline_shaped, introduces_list, is_prose, looks_like_heading,
                                 running_words, sentence)

PARAGRAPH = "The ministers met in Ankara on Tuesday and agreed to resume talks on the pipeline next spring."


@pytest.mark.parametrize("text, kind, prose", [
    (PARAGRAPH, "p", True),
    (PARAGRAPH, "quote", True),
    (PARAGRAPH, "h", False),  # a heading is never prose, whatever it says
    (PARAGRAPH.rstrip("."), "p", False),  # not closed as a sentence
    ("Talks resume in spring.", "p", False),  # too short to be a paragraph
    ("Home News World Politics Business Opinion Sport Culture Travel Video.", "p", False),  # capitalised each
    ("Der Minister sagte, man werde die Gespräche im Frühjahr „wieder aufnehmen“", "p", True),  # closing quote
    ("外交部长周二在安卡拉会晤，同意明年春天恢复关于管道的谈判。双方都表示希望达成协议。", "p", True),  # no capitals
])
def test_prose_is_running_text_closed_as_a_sentence(text, kind, prose):
    assert is_prose(Block(text=text, kind=kind)) is prose


def test_running_words_tell_a_sentence_from_a_label():
    assert running_words("the talks resume in spring, the ministers said")
    assert not running_words("Ministry Of Foreign Affairs Press Office")


def test_a_sentence_may_be_capitalised_or_a_list_item():
    names = "Ann Lee, Bo Chan, Carl Diaz, Dee Evans and Eli Fox Signed The Letter."
    assert sentence(Block(text=names, kind="li")) and not is_prose(Block(text=names))
    assert not sentence(Block(text=names, kind="h"))
    assert not sentence(Block(text="Signed by five ministers.", kind="p"))  # too short


@pytest.mark.parametrize("text, heading, headline", [
    ("What Ankara wants", True, True),
    ("Why the S-400 deal matters to NATO?", True, True),
    ("Background", True, False),  # too short for a headline
    ("the talks in brief", False, True),  # a heading starts with a capital
    ("Talks resume. Both sides agree", True, False),  # two sentences are no headline
    ("Read the statement:", False, False),
    (PARAGRAPH, False, False),
])
def test_headings_and_headlines_by_shape(text, heading, headline):
    block = Block(text=text)
    assert looks_like_heading(block) is heading
    assert headline_shaped(block) is headline


def test_a_short_line_ending_in_a_colon_introduces_a_list():
    assert introduces_list(Block(text="Three points stand out:"))
    assert not introduces_list(Block(text="Three points stand out."))
    assert not introduces_list(Block(text="Three points stand out:", kind="li"))
    assert not introduces_list(Block(text=PARAGRAPH.rstrip(".") + ", and these are the points we expect:"))


def test_a_label_carries_its_item_after_a_colon_or_a_dash():
    assert carries_item(Block(text="Read more: Turkey and the S-400"))
    assert carries_item(Block(text="Related – What NATO wants from Ankara"))
    assert not carries_item(Block(text="Read more"))
    assert not carries_item(Block(text="Turkey-US relations"))  # a hyphen inside a word is no dash


@pytest.mark.parametrize("text, bold", [
    ("**Serving tips**", True),
    ("**Follow us** **to stay**", True),  # two bold runs, nothing between them but a space
    ("**Strict Standards**: a warning of the page's code", False),
    ("Serving tips", False),
    ("****", False),
])
def test_a_line_is_all_bold_only_when_every_word_is(text, bold):
    from plugins.dumps.blocks import all_bold

    assert all_bold(text) is bold


@pytest.mark.parametrize("text, sentences", [
    ("The bats did it. Or so the study says.", True),
    ("Want to see more? So do we.", True),
    ("What the study found", False),
    ("The bats did it.", False),  # one sentence: a headline may close with a full stop
    ("The bats did it. Or so the study says", False),  # not closed
])
def test_several_closed_sentences_read_as_a_paragraph(text, sentences):
    from plugins.dumps.prose import reads_as_sentences

    assert reads_as_sentences(text) is sentences
