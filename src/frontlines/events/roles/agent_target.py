"""Who acts and who is hit around a trigger, as tokens, for the typing step's agent/target class conditions.

:func:`trigger_roles` gives the agent and target tokens of a trigger token (the subject of an active verb or
the "by X" of a passive one; the object, the passive subject, "on/at/against/of X"); :func:`classes_of` the
actor/object classes whose cues tokens contain. Assembly's actor roles are ``parse.py``'s (:func:`.parse.assign`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ...deptree import NOMINALS, VERBS, above, path
from ..ontology import Lexicon, norm_text
from .parse import PASSIVE_DEPS, load_roles, reported_clause

_CLIMB = {"advcl", "xcomp", "conj", "pcomp", "ccomp"}
_AGENT_PREPS = {"by", "between", "among", "involving", "from"}
_TARGET_PREPS = {"on", "at", "against", "of", "into", "upon", "targeting"}

#: Heads whose "of X" names who they are: "units of the army", "dozens of men", "control of the town".
_OF_HEADS = {"control", "part", "parts", "rest", "most", "some", "number", "group", "groups", "member", "members",
             "dozens", "hundreds", "thousands", "scores", "unit", "units", "body", "bodies", "elements", "element",
             "many", "several", "all", "each", "none", "couple", "team", "teams", "squad", "contingent",
             "residents", "remnants", "fighters", "supporters", "crowd", "hundred", "thousand", "dozen",
             "shipment", "cache", "consignment", "quantity", "quantities", "stockpile", "haul", "load", "batch",
             "boxes", "crates", "amount", "stock", "stocks", "kilograms", "tons", "tonnes", "pieces"}


@lru_cache(maxsize=1)
def _of_heads() -> frozenset[str]:
    """:data:`_OF_HEADS` and ``roles.yaml#leader_heads``: "the deputy commander of a militia" is of the militia."""
    return frozenset(_OF_HEADS | set(load_roles()["leader_heads"]))


def core(tok: Any, depth: int = 0) -> list[Any]:
    """A noun phrase's head with its modifiers, conjuncts and appositions ("the men, members of the
    militia"), not its clauses: in "civilians accused of spying for the army" the civilians are hit,
    not the army."""
    out = [tok]
    for c in tok.children:
        dep = c.dep_
        if dep in ("compound", "poss", "amod", "nummod", "nmod", "quantmod") and c.i < tok.i:
            out += list(c.subtree)  # "pro-Houthi fighters", not "posts critical of the army"
        elif dep in ("compound", "nummod"):
            out.append(c)
        elif dep in ("conj", "appos") and depth < 4:  # "NW, some 200 members of the black bloc"
            out += core(c, depth + 1)
        elif dep == "prep" and c.lower_ == "of" and depth < 3 and (tok.lower_ in _of_heads() or tok.like_num):
            out += [t for p in c.children if p.dep_ == "pobj" for t in core(p, depth + 1)]
    return out


def pobjs(prep: Any) -> list[Any]:
    """The cores of a preposition's objects."""
    return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in core(c)]


