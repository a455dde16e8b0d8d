"""Merge mentions of one event reported in several sentences of an article.

Two events merge when they have the same sub-event type, the same kind of reality (asserted and
claimed count as one kind; planned, denied and speculative stay apart), compatible actors (same
actor or one side unknown), compatible dates (equal, or one is not day-precise) and either the
same place from their own sentences, or one without a place of its own and a dictionary actor
(one with an id) in common: a placeless "the army took control" alone is too little to say which
event it is. A mention with no place of its own in the very next sentence, of the same type and
with compatible actors, also continues the event before it ("... ambushed an IS base near X. One
militant was killed in the clash."). The first mention keeps its id and fields; missing fields
are filled from later mentions (evidence says "merge:"), the death toll is the largest reported,
and every sentence is kept in ``Event.mentions``.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Actor, Event

REAL = ("asserted", "claimed")
#: Characters between two sentences that follow each other (a space, a paragraph break).
NEXT_SENTENCE_GAP = 4


def _reality(e: Event) -> str:
    return "real" if e.modality in REAL else e.modality


def _actor_key(a: Actor | None) -> str | None:
    if a is None:
        return None
    return a.id or a.name.lower()


def _compatible_actor(a: Actor | None, b: Actor | None) -> bool:
    ka, kb = _actor_key(a), _actor_key(b)
    return ka is None or kb is None or ka == kb


def own_place(e: Event) -> bool:
    """Whether the event's place comes from its own sentence (not the article's main place)."""
    return e.place is not None and not e.evidence.get("place", "").startswith(("place:article-main", "place:none"))


def _place_key(e: Event) -> str | None:
    if not own_place(e) or e.place is None:
        return None
    return str(e.place.geonameid) if e.place.geonameid is not None else " ".join(e.place.text.lower().split())


def same_event(a: Event, b: Event) -> bool:
    """Whether ``b`` reports the same event as ``a`` (see the module docstring)."""
    if a.sub_event_type != b.sub_event_type or _reality(a) != _reality(b):
        return False
    if not (_compatible_actor(a.actor1, b.actor1) and _compatible_actor(a.actor2, b.actor2)):
        return False
    if a.date and b.date and a.time_precision == 1 and b.time_precision == 1 and a.date != b.date:
        return False
    pa, pb = _place_key(a), _place_key(b)
    if pa is not None and pb is not None:
        return pa == pb
    # a shared *dictionary* actor: two placeless "the Army took ..." are not enough to be one event
    shared = {x.id for x in (a.actor1, a.actor2) if x} & {x.id for x in (b.actor1, b.actor2) if x}
    return bool(shared - {None})


def continues(a: Event, b: Event) -> bool:
    """Whether ``b``, in the very next sentence and with no place of its own, goes on telling ``a``.

    "Puntland forces ambushed an IS base near X. One militant was killed in the clash."
    """
    if a.sub_event_type != b.sub_event_type or _reality(a) != _reality(b) or _place_key(b) is not None:
        return False
    if not (_compatible_actor(a.actor1, b.actor1) and _compatible_actor(a.actor2, b.actor2)):
        return False
    return 0 <= b.start - a.mentions[-1].end <= NEXT_SENTENCE_GAP


def absorb(a: Event, b: Event) -> Event:
    """``a`` with ``b``'s mention added and ``a``'s unknown fields filled from ``b``."""
    changes: dict[str, object] = {}
    evidence = dict(a.evidence)
    # an event its first sentence asserts does not become attributed to a later one's source
    fill = ("actor1", "actor2") if a.modality == "asserted" else ("actor1", "actor2", "attribution")
    for name in fill:
        if getattr(a, name) is None and getattr(b, name) is not None:
            changes[name] = getattr(b, name)
            evidence[name] = f"merge:{b.evidence.get(name, '')}"
    if not own_place(a) and own_place(b):
        changes.update(place=b.place, geo_precision=b.geo_precision)
        evidence["place"] = f"merge:{b.evidence.get('place', '')}"
        evidence["geo_precision"] = f"merge:{b.evidence.get('geo_precision', '')}"
    if (b.time_precision or 9) < (a.time_precision or 9):
        changes.update(date=b.date, time_precision=b.time_precision)
        evidence["date"] = evidence["time_precision"] = f"merge:{b.evidence.get('date', '')}"
    if (b.fatalities or 0) > (a.fatalities or 0):
        changes["fatalities"] = b.fatalities
        evidence["fatalities"] = f"merge:{b.evidence.get('fatalities', '')}"
    a1, a2 = changes.get("actor1", a.actor1), changes.get("actor2", a.actor2)
    roles = {_actor_key(x) if isinstance(x, Actor) else None for x in (a1, a2)}
    assoc: list[Actor] = []
    for x in (*a.assoc_actors, *b.assoc_actors):
        if _actor_key(x) not in roles and all(_actor_key(x) != _actor_key(y) for y in assoc):
            assoc.append(x)
    changes["assoc_actors"] = tuple(assoc)
    quantities = a.quantities + tuple(q for q in b.quantities if q not in a.quantities)
    return replace(a, **changes, evidence=evidence, quantities=quantities,  # type: ignore[arg-type]
                   mentions=a.mentions + b.mentions, confidence=max(a.confidence, b.confidence))


def merge_events(events: list[Event]) -> list[Event]:
    """Events with mentions of one event merged into the first, in text order."""
    out: list[Event] = []
    for e in events:
        for n, kept in enumerate(out):
            if same_event(kept, e):
                out[n] = absorb(kept, e)
                break
        else:
            if out and continues(out[-1], e):
                out[-1] = absorb(out[-1], e)
            else:
                out.append(e)
    return out
