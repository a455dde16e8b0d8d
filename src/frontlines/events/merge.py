"""One event per incident: the incident's mentions (see :mod:`.coreference`) merged into one record.

The main mention is the one :func:`.mainevent.main_typing` picks over the incident's mentions
(the first sentence's most confident; a clash that another mention says changed hands becomes
the territorial change; a protest is sharpened by the intervention a later mention reports). It
keeps its id, sentence, trigger and roles; missing fields are filled from the other mentions in
text order (evidence ``merge:…``; a dateline or a country gives way to a firm place,
:func:`.coreference.gives_place`), an unidentified armed group as actor1 gives way to the non-state armed group
another mention names, and every sentence is kept in ``Event.mentions`` with the
rule that joined it. The toll is the incident's latest specific figure (:func:`incident_toll`).
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Actor, Event, Evidence
from .coreference import (
    DEMONSTRATION,
    NAMED,
    RIOT_VIOLENCE,
    RIOTS,
    Draft,
    Incident,
    Toll,
    actor_key,
    family,
    gives_place,
)
from .mainevent import main_typing
from .roles.parse import within_role
from .typings import SECOND_MARK, TERRITORY_WON

NONE_REPORTED = "numbers.yaml#fatalities:none-reported"


def incident_toll(tolls: list[Toll]) -> tuple[int, str]:
    """The incident's toll: the latest specific figure reported (a vague one, "dozens", only when none is).

    Within one sentence the largest count stands (tolls are often repeated: "5 were killed ...
    the 5 dead"), a count of its own before one said to come on top ("two more died, raising the
    toll to 13" → 13); across sentences the latest figure does (a lede's "at least nine" is
    updated by "the death toll rose to 13"), and a later count on top of it adds to it ("17
    militants had also been killed"). A sentence with no count is no figure.
    """
    best: dict[tuple[int, int], Toll] = {}
    for t in tolls:
        key = (t.start, t.end)
        if key not in best or (not t.additive, t.specific, t.value) > (not best[key].additive, best[key].specific,
                                                                       best[key].value):
            best[key] = t
    if not best:
        return 0, NONE_REPORTED
    ordered = [best[k] for k in sorted(best)]
    parts: list[Toll] = []
    for t in ordered:
        if t.additive and parts:
            parts.append(t)
        elif not parts or t.specific or not parts[0].specific:
            parts = [t]
    if len(ordered) == 1:
        return parts[0].value, parts[0].rule
    kind = "latest-specific" if parts[0].specific else "latest-vague"
    rule = " + ".join(f"[{t.start}:{t.end}] {t.rule}" for t in parts)
    return sum(t.value for t in parts), f"incident:{kind}-toll {rule}"


def absorb(a: Event, b: Draft) -> Event:
    """``a`` with ``b``'s unknown-in-``a`` fields filled (roles, place, date, attribution, associates, the phrases
    of roles no actor names)."""
    e = b.event
    changes: dict[str, object] = {}
    evidence = dict(a.evidence)
    # an event its first sentence asserts does not become attributed to a later one's source
    fill = ("actor1", "actor2") if a.modality == "asserted" else ("actor1", "actor2", "attribution")
    for name in fill:
        if getattr(a, name) is None and getattr(e, name) is not None and not _other_side(a, name, e, changes):
            changes[name] = getattr(e, name)
            evidence[name] = f"merge:{e.evidence.get(name, '')}"
    if _unidentified(a.actor1) and e.actor1 is not None and e.actor1.id is not None and e.actor1.inter in (2, 3, 4) \
            and not _unidentified(e.actor1):
        changes["actor1"] = e.actor1  # "Militants stormed a base ... Al Shabaab fighters stormed it": who they were
        evidence["actor1"] = f"merge:named-for-unidentified:{e.evidence.get('actor1', '')}"
    if gives_place(a, b):
        changes.update(place=e.place, geo_precision=e.geo_precision)
        evidence["place"] = f"merge:{e.evidence.get('place', '')}"
        evidence["geo_precision"] = f"merge:{e.evidence.get('geo_precision', '')}"
    # a later report of the incident ("said on Monday that the toll rose", "on Monday, weeks after the attack")
    # does not date it; a day in the mention's own phrase does ("the March 4 poisoning")
    if (b.joined not in ("anaphora", "outcome", NAMED) or b.phrase_dated) \
            and (e.time_precision or 9) < (a.time_precision or 9):
        changes.update(date=e.date, time_precision=e.time_precision)
        evidence["date"] = evidence["time_precision"] = f"merge:{e.evidence.get('date', '')}"
    a1, a2 = changes.get("actor1", a.actor1), changes.get("actor2", a.actor2)
    assoc: list[Actor] = []
    for x in (*a.assoc_actors, *e.assoc_actors):
        if not within_role(x, [y for y in (a1, a2) if isinstance(y, Actor)] + assoc):
            assoc.append(x)
    changes["assoc_actors"] = tuple(assoc)
    quantities = a.quantities + tuple(q for q in e.quantities if q not in a.quantities)
    return replace(a, **changes, evidence=evidence, quantities=quantities,  # type: ignore[arg-type]
                   confidence=max(a.confidence, e.confidence), phrases={**e.phrases, **a.phrases})


def _other_side(a: Event, name: str, e: Event, changes: dict[str, object]) -> bool:
    """Whether ``e``'s actor2 is ``a``'s actor1 (as filled so far): the perpetrator is not its incident's target
    ("Mordor poisoned the envoy ... Gondor blamed Mordor for the attack"). Only for actor2: an actor1 filled from a
    mention that names the target as a doer ("... Y retaliated") is right as often as not (ACLED dev actor1)."""
    if name != "actor2":
        return False
    held = changes.get("actor1", a.actor1)
    mine = actor_key(getattr(e, name))
    return mine is not None and isinstance(held, Actor) and mine == actor_key(held)


def _unidentified(actor: Actor | None) -> bool:
    """A generic armed group the text does not identify ("militants", "gunmen")."""
    return actor is not None and actor.generic_type == "armed group"


def _main(inc: Incident) -> tuple[Draft, Event]:
    """The incident's main mention and its event, retyped as :func:`main_typing` says."""
    by_sentence: dict[int, list[Event]] = {}
    for d in sorted(inc.drafts, key=lambda d: (d.sentence, -d.event.confidence)):
        by_sentence.setdefault(d.sentence, []).append(d.event)
    chosen: Event = main_typing(list(by_sentence.values()))
    host = next(d for d in inc.drafts if d.event.id == chosen.id)
    if chosen.sub_event_type != host.event.sub_event_type:
        rule = f"{host.event.evidence.get('sub_event_type', '')}; incident:main-typing over its mentions"
        chosen = replace(chosen, evidence={**chosen.evidence, "sub_event_type": rule, "event_type": rule})
    return host, chosen


