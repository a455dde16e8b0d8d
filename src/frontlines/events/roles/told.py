"""Who the sentence names in a role: the text that tells a role's actor, beyond the mention the dictionary found.

The parse's roles (``parse.py``) and ACLED's conventions (``conventions.py``) pick each role's actor; these rules
(:data:`RULES`, in order) then give the role the words the sentence names it with:

- ``roles:staged-by``: a protest's crowd that no participant names, or that the dictionary found as the protest
  itself ("police stopped the demonstration staged by students"): the people its "by X" names.
- ``roles:counted-people``: a role the count names ("Thousands of Rohirrim herders marched", "Hundreds of Gondorian
  refugees protested" where the parse gives the count): its text is the whole counted phrase, not the count
  ("Thousands"). Where the parse gives the "of X", X is the role itself (:func:`.parse._counted_first`).
- ``roles:owners-of-property``: property looted or destroyed whose owners a demonym or a country names ("demolished
  Gondorian homes", ``roles.yaml#property_owners``) has them as actor2: ACLED's civilians of that country, the
  property phrase as the text. Without such a word the victims stay unnamed (:func:`.unnamed.unnamed_roles`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ...actors.dictionary import slug
from ...records import Actor
from .conventions import crowd_of, generic_names
from .parse import Mention, Roles, load_roles, predicates, under

#: Dependents before a noun that may name whose it is ("Gondorian homes", "Gondor's farms").
OWNER_DEPS = ("amod", "compound", "poss", "nmod")


@dataclass(frozen=True)
class Told:
    """What the rules read: the event's trigger token, event and sub-event type and country's name, the sentence's
    actor mentions, the actor dictionary (``None``: no names) and the map of clean offsets to the user's
    (``Article.span_to_raw``)."""

    trigger: Any
    event_type: str | None
    sub_event_type: str | None
    country_name: str | None  # ACLED's name of the sentence's country (names a crowd)
    mentions: list[Mention]
    actors: Any
    to_raw: Callable[[int, int], tuple[int, int]]


@dataclass(frozen=True)
class SpanRule:
    """A named rule that gives roles the text the sentence names them with."""

    name: str
    apply: Callable[[Roles, Told], Roles]


def told_roles(r: Roles, told: Told) -> Roles:
    """``r`` after every rule of :data:`RULES`."""
    for rule in RULES:
        r = rule.apply(r, told)
    return r


def _mention_of(actor: Actor | None, mentions: list[Mention]) -> Mention | None:
    """The mention ``actor`` was made from (the crowd of a protest keeps its participants' offsets)."""
    if actor is None or actor.start is None:
        return None
    return next((m for m in mentions if (m.actor.start, m.actor.end) == (actor.start, actor.end)), None)


def _counted_people(r: Roles, told: Told) -> Roles:
    """ "Thousands of Rohirrim herders": the counted phrase for a role its count names."""
    heads = load_roles()["count_heads"]
    for role in ("actor1", "actor2"):
        actor = getattr(r, role)
        m = _mention_of(actor, told.mentions)
        if m is None:
            continue
        doc = told.trigger.doc
        count = doc[m.head]
        of = next((c for c in count.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) \
            if count.lemma_.lower() in heads and of is not None else None
        if of is None or people is None or people.i <= max(m.tokens):
            continue
        first = doc[min(m.tokens)]
        start, end = first.idx, people.idx + len(people)
        raw = told.to_raw(start, end)
        widened = replace(actor, text=doc.text[start:end], start=raw[0], end=raw[1])
        rules = {**r.rules, role: f"{r.rules.get(role, '')}+counted-people"}
        r = replace(r, **{role: widened}, rules=rules)
    return r


def _property(trigger: Any) -> list[Any]:
    """What the event's verb acts on (objects, passive subjects and their conjuncts; a noun trigger's "of X")."""
    found = [c for p in predicates(trigger) for c in p.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.pos_ in ("NOUN", "PROPN"):
        found += [o for of in trigger.children if of.dep_ == "prep" and of.lower_ == "of"
                  for o in of.children if o.dep_ == "pobj"]
    return [t for f in found for t in (f, *f.conjuncts)]


def _property_owners(r: Roles, told: Told) -> Roles:
    """ "demolished Gondorian homes": Civilians (Gondor) as actor2, "Gondorian homes" its text."""
    spec = load_roles()["property_owners"]
    if r.actor2 is not None or told.actors is None or told.sub_event_type not in spec["sub_event_types"]:
        return r
    for prop in _property(told.trigger):
        if prop.lemma_.lower() not in spec["nouns"]:
            continue
        for owner in (c for c in prop.children if c.dep_ in OWNER_DEPS and c.i < prop.i):
            iso = told.actors.country_code(owner.text)
            name = generic_names(told.actors, iso)("civilians") if iso in told.actors.countries else None
            if iso is None or not name:
                continue
            doc = told.trigger.doc
            start, end = owner.idx, prop.idx + len(prop)
            raw = told.to_raw(start, end)
            rule = f"roles.yaml#property_owners:{prop.lemma_.lower()} ('{owner.text}')"
            actor = Actor(name=name, id=slug(name), inter=told.actors.types["civilians"].inter, text=doc.text[start:end],
                          country=iso, start=raw[0], end=raw[1], generic_type="civilians", rule=rule)
            return replace(r, actor2=actor, rules={**r.rules, "actor2": "roles:owners-of-property"})
    return r


def _staged_by(r: Roles, told: Told) -> Roles:
    """ "(police stopped) the demonstration staged by students": the crowd of a protest or riot that no participant
    names, or that the dictionary found as the protest itself (``roles.yaml#protest_nouns``), is the people its
    "by X" names (Protesters/Rioters (Country) as :func:`.conventions.crowd_roles` names them)."""
    spec = load_roles()["crowd_by_event_type"].get(told.event_type or "")
    crowd = r.actor1
    m = _mention_of(crowd, told.mentions)
    if spec is None or (crowd is not None and (m is None or crowd.generic_type not in ("protesters", "rioters"))):
        return r
    doc = told.trigger.doc
    protest = doc[m.head] if m is not None else told.trigger
    if protest.lemma_.lower() not in load_roles()["protest_nouns"]:
        return r
    by = [c for c in protest.children if c.dep_ == "prep" and c.lower_ == "by"]
    by += [a for acl in protest.children if acl.dep_ == "acl" for a in acl.children if a.dep_ == "agent"]
    for people in (o for b in by for o in b.children if o.dep_ == "pobj"):
        own, _ = under(people, told.mentions)
        if not own or own[0] is m or own[0].actor.inter in (1, 8):
            continue
        who = own[0].actor
        named = replace(crowd, text=who.text, start=who.start, end=who.end) if crowd is not None \
            else crowd_of(who, spec["generic_type"], told.event_type, told.country_name)
        assoc = tuple(a for a in r.assoc if a is not who)
        return replace(r, actor1=named, assoc=assoc, rules={**r.rules, "actor1": f"{r.rules.get('actor1', '')}+staged-by"})
    return r


#: The rules, in the order they apply.
RULES: tuple[SpanRule, ...] = (
    SpanRule("roles:staged-by", _staged_by),
    SpanRule("roles:counted-people", _counted_people),
    SpanRule("roles:owners-of-property", _property_owners),
)
