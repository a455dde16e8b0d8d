"""Issue 11 (fncfp28): false events on ordinary web news: a document released or sent, data hackers stole, a
gerund naming an act as a kind, a mob that does nothing, a noun of the lexicon read as a verb's base form
(invented people and places)."""

from __future__ import annotations

import pytest
from typing_harness import lexicon_read, sentence_types


def _read(nlp, text: str) -> tuple[list[str], list[str]]:
    """(rule of each typing, reasons a candidate was rejected) of a text, lexicon alone."""
    typings, rejected = lexicon_read(nlp, text)
    return [t.rule for t in typings], [r.reason for r in rejected]


# ---------------------------------------------------------------- document-acted-on


@pytest.mark.parametrize("text", [
    "On Thursday, a well-known watchdog organization released a 29-page Gondor Bureau of Investigation (GBI) file "
    "related to the meeting at the Minas Tirith airport between the Steward and the King, according to its director.",
    "A watchdog in Minas Tirith released a copy of the report on Monday.",
])
def test_a_document_released_is_no_release(pipeline, nlp, text: str) -> None:
    _, reasons = _read(nlp, text)
    assert "rule:document-acted-on" in reasons
    assert sentence_types(pipeline, text) == frozenset()


def test_a_memo_sent_is_no_candidate_for_the_gate(nlp) -> None:
    _, reasons = _read(nlp, "The biggest bank in Gondor sent a memo to all its employees on Monday.")
    assert "rule:document-acted-on" in reasons


@pytest.mark.parametrize("text, sub", [
    ("The orcs released two hostages in Osgiliath on Monday.", "Other"),
    ("The army of Gondor sent 500 troops to the Osgiliath border on Monday.", "Change to group/activity"),
])
def test_people_and_forces_sent_or_released_stay(pipeline, text: str, sub: str) -> None:
    assert sub in sentence_types(pipeline, text)


def test_data_hackers_stole_is_no_looting(pipeline) -> None:
    assert sentence_types(pipeline, "Orc hackers stole data from the Gondor ministry on Monday.") == frozenset()


def test_livestock_militants_stole_is_looting(pipeline) -> None:
    assert sentence_types(pipeline, "Militants stole livestock from villagers in Bree on Monday.") == {
        "Looting/property destruction"}


# ---------------------------------------------------------------- gerund-subject


def test_a_gerund_subject_of_be_names_a_kind(pipeline, nlp) -> None:
    text = "In the sick world of the would-be warmongers, child beheading orc scum are now the heroes."
    _, reasons = _read(nlp, text)
    assert "rule:gerund-subject" in reasons
    assert sentence_types(pipeline, text) == frozenset()


@pytest.mark.parametrize("text, sub", [
    ("Shelling killed two people in Osgiliath on Monday.", "Shelling/artillery/missile attack"),
    ("A suicide bombing killed 12 people at a market in Bree on Monday.", "Suicide bomb"),
])
def test_a_gerund_that_did_something_stays(pipeline, text: str, sub: str) -> None:
    assert sub in sentence_types(pipeline, text)


# ---------------------------------------------------------------- mob.crowd


def test_a_mob_that_does_nothing_is_a_crowd(pipeline) -> None:
    assert sentence_types(pipeline, "The picture in my mind is a tower, and there is a mob of people beneath it "
                                    "on the ground.") == frozenset()


@pytest.mark.parametrize("text", [
    "A mob of villagers beat a man to death in Bree on Monday.",
    "A mob seized the police station in Bree on Friday.",
    "A mob of settlers opened fire on villagers near Bree on Friday.",
])
def test_a_mob_that_does_violence_is_mob_violence(pipeline, text: str) -> None:
    assert "Mob violence" in sentence_types(pipeline, text)


# ---------------------------------------------------------------- not-a-noun on a verb's base form


@pytest.mark.parametrize("text", [
    "Gondor sent troops to battle the orcs near Osgiliath.",
    "The coalition was formed in 2014 to battle ISIS in Gondor.",  # "battle ISIS" read as a noun compound
])
def test_battle_as_a_verb_is_not_the_noun(nlp, text: str) -> None:
    typed, reasons = _read(nlp, text)
    assert "rule:not-a-noun" in reasons
    assert not any(r.startswith("lexicon:events/triggers.yaml#clash.noun") for r in typed)


def test_a_battle_noun_is_still_a_battle(nlp) -> None:
    typed, _ = _read(nlp, "A fierce battle broke out between orcs and the army of Gondor near Osgiliath on Monday.")
    assert any(r.startswith("lexicon:events/triggers.yaml#clash.noun:battle") for r in typed)
