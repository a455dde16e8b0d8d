"""A text read by the event lexicon alone (no gate): shared by the typing and scope tests."""

from __future__ import annotations

from typing import Any

from frontlines.events.classify import EventTyper
from frontlines.events.ontology import load_lexicon


def lexicon_read(nlp: Any, text: str) -> tuple[list[Any], list[Any]]:
    """(typings, rejected candidates) of every sentence of ``text``."""
    typer = EventTyper(load_lexicon())
    typings: list[Any] = []
    rejected: list[Any] = []
    for reading in typer.read(list(nlp(text).sents)):
        typings += reading.typings
        rejected += reading.rejected
    return typings, rejected


def subs_and_reasons(nlp: Any, text: str) -> tuple[list[str], list[str]]:
    """(sub-event types reported, reasons a candidate was rejected) of ``text``."""
    typings, rejected = lexicon_read(nlp, text)
    return [t.sub_event_type for t in typings], [r.reason for r in rejected]
