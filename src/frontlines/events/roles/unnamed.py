"""The roles the text does not name: ACLED's generic actors for an incident whose sentences leave a role unnamed.

Assembly (``assemble.py``) gives each merged incident to :func:`unnamed_roles`: a protest's unnamed crowd,
the unnamed victims and perpetrator of violence against civilians, the unnamed setter of a device, both
unnamed sides of a clash, and the forces on either side of a long-standing front line (``roles.yaml``,
``data/actors/held_ground.yaml``). Each filled role keeps its rule in the event's evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from ...actors import resolve_entry
from ...actors.dictionary import slug
from ...actors.held import HeldPlace, held_in_text, held_place, in_longer_name, load_held_ground
from ...actors.resolve import actors_in_text
from ...records import Actor, Event
from .conventions import actor2_allowed, by_event_type, generic_names
from .parse import load_roles

#: Role rules that name a victim with no word for who harmed them ("a man was shot dead", "the abduction of two herders").
AGENTLESS_VICTIM_RULES = ("nsubjpass", "noun-of-patient")


def unnamed_roles(event: Event, actors: Any, context: str = "") -> Event:
    """ACLED's generic actors for the roles the incident leaves unnamed (:func:`_generic_roles`), an unnamed armed
    group named a gang where the incident's sentences or ``context`` (the text of a short report, which tells one
    incident) show organised crime's hallmarks (:data:`ORGANISED_CRIME`)."""
    return ORGANISED_CRIME.apply(_generic_roles(event, actors), actors, context)


def _generic_roles(event: Event, actors: Any) -> Event:
    """ACLED's actors for an incident of violence against civilians whose sentences leave a role unnamed
    (:func:`.conventions.by_event_type`).

    A protest or riot whose sentences name no participant has ACLED's crowd as actor1 ("Protesters
    (Country)"). A civilian parsed as the actor1 of violence against civilians is its victim ("the body of a man was
    found"); unnamed victims are Civilians (Country), also those of looting or property destruction and of a
    mob (``victims_by_sub_event_type``); civilian victims of a sentence that names nobody who
    attacked (a passive without agent: "a man was shot dead"), and violence against civilians whose sentences
    name neither victim nor any armed or state actor ("bodies were found"), have an Unidentified Armed Group
    (Country) as perpetrator. The country is the event's place's, else its actors'.

    The evidence (text, offsets) of unnamed victims is the phrase the parse found in the victim's role
    (``Event.phrases``: "kidnapped a Chinese engineer" → "a Chinese engineer", its role rule in the actor's rule); that
    of an attacker the text names as a civilian ("two men shot at people") is that civilian's phrase. Where no phrase
    names the role, the evidence is the sentence, as for an unnamed crowd or a perpetrator nobody names.
    """
    data = load_roles()
    victims, kind = ("victims_by_sub_event_type", event.sub_event_type) \
        if event.sub_event_type in data["victims_by_sub_event_type"] else ("victims_by_event_type", event.event_type)
    if event.sub_event_type in data["held_ground_by_sub_event_type"] and event.actor1 is None and event.actor2 is None:
        held = _held_ground(event, actors)
        if held is not event:
            return held
    if event.sub_event_type in data["unnamed_sides_by_sub_event_type"]:
        return _unnamed_sides(event, actors) if event.actor1 is None and event.actor2 is None else event
    if event.sub_event_type in data["unnamed_perpetrator_by_sub_event_type"]:
        return _unnamed_perpetrator(event, actors) if event.actor1 is None else event
    if kind not in data[victims] and event.event_type not in data["crowd_by_event_type"]:
        return event
    a1, a2, evidence = event.actor1, event.actor2, dict(event.evidence)
    agentless = any(r in evidence.get("actor2", "").split(";")[0] for r in AGENTLESS_VICTIM_RULES)
    if a1 is not None and a1.inter == 7 and a2 is None and victims == "victims_by_sub_event_type" \
            and event.event_type not in data["crowd_by_event_type"]:
        return event  # civilians who loot or burn are not their own victims
    if a1 is not None and a1.inter == 7 and a2 is None:
        a1, a2, agentless = None, a1, True
        evidence["actor2"] = f"roles:civilian-actor1-is-the-victim; {evidence.pop('actor1', '')}"
    named = [a.country for a in (a1, a2) if a is not None and a.country]
    iso = event.place.country_code if event.place is not None and event.place.country_code else \
        (named[0] if named else None)
    if actors is None or iso is None or iso not in actors.countries:
        return event
    name_of = generic_names(actors, iso)
    told = _sentence(event, iso)
    victims_told, victims_why = _victims_told(event, told)
    if event.event_type in data["crowd_by_event_type"]:
        a1, a2 = _crowd_sides(event, (a1, a2), evidence, by_victims=victims == "victims_by_sub_event_type",
                              name_of=name_of, told=told, victims_told=(victims_told, victims_why))
    elif a2 is None:
        a2 = by_event_type(victims, kind, name_of, victims_told, victims_why)
        evidence["actor2"] = f"roles:unnamed-victims; {a2.rule}" if a2 else ""
        if a1 is None and a2 is not None and not _names_a_force(event, actors):
            a1 = by_event_type("unnamed_perpetrator_by_event_type", event.event_type, name_of, told,
                               " (nobody named)")
            evidence["actor1"] = f"roles:unnamed-perpetrator; {a1.rule}" if a1 else ""
    elif a1 is None and a2.inter == 7 and agentless:
        a1 = by_event_type("unnamed_perpetrator_by_event_type", event.event_type, name_of, told,
                           f" (victim '{a2.text}', no perpetrator named)")
        evidence["actor1"] = f"roles:unnamed-perpetrator; {a1.rule}" if a1 else ""
    elif a1 is not None and a1.inter == 7 and a1.generic_type == "civilians" and victims == "victims_by_event_type":
        # "two men shot at people", "the body of a man was found": who attacks civilians is an armed
        # group ACLED does not name, never a civilian
        old = a1
        attacker = told if old.start is None else replace(told, text=old.text, start=old.start, end=old.end)
        a1 = by_event_type("unnamed_perpetrator_by_event_type", event.event_type, name_of, attacker,
                           f" (civilian '{old.text}' as the attacker)")
        evidence["actor1"] = f"roles:civilian-attacker-is-unidentified; {a1.rule}" if a1 else ""
    return replace(event, actor1=a1, actor2=a2, evidence={k: v for k, v in evidence.items() if v})


