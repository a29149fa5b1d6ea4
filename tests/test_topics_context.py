"""Tags a reader can trust: the context decides (sports stories, place names, namesakes),
relations need a relation, passing mentions stay out, single mentions that matter count.
Every article here is a small one written for the test."""
from pathlib import Path

import pytest
from test_topics_tagger import names, tagger  # noqa: F401 (the module's tagger fixture and helper)
from topics import settings
from topics.tagger import Tagger
from topics.text import fold


# Sports: national teams are not states, and never form a relation.

MATCH = ("France Beat Brazil 3-1 to Reach the Final", (
    "France came from behind to beat Brazil 3-1 in the semi-final on Tuesday, with two goals "
    "from their striker and a late penalty. Brazil had led at half-time.",
    "The French coach praised his squad after the match, and the fans sang until the final whistle.",
    "Brazil's goalkeeper kept them in the tournament for an hour. France meet Argentina in the final on "
    "Sunday, at a stadium where they won the cup in 1998."))


def test_a_match_between_national_teams_tags_no_state(tagger):
    tags = names(tagger, MATCH[0], *MATCH[1])
    assert not {"France", "Brazil", "Argentina", "Brazil-France relations"} & set(tags)


def test_sport_words_alone_do_not_hide_a_diplomatic_story(tagger):
    tags = names(tagger, "India and Pakistan: cricket diplomacy ends at the border", (
        "The Indian government refused to let its cricket team travel to Pakistan for the tournament, "
        "citing security concerns. Pakistan's foreign ministry called the decision political."),
        "Relations between India and Pakistan have been frozen since 2019, and New Delhi and Islamabad "
        "have downgraded diplomatic ties.",
        "India's government says the matches must be played at a neutral venue; Pakistan's prime minister "
        "says his country will boycott future fixtures in India.")
    assert {"India", "Pakistan", "India-Pakistan relations"} <= set(tags)


def test_a_medal_table_is_no_relation(tagger):
    tags = names(tagger, "Kenya and Ethiopia share the podium", (
        "Kenya took gold and silver in the marathon, Ethiopia the bronze medal, and the relay went to Jamaica "
        "after a late sprint."), "Kenya top the athletics medal table; Ethiopia finished second with four medals.",
        "The Kenyan team's coach said the podium was the best of the championships.")
    assert not {"Kenya", "Ethiopia", "Ethiopia-Kenya relations"} & set(tags)


# Places whose names contain a country's name are those places.

@pytest.mark.parametrize("place, country", [
    ("Inner Mongolia", "Mongolia"), ("New Mexico", "Mexico"), ("Papua New Guinea", "Guinea"),
    ("Guinea-Bissau", "Guinea"), ("Equatorial Guinea", "Guinea"), ("South Sudan", "Sudan"),
    ("Northern Ireland", "Ireland"), ("Dominican Republic", "Dominica"), ("Nigeria", "Niger"),
    ("Gulf of Guinea", "Guinea"), ("American Samoa", "Samoa"), ("West Azerbaijan", "Azerbaijan"),
])
def test_a_longer_place_name_is_not_the_country_inside_it(tagger, place, country):
    tags = names(tagger, f"Drought in {place}",
                 f"Officials in {place} say the drought is the worst in decades. {place} has asked for aid.",
                 f"Farmers across {place} sold their herds; the government of {place} opened grain stores.")
    assert country not in tags


def test_every_country_named_inside_another_country_s_name_loses_to_it(tagger):
    """General, not a list: for every pair of countries in the taxonomy where one's name
    holds the other's as a word, the longer name is one mention of the longer country."""
    countries = [e for e in tagger.taxonomy.entities.values() if e.kind == "country"]
    pairs = [(long, short) for long in countries for short in countries
             if long is not short and f" {fold(short.name)} " in f" {fold(long.name).replace('-', ' ')} "]
    assert len(pairs) >= 4  # South Sudan, Guinea-Bissau, Equatorial Guinea, Papua New Guinea...
    for long, short in pairs:
        mentions, _ = tagger.matcher.find(f"Talks in {long.name} went well.")
        assert [m.form.entity for m in mentions] == [long], long.name


def test_every_shadow_hides_the_names_inside_it(tagger):
    assert tagger.taxonomy.shadows  # the context data loaded, or the loop would check nothing
    for phrase in tagger.taxonomy.shadows:
        mentions, _ = tagger.matcher.find(f"He went to {phrase} last week.")
        assert mentions == [], phrase


