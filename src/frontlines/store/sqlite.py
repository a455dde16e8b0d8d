"""SQLite backend: WAL, versioned migrations, one transaction per article."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Result
from .base import SORTS, EventQuery, article_row, event_rows, place_rows
from .migrations import MIGRATIONS
from .queries import ORDER, where_clause


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """A frontlines database in one SQLite file."""

    placeholder = "?"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.url = str(path)
        self.path = Path(path)
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.row_factory = sqlite3.Row
            if not readonly:
                self.migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: cannot open database: {err} (is it a frontlines SQLite file?)") from None

    # -- schema -----------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        return [r[0] for r in self.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def migrate(self) -> list[str]:
        """Apply pending migrations; returns the names applied now."""
        done = set(self.applied_migrations())
        applied = []
        for m in MIGRATIONS:
            if m.name in done:
                continue
            with self.conn:
                for stmt in m.sql:
                    self.conn.execute(stmt)
                self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (m.name, _now()))
            applied.append(m.name)
        return applied

    # -- writes -----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def save(self, result: Result) -> bool:
        if self.has_article(result.article.id):
            return False
        row = article_row(result)
        row["ingested_at"] = _now()
        try:
            with self.conn:
                _insert(self.conn, "articles", row)
                for prow in place_rows(result):
                    _insert(self.conn, "places", prow)
                for erow in event_rows(result):
                    _insert(self.conn, "events", erow, or_ignore=True)
        except sqlite3.IntegrityError:
            return False
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.url}: write failed: {err} (is the disk full or the file read-only?)") from None
        return True

    def replace_derived(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kind`` (e.g. "incident") in one transaction."""
        return self.replace_derived_kinds((kind,), ((kind, key, rec) for key, rec in rows))

    def replace_derived_kinds(self, kinds: Iterable[str], rows: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Replace every derived record of ``kinds`` with ``rows`` (kind, key, record), streamed, in one transaction."""
        n = 0

        def data() -> Iterator[tuple[str, str, str]]:
            nonlocal n
            for kind, key, rec in rows:
                n += 1
                yield kind, key, json.dumps(rec, ensure_ascii=False, sort_keys=True)

        with self.conn:
            self.conn.executemany("DELETE FROM derived WHERE kind = ?", [(k,) for k in kinds])
            self.conn.executemany("INSERT INTO derived (kind, key, record) VALUES (?, ?, ?)", data())
        return n

    def iter_derived(self, kind: str) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute("SELECT record FROM derived WHERE kind = ? ORDER BY key", (kind,)):
            yield json.loads(r[0])

    # -- reads ------------------------------------------------------------
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ? OR external_id = ?", (article_id, article_id)).fetchone()
        if row is None:
            return None
        art = dict(row)
        art["authors"] = json.loads(art["authors"] or "[]")
        art["errors"] = json.loads(art["errors"] or "[]")
        art["offsets"] = json.loads(art["offsets"] or "[]")
        art["places"] = [json.loads(r[0]) for r in self.conn.execute(
            "SELECT record FROM places WHERE article_id = ? ORDER BY idx", (art["id"],))]
        art["events"] = [_event_out(r) for r in self.conn.execute(
            _EVENT_SELECT + " WHERE e.article_id = ? ORDER BY e.start, e.id", (art["id"],))]
        return art

    def _where(self, q: EventQuery) -> tuple[str, list[Any]]:
        return where_clause(q, "?")

    def query_events(self, query: EventQuery) -> list[dict[str, Any]]:
        if query.sort not in SORTS:
            raise StoreError(f"unknown sort {query.sort!r} (use one of {', '.join(sorted(SORTS))})")
        where, args = self._where(query)
        sql = f"{_EVENT_SELECT}{where} ORDER BY {ORDER[query.sort]} LIMIT ? OFFSET ?"
        return [_event_out(r) for r in self.conn.execute(sql, [*args, query.limit, query.offset])]

    def count_events(self, query: EventQuery) -> int:
        where, args = self._where(query)
        return int(self.conn.execute(
            f"SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id{where}", args).fetchone()[0])

    def iter_events(self) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute(_EVENT_SELECT + " ORDER BY e.date, e.article_id, e.start, e.id"):
            yield _event_out(r)

    def iter_events_by_day(self) -> Iterator[dict[str, Any]]:
        """Events by their day (the event's date, else the article's publication day; undated first), then id."""
        # A second connection: the caller writes derived records while this cursor is open.
        conn = sqlite3.connect(self.path, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            sql = _EVENT_SELECT + " ORDER BY substr(COALESCE(e.date, a.published), 1, 10), e.id"
            for r in conn.execute(sql):
                yield _event_out(r)
        finally:
            conn.close()

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute("SELECT id FROM articles ORDER BY ingested_at, id"):
            art = self.get_article(r[0])
            if art is not None:
                yield art

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        by_type = {r[0] or "none": r[1] for r in self.conn.execute(
            "SELECT event_type, COUNT(*) FROM events GROUP BY event_type ORDER BY 2 DESC")}
        by_lang = {r[0] or "unknown": r[1] for r in self.conn.execute(
            "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY 2 DESC")}
        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "places": one("SELECT COUNT(*) FROM places"),
            "events": one("SELECT COUNT(*) FROM events"),
            "outlets": one("SELECT COUNT(DISTINCT outlet) FROM articles"),
            "date_min": one("SELECT MIN(date) FROM events"),
            "date_max": one("SELECT MAX(date) FROM events"),
            "events_by_type": by_type,
            "articles_by_language": by_lang,
            "migrations": self.applied_migrations(),
        }

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_EVENT_SELECT = (
    "SELECT e.record, e.id AS id, e.article_id AS article_id, a.outlet AS outlet, a.title AS title, "
    "a.original_source AS original_source, a.url AS url, a.published AS published "
    "FROM events e JOIN articles a ON a.id = e.article_id"
)


def _event_out(row: sqlite3.Row) -> dict[str, Any]:
    rec = json.loads(row["record"])
    rec["id"] = row["id"]
    rec["article_id"] = row["article_id"]
    rec["article"] = {k: row[k] for k in ("outlet", "title", "original_source", "url", "published")}
    return rec


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any], *, or_ignore: bool = False) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})".replace("INSERT", verb, 1), list(row.values()))
