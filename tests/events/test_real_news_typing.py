"""Sub-event types that real news confused (issue 11, typing22): the fighting a territory was won by, the killing
of protesters, a blockade by armed men, a protest a state makes (invented places, forces and sentences)."""

from __future__ import annotations

import pytest
from typing_harness import sentence_types

CLASH = "Armed clash"
REGAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"
EXCESSIVE = "Excessive force against protesters"
PROTEST = "Peaceful protest"
CHANGE = "Change to group/activity"



@pytest.mark.parametrize(("text", "territory"), [
    ("Gondor troops retook the fort of Cair Andros on Sunday after heavy fighting with orcs.", REGAINS),
    ("Orc militants captured the bridge at Osgiliath on Monday after a night of fierce fighting with Gondor troops.",
     OVERTAKES),
])
def test_the_fighting_a_territory_was_won_by_is_a_clash_too(pipeline, text: str, territory: str) -> None:
    assert sentence_types(pipeline, text) == {territory, CLASH}


def test_a_territory_taken_after_a_withdrawal_is_no_clash(pipeline) -> None:
    assert sentence_types(pipeline, "Gondor troops retook the fort of Cair Andros on Sunday after the orcs withdrew.") == {
        REGAINS}


@pytest.mark.parametrize("text", [
    "The steward ordered an inquiry on Tuesday into the shooting of marchers by the guards in Bree on Sunday.",
    "Rohan lodged a complaint on Monday over the killing of three protesters by soldiers in Minas Tirith.",
])
def test_the_killing_of_protesters_is_excessive_force(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {EXCESSIVE}


def test_the_shooting_of_rangers_is_no_force_against_protesters(pipeline) -> None:
    types = sentence_types(pipeline, "The steward ordered an inquiry on Tuesday into the shooting of two rangers by orc "
                             "militants near Bree.")
    assert EXCESSIVE not in types and PROTEST not in types


@pytest.mark.parametrize("text", [
    "Rebels blockaded the roads into Edoras on Friday.",
    "Insurgents blocked the supply routes to Minas Tirith on Monday, residents said.",
])
def test_armed_men_blocking_roads_is_a_blockade_not_a_protest(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {CHANGE}


def test_residents_blocking_a_road_to_press_a_demand_protest(pipeline) -> None:
    text = "Residents blocked the supply road to Bree on Monday, demanding the release of the miller."
    assert sentence_types(pipeline, text) == {PROTEST}


@pytest.mark.parametrize("text", [
    "The Gondor government protested on Friday against the new tolls on the fords.",
    "Rohan sent a formal note of protest to Gondor on Tuesday.",
    "The envoy of Rohan was handed a protest note on Sunday.",
    "The coronation in Minas Tirith was boycotted by the ambassadors of Rohan on Saturday.",
])
def test_a_protest_a_state_makes_is_diplomacy(pipeline, text: str) -> None:
    assert PROTEST not in sentence_types(pipeline, text)


@pytest.mark.parametrize("text", [
    "Government employees protested outside the ministry in Minas Tirith on Monday.",
    "Farmers of Gondor protested on Friday against the grain tax.",
    "Workers at the Bree mill went on strike on Monday in protest at unpaid wages.",
])
def test_people_who_protest_still_protest(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {PROTEST}
