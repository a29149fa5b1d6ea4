"""Recipe cards in text dumps (plugins/dumps/recipes.py): the card's ingredients and
method are the article's, though flattened they read like a menu. Made-up pages."""

import pytest

from plugins.dumps import recipes
from plugins.dumps.blocks import line_key
from plugins.dumps.pipeline import clean_dump
from plugins.dumps.prepare import make_cleaner
from plugins.dumps.settings import dumps_settings
from plugins.dumps.textdump import text_blocks
from tests.test_dumps_lines import FOOTER, HEADLINE, MENU, clean, kept, page

INTRO = [
    "Every winter my grandmother baked these biscuits for the fishermen who came back to the harbour "
    "before the ice closed it, and the smell of cinnamon still means the end of the season to me.",
    "They keep for two weeks in a tin, travel well and need nothing you would not find in a village shop "
    "on the coast, which is why the crews asked for them year after year.",
]
INGREDIENTS = ["Ingredients", "300 g flour", "1 tsp baking powder", "200 g butter", "200 g sugar", "1 egg", "1 tsp cinnamon"]
METHOD = [
    "Method",
    "Mix all the ingredients in a bowl and knead them into a smooth dough.",
    "Roll the dough out on a floured board and cut out the biscuits.",
    "Bake them for 15 minutes at 200 °C until golden.",
]
AFTER = ["Jump to recipe", "You may also like", "Ten walks along the old railway", "Council votes on the new bridge"]


def blocks_of(lines):
    return text_blocks("\n".join(lines) + "\n")


def test_a_card_runs_from_its_ingredients_to_its_last_step():
    blocks = blocks_of(INTRO + INGREDIENTS + METHOD + AFTER)
    assert recipes.card(blocks) == (len(INTRO), len(INTRO) + len(INGREDIENTS) + len(METHOD) - 1)


@pytest.mark.parametrize("ingredients,method", [("Zutaten:", "Zubereitung:"), ("Ingredients for 4 people", "Directions"),
                                                ("Ingrédients", "Préparation")])
def test_card_headings_in_the_archives_languages(ingredients, method):
    blocks = blocks_of([ingredients, "300 g flour", method, "Mix it all in a bowl and bake it."])
    assert recipes.card(blocks) == (0, 3)


def test_no_card_without_a_method():
    assert recipes.card(blocks_of(INTRO + INGREDIENTS + AFTER)) is None
    assert recipes.card(blocks_of(["Ingredients of a good treaty are trust and time."] + METHOD)) is None


def test_a_card_below_the_blog_post_is_the_articles():
    result = clean(page(MENU, [HEADLINE], INTRO, INGREDIENTS, METHOD, AFTER, FOOTER))
    assert kept(result) == INTRO + INGREDIENTS + METHOD


def test_a_card_alone_is_the_article_not_the_page_around_it():
    legal = ["The pictures on this blog are published under a Creative Commons licence; for any other use, "
             "ask the author, who will usually agree and only asks to be named as the source."]
    result = clean(page(MENU, ["Cinnamon biscuits"], INGREDIENTS, METHOD, AFTER, FOOTER, legal))
    assert kept(result) == INGREDIENTS + METHOD
    assert result.cleaned.title == "Cinnamon biscuits"


def test_a_cards_lines_that_recur_in_other_dumps_are_kept_and_say_why():
    recurring = frozenset(line_key(line) for line in ("Ingredients", "1 egg", "Method"))
    cleaner = make_cleaner(dumps_settings({}), recurring)
    text = page(MENU, [HEADLINE], INTRO, INGREDIENTS, METHOD, AFTER, FOOTER)
    blocks = clean_dump(text.encode("utf-8"), "biscuits.txt", cleaner).cleaned.blocks
    kept = {b.plain: b.rule for b in blocks if b.role == "body"}
    assert {"Ingredients", "1 egg", "Method"} <= set(kept)
    assert "recipe card" in kept["1 egg"]

