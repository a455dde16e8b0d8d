"""Issue 11 (misread24): misreadings noticed on invented text, each fixed by a general mechanism: the source of a
report is no agent, a clause opened by "separately" tells another incident, an arrest a protest was over is no
intervention in it, civilians who went missing where armed men stopped them were abducted."""

from __future__ import annotations

import pytest
from typing_harness import lexicon_read, sentence_types

from frontlines.pipeline import extract


def _read(nlp, text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """((sub-event type, agent class) of each typing, reasons a candidate was rejected) of a text, lexicon alone."""
    typings, rejected = lexicon_read(nlp, text)
    return [(t.sub_event_type, t.agent_class) for t in typings], [r.reason for r in rejected]



def _events(pipeline, text: str) -> list[str]:
    """The sub-event types of the events the pipeline assembles from a one-sentence article."""
    return sorted(e.sub_event_type or "" for e in extract(text, published="2026-12-01", pipeline=pipeline).events)


# ---------------------------------------------------------------- the source of a report is not who acted


@pytest.mark.parametrize("text", [
    "Two farmers were killed near Bree on Monday, the army said.",
    "Two farmers were killed near Bree on Monday, the rebels said.",
])
def test_the_reporting_source_is_not_the_agent_of_a_passive_killing(nlp, text: str) -> None:
    typed, _ = _read(nlp, text)
    assert ("Attack", None) in typed


def test_an_agent_named_in_the_clause_stays_the_agent(nlp) -> None:
    typed, _ = _read(nlp, "Rebels killed two farmers near Bree on Monday, the army said.")
    assert ("Attack", "nonstate") in typed


def test_a_man_shot_dead_as_police_report_it_stays_a_police_report(nlp) -> None:
    # no doer named, told by the police: crime as the police-report rule reads it, the police no agent of it
    typed, reasons = _read(nlp, "A man was shot dead in Bree, police said.")
    assert typed == []
    assert "rule:scope:police-report" in reasons


# ---------------------------------------------------------------- "separately": two incidents in one sentence


@pytest.mark.parametrize("text", [
    "Gondor's army killed 12 people, and separately a roadside bomb killed 3 soldiers near Bree.",
    "Gondor's army killed 12 people in Bree, and elsewhere a roadside bomb killed 3 soldiers.",
])
def test_a_clause_opened_by_separately_is_another_incident(pipeline, text: str) -> None:
    assert _events(pipeline, text) == ["Attack", "Remote explosive/landmine/IED"]


def test_without_a_cue_a_death_word_beside_a_bomb_is_its_outcome(pipeline) -> None:
    text = "Gondor's army killed 12 people, and a roadside bomb killed 3 soldiers near Bree."
    assert _events(pipeline, text) == ["Remote explosive/landmine/IED"]


# ---------------------------------------------------------------- an arrest a protest was over


def test_an_arrest_that_a_march_followed_is_no_intervention(pipeline, nlp) -> None:
    text = "Thousands marched in Bree after police arrested the mayor."
    typed, reasons = _read(nlp, text)
    assert "rule:cause-of-protest" in reasons
    types = sentence_types(pipeline, text)  # the arrest itself, a second event, is the event gate's call
    assert "Peaceful protest" in types and "Protest with intervention" not in types


@pytest.mark.parametrize("text", [
    "Thousands rallied in Bree on Monday after police arrested 20 protesters.",
    "Thousands marched in Bree after police broke up a sit-in on Monday.",
    "Police arrested dozens of marchers in Bree after the rally turned violent.",
])
def test_an_intervention_in_a_protest_named_in_its_own_clause_stands(nlp, text: str) -> None:
    typed, reasons = _read(nlp, text)
    assert "Protest with intervention" in [s for s, _ in typed]
    assert "rule:cause-of-protest" not in reasons


# ---------------------------------------------------------------- went missing where armed men stopped them


def test_aid_workers_missing_after_gunmen_stopped_them_were_abducted(pipeline) -> None:
    text = "Two aid workers went missing near Bree after gunmen stopped their convoy."
    assert sentence_types(pipeline, text) == {"Abduction/forced disappearance"}


@pytest.mark.parametrize("text", [
    "A hiker went missing near Bree on Monday.",
    "The gunmen went missing after the raid on the farm.",
])
def test_going_missing_with_no_armed_men_taking_civilians_is_no_abduction(nlp, text: str) -> None:
    typed, _ = _read(nlp, text)
    assert "Abduction/forced disappearance" not in [s for s, _ in typed]


# ---------------------------------------------------------------- already read right (kept as examples)


@pytest.mark.parametrize("text", [
    "People left the town as orcs advanced.",
    "Families left their homes in Bree as the orcs advanced.",
])
def test_people_fleeing_is_no_walkout(pipeline, text: str) -> None:
    # No protest (nor a transfer of territory: rule civilians-moved, tests/events/test_misread25.py).
    assert not sentence_types(pipeline, text) & {"Peaceful protest", "Protest with intervention"}


def test_looting_while_fighting_raged_is_looting(pipeline) -> None:
    assert "Looting/property destruction" in sentence_types(pipeline, "Looters ransacked shops in Bree as fighting raged.")


def test_burglars_who_ransacked_shops_are_ordinary_crime(pipeline) -> None:
    assert sentence_types(pipeline, "Burglars ransacked shops in Bree on Monday.") == frozenset()


# ---------------------------------------------------------------- "bombed": from the air only when the state bombs


def test_state_forces_that_bombed_struck_from_the_air(nlp) -> None:
    typed, _ = _read(nlp, "Gondor's army bombed rebel positions near Bree on Monday.")
    assert [s for s, _ in typed] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "They bombed the hospital in Minas Tirith.",
    "Rebels bombed a police station in Bree on Monday.",
    "Gondor's army said rebels had bombed a bridge near Bree.",
])
def test_a_bombing_by_others_or_by_nobody_named_stays_a_remote_explosive(nlp, text: str) -> None:
    typed, _ = _read(nlp, text)
    assert [s for s, _ in typed] == ["Remote explosive/landmine/IED"]
