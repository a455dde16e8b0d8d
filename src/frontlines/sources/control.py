"""Territorial control over time: who holds each place on a date, on whose word.

Claims are territory events (``territory.yaml``: Government regains
territory, Non-state actor overtakes territory, Non-violent transfer of
territory) reported as asserted or claimed; denials and "repelled" reports
count against them. For each place the controller as of a date is the side of
the latest claim on or before it; ``since`` is when that side's run of claims
began (the last change); the record is ``contested`` when, within ``days`` of
the latest claim, another side claims the place, a report denies it, or a
report says the attack was repelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from .credibility import credibility
from .registry import Registry, load_registry
from .views import EventView, Side, article_country, events_of, gainer, has_cue, territory

AFFIRMING = {"asserted", "claimed"}


@dataclass(frozen=True)
class Claim:
    """One report that a side took (or did not take) a place."""

    event_id: str
    article_id: str
    date: str
    stance: str  # "taken", "denied", "repelled"
    side: str | None
    controller: str | None
    actor: str | None
    how: str
    sub_event_type: str | None
    modality: str
    attribution: str | None
    outlet: str | None
    original_source: str | None
    sentence: str
    date_from_article: bool  # the event had no date of its own: the publication date stands in
    credibility: float | None = None  # the report's own score (credibility.py), before corroboration


@dataclass(frozen=True)
class ControlRecord:
    """A place's controller as of a date, with the claims behind it and its history."""

    place: str
    place_key: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    as_of: str
    controller: str
    side: str
    since: str
    contested: bool
    reasons: tuple[str, ...]
    claims: tuple[Claim, ...]
    history: tuple[tuple[str, str], ...]  # (from date, controller) for each change, oldest first

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["history"] = [{"from": f, "controller": c} for f, c in self.history]
        return d


def _parse_date(date: str | dt.date) -> dt.date:
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        raise ValueError(f"date {date!r} is not YYYY-MM-DD (e.g. 2017-06-18)") from None


def _claim(ev: EventView, stance: str, side: Side | None, registry: Registry) -> Claim:
    return Claim(
        event_id=ev.id, article_id=ev.article_id, date=ev.date.isoformat() if ev.date else "", stance=stance,
        side=side.key if side else None, controller=side.label if side else None,
        actor=side.actor if side else (ev.actor1 or {}).get("name"), how=side.how if side else "",
        sub_event_type=ev.sub_event_type, modality=ev.modality, attribution=ev.attribution,
        outlet=ev.article.get("outlet"), original_source=ev.article.get("original_source"), sentence=ev.sentence,
        date_from_article=ev.date_is_published,
        credibility=round(credibility(ev.raw, ev.article, registry=registry).score, 3))


def _claims_by_place(evs: list[EventView], as_of: dt.date,
                     registry: Registry) -> dict[str, list[tuple[EventView, Claim]]]:
    terr = territory()
    hints = article_country(evs)
    out: dict[str, list[tuple[EventView, Claim]]] = {}
    for ev in evs:
        if ev.date is None or ev.date > as_of or ev.place_key is None:
            continue
        is_territory = ev.sub_event_type in terr.sub_events
        if is_territory and ev.modality in AFFIRMING:
            side = gainer(ev, country_hint=hints.get(ev.article_id))
            stance = "repelled" if has_cue(ev.sentence, terr.repel_cues) else "taken"
            if side is None and stance == "taken":
                continue  # nobody named: the claim cannot say who holds the place
            out.setdefault(ev.place_key or "", []).append((ev, _claim(ev, stance, side, registry)))
        elif is_territory and ev.modality == "denied":
            out.setdefault(ev.place_key or "", []).append(
                (ev, _claim(ev, "denied", gainer(ev, country_hint=hints.get(ev.article_id)), registry)))
        elif ev.sub_event_type in terr.battles and has_cue(ev.sentence, terr.repel_cues):
            out.setdefault(ev.place_key or "", []).append((ev, _claim(ev, "repelled", None, registry)))
    return out


def _record(key: str, items: list[tuple[EventView, Claim]], as_of: dt.date, days: int) -> ControlRecord | None:
    items = sorted(items, key=lambda it: (it[1].date, it[1].event_id))
    taken = [c for _, c in items if c.stance == "taken"]
    if not taken:
        return None
    last = dt.date.fromisoformat(taken[-1].date)
    window = [c for _, c in items if (last - dt.date.fromisoformat(c.date)).days <= days]
    in_window = [c for c in window if c.stance == "taken"]
    counts: dict[str, int] = {}
    for c in in_window:
        counts[c.side or ""] = counts.get(c.side or "", 0) + 1
    current = max(reversed([c.side or "" for c in in_window]), key=lambda s: counts[s])
    label = next(c.controller for c in reversed(in_window) if (c.side or "") == current) or current
    reasons = []
    if len(counts) > 1:
        reasons.append("claimed by " + " and ".join(sorted(
            {c.controller or "?" for c in in_window})) + f" within {days} days")
    for c in window:
        if c.stance == "denied" and (c.side in (None, current)):
            reasons.append(f"denied by {c.attribution or c.outlet or 'a report'} ({c.event_id})")
        elif c.stance == "repelled":
            reasons.append(f"attack reported repelled by {c.outlet or 'a report'} ({c.event_id})")
    history: list[tuple[str, str]] = []
    prev: str | None = None
    since = taken[-1].date
    for c in taken:
        if c.side != prev:
            history.append((c.date, c.controller or "?"))
            prev = c.side
    for c in reversed(taken):
        if (c.side or "") != current:
            break
        since = c.date
    ev0 = items[-1][0]
    place = ev0.place or {}
    return ControlRecord(
        place=ev0.place_name or key, place_key=key, geonameid=place.get("geonameid"),
        lat=ev0.latlon[0] if ev0.latlon else None, lon=ev0.latlon[1] if ev0.latlon else None,
        country_code=place.get("country_code"), as_of=as_of.isoformat(), controller=label, side=current,
        since=since, contested=bool(reasons), reasons=tuple(dict.fromkeys(reasons)),
        claims=tuple(c for _, c in items), history=tuple(history))


def control_as_of(events_or_store: Any, *, date: str | dt.date,
                  bbox: tuple[float, float, float, float] | None = None, days: int = 3,
                  registry: Registry | None = None) -> list[ControlRecord]:
    """Each place's controller as of ``date`` (inclusive), optionally inside ``bbox`` (west, south, east, north).

    ``events_or_store``: a store (anything with ``iter_events()``) or an iterable of events / contract dicts.
    Places without coordinates are kept unless a ``bbox`` is given. Raises ValueError for a bad date.
    """
    as_of = _parse_date(date)
    evs = events_of(events_or_store)
    reg = registry or load_registry()
    records = [r for key, items in _claims_by_place(evs, as_of, reg).items()
               if (r := _record(key, items, as_of, days)) is not None]
    if bbox is not None:
        w, s, e, n = bbox
        records = [r for r in records if r.lat is not None and r.lon is not None
                   and s <= r.lat <= n and (w <= r.lon <= e if w <= e else (r.lon >= w or r.lon <= e))]
    return sorted(records, key=lambda r: (r.place.casefold(), r.place_key))


def to_geojson(records: Iterable[ControlRecord]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection; places without coordinates get ``"geometry": null``."""
    features = []
    for r in records:
        props = r.to_dict()
        props.pop("lat")
        props.pop("lon")
        geometry = {"type": "Point", "coordinates": [r.lon, r.lat]} if r.lat is not None and r.lon is not None else None
        features.append({"type": "Feature", "id": r.place_key, "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}