@dataclass(frozen=True)
class OrganisedCrime:
    """Rule ``roles:organised-crime-hallmarks`` (``roles.yaml#organised_crime``): an unnamed armed group
    ("armed men", or the perpetrator nobody names) of an incident whose sentences show organised crime's
    hallmarks ("a drive-by shooting", "his hands were tied") is ACLED's unidentified gang of the country, in the
    countries listed; an armed group whose country has a name of its own for it (Brazil's) stays as it is."""

    table: str = "organised_crime"

    @cached_property
    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = load_roles()[self.table]
        return spec

    @cached_property
    def hallmarks(self) -> re.Pattern[str]:
        words = sorted(self.spec["hallmarks"], key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)

    def hallmark(self, event: Event, context: str = "") -> re.Match[str] | None:
        """The first hallmark in the incident's sentences, else in ``context``; None without one."""
        texts = [*sorted({event.sentence, *(m.sentence for m in event.mentions)}), context]
        return next((m for t in texts if (m := self.hallmarks.search(t))), None)

    def apply(self, event: Event, actors: Any, context: str = "") -> Event:
        """``event`` with its unnamed armed groups named the country's gang, where the rule holds (``context``: see
        :func:`unnamed_roles`)."""
        if actors is None or not any(a is not None and a.generic_type == self.spec["from_type"]
                                     for a in (event.actor1, event.actor2)):
            return event
        found = self.hallmark(event, context)
        if found is None:
            return event
        roles = {"actor1": event.actor1, "actor2": event.actor2}
        evidence = dict(event.evidence)
        for role, actor in roles.items():
            iso = actor.country if actor is not None else None
            if actor is None or iso is None or actor.generic_type != self.spec["from_type"] \
                    or iso not in self.spec["countries"] \
                    or iso not in actors.countries:
                continue
            name_of = generic_names(actors, iso)
            gang = name_of(self.spec["to_type"])
            if gang is None or actor.name != name_of(self.spec["from_type"], True):
                continue
            why = f"roles.yaml#{self.table} ('{found.group(0)}')"
            roles[role] = replace(actor, name=gang, id=slug(gang), inter=actors.types[self.spec["to_type"]].inter,
                                  generic_type=self.spec["to_type"], rule=f"{actor.rule}+{why}")
            evidence[role] = f"roles:organised-crime-hallmarks; {why}; {evidence.get(role, '')}".rstrip("; ")
        return replace(event, actor1=roles["actor1"], actor2=roles["actor2"], evidence=evidence)


