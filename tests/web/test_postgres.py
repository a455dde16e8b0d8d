"""The same API over the PostgreSQL backend (needs FRONTLINES_TEST_PG_DSN; see scripts/with-postgres.sh)."""

from __future__ import annotations

import os

import pytest

from frontlines.web.synthetic import make_results

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client():
    dsn = os.environ.get("FRONTLINES_TEST_PG_DSN")
    if not dsn:
        pytest.skip("FRONTLINES_TEST_PG_DSN is not set (run under scripts/with-postgres.sh)")
    from fastapi.testclient import TestClient

    from frontlines.store import open_store
    from frontlines.web.app import create_app

    store = open_store(dsn)
    results = list(make_results(6, events_per_article=2, seed=4242))
    for r in results:
        store.save(r)
    store.close()
    with TestClient(create_app(dsn)) as client:
        yield client, results


def test_events_filters_and_detail(pg_client):
    client, results = pg_client
    art = results[0].article.id
    body = client.get("/api/events", params={"article_id": art, "sort": "-date"}).json()
    assert body["total"] == 2 and {e["id"] for e in body["events"]} == {e.id for e in results[0].events}
    assert body["events"][0]["article"]["title"] == results[0].article.title
    ev = body["events"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    assert detail["context"]["paragraph"][detail["context"]["start"]:detail["context"]["end"]] == ev["sentence"]
    assert client.get("/api/events", params={"actor": "gondor", "bbox": "30,25,45,40"}).status_code == 200


def test_aggregates(pg_client):
    client, results = pg_client
    assert client.get("/api/stats").json()["events"] >= 12
    assert client.get("/api/facets").json()["event_type"]
    assert client.get("/api/points").json()["total"] >= 12
    assert client.get("/api/histogram").json()["days"]
    assert client.get("/api/places", params={"q": "o"}).json()["places"]
    assert client.get("/api/actors", params={"q": "militia"}).json()["actors"]
    art = client.get(f"/api/articles/{results[1].article.id}").json()
    assert {h["kind"] for h in art["highlights"]} == {"event", "place", "actor"}
    assert client.get("/api/export.csv", params={"article_id": results[1].article.id}).text.count("\n") == 3

