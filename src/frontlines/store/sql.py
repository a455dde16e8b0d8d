"""What both SQL backends share: writes, reads, derived records and stats over one schema.

:class:`SQLStore` holds every member whose SQL is the same on SQLite and PostgreSQL; a backend
supplies its dialect as class attributes (placeholder, ORDER BY per sort, text collation, where
NULLs sort) and four hooks (run a statement, run one for many rows, a transaction, stream rows
from a second connection), plus its own connection set-up and migrations.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any, ClassVar

from ..errors import StoreError
from ..records import Result
from .base import SORTS, EventQuery, article_row, event_rows, place_rows
from .queries import where_clause

EVENT_SELECT = (
    "SELECT e.record, e.id AS id, e.article_id AS article_id, a.outlet AS outlet, a.title AS title, "
    "a.original_source AS original_source, a.url AS url, a.published AS published "
    "FROM events e JOIN articles a ON a.id = e.article_id"
)
MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
_DERIVED_BATCH = 1000


def now() -> str:
    """The current UTC time as stored (ISO 8601, seconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def insert_sql(table: str, row: Mapping[str, Any], placeholder: str, tail: str = "") -> str:
    """``INSERT INTO table (columns of row) VALUES (placeholders) tail``."""
    cols = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join(placeholder for _ in row)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks}) {tail}".rstrip()


def event_out(row: Mapping[str, Any]) -> dict[str, Any]:
    """An ``EVENT_SELECT`` row as the stored contract record with ``id``, ``article_id`` and ``article``."""
    rec: dict[str, Any] = json.loads(row["record"])
    rec["id"] = row["id"]
    rec["article_id"] = row["article_id"]
    rec["article"] = {k: row[k] for k in ("outlet", "title", "original_source", "url", "published")}
    return rec


