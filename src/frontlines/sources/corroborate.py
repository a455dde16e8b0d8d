"""Corroboration: events from different articles that describe one happening become one incident.

Two events link when they come from different articles, are close in space
(``km``) and time (``days``), and are compatible: a territory change and a
battle at the same place (accounts that may contradict), or the same event
type and sub-event type with a shared or unknown actor. Links are transitive (union-find). An incident is
``contested`` when its reports contradict: taken vs. repelled, different
gainers of the same place, or a denial. Ids are content hashes of the member
event ids, so re-running over the same events gives the same incidents.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from ..geo.distance import great_circle_km
from ..records import Event
from .credibility import Corroboration, credibility, root_source
from .registry import Registry, load_registry
from .views import (
    EventView,
    article_country,
    gainer,
    has_cue,
    mention_key,
    same_mention,
    territory,
    view,
    views,
)

NOT_HAPPENINGS = {"planned", "speculative"}


@dataclass(frozen=True)
class Report:
    """One event as a report of an incident: who says what, where and when."""

    event_id: str
    article_id: str
    outlet: str | None
    original_source: str | None
    source: str  # the independent source it counts as (root of its republication chain)
    attribution: str | None
    modality: str
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    place: str | None
    date: str | None
    sentence: str
    stance: str  # "taken", "repelled", "denied", or "reported"
    gainer: str | None


@dataclass(frozen=True)
class Incident:
    """One happening and every report of it."""

    id: str
    event_type: str | None
    sub_event_type: str | None
    place: str | None
    lat: float | None
    lon: float | None
    date_from: str | None
    date_to: str | None
    reports: tuple[Report, ...]
    independent_sources: tuple[str, ...]
    contested: bool
    reasons: tuple[str, ...]

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(r.event_id for r in self.reports)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["n_reports"] = len(self.reports)
        return d


def _same_place(a: EventView, b: EventView, km: float) -> bool:
    if a.place_key is not None and a.place_key == b.place_key:
        return True
    pa, pb = a.latlon, b.latlon
    if a.precise and b.precise and pa is not None and pb is not None:
        if abs(pa[0] - pb[0]) * 111.2 > km:  # cheap reject before the great-circle distance
            return False
        return great_circle_km(*pa, *pb) <= km
    return bool(a.place and b.place) and same_mention(a.place_name, b.place_name)


def _close(a: EventView, b: EventView, km: float, days: int) -> bool:
    if not _same_place(a, b, km):
        return False
    if a.date is None or b.date is None:
        return a.place_key is not None and a.place_key == b.place_key
    return abs((a.date - b.date).days) <= days


def _compatible(a: EventView, b: EventView) -> bool:
    terr = territory()
    if a.sub_event_type in terr.battles and b.sub_event_type in terr.battles and (
            a.sub_event_type in terr.sub_events or b.sub_event_type in terr.sub_events):
        return True  # a territory change and the fighting over it: accounts that may contradict
    if a.event_type != b.event_type or a.event_type is None:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False
    ka, kb = a.actor_keys, b.actor_keys
    return not ka or not kb or bool(ka & kb)


def same_happening(a: EventView, b: EventView, *, km: float, days: int) -> bool:
    """Whether two events (from different articles) report one happening."""
    if a.article_id == b.article_id or a.modality in NOT_HAPPENINGS or b.modality in NOT_HAPPENINGS:
        return False
    return _compatible(a, b) and _close(a, b, km, days)


def _index_keys(ev: EventView, cell: float) -> list[tuple[object, ...]]:
    """Buckets an event is filed under: its grid cell when precise, its place key, the words of its place."""
    keys: list[tuple[object, ...]] = []
    if ev.precise and ev.latlon:
        keys.append(("cell", int(ev.latlon[0] // cell), int(ev.latlon[1] // cell)))
    if ev.place_key:
        keys.append(("key", ev.place_key))
    keys += [("word", w) for w in mention_key(ev.place_name).split() if len(w) >= 4]
    return keys


def _query_keys(ev: EventView, cell: float) -> list[tuple[object, ...]]:
    """Buckets that may hold an event close to this one (neighbouring cells widen with latitude)."""
    keys = [k for k in _index_keys(ev, cell) if k[0] != "cell"]
    if ev.precise and ev.latlon:
        y, x = int(ev.latlon[0] // cell), int(ev.latlon[1] // cell)
        nx = math.ceil(1 / max(math.cos(math.radians(min(abs(ev.latlon[0]) + cell, 89.0))), 0.02))
        keys += [("cell", y + dy, x + dx) for dy in (-1, 0, 1) for dx in range(-nx, nx + 1)]
    return keys


#: Reports of one incident compared with a new report, per place-time bucket: the latest few. Links stay
#: transitive (single link); the cap keeps a burst of reports of one place from costing n² comparisons.
KEEP_PER_BUCKET = 12


def stream_order(ev: EventView) -> tuple[bool, int, str]:
    """Undated events first, then by date, then by id: the order :func:`stream_groups` reads."""
    return (ev.date is not None, ev.date.toordinal() if ev.date else 0, ev.id)


class _Linker:
    """Union-find over the events of a moving time window (see :func:`stream_groups`)."""

    def __init__(self, km: float, days: int) -> None:
        self.km, self.days = km, days
        self.max_span = 2 * days  # an incident is a happening of a few days, not months of fighting at one place
        self.cell = max(km / 111.2, 0.005)
        self.span = days + 1
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[EventView]] = {}
        self.last: dict[int, int] = {}  # root → latest date (ordinal) of its members
        self.first: dict[int, int | None] = {}  # root → earliest date (ordinal) of its dated members
        self.pinned: set[int] = set()  # roots holding an undated event: open until the end
        self.buckets: dict[tuple[object, ...], dict[int, list[EventView]]] = {}
        self.undated: dict[tuple[object, ...], dict[int, list[EventView]]] = {}  # place key → root → events

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.last[ra] = max(self.last.pop(rb), self.last[ra])
        self.first[ra] = min((f for f in (self.first.pop(rb), self.first[ra]) if f is not None), default=None)
        if rb in self.pinned:
            self.pinned.discard(rb)
            self.pinned.add(ra)
        return ra

    def _match(self, i: int, ev: EventView, pools: Iterable[dict[int, list[EventView]]]) -> None:
        by_root: dict[int, list[EventView]] = {}
        for pool in pools:
            for root, recent in pool.items():
                if root in self.parent:  # else a closed incident
                    by_root.setdefault(self.find(root), []).extend(recent)
        for r, recent in by_root.items():
            mine, theirs = self.find(i), self.find(r)
            if mine != theirs and self._span(mine, theirs) <= self.max_span and any(
                    same_happening(ev, other, km=self.km, days=self.days) for other in recent):
                self.union(i, r)

    def _span(self, a: int, b: int) -> int:
        """Days from the earliest to the latest dated report of two incidents together."""
        firsts = [f for r in (a, b) if (f := self.first[r]) is not None]
        lasts = [self.last[r] for r in (a, b) if self.first[r] is not None]
        return max(lasts) - min(firsts) if firsts else 0

    def _file(self, pool: dict[int, list[EventView]], root: int, ev: EventView) -> None:
        recent = pool.setdefault(root, [])
        recent.append(ev)
        if len(recent) > KEEP_PER_BUCKET:
            del recent[0]

    def add(self, i: int, ev: EventView) -> None:
        self.parent[i] = i
        self.members[i] = [ev]
        self.last[i] = ev.date.toordinal() if ev.date else 0
        self.first[i] = ev.date.toordinal() if ev.date else None
        if ev.date is None:
            self.pinned.add(i)
            if ev.modality not in NOT_HAPPENINGS and ev.place_key:
                # an undated report links by its place alone (see _close)
                self._match(i, ev, [self.undated.get(("key", ev.place_key), {})])
            if ev.place_key:
                self._file(self.undated.setdefault(("key", ev.place_key), {}), self.find(i), ev)
            return
        t = ev.date.toordinal() // self.span
        if ev.modality not in NOT_HAPPENINGS:
            pools = [self.buckets.get((*k, t + d), {}) for k in _query_keys(ev, self.cell) for d in (-1, 0, 1)]
            if ev.place_key and ("key", ev.place_key) in self.undated:
                pools.append(self.undated[("key", ev.place_key)])
            self._match(i, ev, pools)
        root = self.find(i)
        for k in _index_keys(ev, self.cell):
            self._file(self.buckets.setdefault((*k, t), {}), root, ev)

    def close_before(self, day: int) -> Iterator[list[EventView]]:
        """Incidents no report on ``day`` or later can join: their latest report is more than ``days`` earlier."""
        done = [r for r, last in self.last.items() if r not in self.pinned and (
            last < day - self.days or (self.first[r] or day) < day - self.max_span)]
        for r in done:
            group = self.members.pop(r)
            del self.last[r], self.first[r]
            yield group
        if done:  # forget the closed events' union-find entries and the buckets no later report can reach
            live = set(self.members)
            roots = {i: self.find(i) for i in list(self.parent)}
            self.parent = {i: p for i, p in self.parent.items() if roots[i] in live}
        slot = day // self.span
        for key in [k for k in self.buckets if isinstance(k[-1], int) and k[-1] < slot - 1]:
            del self.buckets[key]

    def close_all(self) -> Iterator[list[EventView]]:
        for r in list(self.members):
            yield self.members.pop(r)
        self.last.clear()
        self.first.clear()
        self.parent.clear()
        self.buckets.clear()


def stream_groups(evs: Iterable[EventView], km: float, days: int) -> Iterator[list[EventView]]:
    """Group events into incidents as they stream in :func:`stream_order` (undated first, then by date).

    Memory holds the undated events and the incidents still open (a report within ``days`` of their
    latest), not the whole corpus. A new report is compared with the latest :data:`KEEP_PER_BUCKET`
    reports of each incident in its place-time bucket. Each group comes out sorted by date and id.
    """
    linker = _Linker(km, days)
    today: int | None = None
    for i, ev in enumerate(evs):
        if ev.date is not None:
            day = ev.date.toordinal()
            if today is not None and day < today:
                raise ValueError("stream_groups needs events in stream_order (by date)")
            if day != today:
                today = day
                for group in linker.close_before(day):
                    yield sorted(group, key=_order)
        linker.add(i, ev)
    for group in linker.close_all():
        yield sorted(group, key=_order)


def _order(ev: EventView) -> tuple[bool, int, str]:
    """Dated events first, by date, then by id: a stable order whatever the input order."""
    return (ev.date is None, ev.date.toordinal() if ev.date else 0, ev.id)


def _stance(ev: EventView) -> str:
    if ev.modality == "denied":
        return "denied"
    if has_cue(ev.sentence, territory().repel_cues):
        return "repelled"
    if ev.sub_event_type in territory().sub_events:
        return "taken"
    return "reported"


def _contest(reports: list[Report]) -> tuple[str, ...]:
    """Why the reports contradict each other (empty when they agree)."""
    def who(r: Report) -> str:
        return r.outlet or r.source

    reasons: list[str] = []
    by_stance: dict[str, list[Report]] = {}
    for r in reports:
        by_stance.setdefault(r.stance, []).append(r)
    taken, repelled, denied = by_stance.get("taken", []), by_stance.get("repelled", []), by_stance.get("denied", [])
    affirmed = [r for r in reports if r.stance != "denied"]
    if taken and repelled:
        reasons.append(f"taken ({who(taken[0])}) vs. repelled ({who(repelled[0])})")
    if denied and affirmed:
        reasons.append(f"reported ({who(affirmed[0])}) vs. denied ({who(denied[0])})")
    gainers = sorted({r.gainer for r in taken if r.gainer})
    if len(gainers) > 1:
        reasons.append("different controllers: " + " vs. ".join(gainers))
    return tuple(reasons)


def incident_id(event_ids: Iterable[str]) -> str:
    return "inc-" + hashlib.sha256("\n".join(sorted(event_ids)).encode()).hexdigest()[:12]


def _incident(group: list[EventView], registry: Registry, hints: dict[str, str]) -> Incident:
    reports = []
    for ev in sorted(group, key=lambda e: (e.date is None, e.date.toordinal() if e.date else 0, e.article_id, e.id)):
        side = gainer(ev, country_hint=hints.get(ev.article_id))
        reports.append(Report(
            event_id=ev.id, article_id=ev.article_id, outlet=ev.article.get("outlet"),
            original_source=ev.article.get("original_source"), source=root_source(ev.raw, ev.article, registry=registry),
            attribution=ev.attribution, modality=ev.modality, sub_event_type=ev.sub_event_type,
            actor1=(ev.actor1 or {}).get("name"), actor2=(ev.actor2 or {}).get("name"), place=ev.place_name,
            date=ev.date.isoformat() if ev.date else None, sentence=ev.sentence, stance=_stance(ev),
            gainer=side.label if side else None))
    reasons = _contest(reports)
    subs = Counter(r.sub_event_type for r in reports if r.sub_event_type)
    for r in reports:  # a territory change outranks the clash that reports it
        if r.stance == "taken" and r.sub_event_type:
            subs[r.sub_event_type] += len(reports)
    types = Counter(ev.event_type for ev in group if ev.event_type)
    placed = [ev for ev in group if ev.latlon] or [ev for ev in group if ev.place_name]
    anchor = placed[0] if placed else None
    dates = sorted(ev.date for ev in group if ev.date)
    return Incident(
        id=incident_id(ev.id for ev in group),
        event_type=types.most_common(1)[0][0] if types else None,
        sub_event_type=sorted(subs, key=lambda s: (-subs[s], s))[0] if subs else None,
        place=anchor.place_name if anchor else None,
        lat=anchor.latlon[0] if anchor and anchor.latlon else None,
        lon=anchor.latlon[1] if anchor and anchor.latlon else None,
        date_from=dates[0].isoformat() if dates else None, date_to=dates[-1].isoformat() if dates else None,
        reports=tuple(reports), independent_sources=tuple(sorted({r.source for r in reports})),
        contested=bool(reasons), reasons=reasons)


def link_incidents(events: Iterable[Event | dict[str, Any]], *, km: float = 25.0, days: int = 3,
                   registry: Registry | None = None, min_reports: int = 1) -> list[Incident]:
    """Group events into incidents (every event in exactly one; singletons too when ``min_reports`` is 1)."""
    reg = registry or load_registry()
    evs = sorted(views(events), key=stream_order)
    hints = article_country(evs)
    incidents = [_incident(g, reg, hints) for g in stream_groups(evs, km, days)]
    incidents = [i for i in incidents if len(i.reports) >= min_reports]
    return sorted(incidents, key=lambda i: (i.date_from or "", i.id))


def corroboration_of(incident: Incident) -> Corroboration:
    return Corroboration(incident.id, incident.independent_sources, incident.contested, incident.reasons)


def report_credibility(incident: Incident, events: Iterable[Event | dict[str, Any]], *,
                       registry: Registry) -> list[dict[str, Any]]:
    """Every report's credibility (score, parts, chain) in the light of its incident."""
    wanted = set(incident.event_ids)
    corr = corroboration_of(incident)
    return [credibility(ev, registry=registry, corroboration=corr).to_dict()
            for ev in events if str(ev.id if isinstance(ev, Event) else ev.get("id")) in wanted]


