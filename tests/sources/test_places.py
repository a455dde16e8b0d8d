"""How places are matched: by distance when precise, by their mention when only a country or region is known."""

from __future__ import annotations

from frontlines.sources import control_as_of, link_incidents, load_registry

IRAQ = {"name": "Military Forces of Arnor", "id": "military-forces-of-arnor", "inter": 1, "country": "XA"}


def _event(eid: str, article: str, mention: str, *, outlet: str = "Bree Herald", precision: str = "country"):
    place = {"text": mention, "name": "Arnor", "geonameid": 999, "lat": 31.0, "lon": 41.0, "country_code": "XA",
             "precision": precision}
    return {"id": eid, "article_id": article, "event_type": "Battles",
            "sub_event_type": "Government regains territory", "actor1": IRAQ, "actor2": None, "place": place,
            "date": "2031-03-01", "modality": "asserted", "attribution": None, "sentence": f"The army took {mention}.",
            "article": {"outlet": outlet, "original_source": None, "url": None, "published": "2031-03-01"}}


def test_two_towns_resolved_only_to_their_country_are_not_one_incident():
    events = [_event("e1", "a1", "Tharbad"), _event("e2", "a2", "Bree", outlet="Fornost Gazette")]
    assert len(link_incidents(events, registry=load_registry())) == 2


def test_one_town_resolved_only_to_its_country_links_by_its_mention():
    events = [_event("e1", "a1", "the Tharbad crossing"), _event("e2", "a2", "Tharbad crossing", outlet="Fornost Gazette")]
    assert [len(i.reports) for i in link_incidents(events, registry=load_registry())] == [2]


def test_a_country_level_place_is_controlled_under_its_own_name_without_coordinates():
    (record,) = control_as_of([_event("e1", "a1", "Tharbad crossing")], date="2031-03-02")
    assert (record.place, record.lat, record.controller) == ("Tharbad crossing", None, "Government of XA")


def test_events_placed_only_in_a_country_named_as_such_are_not_linked_or_mapped():
    events = [_event("e1", "a1", "Arnor"), _event("e2", "a2", "Arnor", outlet="Fornost Gazette")]
    assert [len(i.reports) for i in link_incidents(events, registry=load_registry())] == [1, 1]
    assert control_as_of(events, date="2031-03-02") == []


def test_a_relative_place_is_not_its_anchor():
    near = _event("e1", "a1", "Tharbad", precision="near")
    near["place"] |= {"relation": "east of", "name": "Tharbad", "geonameid": 5}
    (record,) = control_as_of([near], date="2031-03-02")
    assert record.place == "east of Tharbad"


def test_state_forces_without_a_country_take_the_places_country():
    ev = _event("e1", "a1", "Tharbad crossing")
    ev["actor1"] = {"name": "Army", "id": None, "inter": 1, "country": None}
    (record,) = control_as_of([ev], date="2031-03-02")
    assert record.controller == "Government of XA"


def test_two_clashes_between_different_actors_at_one_place_are_two_incidents():
    a = _event("e1", "a1", "Tharbad crossing")
    b = _event("e2", "a2", "Tharbad crossing", outlet="Fornost Gazette")
    a["sub_event_type"] = b["sub_event_type"] = "Armed clash"
    b["actor1"] = {"name": "Angmar Legion", "id": "angmar-legion", "inter": 2, "country": "XA"}
    a["actor1"] = {"name": "Dunland Militia", "id": "dunland-militia", "inter": 3, "country": "XA"}
    assert [len(i.reports) for i in link_incidents([a, b], registry=load_registry())] == [1, 1]


def test_a_pro_government_militia_holds_ground_for_its_government():
    ev = _event("e1", "a1", "Tharbad crossing")
    ev["actor1"] = {"name": "NDF: National Defence Forces", "id": "ndf", "inter": 3, "country": "SY"}
    (record,) = control_as_of([ev], date="2031-03-02")
    assert record.controller == "Government of Syria"
