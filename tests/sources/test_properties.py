"""Properties of corroboration and control that hold for any set of events."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.sources import control_as_of, link_incidents, load_registry

SUBS = ["Government regains territory", "Non-state actor overtakes territory", "Armed clash", "Attack"]
ACTORS = [None, {"name": "Military Forces of Arnor", "id": "arnor", "inter": 1, "country": "XA"},
          {"name": "Angmar Legion", "id": "angmar", "inter": 2, "country": "XA"}]


@st.composite
def events(draw):
    n = draw(st.integers(0, 12))
    out = []
    for i in range(n):
        place = draw(st.sampled_from(["Tharbad", "Bree", "Hollin", None]))
        out.append({
            "id": f"e{i}", "article_id": f"a{draw(st.integers(0, 4))}", "event_type": "Battles",
            "sub_event_type": draw(st.sampled_from(SUBS)), "actor1": draw(st.sampled_from(ACTORS)), "actor2": None,
            "place": None if place is None else {
                "text": place, "name": place, "geonameid": None, "country_code": "XA", "precision": "point",
                "lat": 31.0 + draw(st.floats(0, 0.5)), "lon": 41.0 + draw(st.floats(0, 0.5))},
            "date": f"2031-03-{draw(st.integers(1, 9)):02d}",
            "modality": draw(st.sampled_from(["asserted", "claimed", "denied", "planned"])),
            "attribution": None, "sentence": draw(st.sampled_from(["The army took it.", "The attack was repelled."])),
            "article": {"outlet": draw(st.sampled_from(["Bree Herald", "Fornost Gazette"])), "original_source": None,
                        "url": None, "published": "2031-03-09"}})
    return out


@pytest.mark.property
@settings(max_examples=40, deadline=None)
@given(events())
def test_every_event_is_in_exactly_one_incident_whatever_the_order(evs):
    registry = load_registry()
    first = link_incidents(evs, registry=registry)
    again = link_incidents(list(reversed(evs)), registry=registry)
    assert sorted(e for i in first for e in i.event_ids) == sorted(e["id"] for e in evs)
    assert [i.to_dict() for i in first] == [i.to_dict() for i in again]


@pytest.mark.property
@settings(max_examples=40, deadline=None)
@given(events())
def test_control_names_one_controller_per_place_backed_by_claims(evs):
    records = control_as_of(evs, date="2031-03-09")
    assert len({r.place_key for r in records}) == len(records)
    for r in records:
        assert r.controller and any(c.stance == "taken" for c in r.claims)
        assert r.since <= r.as_of
