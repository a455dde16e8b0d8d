"""Sub-event types of one-sentence wire reports (invented places and forces): who fires what, at whom."""

from __future__ import annotations

import pytest
from typing_harness import sentence_types

from frontlines.events.classify import classify

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"


def _typed(nlp, text: str) -> frozenset[str]:
    """The sub-event types the lexicon finds in one sentence."""
    return frozenset(t.sub_event_type for t in classify(next(nlp(text).sents)))



def test_aircraft_firing_guided_missiles_is_an_air_strike(nlp) -> None:
    text = "Gondorian aircraft using guided missiles killed five Easterlings at a depot near Pelargir on Monday."
    assert _typed(nlp, text) == {AIR}


def test_missiles_fired_from_the_ground_stay_a_shelling(nlp) -> None:
    text = "Mordor forces fired guided missiles at a Gondorian depot near Pelargir on Monday, killing five."
    assert _typed(nlp, text) == {SHELLING}


def test_aid_vehicles_hit_by_gunfire_are_an_attack(nlp) -> None:
    text = "The Red Cross halted deliveries in Bree on Tuesday after two of its aid trucks were hit by gunfire."
    assert _typed(nlp, text) == {"Attack"}


def test_gunfire_between_armed_sides_stays_a_clash(nlp) -> None:
    text = "Heavy gunfire broke out between Rohan troops and Dunlending rebels near Isengard on Tuesday."
    assert _typed(nlp, text) == {"Armed clash"}


def test_rockets_discovered_are_disrupted_weapons_use(nlp) -> None:
    text = "Gondor reinforced its garrison after the discovery of Easterling rockets near Osgiliath, officers said."
    assert "Disrupted weapons use" in _typed(nlp, text)
    assert SHELLING not in _typed(nlp, text)


def test_rockets_fired_are_a_shelling(nlp) -> None:
    text = "Easterling rockets struck Osgiliath on Sunday, wounding three soldiers, officers said."
    assert _typed(nlp, text) == {SHELLING}


def test_a_completed_withdrawal_of_troops_is_a_change_of_activity(nlp) -> None:
    text = "Rohan said on Tuesday its troops had completed their withdrawal from the town of Aldburg."
    assert _typed(nlp, text) == {"Change to group/activity"}


def test_a_withdrawal_another_side_takes_over_is_a_transfer(nlp) -> None:
    text = "After the withdrawal of Rohan troops from Aldburg on Tuesday, Dunlending militia took over the town."
    assert _typed(nlp, text) == {"Non-violent transfer of territory"}


def test_death_from_torture_in_custody_is_an_attack(nlp) -> None:
    text = "A prisoner died as a result of torture while in Gondor police custody, a doctor said on Friday."
    assert _typed(nlp, text) == {"Attack"}


def test_taken_into_custody_stays_an_arrest(nlp) -> None:
    text = "Gondor police took three smugglers into custody in Pelargir on Friday."
    assert _typed(nlp, text) == {"Arrests"}


@pytest.mark.parametrize("text", [
    "Tens of thousands of students across Gondor staged mass demonstrations on Saturday to demand reforms.",
    "Hundreds of thousands of protesters marched through Minas Tirith on Sunday against the new tax.",
])
def test_a_crowd_size_on_a_protest_is_no_total(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {"Peaceful protest"}


def test_tens_of_thousands_killed_since_the_war_began_stays_a_total(pipeline) -> None:
    assert sentence_types(pipeline, "Tens of thousands of people have been killed in Ithilien since 2011.") == frozenset()


def test_a_newspaper_ordered_to_suspend_publication_is_no_event(nlp) -> None:
    text = "The Steward's government today ordered the opposition newspaper of Bree to suspend publication."
    assert _typed(nlp, "The Steward's government today ordered a ban on the newspaper of Bree.") == frozenset()
    assert _typed(nlp, text) == frozenset()


def test_forces_that_suspend_their_patrols_change_activity(nlp) -> None:
    text = "Gondor troops suspended their patrols along the Anduin on Monday after the storm."
    assert _typed(nlp, text) == {"Change to group/activity"}


def test_helicopters_and_tanks_shelling_are_a_strike_and_a_shelling(nlp) -> None:
    text = "Gondor helicopters and tanks shelled Easterling positions near the town of Pelargir."
    assert _typed(nlp, text) == {AIR, SHELLING}


def test_tanks_that_were_shelled_are_the_target_of_one_shelling(nlp) -> None:
    text = "Mordor artillery shelled Gondor tanks near the town of Pelargir on Monday."
    assert _typed(nlp, text) == {SHELLING}


def test_an_assassination_attempt_thwarted_is_disrupted_weapons_use(nlp) -> None:
    text = "An attempt to assassinate the deputy governor of Anorien was thwarted in Minas Tirith, police said."
    assert _typed(nlp, text) == {"Disrupted weapons use"}


def test_a_coup_attempt_thwarted_is_no_disrupted_weapons_use(nlp) -> None:
    text = "The Steward said a coup plot to attack the palace in Minas Tirith had been thwarted on Monday."
    assert "Disrupted weapons use" not in _typed(nlp, text)


def test_an_attack_fought_off_stays_a_clash(nlp) -> None:
    text = "Gondor soldiers foiled an attack by Easterling fighters on their post near Pelargir after a gunfight."
    assert "Disrupted weapons use" not in _typed(nlp, text)
