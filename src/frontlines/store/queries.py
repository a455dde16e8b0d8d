"""Read-only queries for the web app, over any store that exposes ``conn`` and ``placeholder``.

SQL here is portable between SQLite and PostgreSQL and always parameterised;
only column names and ORDER BY clauses from fixed tables below are spliced in.
Event rows come back as pre-serialised JSON (the stored contract record with
``article_id`` and ``article`` added) so the API never re-encodes them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .base import SORTS, EventQuery

ORDER = {
    "date": "e.date ASC, e.id ASC",
    "-date": "e.date DESC, e.id ASC",
    "confidence": "e.confidence ASC, e.id ASC",
    "-confidence": "e.confidence DESC, e.id ASC",
    "fatalities": "e.fatalities ASC, e.id ASC",
    "-fatalities": "e.fatalities DESC, e.id ASC",
    "id": "e.id ASC",
}
assert set(ORDER) == SORTS
# SQLite: break ties by rowid, which the events_date index already holds, so no sort step is needed.
ORDER_SQLITE = {**ORDER, "date": "e.date ASC, e.rowid ASC", "-date": "e.date DESC, e.rowid DESC"}

_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
_ROW = "SELECT e.id, e.article_id, e.record, a.outlet, a.title, a.original_source, a.url, a.published"
_EQUALS = (
    ("e.event_type", "event_type"),
    ("e.sub_event_type", "sub_event_type"),
    ("e.country_code", "country"),
    ("e.modality", "modality"),
    ("a.outlet", "outlet"),
    ("e.article_id", "article_id"),
)


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, case-folded, with % _ and \\ taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


ESC = " ESCAPE '\\'"


def _ph(store: Any) -> str:
    return str(getattr(store, "placeholder", "?"))


def _order(store: Any, sort: str) -> str:
    order = (ORDER_SQLITE if _ph(store) == "?" else ORDER).get(sort)
    if order is None:
        raise ValueError(f"unknown sort {sort!r} (use one of {', '.join(sorted(SORTS))})")
    return order


def _from(query: EventQuery) -> str:
    """Join articles only when a filter needs them (every event has its article: a foreign key)."""
    return _FROM if (query.outlet is not None or query.q) else " FROM events e"


def where_clause(query: EventQuery, ph: str = "?") -> tuple[str, list[Any]]:
    """The WHERE clause (with its leading space) and arguments for ``query``'s filters."""
    clauses: list[str] = []
    args: list[Any] = []
    for col, name in _EQUALS:
        val = getattr(query, name)
        if val is not None:
            clauses.append(f"{col} = {ph}")
            args.append(val)
    if query.actor:
        like = _like(query.actor)
        clauses.append(f"(LOWER(e.actor1_name) LIKE {ph}{ESC} OR LOWER(e.actor2_name) LIKE {ph}{ESC} "
                       f"OR e.actor1_id = {ph} OR e.actor2_id = {ph})")
        args += [like, like, query.actor, query.actor]
    if query.q:
        like = _like(query.q)
        clauses.append(f"(LOWER(e.sentence) LIKE {ph}{ESC} OR LOWER(a.title) LIKE {ph}{ESC} "
                       f"OR LOWER(e.location) LIKE {ph}{ESC})")
        args += [like, like, like]
    if query.bbox:
        west, south, east, north = (float(v) for v in query.bbox)
        if ph == "%s":
            # PostgreSQL: the GiST index on the geography column finds candidates; the exact test below
            # keeps SQLite's semantics (inclusive edges).
            clauses.append(f"e.geog::geometry && ST_MakeEnvelope({ph}, {ph}, {ph}, {ph}, 4326)")
            args += [west, south, east, north]
        clauses.append(f"e.lat BETWEEN {ph} AND {ph} AND e.lon BETWEEN {ph} AND {ph}")
        args += [south, north, west, east]
    if query.date_from:
        clauses.append(f"e.date >= {ph}")
        args.append(query.date_from)
    if query.date_to:
        clauses.append(f"e.date <= {ph}")
        args.append(query.date_to)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), args


