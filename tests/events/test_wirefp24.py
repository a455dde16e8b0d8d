"""Issue 11 (wirefp24): event words in wire diplomacy and state routine that report no event: a fight named as
what is to end, a march-past, guns fired in training, a sanction imposed, a relief convoy (lexicon alone;
invented people and places)."""

from __future__ import annotations

import pytest
from typing_harness import subs_and_reasons

from frontlines.events.ontology import load_lexicon
from frontlines.events.scope import context, out_of_scope
from frontlines.events.typings import Typing

# ---------------------------------------------------------------- to-end: a gerund and a noun of ending


@pytest.mark.parametrize("text", [
    "The talks in Bree on ending the fighting in the hills broke down on Friday, the envoys said.",
    "The steward of Gondor called for an immediate end to hostilities in Ithilien.",
    "The council demanded a cessation of hostilities between Rohan and the orcs.",
])
def test_a_fight_named_as_what_is_to_end_is_no_event(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert any(r.endswith("to-end") for r in reasons)


def test_fighting_that_goes_on_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Fighting between orcs and the rangers of Ithilien went on for a third day on Friday.")
    assert subs == ["Armed clash"]


# ---------------------------------------------------------------- march-past


@pytest.mark.parametrize("text", [
    "Rocket launchers rolled through the streets of Minas Tirith on Sunday in a parade for the king.",
    "Old soldiers of Arnor marched past the steward in a parade in Bree on Monday.",
])
def test_a_march_past_is_no_protest_and_no_weapon_used(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert any(r.endswith("march-past") for r in reasons)


def test_a_bomb_at_a_parade_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "A bomb exploded during a parade in Minas Tirith on Sunday, killing four people.")
    assert "Remote explosive/landmine/IED" in subs


@pytest.mark.parametrize("text", [
    "Hobbits marched in the harvest parade in Bree on Saturday to demand lower taxes.",
    "Dockers marched through Pelargir on Monday in celebration of Workers' Day.",
])
def test_marchers_in_a_parade_or_a_celebration_stay_a_protest(nlp, text: str) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert "Peaceful protest" in subs


def test_marchers_without_a_ceremony_stay_a_protest(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Thousands of farmers marched through Bree on Monday to demand lower taxes.")
    assert set(subs) == {"Peaceful protest"}


# ---------------------------------------------------------------- training-fire


def test_guns_fired_in_war_games_are_no_attack(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "Gondor's soldiers fired artillery at targets near Osgiliath as part of war games.")
    assert subs == []
    assert any(r.endswith("training-fire") for r in reasons)


def test_artillery_fired_at_a_town_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Orcs fired artillery at the town of Osgiliath on Monday, killing three people.")
    assert "Shelling/artillery/missile attack" in subs


def test_weapons_moved_are_not_fired(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "Gondor and Mordor agreed on Monday to pull back heavy weapons from the line at Osgiliath.")
    assert "Shelling/artillery/missile attack" not in subs
    assert any(r.endswith("weapons-moved") for r in reasons)


# ---------------------------------------------------------------- diplomatic-measure, relief-cargo


def _change_at(nlp, text: str, word: str) -> str | None:
    """The scope rule that rejects a Change to group/activity typed at ``word`` of ``text``, if any."""
    doc = nlp(text)
    tok = next(w for w in doc if w.lower_ == word)
    t = Typing(event_type="Strategic developments", sub_event_type="Change to group/activity", plover_type=None,
               plover_mode=None, trigger_start=tok.idx, trigger_end=tok.idx + len(tok), trigger=tok.text,
               trigger_index=tok.i, rule="test", confidence=0.7)
    return out_of_scope(t, context(doc[:], load_lexicon()))


def test_a_sanction_imposed_is_diplomacy(nlp) -> None:
    assert _change_at(nlp, "Gondor imposed sanctions on two orc chieftains on Tuesday.", "imposed") == \
        "diplomatic-measure"
    assert _change_at(nlp, "Gondor imposed a curfew on Bree on Tuesday.", "imposed") is None


def test_a_convoy_carrying_food_is_aid(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "A convoy of 30 wagons carrying food and blankets reached Bree on Tuesday.")
    assert subs == []
    assert any(r.endswith("relief-cargo") for r in reasons)


def test_a_convoy_of_troops_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "A convoy of 30 trucks carrying soldiers reached the border of Rohan on Tuesday.")
    assert subs == ["Change to group/activity"]
