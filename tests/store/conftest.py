"""Store fixtures: every test gets a fresh store on each backend.

SQLite runs everywhere; PostgreSQL runs when FRONTLINES_TEST_PG_DSN is set
(``scripts/with-postgres.sh`` sets it) and is marked ``postgres``. Each
PostgreSQL test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from store_helpers import PG_DSN, make_result, pg_schema_url

from frontlines.records import Result
from frontlines.store import open_store

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture()
def pg_schema() -> Iterator[str]:
    if not PG_DSN:
        pytest.skip("FRONTLINES_TEST_PG_DSN is not set (run under scripts/with-postgres.sh)")
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    yield name
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator:
    if request.param == "sqlite":
        url = str(tmp_path / "store.db")
    else:
        url = pg_schema_url(request.getfixturevalue("pg_schema"))
    s = open_store(url)
    yield s
    s.close()


@pytest.fixture()
def result_factory() -> Callable[..., Result]:
    return make_result


@pytest.fixture()
def gondor(result_factory) -> list[Result]:
    """Three fictional reports with five events across two countries and three dates."""
    return [
        result_factory("Orcs attacked Osgiliath on Sunday, killing three.", external_id="r1", events=[
            {"type": "Battles", "place": "Osgiliath", "lat": 32.5, "lon": 35.1, "date": "2017-06-18",
             "actor": "Orc Host", "fatalities": 3, "confidence": 0.9},
            {"type": "Explosions/Remote violence", "place": "Minas Tirith", "lat": 32.9, "lon": 35.6,
             "date": "2017-06-17", "actor": "Orc Host", "fatalities": None, "confidence": 0.4},
        ]),
        result_factory("Riders of Rohan protested in Edoras.", outlet="Rohan Times", events=[
            {"type": "Protests", "place": "Edoras", "lat": 48.2, "lon": 11.5, "country": "RH",
             "date": "2017-07-01", "actor": "Rohirrim", "confidence": 0.7},
            {"type": "Protests", "place": "Nowhere", "lat": None, "lon": None, "country": None,
             "date": None, "actor": None, "confidence": 0.2},
        ]),
        result_factory("An airstrike hit Pelargir; 12 died.", published="2017-06-20", events=[
            {"type": "Explosions/Remote violence", "place": "Pelargir", "lat": 31.0, "lon": 34.0,
             "date": "2017-06-20", "actor": "Corsairs of Umbar", "fatalities": 12, "confidence": 0.8},
        ]),
    ]
