"""Storage: SQLite by default, PostgreSQL behind the same interface.

``open_store(url)`` picks the backend from the URL: a file path (or
``sqlite:///path``) opens SQLite, ``postgresql://...`` opens PostgreSQL.
"""

from __future__ import annotations

from .base import EventQuery, Store, article_id_for

__all__ = ["EventQuery", "Store", "article_id_for", "open_store"]


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store at ``url``."""
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    from .sqlite import SQLiteStore

    path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
    return SQLiteStore(path)
