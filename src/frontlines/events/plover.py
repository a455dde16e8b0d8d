"""PLOVER as a second coding: verbal and other non-ACLED PLOVER triggers, and a sentence's PLOVER type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..deptree import depth
from .classify import classify
from .matching import cue_ok, head_of, match, padded_text, words_of
from .ontology import PLOVER_FILE, Lexicon, load_plover_lexicon
from .typings import Typing


@dataclass(frozen=True)
class PloverTyping:
    """A PLOVER category a trigger reports, for categories ACLED does not code (ACCUSE, REJECT ...)."""

    plover_type: str
    trigger_index: int  # the Doc index of the trigger's head token
    rule: str
    confidence: float


def plover_typings(sent: Any, *, lexicon: Lexicon | None = None) -> list[PloverTyping]:
    """Verbal and other non-ACLED PLOVER triggers of a sentence (``data/events/plover.yaml``), best first."""
    lex = lexicon or load_plover_lexicon()
    words = words_of(sent)
    doc = sent.doc
    padded = padded_text(words)
    out: list[PloverTyping] = []
    for hit in match(sent, words, lex):
        if hit.rejected_by or not cue_ok(hit.entry, padded):
            continue
        span = doc[hit.first:hit.last + 1]
        head = head_of(span)
        out.append(PloverTyping(hit.entry.sub.removeprefix("PLOVER:"), head.i,
                                f"lexicon:{PLOVER_FILE}#{hit.entry.id}:{span.text.lower()}", hit.entry.weight))
    out.sort(key=lambda t: (depth(doc[t.trigger_index], limit=50), -t.confidence, t.trigger_index))
    return out


def plover_coding(sent: Any, typings: Sequence[Typing] | None = None) -> tuple[str | None, str | None]:
    """(PLOVER type, rule) of a sentence's main happening.

    The ACLED typing's PLOVER coding, unless a verbal trigger governs it: in "X accused Y of
    shelling Z" the accusation (nearer the root of the parse) is the event.
    """
    acled = list(typings) if typings is not None else classify(sent)
    verbal = plover_typings(sent)
    doc = sent.doc
    best = min(acled, key=lambda t: (depth(doc[t.trigger_index], limit=50), -t.confidence), default=None)
    if best is not None and best.plover_type and (
            not verbal or
            depth(doc[best.trigger_index], limit=50) <= depth(doc[verbal[0].trigger_index], limit=50)):
        return best.plover_type, best.rule
    if verbal:
        return verbal[0].plover_type, verbal[0].rule
    return (best.plover_type, best.rule) if best is not None else (None, None)
