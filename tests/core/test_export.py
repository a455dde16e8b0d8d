"""Exports: ACLED-style CSV, GeoJSON and JSONL from stored events."""

import csv
import io
import json

from frontlines.export import export_events
from frontlines.store import open_store

from .records import result


def _store(tmp_db):
    store = open_store(tmp_db)
    store.save(result())
    return store


def test_csv_has_acled_columns_and_one_row_per_event(tmp_db):
    out = io.StringIO()
    assert export_events(_store(tmp_db), "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    retake = next(r for r in rows if r["sub_event_type"] == "Government regains territory")
    assert retake["actor1"] == "Military Forces of Gondor"
    assert retake["inter1"] == "1" and retake["location"] == "Osgiliath"
    assert retake["event_date"] == "2020-05-03" and retake["source"] == "Test Outlet"


def test_csv_cells_cannot_start_a_spreadsheet_formula(tmp_db):
    out = io.StringIO()
    export_events(_store(tmp_db), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert all(not r["attribution"].startswith("=") for r in rows)


def test_geojson_holds_only_events_with_coordinates(tmp_db):
    out = io.StringIO()
    assert export_events(_store(tmp_db), "geojson", out) == 1
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection"
    assert fc["features"][0]["geometry"]["coordinates"] == [30.0, 45.0]


def test_jsonl_is_one_event_per_line(tmp_db):
    out = io.StringIO()
    export_events(_store(tmp_db), "jsonl", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["article_id"] for line in lines)
