"""Incidents are linked over a moving time window, so a large corpus neither runs n² nor holds every event."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.sources import corroborate
from frontlines.sources.corroborate import stream_groups, stream_order
from frontlines.sources.views import view


def report(n: int, day: int, place: str = "Tharbad", *, article: str | None = None, dated: bool = True) -> object:
    return view({
        "id": f"ev-{n}", "article_id": article or f"art-{n}", "event_type": "Battles", "sub_event_type": "Armed clash",
        "modality": "asserted", "actor1": {"id": "rangers", "name": "Rangers"}, "actor2": None,
        "place": {"text": place, "name": place, "geonameid": hash(place) % 10_000, "lat": 10.0, "lon": 20.0,
                  "precision": "point", "country_code": "ER"},
        "date": (dt.date(2020, 5, 1) + dt.timedelta(days=day)).isoformat() if dated else None,
        "sentence": f"Rangers clashed with raiders in {place}.", "article": {"outlet": f"Outlet {n % 7}"},
    })


def groups(evs, *, km=25.0, days=3):
    return [[e.id for e in g] for g in stream_groups(sorted(evs, key=stream_order), km, days)]


def test_reports_of_one_place_within_the_window_are_one_incident():
    assert groups([report(1, 0), report(2, 2), report(3, 4)]) == [["ev-1", "ev-2", "ev-3"]]


def test_reports_ten_days_apart_are_two_incidents():
    assert sorted(groups([report(1, 0), report(2, 10)])) == [["ev-1"], ["ev-2"]]


def test_an_undated_report_joins_the_incident_at_its_place():
    out = groups([report(1, 0), report(2, 9, dated=False), report(3, 2)])
    assert out == [["ev-1", "ev-3", "ev-2"]]  # dated reports first, by date


def test_daily_fighting_at_one_place_is_not_one_endless_incident():
    out = groups([report(n, n) for n in range(30)])
    assert len(out) >= 4 and all(len(g) <= 7 for g in out)


def test_two_events_of_one_article_are_not_two_sources():
    assert sorted(groups([report(1, 0, article="a"), report(2, 0, article="a")])) == [["ev-1"], ["ev-2"]]


def test_a_burst_of_reports_costs_a_bounded_number_of_comparisons(monkeypatch):
    calls = {"n": 0}
    real = corroborate.same_happening

    def counting(a, b, **kw):
        calls["n"] += 1
        return real(a, b, **kw)

    monkeypatch.setattr(corroborate, "same_happening", counting)
    burst = [report(i, i % 30) for i in range(3000)]
    out = groups(burst)
    assert sum(len(g) for g in out) == 3000
    assert calls["n"] < 3000 * 3 * corroborate.KEEP_PER_BUCKET  # all pairs would be 4.5 million


def test_events_out_of_date_order_are_refused():
    with pytest.raises(ValueError, match="stream_order"):
        list(stream_groups([report(1, 5), report(2, 1)], 25.0, 3))
