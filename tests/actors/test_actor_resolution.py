"""Resolving actor phrases and finding actor mentions in sentences (golden pairs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from frontlines.actors import find_actors, load_actors, resolve_actor
from frontlines.records import Article, OffsetMap


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@dataclass
class Sent:
    """A stand-in for a spaCy sentence Span: text and its start in the article's clean text."""

    text: str
    start_char: int = 0


def article(text: str, published: dt.date | None = dt.date(2017, 6, 18), offsets: OffsetMap | None = None,
            raw: str | None = None) -> Article:
    return Article(id="a1", raw_text=raw or text, clean_text=text,
                   offsets=offsets or OffsetMap.identity(len(text)), published=published)


def find(text: str, actors, **kw):
    return find_actors(Sent(text), article(text), actors=actors, **kw)


@pytest.mark.parametrize("spelling", ["Al Hashd Al Shaabi", "Al Hashd Al Shabi", "Hashd al-Shaabi", "Hashd al-Sha'abi",
                                      "Popular Mobilization Forces", "Popular Mobilisation Forces", "PMF"])
def test_spellings_of_the_pmf_resolve_to_one_id(actors, spelling):
    assert resolve_actor(spelling, actors=actors).id == "pmf"


@pytest.mark.parametrize(("phrase", "actor_id"), [
    ("Syrian Army", "military-forces-of-syria"),
    ("Russian warplanes", "military-forces-of-russia"),
    ("Russian Air Force", "military-forces-of-russia"),
    ("Iraqi forces", "military-forces-of-iraq"),
    ("US forces", "military-forces-of-the-united-states"),
    ("U.S. troops", "military-forces-of-the-united-states"),
    ("Turkish troops", "military-forces-of-turkey"),
    ("Israeli jets", "military-forces-of-israel"),
    ("Turkey's army", "military-forces-of-turkey"),
    ("Afghan police", "police-forces-of-afghanistan"),
    ("Nigerian soldiers", "military-forces-of-nigeria"),
    ("Syrian government forces", "military-forces-of-syria"),
])
def test_demonym_and_force_noun_give_that_countrys_forces(actors, phrase, actor_id):
    actor = resolve_actor(phrase, actors=actors)
    assert (actor.id, actor.inter) == (actor_id, 1)


def test_police_nouns_give_police_forces(actors):
    assert resolve_actor("Ugandan police officers", actors=actors).name == "Police Forces of Uganda (1986-)"


@pytest.mark.parametrize(("phrase", "name", "inter"), [
    ("gunmen", "Unidentified Armed Group (Mali)", 3),
    ("unidentified gunmen", "Unidentified Armed Group (Mali)", 3),
    ("protesters", "Protesters (Mali)", 6),
    ("demonstrators", "Protesters (Mali)", 6),
    ("rioters", "Rioters (Mali)", 5),
    ("civilians", "Civilians (Mali)", 7),
    ("farmers", "Civilians (Mali)", 7),
    ("a woman", "Civilians (Mali)", 7),
    ("a tribal elder", "Civilians (Mali)", 7),
    ("an elder", "Civilians (Mali)", 7),
    ("militants", "Unidentified Armed Group (Mali)", 3),
    ("Fulani militiamen", "Fulani Ethnic Militia (Mali)", 4),
])
def test_generic_actors_are_named_for_the_events_country(actors, phrase, name, inter):
    actor = resolve_actor(phrase, actors=actors, country="Mali")
    assert (actor.name, actor.inter) == (name, inter)
    assert actor.generic_type


def test_generic_actors_without_a_country_stay_unnamed(actors):
    actor = resolve_actor("protesters", actors=actors)
    assert (actor.name, actor.id, actor.inter, actor.country) == ("Protesters", None, 6, None)


def test_warplanes_without_a_demonym_are_an_unknown_air_force_under_acleds_name_for_it(actors):
    actor = resolve_actor("warplanes", actors=actors, country="SY")
    assert (actor.id, actor.inter, actor.generic_type) == (None, 8, "air force")  # still unknown: no id
    assert (actor.name, actor.text) == ("Unidentified Military Forces", "warplanes")


def test_bare_army_takes_the_events_country(actors):
    actor = resolve_actor("the army", actors=actors, country="YE")
    assert actor.id == "military-forces-of-yemen"


def test_bare_army_without_a_country_is_state_forces_of_unknown_country(actors):
    actor = resolve_actor("the army", actors=actors)
    assert (actor.id, actor.inter, actor.generic_type) == (None, 1, "military")