class SQLStore(ABC):
    """The store interface over a DB-API connection; subclasses give the dialect and the hooks."""

    url: str
    conn: Any
    placeholder: ClassVar[str] = "?"
    #: ORDER BY clause for each ``EventQuery.sort``.
    order: ClassVar[dict[str, str]]
    #: Appended to text columns in ORDER BY, so both backends sort text bytewise.
    collate: ClassVar[str] = ""
    #: Appended to nullable columns in ascending ORDER BY, so NULLs come first on both.
    nulls_first: ClassVar[str] = ""
    #: The driver's base error class, and the fix a failed write suggests.
    driver_error: ClassVar[type[Exception]] = Exception
    write_hint: ClassVar[str] = ""

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- hooks ------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, args: Any = ()) -> Any:
        """Run one statement on the main connection; its rows index by column name."""

    @abstractmethod
    def _executemany(self, sql: str, rows: list[Any]) -> None:
        """Run one statement for each of ``rows`` on the main connection."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """A transaction on the main connection: committed on exit, rolled back on an error."""

    @abstractmethod
    def _stream(self, sql: str, args: tuple[Any, ...] = ()) -> Iterator[Mapping[str, Any]]:
        """Rows from a second connection, so the caller may read and write on the main one meanwhile."""

    def _row(self, row: dict[str, Any]) -> dict[str, Any]:
        """A row as the backend can store it (PostgreSQL text cannot hold NUL)."""
        return row

    # -- schema -----------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        with self._lock:
            self._execute(MIGRATIONS_TABLE)
            rows = self._execute(f"SELECT name FROM schema_migrations ORDER BY name{self.collate}").fetchall()
        return [r["name"] for r in rows]

    # -- writes -----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._lock:
            sql = f"SELECT 1 AS one FROM articles WHERE id = {self.placeholder}"
            return self._execute(sql, (article_id,)).fetchone() is not None

    def save(self, result: Result) -> bool:
        """Write an article with its places and events in one transaction; False if already stored."""
        ph = self.placeholder
        row = self._row(article_row(result))
        row["ingested_at"] = now()
        try:
            with self._lock, self._transaction():
                cur = self._execute(insert_sql("articles", row, ph, "ON CONFLICT (id) DO NOTHING"), list(row.values()))
                if cur.rowcount == 0:
                    return False
                places = [self._row(p) for p in place_rows(result)]
                if places:
                    self._executemany(insert_sql("places", places[0], ph), [list(p.values()) for p in places])
                events = [self._row(e) for e in event_rows(result)]
                if events:
                    self._executemany(insert_sql("events", events[0], ph, "ON CONFLICT (id) DO NOTHING"),
                                      [list(e.values()) for e in events])
        except self.driver_error as err:
            raise StoreError(f"{self.safe_url}: write failed: {first_line(err)} ({self.write_hint})") from None
        return True

    def replace_derived(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kind`` (e.g. "incident") in one transaction."""
        return self.replace_derived_kinds((kind,), ((kind, key, rec) for key, rec in rows))

    def replace_derived_kinds(self, kinds: Iterable[str], rows: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kinds`` with ``rows`` (kind, key, record), streamed, in one transaction."""
        ph = self.placeholder
        insert = f"INSERT INTO derived (kind, key, record) VALUES ({ph}, {ph}, {ph})"
        n = 0
        with self._lock, self._transaction():
            for kind in kinds:
                self._execute(f"DELETE FROM derived WHERE kind = {ph}", (kind,))
            batch: list[tuple[str, str, str]] = []
            for kind, key, rec in rows:
                batch.append((kind, key, json.dumps(rec, ensure_ascii=False, sort_keys=True)))
                if len(batch) >= _DERIVED_BATCH:
                    self._executemany(insert, batch)
                    n, batch = n + len(batch), []
            if batch:
                self._executemany(insert, batch)
                n += len(batch)
        return n

    def iter_derived(self, kind: str) -> Iterator[dict[str, Any]]:
        sql = f"SELECT record FROM derived WHERE kind = {self.placeholder} ORDER BY key{self.collate}"
        for r in self._stream(sql, (kind,)):
            yield json.loads(r["record"])

    # -- reads ------------------------------------------------------------
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The article (by content-hash id, else by the input's own id) with its places and events."""
        ph, c = self.placeholder, self.collate
        with self._lock:
            row = self._execute(f"SELECT * FROM articles WHERE id = {ph} OR external_id = {ph} "
                                f"ORDER BY (id = {ph}) DESC, id{c} LIMIT 1",
                                (article_id, article_id, article_id)).fetchone()
            if row is None:
                return None
            art = dict(row)
            for key in ("authors", "errors", "offsets"):
                art[key] = json.loads(art[key] or "[]")
            art["places"] = [json.loads(r["record"]) for r in self._execute(
                f"SELECT record FROM places WHERE article_id = {ph} ORDER BY idx", (art["id"],)).fetchall()]
            art["events"] = [event_out(r) for r in self._execute(
                f"{EVENT_SELECT} WHERE e.article_id = {ph} ORDER BY e.start{self.nulls_first}, e.id{c}",
                (art["id"],)).fetchall()]
        return art

    def query_events(self, query: EventQuery) -> list[dict[str, Any]]:
        if query.sort not in SORTS:
            raise StoreError(f"unknown sort {query.sort!r} (use one of {', '.join(sorted(SORTS))})")
        where, args = where_clause(query, self.placeholder)
        ph = self.placeholder
        sql = f"{EVENT_SELECT}{where} ORDER BY {self.order[query.sort]} LIMIT {ph} OFFSET {ph}"
        with self._lock:
            rows = self._execute(sql, [*args, query.limit, query.offset]).fetchall()
        return [event_out(r) for r in rows]

    def count_events(self, query: EventQuery) -> int:
        where, args = where_clause(query, self.placeholder)
        sql = f"SELECT COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id{where}"
        with self._lock:
            return int(self._execute(sql, args).fetchone()["n"])

    def iter_events(self) -> Iterator[dict[str, Any]]:
        c, nf = self.collate, self.nulls_first
        sql = f"{EVENT_SELECT} ORDER BY e.date{c}{nf}, e.article_id{c}, e.start{nf}, e.id{c}"
        for r in self._stream(sql):
            yield event_out(r)

    def iter_events_by_day(self) -> Iterator[dict[str, Any]]:
        """Events by their day (the event's date, else the article's publication day; undated first), then id."""
        c, nf = self.collate, self.nulls_first
        sql = f"{EVENT_SELECT} ORDER BY substr(COALESCE(e.date, a.published), 1, 10){c}{nf}, e.id{c}"
        for r in self._stream(sql):
            yield event_out(r)

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for r in self._stream(f"SELECT id FROM articles ORDER BY ingested_at{self.collate}, id{self.collate}"):
            art = self.get_article(r["id"])
            if art is not None:
                yield art

    def stats(self) -> dict[str, Any]:
        with self._lock:
            def one(sql: str) -> Any:
                return self._execute(sql).fetchone()["v"]

            def counts(column: str, table: str, missing: str) -> dict[str, int]:
                sql = f"SELECT {column} AS k, COUNT(*) AS n FROM {table} GROUP BY {column} ORDER BY 2 DESC, 1"
                return {r["k"] or missing: int(r["n"]) for r in self._execute(sql).fetchall()}

            out = {
                "articles": one("SELECT COUNT(*) AS v FROM articles"),
                "places": one("SELECT COUNT(*) AS v FROM places"),
                "events": one("SELECT COUNT(*) AS v FROM events"),
                "outlets": one("SELECT COUNT(DISTINCT outlet) AS v FROM articles"),
                "date_min": one(f"SELECT MIN(date{self.collate}) AS v FROM events"),
                "date_max": one(f"SELECT MAX(date{self.collate}) AS v FROM events"),
                "events_by_type": counts("event_type", "events", "none"),
                "articles_by_language": counts("language", "articles", "unknown"),
            }
        out["migrations"] = self.applied_migrations()
        return out

    @property
    def safe_url(self) -> str:
        """The URL without its password, for messages."""
        head, sep, tail = self.url.partition("@")
        if not sep or ":" not in head.split("//", 1)[-1]:
            return self.url
        scheme, _, userpass = head.partition("//")
        return f"{scheme}//{userpass.split(':', 1)[0]}:***@{tail}"

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def first_line(err: BaseException) -> str:
    """The first line of a driver's error message, cut to 200 characters."""
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:200]
