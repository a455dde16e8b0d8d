"""Recall rules of issue 11 (recall16): an incident told by a verb of occurrence, a pronoun subject of an
adverbial clause, an annexation."""

from __future__ import annotations

import numpy as np
import pytest

from frontlines.events.classify import EventTyper
from frontlines.events.gate import EventGate
from frontlines.events.occurrence import occurrence_verb
from frontlines.events.ontology import load_lexicon
from frontlines.events.roles import classes_of, trigger_roles


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _unsure(reason: str) -> _FakeGate:
    """P(event) about 0.3 (below the thresholds of the typers below), an attack likelier than a clash,
    ``reason`` the likeliest out-of-scope kind."""
    classes = ("Attack", "Armed clash", reason, "crime" if reason == "none" else "none")
    return _FakeGate(classes, np.zeros((4, 384)), np.array([1.0, 0.0, 2.0, 0.0]), (1.0, 0.0))


@pytest.mark.parametrize(("text", "told"), [
    ("The raid on the granary of Bree took place on Sunday.", "took"),
    ("Clashes broke out between the guards of Bree and the Umbar corsairs.", "broke"),
    ("The shooting that happened in Bree on Monday was condemned.", "happened"),  # through a relative clause
    ("The explosion occurred near the gate of Minas Tirith.", "occurred"),
    ("No raid took place in Bree.", None),
    ("If a raid took place, the steward would know.", None),
    ("The raid on Bree will take place at dawn.", None),
    ("The raid on Bree did not happen.", None),
    ("The raid on Bree took place in 2019.", None),  # a year: an earlier incident retold
    ("Raids on Bree happen every week.", None),  # a habit, not the past
    ("The steward planned the raid.", None),
])
def test_an_incident_noun_told_by_a_verb_of_occurrence(nlp, text: str, told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    noun = next(t for t in sent if t.lemma_.lower() in ("raid", "clash", "shooting", "explosion"))
    verb = occurrence_verb(noun, sent)
    assert (verb.text if verb is not None else None) == told


def test_an_occurrence_stands_where_the_gate_reads_a_metaphor_not_a_crime(nlp) -> None:
    sent = next(nlp("The raid on the granary of Bree took place on Sunday.").sents)
    [typing] = EventTyper(load_lexicon(), _unsure("metaphor"), 0.5, 0.9)(sent)
    assert typing.trigger == "raid" and typing.rule.startswith("mention:occurrence:")
    assert "told by 'took'" in typing.rule
    assert EventTyper(load_lexicon(), _unsure("crime"), 0.5, 0.9)(sent) == []
    planned = next(nlp("The raid on the granary of Bree will take place on Sunday.").sents)
    assert EventTyper(load_lexicon(), _unsure("metaphor"), 0.5, 0.9)(planned) == []


@pytest.mark.parametrize(("text", "armed"), [
    ("The soldiers rested in Osgiliath before they were deployed to Gondor.", True),
    ("The soldiers were forced to wait for hours before they were deployed to Gondor.", True),  # through "to wait"
    ("The children played outside before they were sent to Gondor.", False),
])
def test_a_pronoun_subject_of_an_adverbial_clause_is_the_subject_it_hangs_on(nlp, text: str, armed: bool) -> None:
    sent = next(iter(nlp(text).sents))
    verb = next(t for t in sent if t.lemma_ in ("deploy", "send"))
    _, target = trigger_roles(verb)
    assert ("armed" in classes_of(target, load_lexicon(), as_target=True)) is armed
    assert [t.lower_ for t in target] != ["they"]


def test_an_annexation_is_a_non_violent_transfer_of_territory(nlp) -> None:
    from frontlines.events.typings import lexicon_typings

    sent = next(nlp("Gondor annexed the province of Ithilien on Sunday.").sents)
    [typing] = lexicon_typings(sent, lexicon=load_lexicon()).typings
    assert typing.sub_event_type == "Non-violent transfer of territory" and "transfer.annex" in typing.rule
    threat = next(nlp("Gondor threatened to annex the province of Ithilien.").sents)
    assert lexicon_typings(threat, lexicon=load_lexicon()).typings == []


def test_state_forces_named_as_marines_keep_a_sentence_with_court_words_in(nlp) -> None:
    from frontlines.events.classify import classify

    marines = next(nlp("The marines were deployed to Gondor on Sunday, according to testimony.").sents)
    assert [t.sub_event_type for t in classify(marines)] == ["Change to group/activity"]
    jurors = next(nlp("The men were sent to Gondor on Sunday, according to testimony.").sents)
    assert classify(jurors) == []


@pytest.mark.parametrize(("text", "definite"), [
    ("Rohan joined the bombing probe in Bree after the envoys left.", True),
    ("Arnor sent two rangers to the shooting investigation in Bree last week.", True),
    ("Rohan opened a bombing probe in Bree after the envoys left.", False),
])
def test_the_incident_a_definite_inquiry_is_into_is_a_definite_mention(nlp, text: str, definite: bool) -> None:
    from frontlines.events.mentions import definite_mention
    sent = next(nlp(text).sents)
    noun = next(t for t in sent if t.lower_ in ("bombing", "shooting"))
    assert definite_mention(noun, sent) == definite
