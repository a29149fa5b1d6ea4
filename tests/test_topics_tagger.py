"""Tagger behaviour on hand-written examples: ambiguity, morphology, salience, relations,
hints, overrides and the cap."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from topics import settings  # noqa: E402
from topics.tagger import Tagger  # noqa: E402


@pytest.fixture(scope="module")
def tagger():
    return Tagger(settings.read({}))


def names(tagger, title, *paragraphs, **kw):
    html = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return [d.name for d in tagger.tag(title, html, **kw)]


AMBIGUOUS = [
    # (topic, expected, title, paragraphs)
    ("Georgia", False, "Storms hit the South", (
        "Heavy rain flooded Atlanta, Georgia on Monday. Georgia's governor declared an emergency "
        "in every county, and Georgia farmers fear for the peach harvest.", "Georgia will ask for federal help.")),
    ("Georgia", True, "Georgia looks west", (
        "Tbilisi wants to join the EU. Georgia's government says the Georgian people chose Europe.",
        "Georgia and Russia have not had diplomatic relations since the 2008 war.")),
    ("Jordan", False, "A season to remember", (
        "Fans compared the rookie to Michael Jordan. Coach Jordan Smith agreed.",
        "They later swam in the Jordan River. Jordan scored again for the Bulls in the NBA.")),
    ("Jordan", True, "Jordan hosts refugees", (
        "Jordan has taken in more Syrian refugees than any other country. Amman asks for aid.",
        "Jordanian officials say Jordan cannot carry the burden alone.")),
    ("Chad", False, "Local startup raises funds", (
        "Chad Miller, the founder, said the round closed early. Investors praised Chad Miller's plan.",
        "The startup will hire ten engineers.")),
    ("Turkey", False, "Holiday dinner tips", (
        "Roast the turkey slowly and serve it on your best china.",
        "Turkey tastes better with gravy. Keep the china plates warm in the oven.",
        "Leftover turkey makes a good sandwich.")),
    ("China", False, "Holiday dinner tips", (
        "Serve the roast on your best china. China plates and teacups need a gentle wash.",
        "China from the 1920s is fragile.")),
    ("US", False, "Let us talk about gardening", (
        "Join us for a walk. Tell us what you grow; the rest of us will listen.", "None of us knew.")),
    ("Niger", True, "Niger after the coup", (
        "Niger's junta expelled French troops. Niamey turned to new partners.",
        "Niger and Nigeria closed their border.")),
]


@pytest.mark.parametrize("topic, expected, title, paragraphs", AMBIGUOUS)
def test_ambiguous_names_need_evidence(tagger, topic, expected, title, paragraphs):
    assert (topic in names(tagger, title, *paragraphs)) is expected


def test_possessives_plurals_and_dash_variants(tagger):
    tags = names(tagger, "Russia\u2019s S\u2013400s in the desert",
                 "Russia's air defence exports grew. Two more S-400s were delivered, and Russia's buyers "
                 "asked for S400 spare parts.",
                 "The S-400 Triumf is Russia's best seller.")
    assert "Russia" in tags and "S-400" in tags


def test_passing_mention_is_not_a_topic(tagger):
    tags = names(tagger, "Japan and South Korea mend ties",
                 "Japan and South Korea agreed to resume shuttle diplomacy. Tokyo and Seoul will share data.",
                 "Japanese and South Korean leaders met again, as Syria showed how fragile talks can be.",
                 "Japan will lift export curbs on South Korea.")
    assert "Syria" not in tags
    assert "Japan-South Korea relations" in tags


def test_list_of_abstainers_gives_no_topics(tagger):
    tags = names(tagger, "The General Assembly vote on Ukraine",
                 "Russia lost the vote on Ukraine by a wide margin. Ukraine welcomed the result.",
                 "Abstainers included India, South Africa, Mongolia, Laos and Vietnam.",
                 "Russia said the vote meant nothing, and Ukraine disagreed.")
    for passing in ("India", "Mongolia", "Laos", "Vietnam", "India-South Africa relations"):
        assert passing not in tags
    assert "Russia-Ukraine relations" in tags


def test_relation_naming_is_alphabetical_short_names(tagger):
    tags = names(tagger, "Washington and Ankara argue again",
                 "Relations between the United States and Turkey soured. US-Turkish ties are at a low.",
                 "Turkey says the United States ignored its concerns.")
    assert tags[0] == "Turkey-US relations"
    assert "US-Turkey relations" not in tags


def test_eu_is_a_party_to_relations(tagger):
    tags = names(tagger, "London and Brussels strike a deal",
                 "The UK and the European Union agreed on new rules. Britain's ties with the EU improved.",
                 "The EU and the UK will meet again in June.")
    assert "EU-UK relations" in tags


def test_canonical_relation_spellings(tagger):
    assert tagger.canonical("US-Turkish relations").name == "Turkey-US relations"
    assert tagger.canonical("UK\u2013EU relations").name == "EU-UK relations"
    assert tagger.canonical("Saudi Arabia/Iran ties").name == "Iran-Saudi Arabia relations"
    assert tagger.canonical("T\u00fcrkiye").name == "Turkey"
    assert tagger.canonical("Politics") is None


def test_hint_only_helps_a_topic_the_text_supports(tagger):
    body = ("Egypt and Ethiopia met to discuss the dam. Cairo fears for its water, Addis Ababa wants power.",
            "Ethiopia says the filling will continue. Egypt asks Sudan to join the talks.")
    plain = names(tagger, "Talks on the Nile", *body)
    hinted = names(tagger, "Talks on the Nile", *body, hints=["sudan", "Kenya", "Politics"])
    assert "Sudan" not in plain and "Sudan" in hinted
    assert "Kenya" not in hinted and "Politics" not in hinted


def test_override_add_and_remove(tagger):
    body = ("India and Pakistan exchanged fire. New Delhi blamed Islamabad; Pakistan denied it.",
            "India says Pakistan must act.")
    tags = names(tagger, "Border fire", *body, add=["Kashmir", "United States"], remove=["Pakistan"])
    assert "Kashmir" in tags and "US" in tags
    assert "Pakistan" not in tags
    assert "India" in tags


def test_markdown_tags_are_merged_canonicalised(tagger):
    tags = names(tagger, "Ankara's drones", "Turkey sells drones. Turkish firms grow.",
                 own=["T\u00fcrkiye", "Drones"])
    assert tags.count("Turkey") == 1 and "Drones" in tags


def test_max_tags_caps_detected_topics():
    small = Tagger(settings.read({"TOPICS": {"max_tags": 2}}))
    tags = names(small, "Russia, Ukraine and Turkey at the table",
                 "Russia, Ukraine and Turkey met in Istanbul. Moscow and Kyiv spoke of Turkish mediation.",
                 "Russia and Ukraine agreed; Turkey and Russia will meet again.")
    assert len(tags) == 2


def test_block_and_alias_settings():
    custom = Tagger(settings.read({"TOPICS": {"block": ["NATO"], "aliases": {"the Alliance": "NATO",
                                                                              "Blighty": "UK"}}}))
    tags = names(custom, "NATO grows", "NATO admitted Finland. NATO and Finland celebrated.")
    assert "NATO" not in tags and "Finland" in tags
    tags = names(custom, "Blighty votes", "Blighty went to the polls. Voters in Blighty chose change.")
    assert "UK" in tags


def test_unknown_setting_is_an_error():
    with pytest.raises(ValueError):
        settings.read({"TOPICS": {"max_tag": 3}})


def test_an_alias_yaml_reads_as_false_stops_the_build_naming_the_entry(tmp_path):
    """An editor who adds Norway's code unquoted gets YAML's false: the build says where."""
    import shutil

    from topics import taxonomy

    data = Path(__file__).resolve().parents[1] / "plugins" / "topics" / "data"
    for path in data.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    taxonomy.load(tmp_path)  # the shipped data loads
    with open(tmp_path / "organisations.yaml", "a", encoding="utf-8") as handle:
        handle.write("- {name: Nordic Council, aliases: [NO, Nordisk råd]}\n")
    with pytest.raises(ValueError, match=r"organisations.yaml: Nordic Council: aliases: False is not text; put it in quotes"):
        taxonomy.load(tmp_path)


def test_parallel_tagging_gives_the_serial_results(tagger, monkeypatch):
    import os

    import topics

    monkeypatch.setattr(topics, "PARALLEL_MIN", 2)
    # Two CPUs however many this machine has, as _detect_all counts them; and a spy on the pool.
    monkeypatch.setattr(os, "process_cpu_count", lambda: 2, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    pools = []
    real = topics.ProcessPoolExecutor
    monkeypatch.setattr(topics, "ProcessPoolExecutor", lambda *a, **k: pools.append(a) or real(*a, **k))
    texts = [
        ("Ankara tests the S-400", "<p>Turkey tested its S-400 again, angering the United States and NATO.</p>"),
        ("India and China talk", "<p>India and China held talks on the border after the Galwan clash.</p>"),
        ("Houthis strike again", "<p>The Houthis in Yemen fired at ships in the Red Sea, the US said.</p>"),
    ] * 3
    inputs = [(title, html, [], [], [], []) for title, html in texts]
    serial = [topics._detect(tagger, x) for x in inputs]
    assert topics._detect_all(tagger, inputs) == serial
    assert [a[0] for a in pools] == [2]  # tagged in two forked workers
    assert any(name == "S-400" for name, _, _ in serial[0])


def test_a_kept_tagger_tags_as_a_built_one_and_is_built_once_per_version(tmp_path, tagger, caplog):
    from types import MappingProxyType

    from topics.memo import Memo

    built = []

    def build():
        built.append(1)
        return Tagger(settings.read({}))

    first = Memo(str(tmp_path), "v1").tagger(build)
    kept = Memo(str(tmp_path), "v1").tagger(build)
    assert len(built) == 1 and kept is not first
    assert isinstance(kept.options, MappingProxyType)
    text = ("Turkey and the United States", "Ankara tested its S-400 again. Washington warned Ankara that the "
            "S-400 could cost Turkey its F-35 jets, and NATO allies worried.")
    assert names(kept, *text) == names(tagger, *text) != []

    Memo(str(tmp_path), "v2").tagger(build)  # other code, data or settings: built again
    assert len(built) == 2
    (tmp_path / "topics-v2.tagger").write_bytes(b"not a pickle")
    Memo(str(tmp_path), "v2").tagger(build)
    assert len(built) == 3 and "unreadable tagger cache" in caplog.text

    memo = Memo(str(tmp_path), "v2")
    memo.put(b"key", [])
    memo.save()  # another version's files go
    assert sorted(p.name for p in tmp_path.iterdir()) == ["topics-v2.pickle", "topics-v2.tagger"]