# Namesakes: a person, product or film named like a topic needs the topic's own evidence.

NAMESAKES = [
    # (topic, expected, title, paragraphs): a film director, a car, a football team and a
    # cricket body named like a topic, beside the topic itself
    ("M1 Abrams", False, "Abrams returns to the director's chair", (
        "J.J. Abrams will direct a new science-fiction film for the studio next year.",
        "Abrams said the script was finished. Critics loved his last film, and Abrams hopes to shoot in the summer.")),
    ("M1 Abrams", True, "Abrams tanks arrive in Ukraine", (
        "The first Abrams tanks reached Ukraine this week, the Pentagon said.",
        "Ukraine's army will field the M1A1 Abrams in the spring; the tanks need a lot of fuel.")),
    ("S-400", False, "The Mercedes S 400 reviewed", (
        "The Mercedes S 400 is a quiet, comfortable saloon with a strong engine.",
        "Our test car, a Mercedes-Benz S 400 d, returned good fuel economy on the motorway.")),
    ("Patriot", False, "Patriots lose again 17-3", (
        "The New England Patriots lost 17-3 to the Jets, their quarterback sacked five times.",
        "The Patriots have one touchdown in two games, and their coach called the season a struggle.")),
    ("Patriot", True, "Germany sends another Patriot battery", (
        "Germany will send a third Patriot air defence battery to Ukraine, the defence ministry said.",
        "The Patriot system has intercepted ballistic missiles over Kyiv; Ukraine asks for more interceptors.")),
    ("ICC", False, "The ICC names its new chairman", (
        "The ICC board met in Dubai and named a new chairman for the cricket body.",
        "The ICC will also decide the venue of next year's Champions Trophy, the board said.")),
]


@pytest.mark.parametrize("topic, expected, title, paragraphs", NAMESAKES)
def test_a_namesake_needs_the_topic_s_own_evidence(tagger, topic, expected, title, paragraphs):
    assert (topic in names(tagger, title, *paragraphs)) is expected


# Relations need the two parties dealing with each other.

def test_two_states_sharing_a_sentence_are_not_a_relation(tagger):
    tags = names(tagger, "Rescue ship brings migrants to Italy and Greece",
                 "The rescue ship carried 40 people, ten from Bangladesh and six from Egypt, and docked in Italy "
                 "after Greece turned it away. Italy and Greece each took half.",
                 "Egypt and Bangladesh are among the main countries of origin this year, and Egypt's coast "
                 "guard says Bangladesh sends more people every month.")
    assert "Bangladesh-Egypt relations" not in tags


def test_a_relation_word_in_a_shared_sentence_makes_a_relation(tagger):
    tags = names(tagger, "Ghana accuses Togo",
                 "Ghana accused Togo of sheltering rebels, and Togo summoned Ghana's ambassador in protest.",
                 "Ghana and Togo held talks on the border on Friday. Ghana wants Togo to extradite two men.")
    assert "Ghana-Togo relations" in tags


def test_ties_between_a_and_b_is_a_relation(tagger):
    tags = names(tagger, "Chile and Peru", "Ties between Chile and Peru are at their best in years, "
                 "officials in Lima say.", "Chile's exports grow. Peru's mines expand, and Chile's "
                 "president visits the region.", "Peru's president praised the region's growth.")
    assert "Chile-Peru relations" in tags


# Passing mentions stay out.

def test_a_country_in_one_paragraph_and_a_heading_is_a_passing_mention(tagger):
    tags = names(tagger, "A new season for the theatre",
                 "The city theatre opens its season with a new musical on Friday, and the director promises "
                 "a younger cast, cheaper seats on weekday evenings and a bar that stays open after the show. "
                 "Rehearsals started in August, and the company says the first three weeks are almost sold out "
                 "already, which has not happened since the theatre reopened after its long renovation.",
                 "<h2>From Kigali to the stage</h2>",
                 "The lead actor was born in Kigali and left Rwanda as a child; Rwanda still feels like home, "
                 "he says.", "Tickets are on sale at the box office.")
    assert "Rwanda" not in tags


def test_a_country_named_in_many_paragraphs_is_a_topic(tagger):
    tags = names(tagger, "A new season for the theatre",
                 "The city theatre opens its season with a play about Rwanda.",
                 "Rwanda's government lent costumes. Rwanda's embassy sponsors the tour.",
                 "Kigali will host the play next year. The cast will then travel across Rwanda.")
    assert "Rwanda" in tags


