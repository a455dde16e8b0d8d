"""ACLED's role conventions (``data/events/roles.yaml``) over the roles the parse gives.

A protest or riot has the crowd (Protesters/Rioters (Country)) as actor1 whoever takes part
(:func:`crowd_roles`), keeping the text of a subject the dictionary does not know (:func:`subject_actor`);
only some actors may be its actor2 (:func:`actor2_allowed`); an event type gives the generic actor of a role
its text leaves unnamed (:func:`by_event_type`, used by ``unnamed.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ...actors.dictionary import slug
from ...actors.resolve import resolve_entry
from ...records import Actor, Event
from .parse import PRONOUNS, Roles, load_roles, predicates, subject


def crowd_name(template: str, country_name: str | None) -> str:
    """ "Protesters ({country})" for a country, or "Protesters" without one."""
    return template.format(country=country_name) if country_name else template.replace(" ({country})", "")


def subject_actor(trigger: Any, event_type: str | None, article_offsets: Any,
                  country_name: str | None = None) -> tuple[Actor | None, str]:
    """For a protest or riot whose subject the dictionary did not name ("medical interns protested"),
    the generic actor ACLED codes it with, keeping the subject's text; else None.

    ``article_offsets`` maps clean offsets to raw ones (``Article.span_to_raw``); ``country_name``
    (ACLED's name of the event's country) names the actor ("Protesters (Mexico)").
    """
    spec = load_roles()["subject_actor_by_event_type"].get(event_type or "")
    if spec is None:
        return None, ""
    verb = next((p for p in predicates(trigger) if p.pos_ in ("VERB", "AUX")), trigger)
    subjs, passive, _ = subject(verb)
    subj = next((t for t in subjs if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in PRONOUNS), None)
    if passive or subj is None:
        return None, ""
    span = subj.doc[subj.left_edge.i: subj.i + 1]
    start, end = article_offsets(span.start_char, span.end_char)
    rule = f"roles.yaml#subject_actor_by_event_type:{event_type}"
    return Actor(name=crowd_name(spec["name"], country_name), id=None, inter=int(spec["inter"]), text=span.text,
                 start=start, end=end, generic_type=spec["generic_type"], rule=rule), \
        f"roles:nsubj-of-{str(event_type).lower()}"


def generic_names(actors: Any, iso: str) -> Callable[..., str | None]:
    """generic type → that generic actor's name in the country ``iso`` (``generic.yaml``: "Civilians (Mexico)");
    ``plain=True``: the type's own name even where the country has a convention of its own (``names_by_country``)."""
    country = actors.countries[iso]

    def name_of(generic_type: str, plain: bool = False) -> str | None:
        gtype = actors.types.get(generic_type)
        return None if gtype is None or not gtype.name else \
            (None if plain else dict(gtype.names_by_country).get(iso)) or gtype.name.format(country=country.name)

    return name_of


def by_event_type(table: str, event_type: str | None, name_of: Callable[..., str | None], told: Actor,
                  why: str = "") -> Actor | None:
    """The generic actor ``roles.yaml`` gives an event type in ``table`` (``unnamed_perpetrator_by_event_type``,
    ``victims_by_event_type``); None without an entry or a name.

    ``name_of(generic_type, plain)`` is that generic actor's name in the event's country (the actor dictionary's
    ``generic.yaml``: "Civilians (Mexico)"; ``plain``: the entry's ``plain_name``); ``told`` is an actor-shaped span (text, offsets, country) the
    actor points at as its evidence.
    """
    spec = load_roles()[table].get(event_type or "")
    name = name_of(spec["generic_type"], bool(spec.get("plain_name"))) if spec is not None else None
    if spec is None or not name:
        return None
    return Actor(name=name, id=slug(name), inter=int(spec["inter"]), text=told.text, country=told.country,
                 start=told.start, end=told.end, generic_type=spec["generic_type"],
                 rule=f"roles.yaml#{table}:{event_type}{why}")


def _is_crowd(actor: Actor | None) -> bool:
    return actor is not None and actor.generic_type in ("protesters", "rioters", "civilians")


def _is_government(actor: Actor) -> bool:
    return actor.generic_type == "government" or (actor.id or "").startswith("government-of-")


