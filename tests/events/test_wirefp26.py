"""Issue 11 (wirefp26): event words in wire news that the lexicon typed though no event happened: fighting there
were no reports of, a lifted measure's backstory, an accident blamed on the heat, a court's warrant over a past
massacre, a ship sent to join a patrol, a past war's toll, a flight told as background, a sanction's reason
(lexicon alone; invented people and places)."""

from __future__ import annotations

import pytest
from typing_harness import subs_and_reasons

# ---------------------------------------------------------------- none-reported


def test_fighting_there_were_no_reports_of_is_no_event(nlp) -> None:
    subs, reasons = subs_and_reasons(
        nlp, "The border near Osgiliath was quiet on Tuesday, with no reports of fighting overnight, the rangers said.")
    assert subs == []
    assert "rule:none-reported" in reasons


def test_fighting_reported_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Heavy fighting was reported near Osgiliath overnight, the rangers said.")
    assert subs == ["Armed clash"]


# ---------------------------------------------------------------- measure-history


@pytest.mark.parametrize("text", [
    "The steward lifted the curfew in Bree on Monday, two weeks after it was imposed following unrest there.",
    "Authorities in Gondor eased security in Minas Tirith on Sunday, removing the army checkpoints set up last week.",
])
def test_a_lifted_measures_backstory_is_no_event(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert "rule:scope:measure-history" in reasons


def test_a_measure_imposed_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The army set up checkpoints around Minas Tirith on Sunday.")
    assert subs == ["Change to group/activity"]


# ---------------------------------------------------------------- blamed-on-accident


@pytest.mark.parametrize("text", [
    "A blast at an arms depot near Minas Tirith killed three guards on Sunday, officials said, blaming the heat.",
    "The explosion at the arms depot in Osgiliath that killed two guards was blamed on a gas leak.",
])
def test_a_blast_blamed_on_the_heat_is_an_accident(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert "rule:scope:blamed-on-accident" in reasons


def test_a_blast_blamed_on_orcs_stays(nlp) -> None:
    subs, _ = subs_and_reasons(
        nlp, "A blast at an arms depot near Minas Tirith killed three guards on Sunday, officials said, blaming the orcs.")
    assert "Armed clash" in subs


# ---------------------------------------------------------------- verdict: a court's warrant


def test_a_courts_warrant_over_a_massacre_is_no_event(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "The war crimes court of Gondor issued an arrest warrant on Monday for an orc "
                                          "chieftain over the massacre of villagers in Ithilien.")
    assert subs == []
    assert "rule:scope:verdict" in reasons


def test_a_statement_issued_after_a_massacre_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The steward issued a statement on Monday after orcs massacred 20 villagers in Ithilien.")
    assert subs == ["Attack"]


# ---------------------------------------------------------------- under-modal through an infinitive of purpose


@pytest.mark.parametrize("text", [
    "Harad said on Thursday it would send a frigate to join the international anti-piracy patrol in the gulf.",
    "Rohan said on Tuesday it would send a frigate to join the naval patrol in the bay.",
])
def test_a_ship_to_be_sent_to_join_a_patrol_is_a_plan(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert "rule:scope:under-modal" in reasons


# ---------------------------------------------------------------- past-war


@pytest.mark.parametrize("text", [
    "The steward promised to rebuild the homes of families whose houses were destroyed in last year's fighting in Ithilien.",
    "The king laid a wreath at a memorial to rangers killed in the 2019 war with Mordor.",
])
def test_a_past_wars_toll_is_background(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert "rule:scope:past-war" in reasons


def test_houses_destroyed_by_orcs_on_a_day_stay(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The steward visited families whose houses were destroyed by orcs in Ithilien on Monday.")
    assert subs == ["Looting/property destruction"]


# ---------------------------------------------------------------- backstory-other


def test_a_flight_told_as_background_is_no_event(nlp) -> None:
    subs, reasons = subs_and_reasons(
        nlp, "A new steward was sworn in at Minas Tirith on Friday, a week after the old steward fled the city.")
    assert subs == []
    assert "rule:scope:backstory-other" in reasons


def test_troops_that_fled_before_a_town_fell_stay(nlp) -> None:
    subs, _ = subs_and_reasons(
        nlp, "The Free Company seized the town of Calembel on Sunday after government troops fled, a spokesman said.")
    assert "Other" in subs


# ---------------------------------------------------------------- sanction-reason


def test_a_crackdown_named_as_a_sanctions_reason_is_no_event(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "Gondor imposed sanctions on six Mordor officials on Monday over the crackdown on dissent.")
    assert subs == []
    assert "rule:scope:sanction-reason" in reasons


def test_a_dated_killing_named_as_a_sanctions_reason_stays(nlp) -> None:
    subs, _ = subs_and_reasons(
        nlp, "Gondor imposed sanctions on Mordor on Monday over the killing of 12 protesters in Osgiliath on Sunday.")
    assert "Excessive force against protesters" in subs


# ---------------------------------------------------------------- faced


@pytest.mark.parametrize("text", [
    "Journalists in Gondor face harassment, arbitrary arrest and violence from the steward's guards, a press group said.",
    "Hobbits who speak against the steward risk arrest, the council said.",
])
def test_an_arrest_faced_or_risked_is_no_event(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert "rule:scope:faced" in reasons


def test_an_arrest_of_people_who_faced_the_steward_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The guards arrested six hobbits who faced the steward in Bree on Monday.")
    assert subs == ["Arrests"]
