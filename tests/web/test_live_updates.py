"""A running server sees what a writer stores meanwhile (cached totals are dropped)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from frontlines.store import open_store
from frontlines.web.app import create_app
from frontlines.web.synthetic import make_result

from .conftest import build_db


def test_totals_follow_a_concurrent_writer(tmp_path):
    db = build_db(tmp_path / "live.db", n_articles=5, hostile=False)
    with TestClient(create_app(db)) as client:
        before = client.get("/api/events", params={"limit": 1}).json()["total"]
        stats_before = client.get("/api/stats").json()["articles"]
        writer = open_store(db)
        assert writer.save(make_result(1000, events=3))
        writer.close()
        assert client.get("/api/events", params={"limit": 1}).json()["total"] == before + 3
        assert client.get("/api/stats").json()["articles"] == stats_before + 1
