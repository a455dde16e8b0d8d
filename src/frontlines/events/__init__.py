"""Events: ACLED/PLOVER typing, roles, modality, attribution, assembly.

:func:`extract_events` is the pipeline stage: it types each sentence with an
:class:`~frontlines.events.classify.EventTyper` (passed in), finds actor mentions with
:func:`frontlines.actors.find_actors`, dates with :func:`frontlines.time.resolve_date`, and
assembles Event records (see :mod:`frontlines.events.assemble`). Candidates that did not become
events come back too, with why.
"""

from __future__ import annotations

from typing import Any

from ..actors import find_actors
from ..records import Article, Event, Place, RejectedEvent
from ..time import resolve_date
from .assemble import Stages, assemble
from .classify import EventTyper, SentenceTyping

__all__ = ["EventTyper", "extract_events", "rejected_events"]


def extract_events(doc: Any, article: Article, places: list[Place], *, actors: Any,
                   typer: EventTyper) -> tuple[list[Event], list[RejectedEvent]]:
    """Events of a parsed article, one per (happening, place), and the candidates rejected.

    ``doc`` is the spaCy Doc of ``article.clean_text``; ``places`` come from
    :func:`frontlines.geo.find_places` (raw offsets); ``actors`` is what
    :func:`frontlines.actors.load_actors` returns; ``typer`` types the sentences.
    """
    sents = list(doc.sents)
    typed = {sent.start: t for sent, t in zip(sents, typer.read(sents), strict=True)}
    stages = Stages(classify=lambda sent: list(typed[sent.start].typings), find_actors=find_actors,
                    resolve_date=resolve_date)
    events = assemble(doc, article, places, actors=actors, stages=stages)
    return events, rejected_events(doc, article, typed)


def rejected_events(doc: Any, article: Article, typed: dict[int, SentenceTyping]) -> list[RejectedEvent]:
    """The rejected candidates of each sentence, with raw offsets."""
    out: list[RejectedEvent] = []
    for sent in doc.sents:
        text = sent.text.strip()
        lead = len(sent.text) - len(sent.text.lstrip())
        s_start, s_end = article.span_to_raw(sent.start_char + lead, sent.start_char + lead + len(text))
        for r in typed[sent.start].rejected:
            start, end = article.span_to_raw(r.trigger_start, r.trigger_end)
            out.append(RejectedEvent(r.trigger, start, end, text, s_start, s_end, r.sub_event_type, r.reason,
                                     r.score))
    return out
