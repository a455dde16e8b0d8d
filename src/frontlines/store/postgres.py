"""PostgreSQL + PostGIS backend, behind the same interface as :class:`SQLiteStore`.

The shared migrations run unchanged; under the same migration name PostGIS adds
``events.geog geography(Point,4326)`` with a GiST index (plus one on its
``geometry`` cast, which bbox queries use). Reads and writes give the same
shapes and the same order as SQLite: text is ordered with ``COLLATE "C"`` and
NULLs sort first, as SQLite does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any, ClassVar

from ..errors import StoreError, require_extra
from .migrations import MIGRATIONS
from .sql import EVENT_SELECT, MIGRATIONS_TABLE, SQLStore, event_out, first_line, now

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


def _driver_error() -> type[Exception]:
    require_extra("psycopg", extra="postgres", feature="PostgreSQL support")
    import psycopg

    return psycopg.Error  # type: ignore[no-any-return]


class PostgresStore(SQLStore):
    """A frontlines database in PostgreSQL with PostGIS. Writes from one process (one writer)."""

    placeholder: ClassVar[str] = "%s"
    order: ClassVar[dict[str, str]] = _ORDER
    collate: ClassVar[str] = ' COLLATE "C"'
    nulls_first: ClassVar[str] = " NULLS FIRST"
    write_hint: ClassVar[str] = "is the server up and the disk not full?"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.driver_error = _driver_error()  # type: ignore[misc]
        try:
            self.conn = self._connect()
        except self.driver_error as err:
            raise StoreError(
                f"{self.safe_url}: cannot connect to PostgreSQL: {first_line(err)} "
                "(is the server running and the URL right? e.g. postgresql://user@localhost/frontlines)"
            ) from None
        self.migrate()

    def _connect(self) -> Any:
        # Plain tuple rows on ``conn`` (store/queries.py indexes rows by position); dict rows via _execute.
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    # -- hooks ------------------------------------------------------------
    def _execute(self, sql: str, args: Any = ()) -> Any:
        from psycopg.rows import dict_row

        return self.conn.cursor(row_factory=dict_row).execute(sql, args)

    def _executemany(self, sql: str, rows: list[Any]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql, rows)

    def _transaction(self) -> AbstractContextManager[Any]:
        return self.conn.transaction()  # type: ignore[no-any-return]

    def _stream(self, sql: str, args: tuple[Any, ...] = ()) -> Iterator[Mapping[str, Any]]:
        """Rows through a server-side cursor on a second connection."""
        from psycopg.rows import dict_row

        conn = self._connect()
        try:
            with conn.transaction(), conn.cursor(name="frontlines_stream", row_factory=dict_row) as cur:
                cur.itersize = 500
                cur.execute(sql, args)
                yield from cur
        finally:
            conn.close()

    def _row(self, row: dict[str, Any]) -> dict[str, Any]:
        """PostgreSQL text cannot hold NUL: store U+FFFD instead (same length, so offsets still hold)."""
        return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v for k, v in row.items()}

    # -- schema -----------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations (shared SQL + PostGIS extras); returns the names applied now."""
        applied: list[str] = []
        try:
            with self._lock, self.conn.transaction():
                self._execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                self._ensure_postgis()
                self._execute(MIGRATIONS_TABLE)
                done = {r["name"] for r in self._execute("SELECT name FROM schema_migrations")}
                for m in MIGRATIONS:
                    if m.name in done:
                        continue
                    for stmt in (*m.sql, *POSTGIS_EXTRA.get(m.name, ())):
                        self._execute(stmt)
                    self._execute("INSERT INTO schema_migrations VALUES (%s, %s)", (m.name, now()))
                    applied.append(m.name)
        except self.driver_error as err:
            raise StoreError(f"{self.safe_url}: migration failed: {first_line(err)} "
                             "(does the user own the database and may it create tables?)") from None
        return applied

    def _ensure_postgis(self) -> None:
        if self._execute("SELECT 1 AS one FROM pg_extension WHERE extname = 'postgis'").fetchone():
            return
        try:
            with self.conn.transaction():
                self._execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except self.driver_error as err:
            raise StoreError(
                f"{self.safe_url}: PostGIS is not available: {first_line(err)} "
                "(install postgresql-15-postgis-3 and run `CREATE EXTENSION postgis` as a superuser)"
            ) from None

    def events_near(self, lat: float, lon: float, km: float, *, limit: int = 100) -> list[dict[str, Any]]:
        """Events within ``km`` of a point, nearest first (PostGIS only; uses the geography index)."""
        point = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"
        sql = (f"{EVENT_SELECT} WHERE ST_DWithin(e.geog, {point}, %s) "
               f'ORDER BY ST_Distance(e.geog, {point}), e.id COLLATE "C" LIMIT %s')
        with self._lock:
            rows = self._execute(sql, (lon, lat, km * 1000.0, lon, lat, limit)).fetchall()
        return [event_out(r) for r in rows]
