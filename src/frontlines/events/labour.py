"""Labour strikes: a strike, walkout or stoppage told of workers is a protest, not a metaphor.

The event gate reads "teachers striking in Gondor" as the metaphor or accident "strike" it learnt
from; the ACLED codebook codes a workers' strike or walkout as a Peaceful protest. :func:`labour_strike`
tells such a strike from the word's other senses by the parse: the strike word (a trigger of one of
``matching.yaml#labour_strike_entries``) is told of people who strike (``matching.yaml#strikers``:
workers, teachers, nurses, miners, detainees on hunger strike ...) as their verb with no object
("nurses struck for higher wages", not "struck a deal", "was struck by a car"), as the noun they
stage, join or are on ("the miners are on strike", "a strike by dockers", "the teachers' strike"), or
as the participle that describes them ("striking miners"). Its modality (threatened, planned, called
off) is read later, as for any event.
"""

from __future__ import annotations

from typing import Any

from .matching import load_matching

#: Dependency labels of a verb's object: a strike verb with one strikes something ("struck a deal").
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "auxpass", "attr", "acomp"})
#: Particles that make "strike" another verb ("struck down the law", "struck up a friendship", "struck off").
OTHER_PARTICLES = frozenset({"down", "up", "off", "back", "through"})
#: Prepositions whose object is who stages a strike noun ("a strike by nurses", "a walkout of dockers").
AGENT_PREPS = frozenset({"by", "of"})
#: How far up the parse the subject of a strike is looked for (conjoined and chained verbs).
MAX_UP = 4


def labour_strike(tok: Any, trigger_end: int) -> Any | None:
    """The token naming who strikes, when the trigger at ``tok`` (its head token; the trigger ends at
    character ``trigger_end``) is a strike by people who strike (``matching.yaml#strikers``); else ``None``."""
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ in ("VBG", "VBN")):
        if tok.dep_ == "amod":  # "striking miners"
            return _striker(tok.head)
        if any(c.dep_ in OBJECT_DEPS and c.idx >= trigger_end for c in tok.children) \
                or any(c.dep_ == "prt" and c.lower_ in OTHER_PARTICLES for c in tok.children):
            return None
        return _striker(_subject(tok))
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in tok.children:  # "the teachers' strike", "a dockers strike", "a strike by nurses"
        if c.dep_ in ("poss", "compound", "nmod") and _striker(c) is not None:
            return c
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS:
            found = next((_striker(g) for g in c.children if g.dep_ == "pobj"), None)
            if found is not None:
                return found
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "on":  # "doctors (are) on strike", "workers on strike"
        above = head.head
        return _striker(above) or _striker(_subject(above))
    if tok.dep_ in ("dobj", "obj", "nsubj"):  # "staged a walkout", "joined the strike", "their strike entered"
        return _striker(_subject(head)) if tok.dep_ != "nsubj" else None
    return None


def _subject(verb: Any) -> Any | None:
    """The subject of a verb, or of the verb or noun it hangs from ("teachers striking in Gondor",
    "marched and went on strike", "began striking")."""
    node = verb
    for _ in range(MAX_UP):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _striker(tok: Any | None) -> Any | None:
    """``tok`` if it (or a noun it holds: "thousands of workers", "members of the union") names people
    who strike."""
    if tok is None:
        return None
    words = load_matching()["strikers"]
    if tok.lower_ in words or tok.lemma_.lower() in words:
        return tok
    for c in tok.children:
        if c.dep_ == "compound" and (c.lower_ in words or c.lemma_.lower() in words):
            return tok
        if c.dep_ == "prep" and c.lower_ == "of":
            g = next((g for g in c.children if g.dep_ == "pobj"), None)
            if g is not None and (g.lower_ in words or g.lemma_.lower() in words):
                return g
    return None
