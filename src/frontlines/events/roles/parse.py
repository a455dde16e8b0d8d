"""Actor roles of an event from the dependency parse around its trigger.

actor1 is the agent (the subject of an active trigger, the "by X" of a passive one, the X of
"under the control of X"); actor2 the patient (direct object, passive subject, "on X",
"against X", "at X", "with X"); associated actors are the actors coordinated with either
("Syrian and Russian warplanes" → actor1 Syria, assoc Russia) or joined by "alongside",
"along with", "together with", "backed by". Actors inside relative clauses or appositions of
a role phrase are not that role ("NDF, a group supervised by the Syrian Army, took ..." → NDF).
A pronoun subject ("they struck ...") takes the nearest actor named before it in the sentence.
No cue → no role: unknown stays unknown. ACLED's conventions over these roles (a protest's crowd, the
generic actor of a role left unnamed) are ``conventions.py``'s.

The typing step reads its agent and target tokens with ``agent_target.py`` (:func:`.agent_target.trigger_roles`,
:func:`.agent_target.classes_of`), which shares this module's role rules (:func:`load_roles`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ... import yamlfile
from ...deptree import VERBS, above, ascent, climb, path, path_to
from ...records import Actor
from ..modality import load_modality

#: Dependencies that attach a clause or an aside to a noun: actors below them are not the noun's.
ASIDES = ("relcl", "acl", "advcl", "ccomp", "appos", "parataxis")
PATIENT_PREPS = ("on", "against", "at", "upon", "into", "targeting", "toward", "towards")
ASSOC_PREPS = ("alongside", "along", "together", "backed", "supported", "aided", "assisted")
PRONOUNS = ("they", "it", "he", "she", "them")
#: Entity types of a phrase the parse may put in a victim's role that never name people (:func:`victim_phrase`).
NOT_VICTIMS = ("DATE", "TIME", "GPE", "LOC", "FAC", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")
#: Dependents that make a verb passive.
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
#: Prepositions naming the attack a verb trigger happened in ("killed in / during / following an airstrike").
_ATTACK_PREPS = ("in", "during", "following", "after", "amid")
#: Dependencies climbed from a noun to the verb it hangs on ("conducted strikes targeting X").
_TO_VERB = ("dobj", "pobj", "prep", "attr")
#: Clauses whose subject is their head's ("..., using artillery", "to demand food", "strikes targeting X").
_SHARED_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "ccomp", "acl")


def reported_clause(node: Any) -> bool:
    """A clause that is what a reporting verb says ("..., police said"; ``modality.yaml#claimed.reporting_verbs``):
    the reporting verb's subject is the report's source, not a doer, and no clause below borrows it."""
    return node.dep_ == "ccomp" and node.head.lower_ in load_modality()["claimed"]["reporting_verbs"]


@dataclass(frozen=True)
class Mention:
    """An actor mention mapped onto the parse: its token indices and its head token index."""

    actor: Actor
    tokens: frozenset[int]
    head: int


@dataclass(frozen=True)
class Roles:
    """The roles of one event and the rule that filled each.

    ``phrases``: role → the phrase the parse found in that role where no actor mention fills it ("kidnapped a
    Chinese engineer"), an actor-shaped span (text, offsets, the rule that found it; no name): the text of the
    generic actor ACLED's conventions give the role later (:func:`.unnamed.unnamed_roles`). Only actor2 (the victim).
    """

    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: tuple[Actor, ...] = ()
    rules: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, Actor] = field(default_factory=dict)


def mention_of(actor: Actor, tokens: list[Any]) -> Mention | None:
    """Place an actor on the tokens it covers (``tokens`` are pairs of token and raw span)."""
    if actor.start is None or actor.end is None:
        return None
    covered = [t for t, (s, e) in tokens if s < actor.end and e > actor.start]
    if not covered:
        return None
    ids = frozenset(t.i for t in covered)
    heads = [t for t in covered if t.head.i not in ids or t.head.i == t.i]
    return Mention(actor, ids, (heads or covered)[0].i)


def _counted_first(top: Any, own: list[Mention], rule: str) -> tuple[list[Mention], str]:
    """A role phrase that counts or draws from a group ("thousands of Gondorians", "fighters from the Rohan
    Militia"): the actor named in the "of X" of a count (``roles.yaml#count_heads``) stands before the count's own
    mention ("thousands"), a named group in the "of / from X" of a generic noun before the generic one; the
    count's or generic noun's own mention is dropped."""
    if len(own) < 2:
        return own, rule
    doc = top.doc
    head = doc[own[0].head]
    count = head.lemma_.lower() in load_roles()["count_heads"]
    generic = own[0].actor.generic_type is not None

    armed = own[0].actor.generic_type in load_roles()["member_of_types"]

    def drawn_from(m: Mention) -> bool:
        return any(t.lower_ in ("of", "from") and t.head.i == head.i and (count or armed or t.lower_ == "from")
                   for t in doc[m.head].ancestors)

    inner = [m for m in own[1:] if drawn_from(m) and (count or (generic and m.actor.generic_type is None))]
    if not (count or generic) or not inner:
        return own, rule
    tag = "counted-of" if count else "member-of-named"
    # the count or generic noun is the same people, never an actor beside them
    return [inner[0], *(m for m in own[1:] if m is not inner[0])], f"{rule}+{tag}"


def _path(tok: Any, top: Any) -> list[str] | None:
    """Dependency labels from ``tok`` up to ``top`` (None when ``top`` is not above it)."""
    walked = path_to(tok, top)
    return None if walked is None else [t.dep_ for t in walked[:-1]]


def under(top: Any, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Mentions that fill the phrase headed by ``top``: (the phrase's own, those coordinated with it)."""
    doc = top.doc
    own: list[Mention] = []
    coord: list[Mention] = []
    for m in mentions:
        if top.i in m.tokens:
            own.append(m)
            continue
        deps = _path(doc[m.head], top)
        if deps is None or any(d in ASIDES for d in deps):
            continue
        (coord if "conj" in deps else own).append(m)
    return sorted(own, key=lambda m: min(m.tokens)), sorted(coord, key=lambda m: min(m.tokens))


def predicates(trigger: Any) -> list[Any]:
    """Tokens whose arguments are the event's: the trigger, and the verb a noun trigger hangs from (also
    when the noun labels the sentence: "Looting: ... X looted"), unless that verb judges or reports the event
    (``roles.yaml#judging_verbs``: "the UN condemned the attack")."""
    preds = [trigger]
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.head.i == trigger.i:
        return preds
    carrier = _carrier_verb(trigger)
    if carrier is not None:
        preds.append(carrier)  # "Rohan aircraft using missiles killed X": the roles of "killed"
    elif trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") \
            and trigger.head.lemma_.lower() not in load_roles()["judging_verbs"]:
        preds.append(trigger.head)  # not "the UN condemned the attack", "the abduction was condemned by the UN"
    elif trigger.dep_ == "pobj" and trigger.head.head.i != trigger.head.i:
        preds.append(trigger.head.head)  # "fell under control", "killed in an airstrike"
    elif _heading(trigger):
        preds.append(trigger.head)  # "Property destruction: On 4 May, X set fire to ..."
    return preds


def _carrier_verb(weapon: Any) -> Any | None:
    """The verb whose subject carries the weapon: "Rohan aircraft using missiles killed X" → "killed" (the
    participle one of ``roles.yaml#carrying_participles``, hanging on the verb's subject)."""
    part = weapon.head
    if weapon.dep_ != "dobj" or part.dep_ != "acl" or part.lemma_.lower() not in load_roles()["carrying_participles"]:
        return None
    holder = part.head
    if holder.dep_ != "nsubj" or holder.head.i == holder.i or holder.head.pos_ != "VERB":
        return None
    return holder.head


def _death_verb(trigger: Any) -> Any | None:
    """The verb of dying (``roles.yaml#death_verbs``) a noun trigger hangs from through prepositions ("died as a
    result of torture", "died of wounds from the beating"), or None."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for node in ascent(trigger, lambda t: t.dep_ in ("pobj", "prep"), limit=6):
        if node.pos_ in VERBS:
            return node if node.lemma_.lower() in load_roles()["death_verbs"] else None
    return None


def _heading(noun: Any) -> bool:
    """A noun that heads its sentence as a label ("Looting: ...") of an active clause: the clause tells the event."""
    doc = noun.doc
    return noun.dep_ in ("dep", "npadvmod") and noun.i + 1 < len(doc) and doc[noun.i + 1].text == ":" \
        and noun.head.pos_ in ("VERB", "AUX") and noun.head.i > noun.i \
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.head.children)


#: The most words a label opening a sentence may have ("Movement of forces: ...").
LABEL_WORDS = 5


def in_label(mention: Mention, sent: Any) -> bool:
    """Whether the mention lies in a short label of a few words and no verb that opens the sentence before
    a colon ("Movement of forces: On 4 May, ..."): the label names a kind of event, not who acted."""
    words = list(sent)[:LABEL_WORDS + 1]
    colon = next((t.i for t in words if t.text == ":"), None)
    if colon is None or colon == sent.start or any(t.pos_ in ("VERB", "AUX") for t in words if t.i < colon):
        return False
    return max(mention.tokens) < colon


def subject(verb: Any) -> tuple[list[Any], bool, str]:
    """Subject tokens of a verb (a bad parse may give two), whether passive, and the rule.

    Climbs xcomp/conj ("the Army managed to regain", "took X and shelled Y") and takes the noun a
    relative clause hangs on ("forces that attacked").
    """
    for tok in path(verb, lambda t: t.dep_ in ("xcomp", "conj"), limit=3):
        subs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            if tok.dep_ == "relcl" and subs[0].lower_ in ("that", "which", "who"):
                return [tok.head], False, "roles:relative-clause-head"
            return subs, False, "roles:nsubj" if tok.i == verb.i else f"roles:nsubj-of-{tok.text}"
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if passive and tok.lemma_.lower() in load_roles()["taking_part_participles"] \
                and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return passive, False, f"roles:nsubj-{tok.lower_}-in"  # "X were engaged in fighting": X fights
        if passive:
            return passive, True, "roles:nsubjpass"
        if tok.dep_ == "relcl" and tok.head.i != tok.i:
            return [tok.head], False, "roles:relative-clause-head"
    return [], False, ""


def _children(preds: list[Any], deps: tuple[str, ...], words: tuple[str, ...] | None = None) -> list[Any]:
    return [c for p in preds for c in p.children if c.dep_ in deps and (words is None or c.lower_ in words)]


def _objects(prep: Any) -> list[Any]:
    """pobj of a preposition, also through a second one ("along with X", "under the control of X")."""
    out = [c for c in prep.children if c.dep_ == "pobj"]
    for c in prep.children:
        if c.dep_ == "prep":
            out += [cc for cc in c.children if cc.dep_ == "pobj"]
    return out


def passive_conjuncts(verb: Any) -> list[Any]:
    """Verbs coordinated with a passive verb that tell the same deed ("were shot and killed by X", "were
    killed and four others were injured following an attack by X"): their "by" and the attack they happened in are the
    verb's too. An active verb is its own clause ("attacked X and were killed by Y")."""
    if not any(c.dep_ in PASSIVE_DEPS for c in verb.children) and not (
            verb.dep_ == "conj" and any(c.dep_ in PASSIVE_DEPS for c in verb.head.children)):
        return []
    near = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    return [v for v in near if v.pos_ == "VERB" and v.i != verb.i
            and not any(c.dep_ in ("nsubj", "csubj") for c in v.children)]


def _attack_nouns(trigger: Any) -> list[Any]:
    """The trigger if a noun, and the attack a verb trigger (or a passive verb coordinated with it) happened
    in ("killed in / during / following an airstrike"; "following" may be parsed as a verb)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return [trigger]
    return [trigger] + [o for v in [trigger, *passive_conjuncts(trigger)] for p in v.children
                        if p.dep_ in ("prep", "xcomp", "advcl") and p.lower_ in _ATTACK_PREPS for o in _objects(p)]


def _noun_agents(trigger: Any) -> list[Any]:
    """The "by" of a noun trigger ("a shooting by masked raiders", "artillery fire by an unknown
    party"; also when the parse makes the noun a verb), of a participle hanging on it ("an IED planted by
    X"), or of the attack a verb trigger happened in ("a man was injured in a shooting by X")."""
    out: list[Any] = []
    for noun in _attack_nouns(trigger):
        out += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
        for acl in (c for c in noun.children if c.dep_ == "acl"):
            out += [c for c in acl.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
    return out


def _victims_of_attack_by(trigger: Any) -> list[Any]:
    """The passive subject of the verb that an attack made by the trigger happened in: a trigger naming the
    attacker ("a mob") after "by" on an attack noun, itself after "in / during / following" on a passive verb
    ("a guard was hurt in an assault by a crowd" → "a guard")."""
    by = trigger.head
    if trigger.dep_ != "pobj" or by.lower_ != "by" or by.dep_ not in ("prep", "agent"):
        return []
    attack, prep = by.head, by.head.head
    if attack.pos_ not in ("NOUN", "PROPN") or attack.dep_ != "pobj" or prep.lower_ not in _ATTACK_PREPS \
            or prep.head.i == prep.i or prep.head.pos_ != "VERB":
        return []
    return [c for v in (prep.head, *passive_conjuncts(prep.head)) for c in v.children if c.dep_ == "nsubjpass"]


def _claimants(trigger: Any) -> list[Any]:
    """The subject of a verb of claiming whose object is responsibility for the trigger ("X claimed
    responsibility for the bombing", ``roles.yaml#claiming``); not a negated claim ("X denied" is no verb of it)."""
    claiming = load_roles()["claiming"]
    holder = trigger.head
    if trigger.dep_ != "pobj" or holder.lower_ != "for" or holder.head.lemma_.lower() not in claiming["nouns"]:
        return []
    verb = holder.head.head
    if holder.head.dep_ != "dobj" or verb.lemma_.lower() not in claiming["verbs"] \
            or any(c.dep_ == "neg" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _modifier_agents(trigger: Any) -> list[Any]:
    """Modifiers of the attack that name who made it: "a Taliban attack", "regime shelling", "an
    IS-planted landmine", "killed during a police raid"."""
    return [c for noun in _attack_nouns(trigger) if noun.pos_ in ("NOUN", "PROPN") or noun is not trigger
            for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < noun.i]


def _trigger_phrase_roles(trigger: Any) -> list[tuple[str, Any, str]]:
    """(role, token, rule) of who the trigger's own phrase names: the mover of a noun of moving ("the deployment
    of Rohan troops"), the other side of fighting "with Y" a span of time of which precedes an action
    (:func:`_subjects_after_days_of`), who a noun of harm is done to ("the abduction of two herders", ``roles.yaml#patient_of_nouns``), who died and in whose custody ("X died as a result of torture while in Y custody"), the
    agent after "by" ("shelling by X", "a landmine planted by X") and a modifier naming who attacked ("a Taliban
    attack", "killed during a police raid")."""
    found: list[tuple[str, Any, str]] = []
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() in load_roles()["moving_nouns"]:
        found += [("actor1", obj, "roles:noun-of-mover") for of in _children([trigger], ("prep",), ("of",))
                  for obj in _objects(of)]
    died = _death_verb(trigger)
    if died is not None:
        found += [("actor2", subj, "roles:died-of") for subj in died.children if subj.dep_ == "nsubj"]
        found += [("actor1", held, "roles:in-custody-of")  # "while in X custody" may be a clause
                  for prep in _children([died], ("prep", "advcl"), ("in",))
                  for held in _objects(prep) if held.lemma_.lower() == "custody"]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() in load_roles()["patient_of_nouns"]:
        found += [("actor2", obj, "roles:noun-of-patient") for of in _children([trigger], ("prep",), ("of",))
                  for obj in _objects(of)]
    found += [("actor1", obj, "roles:noun-by") for by in _noun_agents(trigger) for obj in _objects(by)]
    found += [("actor1", subj, "roles:claimed-responsibility") for subj in _claimants(trigger)]
    found += [("actor1", mod, "roles:attack-modifier") for mod in _modifier_agents(trigger)]
    found += [("actor1", subj, "roles:subject-after-days-of") for subj in _subjects_after_days_of(trigger)]
    return found


def assign(trigger: Any, mentions: list[Mention], *, trigger_tokens: frozenset[int] = frozenset(),
           to_raw: Callable[[int, int], tuple[int, int]] = lambda s, e: (s, e)) -> Roles:
    """actor1 / actor2 / associated actors of the event whose trigger token is ``trigger``, and the phrase of a
    victim no mention names (:func:`victim_phrase`).

    ``trigger_tokens``: every token of a multi-word trigger ("held a protest"); a mention inside it
    names the event, never its target. ``to_raw`` maps the parse's offsets to the article's
    (``Article.span_to_raw``).
    """
    preds = predicates(trigger)
    inside = trigger_tokens | {trigger.i}
    slots: dict[str, list[tuple[Mention, str]]] = {"actor1": [], "actor2": [], "assoc": []}
    phrases: dict[str, Actor] = {}

    def fill(role: str, top: Any, rule: str) -> None:
        own, coord = under(top, mentions)
        own, rule = _counted_first(top, own, rule)
        if role != "actor1":  # a mention holding the trigger names the event or its agent, not a target
            own = [m for m in own if not m.tokens & inside]
            coord = [m for m in coord if not m.tokens & inside]
        if role == "actor2" and not own and not coord and top.i not in inside and role not in phrases:
            phrase = victim_phrase(top, rule, to_raw)
            if phrase is not None:
                phrases[role] = phrase
        slots[role] += [(m, rule) for m in own]
        slots["assoc"] += [(m, f"{rule}+conj") for m in coord]

    verb = next((p for p in preds if p.pos_ in ("VERB", "AUX")), preds[-1])
    subjs, passive, srule = subject(verb)
    subjs = [t for t in subjs if t.i != trigger.i]
    # "X complained over Israeli air raids", "X closed its border because of fighting between Y and Z": the
    # active subject of the verb an attack noun hangs from by a preposition acts only when the noun names nobody
    own_first = trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and not passive
    # "Rohan withdrew its troops from Bree", "troops were deployed to Bree": forces moved are the mover's own
    moving, agentless = verb.lemma_.lower() in load_roles()["moving_verbs"], not _children(preds, ("agent",))
    for subj in [] if own_first else subjs:
        moved = passive and moving and agentless and _forces(subj, mentions)
        fill("actor2" if passive and not moved else "actor1", subj, "roles:nsubjpass-moved" if moved else srule)
    for agent in _children(preds, ("agent",)):
        for obj in _objects(agent):
            fill("actor1", obj, "roles:passive-agent-by")
    if not slots["actor1"]:  # "were shot and killed by X"
        for agent in _children(passive_conjuncts(verb), ("agent",)):
            for obj in _objects(agent):
                fill("actor1", obj, "roles:passive-agent-by-conj")
    for role, top, rule in _trigger_phrase_roles(trigger):
        fill(role, top, rule)
    for obj in _controllers(preds, trigger):
        fill("actor1", obj, "roles:under-control-of")
    for obj in _children(preds, ("dobj",)):
        if obj.i != trigger.i and not (moving and _forces(obj, mentions)):  # the forces one moves: one's own
            fill("actor2", obj, "roles:dobj")
    for obj in _up_to_objects(preds):  # "kidnapped up to 16 advisers" parsed as "up" + "to" + object
        if obj.i != trigger.i:
            fill("actor2", obj, "roles:dobj-up-to")
    for prep in _children(preds, ("prep",), PATIENT_PREPS):
        for obj in _objects(prep):
            fill("actor2", obj, f"roles:prep-{prep.lower_}")
    for obj, rule in _object_patients(preds, verb, trigger):
        fill("actor2", obj, rule)
    # "clashes took place between X and Y": the light verb's object carries the preposition
    light = [o for o in _children(preds, ("dobj",)) if o.i != trigger.i and trigger.pos_ in ("NOUN", "PROPN")]
    _between(preds + light, mentions, inside, slots)
    for prep in _children(preds, ("prep",), ("with",)):
        for obj in _objects(prep):
            fill("actor2" if not slots["actor2"] else "assoc", obj, "roles:prep-with")
    heads = [*preds, *subjs]
    for prep in _children(heads, ("prep", "acl"), ASSOC_PREPS):
        for obj in _objects(prep) + [c for c in prep.children if c.dep_ == "agent" for c in _objects(c)]:
            fill("assoc", obj, f"roles:assoc-{prep.lower_}")
    if own_first and not slots["actor1"]:
        for subj in subjs:
            fill("actor1", subj, srule)
    if not slots["actor1"]:
        slots["actor1"] = _agent_fallbacks(trigger, subjs, passive, mentions)
    _reciprocal(verb, trigger, slots)
    if not mentions:
        return Roles(phrases=phrases)
    r = _umbrella(trigger.doc, mentions, _repelled(verb, trigger, mentions, _resolve(slots)))
    return replace(r, phrases=phrases)


#: Prepositions of a span of time an action comes at the end of or within ("after two days of clashes").
_SPAN_PREPS = ("after", "during", "following")


def _subjects_after_days_of(trigger: Any) -> list[Any]:
    """ "X captured the village after two days of clashes with Y": the active subject of the verb of fighting
    forces (``roles.yaml#span_fighter_verbs``) a span of time of the fighting hangs from is its other side (only
    where the fighting names its opponent: "with Y")."""
    span = trigger.head.head
    if not _children([trigger], ("prep",), ("with",)) or trigger.dep_ != "pobj" or trigger.head.lower_ != "of" or span.lemma_.lower() not in _time_units() \
            or span.dep_ != "pobj" or span.head.lower_ not in _SPAN_PREPS \
            or span.head.head.lemma_.lower() not in load_roles()["span_fighter_verbs"]:
        return []
    subjs, passive, _ = subject(span.head.head)
    return [] if passive else subjs


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    from ..numbers import load_numbers

    return frozenset(load_numbers()["time_units"])


def _controllers(preds: list[Any], trigger: Any) -> list[Any]:
    """Who holds what an event happened under ("under the control of X", "under X's control"): the objects of
    "of" after the object of "under" (or after the trigger, when it is that object)."""
    return [obj for prep in _children(preds, ("prep",), ("under",))
            for ctl in _objects(prep) or ([trigger] if trigger.head.i == prep.i else [])
            for of in ctl.children if of.dep_ == "prep" and of.lower_ == "of"
            for obj in _objects(of)]


def _between(heads: list[Any], mentions: list[Mention], inside: set[int] | frozenset[int],
             slots: dict[str, list[tuple[Mention, str]]]) -> None:
    """ "clashes between X and Y": X and Y face each other (the first is actor1 when none is yet, the rest actor2)."""
    for prep in _children(heads, ("prep",), ("between",)):
        for obj in _objects(prep):
            own, coord = under(obj, mentions)
            sides = [m for m in own + coord if not m.tokens & inside]
            if sides and not slots["actor1"]:
                slots["actor1"].append((sides.pop(0), "roles:between"))
            slots["actor2"] += [(m, "roles:between") for m in sides]


def victim_phrase(top: Any, rule: str, to_raw: Callable[[int, int], tuple[int, int]]) -> Actor | None:
    """The phrase a noun heads in a victim's role, from its first word to the noun or its "of X" ("a Chinese engineer",
    "three farmers" of "three farmers near X", "two of their vehicles"), with raw offsets and its role rule; None for
    a pronoun ("he", "which"),
    a word that is no noun or number, an object that completes the verb ("opened fire", ``roles.yaml#phrase_objects``)
    or a time or place the parse put in the role ("on Monday", "attacked Bree": :data:`NOT_VICTIMS`)."""
    if top.pos_ not in ("NOUN", "PROPN", "NUM") or top.lower_ in PRONOUNS or top.ent_type_ in NOT_VICTIMS \
            or top.lower_ in load_roles()["phrase_objects"]:
        return None
    last = max([top.i, *(c.right_edge.i for c in top.children if c.dep_ == "prep" and c.lower_ == "of")])
    span = top.doc[top.left_edge.i: last + 1]
    start, end = to_raw(span.start_char, span.end_char)
    return Actor(name=span.text, id=None, inter=None, text=span.text, start=start, end=end, rule=rule)


def _up_to_objects(preds: list[Any]) -> list[Any]:
    """The counted object of "VERB up to N X" that the parse hangs as a particle or preposition "up", a
    preposition "to" below it and X its object (a number on X): X is the verb's object."""
    return [obj for up in _children(preds, ("prep", "prt"), ("up",))
            for to in up.children if to.dep_ == "prep" and to.lower_ == "to"
            for obj in to.children if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in obj.children)]


def _forces(phrase: Any, mentions: list[Mention]) -> bool:
    """The phrase names an actor that is no civilian ("troops", "the rebels"; not "prisoners")."""
    own, _ = under(phrase, mentions)
    return any(m.actor.inter != 7 for m in own)


def _object_patients(preds: list[Any], verb: Any, trigger: Any) -> list[tuple[Any, str]]:
    """Phrases naming who is hit beyond the verb's own: the `on/against X` of the object the verb launches
    ("launched rocket fire against X"), the object of a targeting participle on the attack or its verb
    ("airstrikes targeting X", ``roles.yaml#targeting_participles``), who was hurt in an attack by the trigger's
    actor (:func:`_victims_of_attack_by`), who a relative clause "in which" says was killed (:func:`_victims_in_which`),
    the `from X` of a taking verb ("seized weapons from X",
    ``roles.yaml#taking_verbs``); with their rules."""
    out: list[tuple[Any, str]] = []
    launched = [o for d in _children(preds, ("dobj",)) if d.i != trigger.i for o in (d, *d.conjuncts)]
    # a second object the parse made a verb's conjunct ("fired rockets and grenade launchers at X": "grenade")
    launched += [c for c in _children(preds, ("conj",)) if c.pos_ in ("NOUN", "PROPN")]
    for prep in _children(launched, ("prep",), PATIENT_PREPS):
        out += [(obj, f"roles:object-prep-{prep.lower_}") for obj in _objects(prep)]
    for part in [trigger, *_children([trigger, *preds], ("acl", "advcl", "xcomp"))]:  # the participle may be the trigger
        if part.tag_ == "VBG" and part.lemma_.lower() in load_roles()["targeting_participles"]:
            out += [(obj, f"roles:{part.lower_}") for obj in _targeted(part)]
    out += [(victim, "roles:victim-of-attack-by") for victim in _victims_of_attack_by(trigger)]
    out += [(victim, "roles:victims-in-which") for victim in _victims_in_which(trigger, launched)]
    if verb.lemma_.lower() in load_roles()["taking_verbs"]:
        out += [(obj, "roles:taken-from") for prep in _children([verb], ("prep",), ("from",)) for obj in _objects(prep)]
    return out


def _victims_in_which(trigger: Any, objects: list[Any]) -> list[Any]:
    """Who a relative clause "in which ..." on the attack or on what it hit says was killed or hurt ("two air raids
    in which 20 people were killed", "attacked a bus in which 12 passengers died", "raids in which it said 20 people
    were killed"): the passive subject of its verb, or of the clause a reporting verb there says, or the subject of a
    verb of dying (``roles.yaml#death_verbs``)."""
    dying = load_roles()["death_verbs"]
    said = load_modality()["claimed"]["reporting_verbs"]
    out: list[Any] = []
    for noun in [*_attack_nouns(trigger), *objects]:
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            if not any(p.dep_ == "prep" and p.lower_ in ("in", "during") and any(o.lower_ == "which" for o in p.children)
                       for p in clause.children):
                continue
            verbs = [clause, *(c for c in clause.children if c.dep_ == "ccomp" and clause.lower_ in said)]
            verbs += [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            out += [c for v in verbs for c in v.children
                    if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and v.lemma_.lower() in dying)]
    return out


def _targeted(part: Any) -> list[Any]:
    """What a targeting participle targets: its object, with the parser's slips on a group's posts ("targeting
    Orc positions" read with "Orc" as a dative; "targeting presumed Orc positions" with "presumed", one of
    ``modality.yaml#speculative.attributive``, as a verb whose object the posts are, under the participle or,
    the participle left bare, under the clause's verb: "carried out strikes targeting presumed Orc fighters")."""
    hedges = load_modality()["speculative"]["attributive"]
    found = [o for c in part.children
             for o in ([c] if c.dep_ in ("dobj", "dative") else
                       [g for g in c.children if g.dep_ == "dobj"] if c.dep_ == "xcomp" and c.lower_ in hedges else [])]
    nxt = part.nbor(1) if part.i + 1 < len(part.doc) else None
    if found or nxt is None or nxt.lower_ not in hedges or nxt.pos_ != "VERB" or nxt.head.i == part.i:
        return found
    return [g for g in nxt.children if g.dep_ == "dobj"]


def _reciprocal(verb: Any, trigger: Any, slots: dict[str, list[tuple[Mention, str]]]) -> None:
    """ "X and Y exchanged fire / clashed": a coordinated subject of a reciprocal verb (``roles.yaml``) is
    both sides, the second actor2 (as "clashes between X and Y")."""
    words = load_roles()["reciprocal_verbs"]
    if slots["actor2"] or not (verb.lemma_.lower() in words or trigger.lemma_.lower() in words):
        return
    sides = slots["actor1"][1:] + [(m, r) for m, r in slots["assoc"] if r.startswith("roles:nsubj") and r.endswith("+conj")]
    if sides:
        m, r = sides[0]
        slots["actor2"].append((m, f"{r}+reciprocal-{verb.lemma_.lower()}"))


def _repelled(verb: Any, trigger: Any, mentions: list[Mention], r: Roles) -> Roles:
    """ "Afghan forces repulsed their attack": who repels is attacked; the attack's owner ("their" → the
    actor named before it, "a Taliban attack", "the attack by X") or the object repelled is actor1 (ACLED's
    initiator), the subject actor2. Verbs: ``roles.yaml#repel_verbs``. Not when the event is the repelling
    itself, named by the subject ("Rohan's air defences repelled the warplanes by firing missiles": their fire)."""
    if verb.lemma_.lower() not in load_roles()["repel_verbs"] or r.actor1 is None \
            or (trigger.head.i == verb.i and trigger.dep_ in ("nsubj", "nsubjpass")):
        return r
    defender = r.actor1
    attacker: tuple[Actor, str] | None = None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        own, _ = under(obj, mentions)
        own = [m for m in own if m.actor is not defender]
        pron = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("their", "its", "his")), None)
        if own:
            attacker = own[0].actor, f"roles:repelled-{obj.text}-of"
        elif pron is not None:
            before = [m for m in mentions
                      if max(m.tokens) < pron.i and m.actor is not defender and m.actor.inter != 7]
            attacker = (before[-1].actor, f"roles:repelled-{pron.text}-{obj.text}") if before else None
    if attacker is None:
        return r
    rules = {**r.rules, "actor1": attacker[1], "actor2": f"{r.rules.get('actor1', '')}+repelled"}
    assoc = tuple(a for a in r.assoc if a is not attacker[0])
    return Roles(attacker[0], defender, assoc, rules)


def _umbrella(doc: Any, mentions: list[Mention], r: Roles) -> Roles:
    """ "Turkish forces and rebels, operating under OPS, shelled X": forces acting under a joint operation
    (``roles.yaml#umbrella_operations``, dictionary ids) are coded as the operation, they themselves
    associated, as ACLED codes them. The operation must hang through "under" from actor1's phrase."""
    ops = load_roles()["umbrella_operations"]
    if r.actor1 is None or r.actor1.id in ops:
        return r
    held = frozenset(i for m in mentions if m.actor is r.actor1 or any(m.actor is a for a in r.assoc)
                     for i in m.tokens)
    for m in mentions:
        tok = doc[m.head]
        prep = _under_of(tok, min(m.tokens))
        if m.actor.id not in ops or prep is None:
            continue
        for node in above(prep, limit=4):  # under → (operating →) the forces
            if node.i in held:
                assoc = (r.actor1, *(a for a in r.assoc if a is not m.actor))
                rules = {**r.rules, "actor1": f"roles:under-operation '{prep.text} {m.actor.text}'",
                         "assoc_actors": r.rules.get("actor1", "")}
                return Roles(m.actor, r.actor2, assoc, rules)
    return r


def _under_of(tok: Any, first: int) -> Any:
    """The "under" an operation's name hangs from: its head when the parse makes it the object, else an "under"
    with no object right before the name ("rebels under OPS looted": the parse hangs OPS from the verb); or None."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        return tok.head
    before = tok.doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ == "under" and not any(c.dep_ == "pobj" for c in before.children):
        return before
    return None


def _agent_fallbacks(trigger: Any, subjs: list[Any], passive: bool, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """actor1 when no subject or "by" phrase names one: the operator of a subject weapon, the
    antecedent of a pronoun subject, the actor the trigger itself names, or, when the parse gives an
    active trigger no subject, the nearest non-civilian actor named before it."""
    if not passive:
        for subj in subjs:  # "drones controlled by an unidentified group targeted ..."
            for m in mentions:
                deps = _path(subj.doc[m.head], subj)
                if deps and deps[-1] == "acl" and "agent" in deps and not set(deps) & {"relcl", "appos", "conj"}:
                    return [(m, "roles:operator-of-subject")]
        pronoun = next((t for t in subjs if t.lower_ in PRONOUNS), None)
        before = [m for m in mentions if pronoun is not None and max(m.tokens) < pronoun.i]
        if pronoun is not None and before:
            return [(before[-1], f"roles:pronoun-antecedent '{pronoun.text}'")]
    inside = [m for m in mentions if trigger.i in m.tokens]
    if inside:  # the trigger names its actor: "protesters gathered", "gunmen opened fire"
        return [(inside[0], "roles:trigger-is-actor")]
    if not passive and not subjs and trigger.pos_ == "VERB":
        # a clause sharing its head's subject ("shelled X using artillery") takes the head's; a parse that
        # lost the subject ("..., armed men riding a motorcycle carried out") the nearest actor before
        # "conducted strikes targeting X": through the noun to the verb it hangs on
        for node in ascent(trigger, lambda t: t.dep_ in _SHARED_SUBJECT + _TO_VERB and not reported_clause(t), limit=4):
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                own, _ = under(subj, mentions)
                return [(own[0], "roles:subject-of-head-clause")] if own else []
        before = [m for m in mentions if max(m.tokens) < trigger.i and m.actor.inter != 7]
        if before:
            return [(before[-1], "roles:before-subjectless-trigger")]
    if trigger.pos_ in ("NOUN", "PROPN") and not subjs:
        # a weapon the parse hangs away from the verb ("X targeted a vehicle ... with an IED", "X targeted
        # Y using ATGMs"): the active subject of the clause's attack verb (``roles.yaml#attack_verbs``)
        root = climb(trigger, lambda t: t.dep_ not in ("ROOT", "conj", "advcl", "ccomp"))
        if root.lemma_.lower() in load_roles()["attack_verbs"]:
            for subj in (c for c in root.children if c.dep_ == "nsubj"):
                own, _ = under(subj, mentions)
                if own:
                    return [(own[0], f"roles:subject-of-{root.lemma_.lower()}-with-weapon")]
    return []


@lru_cache(maxsize=1)
def load_roles() -> dict[str, Any]:
    """The role rules of ``data/events/roles.yaml`` (cached)."""
    path = resources.files("frontlines") / "data" / "events" / "roles.yaml"
    data: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    return data


def _key(actor: Actor) -> str:
    return actor.id or actor.name.lower()


#: How ACLED joins the two possible perpetrators of one actor ("Islamic State (West Africa) and/or Boko Haram ...").
EITHER_OR = " and/or "


def within_role(actor: Actor, named: Sequence[Actor | None]) -> bool:
    """Whether ``actor`` is already one of the roles ``named``: the same actor, or one of the alternatives of an
    "X and/or Y" actor (associating "Rohan Militia" beside "Arnor Militia and/or Rohan Militia" repeats it)."""
    return any(a is not None and (_key(a) == _key(actor) or actor.name in a.name.split(EITHER_OR)) for a in named)


def _resolve(slots: dict[str, list[tuple[Mention, str]]]) -> Roles:
    """One mention per role, the rest of a role's mentions associated; no mention in two roles."""
    used: set[Mention] = set()
    picked: dict[str, tuple[Mention, str] | None] = {}
    extra: list[tuple[Mention, str]] = []
    for role in ("actor1", "actor2"):
        cands = [(m, r) for m, r in slots[role] if m not in used]
        picked[role] = cands[0] if cands else None
        if cands:
            used.add(cands[0][0])
            unit = _unit_of(cands[0][0], cands[1:])
            if unit is not None:  # "the regime's 4th Division": the unit, the regime not beside it
                picked[role] = unit[0], f"{unit[1]}+unit-of-named"
                used.add(unit[0])
            extra += [c for c in cands[1:] if c is not unit]
    assoc: list[Actor] = []
    rules: dict[str, str] = {}
    named = [p[0].actor for p in picked.values() if p is not None]
    for m, r in [*extra, *slots["assoc"]]:
        if m in used or within_role(m.actor, [*named, *assoc]):
            continue
        used.add(m)
        assoc.append(m.actor)
        rules.setdefault("assoc_actors", r)
    for role in ("actor1", "actor2"):
        if picked[role] is not None:
            rules[role] = picked[role][1]  # type: ignore[index]
    a1 = picked["actor1"][0].actor if picked["actor1"] else None
    a2 = picked["actor2"][0].actor if picked["actor2"] else None
    return Roles(a1, a2, tuple(assoc), rules)


def _unit_of(first: Mention, rest: list[tuple[Mention, str]]) -> tuple[Mention, str] | None:
    """Another mention of the same role naming a unit of the first one's force ("Military Forces of Syria ... 4th
    Armored Division" beside the regime), not one coordinated with it."""
    return next(((m, r) for m, r in rest if m.actor.name.startswith(f"{first.actor.name} ")), None)
