"""Issue 11 (fp29): false and mistyped events left from earlier rounds, each fixed by a general rule and kept beside
a sentence the rule must leave alone (invented people and places)."""

from __future__ import annotations

import pytest
from typing_harness import lexicon_read, sentence_types


def _reasons(nlp, text: str) -> list[str]:
    """Why the lexicon (no gate) rejected each candidate of ``text``."""
    return [r.reason for r in lexicon_read(nlp, text)[1]]


# ---------------------------------------------------------------- in-set-phrase (hit rule)


def test_a_shell_company_keeps_no_bomb_from_its_type(pipeline) -> None:
    text = "A bomb exploded at the office of a shell company in Minas Tirith on Monday, killing two people."
    assert "Remote explosive/landmine/IED" in sentence_types(pipeline, text)


def test_a_shell_company_is_no_shell(pipeline, nlp) -> None:
    text = "Police said the money went through a shell company in Minas Tirith."
    assert "rule:in-set-phrase" in _reasons(nlp, text)
    assert sentence_types(pipeline, text) == frozenset()


def test_a_shell_that_hit_a_company_office_stays_a_shelling(pipeline) -> None:
    text = "Mortar shells hit the office of a company in Osgiliath on Monday, killing two people."
    assert "Shelling/artillery/missile attack" in sentence_types(pipeline, text)


# ---------------------------------------------------------------- fought-to (scope)


def test_men_who_fought_to_protect_their_families_fought_no_brawl(pipeline, nlp) -> None:
    text = "These men fought to protect themselves and their families from the onslaught by orcs from the north."
    assert "rule:scope:fought-to" in _reasons(nlp, text)
    assert sentence_types(pipeline, text) == frozenset()


def test_plunder_as_a_verb_is_no_plunder_noun(pipeline, nlp) -> None:
    text = ("These men fought to protect themselves and their families from the bloodthirsty onslaught by orcs who "
            "had no business coming into their lands to kill, plunder and devastate for Sauron.")
    assert sentence_types(pipeline, text) == frozenset()


@pytest.mark.parametrize("text", ["The plunder of the market of Bree by orcs on Monday left shops empty.",
                                  "Orc fighters plundered the market of Bree on Monday."])
def test_plunder_noun_and_verb_stay_looting(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {"Looting/property destruction"}


@pytest.mark.parametrize("text", [
    "Villagers fought with orcs to keep their cattle in Bree on Monday.",
    "Rival villagers fought with sticks and stones in Bree on Monday, leaving two dead.",
])
def test_a_fight_with_someone_stays_mob_violence(pipeline, text: str) -> None:
    assert "Mob violence" in sentence_types(pipeline, text)


# ---------------------------------------------------------------- link-list (scope)


def test_a_list_of_linked_headlines_reports_nothing(pipeline, nlp) -> None:
    text = ("Orcs bear responsibility for Osgiliath chemical attacks https://www.gondor-news.com/world/orcs-attacks\n\n"
            "Rider urging Gondor to invade Harad gets mocked (Video) http://arnor-times.com/rider-urging-gondor/\n\n"
            "recent mortar attacks from the orcs in Osgiliath https://minas-tirith.example/en/?s=mortar+attack")
    assert "rule:scope:link-list" in _reasons(nlp, text)
    assert sentence_types(pipeline, text) == frozenset()


def test_one_address_after_a_report_is_its_source(pipeline) -> None:
    text = "Orcs fired mortars at Osgiliath on Monday, killing two people https://gondor-news.com/mortar"
    assert "Shelling/artillery/missile attack" in sentence_types(pipeline, text)


# ---------------------------------------------------------------- equipped (scope): provided with


def test_patrol_boats_provided_are_no_event(nlp) -> None:
    text = "For his part, during this two-day visit, the Steward pledged to provide Arnor with six new coastguard patrols."
    assert "rule:scope:equipped" in _reasons(nlp, text)


def test_air_support_provided_stays_an_air_strike(pipeline) -> None:
    text = "Gondor provided the militias of Bree with air support during the offensive on Osgiliath."
    assert "Air/drone strike" in sentence_types(pipeline, text)


# ---------------------------------------------------------------- crowd-moved (alone)


def test_a_black_bloc_that_moved_south_is_no_deployment(pipeline) -> None:
    text = "At about 10 AM on Monday, a black bloc moved south from the square in Minas Tirith."
    assert sentence_types(pipeline, text) == frozenset()


def test_fighters_that_moved_south_still_changed_their_activity(pipeline) -> None:
    text = "Orc fighters moved south from Osgiliath on Monday."
    assert sentence_types(pipeline, text) == {"Change to group/activity"}


# ---------------------------------------------------------------- kind-of-people (scope)


def test_persons_committing_civil_disobedience_are_a_kind_of_people(pipeline, nlp) -> None:
    text = ("If arrested for any activism, it is highly likely that your phone will be seized, and unless you wish "
            "the guards of the Steward to have access to everything on it, (think of photos and videos of persons "
            "committing civil disobedience, personal photos or data, access to your social media, etc.)")
    assert "rule:scope:kind-of-people" in _reasons(nlp, text)
    assert sentence_types(pipeline, text) == frozenset()


def test_people_staging_protests_on_a_day_stay(pipeline) -> None:
    text = "Gondor's guards detained people staging protests in Minas Tirith on Monday."
    assert "Peaceful protest" in sentence_types(pipeline, text)


# ---------------------------------------------------------------- let-off (scope)


def test_missiles_let_off_before_kick_off_are_no_shelling(pipeline, nlp) -> None:
    text = "Footage showed the bus engulfed in red smoke after the missiles were let off about an hour before kick-off."
    assert "rule:scope:let-off" in _reasons(nlp, text)
    assert "Shelling/artillery/missile attack" not in sentence_types(pipeline, text)


# ---------------------------------------------------------------- change.arrive: advanced on


def test_fighters_who_advanced_on_a_town_changed_their_activity(pipeline) -> None:
    text = "Thousands of villagers fled on Monday as orc fighters advanced on Osgiliath."
    assert "Change to group/activity" in sentence_types(pipeline, text)


@pytest.mark.parametrize("text", ["Shares in Gondor advanced on Monday.",
                                  "Talks between Gondor and Arnor advanced on Monday."])
def test_prices_and_talks_that_advanced_are_no_event(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == frozenset()


# ---------------------------------------------------------------- own_clause: a clause of time


def test_an_arrest_a_march_followed_is_an_arrest_too(pipeline) -> None:
    text = "Thousands marched in Minas Tirith after police arrested the mayor."
    assert sentence_types(pipeline, text) == {"Peaceful protest", "Arrests"}


def test_a_clause_of_time_with_a_pronoun_tells_the_same_doers(pipeline) -> None:
    text = "Orcs killed three villagers in Bree after they stormed the gate on Monday."
    assert sentence_types(pipeline, text) == {"Attack"}


# ---------------------------------------------------------------- government-sent (scope)


def test_a_government_sent_weapons_is_no_deployment(pipeline, nlp) -> None:
    text = ("Proponents of sending the Arnor government advanced Gondor weapons believe that if they can exact a harsh "
            "enough death toll on orcs assisting the rebels in Bree, it will force Sauron to withdraw support for the "
            "rebels.")
    assert "rule:scope:government-sent" in _reasons(nlp, text)
    assert sentence_types(pipeline, text) == frozenset()


def test_government_troops_sent_stay_a_deployment(pipeline) -> None:
    assert sentence_types(pipeline, "Gondor sent government troops to Osgiliath on Monday.") == {
        "Change to group/activity"}