def test_forces_of_an_unknown_group_stay_unknown(actors):
    actor = resolve_actor("Kurdish forces", actors=actors, country="SY")
    assert (actor.id, actor.inter, actor.name) == (None, None, "Kurdish forces")


def test_an_unknown_phrase_keeps_its_text(actors):
    actor = resolve_actor("the Arnor Rangers", actors=actors)
    assert (actor.name, actor.id, actor.inter, actor.rule) == ("the Arnor Rangers", None, None, "unknown")


def test_name_follows_the_date_given(actors):
    assert resolve_actor("Ukrainian army", actors=actors, on=dt.date(2016, 1, 1)).name == \
        "Military Forces of Ukraine (2014-2019)"


def test_isis_in_iraq_is_islamic_state_iraq(actors):
    assert resolve_actor("ISIS militants", actors=actors, country="IQ").name == "Islamic State (Iraq)"


def test_lowercase_is_is_not_the_islamic_state(actors):
    assert find("The army is advancing and it is said IS fighters fled.", actors, country="SY")[1].id == \
        "islamic-state-syria"
    assert [a.id for a in find("It is what it is.", actors)] == []


def test_anti_prefix_does_not_make_the_actor(actors):
    found = find("Anti-Houthi tribesmen fought on.", actors, country="YE")
    assert "houthis" not in [a.id for a in found]


def test_coordinated_demonyms_share_the_noun(actors):
    found = find("Syrian and Russian warplanes struck an ISIS convoy.", actors, country="SY")
    assert [a.id for a in found] == ["military-forces-of-syria", "military-forces-of-russia", "islamic-state-syria"]
    assert [a.text for a in found] == ["Syrian and Russian warplanes", "Russian warplanes", "ISIS"]


def test_foreign_forces_in_the_events_country_are_external(actors):
    found = find("Syrian and Russian warplanes struck.", actors, country="SY")
    assert [a.inter for a in found] == [1, 8]


def test_the_rule_names_the_dictionary_entry_and_alias(actors):
    (actor,) = find("Units of Al Hashd Al Shabi advanced.", actors)
    assert actor.rule == "actors.yaml#pmf:alias 'Al Hashd Al Shaabi'"
    assert actor.text == "Al Hashd Al Shabi"


def test_scare_quotes_are_flagged(actors):
    (actor,) = find("The army cut off all “moderate rebel” supply routes.", actors)[1:]
    assert actor.scare_quotes
    assert not find("The army advanced.", actors)[0].scare_quotes


def test_a_name_after_a_generic_noun_wins(actors):
    found = find("The struggle against the terrorist group ISIS goes on.", actors)
    assert [a.id for a in found] == ["islamic-state"]


def test_group_noun_after_a_name_is_part_of_the_mention(actors):
    (actor,) = find("Houthi fighters shelled the city.", actors)
    assert actor.text == "Houthi fighters"


def test_offsets_index_the_users_text(actors):
    raw = "HEADER\n\nIraqi forces took Al Waleed."
    clean = "Iraqi forces took Al Waleed."
    art = article(clean, offsets=OffsetMap(((0, 8, len(clean)),)), raw=raw)
    (actor,) = find_actors(Sent(clean), art, actors=actors)
    assert raw[actor.start:actor.end] == "Iraqi forces"


def test_sentence_offsets_are_added(actors):
    text = "First sentence. Turkish troops crossed."
    art = article(text)
    (actor,) = find_actors(Sent(text[16:], 16), art, actors=actors)
    assert text[actor.start:actor.end] == "Turkish troops"


def test_find_actors_on_a_spacy_sentence(actors, nlp):
    text = "North of the town of Sukhna, Syrian and Russian warplanes struck an ISIS convoy."
    doc = nlp(text)
    found = [a for s in doc.sents for a in find_actors(s, article(text), actors=actors)]
    assert [a.id for a in found][:2] == ["military-forces-of-syria", "military-forces-of-russia"]


def test_demonym_and_official_give_the_government(actors):
    assert resolve_actor("Turkish officials", actors=actors).name == "Government of Turkey (2016-)"


def test_bare_government_is_the_events_countrys(actors):
    assert resolve_actor("the government", actors=actors, country="IQ").id == "government-of-iraq"
    assert resolve_actor("the government", actors=actors).rule == "unknown"


def test_forces_of_a_country_after_the_noun(actors):
    found = find("Military forces of India and Pakistan traded fire overnight.", actors)
    assert [a.id for a in found] == ["military-forces-of-india", "military-forces-of-pakistan"]


def test_people_in_a_protest_are_protesters(actors):
    (actor,) = find("On 9 May 2020, hundreds of people protested against the closure.", actors, country="IN")
    assert (actor.name, actor.inter) == ("Protesters (India)", 6)
    assert actor.rule.endswith("+context:protesters")


