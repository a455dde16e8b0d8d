"""The record of whole articles against every incident they report (`eval events --incidents`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from frontlines.errors import EvalError
from frontlines.events.incidents_eval import LabelledIncident, read_incidents, score_incidents
from frontlines.events.ontology import load_ontology
from frontlines.records import Article, Event, Evidence, OffsetMap, Place, Result

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baselines" / "events.json"

TEXT = ("Orcs kill 12 farmers near Osgiliath\n\nOrcs attacked a farm near Osgiliath on Monday, killing 12 farmers. "
        "The attack was the worst this year. In May, an air strike hit a bridge at Pelargir.")
FARM = LabelledIncident("Attack", dt.date(2031, 5, 5), "Osgiliath", 12, "Orcs attacked a farm near Osgiliath")
BRIDGE = LabelledIncident("Air/drone strike", None, "Pelargir", None, "an air strike hit a bridge at Pelargir")


def _event(sub: str, sentence: str, **changes) -> Event:
    o = load_ontology().get(sub)
    start = TEXT.index(sentence)
    event = Event(id=f"e{start}", article_id="a1", event_type=o.event_type, sub_event_type=sub,
                  plover_type=o.plover_type, actor1=None, actor2=None, assoc_actors=(), place=None,
                  geo_precision=None, date=None, time_precision=None, fatalities=None, modality="asserted",
                  attribution=None, sentence=sentence, start=start, end=start + len(sentence), confidence=0.9,
                  mentions=(Evidence("a1", sentence, start, start + len(sentence), "test"),))
    return replace(event, **changes)


def _result(aid: str, *events: Event) -> Result:
    article = Article(id=aid, raw_text=TEXT, clean_text=TEXT, offsets=OffsetMap.identity(len(TEXT)), external_id=aid)
    return Result(article=article, events=events)


def test_each_incident_counts_once_and_what_matches_none_is_false() -> None:
    lede = _event("Attack", "Orcs attacked a farm near Osgiliath on Monday, killing 12 farmers.",
                  fatalities=12, date=dt.date(2031, 5, 5))
    again = _event("Attack", "The attack was the worst this year.")  # not joined to the lede: a duplicate?
    again = replace(again, mentions=lede.mentions)  # it names the lede's sentence among its mentions
    headline = _event("Armed clash", "Orcs kill 12 farmers near Osgiliath")  # names no incident's cue
    planned = _event("Air/drone strike", "In May, an air strike hit a bridge at Pelargir.", modality="planned")
    s = score_incidents([_result("a1", lede, again, headline, planned), _result("a2", headline)],
                        {"a1": [FARM, BRIDGE], "a2": []})
    assert (s.articles, s.events, s.incidents, s.found) == (2, 4, 2, 1)  # the planned strike is not counted
    assert (s.duplicates, s.false_events, s.false_in_articles_without_incident) == (1, 2, 1)
    assert (s.recall, s.precision, s.sub_event_right) == (0.5, 0.25, 1)
    assert (s.toll_exact, s.date_exact) == (1.0, 1.0)


def test_an_event_on_the_incidents_date_and_place_is_it_without_the_cue() -> None:
    osgiliath = _event("Attack", "The attack was the worst this year.", date=dt.date(2031, 5, 5))
    place = Place("Osgiliath", 0, 9, "Osgiliath", 1, 10.0, 20.0, "GO", None, "PPL", "point")
    s = score_incidents([_result("a1", replace(osgiliath, place=place))], {"a1": [FARM]})
    assert s.found == 1 and s.toll_exact == 0.0  # found, but its toll was not read


def test_a_cue_not_in_the_text_is_refused_in_one_line(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    line = {"id": "a1", "text": TEXT, "incidents": [{"sub_event_type": "Attack", "cue": "orcs burned Bree"}]}
    p.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"a.jsonl:1: cue 'orcs burned Bree' is not in the text"):
        read_incidents(p)


def test_an_article_without_a_list_of_incidents_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"a list of \"incidents\""):
        read_incidents(p)


def test_an_article_told_over_three_sentences_is_one_incident_found_once(pipeline, tmp_path: Path) -> None:
    from frontlines.events.incidents_eval import evaluate_incidents

    text = ("Orcs kill 12 farmers in Ithilien\n\nGunmen attacked a farm in Ithilien on Monday, killing 12 farmers, "
            "the steward's office said. The attack was the deadliest this year. Gondor's markets were calm on Tuesday.")
    farm = {"sub_event_type": "Attack", "event_date": "2031-05-05", "location": "Ithilien", "fatalities": 12,
            "cue": "Gunmen attacked a farm in Ithilien"}
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a1", "published": "2031-05-06", "text": text, "incidents": [farm]}) + "\n"
                 + json.dumps({"id": "a2", "published": "2031-05-06", "text": "Gondor's markets were calm on Tuesday.",
                               "incidents": []}) + "\n", encoding="utf-8")
    s = evaluate_incidents(p, pipeline=pipeline)
    assert (s.articles, s.found, s.duplicates, s.false_events) == (2, 1, 0, 0)
    assert s.toll_exact == 1.0 and s.date_exact == 1.0



@pytest.mark.slow
@pytest.mark.parametrize("half", ["record32-a", "record32-b"])
def test_the_record_of_whole_articles_holds_the_baseline(pipeline, half: str) -> None:
    """No incident found before is lost, and no false event or duplicate is added (one of each may move)."""
    from frontlines.events.incidents_eval import evaluate_incidents

    base = json.loads(BASELINE.read_text())["incidents"][half]
    s = evaluate_incidents(ROOT / "eval" / "articles" / f"{half}.jsonl", pipeline=pipeline)
    assert s.found >= base["found"] - 1
    assert s.false_events + s.duplicates <= base["false_events"] + base["duplicates"] + 1