def other_types(inc: Incident, main: Event) -> list[tuple[str, str]]:
    """Sub-event types that a sentence of the incident reports beside the main one, with their rules.

    A sentence that reports two kinds of violence in one incident ("jets bombed the town with
    chlorine", "shelled the village and clashed with the rebels") is one event of the main type
    that keeps the other: the types of mentions that share their sentence with another mention of
    the incident, in text order. Not the main type, not a mention that names the incident ("the
    attack"; one of another family than the main event stays: "the killing of a farmer sparked
    protests"), only reports deaths or tells what came before ("after the raid"; but the fighting a territory was
    won by stays: "retook the town after two days of fighting" is an armed clash too), not a stage of a demonstration when the main event is one (a protest, its
    dispersal, arrests, its violence: one demonstration; an arrest that came before or set it off stays: "the
    arrest of the mayor sparked protests"), not a riot's own violence ("a mob
    attacked the shops, looting goods"), and not the weapons a seizure names ("seized a cache of
    rockets and grenades"). A typing marked an event of its own (``typings.SECOND_MARK``: a protest joined, the
    other side's winning of the place) always stays.
    """
    sentences = [d.sentence for d in inc.drafts]
    out: dict[str, str] = {}
    for d in sorted(inc.drafts, key=lambda d: (d.sentence, d.event.start, d.trigger)):
        sub = d.event.sub_event_type
        if sub is None or sub == main.sub_event_type or sub in out or sentences.count(d.sentence) < 2:
            continue
        if SECOND_MARK in d.event.evidence.get("sub_event_type", ""):
            out[sub] = d.event.evidence.get("sub_event_type", "")
            continue
        fought_for = d.backstory and d.refers is None and sub == "Armed clash" and main.sub_event_type in TERRITORY_WON
        if ((d.refers is not None or d.backstory) and family(d.event) == family(main) and not fought_for) or d.outcome or (
                sub in DEMONSTRATION and main.sub_event_type in DEMONSTRATION and not (
                    sub == "Arrests" and d.backstory)) or (
                sub in RIOT_VIOLENCE and main.sub_event_type in RIOTS) or (
                main.sub_event_type == "Disrupted weapons use" and d.event.event_type == "Explosions/Remote violence"):
            continue
        out[sub] = d.event.evidence.get("sub_event_type", "")
    return list(out.items())


def _mention(d: Draft) -> Evidence:
    m = d.event.mentions[0]
    return replace(m, rule=f"{m.rule}; incident:{d.joined}") if d.joined else m


def incident_event(inc: Incident) -> Event:
    """The one event of an incident (see the module docstring)."""
    host, event = _main(inc)
    others = [d for d in inc.drafts if d is not host]
    for d in others:
        event = absorb(event, d)
    mentions: dict[tuple[int, int], Evidence] = {(host.event.start, host.event.end): _mention(host)}
    for d in others:
        mentions.setdefault((d.event.start, d.event.end), _mention(d))
    for _, m in inc.tolls:
        mentions.setdefault((m.start, m.end), m)
    tolls = [d.toll for d in inc.drafts if d.toll is not None] + [t for t, _ in inc.tolls]
    value, rule = incident_toll(tolls)
    evidence = {**event.evidence, "fatalities": rule}
    kinds = other_types(inc, event)
    if kinds:
        evidence["other_sub_event_types"] = "; ".join(f"{sub}: {why}; incident:same-sentence" for sub, why in kinds)
    if len(inc.drafts) + len(inc.tolls) > 1:  # why each mention is this incident's
        told = [(d.event.start, f"[{d.event.start}:{d.event.end}] '{d.event.evidence.get('trigger', '')}' "
                 f"{d.joined or 'first'}") for d in inc.drafts]
        told += [(m.start, f"[{m.start}:{m.end}] toll-sentence") for _, m in inc.tolls]
        evidence["mentions"] = "; ".join(text for _, text in sorted(told, key=lambda x: x[0]))
    return replace(event, fatalities=value, evidence=evidence, mentions=tuple(mentions[k] for k in sorted(mentions)),
                   other_sub_event_types=tuple(sub for sub, _ in kinds))
