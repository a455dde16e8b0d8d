"""Recall on incidents a sentence places in time and so presupposes (issue 11, recall28; one predicate since
fold28, which folded in history26's "during"/"the night of" and recall18's "since"/"the aftermath of"): a definite
incident noun under "during", "after", "since" or as the "of" of "the night", "the aftermath", "the handling"
happened, whatever the modality of the clause around it ("the envoy would resign after the attack"); a bare,
plural or indefinite one, one to come, a verb under a modal and a total stay no event. Its date is its own
(unknown), never the article's."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from typing_harness import StubTyping, lexicon_read

from frontlines.events.classify import EventTyper
from frontlines.events.gate import EventGate
from frontlines.events.mentions import presupposed_mention
from frontlines.events.modality import presupposing_word, read
from frontlines.events.ontology import load_lexicon


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _gate(classes: tuple[str, ...], logits: list[float]) -> _FakeGate:
    """A gate whose verdict on every sentence comes from ``logits`` over ``classes`` (no calibration)."""
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array(logits), (1.0, 0.0))


@pytest.mark.parametrize(("text", "word"), [
    ("The envoy said he would resign after the attack on Osgiliath.", "after"),
    ("Officials said the orcs would be judged in Gondor during the attack, the report found.", "during"),
    ("The council drew conclusions about the steward's handling of the attack.", "handling"),
    ("The council criticised the steward's response to the ambush.", "response"),
    ("On the night of the ambush, the stewards met in Minas Tirith.", "night"),
    # no one incident: indefinite, bare, plural; no word that presupposes it
    ("The envoy said he would resign after an attack on Osgiliath.", None),
    ("The envoy said he would resign after attacks on Osgiliath.", None),
    ("The council said the attack would be a mistake.", None),
    ("The council drew conclusions about the steward's handling of attacks.", None),
    ("Officials said the rangers will be sent to Bree after the attack.", None),  # one to come
    ("The farmers planned a vigil in Bree after the rally.", None),  # a gathering announced ahead
])
def test_the_word_that_presupposes_an_incident(nlp, text: str, word: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next(t for t in sent if t.lemma_.lower() in ("attack", "ambush", "rally"))
    found = presupposing_word(tok)
    assert (found.text.lower() if found is not None else None) == word


@pytest.mark.parametrize(("text", "told"), [
    ("Since the raid, the farmers of Bree have slept in the fields.", "since"),
    ("In the aftermath of the ambush, the steward replaced his commanders.", "aftermath"),
    ("In the wake of the massacre, thousands fled the valley of Archet.", "wake"),
    ("After the raid, the farmers of Bree slept in the fields.", "after"),
    ("On the night of the ambush, the stewards met in Minas Tirith.", "night"),
    ("The steward's men waited in Osgiliath during the attack, the report found.", "during"),
    ("The stewards met in Minas Tirith after the ambush.", "after"),
    # no past verb, no one incident, one to come, no word that places it
    ("On the night of the ambush, the stewards will meet in Minas Tirith.", None),
    ("Since the raids, the farmers of Bree have slept in the fields.", None),
    ("Since an attack would come at dawn, the guards rested.", None),
    ("During an attack, the stewards met in Minas Tirith.", None),
    ("During the attacks, the stewards met in Minas Tirith.", None),
    ("The steward said the rangers will guard Bree during the attack.", None),
    ("The steward's report on the raid was published.", None),
])
def test_a_past_incident_placed_in_time_by_the_sentence(nlp, text: str, told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next(t for t in sent if t.lemma_.lower() in ("raid", "ambush", "massacre", "attack"))
    word = presupposed_mention(tok, sent)
    assert (word.text.lower() if word is not None else None) == told


def test_a_mention_since_an_incident_stands_where_the_gate_reads_background_not_a_metaphor(nlp) -> None:
    sent = next(nlp("Since the raid, the farmers of Bree have slept in the fields.").sents)
    classes = ("Attack", "Armed clash", "aggregate/background", "metaphor")
    background = _gate(classes, [0.0, -1.0, 4.5, 0.0])
    [typing] = EventTyper(load_lexicon(), background, 0.2, 0.6)(sent)
    assert typing.trigger == "raid" and typing.rule.startswith("mention:presupposed:")
    assert "told by 'since'" in typing.rule
    metaphor = _gate(classes, [0.0, -1.0, 0.0, 4.5])
    assert EventTyper(load_lexicon(), metaphor, 0.2, 0.6)(sent) == []


@pytest.mark.parametrize(("text", "modality"), [
    ("The envoy would resign after the attack on Osgiliath.", "asserted"),
    ("The orcs would be judged in Gondor during the attack, the report found.", "asserted"),
    ("The envoy said he would resign after an attack on Osgiliath.", "speculative"),
    ("Officials said the rangers will be sent to Bree after the attack.", "planned"),
])
def test_a_presupposed_incident_is_asserted(nlp, text: str, modality: str) -> None:
    sent = next(iter(nlp(text).sents))
    reading = read(next(t for t in sent if t.lower_ == "attack"))
    assert reading.modality == modality
    assert ("presupposed" in reading.modality_rule) == (modality == "asserted")


@pytest.mark.parametrize(("text", "kept"), [
    ("The envoy said he would resign after the attack on Osgiliath.", True),
    ("Officials said the orcs would be judged in Gondor during the attack, the report found.", True),
    # what could happen: an indefinite attack, a verb under a modal, a condition
    ("The steward told the council that wardens would be needed in Bree to guard the gate following an attack.",
     False),
    ("They would attack the town of Bree, the orc captain said.", False),
    ("If they attack Bree, the council would flee to Gondor.", False),
])
def test_a_modal_leaves_an_incident_the_sentence_presupposes(nlp, text: str, kept: bool) -> None:
    typings, rejected = lexicon_read(nlp, text)
    attacks = [t for t in typings if t.trigger.lower() == "attack"]
    assert bool(attacks) == kept
    if kept:
        assert "; presupposed:" in attacks[0].rule and "(under a modal)" in attacks[0].rule
    else:
        assert any(r.reason in ("rule:scope:under-modal", "rule:scope:hypothetical") for r in rejected)


def test_an_incident_presupposed_by_its_handling_stands_where_the_gate_reads_nothing_but_not_a_crime(nlp) -> None:
    classes = ("Attack", "Armed clash", "none", "aggregate/background", "crime")
    nothing = _gate(classes, [0.0, -1.0, 7.0, 0.0, 0.0])  # P(event) 0.001: below every other mention's floor
    assert nothing.judge([None])[0].p_event < 0.005
    sent = next(nlp("The council reviewed documents and drew conclusions about the steward's handling of the "
                    "attack in Osgiliath.").sents)
    [typing] = EventTyper(load_lexicon(), nothing, 0.2, 0.6)(sent)
    assert typing.trigger == "attack" and typing.rule.startswith("mention:presupposed:")
    assert "told by 'handling'" in typing.rule
    crime = _gate(classes, [0.0, -1.0, 0.0, 0.0, 7.0])
    assert EventTyper(load_lexicon(), crime, 0.2, 0.6)(sent) == []
    for text in ("The council drew conclusions about the steward's handling of attacks in Osgiliath.",
                 "An attack on Osgiliath would be a mistake, the steward said.",
                 "Attacks on Osgiliath have increased since 2011, the steward said.",
                 "Bombings are common in Osgiliath, the steward said."):
        assert EventTyper(load_lexicon(), nothing, 0.2, 0.6)(next(nlp(text).sents)) == [], text


@pytest.mark.parametrize(("rule", "earlier"), [
    ("lexicon:events/triggers.yaml#attack.generic_noun:attack; presupposed:'after' (under a modal)", "presupposed"),
    ("mention:presupposed:event-gate:Attack (candidate 'attack', told by 'handling', P(event) 0.002)",
     "mention:presupposed"),
    # an attack reported as such: the article's week, as before
    ("lexicon:events/triggers.yaml#attack.generic_noun:attack", None),
])
def test_a_presupposed_incident_takes_no_date_of_the_article(nlp, rule: str, earlier: str | None) -> None:
    from frontlines.events.assemble import Stages, assemble
    from frontlines.records import Article, OffsetMap
    from frontlines.time import resolve_date

    sentence = "The envoy said he would resign after the attack on Osgiliath."

    def classify(sent):
        return [StubTyping(t.idx, t.idx + len(t), t.text, t.i, rule) for t in sent if t.lower_ == "attack"]

    stages = Stages(classify=classify, find_actors=lambda *a, **k: [], resolve_date=resolve_date)
    article = Article(id="a1", raw_text=sentence, clean_text=sentence, offsets=OffsetMap.identity(len(sentence)),
                      published=dt.date(2026, 4, 20))
    [event] = assemble(nlp(sentence), article, [], actors=None, stages=stages)
    if earlier is None:
        assert event.date is not None and "earlier incident" not in event.evidence["date"]
    else:
        assert event.date is None
        assert event.evidence["date"] == f"date:unknown (an earlier incident, {earlier})"