#: The organised-crime rule of :func:`unnamed_roles`.
ORGANISED_CRIME = OrganisedCrime()


#: An event's actor1 and actor2.
Sides = tuple[Actor | None, Actor | None]


def _crowd_sides(event: Event, sides: Sides, evidence: dict[str, str], *, by_victims: bool, name_of: Any,
                 told: Actor, victims_told: tuple[Actor, str]) -> Sides:
    """actor1 and actor2 of a protest or riot: ACLED's crowd where no participant is named, both sides of a fight
    between crowds, the victim a mob beat, a mob's unnamed victims (``by_victims``: the sub-event type names
    victims); ``evidence`` is updated in place."""
    data = load_roles()
    a1, a2 = sides
    kind = event.sub_event_type if by_victims else event.event_type
    victims = "victims_by_sub_event_type" if by_victims else "victims_by_event_type"
    if a2 is not None and not actor2_allowed(event.sub_event_type, a2):  # merged from another mention
        a2 = None
        evidence["actor2"] = ""
    if a1 is None:
        a1 = by_event_type("crowd_by_event_type", event.event_type, name_of, told, " (no participant named)")
        evidence["actor1"] = f"roles:unnamed-crowd; {a1.rule}" if a1 else ""
    fight = kind in data["crowd_fights"] and _told_as_fight(event)
    if fight and (a2 is None or a2.generic_type == "civilians"):  # "two groups clashed": both sides riot
        side = a2 or told
        a2 = by_event_type("crowd_by_event_type", event.event_type, name_of, side, " (the other side of a fight)")
        evidence["actor2"] = f"roles:crowd-fight; {a2.rule}" if a2 else ""
    elif not fight and a2 is not None and a2.generic_type == "rioters" and by_victims \
            and f"+context:{a2.generic_type}" in (a2.rule or ""):  # "a thief was beaten by a mob": its victim
        a2 = by_event_type(victims, kind, name_of, a2, f" (the crowd's victim '{a2.text}')")
        evidence["actor2"] = f"roles:crowd-victim; {a2.rule}" if a2 else ""
    if a2 is None and by_victims:  # a mob's unnamed victims
        a2 = by_event_type(victims, kind, name_of, *victims_told)
        evidence["actor2"] = f"roles:unnamed-victims; {a2.rule}" if a2 else ""
    return a1, a2


def _sentence(event: Event, iso: str) -> Actor:
    """The event's sentence as an actor-shaped span of the country ``iso``: the evidence of a role no phrase names."""
    return Actor(name=event.sentence, id=None, inter=None, text=event.sentence, country=iso, start=event.start,
                 end=event.end)


def _victims_told(event: Event, sentence: Actor) -> tuple[Actor, str]:
    """The span that tells an incident's unnamed victims and why: the phrase of the victim's role (``Event.phrases``)
    with its rule, else the ``sentence`` (" (no victim named)")."""
    phrase = event.phrases.get("actor2")
    if phrase is None:
        return sentence, " (no victim named)"
    return replace(sentence, text=phrase.text, start=phrase.start, end=phrase.end), \
        f" (victims '{phrase.text}', {phrase.rule})"


def _told_as_fight(event: Event) -> bool:
    """Whether the incident's sentences tell a fight between two sides (``roles.yaml#crowd_fights``: "clashed",
    "each other"), not one side's violence against the other."""
    words = load_roles()["crowd_fights"][event.sub_event_type]
    texts = (f" {t.lower()}" for t in {event.sentence, *(m.sentence for m in event.mentions)})
    return any(re.search(rf"\W{re.escape(w)}", t) for t in texts for w in words)


def _names_a_force(event: Event, actors: Any) -> bool:
    """Whether the event's sentences name an armed or state actor anywhere (the parse may have missed its role)."""
    texts = {event.sentence, *(m.sentence for m in event.mentions)}
    return any(a.inter in (1, 2, 3, 4, 8) or a.generic_type in ("military", "police", "armed group")
               for t in texts for a in actors_in_text(t, actors=actors, on=event.date))


