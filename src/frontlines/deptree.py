"""Bounded walks up a spaCy dependency tree: one implementation for every rule that climbs the parse.

Each walk stops at the sentence's root (a root is its own head: ``tok.head.i == tok.i``; spaCy makes a new
``Token`` on each access, so ``tok.head is tok`` is never true), so no walk loops on a root whatever its
condition says; ``limit`` bounds the number of steps further. :func:`run_right` and :func:`run_left` scan
along the tokens instead, within given bounds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

#: Parts of speech that head a clause ("the army shelled the town") and a noun phrase.
VERBS = ("VERB", "AUX")
NOMINALS = ("NOUN", "PROPN")

Test = Callable[[Any], bool]


def _head(tok: Any) -> Any:
    return tok.head


def is_root(tok: Any) -> bool:
    """Whether ``tok`` heads its sentence (spaCy makes a root its own head)."""
    return bool(tok.head.i == tok.i)


def ascent(tok: Any, go_on: Test, *, hop: Callable[[Any], Any] = _head, limit: int | None = None) -> Iterator[Any]:
    """The tokens reached going up from ``tok``, nearest first: a step to ``hop(t)`` (its head by default)
    while ``go_on(t)`` holds of the token ``t`` last reached, never past the root, at most ``limit`` steps."""
    steps = 0
    while (limit is None or steps < limit) and go_on(tok):
        up = hop(tok)
        if up.i == tok.i:
            return
        tok, steps = up, steps + 1
        yield tok


def path(tok: Any, go_on: Test, *, hop: Callable[[Any], Any] = _head, limit: int | None = None) -> Iterator[Any]:
    """``tok``, then the tokens :func:`ascent` reaches from it: every token a walk up visits, ``limit`` + 1 at
    most ("seized", "agreed" for "seized" in "Gondor agreed and seized the ford", climbing conj arcs)."""
    yield tok
    yield from ascent(tok, go_on, hop=hop, limit=limit)


def path_to(tok: Any, top: Any, go_on: Test = lambda t: True, *, limit: int | None = None) -> list[Any] | None:
    """The tokens from ``tok`` up to ``top``, both included, each step taken from a token ``go_on`` holds of
    (at most ``limit`` steps); ``None`` when the walk stops short of ``top`` (``top`` is not above ``tok``)."""
    visited = list(path(tok, lambda t: t.i != top.i and go_on(t), limit=limit))
    return visited if visited[-1].i == top.i else None


def climb(tok: Any, go_on: Test, *, hop: Callable[[Any], Any] = _head, limit: int | None = None) -> Any:
    """Where :func:`ascent` ends: the last token reached, ``tok`` itself when no step is taken."""
    for up in ascent(tok, go_on, hop=hop, limit=limit):
        tok = up
    return tok


def up_through(tok: Any, deps: Collection[str], *, head_pos: Collection[str] | None = None) -> Any:
    """Up arcs labelled ``deps`` (to heads of ``head_pos`` only, when given): "heavy" in "moved heavy siege
    engines" climbs its amod and compound arcs to "engines"."""
    return climb(tok, lambda t: t.dep_ in deps and (head_pos is None or t.head.pos_ in head_pos))


def first_conjunct(tok: Any, *, head_pos: Collection[str] | None = None) -> Any:
    """The first of the conjuncts ``tok`` is one of ("orcs" for "trolls" in "orcs, wargs and trolls"), through
    heads of ``head_pos`` only when given; ``tok`` itself when it is no conjunct."""
    return up_through(tok, ("conj",), head_pos=head_pos)


def clause_verb(tok: Any) -> Any:
    """The verb heading the clause a token is in ("burned" for "farms" in "orcs burned the farms"), the
    sentence's root at most (a verbless sentence's root noun)."""
    return climb(tok, lambda t: t.pos_ not in VERBS)


def above(tok: Any, *, limit: int | None = None) -> Iterator[Any]:
    """The tokens above ``tok``, nearest first, up to its sentence's root (``limit`` of them at most)."""
    return ascent(tok, lambda t: True, limit=limit)


def depth(tok: Any, *, limit: int | None = None) -> int:
    """How many arcs separate ``tok`` from its sentence's root (``limit`` at most)."""
    return sum(1 for _ in above(tok, limit=limit))


def of_object(tok: Any, *, head_pos: Collection[str] = NOMINALS) -> bool:
    """Whether ``tok`` is the object of "of" on a word of ``head_pos`` ("massacre" in "the victims of the
    massacre")."""
    return bool(tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in head_pos)


def of_head(tok: Any) -> Any:
    """The word the of-phrase of an object of "of" hangs on ("victims" for "massacre"; see :func:`of_object`)."""
    return tok.head.head


def run_right(doc: Any, i: int, holds: Test, *, end: int | None = None) -> int:
    """Where the run of tokens from index ``i`` on that ``holds`` holds of ends: the first index from ``i``
    whose token fails, or ``end`` (the end of ``doc`` at most) when all do ("Minas Tirith" from "Minas" in
    "near Minas Tirith today", a run of capitalised words, ends at "today")."""
    stop = len(doc) if end is None else min(end, len(doc))
    while i < stop and holds(doc[i]):
        i += 1
    return i


def run_left(doc: Any, i: int, holds: Test, *, start: int = 0) -> int:
    """Where the run of tokens just before index ``i`` that ``holds`` holds of begins: ``i`` when the token
    before fails, never below ``start`` (nor 0) ("Minas" for "today" in "near Minas Tirith today")."""
    stop = max(start, 0)
    while i > stop and holds(doc[i - 1]):
        i -= 1
    return i
