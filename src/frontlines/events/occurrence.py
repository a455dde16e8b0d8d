"""An incident noun told as having happened: "the raid took place in Bree", "clashes broke out".

:func:`occurrence_verb` finds the verb of occurrence (``matching.yaml#occurrence_verbs``) whose subject
is a trigger noun of one incident; :mod:`.mentions` reports such a noun the event gate would reject
as a metaphor or found too unlikely (issue 11, recall16).
"""

from __future__ import annotations

from typing import Any

from .matching import load_matching

__all__ = ["names_year", "occurrence_verb"]

#: Relative pronouns that stand for the noun a relative clause is on ("the violence that took place").
_RELATIVE = frozenset({"that", "which"})


def occurrence_verb(tok: Any, sent: Any) -> Any | None:
    """The verb of ``matching.yaml#occurrence_verbs`` ("occur", "happen", "take place", "break out") in
    the past, with no modal, negation or "if" on it, whose subject is the incident noun ``tok``
    (``#incident_nouns``, singular or plural: "the raid took place", "clashes broke out"), directly or
    through a relative clause on it ("the shooting that happened on Sunday"); ``None`` where there is none.
    Not in a sentence that names a year (an earlier incident retold keeps its own date, which this
    reading does not give)."""
    matching = load_matching()
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS") or tok.lemma_.lower() not in matching["incident_nouns"]:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every", "each") for c in tok.children):
        return None
    if tok.dep_ == "nsubj":
        verb = tok.head
    else:
        verb = next((c for c in tok.children if c.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in _RELATIVE for s in c.children)), None)
    if verb is None or verb.pos_ != "VERB" or not _occurrence(verb, matching["occurrence_verbs"]):
        return None
    kids = list(verb.children)
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids))
    blocked = any(c.tag_ == "MD" or c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("if", "unless"))
                  for c in kids)
    if not past or blocked or names_year(sent):
        return None
    return verb


def _occurrence(verb: Any, phrases: frozenset[str]) -> bool:
    """The verb, with its particle or object noun ("break out", "take place"), is one of ``phrases``."""
    lemma = verb.lemma_.lower()
    if lemma in phrases:
        return True
    return any(f"{lemma} {c.lower_}" in phrases for c in verb.children if c.dep_ in ("prt", "dobj"))


def names_year(sent: Any) -> bool:
    """A date of the sentence names a year ("in 2015", "the 1994 massacre", "the 2010s")."""
    return any(t.ent_type_ == "DATE" and t.text[:4].isdigit() and (len(t.text) == 4 or t.text[4:] == "s")
               for t in sent)
