"""What only the PostgreSQL backend has: PostGIS geography, its indexes, and parity with SQLite."""

from __future__ import annotations

import pytest
from store_helpers import pg_schema_url

from frontlines.store import EventQuery, open_store
from frontlines.store.postgres import PostgresStore
from frontlines.store.queries import where_clause

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg(pg_schema):
    s = open_store(pg_schema_url(pg_schema))
    yield s
    s.close()


def test_open_store_picks_postgres_for_a_postgresql_url(pg):
    assert isinstance(pg, PostgresStore)


def test_events_get_a_geography_point_from_lat_lon(pg, gondor):
    pg.save(gondor[0])
    row = pg.conn.execute("SELECT ST_Y(geog::geometry), ST_X(geog::geometry), ST_SRID(geog::geometry) "
                          "FROM events ORDER BY id LIMIT 1").fetchone()
    assert row == (32.5, 35.1, 4326)


def test_an_event_without_coordinates_has_no_geography(pg, gondor):
    pg.save(gondor[1])
    assert pg.conn.execute("SELECT COUNT(*) FROM events WHERE geog IS NULL").fetchone()[0] == 1


def test_bbox_queries_use_the_spatial_index(pg, gondor):
    for r in gondor:
        pg.save(r)
    where, args = where_clause(EventQuery(bbox=(34.5, 32.0, 36.0, 33.0)), pg.placeholder)
    with pg.conn.transaction():
        pg.conn.execute("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in pg.conn.execute(
            f"EXPLAIN SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id{where}", args))
    assert "events_geom" in plan


def test_events_near_a_point_come_nearest_first(pg, gondor):
    for r in gondor:
        pg.save(r)
    near = pg.events_near(32.5, 35.1, 100.0)
    assert [e["place"]["name"] for e in near] == ["Osgiliath", "Minas Tirith"]


def test_nul_characters_are_stored_as_replacement_characters(pg, result_factory):
    text = "Shelling\x00 hit Osgiliath."
    result = result_factory(text, events=[{"lat": 1.0, "lon": 1.0}])
    pg.save(result)
    assert pg.get_article(result.article.id)["raw_text"] == "Shelling\ufffd hit Osgiliath."


def test_a_second_store_on_the_same_database_sees_the_first_ones_writes(pg, gondor):
    other = open_store(pg.url)
    try:
        pg.save(gondor[2])
        assert other.has_article(gondor[2].article.id)
    finally:
        other.close()


def test_iterating_events_while_querying_the_same_store_works(pg, gondor):
    for r in gondor:
        pg.save(r)
    seen = []
    for e in pg.iter_events():
        seen.append(pg.get_article(e["article_id"])["id"])
    assert len(seen) == 5


QUERIES = [
    EventQuery(),
    EventQuery(sort="-date"),
    EventQuery(sort="confidence"),
    EventQuery(sort="-fatalities"),
    EventQuery(actor="orc"),
    EventQuery(q="Rohan"),
    EventQuery(bbox=(30.0, 30.0, 40.0, 40.0)),
    EventQuery(date_from="2017-06-18", sort="id"),
    EventQuery(country="GD", limit=2, offset=1),
]


def test_both_backends_answer_every_query_the_same(pg, gondor, tmp_path):
    lite = open_store(str(tmp_path / "same.db"))
    try:
        for r in gondor:
            lite.save(r)
            pg.save(r)
        for q in QUERIES:
            assert pg.query_events(q) == lite.query_events(q), q
            assert pg.count_events(q) == lite.count_events(q), q
        assert list(pg.iter_events()) == list(lite.iter_events())
        assert list(pg.iter_events_by_day()) == list(lite.iter_events_by_day())
        strip = {"ingested_at"}
        assert [{k: v for k, v in a.items() if k not in strip} for a in pg.iter_articles()] == \
            [{k: v for k, v in a.items() if k not in strip} for a in lite.iter_articles()]
        assert pg.stats() == lite.stats()
    finally:
        lite.close()


def test_the_web_query_helpers_run_on_postgres(pg, gondor, tmp_path):
    queries = pytest.importorskip("frontlines.store.queries")
    lite = open_store(str(tmp_path / "web.db"))
    try:
        for r in gondor:
            lite.save(r)
            pg.save(r)
        q = EventQuery(bbox=(30.0, 30.0, 40.0, 40.0))
        assert queries.count(pg, q) == queries.count(lite, q) == 3
        assert len(queries.events_json(pg, q)) == 3
    finally:
        lite.close()