def test_people_in_a_riot_are_rioters(actors):
    (actor,) = find("Residents burned tires and blocked the road.", actors, country="DZ")
    assert (actor.name, actor.inter) == ("Rioters (Algeria)", 5)


def test_people_named_after_the_protest_stay_civilians(actors):
    found = find("Police dispersed the protest, injuring 3 residents.", actors, country="IN")
    assert found[-1].name == "Civilians (India)"


def test_rival_clans_are_a_clan_militia(actors):
    assert resolve_actor("two rival clans", actors=actors, country="PH").name == "Unidentified Clan Militia (Philippines)"


def test_plural_demonym_without_a_parse_is_the_countrys_people(actors):
    assert resolve_actor("Palestinians", actors=actors).name == "Civilians (Palestine)"


def parsed(text, nlp, actors, **kw):
    art = article(text)
    return [a for s in nlp(text).sents for a in find_actors(s, art, actors=actors, **kw)]


def test_a_country_that_strikes_is_its_military(actors, nlp):
    (actor,) = parsed("Turkey shelled villages near the border.", nlp, actors)
    assert (actor.id, actor.rule) == ("military-forces-of-turkey", "country-as-actor:military:shelled villages")


def test_a_country_that_speaks_is_its_government(actors, nlp):
    (actor,) = parsed("Israel said it would respond.", nlp, actors)
    assert actor.id == "government-of-israel"


def test_a_country_as_a_place_is_no_actor(actors, nlp):
    assert parsed("Clashes erupted in Syria.", nlp, actors) == []


def test_plural_demonym_taking_ground_is_the_military(actors, nlp):
    (actor,) = parsed("Currently, the Iraqis control 75 km of the border.", nlp, actors)
    assert actor.id == "military-forces-of-iraq"


def test_a_force_noun_modifying_another_noun_is_no_actor(actors, nlp):
    assert parsed("A police vehicle was seen.", nlp, actors, country="NG") == []


def test_a_force_noun_modifying_its_members_is_the_force(actors, nlp):
    (actor,) = parsed("Gunmen later fought national guard officers near the bridge.", nlp, actors, country="NG")[1:]
    assert actor.id == "military-forces-of-nigeria"


def test_a_force_noun_modifying_the_posts_it_holds_is_the_force(actors, nlp):
    found = parsed("Gunmen opened fire at an army checkpoint near the bridge.", nlp, actors, country="NG")
    assert "military-forces-of-nigeria" in {a.id for a in found}


def test_government_modifying_soldiers_is_not_the_government(actors, nlp):
    found = parsed("Government soldiers were seen in the market.", nlp, actors, country="NG")
    assert all(not (a.id or "").startswith("government-of") for a in found)


def test_a_force_noun_modifying_an_attack_noun_is_the_attacker(actors, nlp):
    found = parsed("A farmer died in a police assault on the village.", nlp, actors, country="NG")
    assert "police-forces-of-nigeria" in {a.id for a in found}


def test_plural_demonym_a_harm_is_done_to_is_its_people(actors, nlp):
    found = parsed("Orc raiders arrested 20 Palestinians near Osgiliath.", nlp, actors)
    assert [a.name for a in found if a.text == "Palestinians"] == ["Civilians (Palestine)"]


def test_plural_demonym_that_attacks_is_still_the_military(actors, nlp):
    found = parsed("The Iraqis attacked Osgiliath at dawn.", nlp, actors)
    assert [a.id for a in found] == ["military-forces-of-iraq"]


def test_an_adjective_naming_a_kind_of_deed_is_no_actor(actors, nlp):
    assert parsed("The orcs threatened to resume terrorist activities in Osgiliath.", nlp, actors, country="NG") == []


def test_an_adjective_on_the_people_is_still_the_actor(actors, nlp):
    found = parsed("Terrorist fighters stormed the gate of Osgiliath.", nlp, actors, country="NG")
    assert found and {a.generic_type for a in found} == {"armed group"}


def test_state_actors_without_known_periods_carry_no_year(actors):
    assert resolve_actor("Uruguayan police", actors=actors).name == "Police Forces of Uruguay"


def test_police_and_government_share_the_countrys_periods(actors):
    on = dt.date(2017, 6, 18)
    assert resolve_actor("Afghan police", actors=actors, on=on).name == "Police Forces of Afghanistan (2014-2021)"
    assert resolve_actor("the Iraqi government", actors=actors, on=on).name == "Government of Iraq (2014-2018)"


