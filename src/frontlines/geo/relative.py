"""Relative place phrases: "north of X", "the eastern countryside of X", "between A and B".

The phrase does not move the point (we cannot know how far "north of" is); it
lowers the precision to ``near`` or ``region`` and says how the point relates
to the anchor, which stays the resolved place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .words import words


@dataclass(frozen=True)
class Relation:
    """How a mention is placed: ``relation`` text and the precision it implies."""

    relation: str
    precision: str  # "near" or "region"


def _skip_settlement(doc: Any, i: int) -> int:
    """Index of the token before "the town of" / "the city of" preceding token ``i``."""
    if i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in words("settlement_nouns") and doc[i - 3].lower_ == "the":
        return i - 4
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in words("settlement_nouns"):
        return i - 3
    return i - 1


def relation_before(doc: Any, start: int) -> Relation | None:
    """The relative phrase ending right before token ``start``, if any."""
    k = _skip_settlement(doc, start)
    if k < 0:
        return None
    tok = doc[k]
    if tok.lower_ == "of" and k >= 1:
        head = doc[k - 1].lower_
        if head in words("directions"):
            return Relation(f"{head} of", "near")
        if head in words("region_nouns"):
            adj = doc[k - 2].lower_ if k >= 2 else ""
            text = f"{adj} {head} of" if adj in words("adj_directions") else f"{head} of"
            return Relation(text, "region")
        if head == "outskirts":
            return Relation("outskirts of", "near")
    if tok.lower_ in words("near_words"):
        return Relation(tok.lower_, "near")
    if tok.lower_ == "to" and k >= 1 and doc[k - 1].lower_ in {"close", "next"}:
        return Relation(f"{doc[k - 1].lower_} to", "near")
    if tok.lower_ == "between":
        return Relation("between", "region")
    if tok.lower_ in {"and"}:
        # "between A and B": look back a few tokens for "between" in the same sentence.
        for j in range(k - 1, max(k - 8, -1), -1):
            if doc[j].is_sent_start and doc[j].lower_ != "between":
                break
            if doc[j].lower_ == "between":
                return Relation("between", "region")
    return None
