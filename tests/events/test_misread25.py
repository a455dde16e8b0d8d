"""Issue 11 (misread25): misreadings noticed on invented text, each fixed by a general mechanism: a noun the
lexicon means as a noun matches no verb, a shelled market does not make a roadside bomb a shell, a curfew lifted
is no new occurrence, people who left as orcs advanced
handed over no ground."""

from __future__ import annotations

import pytest
from typing_harness import lexicon_read, sentence_types


def _read(nlp, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """((sub-event type, rule) of each typing, reasons a candidate was rejected) of a text, lexicon alone."""
    typings, rejected = lexicon_read(nlp, text)
    return [(t.sub_event_type, t.rule) for t in typings], [r.reason for r in rejected]



# ---------------------------------------------------------------- "bombed" is no bomb (the noun entry)


def test_the_verb_bombed_is_not_the_noun_bomb(nlp) -> None:
    typed, reasons = _read(nlp, "Rebels bombed a police station in Bree on Monday.")
    assert "rule:not-a-noun" in reasons
    assert typed == [("Remote explosive/landmine/IED", "lexicon:events/triggers.yaml#ied.bombed:bombed")]


def test_a_bomb_noun_is_still_a_bomb(nlp) -> None:
    typed, _ = _read(nlp, "A bomb exploded in a market in Bree, killing two traders.")
    assert ("Remote explosive/landmine/IED", "lexicon:events/triggers.yaml#ied.noun:bomb") in typed


# ---------------------------------------------------------------- a shelled market beside a roadside bomb


def test_a_roadside_bomb_near_a_shelled_market_is_a_bomb(pipeline) -> None:
    assert sentence_types(pipeline, "A roadside bomb hit a bus near a shelled market in Bree.") == {
        "Remote explosive/landmine/IED"}


def test_a_shell_that_exploded_is_still_shelling(pipeline) -> None:
    assert sentence_types(pipeline, "A shell blast killed two people in a market in Bree.") == {
        "Shelling/artillery/missile attack"}


# ---------------------------------------------------------------- a curfew lifted is no new occurrence


@pytest.mark.parametrize("text", [
    "The curfew was lifted in Bree on Monday.",
    "Authorities lifted the curfew in Minas Tirith on Monday.",
    "Authorities eased the curfew in Minas Tirith on Monday.",
    "Authorities announced the lifting of the curfew in Bree.",
])
def test_a_curfew_lifted_or_eased_is_no_event(pipeline, nlp, text: str) -> None:
    _, reasons = _read(nlp, text)
    assert "rule:scope:measure-lifted" in reasons
    assert sentence_types(pipeline, text) == frozenset()


@pytest.mark.parametrize("text", [
    "Authorities imposed a curfew in Minas Tirith on Monday.",
    "The army suspended its operations in Bree on Monday.",
])
def test_a_curfew_imposed_and_operations_suspended_stay(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == {"Change to group/activity"}


# ---------------------------------------------------------------- retaken after fighting: two types


@pytest.mark.parametrize("text", [
    "Government forces recaptured the town after fighting.",
    "Gondor's troops regained control of the Osgiliath bridge on Monday after heavy fighting with orcs.",
])
def test_the_fighting_a_town_was_retaken_by_is_a_clash_too(pipeline, text: str) -> None:
    # The judged sentences' rubric lists each sub-event type a sentence reports (test_real_news_typing.py).
    assert sentence_types(pipeline, text) == {"Government regains territory", "Armed clash"}


def test_clashes_that_went_on_elsewhere_stay(pipeline) -> None:
    text = "Government forces recaptured Osgiliath on Monday, while clashes continued elsewhere in the province."
    assert sentence_types(pipeline, text) == {"Government regains territory", "Armed clash"}


# ---------------------------------------------------------------- people who left as orcs advanced


@pytest.mark.parametrize("text", [
    "People left the town as orcs advanced.",
    "Families left their homes in Bree as the orcs advanced.",
])
def test_people_who_left_handed_over_no_ground(pipeline, text: str) -> None:
    assert sentence_types(pipeline, text) == frozenset()


def test_troops_who_left_as_orcs_advanced_gave_up_the_town(pipeline) -> None:
    text = "Gondor's troops left the town of Osgiliath on Monday as orcs advanced."
    assert sentence_types(pipeline, text) == {"Non-violent transfer of territory"}


# ---------------------------------------------------------------- already read right (kept as examples)


def test_gunmen_in_another_attack_are_its_agent(pipeline) -> None:
    from frontlines.pipeline import extract

    text = ("Haradrim militants killed five farmers near Osgiliath on Monday. "
            "In another attack, gunmen killed three traders near Bree.")
    events = extract(text, published="2026-12-01", pipeline=pipeline).events
    second = next(e for e in events if "traders" in e.sentence)
    assert second.actor1 is not None and second.actor1.generic_type == "armed group"


@pytest.mark.parametrize("text", [
    "Officials said Gondor had mined the border with Mordor.",
    "The retreating orcs mined the road to Bree on Monday.",
])
def test_a_road_mined_is_no_event(pipeline, nlp, text: str) -> None:
    # mines laid, none set off (the scope rule laid-mines caught the first before not-a-noun)
    typed, reasons = _read(nlp, text)
    assert typed == [] and "rule:not-a-noun" in reasons
    assert sentence_types(pipeline, text) == frozenset()