@functools.lru_cache(maxsize=4096)
def _article_json(outlet: Any, title: Any, original_source: Any, url: Any, published: Any) -> str:
    return json.dumps({"outlet": outlet, "title": title, "original_source": original_source, "url": url,
                       "published": published}, ensure_ascii=False, separators=(",", ":"))


def _event_json(row: Any) -> str:
    """The stored record with article_id and article spliced in (the record already holds ``id``)."""
    record: str = row[2]
    head = record.rstrip()[:-1].rstrip()
    sep = "," if head != "{" else ""
    return f'{head}{sep}"article_id":{json.dumps(row[1])},"article":{_article_json(*row[3:8])}}}'


# SQLite splices in C: the stored record minus its closing brace, then article_id and article.
_ROW_SQLITE = (
    "SELECT substr(e.record, 1, length(e.record) - 1) || ',\"article_id\":' || json_quote(e.article_id) || "
    "',\"article\":' || "
    "json_object('outlet', a.outlet, 'title', a.title, 'original_source', a.original_source, 'url', a.url, "
    "'published', a.published) || '}'"
)


def events_json(store: Any, query: EventQuery) -> list[str]:
    """One page of events matching ``query``, each a JSON object string."""
    ph = _ph(store)
    where, args = where_clause(query, ph)
    tail = f"{_FROM}{where} ORDER BY {_order(store, query.sort)} LIMIT {ph} OFFSET {ph}"
    cursor = store.conn.execute((_ROW_SQLITE if ph == "?" else _ROW) + tail, [*args, query.limit, query.offset])
    if ph == "?":
        return [r[0] for r in cursor]
    return [_event_json(r) for r in cursor]


def iter_events_json(store: Any, query: EventQuery, *, batch: int = 1000) -> Iterator[str]:
    """Every event matching ``query`` (limit caps the total), in pages of ``batch``."""
    done = 0
    while done < query.limit:
        page = events_json(store, replace(query, offset=query.offset + done, limit=min(batch, query.limit - done)))
        yield from page
        done += len(page)
        if len(page) < batch:
            return


def event_json(store: Any, event_id: str) -> str | None:
    ph = _ph(store)
    row = store.conn.execute(f"{_ROW}{_FROM} WHERE e.id = {ph}", [event_id]).fetchone()
    return _event_json(row) if row else None


def count(store: Any, query: EventQuery) -> int:
    where, args = where_clause(query, _ph(store))
    return int(store.conn.execute(f"SELECT COUNT(*){_from(query)}{where}", args).fetchone()[0])


def points(store: Any, query: EventQuery) -> list[Any]:
    """Compact rows for the map: [id, lat, lon, event_type, precision, date, modality]; located events only.

    On SQLite each row comes back as JSON text (built in C); elsewhere as a list.
    """
    ph = _ph(store)
    where, args = where_clause(query, ph)
    where = (where + " AND" if where else " WHERE") + " e.lat IS NOT NULL AND e.lon IS NOT NULL"
    cols = "e.id, e.lat, e.lon, e.event_type, e.precision, e.date, e.modality"
    select = f"SELECT json_array({cols})" if ph == "?" else f"SELECT {cols}"
    sql = f"{select}{_from(query)}{where} ORDER BY {_order(store, query.sort)} LIMIT {ph} OFFSET {ph}"
    rows = store.conn.execute(sql, [*args, query.limit, query.offset])
    return [r[0] for r in rows] if ph == "?" else [list(r) for r in rows]


def histogram(store: Any, query: EventQuery) -> list[list[Any]]:
    """[date, count] per day for ``query`` without its date range (the timeline shows the whole span)."""
    q = replace(query, date_from=None, date_to=None)
    where, args = where_clause(q, _ph(store))
    where = (where + " AND" if where else " WHERE") + " e.date IS NOT NULL"
    sql = f"SELECT e.date, COUNT(*){_from(q)}{where} GROUP BY e.date ORDER BY e.date"
    return [[r[0], int(r[1])] for r in store.conn.execute(sql, args)]


