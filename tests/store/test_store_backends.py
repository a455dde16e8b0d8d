"""The Store interface, run against every backend (SQLite always, PostgreSQL when available)."""

from __future__ import annotations

from frontlines.contract import event_to_dict, place_to_dict
from frontlines.store import EventQuery, open_store
from frontlines.store.migrations import MIGRATIONS


def save_all(store, results) -> None:
    for r in results:
        assert store.save(r) is True


def ids(events) -> list[str]:
    return [e["id"] for e in events]


def test_a_new_store_applies_every_migration(store):
    assert store.stats()["migrations"] == [m.name for m in MIGRATIONS]


def test_reopening_a_store_applies_nothing_again(store):
    again = open_store(store.url)
    try:
        assert again.migrate() == []
    finally:
        again.close()


def test_saving_an_article_twice_stores_it_once(store, gondor):
    assert store.save(gondor[0]) is True
    assert store.save(gondor[0]) is False
    assert store.stats()["articles"] == 1
    assert store.stats()["events"] == 2


def test_has_article_answers_after_save(store, gondor):
    aid = gondor[0].article.id
    assert not store.has_article(aid)
    store.save(gondor[0])
    assert store.has_article(aid)


def test_an_article_round_trips_with_its_places_and_events(store, gondor):
    result = gondor[0]
    store.save(result)
    art = store.get_article(result.article.id)
    assert art["raw_text"] == result.article.raw_text
    assert art["authors"] == ["A. Scribe"]
    assert art["published"] == "2017-06-18"
    assert art["places"] == [place_to_dict(p) for p in result.places]
    stored = [{k: v for k, v in e.items() if k not in {"article_id", "article"}} for e in art["events"]]
    assert stored == [event_to_dict(e) for e in result.events]
    assert art["events"][0]["article"]["outlet"] == "Gondor Herald"


def test_an_article_is_found_by_its_external_id(store, gondor):
    store.save(gondor[0])
    assert store.get_article("r1")["id"] == gondor[0].article.id


def test_a_missing_article_is_none(store):
    assert store.get_article("no-such-article") is None


def test_events_filter_by_type_and_country(store, gondor):
    save_all(store, gondor)
    found = store.query_events(EventQuery(event_type="Explosions/Remote violence", country="GD"))
    assert sorted(e["place"]["name"] for e in found) == ["Minas Tirith", "Pelargir"]


def test_events_filter_by_actor_substring_in_any_case(store, gondor):
    save_all(store, gondor)
    assert len(store.query_events(EventQuery(actor="orc host"))) == 2


def test_events_filter_by_free_text(store, gondor):
    save_all(store, gondor)
    found = store.query_events(EventQuery(q="airstrike"))
    assert [e["place"]["name"] for e in found] == ["Pelargir"]


def test_bbox_keeps_only_events_inside_the_box(store, gondor):
    save_all(store, gondor)
    found = store.query_events(EventQuery(bbox=(34.5, 32.0, 36.0, 33.0)))
    assert sorted(e["place"]["name"] for e in found) == ["Minas Tirith", "Osgiliath"]


def test_bbox_edges_are_inclusive(store, gondor):
    save_all(store, gondor)
    found = store.query_events(EventQuery(bbox=(34.0, 31.0, 34.0, 31.0)))
    assert [e["place"]["name"] for e in found] == ["Pelargir"]


def test_date_range_is_inclusive_on_both_ends(store, gondor):
    save_all(store, gondor)
    found = store.query_events(EventQuery(date_from="2017-06-18", date_to="2017-06-20"))
    assert [e["date"] for e in found] == ["2017-06-18", "2017-06-20"]


def test_bbox_and_date_combine(store, gondor):
    save_all(store, gondor)
    q = EventQuery(bbox=(30.0, 30.0, 40.0, 40.0), date_from="2017-06-18")
    assert [e["place"]["name"] for e in store.query_events(q)] == ["Osgiliath", "Pelargir"]
    assert store.count_events(q) == 2


def test_undated_events_sort_first_by_date_and_last_by_newest(store, gondor):
    save_all(store, gondor)
    assert store.query_events(EventQuery(sort="date"))[0]["date"] is None
    assert store.query_events(EventQuery(sort="-date"))[-1]["date"] is None


def test_sort_by_fatalities_descending(store, gondor):
    save_all(store, gondor)
    found = store.query_events(EventQuery(sort="-fatalities", limit=2))
    assert [e["fatalities"] for e in found] == [12, 3]


def test_limit_and_offset_page_through_events(store, gondor):
    save_all(store, gondor)
    every = ids(store.query_events(EventQuery(sort="id")))
    pages = ids(store.query_events(EventQuery(sort="id", limit=2))) + ids(
        store.query_events(EventQuery(sort="id", limit=2, offset=2))) + ids(
        store.query_events(EventQuery(sort="id", limit=2, offset=4)))
    assert pages == every
    assert len(every) == 5


def test_count_matches_the_query(store, gondor):
    save_all(store, gondor)
    assert store.count_events(EventQuery()) == 5
    assert store.count_events(EventQuery(event_type="Protests")) == 2


def test_iter_events_yields_every_event_by_date(store, gondor):
    save_all(store, gondor)
    dates = [e["date"] for e in store.iter_events()]
    assert dates == [None, "2017-06-17", "2017-06-18", "2017-06-20", "2017-07-01"]


def test_iter_articles_yields_every_article(store, gondor):
    save_all(store, gondor)
    assert sorted(a["id"] for a in store.iter_articles()) == sorted(r.article.id for r in gondor)


def test_stats_count_articles_events_and_types(store, gondor):
    save_all(store, gondor)
    st = store.stats()
    assert (st["articles"], st["places"], st["events"], st["outlets"]) == (3, 5, 5, 2)
    assert (st["date_min"], st["date_max"]) == ("2017-06-17", "2017-07-01")
    assert st["events_by_type"] == {"Explosions/Remote violence": 2, "Protests": 2, "Battles": 1}


def test_derived_records_are_replaced_whole(store):
    store.replace_derived("incident", [("b", {"n": 2}), ("a", {"n": 1})])
    assert list(store.iter_derived("incident")) == [{"n": 1}, {"n": 2}]
    assert store.replace_derived("incident", [("c", {"n": 3})]) == 1
    assert list(store.iter_derived("incident")) == [{"n": 3}]
    assert list(store.iter_derived("control")) == []


def test_hostile_text_round_trips(store, result_factory):
    text = "Quote ' \" ; DROP TABLE events; -- \u202eRTL\u200b 100% _x_ \\ end"
    result = result_factory(text, events=[{"type": "Battles", "lat": 1.0, "lon": 2.0, "sentence": text}])
    store.save(result)
    art = store.get_article(result.article.id)
    assert art["raw_text"] == text
    assert art["events"][0]["sentence"] == text
    assert store.count_events(EventQuery(q="100%")) == 1
