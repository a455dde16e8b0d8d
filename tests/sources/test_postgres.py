"""The store-level wrapper on PostgreSQL: the same incidents and scores as on SQLite."""

from __future__ import annotations

import os

import pytest

from frontlines.settings import load_settings
from frontlines.sources import update_incidents


@pytest.mark.postgres
def test_update_incidents_saves_incidents_on_postgresql(fictional_results):
    dsn = os.environ.get("FRONTLINES_TEST_PG_DSN")
    if not dsn:
        pytest.skip("FRONTLINES_TEST_PG_DSN not set (run under scripts/with-postgres.sh)")
    from frontlines.store import open_store

    store = open_store(dsn)
    try:
        for result in fictional_results:
            store.save(result)
        update_incidents(store, load_settings())
        incidents = list(store.iter_derived("incident"))
        tharbad = next(i for i in incidents if "ev-herald-tharbad-taken" in [r["event_id"] for r in i["reports"]])
        assert tharbad["n_reports"] == 3
        update_incidents(store, load_settings())
        assert list(store.iter_derived("incident")) == incidents
    finally:
        store.close()
