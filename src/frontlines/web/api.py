"""The JSON API: events, articles, places, actors, stats, and exports, documented by OpenAPI.

Every handler reads through :mod:`frontlines.store.queries` with parameterised
SQL. Event lists are spliced from the stored contract JSON (no re-encoding).
Bad parameters get a 422 naming the parameter; ``<``, ``>`` and ``&`` are
escaped inside every JSON body so no response can close an HTML script tag.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import math
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import asdict, replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..export import CSV_COLUMNS, csv_values, geojson_features
from ..sources import control_as_of, to_geojson
from ..store import EventQuery
from ..store import queries as Q
from .text import highlights, paragraph_around

router = APIRouter(prefix="/api")

Sort = Literal["date", "-date", "confidence", "-confidence", "fatalities", "-fatalities", "id"]
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$"
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"
MAX_PAGE = 1000
MAX_POINTS = 50_000
MAX_EXPORT = 100_000


def escape_json(text: str) -> str:
    """Make JSON text safe inside HTML: ``<``, ``>``, ``&`` become ``\\u00XX`` (still the same JSON)."""
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        if char in text:  # a scan is much cheaper than a copy
            text = text.replace(char, code)
    return text


class SafeJSONResponse(JSONResponse):
    """JSON with HTML-significant characters escaped."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return escape_json(text).encode("utf-8")


def raw_json(body: str, status_code: int = 200) -> Response:
    return Response(escape_json(body).encode("utf-8"), status_code=status_code, media_type="application/json")


def store_of(request: Request) -> Any:
    return request.app.state.store


Text = Annotated[str | None, Query(max_length=200, pattern=TEXT_PATTERN)]


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """``"west,south,east,north"`` in degrees → a tuple; HTTPException 422 when malformed."""
    if bbox is None or bbox == "":
        return None
    parts = bbox.split(",")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, "bbox: expected four numbers west,south,east,north, e.g. bbox=35,30,45,38") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise HTTPException(422, "bbox: coordinates must be finite numbers")
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise HTTPException(422, "bbox: need -180 <= west <= east <= 180 and -90 <= south <= north <= 90")
    return (w, s, e, n)


async def event_filters(
    event_type: Text = None,
    sub_event_type: Text = None,
    actor: Annotated[str | None, Query(max_length=200, pattern=TEXT_PATTERN, description="Actor name (substring) or id")] = None,
    country: Annotated[str | None, Query(max_length=8, pattern=r"^[A-Za-z]{2,3}$", description="ISO country code")] = None,
    modality: Literal["asserted", "claimed", "planned", "denied", "speculative"] | None = None,
    outlet: Text = None,
    q: Annotated[str | None, Query(max_length=200, pattern=TEXT_PATTERN, description="Free text in sentence, title or location")] = None,
    article_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north in degrees")] = None,
    date_from: Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD), inclusive")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD), inclusive")] = None,
    sort: Sort = "date",
) -> EventQuery:
    """The filters shared by every event endpoint."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}: swap them")
    return EventQuery(
        event_type=event_type or None, sub_event_type=sub_event_type or None, actor=actor or None,
        country=country.upper() if country else None, modality=modality, outlet=outlet or None, q=q or None,
        article_id=article_id, bbox=parse_bbox(bbox),
        date_from=date_from.isoformat() if date_from else None, date_to=date_to.isoformat() if date_to else None,
        sort=sort)


Filters = Annotated[EventQuery, Depends(event_filters)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class VersionedCache:
    """Small results (totals, facets, stats, histograms) per key, dropped whenever the database changes.

    SQLite's ``data_version`` tells when another connection committed; where a
    backend cannot tell (PostgreSQL) nothing is cached.
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self.version: int | None = None
        self.items: OrderedDict[Any, Any] = OrderedDict()

    def get(self, store: Any, key: Any, compute: Callable[[], Any]) -> Any:
        version = Q.data_version(store)
        if version is None:
            return compute()
        if version != self.version:
            self.items.clear()
            self.version = version
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        value = self.items[key] = compute()
        if len(self.items) > self.size:
            self.items.popitem(last=False)
        return value

    def total(self, store: Any, query: EventQuery) -> int:
        key = ("count", replace(query, limit=0, offset=0, sort="id"))
        return int(self.get(store, key, lambda: Q.count(store, key[1])))

    def clear(self) -> None:
        self.items.clear()


def cached(request: Request, key: Any, compute: Callable[[], Any]) -> Any:
    return request.app.state.counts.get(store_of(request), key, compute)


EVENT_PAGE_SCHEMA = {
    "type": "object",
    "required": ["total", "limit", "offset", "events"],
    "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "sort": {"type": "string"}, "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
    },
}


@router.get("/events", summary="Events matching filters, one page", response_class=Response,
            responses={200: {"content": {"application/json": {"schema": EVENT_PAGE_SCHEMA}}}})
async def list_events(request: Request, query: Filters,
                      limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Offset = 0) -> Response:
    """Events as contract records plus ``article_id`` and ``article`` (outlet, title, original source, url, published)."""
    store = store_of(request)
    page = replace(query, limit=limit, offset=offset)
    total = request.app.state.counts.total(store, page)
    rows = Q.events_json(store, page) if offset < total else []
    head = f'{{"total":{total},"limit":{limit},"offset":{offset},"sort":{json.dumps(page.sort)},"events":['
    return raw_json(head + ",".join(rows) + "]}")


@router.get("/points", summary="Located events as compact map points",
            response_class=Response, responses={200: {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"total": {"type": "integer"}, "fields": {"type": "array"},
                                                 "points": {"type": "array"}}}}}}})