def trigger_roles(trig: Any) -> tuple[list[Any], list[Any]]:
    """Tokens of who acts and of who/what is hit, for a trigger token (both may be empty).

    Verbs: subject (or passive agent "by X") and object (direct object, passive subject,
    "on/at/against/of X"); a verb with no subject of its own borrows its head clause's
    ("..., killing five": the killers are the main clause's subject). Nouns: modifiers
    ("rebel attack"), "by/between X", "on/against X", then the verb they hang on.
    """
    agent: list[Any] = []
    target: list[Any] = []
    verb = trig
    if trig.pos_ not in ("VERB", "AUX"):
        for child in trig.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
                agent += list(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in _AGENT_PREPS:
                agent += pobjs(child)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                target += pobjs(child)
        if trig.dep_ not in ("dobj", "nsubj", "attr", "pobj", "conj", "appos") or trig.head.pos_ not in ("VERB", "AUX"):
            return agent, target
        verb = trig.head
    # a participle that describes a noun ("soldiers killed by Isis", "farmers shot near Bree") is passive
    passive = any(c.dep_ in PASSIVE_DEPS for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    prep_targets: list[Any] = []
    objects: list[Any] = []  # the direct objects' heads
    # up to two clauses up till an agent is found ("..., killing five": the main clause's subject)
    for node in path(verb, lambda t: t.dep_ in _CLIMB and not reported_clause(t), hop=_clause_head, limit=2):
        for child in node.children:
            dep = child.dep_
            if dep == "nsubj" and not agent:
                # "a group of people that attacked ...": the relative pronoun stands for the noun (the
                # trigger's own clause only: "militants, which used wiretaps to gather evidence" gather nobody)
                relative = node is verb and child.tag_ in ("WDT", "WP") and node.dep_ == "relcl"
                agent += core(node.head) if relative else core(child)
            elif dep == "agent":
                agent += pobjs(child)
            elif node is verb and child.i != trig.i and dep in ("nsubjpass", "dobj"):
                # "the bomb that Gondor dropped": the relative pronoun object stands for the noun the clause describes
                relative = dep == "dobj" and child.tag_ in ("WDT", "WP") and node.dep_ == "relcl"
                target += core(node.head) if relative else core(child)
                objects += [child, *child.conjuncts] if dep == "dobj" else [child]
            elif node is verb and dep == "prep" and child.lower_ in ("between", "among"):
                agent += pobjs(child)
            elif node is verb and dep == "prep" and child.lower_ in _TARGET_PREPS:
                # "On 4 May, gunmen shot ...": a date names when, not who is hit
                prep_targets += [t for t in pobjs(child) if t.ent_type_ not in ("DATE", "TIME")]
        if passive and node.dep_ == "acl" and node.head not in target:
            target.append(node.head)  # the noun a passive participle describes is hit, whoever the agent
        if agent:
            break
        if node.dep_ in ("relcl", "acl") and not reported_clause(node) and not (passive and node.dep_ == "acl"):
            agent.append(node.head)  # "forces that attacked": the noun a relative clause hangs on
    if not target and not passive:
        target = shared_object(verb)
    if len(agent) == 1 and agent[0].pos_ == "PRON" and verb.dep_ == "ccomp":
        # "The rebels said they had captured ...": they = the reporting verb's subject
        agent = [t for c in verb.head.children if c.dep_ == "nsubj" for t in core(c)] or agent
    agent, target = _adverbial_antecedent(agent, verb), _adverbial_antecedent(target, verb)
    target = object_antecedent(target, verb)
    if not agent and not passive and verb.i > verb.sent.start and verb.dep_ != "pcomp":
        # not for "after/before/by liberating ...": the nouns before are the clause's objects
        agent = left_context(verb)
    # "fired at positions", "attacked a civilian at a police station": an object beats a place
    if not target or all(t.lower_ in _OF_HEADS for t in target):  # "took control" + "of X"
        target = target + prep_targets
    elif prep_targets and (all(t.lower_ in load_roles()["phrase_objects"] for t in target)  # "opened fire on X"
                           or all(t.lemma_.lower() in load_roles()["instrument_objects"] for t in objects)):
        target = prep_targets  # "fired mortars at the positions of X"
    return agent, target


def shared_object(verb: Any) -> list[Any]:
    """The direct object of the verb it is joined to, for a verb with no object of its own and the
    next verb with no subject of its own ("gunmen shot and killed a civilian": the civilian was shot too)."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i:
            if any(d.dep_ in ("nsubj", "nsubjpass", "auxpass") for d in c.children):
                return []
            return [t for d in c.children if d.dep_ == "dobj" for t in core(d)]
    return []


def _clause_head(node: Any) -> Any:
    """The clause a clause hangs on: its head, or past the preposition for a clause after one ("..., after
    liberating the town": the clause's subject is the verb's the preposition hangs on)."""
    by_prep = node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in VERBS
    return node.head.head if by_prep else node.head


def _adverbial_antecedent(role: list[Any], verb: Any) -> list[Any]:
    """A role that is only a personal pronoun subject of an adverbial clause, read as the subject of the
    clause it hangs on when that is a noun before it ("the soldiers rested before they were deployed to
    Gondor": they = the soldiers; through "were forced to ..."); else the role as it is."""
    if len(role) != 1 or role[0].lower_ not in ("they", "he", "she") or role[0].head.i != verb.i \
            or verb.dep_ != "advcl":
        return role
    clause = path(verb.head, lambda t: t.dep_ in ("xcomp", "conj"), limit=2)
    subj = next((c for t in clause for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return core(subj) if subj is not None and subj.pos_ in NOMINALS and subj.i < role[0].i else role


def object_antecedent(role: list[Any], verb: Any) -> list[Any]:
    """A target that is only "it", the direct object of the verb, read as the direct object (a noun before it) of
    the nearest verb the verb's clause hangs under ("forces retook the village after fighting with orcs who
    overran it": it = the village, a place; "contractors who overran it", a budget, stay of no class). Issue 11,
    second29b."""
    if len(role) != 1 or role[0].lower_ != "it" or role[0].dep_ != "dobj" or role[0].head.i != verb.i:
        return role
    node = next((up for up in above(verb, limit=8) if up.pos_ in VERBS), None)
    obj = next((c for c in node.children if c.dep_ == "dobj"), None) if node is not None else None
    if obj is not None and obj.pos_ in NOMINALS and obj.i < role[0].i:
        return core(obj)
    return role


def left_context(verb: Any) -> list[Any]:
    """When the parse gives a verb no subject: the nouns before it, back to the previous verb
    (dates and numbers left out)."""
    out: list[Any] = []
    for tok in reversed(verb.sent[: verb.i - verb.sent.start]):
        if tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod"):
            break
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
            out.append(tok)
    return out[::-1]


_FORMER = {"former", "retired", "ex", "off-duty"}
_PROTESTING = {"protest", "demonstrate", "march", "rally", "chant"}


def _former(tokens: Sequence[Any]) -> bool:
    """Whether the words or what hangs on them ("an officer who was off-duty", "a soldier (off duty)")
    say the armed man was not serving: former, retired, off duty."""
    last = max(t.right_edge.i for t in tokens)
    after = tokens[0].doc[last + 1:min(last + 6, tokens[0].sent.end)]  # "an officer (assumed off-duty)"
    words = sorted({w.i: w for w in [*(w for t in tokens for w in t.subtree), *after]}.values(), key=lambda w: w.i)
    return any(w.lower_ in _FORMER for w in words) or " off duty " in f" {norm_text(' '.join(w.text for w in words))} "


def conjuncts(tokens: Sequence[Any]) -> list[list[Any]]:
    """A role's tokens split at its noun conjuncts ("police and demonstrators": [police], [demonstrators]),
    each conjunct with what hangs on it (an apposition or a modifier stays with its noun)."""
    members = {t.i: t for t in tokens}
    starts = {t.i for t in members.values()
              if t.dep_ == "conj" and t.head.i in members and t.pos_ in ("NOUN", "PROPN", "PRON")}
    groups: dict[int, list[Any]] = {}
    for tok in sorted(members.values(), key=lambda t: t.i):
        inside = path(tok, lambda t: t.head.i in members, limit=11)  # up within the role's tokens
        key = next((t.i for t in inside if t.i in starts), -1)
        groups.setdefault(key, []).append(tok)
    return list(groups.values())


def conjunct_classes(tokens: Sequence[Any], lexicon: Lexicon, *, as_target: bool = False) -> list[set[str]]:
    """The classes of each conjunct of a role (:func:`conjuncts`): "police and demonstrators" are state and
    protester. Generic armed men beside state forces stay the state's ("pro-Hadi forces and fighters"):
    a conjunct is non-state only where the whole phrase is."""
    whole = classes_of(tokens, lexicon, as_target=as_target)
    return [c - ({"nonstate"} - whole) for c in (classes_of(g, lexicon, as_target=as_target) for g in conjuncts(tokens))]


def classes_of(tokens: Sequence[Any], lexicon: Lexicon, *, as_target: bool = False) -> set[str]:
    """Actor/object classes whose cues the tokens contain."""
    if not tokens:
        return set()
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    text = norm_text("".join(t.text_with_ws for t in tokens))
    lemmas = norm_text(" ".join(t.lemma_ for t in tokens))
    vocab = set(text.split()) | set(lemmas.split())
    padded = f" {text} | {lemmas} "
    found = {name for name, (single, multi) in lexicon.classes.items()
             if not vocab.isdisjoint(single) or any(m in padded for m in multi)}
    if "irregular" in found:  # "gunmen", "fighters": non-state unless state forces are named too
        found.discard("irregular")
        if "state" not in found:
            found.add("nonstate")
    if "armed" in found and not found & {"state", "nonstate"}:
        # "Syrian forces" are a state's; a named armed group ("the Umbar Brigade") is not
        if any(t.ent_type_ == "NORP" for t in tokens):
            found.add("state")
        elif any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in tokens):
            found.add("nonstate")
    if any(c.dep_ in ("acl", "relcl") and c.lemma_ in _PROTESTING for t in tokens for c in t.children):
        # "a crowd protesting over land", "villagers protesting at the camp", "supporters demonstrating in X"
        found = (found - {"rioter", "civilian", "bystander"}) | {"protester"}
    if as_target:
        if found & {"state", "nonstate"}:
            found.add("armed")
        if "armed" in found and _former(tokens):  # "a former police officer", "an officer who was off duty"
            found = (found - {"armed", "state", "nonstate"}) | {"civilian"}
        if "armed" in found:  # "a soldier", "a police officer": not a civilian target
            found.discard("civilian")
        if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tokens):
            found.add("place")
        if any(t.ent_type_ == "GPE" for t in tokens):  # a named town, city or country: a settlement
            found.add("settlement")
        elif any(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" for t in tokens):
            # the small model tags many place names as ORG/PERSON or none: a proper noun
            # may be a place, or anything else ("unknown" keeps both readings open)
            found |= {"place"} if found else {"place", "unknown"}
    return found
