"""One specific past incident told with its own toll, which the event gate reads as a total.

The rubric codes a specific occurrence however long ago ("the atomic bomb dropped on Osgiliath in 1945 killed
more than 70,000 people" is an air strike that occurred) and rejects totals without one ("the war has killed
400,000 people", "bombings have killed hundreds this year"). :func:`one_incident` tells the first kind;
:class:`.classify.EventTyper` keeps a typing it finds where the gate's likeliest out-of-scope kind is one of
``matching.yaml#one_incident_reasons``, at any P(event), with the rule ``rule:one-incident``. A total cue of the
sentence ("since 2011", "so far") still rejects it later (``rule:total-or-background``).
"""

from __future__ import annotations

from typing import Any

from .matching import load_matching
from .scope import definite_noun, load_scope
from .scope.anchoring import one_of_a_kind

#: What a typing's rule says when :func:`one_incident` kept it (:func:`.mentions.earlier_reference`: the gate read
#: the sentence as background, so the incident is an earlier one; with no date in its sentence its date is unknown).
ONE_INCIDENT_MARK = "; rule:one-incident"


def one_incident(tok: Any, sent: Any, incident_heads: set[int]) -> Any | None:
    """The noun of one incident told with its toll, for a typing whose trigger is ``tok``, or ``None``.

    The noun is the trigger itself or, for a verb trigger, its subject or the object of its "by"; it is a typed trigger of the sentence
    (``incident_heads``, token indices) or a noun of ``matching.yaml#incident_nouns``, singular, with "the", a
    demonstrative, a possessive, or "a"/"an" ("the bomb", "a car bomb", "the 1945 bombing", "last year's
    raid"), and not a war (``scope.yaml#war_nouns``: "the war killed 400,000"). It is the subject of a verb in
    the simple past with no auxiliary ("have killed" is a total), which (or a verb joined to it: "detonated
    above the city and killed over 140,000") is a verb of ``#casualty_verbs`` or ``#consequence_verbs`` whose
    object counts people with a number (:func:`_counted`: "killed more than 70,000 people", "claimed 40 lives"); or
    it is the agent of such a verb in the simple past passive whose subject counts so ("more than 70,000 people were
    killed by the atomic bomb"; not "have been killed by the bombing")."""
    matching = load_matching()
    noun = tok if tok.pos_ in ("NOUN", "PROPN") else next(
        (g for c in tok.children if c.dep_ in ("nsubj", "agent") for g in (c, *c.children) if g.dep_ in ("nsubj", "pobj")),
        None)
    if noun is None or noun.tag_ != "NN" or not (noun.dep_ == "nsubj" or _agent(noun)):
        return None
    if noun.i not in incident_heads and noun.lemma_.lower() not in matching["incident_nouns"]:
        return None
    if noun.lemma_.lower() in load_scope()["war_nouns"] or not (definite_noun(noun) or one_of_a_kind(noun)):
        return None
    tolls = set(matching["casualty_verbs"]) | set(matching["consequence_verbs"])
    if noun.dep_ == "pobj":  # "more than 70,000 people were killed by the atomic bomb"
        verb = noun.head.head
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        told = verb.tag_ == "VBN" and len(aux) == 1 and aux[0].tag_ == "VBD" and verb.lemma_.lower() in tolls
        return verb if told and _counted(verb, "nsubjpass") else None
    verb = noun.head
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    return next((v for v in (verb, *verb.conjuncts) if v.lemma_.lower() in tolls and _counted(v)), None)


def _agent(noun: Any) -> bool:
    """The noun is the object of a passive verb's "by" ("were killed by the bomb")."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


#: Prepositions before a bare count that stands for the verb's object ("killed over 140,000").
_COUNT_PREPS = frozenset({"over", "about", "around", "nearly", "almost"})


def _counted(verb: Any, dep: str = "dobj") -> bool:
    """The verb's direct object (``dep``: or its passive subject) counts with a number ("more than 70,000 people",
    "40 lives"), or a count follows it after a preposition of :data:`_COUNT_PREPS` ("killed over 140,000"; not
    "killed people in 1945")."""
    return any(t.like_num or t.ent_type_ == "CARDINAL" for c in verb.children if c.dep_ == dep for t in c.subtree) \
        or any(g.ent_type_ == "CARDINAL" for c in verb.children if c.dep_ == "prep" and c.lower_ in _COUNT_PREPS
               for g in c.children if g.dep_ == "pobj")
