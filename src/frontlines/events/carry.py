"""Actors carried through an article (issue 12).

A sentence often names its actor in an earlier one: "they", "the group", "its fighters" stand for
the most recent compatible actor named before ("The Iraqi group Al Hashd Al Shaabi ... One of the
commanders in the group said they ... attack"), and a passive without agent ("control over several
villages was established") is the work of the force the previous event of that kind named. The
carried actor keeps the offsets of the mention that named it; its ``rule`` says which sentence.
Earlier sentences are scanned for actors only when a sentence needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..deptree import above, path_to
from ..records import Actor, Event
from . import roles

#: How many sentences back an anaphor or an agentless passive may reach.
ANAPHOR_REACH = 3
PASSIVE_REACH = 2
#: Subject nouns that refer back to an armed group named before ("the group", "its fighters").
ANAPHORS = frozenset({"group", "militants", "fighters", "insurgents", "organization", "organisation", "movement",
                      "militia", "militiamen", "jihadists", "terrorists"})
_DETERMINERS = frozenset({"the", "its", "their", "this", "these"})
_ARMED = (2, 3, 4)


@dataclass
class Memory:
    """What the sentences before the current one named: actors (scanned on demand) and events' actor1."""

    scan: Callable[[int], list[Actor]]  # sentence index → its actor mentions
    found: dict[int, list[Actor]] = field(default_factory=dict)
    actor1s: list[tuple[int, str | None, Actor]] = field(default_factory=list)  # (sentence, event type, actor1)

    def actors_of(self, k: int) -> list[Actor]:
        if k not in self.found:
            self.found[k] = self.scan(k)
        return self.found[k]

    def named_before(self, n: int, accept: Callable[[Actor], bool]) -> tuple[Actor, int] | None:
        """The last accepted named actor of the ``ANAPHOR_REACH`` sentences before sentence ``n`` (an unidentified
        armed group is not named)."""
        for k in range(n - 1, max(-1, n - 1 - ANAPHOR_REACH), -1):
            named = [a for a in self.actors_of(k) if a.id is not None and a.generic_type != "armed group" and accept(a)]
            if named:
                return named[-1], k
        return None

    def actor1_before(self, n: int, event_type: str | None) -> tuple[Actor, int] | None:
        """actor1 of the last event of this type told in the ``PASSIVE_REACH`` sentences before ``n``."""
        for k, etype, a in reversed(self.actor1s):
            if n - PASSIVE_REACH <= k < n and etype == event_type:
                return a, k
        return None

    def remember(self, n: int, event_type: str | None, actor1: Actor | None) -> None:
        if actor1 is not None and actor1.inter not in (None, 5, 6, 7):
            self.actor1s.append((n, event_type, actor1))


def _armed(a: Actor) -> bool:
    return a.inter in _ARMED


def _force(a: Actor) -> bool:
    return a.inter in (1, 2, 3, 4, 8)


def anaphor(tok: Any) -> bool:
    """A pronoun ("they") or a definite armed-group noun ("the group", "its fighters")."""
    if tok.lower_ in roles.PRONOUNS:
        return True
    return tok.lower_ in ANAPHORS and any(c.dep_ in ("det", "poss") and c.lower_ in _DETERMINERS
                                          for c in tok.children)


def _carried(actor: Actor, k: int, why: str) -> Actor:
    return replace(actor, rule=f"{actor.rule}; carry:{why} (named in sentence {k + 1}: '{actor.text}')")


def _agentless_passive(trigger: Any) -> bool:
    """The trigger's clause is passive and names no agent ("control over ... was established")."""
    verbs = [trigger, trigger.head]
    passive = trigger.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for v in verbs for c in v.children)
    return passive and not any(c.dep_ == "agent" for v in verbs for c in v.children)


def governing_subject(trigger: Any) -> Any | None:
    """The first subject met climbing from the trigger to the root ("they" in "... said they are awaiting
    the hour to attack X", however the parse attaches "to attack")."""
    return next((c for t in (trigger, *above(trigger, limit=5)) for c in t.children
                 if c.dep_ in ("nsubj", "nsubjpass") and c.i != trigger.i), None)


def carry_actor1(trigger: Any, event_type: str | None, n: int, r: roles.Roles, memory: Memory) -> roles.Roles:
    """actor1 from the sentences before when sentence ``n`` names it only by an anaphor ("they", "the group",
    also when the dictionary made "the militants" a generic group) or not at all (a passive without agent)."""
    a1 = r.actor1
    subj = governing_subject(trigger)
    generic = a1 is not None and a1.generic_type in ("armed group", "rebels") and (
        a1.text.split(" ", 1)[0].lower() in _DETERMINERS  # "the militants" as the mention
        or (subj is not None and anaphor(subj) and a1.text.lower().endswith(subj.lower_)))  # "the" left out of it
    if a1 is not None and not generic:
        return r
    hit: tuple[Actor, int] | None = None
    why = ""
    if generic or (subj is not None and subj.dep_ == "nsubj" and anaphor(subj)):
        word = a1.text if generic and a1 is not None else subj.text if subj is not None else ""
        hit, why = memory.named_before(n, _armed if generic else _force), f"anaphor '{word}'"
    elif a1 is None and _agentless_passive(trigger):
        hit, why = memory.actor1_before(n, event_type), "passive-without-agent"
    if hit is None:
        return r
    actor, k = hit
    rules = {**r.rules, "actor1": f"carry:{why}"}
    return replace(r, actor1=_carried(actor, k, why), rules=rules)


