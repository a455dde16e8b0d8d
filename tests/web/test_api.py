"""The JSON API over a database of fictional events (see conftest.build_db)."""

from __future__ import annotations

import jsonschema
import pytest

from frontlines.contract import schema

from .conftest import EVENTS_PER_ARTICLE, N_ARTICLES

TOTAL = N_ARTICLES * EVENTS_PER_ARTICLE + 1  # + the hostile article's event


def events(client, **params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_page_has_total_and_requested_size(client):
    body = events(client, limit=7)
    assert body["total"] == TOTAL
    assert len(body["events"]) == 7


def test_events_follow_the_extract_contract(client):
    contract = schema()
    event_schema = {**contract["$defs"]["event"], "$defs": contract["$defs"]}
    event_schema.pop("additionalProperties", None)
    for ev in events(client, limit=50)["events"]:
        jsonschema.validate(ev, event_schema)
        assert set(ev["article"]) == {"outlet", "title", "original_source", "url", "published"}
        assert ev["article_id"]


def test_pages_do_not_overlap(client):
    first = [e["id"] for e in events(client, limit=10, offset=0, sort="id")["events"]]
    second = [e["id"] for e in events(client, limit=10, offset=10, sort="id")["events"]]
    assert len(set(first) | set(second)) == 20


def test_sort_by_descending_date(client):
    dates = [e["date"] for e in events(client, limit=100, sort="-date")["events"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("name,value,field", [
    ("event_type", "Battles", lambda e: e["event_type"] == "Battles"),
    ("modality", "denied", lambda e: e["modality"] == "denied"),
    ("country", "xg", lambda e: e["place"]["country_code"] == "XG"),
    ("outlet", "Bree Herald", lambda e: e["article"]["outlet"] == "Bree Herald"),
    ("actor", "gondor", lambda e: "Gondor" in (e["actor1"]["name"] + e["actor2"]["name"])),
    ("q", "report 3.", lambda e: "report 3." in e["sentence"]),
])
def test_each_filter_narrows_the_events(client, name, value, field):
    body = events(client, **{name: value}, limit=1000)
    assert 0 < body["total"] < TOTAL
    assert len(body["events"]) == body["total"]
    assert all(field(e) for e in body["events"])


def test_bbox_keeps_events_inside(client):
    body = events(client, bbox="36,33,39,35", limit=1000)
    assert 0 < body["total"] < TOTAL
    for e in body["events"]:
        assert 33 <= e["place"]["lat"] <= 35 and 36 <= e["place"]["lon"] <= 39


def test_date_range_is_inclusive(client):
    body = events(client, date_from="2017-03-01", date_to="2017-06-30", limit=1000)
    assert body["total"] > 0
    assert all("2017-03-01" <= e["date"] <= "2017-06-30" for e in body["events"])


def test_event_detail_has_its_paragraph(client):
    ev = events(client, limit=1)["events"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    ctx = detail["context"]
    assert ctx["paragraph"][ctx["start"]:ctx["end"]] == ev["sentence"]
    assert detail["id"] == ev["id"]


def test_article_has_text_and_highlights(client):
    ev = events(client, limit=1)["events"][0]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    kinds = {h["kind"] for h in art["highlights"]}
    assert kinds == {"event", "place", "actor"}
    for h in art["highlights"]:
        assert 0 <= h["start"] < h["end"] <= len(art["clean_text"])
    sentence = next(h for h in art["highlights"] if h["event_id"] == ev["id"] and h["kind"] == "event")
    assert art["clean_text"][sentence["start"]:sentence["end"]] == ev["sentence"]
    assert "raw_text" not in art


def test_places_and_actors_are_counted(client):
    places = client.get("/api/places", params={"q": "edoras"}).json()["places"]
    assert places and all(p["name"].lower().startswith("edoras") for p in places)
    actors = client.get("/api/actors").json()["actors"]
    assert sum(a["events"] for a in actors) >= TOTAL


def test_stats_facets_and_histogram(client):
    assert client.get("/api/stats").json()["events"] == TOTAL
    facets = client.get("/api/facets").json()
    assert sum(n for _, n in facets["event_type"]) == TOTAL
    days = client.get("/api/histogram", params={"date_from": "2017-05-01"}).json()["days"]
    assert sum(n for _, n in days) == TOTAL  # the timeline ignores the date range


def test_points_are_compact_rows(client):
    body = client.get("/api/points", params={"event_type": "Battles"}).json()
    assert body["fields"][:3] == ["id", "lat", "lon"]
    assert len(body["points"]) == body["total"] > 0


def test_export_csv_and_geojson_match_the_filters(client):
    import csv

    from frontlines.export import CSV_COLUMNS

    csv_text = client.get("/api/export.csv", params={"modality": "claimed"}).text
    n = events(client, modality="claimed", limit=1)["total"]
    rows = list(csv.reader(csv_text.splitlines(keepends=True)))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == n + 1
    geo = client.get("/api/export.geojson", params={"modality": "claimed"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == n


@pytest.mark.parametrize("query,needle", [
    ("limit=0", "limit"),
    ("limit=100000", "limit"),
    ("offset=-1", "offset"),
    ("sort=evil", "sort"),
    ("date_from=2017-02-30", "date_from"),
    ("date_from=2017-05-01&date_to=2017-04-01", "date_from"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=10,0,5,1", "bbox"),
    ("bbox=nan,0,5,1", "bbox"),
    ("modality=rumoured", "modality"),
    ("country=Syria!", "country"),
    ("q=%00", "q"),
    ("article_id=../../etc/passwd", "article_id"),
])
def test_bad_parameters_get_a_422_naming_them(client, query, needle):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert needle in response.json()["detail"]


def test_unknown_ids_get_404(client):
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/places",
                 "/api/actors", "/api/stats"):
        assert path in spec["paths"]
    assert "Event" in spec["components"]["schemas"]


def test_control_layer_is_geojson(client):
    response = client.get("/api/control", params={"date": "2017-06-30"})
    assert response.status_code == 200
    assert response.json()["type"] == "FeatureCollection"


def test_search_wildcards_are_taken_literally(client):
    assert events(client, q="%")["total"] == 0
    assert events(client, q="_")["total"] == 1  # only the hostile sentence has an underscore
    assert events(client, actor="%")["total"] == 0
