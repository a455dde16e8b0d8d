"""The labelled event sentences in training/events/ are well formed (scripts/check_event_sentences.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("check_event_sentences", ROOT / "scripts" / "check_event_sentences.py")
assert _SPEC and _SPEC.loader
check = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check)


def _row(**over: object) -> dict[str, object]:
    row: dict[str, object] = {"id": "t-1", "style": "wire", "text": "Rebels shelled Minas Tirith on Monday.",
                              "events": [{"sub_event_type": "Shelling/artillery/missile attack", "status": "occurred"}],
                              "out_of_scope": ""}
    row.update(over)
    return row


def test_the_shipped_training_files_have_no_problems() -> None:
    paths = sorted((ROOT / "training" / "events").glob("*.jsonl"))
    problems, counts = check.check_files(paths, paths)
    assert problems == []
    assert sum(counts.values()) > 0


def test_a_valid_row_passes_and_each_kind_of_mistake_is_named() -> None:
    assert check.row_problems(_row()) == []
    assert check.row_problems(_row(events=[], out_of_scope="metaphor")) == []
    assert "unknown sub-event type 'Shelling'" in check.row_problems(
        _row(events=[{"sub_event_type": "Shelling", "status": "occurred"}]))
    assert "unknown status 'happened'" in check.row_problems(
        _row(events=[{"sub_event_type": "Arrests", "status": "happened"}]))
    assert check.row_problems(_row(out_of_scope="crime")) == [
        "out_of_scope must be empty when the sentence reports an event"]
    assert check.row_problems(_row(events=[], out_of_scope="sport")) == [
        "out_of_scope 'sport' not one of ('crime', 'accident/disaster', 'court', 'metaphor', "
        "'aggregate/background', 'none')"]
    assert check.row_problems({"id": "t-1", "text": "x"})[0].startswith("keys must be exactly")


def test_a_text_repeated_in_another_file_is_a_duplicate(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(_row()) + "\n", encoding="utf-8")
    second.write_text(json.dumps(_row(id="t-2", text="rebels  shelled Minas Tirith on Monday.")) + "\n", encoding="utf-8")
    problems, _ = check.check_files([second], [first, second])
    assert problems == ["b.jsonl:1: duplicate text (first at a.jsonl:1)"]
    assert check.check_files([first], [first])[0] == []


def test_the_waiting_training_files_have_no_problems_beside_the_shipped_ones() -> None:
    waiting = sorted((ROOT / "training" / "events-unused").glob("*.jsonl"))
    shipped = sorted((ROOT / "training" / "events").glob("*.jsonl"))
    problems, counts = check.check_files(waiting, shipped + waiting)
    assert problems == []
    assert sum(counts.values()) > 0
