"""Recall on incidents real news names in passing (issue 11, recall29): a definite incident noun "in connection
with", "in relation to" or "over" is presupposed like one "since" or "after"; where the gate reads crime, a
presupposed incident whose victim holds a public role (a former spy, a double agent, a defector) is political
violence (rule ``mention:political-victim``), one of a private person stays crime; a definite invasion is an armed
clash, an indefinite, hypothetical or figurative one is none; "the night of the raid, high-level ..." is presupposed
though the parser hangs "raid" on the noun after the comma."""

from __future__ import annotations

import numpy as np
import pytest
from typing_harness import lexicon_read

from frontlines.events.classify import EventTyper
from frontlines.events.coreference import total_cue
from frontlines.events.gate import EventGate
from frontlines.events.mentions import earlier_reference, political_mention, presupposed_mention
from frontlines.events.modality import presupposing_word, read
from frontlines.events.ontology import load_lexicon


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _gate(classes: tuple[str, ...], logits: list[float]) -> _FakeGate:
    """A gate whose verdict on every sentence comes from ``logits`` over ``classes`` (no calibration)."""
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array(logits), (1.0, 0.0))


_CRIME = _gate(("Attack", "Armed clash", "none", "crime"), [0.0, -1.0, 0.0, 7.0])


@pytest.mark.parametrize(("text", "word"), [
    ("Mordor wants Gondor to answer questions in connection with the poisoning of the envoy in Bree.", "connection"),
    ("Gondor expelled three envoys of Mordor over the poisoning of a former spy in Bree.", "over"),
    ("The council asked questions in relation to the attack on Osgiliath.", "relation"),
    # no one incident: indefinite, plural
    ("Gondor expelled three envoys of Mordor over a poisoning in Bree.", None),
    ("The council asked questions in connection with attacks on Osgiliath.", None),
])
def test_connection_relation_and_over_presuppose_a_definite_incident(nlp, text: str, word: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next(t for t in sent if t.lemma_.lower() in ("poisoning", "attack"))
    found = presupposing_word(tok)
    assert (found.text.lower() if found is not None else None) == word


def test_an_incident_in_connection_with_which_questions_are_asked_is_asserted(nlp) -> None:
    sent = next(iter(nlp("Mordor wants Gondor to answer questions in connection with the poisoning of a former "
                         "double agent in Bree.").sents))
    reading = read(next(t for t in sent if t.lower_ == "poisoning"))
    assert reading.modality == "asserted" and "presupposed" in reading.modality_rule


@pytest.mark.parametrize(("text", "told"), [
    ("Mordor has released questions it wants Gondor to answer in connection with the poisoning of a former double "
     "agent and his daughter in Bree.", "connection"),
    ("Gondor expelled three envoys of Mordor over the poisoning of a defector in Bree.", "over"),
    ("Gondor expelled three envoys of Mordor over the shooting of the opposition leader in Bree.", "over"),
    # a private victim: crime
    ("Police arrested a man in connection with the poisoning of his wife in Bree.", None),
    # a political victim in no presupposed incident
    ("Gondor said a poisoning of a former spy would be an act of war.", None),
])
def test_a_presupposed_incident_against_a_political_figure(nlp, text: str, told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next(t for t in sent if t.lemma_.lower() in ("poisoning", "shooting"))
    word = political_mention(tok, sent)
    assert (word.text.lower() if word is not None else None) == told


def test_a_political_victim_stands_where_the_gate_reads_crime_a_private_one_does_not(nlp) -> None:
    sent = next(nlp("Mordor has released questions it wants Gondor to answer in connection with the poisoning of "
                    "a former double agent and his daughter in Bree.").sents)
    [typing] = EventTyper(load_lexicon(), _CRIME, 0.2, 0.6)(sent)
    assert typing.trigger == "poisoning" and typing.sub_event_type == "Attack"
    assert typing.rule.startswith("mention:political-victim:") and "told by 'connection'" in typing.rule
    assert earlier_reference(typing.rule) == "mention:political-victim"  # its own date, never the article's
    for text in ("Police arrested a man in connection with the poisoning of his wife in Bree.",
                 "The poisoning of a former spy would be an act of war, the steward said."):
        typings = EventTyper(load_lexicon(), _CRIME, 0.2, 0.6)(next(nlp(text).sents))
        assert [t for t in typings if t.trigger == "poisoning"] == [], text


@pytest.mark.parametrize(("text", "kept"), [
    ("Rohan has granted asylum to five Gondor officers holed up in an embassy since last month's Mordor invasion.",
     True),
    ("The king offered to negotiate with the steward following the invasions of Ithilien.", True),
    # hypothetical, feared, prepared for, figurative: no occurrence
    ("An invasion of Gondor would be a disaster, the steward said.", False),
    ("The steward said Gondor had prepared for a Mordor invasion for years.", False),
    ("Fears of an invasion have grown in Gondor.", False),
    ("Critics called the new law of Gondor an invasion of privacy.", False),
    ("Farmers in Rohan reported an invasion of locusts.", False),
    ("The steward said the crisis was like that of 2003, when Rohan endorsed the invasion of Harad.", False),
])
def test_a_definite_invasion_is_an_armed_clash(nlp, text: str, kept: bool) -> None:
    typings, rejected = lexicon_read(nlp, text)
    invasions = [t for t in typings if t.trigger.lower().startswith("invasion")]
    assert bool(invasions) == kept, (typings, rejected)
    if kept:
        assert invasions[0].sub_event_type == "Armed clash"
        assert invasions[0].rule.startswith("lexicon:events/triggers.yaml#clash.invasion:")
        assert "; presupposed:" in invasions[0].rule and "(placed)" in invasions[0].rule
        assert earlier_reference(invasions[0].rule) == "presupposed"  # its own date, never the article's


@pytest.mark.parametrize(("text", "cue"), [
    ("Rohan has granted asylum to five officers holed up in an embassy since last month's invasion.", None),
    ("Orcs have burned ten farms since last month, the steward said.", "have burned ten farms since last month"),
])
def test_since_last_months_incident_is_no_total(text: str, cue: str | None) -> None:
    assert total_cue(text, dated=False, day=False) == (cue.lower() if cue else None)


@pytest.mark.parametrize(("text", "told"), [
    # the parser hangs "raid" as an adjective on "rangers" (and "the", "of" with it): the comma ends its phrase
    ("On the night of the raid, high-level rangers gathered in Osgiliath.", "night"),
    ("By noon on the day of the raid, high-level envoys had gathered in Bree.", "day"),
    ("On the night of a raid, high-level rangers gathered in Osgiliath.", None),  # no one incident
    ("On the night of the raid, high-level rangers will gather in Osgiliath.", None),  # no past verb
])
def test_an_incident_the_parser_hangs_on_the_noun_after_a_comma(nlp, text: str, told: str | None) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == "raid")
    word = presupposed_mention(tok, tok.sent)
    assert (word.text.lower() if word is not None else None) == told