def update_incidents(store: Any, settings: Any) -> int:
    """Recompute incidents and every event's credibility from the store and save both (idempotent).

    Saved as derived records: kind "incident" keyed by incident id (with each report's credibility),
    kind "credibility" keyed by event id. Returns the number of incidents with two or more reports.
    Streams the store by date twice (once for each article's country, once to link), so memory holds
    the open incidents, not every event.
    """
    registry = load_registry(settings)
    hints = article_country(view(slim(e)) for e in store.iter_events_by_day())
    linked = 0

    def rows() -> Iterator[tuple[str, str, dict[str, Any]]]:
        nonlocal linked
        evs = (view(slim(e)) for e in store.iter_events_by_day())
        for group in stream_groups(evs, settings.corroboration_km, settings.corroboration_days):
            inc = _incident(group, registry, hints)
            corr = corroboration_of(inc)
            creds = [credibility(ev.raw, registry=registry, corroboration=corr).to_dict() | {"incident_id": inc.id}
                     for ev in group]
            linked += len(group) > 1
            yield "incident", inc.id, inc.to_dict() | {"credibility": creds}
            for ev, cred in zip(group, creds, strict=True):
                yield "credibility", ev.id, cred

    store.replace_derived_kinds(("incident", "credibility"), rows())
    return linked


def slim(event: dict[str, Any]) -> dict[str, Any]:
    """An event as stored, without the evidence trail and place candidates linking does not read."""
    out = {k: v for k, v in event.items() if k not in ("evidence", "mentions")}
    if isinstance(out.get("place"), dict):
        out["place"] = {k: v for k, v in out["place"].items() if k not in ("candidates", "evidence")}
    return out