def crowd_roles(r: Roles, event_type: str | None, sub_event_type: str | None, country_name: str | None) -> Roles:
    """ACLED's roles of a protest or riot (``roles.yaml``): the crowd (Protesters/Rioters (Country)) is
    actor1 whoever takes part (a crowd the sentence already makes protesters or rioters stays so, so a
    sentence's protest and riot tell one incident), a named group taking part is associated, state forces
    named as its agent are the force that met it (actor2), and actor2 keeps only the inter codes the
    sub-event allows. Nobody named: actor1 stays empty here (the incident's crowd is added once its
    sentences are merged, :func:`.unnamed.unnamed_roles`).
    """
    data = load_roles()
    crowd_spec = data["crowd_by_event_type"].get(event_type or "")
    if crowd_spec is None:
        return r
    a1, a2, assoc, rules = r.actor1, r.actor2, list(r.assoc), dict(r.rules)
    force = a1 is not None and a1.inter in (1, 8) and not _is_government(a1)  # "police dispersed the crowd"
    who = a2 if force and _is_crowd(a2) else a1 if a1 is not None and not force else None
    crowd = crowd_of(who, crowd_spec["generic_type"], event_type, country_name) if who is not None else None
    if force and (a2 is None or _is_crowd(a2)):
        a2, rules["actor2"] = a1, f"{rules.get('actor1', '')}+crowd:force-that-met-it"
    elif a1 is not None and not force and not _is_crowd(a1) and a1.id is not None and a1.inter not in (1, 8):
        assoc.insert(0, a1)
        rules.setdefault("assoc_actors", f"{rules.get('actor1', '')}+crowd:participant")
    if crowd is not None:
        rules["actor1"] = f"{rules.get('actor1', '')}+crowd:{crowd.generic_type}"
    else:
        rules.pop("actor1", None)
    if a2 is not None and not actor2_allowed(sub_event_type, a2):
        a2 = None
        rules.pop("actor2", None)
    return Roles(crowd, a2, tuple(assoc), rules, r.phrases)


def actor2_allowed(sub_event_type: str | None, actor: Actor) -> bool:
    """Whether a protest's or riot's sub-event may have ``actor`` as actor2 (``roles.yaml``; a government
    never is one)."""
    allowed = load_roles()["actor2_inter_by_sub_event"].get(sub_event_type or "")
    return not _is_government(actor) and (allowed is None or actor.inter in allowed)


def crowd_of(who: Actor, kind: str, event_type: str | None, country_name: str | None) -> Actor:
    """The crowd ``who`` stands for: protesters or rioters as the sentence made them, else ``kind``."""
    if who.generic_type in ("protesters", "rioters") and (country_name is None or
                                                         who.name.endswith(f"({country_name})")):
        kind = who.generic_type
    spec = next(s for s in load_roles()["subject_actor_by_event_type"].values() if s["generic_type"] == kind)
    name = crowd_name(spec["name"], country_name)
    return Actor(name=name, id=slug(name) if country_name else None, inter=int(spec["inter"]), text=who.text,
                 country=who.country, start=who.start, end=who.end, generic_type=kind,
                 rule=f"roles.yaml#crowd_by_event_type:{event_type} ({who.rule})")


#: A state actor's period in its name: " (2018-)", " (2014-2019)".
_PERIOD = re.compile(r" \(\d{4}-(?:\d{4})?\)")


def dated_names(event: Event, actors: Any) -> Event:
    """Rule ``roles:named-on-event-date``: the actors of ``event`` named as on the event's date, not the report's
    (mentions are resolved on the publication date): a report of 9 May on a raid of 4 May names the state forces of
    the term that ran on 4 May. Only the period in a name changes ("Military Forces of Iraq (2018-)"); an actor
    whose entry becomes another one on the event's date, or that no dictionary entry names, stays as it is."""
    if actors is None or event.date is None:
        return event

    def on_date(actor: Actor | None) -> Actor | None:
        entry = actors.get(actor.id) if actor is not None and actor.id else None
        if actor is None or entry is None:
            return actor
        _, name, _ = resolve_entry(entry, actors, on=event.date)
        if name == actor.name or _PERIOD.sub("", name) != _PERIOD.sub("", actor.name):
            return actor
        return replace(actor, name=name, rule=f"{actor.rule}+roles:named-on-event-date ({event.date})")

    a1, a2 = on_date(event.actor1), on_date(event.actor2)
    assoc = tuple(a for a in map(on_date, event.assoc_actors) if a is not None)
    if (a1, a2, assoc) == (event.actor1, event.actor2, event.assoc_actors):
        return event
    evidence = dict(event.evidence)
    for role, old, new in (("actor1", event.actor1, a1), ("actor2", event.actor2, a2)):
        if new is not old:
            evidence[role] = f"{evidence.get(role, '')}; roles:named-on-event-date ({event.date})".lstrip("; ")
    return replace(event, actor1=a1, actor2=a2, assoc_actors=assoc, evidence=evidence)


