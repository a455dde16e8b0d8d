"""Territorial control over time: each place's controller on a date, the claims behind it, contest."""

from __future__ import annotations

import pytest

from frontlines.sources import control_as_of, to_geojson


def _place(records, name):
    return next(r for r in records if r.place == name)


def test_the_first_claim_gives_the_controller(fictional_events):
    osg = _place(control_as_of(fictional_events, date="2031-02-15"), "Osgiliath")
    assert (osg.controller, osg.since) == ("Angmar Legion", "2031-02-01")


def test_a_later_claim_by_another_side_changes_the_controller(fictional_events):
    osg = _place(control_as_of(fictional_events, date="2031-03-15"), "Osgiliath")
    assert (osg.controller, osg.since) == ("Government of XA", "2031-03-10")


def test_a_reversal_gives_the_place_back_and_keeps_the_history(fictional_events):
    osg = _place(control_as_of(fictional_events, date="2031-04-05"), "Osgiliath")
    assert (osg.controller, osg.since) == ("Angmar Legion", "2031-04-02")
    assert osg.history == (("2031-02-01", "Angmar Legion"), ("2031-03-10", "Government of XA"),
                           ("2031-04-02", "Angmar Legion"))


def test_claims_after_the_date_are_ignored(fictional_events):
    assert [r.place for r in control_as_of(fictional_events, date="2031-01-31")] == []


def test_each_record_keeps_its_claims_with_their_sources(fictional_events):
    tharbad = _place(control_as_of(fictional_events, date="2031-03-15"), "Tharbad")
    assert {(c.outlet, c.original_source, c.attribution) for c in tharbad.claims} == {
        ("Bree Herald", None, "a military spokesman"), ("Northern Courier", "Bree Herald", "a military spokesman")}


def test_two_sides_claiming_a_place_make_it_contested(fictional_events):
    amon = _place(control_as_of(fictional_events, date="2031-03-15"), "Amon Sul")
    assert amon.contested and "Angmar Legion" in amon.reasons[0]


def test_a_repelled_report_makes_the_claim_contested(fictional_events):
    bree = _place(control_as_of(fictional_events, date="2031-03-15"), "Bree")
    assert bree.controller == "Government of XA"
    assert bree.contested and "repelled" in bree.reasons[0]


def test_an_unnamed_government_with_no_country_is_not_guessed(fictional_events):
    hollin = _place(control_as_of(fictional_events, date="2031-03-15"), "Hollin")
    assert hollin.controller == "Government (country unknown)"


def test_bbox_keeps_only_places_inside(fictional_events):
    records = control_as_of(fictional_events, date="2031-03-15", bbox=(41.0, 31.0, 41.5, 31.5))
    assert [r.place for r in records] == ["Tharbad", "Tharbad Ford"]


def test_a_store_works_as_well_as_a_list_of_events(fictional_store, fictional_events):
    assert control_as_of(fictional_store, date="2031-03-15") == control_as_of(fictional_events, date="2031-03-15")


def test_geojson_has_a_feature_per_place_and_null_geometry_when_unlocated(fictional_events):
    gj = to_geojson(control_as_of(fictional_events, date="2031-03-15"))
    hollin = next(f for f in gj["features"] if f["properties"]["place"] == "Hollin")
    tharbad = next(f for f in gj["features"] if f["properties"]["place"] == "Tharbad")
    assert hollin["geometry"] is None
    assert tharbad["geometry"] == {"type": "Point", "coordinates": [41.1, 31.2]}


def test_a_bad_date_says_the_format():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        control_as_of([], date="18/06/2017")
