"""Scope rules of ``scope/mentioned.py`` (false31): an incident or practice mentioned in passing is no event; the
same words telling one occurrence stay."""

from __future__ import annotations

import pytest
from typing_harness import lexicon_read

from frontlines.events.ontology import load_lexicon
from frontlines.events.scope import context, out_of_scope
from frontlines.events.typings import Typing


def _rule_at(nlp, text: str, trigger: str, sub: str = "Attack") -> str | None:
    """The scope rule that rejects a typing of ``sub`` at the first word ``trigger`` of one sentence."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    sent = tok.sent
    t = Typing("Violence against civilians", sub, None, None, tok.idx, tok.idx + len(tok.text), tok.text, tok.i,
               "test", 0.5)
    return out_of_scope(t, context(sent, load_lexicon()))


@pytest.mark.parametrize(("text", "trigger", "sub", "rule"), [
    ("The court said that Hirgon, the ex-leader of a rebel group that fought the steward's regime, had a claim.",
     "fought", "Armed clash", "group-known-for"),
    ("The continued allegations against Gondor of using force and targeting civilians are lies, the envoy said.",
     "targeting", "Attack", "alleged-practice"),
    ("It was out there near one of these orc camps that we've been striking.", "striking", "Air/drone strike",
     "targets-described"),
    ("The historians of Gondor wrote that all farms were burned and that all mills were destroyed.", "burned",
     "Looting/property destruction", "all-of-a-kind"),
    ("She did not like that young orcs set fire to carts in the streets of Bree.", "set",
     "Mob violence", "disliked-kind"),
    ("In 1970 the lot became home to an inn, a project of the steward's housing agency created by the bishop of Bree.",
     "created", "Headquarters or base established", "body-created"),
])
def test_a_mention_in_passing_is_rejected(nlp, text: str, trigger: str, sub: str, rule: str) -> None:
    assert _rule_at(nlp, text, trigger, sub) == rule


@pytest.mark.parametrize(("text", "trigger", "sub"), [
    # a group told doing something on a day
    ("Hirgon led a rebel group that fought the steward's guards near Osgiliath on Monday.", "fought", "Armed clash"),
    # an accusation of one dated act
    ("Rohan accused Gondor of shelling the market of Edoras on Monday.", "shelling", "Shelling/artillery/missile attack"),
    ("Orc raiders have been attacking the farms of Bree since Monday.", "attacking", "Attack"),
    ("All three farms of Bree were burned by orcs on Monday.", "burned", "Looting/property destruction"),
    ("All farms of Bree were burned by orcs on Monday.", "burned", "Looting/property destruction"),
    ("She saw that orcs set fire to the mill of Bree on Monday.", "set", "Mob violence"),
    ("The orcs of Mordor established a base created to store their weapons near Osgiliath.", "established",
     "Headquarters or base established"),
])
def test_a_reported_occurrence_is_kept(nlp, text: str, trigger: str, sub: str) -> None:
    assert _rule_at(nlp, text, trigger, sub) is None


@pytest.mark.parametrize(("text", "rule"), [
    ("The historians of Gondor wrote that all farms were burned by the orcs.", "all-of-a-kind"),
])
def test_the_lexicon_typing_is_rejected_by_the_rule(nlp, text: str, rule: str) -> None:
    typings, rejected = lexicon_read(nlp, text)
    assert not typings and f"rule:scope:{rule}" in {r.reason for r in rejected}, (typings, rejected)