def facets(store: Any, *, top: int = 200) -> dict[str, list[list[Any]]]:
    """Distinct filter values with counts: event types, sub-event types, countries, modalities, outlets."""
    ph = _ph(store)
    out: dict[str, list[list[Any]]] = {}
    for name, col in (("event_type", "event_type"), ("country", "country_code"), ("modality", "modality")):
        sql = (f"SELECT {col}, COUNT(*) FROM events WHERE {col} IS NOT NULL GROUP BY {col} "
               f"ORDER BY COUNT(*) DESC, {col} LIMIT {ph}")
        out[name] = [[r[0], int(r[1])] for r in store.conn.execute(sql, [top])]
    sql = (f"SELECT outlet, SUM(n_events) FROM articles WHERE outlet IS NOT NULL AND n_events > 0 "
           f"GROUP BY outlet ORDER BY SUM(n_events) DESC, outlet LIMIT {ph}")
    out["outlet"] = [[r[0], int(r[1])] for r in store.conn.execute(sql, [top])]
    sql = (f"SELECT sub_event_type, event_type, COUNT(*) FROM events WHERE sub_event_type IS NOT NULL "
           f"GROUP BY sub_event_type, event_type ORDER BY COUNT(*) DESC, sub_event_type LIMIT {ph}")
    out["sub_event_type"] = [[r[0], r[1], int(r[2])] for r in store.conn.execute(sql, [top])]
    return out


def article_text(store: Any, article_id: str) -> str | None:
    """The user's text of one article (what record offsets index)."""
    row = store.conn.execute(f"SELECT raw_text FROM articles WHERE id = {_ph(store)}", [article_id]).fetchone()
    return None if row is None else str(row[0])


def places(store: Any, *, q: str | None = None, country: str | None = None,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Resolved places with how often and in how many articles they are mentioned."""
    ph = _ph(store)
    clauses, args = ["p.lat IS NOT NULL"], []
    if q:
        clauses.append(f"(LOWER(p.name) LIKE {ph}{ESC} OR LOWER(p.text) LIKE {ph}{ESC})")
        args += [_like(q)] * 2
    if country:
        clauses.append(f"p.country_code = {ph}")
        args.append(country)
    sql = (f"SELECT p.name, p.geonameid, p.lat, p.lon, p.country_code, p.precision, COUNT(*), "
           f"COUNT(DISTINCT p.article_id) FROM places p WHERE {' AND '.join(clauses)} "
           f"GROUP BY p.name, p.geonameid, p.lat, p.lon, p.country_code, p.precision "
           f"ORDER BY COUNT(*) DESC, p.name LIMIT {ph} OFFSET {ph}")
    keys = ("name", "geonameid", "lat", "lon", "country_code", "precision", "mentions", "articles")
    return [dict(zip(keys, r, strict=True)) for r in store.conn.execute(sql, [*args, limit, offset])]


def actors(store: Any, *, q: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Actors named as actor1 or actor2, with event counts."""
    ph = _ph(store)
    filt, args = "", []
    if q:
        filt = f" AND LOWER(name) LIKE {ph}{ESC}"
        args = [_like(q)]
    sql = (f"SELECT name, actor_id, COUNT(*) FROM ("
           f"SELECT actor1_name AS name, actor1_id AS actor_id FROM events WHERE actor1_name IS NOT NULL "
           f"UNION ALL SELECT actor2_name, actor2_id FROM events WHERE actor2_name IS NOT NULL) t "
           f"WHERE 1 = 1{filt} GROUP BY name, actor_id ORDER BY COUNT(*) DESC, name LIMIT {ph} OFFSET {ph}")
    return [{"name": r[0], "id": r[1], "events": int(r[2])}
            for r in store.conn.execute(sql, [*args, limit, offset])]


def data_version(store: Any) -> int | None:
    """A number that changes when another connection commits (SQLite); None where unknown."""
    if _ph(store) != "?":
        return None
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])
