"""SQLite backend: WAL, versioned migrations, one transaction per article."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, ClassVar

from ..errors import StoreError
from .migrations import MIGRATIONS
from .queries import ORDER
from .sql import SQLStore, now


class SQLiteStore(SQLStore):
    """A frontlines database in one SQLite file."""

    placeholder: ClassVar[str] = "?"
    order: ClassVar[dict[str, str]] = ORDER
    driver_error: ClassVar[type[Exception]] = sqlite3.DatabaseError
    write_hint: ClassVar[str] = "is the disk full or the file read-only?"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        super().__init__()
        self.url = str(path)
        self.path = Path(path)
        self.readonly = readonly
        try:
            if not readonly and self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = self._connect()
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: cannot open database: {err} (is it a frontlines SQLite file?)") from None

    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            conn = sqlite3.connect(f"file:{self.path.resolve()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.row_factory = sqlite3.Row
        return conn

    # -- hooks ------------------------------------------------------------
    def _execute(self, sql: str, args: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    def _executemany(self, sql: str, rows: list[Any]) -> None:
        self.conn.executemany(sql, rows)

    def _transaction(self) -> AbstractContextManager[Any]:
        return self.conn

    def _stream(self, sql: str, args: tuple[Any, ...] = ()) -> Iterator[Mapping[str, Any]]:
        conn = self._connect()
        try:
            yield from conn.execute(sql, args)
        finally:
            conn.close()

    # -- schema -----------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations; returns the names applied now."""
        done = set(self.applied_migrations())
        applied = []
        for m in MIGRATIONS:
            if m.name in done:
                continue
            with self._lock, self.conn:
                for stmt in m.sql:
                    self.conn.execute(stmt)
                self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (m.name, now()))
            applied.append(m.name)
        return applied