#: The word right after a crowd's words: "workers" after "migrant" (the actor's words may stop at a modifier).
_NEXT_WORD = re.compile(r"\s+[\w'’-]+")
#: The "of" phrase right after a crowd's words: "of the Regional Hospital" (at most eight words, no punctuation).
_OF_PHRASE = re.compile(r"\s+of\s+(?:[\w'’-]+\s*){1,8}")


def participant_groups(event: Event, actors: Any) -> Event:
    """Rule ``roles:participant-group`` (``roles.yaml#participant_groups``): the crowd of a protest or riot whose
    phrase (and the word after it) names who takes part by trade or condition ("taxi drivers", "nurses") has ACLED's group of them in the
    event's country as an associated actor ("Labour Group (Mexico)"), after any named group; its evidence is the
    crowd's phrase. A crowd no phrase names (its text is the sentence), or an event with no country, gets none."""
    crowd = event.actor1
    if event.event_type not in load_roles()["crowd_by_event_type"] or crowd is None or actors is None \
            or crowd.generic_type not in ("protesters", "rioters") or not crowd.text or crowd.text == event.sentence:
        return event
    iso = event.place.country_code if event.place is not None and event.place.country_code else crowd.country
    country = actors.countries.get(iso or "")
    if country is None:
        return event
    at = event.sentence.find(crowd.text, max(0, (crowd.start or 0) - event.start))
    after = event.sentence[at + len(crowd.text):] if at >= 0 else ""
    word = _NEXT_WORD.match(after)
    text, found = f" {crowd.text.lower()}{word.group(0).lower() if word else ''} ", []
    of = _OF_PHRASE.match(after)
    for group in load_roles()["participant_groups"]:
        whole = next((w for w in group.get("of_words", ()) if of is not None
                      and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", of.group(0).lower())), None)
        if whole is not None:  # "workers of a hospital": the crowd is this group's
            found.append((group["name"].format(country=country.name), f"of ... {whole}"))
            break
        for word in sorted(group["words"], key=len, reverse=True):
            hit = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
            if hit is not None:
                text = text[:hit.start()] + " " * len(word) + text[hit.end():]  # a longer word wins it
                found.append((group["name"].format(country=country.name), word))
                break
    have = {a.name for a in event.assoc_actors}
    added = tuple(Actor(name=name, id=slug(name), inter=None, text=crowd.text, country=country.iso2, start=crowd.start,
                        end=crowd.end, rule=f"roles.yaml#participant_groups:'{word}'")
                  for name, word in found if name not in have)
    if not added:
        return event
    why = "; ".join(f"roles:participant-group '{a.text}' -> {a.name}" for a in added)
    evidence = {**event.evidence, "assoc_actors": f"{event.evidence.get('assoc_actors', '')}; {why}".lstrip("; ")}
    return replace(event, assoc_actors=(*event.assoc_actors, *added), evidence=evidence)


#: The dictionary entry a mention named, from its rule ("actors.yaml#donbass-peoples-militia:alias '...'").
_ENTRY_RULE = re.compile(r"^actors\.yaml#([\w-]+):")


def coded_as_other(event: Event, actors: Any) -> Event:
    """Rule ``roles:coded-as-other``: a role named by an entry that ACLED codes as another actor (``actors.yaml``
    ``associated``: "the Donbass People's Militia" is the NAF) has that entry's own name as an associated actor,
    after those already there; its evidence is the role's phrase."""
    if actors is None:
        return event
    added: list[Actor] = []
    have = {a.name for a in event.assoc_actors}
    for actor in (event.actor1, event.actor2):
        hit = _ENTRY_RULE.match(actor.rule) if actor is not None else None
        entry = actors.get(hit.group(1)) if hit is not None else None
        if actor is None or entry is None or not entry.associated or entry.id == actor.id or entry.associated in have:
            continue
        have.add(entry.associated)
        added.append(Actor(name=entry.associated, id=entry.id, inter=entry.inter, text=actor.text, country=entry.country,
                           start=actor.start, end=actor.end, rule=f"actors.yaml#{entry.id}:associated"))
    if not added:
        return event
    why = "; ".join(f"roles:coded-as-other '{a.text}' -> {a.name}" for a in added)
    evidence = {**event.evidence, "assoc_actors": f"{event.evidence.get('assoc_actors', '')}; {why}".lstrip("; ")}
    return replace(event, assoc_actors=(*event.assoc_actors, *added), evidence=evidence)
