"""How the typing and scope tests read a text: by the event lexicon alone (no gate), or as the
judged-sentence evaluation counts the whole pipeline's events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontlines.events.classify import EventTyper
from frontlines.events.ontology import load_lexicon
from frontlines.events.sentences import JudgedSentence, predict_sentences


def lexicon_read(nlp: Any, text: str) -> tuple[list[Any], list[Any]]:
    """(typings, rejected candidates) of every sentence of ``text``, lexicon alone."""
    typer = EventTyper(load_lexicon())
    typings: list[Any] = []
    rejected: list[Any] = []
    for reading in typer.read(list(nlp(text).sents)):
        typings += reading.typings
        rejected += reading.rejected
    return typings, rejected


def subs_and_reasons(nlp: Any, text: str) -> tuple[list[str], list[str]]:
    """(sub-event types reported, reasons a candidate was rejected) of ``text``, lexicon alone."""
    typings, rejected = lexicon_read(nlp, text)
    return [t.sub_event_type for t in typings], [r.reason for r in rejected]


def sentence_types(pipeline: Any, text: str) -> frozenset[str]:
    """The sub-event types the pipeline counts for one sentence, as the judged-sentence eval reads them."""
    return predict_sentences([JudgedSentence("t", text, frozenset(), frozenset(), "")], pipeline=pipeline)[0]


@dataclass(frozen=True)
class StubTyping:
    """A typing as a stubbed ``classify`` stage gives it (an Attack at the trigger, with the rule named)."""

    trigger_start: int
    trigger_end: int
    trigger: str
    trigger_index: int
    rule: str
    event_type: str = "Violence against civilians"
    sub_event_type: str = "Attack"
    plover_type: str = "ASSAULT"
    confidence: float = 0.5
