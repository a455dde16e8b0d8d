"""Actor sides (data/actors/sides.yaml) and the "perpetrator side right" score of labelled reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from frontlines.actors import load_actors
from frontlines.actors.sides import id_by_name, load_sides, side_of
from frontlines.errors import ConfigError, EvalError
from frontlines.events.reports import GoldIncident, score_articles
from frontlines.records import Actor, Article, Event, OffsetMap, Result


def _attack(actor1: Actor | None) -> Event:
    return Event(id="e1", article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
                 plover_type="ATTACK", actor1=actor1, actor2=None, assoc_actors=(), place=None,
                 geo_precision=None, date=dt.date(2031, 5, 3), time_precision=1, fatalities=2, modality="asserted",
                 attribution=None, sentence="s", start=0, end=10, confidence=0.9)


def _result(aid: str, event: Event) -> Result:
    a = Article(id=aid, raw_text="x", clean_text="x", offsets=OffsetMap.identity(1), external_id=aid)
    return Result(article=a, events=(event,))


def test_allies_share_a_side_and_enemies_do_not() -> None:
    sides, actors = load_sides(), load_actors()
    assert side_of("ndf", sides, actors) == side_of("military-forces-of-syria", sides, actors)
    assert side_of("islamic-state-syria", sides, actors) != side_of("military-forces-of-syria", sides, actors)
    assert side_of("no-such-actor", sides, actors) is None


def test_a_gold_name_is_found_by_its_dated_name() -> None:
    assert id_by_name(load_actors(), "Military Forces of Syria (2000-2024)") == "military-forces-of-syria"


def test_side_right_counts_only_reports_that_name_a_perpetrator() -> None:
    gold = GoldIncident("Violence against civilians", "Attack", 10.0, 20.0, dt.date(2031, 5, 3), 2)
    ally = Actor("Military Forces of Syria (2000-2024)", "military-forces-of-syria", 1)
    enemy = Actor("Islamic State (Syria)", "islamic-state-syria", 2)
    s = score_articles([_result("r1", _attack(ally)), _result("r2", _attack(enemy)), _result("r3", _attack(None))],
                       {"r1": replace(gold, perpetrator="NDF: National Defence Forces"),
                        "r2": replace(gold, perpetrator="NDF: National Defence Forces"), "r3": gold})
    assert (s.perpetrator_articles, s.perpetrator_side_right) == (2, 0.5)
    assert [row.side_right for row in s.rows] == [True, False, None]


def test_a_gold_perpetrator_the_dictionary_lacks_is_refused() -> None:
    gold = GoldIncident("Violence against civilians", "Attack", 10.0, 20.0, dt.date(2031, 5, 3), 2,
                        perpetrator="Riders of Rohan")
    with pytest.raises(EvalError, match="Riders of Rohan"):
        score_articles([_result("r1", _attack(None))], {"r1": gold})


def test_an_actor_on_two_sides_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "sides.yaml"
    p.write_text("sides:\n  gondor: [ndf]\n  mordor: [ndf]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ndf is on gondor and mordor"):
        load_sides(p)
