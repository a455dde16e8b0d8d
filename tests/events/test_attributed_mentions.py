"""Passing mentions of one incident that the gate under-scores (issue 11, recall20): an incident laid at the door
of a state or an armed group ("accuses the Mordor regime of involvement in the poisoning of ..."), and a participle
trigger before a definite noun ("in the poisoned envoy dispute"), each beside its hard negatives."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from typing_harness import StubTyping

from frontlines.events.classify import EventTyper
from frontlines.events.gate import EventGate
from frontlines.events.mentions import TARGETED_MIN, attributed_mention, participle_mention
from frontlines.events.ontology import load_lexicon


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _gate(classes: tuple[str, ...], logits: list[float]) -> _FakeGate:
    """A gate whose verdict on every sentence comes from ``logits`` over ``classes`` (no calibration)."""
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array(logits), (1.0, 0.0))


_NOUNS = ("poisoning", "bombing", "ambush", "raid", "attack", "killing", "shooting", "massacre")


@pytest.mark.parametrize(("text", "reason", "told"), [
    ("Gondor accuses the Mordor regime of involvement in the poisoning of a former Rohan spy in Bree.", "crime",
     "accuses"),
    ("The Arnor government was accused of a role in the raid on the Bree market.", "none", "accused"),
    ("The council blamed the ambush on the Haradrim rebels.", "crime", "blamed"),
    ("Rohan suspects the Orc militants of complicity in the killing of the envoy.", "none", "suspects"),
    # a metaphor only where the noun names whom or what it hit
    ("Gondor accuses the Mordor regime of involvement in the poisoning of a former Rohan spy.", "metaphor",
     "accuses"),
    ("Gondor accuses the Mordor regime of involvement in the attack on free speech.", "metaphor", None),
    # who is accused is a person, or an irregular gunman: crime news
    ("Police accused the man of involvement in the killing of his wife in Bree.", "crime", None),
    ("Detectives suspect the gunman of a role in the shooting of a shopkeeper in Archet.", "crime", None),
    # no one incident, or no accusation
    ("Gondor accuses the Mordor regime of involvement in attacks on its border towns.", "none", None),
    ("Gondor accuses the Mordor regime of planning an attack on its border towns.", "none", None),
    ("Gondor thanked the Mordor regime for its help after the poisoning of a former Rohan spy.", "none", None),
])
def test_an_incident_laid_at_the_door_of_a_state_or_armed_group(nlp, text: str, reason: str,
                                                                 told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    noun = next(t for t in sent if t.lemma_.lower() in _NOUNS)
    verb = attributed_mention(load_lexicon(), reason)(noun, sent)
    assert (verb.text if verb is not None else None) == told


def test_an_attributed_mention_stands_where_the_gate_reads_crime(nlp) -> None:
    classes = ("Attack", "Armed clash", "none", "crime")
    crime = _gate(classes, [0.0, -1.0, 0.0, 4.5])  # P(event) about 0.015, out-of-scope kind crime
    assert TARGETED_MIN <= crime.judge([None])[0].p_event < 0.1
    sent = next(nlp("Gondor accuses the Mordor regime of involvement in the poisoning of a former Rohan spy "
                    "in Bree.").sents)
    [typing] = EventTyper(load_lexicon(), crime, 0.2, 0.6)(sent)
    assert typing.sub_event_type == "Attack" and typing.rule.startswith("mention:attributed:")
    assert "told by 'accuses'" in typing.rule
    person = next(nlp("Police accused the man of involvement in the killing of his wife in Bree.").sents)
    assert EventTyper(load_lexicon(), crime, 0.2, 0.6)(person) == []


@pytest.mark.parametrize(("text", "told"), [
    ("Envoys expelled from Gondor in the poisoned spy dispute were seen leaving the embassy.", "dispute"),
    ("The ambushed convoy's drivers were seen in Bree on Monday.", "convoy"),
    ("Envoys expelled from Gondor in a poisoned spy dispute were seen leaving the embassy.", None),  # indefinite
    ("The besieged town of Bree received food on Monday.", None),  # a state, not an incident
])
def test_a_participle_before_a_definite_noun(nlp, text: str, told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next((t for t in sent if t.tag_ == "VBN" and t.dep_ == "amod"), None)
    head = participle_mention(tok, sent) if tok is not None else None
    assert (head.text if head is not None else None) == told


def test_a_participle_mention_stands_only_where_the_gate_is_sure_of_an_event(nlp) -> None:
    sent = next(nlp("Envoys expelled from Gondor in the poisoned spy dispute were seen leaving the embassy.").sents)
    classes = ("Mob violence", "Attack", "none", "crime")
    sure = _gate(classes, [3.0, 2.0, 1.0, 0.0])  # sure of an event, but of a type a word must name
    [typing] = EventTyper(load_lexicon(), sure, 0.2, 0.6)(sent)
    assert typing.trigger == "poisoned" and typing.rule.startswith("mention:participle:")
    doubtful = _gate(classes, [0.0, -1.0, 1.5, 0.0])
    assert EventTyper(load_lexicon(), doubtful, 0.2, 0.6)(sent) == []


def _stages(rule: str):
    """Assembly stages whose classifier types every "killing" with ``rule`` and whose dates are those of
    :func:`frontlines.time.resolve_date` (the publication date where a sentence states none)."""
    from frontlines.events.assemble import Stages
    from frontlines.time import resolve_date

    def classify(sent):
        return [StubTyping(t.idx, t.idx + len(t), t.text, t.i, rule) for t in sent if t.lower_ == "killing"]

    return Stages(classify=classify, find_actors=lambda *a, **k: [], resolve_date=resolve_date)


@pytest.mark.parametrize(("sentence", "rule", "date"), [
    # an earlier incident named in passing, with no date of its own: not on the article's date
    ("Arnor accuses the Mordor regime of involvement in the killing of a dissident in Bree.",
     "mention:attributed:event-gate:Attack (...)", None),
    # with a date of its own it keeps it
    ("Arnor accuses the Mordor regime of involvement in the killing of a dissident in Bree on 3 March 2026.",
     "mention:attributed:event-gate:Attack (...)", dt.date(2026, 3, 3)),
    # any other typing of an undated sentence still takes the publication week, as before
    ("Gunmen were behind the killing of a dissident in Bree.", "lexicon:events/triggers.yaml#attack.noun:killing",
     dt.date(2026, 4, 20)),
])
def test_an_earlier_incident_keeps_its_own_date_or_none(nlp, sentence: str, rule: str, date) -> None:
    from frontlines.events.assemble import assemble
    from frontlines.records import Article, OffsetMap

    text = f"Arnor expelled twenty envoys of Mordor on Monday. {sentence}"
    article = Article(id="a1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      published=dt.date(2026, 4, 20))
    [event] = assemble(nlp(text), article, [], actors=None, stages=_stages(rule))
    assert event.date == date
    if date is None:
        assert event.evidence["date"] == "date:unknown (an earlier incident, mention:attributed)"
