"""Our judged sentence sets kept with their text (eval/sentences/*-heldout.jsonl) are well formed.

Each line is ``{"id", "corpus", "text", "events", "out_of_scope"}`` in the dev file's format; an
event is ``{"sub_event_type", "status"}`` and may also name its ``event_type``, which must then be
the ontology's parent of the sub-event type.
"""

from __future__ import annotations

import json
from pathlib import Path

from frontlines.events.gate import OUT_OF_SCOPE
from frontlines.events.ontology import SUB_EVENT_TYPES, event_type_of
from frontlines.events.sentences import read_sentences

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"id", "corpus", "text", "events", "out_of_scope"}
STATUSES = {"occurred", "planned", "denied", "uncertain"}


def record_problems(rec: dict[str, object]) -> list[str]:
    """What is wrong with one judged sentence (empty when it is valid)."""
    if set(rec) != KEYS:
        return [f"keys must be exactly {sorted(KEYS)}"]
    if not isinstance(rec["text"], str) or not rec["text"].strip():
        return ["text must be a non-empty string"]
    events = rec["events"]
    if not isinstance(events, list) or any(
            not isinstance(e, dict) or not {"sub_event_type", "status"} <= set(e) <= {"event_type", "sub_event_type", "status"}
            for e in events):
        return ["each event must be {sub_event_type, status} with an optional event_type"]
    problems = []
    for e in events:
        if e["sub_event_type"] not in SUB_EVENT_TYPES:
            problems.append(f"unknown sub-event type {e['sub_event_type']!r}")
            continue
        parent = event_type_of(e["sub_event_type"])
        if "event_type" in e and e["event_type"] != parent:
            problems.append(f"{e['sub_event_type']!r} belongs to {parent!r}, not {e['event_type']!r}")
    problems += [f"unknown status {e['status']!r}" for e in events if e["status"] not in STATUSES]
    subs = [(e["sub_event_type"], e["status"]) for e in events]
    if len(set(subs)) != len(subs):
        problems.append("each sub-event type is listed once per status")
    if events and rec["out_of_scope"]:
        problems.append("out_of_scope must be empty when the sentence reports an event")
    if not events and rec["out_of_scope"] not in (*OUT_OF_SCOPE, ""):
        problems.append(f"out_of_scope {rec['out_of_scope']!r} not one of {OUT_OF_SCOPE}")
    return problems


def _rec(**over: object) -> dict[str, object]:
    rec: dict[str, object] = {"id": "t-1", "corpus": "test", "text": "Orcs shelled Osgiliath on Monday.",
                              "events": [{"event_type": "Explosions/Remote violence",
                                          "sub_event_type": "Shelling/artillery/missile attack", "status": "occurred"}],
                              "out_of_scope": ""}
    rec.update(over)
    return rec


def test_the_shipped_judged_sentences_are_well_formed() -> None:
    paths = sorted((ROOT / "eval" / "sentences").glob("*-heldout.jsonl"))
    assert {p.name for p in paths} >= {"fakenews-heldout.jsonl", "wire-own-heldout.jsonl"}
    for path in paths:
        ids: set[str] = set()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            assert record_problems(rec) == [], f"{path.name}:{n}"
            assert rec["id"] not in ids, f"{path.name}:{n}: duplicate id"
            ids.add(rec["id"])
        assert len(read_sentences(path)) == len(ids)  # the scorer reads every line


def test_each_kind_of_mistake_is_named() -> None:
    assert record_problems(_rec()) == []
    assert record_problems(_rec(events=[], out_of_scope="court")) == []
    assert record_problems(_rec(out_of_scope="crime")) == [
        "out_of_scope must be empty when the sentence reports an event"]
    assert record_problems(_rec(events=[], out_of_scope="sport")) == [
        f"out_of_scope 'sport' not one of {OUT_OF_SCOPE}"]
    assert record_problems(_rec(events=[{"sub_event_type": "Shelling", "status": "occurred"}])) == [
        "unknown sub-event type 'Shelling'"]
    assert record_problems(_rec(events=[{"event_type": "Battles", "sub_event_type": "Grenade",
                                         "status": "occurred"}])) == [
        "'Grenade' belongs to 'Explosions/Remote violence', not 'Battles'"]
    assert record_problems(_rec(events=[{"sub_event_type": "Attack", "status": "rumoured"}])) == [
        "unknown status 'rumoured'"]
    assert record_problems(_rec(events=[{"sub_event_type": "Attack"}])) == [
        "each event must be {sub_event_type, status} with an optional event_type"]
    twice = {"sub_event_type": "Attack", "status": "occurred"}
    assert record_problems(_rec(events=[twice, twice])) == ["each sub-event type is listed once per status"]
    assert record_problems(_rec(text="  ")) == ["text must be a non-empty string"]
    assert record_problems({"id": "t-1", "text": "x"}) == [f"keys must be exactly {sorted(KEYS)}"]
