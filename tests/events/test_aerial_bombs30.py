"""Bombs that fall from the air are Air/drone strikes; bombs set off where they were placed stay remote explosives
(issue 11, bombs30: air.bomb_dropped, air.aerial_bomb, air.bombing_of_town, air.bombs_dropped)."""

from __future__ import annotations

import pytest
from typing_harness import sentence_types

from frontlines.events.classify import classify
from frontlines.events.roles.agent_target import trigger_roles

AIR = "Air/drone strike"
IED = "Remote explosive/landmine/IED"


def _types(nlp, text: str) -> list[str]:
    return [t.sub_event_type for s in nlp(text).sents for t in classify(s)]


def _rules(nlp, text: str) -> list[str]:
    return [t.rule for s in nlp(text).sents for t in classify(s)]


@pytest.mark.parametrize("text,rule", [
    ("The bomb that Gondor dropped on Osgiliath killed 300 people.", "air.bomb_dropped"),
    ("Bombs dropped by Gondor killed six people in Osgiliath on Monday.", "air.bomb_dropped"),
    ("A nuclear bomb exploded over Osgiliath in 1945, killing 70,000 people.", "air.aerial_bomb"),
    ("The atomic bomb on Osgiliath detonated above the city and killed thousands.", "air.aerial_bomb"),
    ("An incendiary bomb hit the school in Osgiliath on Tuesday, residents said.", "air.aerial_bomb"),
    ("The bombing of Osgiliath in 1944 destroyed most of the old city.", "air.bombing_of_town"),
])
def test_a_bomb_from_the_air_is_an_air_strike(nlp, text: str, rule: str) -> None:
    types = _types(nlp, text)
    assert types[0] == AIR and IED not in types
    assert any(rule in r for r in _rules(nlp, text))


@pytest.mark.parametrize("text,sub", [
    ("A car bomb exploded outside a police station in Osgiliath on Monday, killing seven people.", IED),
    ("Rebels planted a bomb that exploded in the market of Osgiliath on Sunday, killing four.", IED),
    ("A roadside bomb exploded near Osgiliath on Monday, killing two soldiers.", IED),
    # a cluster bomb that goes off in a field later is unexploded ordnance, a remote explosive
    ("A cluster bomb exploded in a field near Osgiliath on Monday, killing two children.", IED),
    ("A suicide bomber blew himself up at a checkpoint in Osgiliath on Monday, killing five.", "Suicide bomb"),
])
def test_a_bomb_set_off_stays_a_remote_explosive(nlp, text: str, sub: str) -> None:
    types = _types(nlp, text)
    assert sub in types and AIR not in types


@pytest.mark.parametrize("text", [
    "The bombing of a bus station in Osgiliath on Sunday killed nine people, police said.",  # no town bombed
    "The rebels' bombing of Osgiliath on Sunday killed nine people, police said.",  # no state's bombing
    "The death toll from the bombing in Osgiliath rose to 14 on Tuesday, officials said.",  # in, not of
])
def test_a_bombing_of_a_building_or_by_rebels_is_no_air_strike(nlp, text: str) -> None:
    assert AIR not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "If a nuclear bomb was dropped on Osgiliath today it would kill millions.",
    "Mordor threatened to drop a nuclear bomb on Minas Tirith.",
    "Mordor is building a nuclear bomb, Gondor's intelligence chief said on Monday.",
    "Mordor carried out a nuclear bomb test in the desert on Tuesday.",
])
def test_a_threatened_or_imagined_bomb_is_no_air_strike(pipeline, text: str) -> None:
    assert AIR not in sentence_types(pipeline, text)


@pytest.mark.parametrize("text", [
    "The bomb that Gondor dropped on Osgiliath killed 300 people on Monday.",
    "A nuclear bomb exploded over Osgiliath on Monday, killing 70,000 people.",
])
def test_the_pipeline_counts_a_dropped_bomb_as_an_air_strike(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == frozenset({AIR})


def test_a_relative_pronoun_object_stands_for_the_noun_its_clause_describes(nlp) -> None:
    doc = nlp("The bomb that Gondor dropped on Osgiliath killed 300 people.")
    dropped = next(t for t in doc if t.lower_ == "dropped")
    _, target = trigger_roles(dropped)
    assert [t.lower_ for t in target] == ["bomb"]
