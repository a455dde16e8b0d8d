"""What ties a typing to one specific occurrence (:func:`anchors`), and the rule that rejects
a narrative or generic statement with none."""

from __future__ import annotations

from typing import Any

from ..coreference import load_cues
from ..modality import load_modality
from ..roles import classes_of
from ..typings import Typing
from .base import Context, ScopeRule, bare, load_scope, trigger_of, verb_of

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
    a bare plural ("terrorists slaughtered policemen", "they sent in forces to occupy the region"): a
    narrative or generic statement, no specific occurrence; unless the bare plurals are one actor's own
    forces (:func:`own_forces_moved`)."""
    tok = trigger_of(t, ctx)
    verb = verb_of(tok)
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [g for c in verb.children if c.dep_ in ("agent", "prt") for g in c.children if g.dep_ == "pobj"]
    plurals = [a for a in args if a.tag_ in ("NNS", "NNPS") and bare(a)]
    return bool(plurals) and not anchors(t, ctx) and not own_forces_moved(verb, plurals, ctx)


#: The sides an actor and its forces share (``triggers.yaml#classes``).
_SIDES = frozenset({"state", "nonstate"})


def own_forces_moved(verb: Any, plurals: list[Any], ctx: Context) -> bool:
    """A verb in the simple past (or coordinated with one, sharing its subject) whose subject is a singular
    definite noun of a side (``state``, ``nonstate``) and whose bare plurals are all its objects of that same
    side ("the new government refused and instead sent in military forces to occupy the region"): one actor
    told moving its own forces, as a bare plural names them; not its victims nor its enemies ("the government
    jailed dissidents", "the army killed militants": a kind of people, no occurrence)."""
    shared = verb.head if verb.dep_ == "conj" else verb
    if verb.tag_ != "VBD" and shared.tag_ != "VBD":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [c for c in shared.children if c.dep_ == "nsubj"]
    doers = [s for s in subjects if s.tag_ == "NN" and definite_noun(s)]
    if len(doers) != 1 or any(p.dep_ != "dobj" for p in plurals):
        return False
    side = _sides(doers[0], ctx)
    return bool(side) and all(side & _sides(p, ctx) for p in plurals)


def _sides(tok: Any, ctx: Context) -> frozenset[str]:
    """The sides (:data:`_SIDES`) a noun's classes name, with its compounds and adjectives ("military forces")."""
    return frozenset(classes_of([tok, *(c for c in tok.children if c.dep_ in ("compound", "amod"))], ctx.lexicon)
                     & _SIDES)


def placing_word(t: Typing, ctx: Context) -> Any | None:
    """The preposition of ``modality.yaml#presupposed.preps`` that places a definite or possessive trigger noun of
    ``scope.yaml#placed_only_nouns`` (:func:`definite_noun`) in time as one earlier occurrence ("since last month's
    Mordor invasion", "following the invasions of Ithilien"), or ``None``. The typing keeps it as evidence
    (``; presupposed:'<word>' (placed)``): an earlier incident, never of the article's date."""
    tok = trigger_of(t, ctx)
    if tok.lemma_.lower() not in load_scope()["placed_only_nouns"] or not definite_noun(tok) or tok.dep_ != "pobj":
        return None
    return tok.head if tok.head.lower_ in load_modality()["presupposed"]["preps"] else None


def _unplaced_invasion(t: Typing, ctx: Context) -> bool:
    """A trigger noun of ``scope.yaml#placed_only_nouns`` that the sentence does not place in time as one
    occurrence (:func:`placing_word`): "an invasion would be a disaster", "fears of an invasion", "prepared for a
    Mordor invasion", "in 2003, when Rohan endorsed the invasion of Harad" (a comparison) name none; the rule
    holds for a mention rule's typing too ("the 2003 invasion changed the region"; "after the 2003 invasion" stays)."""
    return trigger_of(t, ctx).lemma_.lower() in load_scope()["placed_only_nouns"] and placing_word(t, ctx) is None


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
UNANCHORED = ScopeRule("unanchored", _unanchored)
UNPLACED_INVASION = ScopeRule("unplaced-invasion", _unplaced_invasion)
