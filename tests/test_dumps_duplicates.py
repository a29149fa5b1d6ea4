"""Duplicate dumps (plugins/dumps/duplicates.py): copies become one post, different
articles from one site never do, however much furniture they share."""

from plugins.dumps.duplicates import find_duplicates, fingerprint

FURNITURE = [
    "Enter your details below or click an icon to log in, and you will be able to comment on every post of "
    "this blog with the account you already have.",
    "The contents of this website are licensed under a Creative Commons licence, so you may share them as long "
    "as you name the author and link back here.",
]


def paragraph(topic: str, part: str = "first") -> str:
    return (f"The {topic} story goes on for a while in its {part} paragraph, long enough to count as one of "
            f"the article's own long paragraphs when articles are compared.")


def page(*paragraphs: str, short: str = "") -> str:
    return (f"<p>{short}</p>" if short else "") + "".join(f"<p>{p}</p>" for p in paragraphs)


def dupes(pages: dict) -> dict:
    found = find_duplicates(list(pages), lambda name: fingerprint(pages[name]))
    return dict(found)


def test_a_copy_with_other_furniture_is_a_duplicate():
    pages = {"a": page(paragraph("harbour"), paragraph("harbour", "second"), FURNITURE[0]),
             "b": page(paragraph("harbour"), paragraph("harbour", "second"), paragraph("cookie banner", "last"))}
    assert dupes(pages) == {"b": "a"}


def test_posts_of_one_blog_sharing_its_furniture_are_not_merged():
    notes = ["the weekend market", "a new bakery", "rain all week", "the school play"]
    pages = {f"post{i}": page(*FURNITURE, short=f"A short note about {note}") for i, note in enumerate(notes)}
    pages["long"] = page(paragraph("river"), *FURNITURE)
    assert dupes(pages) == {}


def test_three_identical_copies_are_one_post():
    body = page(paragraph("bridge"), paragraph("bridge", "second"), short="The bridge reopens on Monday")
    pages = {"a": body, "b": body, "c": body, "other": page(paragraph("tunnel"))}
    assert dupes(pages) == {"b": "a", "c": "a"}


def test_an_article_sharing_only_common_furniture_with_another_is_kept():
    pages = {f"post{i}": page(paragraph(topic), *FURNITURE) for i, topic in enumerate(["ferry", "dam", "mine"])}
    assert dupes(pages) == {}