def test_the_spread_threshold_is_a_setting():
    loose = Tagger(settings.read({"TOPICS": {"spread_min": 1}}))
    tags = names(loose, "A new season for the theatre", "The season opens on Friday.",
                 "<h2>From Kigali to the stage</h2>",
                 "The lead actor was born in Kigali and left Rwanda as a child; Rwanda still feels like home.")
    assert "Rwanda" in tags


# Single mentions that matter: named in the title or lede, or named and referred to again.

def test_an_agreement_named_once_in_the_lede_is_found(tagger):
    tags = names(tagger, "Manila opens more bases to US troops",
                 "The Philippines will let US forces use four more bases under the EDCA, officials said.",
                 "The new sites face Taiwan. The Philippines and the US also plan joint patrols.",
                 "China warned the Philippines against the move; the US says the bases are for disaster relief.")
    assert "EDCA" in tags


def test_a_group_named_once_and_then_referred_to_is_found(tagger):
    body = ("Sudan's army shelled the outskirts of Khartoum again on Monday, and the city's hospitals are full.",
            "Fighting spread to Darfur, where the Rapid Support Forces took another town last week.",
            "The group now controls most of the region. The paramilitary says it will hold talks in Jeddah.",
            "Sudan's army refuses to negotiate, and the war is now in its second year.")
    assert "Rapid Support Forces" in names(tagger, "Sudan's war reaches a new town", *body)


def test_a_group_named_once_in_passing_is_not_found(tagger):
    tags = names(tagger, "Sudan's war reaches a new town",
                 "Sudan's army shelled the outskirts of Khartoum again on Monday, and the city's hospitals are full. "
                 "Doctors say they have run out of anaesthetics and blood, and that most of the wounded arrive "
                 "on donkey carts because fuel is too expensive for the few ambulances still working.",
                 "Sudan's army refuses to negotiate, and the war is now in its second year.",
                 "Aid agencies compare the fighting with the years when the Wagner Group was active nearby.",
                 "Sudan's neighbours fear more refugees.")
    assert "Wagner Group" not in tags


def test_an_organisation_named_once_in_the_title_is_found(tagger):
    tags = names(tagger, "The WTO rules on steel tariffs",
                 "A panel ruled that the tariffs broke trade rules, the trade body said on Friday.",
                 "The US said it would appeal; the EU welcomed the ruling.")
    assert "WTO" in tags


# invoke inspect: why each topic was given or refused.

def test_explain_says_why_each_topic_was_given_or_refused(tagger):
    html = "".join(f"<p>{p}</p>" for p in MATCH[1])
    lines = tagger.explain(MATCH[0], html)
    assert lines[0].startswith("story: a sports story")
    france = next(line for line in lines if " France (country)" in line)
    assert france.startswith("refused") and "team, not the state" in france
    lines = tagger.explain("Ghana accuses Togo", "<p>Ghana accused Togo of sheltering rebels, and Togo summoned "
                           "Ghana's ambassador.</p><p>Ghana and Togo held talks on the border.</p>")
    ghana = next(line for line in lines if " Ghana (country)" in line)
    assert ghana.startswith("GIVEN") and "title 1" in ghana and "score" in ghana
    assert any(line.startswith("GIVEN") and "Ghana-Togo relations" in line for line in lines)


def test_inspect_reads_a_post_as_the_build_does(tmp_path):
    from pelican.settings import read_settings

    from topics.inspect import inspect_topics

    content = tmp_path / "content"
    content.mkdir()
    post = content / "a.md"
    post.write_text("Title: Ghana accuses Togo\nDate: 2024-01-02\n\nGhana accused Togo of sheltering rebels, "
                    "and Togo summoned Ghana's ambassador.\n\nGhana and Togo held talks on the border.\n",
                    encoding="utf-8")
    plugins = str(Path(__file__).resolve().parent.parent / "plugins")
    pelican_settings = read_settings(override={"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"),
                                               "PLUGIN_PATHS": [plugins], "PLUGINS": ["topics"]})
    text = inspect_topics(str(post), pelican_settings)
    assert "title: Ghana accuses Togo" in text
    assert "GIVEN    Ghana-Togo relations (relation)" in text
