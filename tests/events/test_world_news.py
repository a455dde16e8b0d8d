"""World-news constructions (issue 11, recall23): invented one-sentence reports, each beside a hard negative."""

from __future__ import annotations

import pytest
from typing_harness import sentence_types

from frontlines.events.classify import classify


def _typed(nlp, text: str) -> frozenset[str]:
    """The sub-event types the lexicon finds in one sentence."""
    return frozenset(t.sub_event_type for t in classify(next(nlp(text).sents)))



def test_a_crowd_that_went_on_strike_is_one_strike_not_a_total(pipeline) -> None:
    text = "BREE, Eriador - Tens of thousands of nurses went on strike across Eriador on Monday to demand higher pay."
    assert sentence_types(pipeline, text) == {"Peaceful protest"}


def test_a_crowd_size_in_a_total_stays_background(pipeline) -> None:
    text = "Tens of thousands of nurses have left Eriador's hospitals in the past decade, the union said."
    assert sentence_types(pipeline, text) == frozenset()


def test_a_quake_that_struck_a_town_is_no_strike(nlp) -> None:
    text = "Aid workers dug through the rubble after an earthquake struck the Rohan town of Aldburg on Monday."
    assert _typed(nlp, text) == frozenset()


def test_workers_on_strike_stay_a_strike(nlp) -> None:
    text = "Aid workers in Aldburg went on strike on Monday to demand the payment of their wages."
    assert _typed(nlp, text) == {"Peaceful protest"}


def test_artillery_fired_in_training_is_no_shelling(pipeline) -> None:
    text = "Rohan's army fired artillery at targets on a firing range near Edoras on Friday during exercises."
    assert "Shelling/artillery/missile attack" not in sentence_types(pipeline, text)


def test_artillery_fired_at_a_town_is_a_shelling(pipeline) -> None:
    text = "Mordor's army fired artillery at the town of Osgiliath on Friday, wounding four people."
    assert sentence_types(pipeline, text) == {"Shelling/artillery/missile attack"}


@pytest.mark.parametrize("text", [
    "The dispersal of the vigil outside the palace by riot police on Sunday was condemned by the guilds.",
    "Riot police broke up a march of weavers in Bree on Sunday.",
])
def test_riot_police_breaking_up_a_protest_is_an_intervention_not_a_riot(nlp, text: str) -> None:
    assert _typed(nlp, text) == {"Protest with intervention"}


def test_riot_police_on_guard_are_no_riot(nlp) -> None:
    assert _typed(nlp, "Riot police stood guard outside the stadium in Bree on Sunday.") == frozenset()


def test_control_of_a_town_handed_over_is_a_transfer(nlp) -> None:
    text = "Dunlending raiders handed control of the town of Tharbad to Rohan's riders on Monday under a truce."
    assert "Non-violent transfer of territory" in _typed(nlp, text)


@pytest.mark.parametrize("text", [
    "The founder handed control of the firm to his daughter in Bree on Monday.",
    "The rebels handed control of their finances to a new treasurer on Monday.",
])
def test_control_of_no_place_handed_over_is_no_transfer(nlp, text: str) -> None:
    assert _typed(nlp, text) == frozenset()


def test_an_arrest_that_sparked_protests_is_an_arrest(pipeline) -> None:
    text = "Police arrested the guild master of Bree on Monday, sparking protests in several towns."
    assert sentence_types(pipeline, text) == {"Arrests"}


def test_an_arrest_at_a_protest_is_an_intervention(pipeline) -> None:
    text = "Police arrested dozens of weavers in Bree on Monday during a march against the new tax."
    assert sentence_types(pipeline, text) == {"Protest with intervention"}


def test_an_arrest_named_as_a_noun_that_sparked_protests_stays_beside_them(pipeline) -> None:
    text = "The arrest of the guild master of Bree on Monday sparked protests in several towns."
    assert sentence_types(pipeline, text) == {"Arrests", "Peaceful protest"}


def test_arrests_at_a_protest_police_broke_up_are_one_intervention(pipeline) -> None:
    text = "Police broke up the march of weavers in Bree on Monday and arrested twenty of them."
    assert sentence_types(pipeline, text) == {"Protest with intervention"}
