"""Protests by people: a strike, walkout or demonstration that named people stage is a protest.

The event gate reads "teachers striking in Gondor" as the metaphor or accident "strike" it learnt
from, and "nurses demonstrated outside the hospital over the virus ward" as news of a disease; the
ACLED codebook codes a workers' strike or walkout, and any demonstration, as a Peaceful protest.
:func:`protest_by` tells such a protest from the word's other senses by the parse: the protest word (a
trigger of one of ``matching.yaml#protest_by_people_entries``) is told of people who protest
(``matching.yaml#protesting_people``: workers, teachers, nurses, residents, families, detainees on hunger
strike ...) as their verb with no object ("nurses struck for higher wages", "residents demonstrated";
not "struck a deal", "was struck by a car", "demonstrated their skill"), as the noun they stage, join
or are on ("the miners are on strike", "a strike by dockers", "the teachers' strike", "residents held a
rally"), or as the participle that describes them ("striking miners"); a noun that names them as protesting
(``matching.yaml#protesters_named``: "signs carried by the strikers") is who protests itself. Its modality (threatened,
planned, called off) is read later, as for any event. :func:`protests_by_people` gives the typings of a
sentence that are such protests; the typing stage keeps them from :data:`PROTEST_BY_PEOPLE_MIN` P(event).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...deptree import path
from ..gate import GateVerdict
from ..matching import load_matching
from ..typings import Typing

#: Dependency labels of a verb's object: a protest verb with one does something else ("struck a deal",
#: "demonstrated their skill").
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "auxpass", "attr", "acomp"})
#: Particles that make "strike" another verb ("struck down the law", "struck up a friendship", "struck off").
OTHER_PARTICLES = frozenset({"down", "up", "off", "back", "through"})
#: Prepositions whose object is who stages a protest noun ("a strike by nurses", "a walkout of dockers").
AGENT_PREPS = frozenset({"by", "of"})
#: How far up the parse the subject of a protest verb is looked for (conjoined and chained verbs).
MAX_UP = 4
#: A protest by named people (:func:`protest_by`: "teachers striking in Gondor", "nurses
#: demonstrated outside the virus ward") that the lexicon typed stands from this P(event): the gate reads
#: many such strikes as the word's metaphors or accidents ("struck a deal", "was struck by a car"), and
#: protests over a disease as the disease, which the parse tells apart.
PROTEST_BY_PEOPLE_MIN = 0.02


def protest_by(tok: Any, trigger_end: int) -> Any | None:
    """The token naming who protests, when the trigger at ``tok`` (its head token; the trigger ends at
    character ``trigger_end``) is a protest by people (``matching.yaml#protesting_people``); else ``None``."""
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ in ("VBG", "VBN")):
        if tok.dep_ == "amod":  # "striking miners"
            return _people(tok.head)
        if any(c.dep_ in OBJECT_DEPS and c.idx >= trigger_end for c in tok.children) \
                or any(c.dep_ == "prt" and c.lower_ in OTHER_PARTICLES for c in tok.children):
            return None
        return _people(_subject(tok))
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.lower_ in load_matching()["protesters_named"]:  # "signs carried by the strikers": they protest
        return tok
    for c in tok.children:  # "the teachers' strike", "a dockers strike", "a strike by nurses"
        if c.dep_ in ("poss", "compound", "nmod") and _people(c) is not None:
            return c
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS:
            found = next((_people(g) for g in c.children if g.dep_ == "pobj"), None)
            if found is not None:
                return found
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "on":  # "doctors (are) on strike", "workers on strike"
        above = head.head
        return _people(above) or _people(_subject(above))
    if tok.dep_ in ("dobj", "obj", "nsubj"):  # "staged a walkout", "joined the strike", "their strike entered"
        return _people(_subject(head)) if tok.dep_ != "nsubj" else None
    return None


def _subject(verb: Any) -> Any | None:
    """The subject of a verb, or of the verb or noun it hangs from ("teachers striking in Gondor",
    "marched and went on strike", "began striking", "teachers who struck")."""
    for node in path(verb, lambda t: t.dep_ in ("conj", "xcomp", "advcl"), limit=MAX_UP - 1):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None and node.dep_ == "relcl" and subj.tag_ in ("WP", "WDT"):
            return node.head  # "teachers who struck last week"
        if subj is not None:
            return subj
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
    return None


def _people(tok: Any | None) -> Any | None:
    """``tok`` if it (or a noun it holds: "thousands of workers", "members of the union") names people
    who protest."""
    if tok is None:
        return None
    words = load_matching()["protesting_people"]
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


def protests_by_people(sent: Any, typings: list[Typing], verdict: GateVerdict) -> list[Typing]:
    """The typings of a sentence that are protests by people (a trigger of
    ``matching.yaml#protest_by_people_entries`` told of people who protest, :func:`protest_by`),
    each with who protests in its rule."""
    entries = load_matching()["protest_by_people_entries"]
    out = []
    for t in typings:
        entry = t.rule.partition("#")[2].partition(":")[0]
        if t.sub_event_type != "Peaceful protest" or entry not in entries:
            continue
        who = protest_by(sent.doc[t.trigger_index], t.trigger_end)
        if who is not None:
            out.append(replace(t, rule=f"{t.rule}; rule:protest-by-people ({who.text.lower()}, "
                                       f"P(event) {verdict.p_event:.3f})"))
    return out
