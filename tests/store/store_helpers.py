"""Helpers for the store tests: the PostgreSQL test DSN and fictional results (imported by conftest,
the tests and crash_writer.py)."""

from __future__ import annotations

import datetime as dt
import os
from urllib.parse import quote

from frontlines.records import Actor, Article, Event, OffsetMap, Place, Result
from frontlines.store import article_id_for

PG_DSN = os.environ.get("FRONTLINES_TEST_PG_DSN", "")


def pg_schema_url(schema: str) -> str:
    """The test DSN with ``search_path`` set to ``schema`` (PostGIS stays reachable through public)."""
    sep = "&" if "?" in PG_DSN else "?"
    return f"{PG_DSN}{sep}options={quote(f'-csearch_path={schema},public')}"


def make_place(name: str, lat: float | None, lon: float | None, *, country: str | None = "GD",
               start: int = 0) -> Place:
    return Place(text=name, start=start, end=start + len(name), name=name, geonameid=1000 + start,
                 lat=lat, lon=lon, country_code=country, admin1=None, feature_code="PPL",
                 precision="point" if lat is not None else "unresolved", confidence=0.8)


def make_result(text: str, *, published: str | None = "2017-06-18", outlet: str = "Gondor Herald",
                title: str | None = None, external_id: str | None = None,
                events: list[dict] | None = None) -> Result:
    """An article with one event per ``events`` entry (keys: type, place, lat, lon, date, actor, fatalities)."""
    aid = article_id_for(text)
    article = Article(id=aid, raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      source="test", external_id=external_id, title=title or text[:30], outlet=outlet,
                      published=dt.date.fromisoformat(published) if published else None, authors=("A. Scribe",))
    places: list[Place] = []
    evs: list[Event] = []
    for i, spec in enumerate(events or []):
        place = make_place(spec.get("place", "Minas Tirith"), spec.get("lat"), spec.get("lon"),
                           country=spec.get("country", "GD"), start=i * 10)
        places.append(place)
        actor = spec.get("actor")
        date = spec.get("date")
        evs.append(Event(
            id=f"{aid}-e{i}", article_id=aid, event_type=spec.get("type", "Battles"),
            sub_event_type=spec.get("sub"), plover_type=None,
            actor1=Actor(name=actor, id=None, inter=None, text=actor) if actor else None, actor2=None,
            assoc_actors=(), place=place, geo_precision=1 if spec.get("lat") is not None else None,
            date=dt.date.fromisoformat(date) if date else None, time_precision=1 if date else None,
            fatalities=spec.get("fatalities"), modality="asserted", attribution=None,
            sentence=spec.get("sentence", text[:40]), start=i * 10, end=i * 10 + 5,
            confidence=spec.get("confidence", 0.5)))
    return Result(article=article, places=tuple(places), events=tuple(evs))
