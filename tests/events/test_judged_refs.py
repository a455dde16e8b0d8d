"""Our judged sentences kept as references (eval/sentences/*.refs.jsonl) are well formed.

The texts live in ../shared, so this checks only what the repository holds: keys, ids, offsets,
checksums, halves and labels (scripts/judged_sentences.py checks the texts against the checksums).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from frontlines.events.gate import OUT_OF_SCOPE
from frontlines.events.ontology import SUB_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"id", "corpus", "doc", "start", "end", "sha1", "events", "out_of_scope", "half"}
STATUSES = {"occurred", "planned", "denied", "uncertain"}


def ref_problems(ref: dict[str, object]) -> list[str]:
    """What is wrong with one reference (empty when it is valid)."""
    if set(ref) != KEYS:
        return [f"keys must be exactly {sorted(KEYS)}"]
    doc, start, end, events = ref["doc"], ref["start"], ref["end"], ref["events"]
    problems = []
    if ref["corpus"] not in ("fakenews", "gwn", "plover"):
        problems.append(f"unknown corpus {ref['corpus']!r}")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        problems.append("start and end must be offsets with start < end")
    if not re.fullmatch(rf"[a-z0-9]+:{re.escape(str(doc))}:{start}", str(ref["id"])):
        problems.append("id must be PREFIX:<doc>:<start>")
    if not re.fullmatch(r"[0-9a-f]{12}", str(ref["sha1"])):
        problems.append("sha1 must be 12 hex digits")
    if ref["half"] != "AB"[int(hashlib.sha1(str(doc).encode()).hexdigest(), 16) % 2]:
        problems.append("half must follow sha1(doc) % 2 (0: A, 1: B)")
    if not isinstance(events, list) or any(set(e) != {"sub_event_type", "status"} for e in events):
        return problems + ["each event must be {sub_event_type, status}"]
    problems += [f"unknown sub-event type {e['sub_event_type']!r}" for e in events
                 if e["sub_event_type"] not in SUB_EVENT_TYPES]
    problems += [f"unknown status {e['status']!r}" for e in events if e["status"] not in STATUSES]
    if events and ref["out_of_scope"]:
        problems.append("out_of_scope must be empty when the sentence reports an event")
    if not events and ref["out_of_scope"] not in (*OUT_OF_SCOPE, ""):
        problems.append(f"out_of_scope {ref['out_of_scope']!r} not one of {OUT_OF_SCOPE}")
    return problems


def _ref(**over: object) -> dict[str, object]:
    ref: dict[str, object] = {"id": "t1:7:40", "corpus": "gwn", "doc": "7", "start": 40, "end": 90,
                              "sha1": "0123456789ab", "events": [{"sub_event_type": "Attack", "status": "occurred"}],
                              "out_of_scope": "", "half": "AB"[int(hashlib.sha1(b"7").hexdigest(), 16) % 2]}
    ref.update(over)
    return ref


def test_the_shipped_references_are_well_formed() -> None:
    paths = sorted((ROOT / "eval" / "sentences").glob("*.refs.jsonl"))
    assert paths
    seen: set[str] = set()
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            ref = json.loads(line)
            assert ref_problems(ref) == [], f"{path.name}:{n}"
            assert ref["id"] not in seen, f"{path.name}:{n}: duplicate id"
            seen.add(ref["id"])


def test_each_kind_of_mistake_is_named() -> None:
    assert ref_problems(_ref()) == []
    assert ref_problems(_ref(events=[], out_of_scope="metaphor")) == []
    assert ref_problems(_ref(id="t1:8:40")) == ["id must be PREFIX:<doc>:<start>"]
    assert ref_problems(_ref(half="A" if _ref()["half"] == "B" else "B")) == [
        "half must follow sha1(doc) % 2 (0: A, 1: B)"]
    assert ref_problems(_ref(end=40)) == ["start and end must be offsets with start < end"]
    assert ref_problems(_ref(out_of_scope="crime")) == [
        "out_of_scope must be empty when the sentence reports an event"]
    assert ref_problems(_ref(events=[{"sub_event_type": "Shelling", "status": "occurred"}])) == [
        "unknown sub-event type 'Shelling'"]
    assert ref_problems(_ref(sha1="xyz")) == ["sha1 must be 12 hex digits"]