async def list_points(request: Request, query: Filters,
                      limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = 20_000) -> Response:
    """``points`` rows are ``[id, lat, lon, event_type, precision, date, modality]``; ``total`` counts all matches."""
    store = store_of(request)
    pts = Q.points(store, replace(query, limit=limit, offset=0))
    rows = ",".join(p if isinstance(p, str) else json.dumps(p, ensure_ascii=False) for p in pts)
    total = request.app.state.counts.total(store, query)
    return raw_json(f'{{"total":{total},"fields":["id","lat","lon","event_type","precision","date","modality"],'
                    f'"points":[{rows}]}}')


@router.get("/histogram", summary="Events per day for the timeline (date range ignored)")
async def histogram(request: Request, query: Filters) -> dict[str, Any]:
    q = replace(query, sort="id")
    return {"days": cached(request, ("histogram", q), lambda: Q.histogram(store_of(request), q))}


@router.get("/facets", summary="Filter values with counts")
async def facets(request: Request) -> dict[str, Any]:
    return dict(cached(request, "facets", lambda: Q.facets(store_of(request))))


@router.get("/events/{event_id}", summary="One event with its paragraph",
            responses={404: {"description": "No such event"}})
async def get_event(request: Request, event_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> Response:
    """The event, plus ``context``: the paragraph holding its evidence sentence and the sentence's offsets in it."""
    store = store_of(request)
    body = Q.event_json(store, event_id)
    if body is None:
        raise HTTPException(404, f"event {event_id!r} not found (list events at /api/events)")
    event = json.loads(body)
    text = Q.article_text(store, event["article_id"])
    if text is not None and isinstance(event.get("start"), int) and isinstance(event.get("end"), int):
        event["context"] = asdict(paragraph_around(text, event["start"], event["end"]))
    else:
        event["context"] = None
    return SafeJSONResponse(event)


ARTICLE_KEYS = ("id", "external_id", "title", "published", "outlet", "original_source", "authors", "translator",
                "url", "language", "clean_text", "errors", "n_places", "n_events", "ingested_at", "places", "events")


@router.get("/articles/{article_id}", summary="One article: cleaned text, metadata, places, events, highlights",
            responses={404: {"description": "No such article"}})
async def get_article(request: Request, article_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> Response:
    art = store_of(request).get_article(article_id)
    if art is None:
        raise HTTPException(404, f"article {article_id!r} not found (list events at /api/events)")
    out = {k: art.get(k) for k in ARTICLE_KEYS}
    out["article_id"] = art["id"]
    out["highlights"] = highlights(art)
    return SafeJSONResponse(out)


@router.get("/places", summary="Resolved places with mention counts")
async def list_places(request: Request, q: Text = None,
                      country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")] = None,
                      limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Offset = 0) -> dict[str, Any]:
    cc = country.upper() if country else None
    rows = cached(request, ("places", q, cc, limit, offset),
                  lambda: Q.places(store_of(request), q=q, country=cc, limit=limit, offset=offset))
    return {"limit": limit, "offset": offset, "places": rows}


@router.get("/actors", summary="Actors with event counts")
async def list_actors(request: Request, q: Text = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                      offset: Offset = 0) -> dict[str, Any]:
    rows = cached(request, ("actors", q, limit, offset),
                  lambda: Q.actors(store_of(request), q=q, limit=limit, offset=offset))
    return {"limit": limit, "offset": offset, "actors": rows}


@router.get("/stats", summary="What the database holds")
async def stats(request: Request) -> dict[str, Any]:
    return dict(cached(request, "stats", lambda: store_of(request).stats()))


@router.get("/config", summary="Settings the map page needs")
async def config(request: Request) -> dict[str, Any]:
    s = request.app.state
    return {"tiles": s.tile_url, "tiles_attribution": s.tile_attribution, "writes": s.allow_writes,
            "control": True}


@router.get("/export.csv", summary="Export matching events as CSV", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
async def export_csv(request: Request, query: Filters,
                     limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT) -> StreamingResponse:
    store = store_of(request)

    async def rows() -> AsyncIterator[str]:
        # An async generator runs on the event loop, like every other query: the store's connection
        # is never used from two threads. Pages of 1000 rows keep the loop responsive meanwhile.
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        done = 0
        while done < limit:
            page = Q.events_json(store, replace(query, limit=min(1000, limit - done), offset=done))
            for body in page:
                w.writerow(csv_values(json.loads(body)))
            done += len(page)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
            if len(page) < 1000:
                break
            await asyncio.sleep(0)

    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="frontlines-events.csv"'})


@router.get("/export.geojson", summary="Export matching located events as GeoJSON", response_class=Response,
            responses={200: {"content": {"application/geo+json": {}}}})
async def export_geojson(request: Request, query: Filters,
                         limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT) -> Response:
    events = (json.loads(body) for body in Q.iter_events_json(store_of(request), replace(query, limit=limit)))
    feats = list(geojson_features(events))
    text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, separators=(",", ":"))
    return Response(escape_json(text).encode("utf-8"), media_type="application/geo+json",
                    headers={"Content-Disposition": 'attachment; filename="frontlines-events.geojson"'})


@router.get("/control", summary="Territorial control as of a date, with the claims behind it (GeoJSON)")
async def control(request: Request, date: dt.date, bbox: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    box = parse_bbox(bbox)
    result = cached(request, ("control", date, box),
                    lambda: dict(to_geojson(control_as_of(store_of(request), date=date, bbox=box))))
    return SafeJSONResponse(result)
