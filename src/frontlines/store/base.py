"""The store interface and the row shapes both backends share."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..contract import article_fields, event_to_dict, place_to_dict
from ..records import Result

SORTS = {"date", "-date", "confidence", "-confidence", "fatalities", "-fatalities", "id"}


def article_id_for(text: str) -> str:
    """Content-hash id: the same text (up to Unicode form and whitespace) gives the same id."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class EventQuery:
    """Filters for events; ``None`` means no filter. ``bbox`` is (west, south, east, north)."""

    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    modality: str | None = None
    outlet: str | None = None
    q: str | None = None
    article_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 100
    offset: int = 0
    sort: str = "date"


def article_row(result: Result) -> dict[str, Any]:
    a = result.article
    meta = article_fields(a)
    return {
        "id": a.id,
        "external_id": a.external_id,
        "source": a.source,
        "title": a.title,
        "published": meta["published"],
        "outlet": a.outlet,
        "original_source": a.original_source,
        "authors": json.dumps(list(a.authors), ensure_ascii=False),
        "translator": a.translator,
        "url": a.url,
        "language": a.language,
        "raw_text": a.raw_text,
        "clean_text": a.clean_text,
        "offsets": json.dumps([list(s) for s in a.offsets.segments]),
        "is_html": int(a.is_html),
        "errors": json.dumps(list(result.errors) + list(a.errors), ensure_ascii=False),
        "n_places": len(result.places),
        "n_events": len(result.events),
    }


def place_rows(result: Result) -> list[dict[str, Any]]:
    rows = []
    for i, p in enumerate(result.places):
        rows.append({
            "article_id": result.article.id,
            "idx": i,
            "text": p.text,
            "start": p.start,
            "end": p.end,
            "name": p.name,
            "geonameid": p.geonameid,
            "lat": p.lat,
            "lon": p.lon,
            "country_code": p.country_code,
            "precision": p.precision,
            "record": json.dumps(place_to_dict(p), ensure_ascii=False),
        })
    return rows


def event_rows(result: Result) -> list[dict[str, Any]]:
    rows = []
    for e in result.events:
        rec = event_to_dict(e)
        rows.append({
            "id": e.id,
            "article_id": result.article.id,
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "plover_type": e.plover_type,
            "actor1_name": e.actor1.name if e.actor1 else None,
            "actor1_id": e.actor1.id if e.actor1 else None,
            "actor2_name": e.actor2.name if e.actor2 else None,
            "actor2_id": e.actor2.id if e.actor2 else None,
            "location": e.place.name if e.place else None,
            "country_code": e.place.country_code if e.place else None,
            "lat": e.place.lat if e.place else None,
            "lon": e.place.lon if e.place else None,
            "precision": e.place.precision if e.place else None,
            "geo_precision": e.geo_precision,
            "date": e.date.isoformat() if e.date else None,
            "time_precision": e.time_precision,
            "fatalities": e.fatalities,
            "modality": e.modality,
            "attribution": e.attribution,
            "confidence": e.confidence,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "record": json.dumps(rec, ensure_ascii=False),
        })
    return rows


class Store(Protocol):
    """What every backend provides. Writes happen from one process (one writer)."""

    url: str

    def has_article(self, article_id: str) -> bool: ...

    def save(self, result: Result) -> bool:
        """Write an article with its places and events in one transaction; False if already stored."""
        ...

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The article's stored fields plus ``places`` and ``events`` (contract dicts)."""
        ...

    def query_events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events as contract dicts with ``id``, ``article_id`` and article ``outlet``/``title``."""
        ...

    def count_events(self, query: EventQuery) -> int: ...

    def iter_events(self) -> Iterator[dict[str, Any]]: ...

    def iter_events_by_day(self) -> Iterator[dict[str, Any]]:
        """Events by their day (the event's date, else the article's publication day; undated first), then id."""
        ...

    def iter_articles(self) -> Iterator[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def replace_derived(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kind`` (incidents, control...) in one transaction."""
        ...

    def replace_derived_kinds(self, kinds: Iterable[str], rows: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kinds`` with ``rows`` (kind, key, record), streamed, in one transaction."""
        ...

    def iter_derived(self, kind: str) -> Iterator[dict[str, Any]]: ...

    def close(self) -> None: ...