def _unnamed_perpetrator(event: Event, actors: Any) -> Event:
    """A device that went off with nobody named as setting it (``roles.yaml#unnamed_perpetrator_by_sub_event_type``):
    actor1 is that generic actor of the event's place's country (none: unchanged)."""
    iso = event.place.country_code if event.place is not None else None
    if actors is None or iso is None or iso not in actors.countries:
        return event
    told = _sentence(event, iso)
    a1 = by_event_type("unnamed_perpetrator_by_sub_event_type", event.sub_event_type,
                       generic_names(actors, iso), told, " (nobody named)")
    if a1 is None:
        return event
    return replace(event, actor1=a1, evidence={**event.evidence, "actor1": f"roles:unnamed-perpetrator; {a1.rule}"})


def _held_ground(event: Event, actors: Any) -> Event:
    """Fire or a clash at a settlement of a long-standing front line, the text naming no actor
    (``roles.yaml#held_ground_by_sub_event_type``): actor1 is the force facing the side that held the
    settlement on the event's date (``data/actors/held_ground.yaml``), actor2 the holder for a clash.

    The settlement is the event's place, unless its name is part of a longer one ("Donetsk Filtration
    Station"); an event without a place takes the one listed settlement its sentence names. Unchanged
    when none is listed, the date is outside the list's or there is no date.
    """
    found = _held_settlement(event) if actors is not None else None
    if found is None:
        return event
    held, text, start, end = found
    rule = f"{held.rule}+roles.yaml#held_ground_by_sub_event_type:{event.sub_event_type}"

    def side(actor_id: str, why: str) -> Actor | None:
        entry = actors.get(actor_id)
        if entry is None:
            return None
        entry, name, inter = resolve_entry(entry, actors, on=event.date, country=held.country)
        return Actor(name=name, id=entry.id, inter=inter, text=text, country=held.country, start=start, end=end,
                     rule=f"{rule} ({why})")

    a1 = side(held.opponent_id, f"facing {text}, held by the {held.holder}")
    if a1 is None:
        return event
    spec = load_roles()["held_ground_by_sub_event_type"][event.sub_event_type]
    a2 = side(held.holder_id, f"{text} held by the {held.holder}") if spec.get("actor2") == "holder" else None
    evidence = {**event.evidence, "actor1": f"roles:held-ground; {a1.rule}"}
    if a2 is not None:
        evidence["actor2"] = f"roles:held-ground; {a2.rule}"
    return replace(event, actor1=a1, actor2=a2, evidence=evidence)


def _held_settlement(event: Event) -> tuple[HeldPlace, str, int, int] | None:
    """The listed settlement of :func:`_held_ground` with its text and raw offsets, or None."""
    ground, place = load_held_ground(), event.place
    if event.date is None:
        return None
    if place is None or not place.text:
        found = held_in_text(ground, event.sentence, on=event.date)
        return None if found is None else \
            (found[0], event.sentence[found[1]:found[2]], event.start + found[1], event.start + found[2])
    at = place.start - event.start
    after = event.sentence[at + len(place.text):] if event.sentence[at:at + len(place.text)] == place.text else ""
    held = None if in_longer_name(after) else \
        held_place(ground, place.text, country=place.country_code, admin1=place.admin1, on=event.date)
    return None if held is None else (held, place.text, place.start, place.end)


def _unnamed_sides(event: Event, actors: Any) -> Event:
    """A clash whose sentences name neither side ("a shoot-out took place in X"): both are the generic actor
    ``roles.yaml#unnamed_sides_by_sub_event_type`` gives, named for the event's place's country (none: unchanged)."""
    iso = event.place.country_code if event.place is not None else None
    if actors is None or iso is None or iso not in actors.countries:
        return event
    name_of = generic_names(actors, iso)
    told = _sentence(event, iso)
    side = by_event_type("unnamed_sides_by_sub_event_type", event.sub_event_type, name_of, told,
                         " (no side named)")
    if side is None:
        return event
    why = f"roles:unnamed-sides; {side.rule}"
    return replace(event, actor1=side, actor2=side, evidence={**event.evidence, "actor1": why, "actor2": why})
