"""Issue 11 (fixes23): conjoined actors, violence against public figures reported by the police, and arrests of
people at a protest who are not protesting (lexicon alone; invented people and places)."""

from __future__ import annotations

import pytest
from typing_harness import subs_and_reasons

# ---------------------------------------------------------------- every conjunct of who acts has a class


@pytest.mark.parametrize("text", [
    "Two people were hurt in Minas Tirith on Monday as riot police and demonstrators clashed.",
    "Police and protesters clashed outside the council hall in Bree on Tuesday.",
])
def test_a_clash_of_police_and_demonstrators_is_a_violent_demonstration(nlp, text: str) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert subs == ["Violent demonstration"]


def test_a_clash_of_police_and_gunmen_stays_an_armed_clash(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "Police and gunmen clashed near the ford of Bree on Tuesday.")
    assert subs == ["Armed clash"]
    assert "lexicon:riot.violent_demo:agent-class" not in reasons  # no protest cue: no demonstration at all


def test_one_subject_keeps_one_class(nlp) -> None:
    # the police alone clash with nobody named: no demonstrators act, however a protest is named
    subs, reasons = subs_and_reasons(nlp, "Police clashed with gunmen near the rally in Bree on Tuesday.")
    assert "Violent demonstration" not in subs
    assert "lexicon:riot.violent_demo:agent-class" in reasons


# ---------------------------------------------------------------- a public figure attacked is political violence


@pytest.mark.parametrize("text", [
    "The mayor of Bree was shot dead on Tuesday, police said.",
    "A local journalist was stabbed to death in Bree on Monday night, police said.",
    "A party official was kidnapped from his home in Bree on Monday, police said.",
])
def test_violence_against_a_public_figure_told_by_the_police_stands(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs and subs[0] in ("Attack", "Abduction/forced disappearance")
    assert "rule:scope:police-report" not in reasons


@pytest.mark.parametrize("text", [
    "Police said the mayor's nephew was shot dead in Bree on Sunday.",
    "Police say the mayor's driver was stabbed in Bree on Tuesday.",
    "Police said a bank official was shot dead in Bree on Monday.",
])
def test_a_relative_or_a_private_role_is_no_public_figure(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert "rule:scope:police-report" in reasons


def test_a_robber_who_shoots_a_public_figure_s_gardener_is_still_crime(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "A robber shot the mayor's gardener in Bree on Monday.")
    assert subs == []
    assert "rule:scope:ordinary-crime" in reasons


# ---------------------------------------------------------------- arrests at a protest of people not protesting


@pytest.mark.parametrize("text", [
    "Police detained three journalists covering the protests in Edoras on Friday.",
    "Police arrested two medics at the rally in Bree on Saturday.",
])
def test_the_press_or_medics_detained_at_a_protest_are_arrests(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert "Arrests" in subs and "Protest with intervention" not in subs
    assert "lexicon:intervention.protest:target-not" in reasons


@pytest.mark.parametrize("text", [
    "Police arrested dozens of protesters at the rally in Edoras on Friday.",
    "Police detained three journalists and two students at the rally in Edoras on Friday.",
    "Police arrested journalists protesting the new press law in Edoras on Friday.",
    "Police dispersed the rally in Edoras on Friday and arrested twelve people.",
])
def test_protesters_arrested_stay_a_protest_with_intervention(nlp, text: str) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert subs[0] == "Protest with intervention"


def test_generic_armed_men_joined_to_state_forces_stay_the_state_s(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Pro-government forces and fighters took control of the village of Ethring on Monday.")
    assert subs == ["Government regains territory"]


def test_a_public_figure_killed_in_a_crime_frame_is_no_ordinary_crime(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "The mayor of Bree was shot dead on Monday in what police are treating as a homicide.")
    assert subs == ["Attack"]
    subs, reasons = subs_and_reasons(nlp, "A shopkeeper was shot dead in Bree on Monday in what police are treating as a homicide.")
    assert subs == []
    assert "rule:scope:ordinary-crime" in reasons
