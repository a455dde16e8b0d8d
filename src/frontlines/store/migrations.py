"""Named, idempotent schema migrations shared by both backends.

Each migration is applied once, in order, and recorded in ``schema_migrations``.
SQL here is portable between SQLite and PostgreSQL; a backend may add its own
steps (PostGIS columns) under the same name with ``extra``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    sql: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_articles_places_events",
        (
            """CREATE TABLE IF NOT EXISTS articles (
                id TEXT PRIMARY KEY,
                external_id TEXT,
                source TEXT,
                title TEXT,
                published TEXT,
                outlet TEXT,
                original_source TEXT,
                authors TEXT,
                translator TEXT,
                url TEXT,
                language TEXT,
                raw_text TEXT NOT NULL,
                clean_text TEXT NOT NULL,
                offsets TEXT,
                is_html INTEGER NOT NULL DEFAULT 0,
                errors TEXT,
                n_places INTEGER NOT NULL DEFAULT 0,
                n_events INTEGER NOT NULL DEFAULT 0,
                ingested_at TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS places (
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                text TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                name TEXT,
                geonameid BIGINT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                country_code TEXT,
                precision TEXT,
                record TEXT NOT NULL,
                PRIMARY KEY (article_id, idx)
            )""",
            """CREATE TABLE IF NOT EXISTS events (
                id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                event_type TEXT,
                sub_event_type TEXT,
                plover_type TEXT,
                actor1_name TEXT,
                actor1_id TEXT,
                actor2_name TEXT,
                actor2_id TEXT,
                location TEXT,
                country_code TEXT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                precision TEXT,
                geo_precision INTEGER,
                date TEXT,
                time_precision INTEGER,
                fatalities INTEGER,
                modality TEXT,
                attribution TEXT,
                confidence DOUBLE PRECISION,
                sentence TEXT,
                start INTEGER,
                "end" INTEGER,
                record TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
            "CREATE INDEX IF NOT EXISTS events_date ON events(date)",
            "CREATE INDEX IF NOT EXISTS events_type ON events(event_type, sub_event_type)",
            "CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon)",
            "CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid)",
            "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet)",
        ),
    ),
    Migration(
        "0002_derived",
        (
            # Results computed from stored events (incidents, territorial control...), replaced whole per kind.
            """CREATE TABLE IF NOT EXISTS derived (
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                record TEXT NOT NULL,
                PRIMARY KEY (kind, key)
            )""",
        ),
    ),
    Migration(
        "0003_filter_indexes",
        (
            # The web map filters by country, modality and actor; these keep those queries off full scans.
            "CREATE INDEX IF NOT EXISTS events_country ON events(country_code)",
            "CREATE INDEX IF NOT EXISTS events_modality ON events(modality)",
            "CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1_id)",
            "CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2_id)",
        ),
    ),
)
