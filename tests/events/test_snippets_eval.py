"""``eval events --snippets``: reading labelled snippets and scoring the main event's sub-event type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.errors import EvalError
from frontlines.events.evaluate import evaluate_snippets, read_snippets

SNIPPETS = [
    {"id": "a", "text": "Gondor troops and Free Arnor Front rebels exchanged fire for hours near Vessa on Tuesday.",
     "sub_event_type": "Armed clash"},
    {"id": "b", "text": "Police fired tear gas to disperse hundreds of students marching in Minas Tirith.",
     "sub_event_type": "Protest with intervention"},
    {"id": "c", "text": "Officials in Edoras said the annual harvest fair would open next week.",
     "sub_event_type": "Agreement"},
]


def _write(path: Path, records=SNIPPETS) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_read_snippets_gives_each_its_gold_types(tmp_path: Path) -> None:
    rows = read_snippets(_write(tmp_path / "s.jsonl"))
    assert [(r.row_id, r.sub_event_type, r.event_type) for r in rows] == [
        ("a", "Armed clash", "Battles"), ("b", "Protest with intervention", "Protests"),
        ("c", "Agreement", "Strategic developments")]
    assert len(read_snippets(tmp_path / "s.jsonl", limit=2)) == 2


def test_read_snippets_rejects_an_unknown_type(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="unknown sub-event type"):
        read_snippets(_write(tmp_path / "s.jsonl", [{"text": "x", "sub_event_type": "Skirmish"}]))


def test_snippets_score_the_main_events_type_and_count_a_snippet_without_one(tmp_path: Path, pipeline) -> None:
    s = evaluate_snippets(read_snippets(_write(tmp_path / "s.jsonl")), pipeline=pipeline)
    assert s.snippets == 3
    assert s.no_event == 1  # the fair is no event, so the Agreement label is missed
    assert s.sub_event_accuracy == pytest.approx(2 / 3, abs=1e-3)
    assert s.per_label["Armed clash"].f1 == 1.0
    assert s.per_label["Agreement"].recall == 0.0
    assert ("Agreement", "(none)", 1) in s.confusions
    assert s.events_per_snippet == pytest.approx(2 / 3, abs=1e-3)


ROOT = Path(__file__).resolve().parents[2]


HELD = json.loads((ROOT / "eval" / "baselines" / "events.json").read_text(encoding="utf-8"))["snippets"]


@pytest.fixture(scope="module")
def dev_scores(pipeline):
    return evaluate_snippets(read_snippets(ROOT / HELD["file"]), pipeline=pipeline)


@pytest.mark.slow
@pytest.mark.parametrize("metric", ["sub_event_f1", "sub_event_accuracy"])
def test_the_snippet_dev_set_holds_the_baseline(dev_scores, metric: str) -> None:
    assert getattr(dev_scores, metric) >= HELD[metric] - 0.01
