"""Recall on later mentions of one incident (issue 11, recall18): a mention named by a past date with no
past verb, a mention that names what the incident hit, a mention where the gate's type was refused."""

from __future__ import annotations

import numpy as np
import pytest

from frontlines.events.classify import EventTyper
from frontlines.events.gate import EventGate
from frontlines.events.mentions import TARGETED_MIN, definite_mention, targeted_mention
from frontlines.events.ontology import load_lexicon


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _gate(classes: tuple[str, ...], logits: list[float]) -> _FakeGate:
    """A gate whose verdict on every sentence comes from ``logits`` over ``classes`` (no calibration)."""
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array(logits), (1.0, 0.0))


def _noun(sent, lemma: str):
    return next(t for t in sent if t.lemma_.lower() == lemma)


@pytest.mark.parametrize(("text", "mention"), [
    ("After last week's raid on the village, the farmers of Bree say they sleep in the fields.", True),
    ("Since yesterday's attack on the ford, the riders of Rohan guard it day and night.", True),
    ("Sunday's raid on Bree worries the farmers of the village.", False),  # a date, but none of the past
    ("Next week's raid on the village worries the farmers of Bree.", False),
    ("Last week's raids on the villages worry the farmers of Bree.", False),  # a plural: not one incident
])
def test_a_mention_named_by_a_past_date_needs_no_past_verb(nlp, text: str, mention: bool) -> None:
    sent = next(iter(nlp(text).sents))
    noun = next(t for t in sent if t.lemma_.lower() in ("raid", "attack"))
    assert definite_mention(noun, sent) is mention


@pytest.mark.parametrize(("text", "reason", "told"), [
    ("The steward's handling of the raid on the consulate in Minas Tirith was criticised.", "none", "consulate"),
    ("Since the attack on the Rohan checkpoint, the road to Edoras has been closed.", "none", "checkpoint"),
    ("Nobody in Bree has forgotten the massacre at the crossing.", "none", "crossing"),
    ("The attack on the granary of Bree was a turning point for the farmers.", "metaphor", "granary"),
    # what was hit is no place, building or force: words, values, people
    ("The senator's attack on free speech was condemned by the council.", "none", None),
    ("The steward's attack on the journalists was condemned by the council.", "none", None),
    # forces, where the gate reads a metaphor: the senator's words
    ("The senator's attack on the police drew applause.", "metaphor", None),
    ("The senator's attack on the police drew applause.", "none", "police"),
    # a date or another incident names no target
    ("The attack of April 15th was staged, the blogger wrote.", "none", None),
    ("The attack of the Bree massacre was staged, the blogger wrote.", "none", None),
    # no past, or no one incident
    ("The attack on the consulate will come at dawn.", "none", None),
    ("Attacks on the consulate in Minas Tirith have doubled.", "none", None),
])
def test_a_mention_that_names_what_the_incident_hit(nlp, text: str, reason: str, told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    noun = next(t for t in sent if t.lemma_.lower() in ("raid", "attack", "massacre"))
    obj = targeted_mention(load_lexicon(), reason)(noun, sent)
    assert (obj.text if obj is not None else None) == told


def test_a_targeted_mention_stands_where_the_gate_scores_it_low_but_not_as_a_crime(nlp) -> None:
    classes = ("Attack", "Armed clash", "none", "crime")
    low = _gate(classes, [0.0, -1.0, 4.5, 0.0])  # P(event) about 0.015: below every other mention's floor
    assert TARGETED_MIN <= low.judge([None])[0].p_event < 0.1
    sent = next(nlp("The steward's handling of the raid on the consulate in Minas Tirith was criticised.").sents)
    [typing] = EventTyper(load_lexicon(), low, 0.2, 0.6)(sent)
    assert typing.trigger == "raid" and typing.rule.startswith("mention:targeted:")
    assert "told by 'consulate'" in typing.rule
    crime = _gate(classes, [0.0, -1.0, 0.0, 4.5])
    assert EventTyper(load_lexicon(), crime, 0.2, 0.6)(sent) == []
    words = next(nlp("The steward's handling of the attack on free speech was criticised.").sents)
    assert EventTyper(load_lexicon(), low, 0.2, 0.6)(words) == []


def test_a_mention_stands_where_the_gate_is_sure_of_an_event_but_its_type_needs_a_word(nlp) -> None:
    # the gate is sure of an event (P about 0.9) but likes Mob violence best, which a word must name
    sure = _gate(("Mob violence", "Attack", "metaphor", "none"), [3.0, 2.0, 1.0, 0.0])
    sent = next(nlp("After last week's raid on the village, the farmers of Bree say they sleep in the fields.").sents)
    [typing] = EventTyper(load_lexicon(), sure, 0.2, 0.6)(sent)
    assert typing.trigger == "raid" and typing.sub_event_type == "Attack"
    assert typing.rule.startswith("mention:definite:")
    # no mention of one incident: the gate's type stays refused
    plural = next(nlp("After the raids on the villages, the farmers of Bree say they sleep in the fields.").sents)
    assert EventTyper(load_lexicon(), sure, 0.2, 0.6)(plural) == []
