"""A second event in one sentence (issue 11, multi29; invented places and forces): an act of another event type
told by a verb of its own that shares the first's subject, and fighting a sentence presupposes by counting how
long it lasted; the gate's low share for a second type drops neither, and neither adds a type to one act."""

from __future__ import annotations

import pytest
from typing_harness import sentence_types

from frontlines.events.modality import presupposing_word

CLASH = "Armed clash"


def test_a_second_act_by_a_verb_of_its_own_stands(pipeline) -> None:
    assert sentence_types(pipeline, "Gondorian troops beat and detained a group of villagers in Anfalas on Monday.") == {
        "Attack", "Arrests"}


def test_bombs_set_off_by_the_kidnappers_stand_beside_the_kidnapping(pipeline) -> None:
    text = ("Orcs have abducted nine merchants from a market in Bree and detonated a string of bombs in Minas Tirith, "
            "officials said on Monday.")
    assert sentence_types(pipeline, text) == {"Abduction/forced disappearance", "Remote explosive/landmine/IED"}


def test_two_verbs_of_one_act_add_no_type(pipeline) -> None:
    assert sentence_types(pipeline, "Gunmen shot and wounded two farmers near Archet on Monday.") == {"Attack"}


def test_fighting_counted_by_its_length_stands_beside_the_truce(pipeline) -> None:
    text = "Gondor and Rohan agreed to a ceasefire after two days of fierce fighting near Osgiliath, officials said."
    assert sentence_types(pipeline, text) == {"Agreement", CLASH}


def _word(nlp, text: str, noun: str) -> str | None:
    doc = nlp(text)
    word = presupposing_word(next(t for t in doc if t.lower_ == noun))
    return None if word is None else word.lower_


@pytest.mark.parametrize(("text", "word"), [
    ("The two lords signed a truce after two days of fighting in Osgiliath.", "after"),
    ("The orcs withdrew following several hours of fighting at the gate.", "following"),
    ("The two lords signed a truce after fighting in Osgiliath.", None),
    ("The lords will sign a truce after two days of fighting.", None),
    ("Two days of fighting left the town of Bree in ruins.", None),
    ("The two lords signed a truce after two days of talks and fighting.", None),
])
def test_a_counted_period_presupposes_the_fighting(nlp, text: str, word: str | None) -> None:
    assert _word(nlp, text, "fighting") == word


@pytest.mark.parametrize("text", [
    "The army of Gondor strengthened its forces in Ithilien on Monday, officials said.",
    "Gondor's steward has bolstered his troops along the Anduin, officials in Minas Tirith said on Monday.",
    "The Gondorian army reimposed a blockade on the port of Pelargir on Friday, a spokesman said.",
    "The steward of Gondor imposed a blockade on the rebel villages of Lebennin on Monday.",
])
def test_forces_strengthened_and_a_blockade_imposed_change_the_group(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {"Change to group/activity"}


@pytest.mark.parametrize("text", [
    "Gondor strengthened its ties with Rohan on Monday, officials said.",
    "The bank strengthened its forces in the retail market on Monday.",
])
def test_strengthened_ties_or_a_market_share_are_no_change(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == frozenset()


def test_a_curfew_shortened_is_no_new_measure(pipeline) -> None:
    assert sentence_types(pipeline, "The steward on Thursday shortened the nightly curfew in Minas Tirith by two hours.") == (
        frozenset())
    assert sentence_types(pipeline, "The steward imposed a nightly curfew in Minas Tirith on Thursday.") == {
        "Change to group/activity"}


def test_a_police_sweep_someone_vanished_in_is_an_arrest_too(pipeline) -> None:
    text = "The lawyer Hador disappeared in a police sweep in Minas Tirith in May 2019, his family said."
    assert sentence_types(pipeline, text) == {"Abduction/forced disappearance", "Arrests"}


def test_a_police_sweep_of_a_forest_for_a_child_is_no_arrest(pipeline) -> None:
    assert sentence_types(pipeline, "A police sweep of the forest near Bree for the missing child found nothing on Monday.") == (
        frozenset())
