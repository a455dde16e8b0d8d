"""One specific past incident told with its own toll is an occurrence, not a total (issue 11, gatehist30): "the
atomic bomb dropped on Osgiliath in 1945 killed more than 70,000 people" is an air strike however long ago, where
the gate reads the sentence as aggregate/background; "the war killed 400,000" stays a total."""

from __future__ import annotations

import numpy as np
import pytest

from frontlines.events.classify import EventTyper
from frontlines.events.gate import EventGate
from frontlines.events.mentions import earlier_reference
from frontlines.events.one_incident import one_incident
from frontlines.events.ontology import load_lexicon


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _gate(classes: tuple[str, ...], logits: list[float]) -> _FakeGate:
    """A gate whose verdict on every sentence comes from ``logits`` over ``classes`` (no calibration)."""
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array(logits), (1.0, 0.0))


_CLASSES = ("Attack", "Air/drone strike", "aggregate/background", "crime")


@pytest.mark.parametrize(("text", "trigger", "toll"), [
    ("The atomic bomb dropped on Osgiliath in 1945 killed more than 70,000 people.", "bomb", "killed"),
    ("Two bombs fell that week; the atomic bomb on Osgiliath exploded above the city and killed over 140,000.",
     "bomb", "killed"),
    ("A car bomb in Osgiliath in 1998 killed 40 people, the worst of the decade.", "bomb", "killed"),
    ("The 1999 bombing of the Bree market claimed 120 lives.", "bombing", "claimed"),
    ("More than 70,000 people were killed by the atomic bomb dropped on Osgiliath in 1945.", "bomb", "killed"),
    ("Hundreds of farmers have been killed by the bombing in Bree.", "bombing", None),
    ("Farmers were killed by the bombing in Bree.", "bombing", None),
    ("More than 400,000 people were killed by the war in Gondor.", "killed", None),
    # a total: a war as subject, a plural or a kind, a perfect, no number counted, no incident named
    ("The war killed 400,000 people in Gondor.", "killed", None),
    ("Bombings have killed hundreds of farmers in Rohan this year.", "Bombings", None),
    ("Such attacks killed 3,000 people in Rohan in 2015.", "attacks", None),
    ("The bombing has killed 200 people in Bree.", "bombing", None),
    ("The bomb killed many people in Bree.", "bomb", None),
    ("The steward killed 400,000 people in Gondor.", "killed", None),
    ("The bomb killed farmers in 1945.", "bomb", None),
])
def test_one_incident_with_its_toll(nlp, text: str, trigger: str, toll: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next(t for t in sent if t.text == trigger)
    word = one_incident(tok, sent, {tok.i})
    assert (word.text if word is not None else None) == toll


def test_one_incident_stands_where_the_gate_reads_a_total_but_not_a_crime(nlp) -> None:
    background = _gate(_CLASSES, [0.0, 0.0, 6.0, 0.0])  # P(event) far below the threshold
    assert background.judge([None])[0].p_event < 0.01
    sent = next(nlp("The atomic bomb dropped on Osgiliath in 1945 killed more than 70,000 people.").sents)
    [typing] = EventTyper(load_lexicon(), background, 0.2, 0.6)(sent)
    assert typing.sub_event_type == "Air/drone strike" and "rule:one-incident 'killed'" in typing.rule
    crime = _gate(_CLASSES, [0.0, 0.0, 0.0, 6.0])
    assert EventTyper(load_lexicon(), crime, 0.2, 0.6)(sent) == []
    for total in ("The war killed 400,000 people in Gondor.", "Bombings have killed hundreds of farmers in Rohan.",
                  "Such attacks killed 3,000 people in Rohan in 2015."):
        assert EventTyper(load_lexicon(), background, 0.2, 0.6)(next(nlp(total).sents)) == [], total


def test_one_incident_is_an_earlier_incident_for_its_date() -> None:
    rule = "lexicon:events/triggers.yaml#air.aerial_bomb:atomic bomb; rule:one-incident 'killed' (P(event) 0.015)"
    assert earlier_reference(rule) == "one-incident"
    assert earlier_reference("lexicon:events/triggers.yaml#air.aerial_bomb:atomic bomb") is None