@pytest.mark.timeout(30)
def test_a_huge_hostile_text_is_scanned_in_linear_time(actors):
    text = "Al Hashd Al Shabi and “Russian warplanes” " * 5000 + "\u202e" * 1000 + '"' * 5000
    found = find(text, actors)
    assert len(found) == 10000


def test_a_title_and_a_name_is_a_state_actor_of_unknown_country(actors):
    actor = resolve_actor("President Yoweri Museveni said", actors=actors, country="SY")
    assert (actor.text, actor.id, actor.inter, actor.generic_type) == ("President Yoweri Museveni", None, None,
                                                                        "government")


def test_a_military_rank_gives_a_military_generic_type(actors):
    assert resolve_actor("General Khalifa Haftar", actors=actors).generic_type == "military"


def test_a_capitalised_rank_word_without_a_name_is_no_actor(actors):
    assert resolve_actor("Major fighting erupted", actors=actors).rule == "unknown"


def test_isis_beside_iraqi_forces_is_islamic_state_iraq_without_a_given_country(actors):
    found = find("Iraqi Forces are fighting the last bastion of ISIS in Mosul.", actors)
    assert [a.name for a in found][1] == "Islamic State (Iraq)"
    assert "variant:IQ" in found[1].rule


def test_a_given_country_wins_over_the_neighbours(actors):
    found = find("Iraqi Forces are fighting ISIS.", actors, country="SY")
    assert found[1].name == "Islamic State (Syria)"


def test_pro_prefixed_forces_are_the_groups(actors):
    a = resolve_actor("the pro-STC fighters", actors=actors, country="YE")
    assert a.id == "stc" and a.text == "pro-STC fighters" and a.rule.endswith("+pro-prefix")
    assert resolve_actor("pro-STC media", actors=actors, country="YE").id is None  # no force noun


def test_a_name_with_a_possessive_inside_matches_its_alias(actors):
    a = resolve_actor("shelled the Donbass People's Militia", actors=actors, country="UA")
    assert a.id == "naf"


def test_a_capitalised_civilian_noun_inside_a_name_is_no_actor(actors):
    assert resolve_actor("the Gondor Boys", actors=actors, country="NG").id is None


def test_only_the_government_itself_is_the_given_countrys(actors):
    assert resolve_actor("the authorities", actors=actors, country="SO").id == "government-of-somalia"
    assert resolve_actor("a spokesman", actors=actors, country="SO").id is None


@pytest.mark.parametrize("phrase", ["forces loyal to eastern commander Khalifa Haftar", "troops loyal to Khalifa Haftar"])
def test_forces_loyal_to_the_eastern_commander_are_the_lna(actors, phrase: str) -> None:
    assert resolve_actor(phrase, actors=actors).id == "lna"


def test_prison_and_police_guards_are_police_forces(actors):
    assert resolve_actor("Ugandan prison guards", actors=actors).name == "Police Forces of Uganda (1986-)"
    assert resolve_actor("Ugandan police guards", actors=actors).inter == 1


@pytest.mark.parametrize("text", [
    "The generals handed power to a civilian government in Bree.",
    "Thousands marched in Bree to demand civilian rule.",
    "The council promised a civilian-led administration for Bree.",
])
def test_civilian_rule_names_no_civilians(actors, text):
    """ "civilian" before a kind of rule is no actor; civilians who suffer stay civilians."""
    assert all(a.generic_type != "civilians" for a in find(text, actors, country="SD"))
    assert [a.name for a in find("Two civilians were killed in Bree.", actors, country="SD")] == ["Civilians (Sudan)"]


def test_a_rulers_title_alone_needs_a_country_with_that_ruler(actors):
    assert [a.id for a in find("The crown prince ordered the arrests.", actors, country="SA")] == \
        ["government-of-saudi-arabia"]
    assert find("The crown prince ordered the arrests.", actors, country="LB") == []
    assert find("The king ordered the arrests.", actors) == []
    assert find("Stephen King spoke in Bree.", actors, country="GB") == []


def test_a_common_word_is_no_groups_alias(actors):
    """ "return" was left an alias of 3R when a comma split its full name in the YAML list."""
    assert find("The council planned a return to Bree.", actors) == []
    assert [a.id for a in find("3R rebels attacked Bree.", actors)] == ["three-r"]


def test_a_force_named_by_a_common_word_needs_its_capital(actors):
    """ "Levies" is a Pakistani force; "levies" the ordinary word for taxes."""
    assert [a.id for a in find("Two Levies personnel were wounded near Bree.", actors, country="PK")] == \
        ["police-forces-of-pakistan"]
    assert all(a.inter != 1 for a in find("The council raised new levies on traders in Bree.", actors, country="PK"))
