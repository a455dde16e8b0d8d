"""PostgreSQL + PostGIS backend, behind the same interface as :class:`SQLiteStore`.

The shared migrations run unchanged; under the same migration name PostGIS adds
``events.geog geography(Point,4326)`` with a GiST index (plus one on its
``geometry`` cast, which bbox queries use). Reads and writes give the same
shapes and the same order as SQLite: text is ordered with ``COLLATE "C"`` and
NULLs sort first, as SQLite does.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import StoreError, require_extra
from ..records import Result
from .base import SORTS, EventQuery, article_row, event_rows, place_rows
from .migrations import MIGRATIONS
from .queries import where_clause

#: PostGIS steps applied in the same transaction as the shared migration of that name.
POSTGIS_EXTRA: dict[str, tuple[str, ...]] = {
    "0001_articles_places_events": (
        # Generated from lat/lon, so every writer keeps it in step.
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS geog geography(Point, 4326) GENERATED ALWAYS AS "
        "(CASE WHEN lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180 "
        "THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END) STORED",
        "CREATE INDEX IF NOT EXISTS events_geog ON events USING GIST (geog)",
        "CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST ((geog::geometry))",
    ),
}

_MIGRATION_LOCK = 0x46524F4E  # pg_advisory_xact_lock key: "FRON"

_ORDER = {
    "date": 'e.date COLLATE "C" ASC NULLS FIRST, e.id COLLATE "C" ASC',
    "-date": 'e.date COLLATE "C" DESC NULLS LAST, e.id COLLATE "C" ASC',
    "confidence": 'e.confidence ASC NULLS FIRST, e.id COLLATE "C" ASC',
    "-confidence": 'e.confidence DESC NULLS LAST, e.id COLLATE "C" ASC',
    "fatalities": 'e.fatalities ASC NULLS FIRST, e.id COLLATE "C" ASC',
    "-fatalities": 'e.fatalities DESC NULLS LAST, e.id COLLATE "C" ASC',
    "id": 'e.id COLLATE "C" ASC',
}

_EVENT_SELECT = (
    "SELECT e.record, e.id AS id, e.article_id AS article_id, a.outlet AS outlet, a.title AS title, "
    "a.original_source AS original_source, a.url AS url, a.published AS published "
    "FROM events e JOIN articles a ON a.id = e.article_id"
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _psycopg() -> Any:
    require_extra("psycopg", extra="postgres", feature="PostgreSQL support")
    import psycopg

    return psycopg


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, userpass = head.partition("//")
    return f"{scheme}//{userpass.split(':', 1)[0]}:***@{tail}"


class PostgresStore:
    """A frontlines database in PostgreSQL with PostGIS. Writes from one process (one writer)."""

    placeholder = "%s"

    def __init__(self, url: str) -> None:
        self.url = url
        self._psycopg = _psycopg()
        self._lock = threading.RLock()
        try:
            self.conn = self._connect()
        except self._psycopg.Error as err:
            raise StoreError(
                f"{_safe_url(url)}: cannot connect to PostgreSQL: {_first_line(err)} "
                "(is the server running and the URL right? e.g. postgresql://user@localhost/frontlines)"
            ) from None
        self.migrate()

    def _connect(self) -> Any:
        # Plain tuple rows on ``conn`` (store/queries.py indexes rows by position); dict rows via _q.
        return self._psycopg.connect(self.url, autocommit=True)

    def _q(self, sql: str, args: Any = ()) -> Any:
        """Run ``sql`` on the main connection; rows come back as dicts."""
        from psycopg.rows import dict_row

        return self.conn.cursor(row_factory=dict_row).execute(sql, args)

    # -- schema -----------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        with self._lock:
            self._q(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            rows = self._q('SELECT name FROM schema_migrations ORDER BY name COLLATE "C"').fetchall()
        return [r["name"] for r in rows]

    def migrate(self) -> list[str]:
        """Apply pending migrations (shared SQL + PostGIS extras); returns the names applied now."""
        psycopg = self._psycopg
        applied: list[str] = []
        try:
            with self._lock, self.conn.transaction():
                self._q("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                self._ensure_postgis()
                self._q(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                done = {r["name"] for r in self._q("SELECT name FROM schema_migrations")}
                for m in MIGRATIONS:
                    if m.name in done:
                        continue
                    for stmt in (*m.sql, *POSTGIS_EXTRA.get(m.name, ())):
                        self._q(stmt)
                    self._q("INSERT INTO schema_migrations VALUES (%s, %s)", (m.name, _now()))
                    applied.append(m.name)
        except psycopg.Error as err:
            raise StoreError(f"{_safe_url(self.url)}: migration failed: {_first_line(err)} "
                             "(does the user own the database and may it create tables?)") from None
        return applied

    def _ensure_postgis(self) -> None:
        have = self._q("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
        if have:
            return
        try:
            with self.conn.transaction():
                self._q("CREATE EXTENSION IF NOT EXISTS postgis")
        except self._psycopg.Error as err:
            raise StoreError(
                f"{_safe_url(self.url)}: PostGIS is not available: {_first_line(err)} "
                "(install postgresql-15-postgis-3 and run `CREATE EXTENSION postgis` as a superuser)"
            ) from None

    # -- writes -----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return self._q("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone() is not None

    def save(self, result: Result) -> bool:
        """Write an article with its places and events in one transaction; False if already stored."""
        psycopg = self._psycopg
        row = _no_nul(article_row(result))
        row["ingested_at"] = _now()
        try:
            with self._lock, self.conn.transaction():
                cur = self._q(_insert_sql("articles", row, "ON CONFLICT (id) DO NOTHING"), list(row.values()))
                if cur.rowcount == 0:
                    return False
                places = [_no_nul(p) for p in place_rows(result)]
                if places:
                    with self.conn.cursor() as c:
                        c.executemany(_insert_sql("places", places[0]), [list(p.values()) for p in places])
                events = [_no_nul(e) for e in event_rows(result)]
                if events:
                    sql = _insert_sql("events", events[0], "ON CONFLICT (id) DO NOTHING")
                    with self.conn.cursor() as c:
                        c.executemany(sql, [list(e.values()) for e in events])
        except psycopg.Error as err:
            raise StoreError(f"{_safe_url(self.url)}: write failed: {_first_line(err)} "
                             "(is the server up and the disk not full?)") from None
        return True

    def replace_derived(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kind`` (e.g. "incident") in one transaction."""
        return self.replace_derived_kinds((kind,), ((kind, key, rec) for key, rec in rows))

    def replace_derived_kinds(self, kinds: Iterable[str], rows: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kinds`` with ``rows`` (kind, key, record), streamed, in one transaction."""
        n = 0
        with self._lock, self.conn.transaction():
            for kind in kinds:
                self._q("DELETE FROM derived WHERE kind = %s", (kind,))
            with self.conn.cursor() as c:
                batch: list[tuple[str, str, str]] = []
                for kind, key, rec in rows:
                    batch.append((kind, key, json.dumps(rec, ensure_ascii=False, sort_keys=True)))
                    if len(batch) >= 1000:
                        c.executemany("INSERT INTO derived (kind, key, record) VALUES (%s, %s, %s)", batch)
                        n += len(batch)
                        batch = []
                if batch:
                    c.executemany("INSERT INTO derived (kind, key, record) VALUES (%s, %s, %s)", batch)
                    n += len(batch)
        return n

    def iter_derived(self, kind: str) -> Iterator[dict[str, Any]]:
        for r in self._stream('SELECT record FROM derived WHERE kind = %s ORDER BY key COLLATE "C"', (kind,)):
            yield json.loads(r["record"])

    # -- reads ------------------------------------------------------------
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._q("SELECT * FROM articles WHERE id = %s OR external_id = %s "
                          'ORDER BY (id = %s) DESC, id COLLATE "C" LIMIT 1',
                          (article_id, article_id, article_id)).fetchone()
            if row is None:
                return None
            art = dict(row)
            art["authors"] = json.loads(art["authors"] or "[]")
            art["errors"] = json.loads(art["errors"] or "[]")
            art["offsets"] = json.loads(art["offsets"] or "[]")
            art["places"] = [json.loads(r["record"]) for r in self._q(
                "SELECT record FROM places WHERE article_id = %s ORDER BY idx", (art["id"],))]
            art["events"] = [_event_out(r) for r in self._q(
                _EVENT_SELECT + ' WHERE e.article_id = %s ORDER BY e.start NULLS FIRST, e.id COLLATE "C"',
                (art["id"],))]
        return art

    def _where(self, q: EventQuery) -> tuple[str, list[Any]]:
        return where_clause(q, "%s")

    def query_events(self, query: EventQuery) -> list[dict[str, Any]]:
        if query.sort not in SORTS:
            raise StoreError(f"unknown sort {query.sort!r} (use one of {', '.join(sorted(SORTS))})")
        where, args = self._where(query)
        sql = f"{_EVENT_SELECT}{where} ORDER BY {_ORDER[query.sort]} LIMIT %s OFFSET %s"
        with self._lock:
            rows = self._q(sql, [*args, query.limit, query.offset]).fetchall()
        return [_event_out(r) for r in rows]

    def count_events(self, query: EventQuery) -> int:
        where, args = self._where(query)
        with self._lock:
            row = self._q(
                f"SELECT COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id{where}", args).fetchone()
        return int(row["n"])

    def events_near(self, lat: float, lon: float, km: float, *, limit: int = 100) -> list[dict[str, Any]]:
        """Events within ``km`` of a point, nearest first (PostGIS only; uses the geography index)."""
        point = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"
        sql = (f"{_EVENT_SELECT} WHERE ST_DWithin(e.geog, {point}, %s) "
               f'ORDER BY ST_Distance(e.geog, {point}), e.id COLLATE "C" LIMIT %s')
        with self._lock:
            rows = self._q(sql, (lon, lat, km * 1000.0, lon, lat, limit)).fetchall()
        return [_event_out(r) for r in rows]

    def iter_events(self) -> Iterator[dict[str, Any]]:
        sql = (_EVENT_SELECT + ' ORDER BY e.date COLLATE "C" NULLS FIRST, e.article_id COLLATE "C", '
               'e.start NULLS FIRST, e.id COLLATE "C"')
        for r in self._stream(sql):
            yield _event_out(r)

    def iter_events_by_day(self) -> Iterator[dict[str, Any]]:
        """Events by their day (the event's date, else the article's publication day; undated first), then id."""
        sql = (_EVENT_SELECT + ' ORDER BY substr(COALESCE(e.date, a.published), 1, 10) COLLATE "C" NULLS FIRST, '
               'e.id COLLATE "C"')
        for r in self._stream(sql):
            yield _event_out(r)

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for r in self._stream('SELECT id FROM articles ORDER BY ingested_at COLLATE "C", id COLLATE "C"'):
            art = self.get_article(r["id"])
            if art is not None:
                yield art

    def _stream(self, sql: str, args: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        """Rows through a server-side cursor on a second connection, so the caller may query meanwhile."""
        from psycopg.rows import dict_row

        conn = self._connect()
        try:
            with conn.transaction(), conn.cursor(name="frontlines_stream", row_factory=dict_row) as cur:
                cur.itersize = 500
                cur.execute(sql, args)
                yield from cur
        finally:
            conn.close()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            def one(sql: str) -> Any:
                return self._q(sql).fetchone()["v"]

            by_type = {r["k"] or "none": r["n"] for r in self._q(
                'SELECT event_type AS k, COUNT(*) AS n FROM events GROUP BY event_type '
                'ORDER BY 2 DESC, 1')}
            by_lang = {r["k"] or "unknown": r["n"] for r in self._q(
                'SELECT language AS k, COUNT(*) AS n FROM articles GROUP BY language '
                'ORDER BY 2 DESC, 1')}
            out = {
                "articles": one("SELECT COUNT(*) AS v FROM articles"),
                "places": one("SELECT COUNT(*) AS v FROM places"),
                "events": one("SELECT COUNT(*) AS v FROM events"),
                "outlets": one("SELECT COUNT(DISTINCT outlet) AS v FROM articles"),
                "date_min": one('SELECT MIN(date COLLATE "C") AS v FROM events'),
                "date_max": one('SELECT MAX(date COLLATE "C") AS v FROM events'),
                "events_by_type": by_type,
                "articles_by_language": by_lang,
            }
        out["migrations"] = self.applied_migrations()
        return out

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:200]


def _no_nul(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL: store U+FFFD instead (same length, so offsets still hold)."""
    return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v for k, v in row.items()}



def _insert_sql(table: str, row: dict[str, Any], tail: str = "") -> str:
    cols = [f'"{c}"' for c in row]
    marks = ["%s"] * len(row)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(marks)}) {tail}".rstrip()


def _event_out(row: dict[str, Any]) -> dict[str, Any]:
    rec = json.loads(row["record"])
    rec["id"] = row["id"]
    rec["article_id"] = row["article_id"]
    rec["article"] = {k: row[k] for k in ("outlet", "title", "original_source", "url", "published")}
    return rec
