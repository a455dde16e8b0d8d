"""Recall on past incidents named in a sentence (issue 11, history26): "the 9/11 attacks", "the 1942 Battle of
..." are specific occurrences the rubric codes, however long ago and whatever the gate
thinks of the sentence around them; their date is their own (unknown), never the article's nor the sentence's."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from typing_harness import StubTyping

from frontlines.events.classify import EventTyper
from frontlines.events.gate import EventGate
from frontlines.events.mentions import named_mention
from frontlines.events.ontology import load_lexicon


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _gate(classes: tuple[str, ...], logits: list[float]) -> _FakeGate:
    """A gate whose verdict on every sentence comes from ``logits`` over ``classes`` (no calibration)."""
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array(logits), (1.0, 0.0))


@pytest.mark.parametrize(("text", "noun", "told"), [
    ("Weeks after the 3/14 attacks on Osgiliath, the steward signed the law.", "attacks", "3/14"),
    ("The steward never spoke of the 1999 raid on Bree.", "raid", "1999"),
    ("In May they marked the 75th anniversary of the 1942 Battle of Osgiliath, which took place in Gondor.",
     "Battle", "1942"),
    # no one incident: no determiner, a total, a year after this one, an indefinite noun
    ("The attacks on Bree have increased since 1999.", "attacks", None),
    ("Orcs staged 1999 raids on Bree.", "raids", None),
    ("An attack in 1999 was feared by the farmers of Bree.", "attack", None),
    ("The 2999 raid on Bree is a tale the orcs tell.", "raid", None),
    ("The night raids on Bree went on for years.", "raids", None),
    ("On the night of the ambush, the stewards met in Minas Tirith.", "ambush", None),  # a time: presupposed_mention
])
def test_a_past_incident_named_by_its_date_place_or_time(nlp, text: str, noun: str, told: str | None) -> None:
    sent = next(iter(nlp(text).sents))
    tok = next(t for t in sent if t.text == noun)
    word = named_mention(tok, sent)
    assert (word.text if word is not None else None) == told


def test_a_named_incident_stands_where_the_gate_reads_background_but_not_a_crime(nlp) -> None:
    classes = ("Attack", "Armed clash", "aggregate/background", "crime")
    background = _gate(classes, [0.0, -1.0, 6.0, 0.0])  # P(event) below every other mention's floor
    assert background.judge([None])[0].p_event < 0.005
    sent = next(nlp("Weeks after the 3/14 attacks on Osgiliath, the steward signed the law.").sents)
    [typing] = EventTyper(load_lexicon(), background, 0.2, 0.6)(sent)
    assert typing.trigger == "attacks" and typing.rule.startswith("mention:named:")
    assert "told by '3/14'" in typing.rule
    crime = _gate(classes, [0.0, -1.0, 0.0, 6.0])
    assert EventTyper(load_lexicon(), crime, 0.2, 0.6)(sent) == []
    total = next(nlp("The attacks on Osgiliath have increased since 1999, the steward said.").sents)
    assert EventTyper(load_lexicon(), background, 0.2, 0.6)(total) == []


def test_a_battle_named_by_its_year_long_ago_and_remembered_is_one_armed_clash(nlp) -> None:
    classes = ("Armed clash", "Attack", "none", "crime")
    doubtful = _gate(classes, [0.0, -1.0, 2.5, 0.0])
    sent = next(nlp("In May they marked the 75th anniversary of the 1942 Battle of Osgiliath, "
                    "which took place in Gondor.").sents)
    [typing] = EventTyper(load_lexicon(), doubtful, 0.2, 0.6)(sent)
    assert typing.sub_event_type == "Armed clash" and typing.rule.startswith("mention:named:")
    # a name with no year names no battle the gate has to take ("the Battle of Osgiliath Road")
    road = next(nlp("In May they walked along the Battle of Osgiliath Road, which runs through Gondor.").sents)
    assert EventTyper(load_lexicon(), doubtful, 0.2, 0.6)(road) == []


@pytest.mark.parametrize(("sentence", "date"), [
    # named by its year: not the sentence's 3 March, nor the article's week
    ("On 3 March the steward recalled the 2011 attacks on Osgiliath.", None),
    ("The steward recalled the 2011 attacks on Osgiliath.", None),
    # no incident named: the sentence's own date, as before
    ("On 3 March orcs carried out the attacks on Osgiliath.", dt.date(2026, 3, 3)),
])
def test_a_named_incident_takes_no_date_of_the_article_nor_of_its_sentence(nlp, sentence: str, date) -> None:
    from frontlines.events.assemble import Stages, assemble
    from frontlines.records import Article, OffsetMap
    from frontlines.time import resolve_date

    def classify(sent):  # the lexicon's typing of "attacks", as any rule would give it
        return [StubTyping(t.idx, t.idx + len(t), t.text, t.i, "lexicon:events/triggers.yaml#attack.noun:attacks")
                for t in sent if t.lower_ == "attacks"]

    stages = Stages(classify=classify, find_actors=lambda *a, **k: [], resolve_date=resolve_date)
    article = Article(id="a1", raw_text=sentence, clean_text=sentence, offsets=OffsetMap.identity(len(sentence)),
                      published=dt.date(2026, 4, 20))
    [event] = assemble(nlp(sentence), article, [], actors=None, stages=stages)
    assert event.date == date
    if date is None:
        assert event.evidence["date"] == "date:unknown (an earlier incident, mention:named)"