#: Objects of "claim" that make it a claim of an attack ("claimed responsibility", "claimed the blast").
CLAIMED = frozenset({"responsibility", "attack", "attacks", "bombing", "bombings", "blast", "explosion", "killing",
                     "killings", "assault", "strike", "ambush", "raid", "operation"})
#: Event types whose perpetrator a claim names.
CLAIMABLE = frozenset({"Explosions/Remote violence", "Violence against civilians", "Battles"})


#: Verbs of a statement whose clause says the speaker did it ("X said one of its fighters carried out the attack").
STATED = frozenset({"say", "announce", "state", "confirm"})
#: Verbs of doing an attack in such a clause.
CARRIED_OUT = frozenset({"carry", "conduct", "perpetrate", "execute", "launch"})
#: Verbs of striking whose subject, the speaker's own force ("its aircraft", "their fighters"), makes a statement
#: an admission of the strike ("X said its aircraft had targeted an arms depot").
STRUCK = frozenset({"target", "strike", "hit", "bomb", "shell"})
#: Possessives by which a speaker names its own force.
OWN = frozenset({"its", "their", "our"})
#: Words a sentence needs before it is parsed for a claim.
CLAIM_CUES = ("claim", "carried out", "conducted", "its ", "their ", "our ")


def _claims(tok: Any) -> bool:
    """ "X claimed responsibility / the attack", or "X said (that) it / its fighters carried out the attack"."""
    if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
        return False
    if tok.lemma_ == "claim":
        return any(c.dep_ == "dobj" and c.lower_ in CLAIMED for c in tok.children)
    return tok.lemma_ in STATED and any(
        c.lemma_ in CARRIED_OUT and _reported_by(c, tok) and not any(g.dep_ == "neg" for g in c.children)
        and any(g.dep_ == "dobj" and g.lower_ in CLAIMED for g in c.children) for c in tok.subtree) or (
        tok.lemma_ in STATED and any(_own_strike(c) for c in tok.children if c.dep_ == "ccomp"))


def _own_strike(clause: Any) -> bool:
    """ "its aircraft had targeted ...": a strike whose subject is the speaker's own force."""
    return clause.lemma_ in STRUCK and not any(g.dep_ == "neg" for g in clause.children) and any(
        g.dep_ in ("nsubj", "nsubjpass") and any(p.dep_ == "poss" and p.lower_ in OWN for p in g.children)
        for g in clause.children)


def _reported_by(clause: Any, verb: Any) -> bool:
    """Whether ``clause`` is what ``verb`` reports: its complement, or the content of its statement ("said in a
    statement that ...")."""
    reached = path_to(clause, verb, lambda t: t.dep_ in ("ccomp", "acl", "pobj", "prep"), limit=4)
    return reached is not None and clause.i != verb.i


def _claimant(sent: Any, mentions: list[Actor]) -> Actor | None:
    """The named armed actor that is the subject of a claim (:func:`_claims`) in ``sent``."""
    for tok in sent:
        if not _claims(tok):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        words = subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text  # as written: "Haftar's forces"
        named = [a for a in mentions if a.id is not None and _force(a) and a.text and a.text in words]
        if named:
            return named[0]
    return None


def _carried_out_by(sent: Any, mentions: list[Actor]) -> Actor | None:
    """The named armed actor by whom the sentence says the incident ("the strike", "the attack") was carried
    out: "The strike, believed to have been carried out by the coalition, ..."; "The attack was carried out by X"."""
    for tok in sent:
        if tok.lemma_ not in CARRIED_OUT or any(c.dep_ == "neg" for c in tok.children):
            continue
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        deed, hops = tok, 0
        while deed.dep_ in ("xcomp", "acl") and hops < 3:  # "the strike, believed to have been carried out"
            deed, hops = deed.head, hops + 1
        told = deed if deed.i != tok.i else next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if agent is None or told is None or told.lower_ not in CLAIMED \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in told.children):
            continue
        words = sent.doc[agent.left_edge.i:agent.right_edge.i + 1].text
        named = [a for a in mentions if a.id is not None and _force(a) and a.text and a.text in words]
        if named:
            return named[0]
    return None


def unnamed_perpetrator(actor1: Actor | None) -> bool:
    """No actor1, a generic unidentified armed group ("gunmen", "a suicide bomber"), or a weapon or force
    that no dictionary actor flies or commands ("a drone", "warplanes" of no named state)."""
    return actor1 is None or actor1.generic_type == "armed group" or (
        actor1.id is None and actor1.generic_type is not None)


def claimed(events: list[Event], sents: list[Any], memory: Memory) -> list[Event]:
    """actor1 of an attack whose perpetrator the article names only in a later claim ("Al Shabaab claimed the
    attack", "X claimed responsibility", "X said one of its fighters carried out the attack", "X said its
    aircraft had targeted an arms depot"): the last bombing, attack or clash told before the first claim
    sentence takes the claimant when it names no perpetrator; the evidence names the claim's sentence."""
    if not any(e.event_type in CLAIMABLE and unnamed_perpetrator(e.actor1) for e in events):
        return events
    for k, sent in enumerate(sents):
        low = sent.text.lower()
        if not any(cue in low for cue in CLAIM_CUES):
            continue
        who = _claimant(sent, memory.actors_of(k)) or _carried_out_by(sent, memory.actors_of(k))
        if who is None:
            continue
        before = [e for e in events if e.event_type in CLAIMABLE and e.start < sent.start_char]
        target = max(before, key=lambda e: e.start, default=None)
        if target is None or not unnamed_perpetrator(target.actor1):
            return events
        carried = _carried(who, k, "claim")
        return [replace(e, actor1=carried, evidence={**e.evidence, "actor1": carried.rule}) if e is target else e
                for e in events]
    return events
