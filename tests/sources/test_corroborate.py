"""Corroboration: reports of one happening from different articles become one incident."""

from __future__ import annotations

from frontlines.settings import load_settings
from frontlines.sources import link_incidents, update_incidents


def _incident_of(incidents, event_key):
    return next(i for i in incidents if f"ev-{event_key}" in i.event_ids)


def test_reports_of_the_same_happening_in_different_articles_merge(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, registry=fictional_registry), "herald-tharbad-taken")
    assert set(inc.event_ids) == {"ev-herald-tharbad-taken", "ev-gazette-tharbad-taken", "ev-courier-tharbad-taken"}
    assert not inc.contested


def test_a_republication_is_a_report_but_not_an_independent_source(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, registry=fictional_registry), "courier-tharbad-taken")
    assert inc.independent_sources == ("bree-herald", "fornost-gazette")


def test_taken_versus_repelled_marks_the_incident_contested(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, registry=fictional_registry), "radio-bree-taken")
    assert set(inc.event_ids) == {"ev-radio-bree-taken", "ev-herald-bree-repelled"}
    assert inc.contested and "repelled" in inc.reasons[0]


def test_two_sides_claiming_one_place_marks_the_incident_contested(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, registry=fictional_registry), "radio-amon-sul-army")
    assert inc.reasons == ("different controllers: Angmar Legion vs. Government of XA",)


def test_events_far_apart_in_space_stay_apart(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, registry=fictional_registry), "osgiliath-army-mar")
    assert inc.event_ids == ("ev-osgiliath-army-mar",)


def test_a_planned_attack_is_not_a_report_of_a_happening(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, registry=fictional_registry), "tharbad-planned")
    assert inc.event_ids == ("ev-tharbad-planned",)


def test_the_distance_threshold_is_a_setting(fictional_events, fictional_registry):
    inc = _incident_of(link_incidents(fictional_events, km=1.0, registry=fictional_registry), "gazette-tharbad-taken")
    assert inc.event_ids == ("ev-gazette-tharbad-taken",)


def test_the_time_threshold_is_a_setting(fictional_events, fictional_registry):
    far = [dict(e, date="2031-03-20") if e["id"] == "ev-gazette-tharbad-taken" else e for e in fictional_events]
    inc = _incident_of(link_incidents(far, days=3, registry=fictional_registry), "gazette-tharbad-taken")
    assert inc.event_ids == ("ev-gazette-tharbad-taken",)


def test_linking_twice_gives_the_same_incidents(fictional_events, fictional_registry):
    first = link_incidents(fictional_events, registry=fictional_registry)
    again = link_incidents(list(reversed(fictional_events)), registry=fictional_registry)
    assert [i.to_dict() for i in first] == [i.to_dict() for i in again]


def test_update_incidents_is_idempotent_in_the_store(fictional_store):
    settings = load_settings()
    assert update_incidents(fictional_store, settings) == 3
    first = list(fictional_store.iter_derived("incident"))
    update_incidents(fictional_store, settings)
    assert list(fictional_store.iter_derived("incident")) == first


def test_update_incidents_saves_a_credibility_for_every_event(fictional_store):
    update_incidents(fictional_store, load_settings())
    saved = {c["event_id"]: c for c in fictional_store.iter_derived("credibility")}
    assert set(saved) == {e["id"] for e in fictional_store.iter_events()}
    assert {p["part"] for p in saved["ev-herald-tharbad-taken"]["parts"]} >= {"source", "attribution", "modality",
                                                                               "corroboration"}
