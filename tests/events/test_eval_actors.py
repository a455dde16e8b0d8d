"""Actor scores of ``eval events --acled``: name exact, missing, inter codes, associated actors."""

from __future__ import annotations

import datetime as dt

from frontlines.events.acled import AcledRow
from frontlines.events.evaluate import Prediction, actor_hits, same_acled_name, score_rows
from frontlines.records import Actor, Event


def _row(**kw) -> AcledRow:
    base = dict(row_id="r", notes="n", published=None, event_type="Battles", sub_event_type="Armed clash",
                event_date=dt.date(2020, 5, 1), inter1=1, lat=None, lon=None, fatalities=0,
                actor1="Military Forces of Gondor (2000-)", actor2="Rebels (Gondor)", inter2=2)
    base.update(kw)
    return AcledRow(**base)


def _event(a1: Actor | None, a2: Actor | None = None, assoc: tuple[Actor, ...] = ()) -> Event:
    return Event(id="e", article_id="a", event_type="Battles", sub_event_type="Armed clash", plover_type=None,
                 actor1=a1, actor2=a2, assoc_actors=assoc, place=None, geo_precision=None, date=None,
                 time_precision=None, fatalities=None, modality="asserted", attribution=None, sentence="s",
                 start=0, end=1, confidence=0.5)


ARMY = Actor("Military Forces of Gondor (2000-2024)", "gondor-army", 1)
REBELS = Actor("Rebels (Gondor)", None, 2)


def test_a_closed_period_counts_as_the_open_one_of_an_older_export() -> None:
    assert same_acled_name("Military Forces of Gondor (2000-2024) Royal Guard", "Military Forces of Gondor (2000-) Royal Guard")
    assert not same_acled_name("Military Forces of Gondor (2000-2024)", "Military Forces of Gondor (2024-)")
    assert not same_acled_name("Protesters (Gondor)", "Protesters (Rohan)")


def test_actor_hits_score_each_field() -> None:
    hits = actor_hits(_row(), _event(ARMY, REBELS))
    assert hits["actor1_name_exact"] == hits["actor1_inter_match"] == hits["actor2_inter_match"] == 1
    assert hits["actor1_missing"] == 0 and hits["assoc_actor_match"] == 1
    wrong = actor_hits(_row(inter2=0, actor2="", assoc_actors=("Rohan Militia",)), _event(REBELS, ARMY))
    assert wrong["actor1_inter_match"] == wrong["actor2_inter_match"] == wrong["assoc_actor_match"] == 0


def test_a_row_without_event_or_actor1_counts_as_missing() -> None:
    rows = [_row(), _row()]
    s = score_rows(rows, [Prediction("Armed clash", "Battles", _event(None)), Prediction(None, None)])
    assert s.actor1_missing == 1.0 and s.actor1_name_exact == 0.0
    s = score_rows(rows, [Prediction("Armed clash", "Battles", _event(ARMY, REBELS))] * 2)
    assert s.actor1_missing == 0.0 and s.actor1_name_exact == 1.0 and s.actor2_inter_match == 1.0
