"""An incident the article told as a crime: its later definite mentions are that crime (rule crime-told-before)."""

from __future__ import annotations

from frontlines.events.classify import SentenceTyping
from frontlines.events.told_crime import crime_told_before
from frontlines.events.typings import Rejected, Typing


def _attack(sent, word: str) -> Typing:
    tok = next(t for t in sent if t.lower_ == word)
    return Typing("Violence against civilians", "Attack", "ASSAULT", None, tok.idx, tok.idx + len(tok), tok.text,
                  tok.i, "fake#attack", 0.9)


def _crime(sent, word: str) -> Rejected:
    tok = next(t for t in sent if t.lower_ == word)
    return Rejected(tok.text, tok.idx, tok.idx + len(tok), "Attack", "model:event-gate:crime", 0.1)


def _typed(nlp, text: str, *, crime_first: bool, reported_first: bool = False):
    sents = list(nlp(text).sents)
    first, later = sents[0], sents[-1]
    typed = {s.start: SentenceTyping(()) for s in sents}
    typed[first.start] = SentenceTyping((_attack(first, "attacked"),) if reported_first else (),
                                        (_crime(first, "attacked"),) if crime_first else ())
    typed[later.start] = SentenceTyping((_attack(later, "attack"),))
    return sents, later, crime_told_before(sents, typed)


TEXT = "A man attacked the car of a singer in Bree on Monday. Her son was in the car at the time of the attack."


def test_the_attack_after_a_crime_is_that_crime(nlp):
    sents, later, typed = _typed(nlp, TEXT, crime_first=True)
    assert typed[later.start].typings == ()
    assert [r.reason for r in typed[later.start].rejected] == ["rule:crime-told-before"]


def test_the_attack_after_no_crime_stands(nlp):
    sents, later, typed = _typed(nlp, TEXT, crime_first=False)
    assert len(typed[later.start].typings) == 1


def test_the_attack_after_an_event_reported_stands(nlp):
    # a crime told beside an attack reported: "the attack" may name the attack
    sents, later, typed = _typed(nlp, TEXT, crime_first=True, reported_first=True)
    assert len(typed[later.start].typings) == 1


def test_an_attack_that_is_no_mention_of_one_told_stands(nlp):
    text = "A man attacked the car of a singer in Bree on Monday. Orcs launched an attack on Osgiliath."
    sents, later, typed = _typed(nlp, text, crime_first=True)
    assert len(typed[later.start].typings) == 1
