"""What ties a typing to one specific occurrence (:func:`anchors`), and the rule that rejects
a narrative or generic statement with none."""

from __future__ import annotations

from typing import Any

from ..coreference import load_cues
from ..typings import Typing
from .base import Context, ScopeRule, bare, trigger_of, verb_of

#: Entity labels that anchor an event to one occurrence: a date or time, a place, a named person or organisation.
ANCHOR_ENTITIES = {"DATE": "date", "TIME": "date", "GPE": "place", "LOC": "place", "FAC": "place",
                   "PERSON": "named", "ORG": "named", "CARDINAL": "count", "QUANTITY": "count"}

#: Pronouns of a first-person account (a witness).
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})

#: Determiners that refer back to one incident ("the attack", "this raid", "its raid"), the one list of
#: ``incidents.yaml#anaphora_determiners`` (the possessives are ``poss`` children, read as such too).
DEFINITE = frozenset(load_cues()["anaphora_determiners"])


def anchors(t: Typing, ctx: Context) -> frozenset[str]:
    """What ties a typing to one specific occurrence: in the sentence a date or time, a place, a named
    person or organisation (or any proper noun), a number, a first-person account; a trigger, object or
    prepositional object that refers back to one thing ("the attack", "Sunday's raid", "dispersed the
    crowd"); an object or passive subject of a verb in the simple past that is one of a kind
    (:func:`one_of_a_kind`: "police shot dead a student during a protest"); or a date or place in an
    earlier sentence of the text (a report's later sentences).
    Empty: a narrative or generic statement."""
    out = {ANCHOR_ENTITIES[w.ent_type_] for w in ctx.sent if w.ent_type_ in ANCHOR_ENTITIES}
    if any(w.like_num and not w.ent_type_ for w in ctx.sent):
        out.add("count")
    if any(w.pos_ == "PROPN" and w.ent_type_ not in ("DATE", "TIME") for w in ctx.sent):
        out.add("named")
    if any(w.lower_ in FIRST_PERSON and w.pos_ == "PRON" for w in ctx.sent):
        out.add("first-person")
    tok = trigger_of(t, ctx)
    verb = verb_of(tok)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(definite_noun(w) for w in [tok, *objects]):
        out.add("definite")
    simple_past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children))
    if simple_past and any(one_of_a_kind(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        out.add("one")
    doc = ctx.sent.doc
    if any(w.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for w in doc[:ctx.sent.start]):
        out.add("context")
    return frozenset(out)


def definite_noun(tok: Any) -> bool:
    """A noun that refers back to one thing: "the attack", "this raid", "Sunday's raid", "the crowd"."""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE)
                                                 for c in tok.children)


def one_of_a_kind(tok: Any) -> bool:
    """A singular common noun with "a" or "an" ("shot dead a student", "a mill was burned by raiders"):
    one person or thing, where a bare plural names a kind."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _unanchored(t: Typing, ctx: Context) -> bool:
    """A typing with nothing that ties it to one occurrence (:func:`anchors`) whose doer or victim is
    a bare plural ("terrorists slaughtered policemen", "sent in forces to occupy the region"): a
    narrative or generic statement, no specific occurrence."""
    tok = trigger_of(t, ctx)
    verb = verb_of(tok)
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [g for c in verb.children if c.dep_ in ("agent", "prt") for g in c.children if g.dep_ == "pobj"]
    return any(a.tag_ in ("NNS", "NNPS") and bare(a) for a in args) and not anchors(t, ctx)


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
UNANCHORED = ScopeRule("unanchored", _unanchored)
