"""Sentence-level evaluation (``frontlines eval events --sentences``): reading, scoring, the baseline gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.errors import EvalError
from frontlines.events.sentences import JudgedSentence, read_sentences, score_sentences

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baselines" / "events.json"


def _judged(occurred=(), other=(), oos="") -> JudgedSentence:
    return JudgedSentence("x", "text", frozenset(occurred), frozenset(other), oos)


def test_sentence_level_counts_reported_events_and_ignores_planned_ones() -> None:
    gold = [_judged({"Air/drone strike"}), _judged(oos="crime"), _judged(other={"Peaceful protest"}),
            _judged({"Attack"})]
    pred = [frozenset({"Air/drone strike"}), frozenset({"Attack"}), frozenset({"Peaceful protest"}), frozenset()]
    s = score_sentences(gold, pred)
    assert (s.levels["sentence"].tp, s.levels["sentence"].fp, s.levels["sentence"].fn) == (1, 1, 1)
    assert s.false_positives_by_kind == {"crime": 1}
    assert s.with_events == 2


def test_sub_event_and_event_type_levels_count_pairs() -> None:
    gold = [_judged({"Air/drone strike", "Armed clash"})]
    pred = [frozenset({"Shelling/artillery/missile attack", "Armed clash"})]
    s = score_sentences(gold, pred)
    sub, typ = s.levels["sub_event_type"], s.levels["event_type"]
    assert (sub.tp, sub.fp, sub.fn) == (1, 1, 1)
    assert (typ.tp, typ.fp, typ.fn) == (2, 0, 0)  # shelling and air strike share Explosions/Remote violence


def test_counted_types_include_the_other_types_an_event_keeps() -> None:
    import datetime as dt

    from frontlines.events.sentences import counted
    from frontlines.records import Event

    def event(sub: str, modality: str, others: tuple[str, ...] = ()) -> Event:
        return Event("e", "a", None, sub, None, None, None, (), None, None, dt.date(2020, 1, 1), 1, None, modality,
                     None, "Gondor shelled Osgiliath.", 0, 24, 0.9, other_sub_event_types=others)

    events = [event("Chemical weapon", "asserted", ("Air/drone strike",)), event("Arrests", "planned", ("Attack",))]
    assert counted(events) == {"Chemical weapon", "Air/drone strike"}


def test_read_sentences_splits_statuses(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Gondor shelled Osgiliath.", "events": [
        {"sub_event_type": "Shelling/artillery/missile attack", "status": "occurred"},
        {"sub_event_type": "Armed clash", "status": "planned"}], "out_of_scope": ""}) + "\n", encoding="utf-8")
    (s,) = read_sentences(p)
    assert s.occurred == {"Shelling/artillery/missile attack"} and s.other == {"Armed clash"}


def test_read_sentences_names_the_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "a", "text": "x", "events": [{"sub_event_type": "Raid"}]}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="s.jsonl:1"):
        read_sentences(p)


def test_eval_events_needs_one_of_the_two_files() -> None:
    from frontlines.cli import cli

    out = CliRunner().invoke(cli, ["eval", "events"])
    assert out.exit_code == 2 and "--sentences" in out.output


# ---------------------------------------------------------------- the gate (slow: the whole dev file)


@pytest.fixture(scope="module")
def sentence_scores(shared_dir, pipeline):
    from frontlines.events.sentences import evaluate_sentences

    path = shared_dir / "eval" / "events" / "news-sentences-dev.jsonl"
    if not path.is_file():
        pytest.skip("news-sentences-dev.jsonl is not in ../shared/eval/events")
    return evaluate_sentences(read_sentences(path), pipeline=pipeline)


@pytest.mark.slow
@pytest.mark.parametrize("level", ["sentence", "event_type", "sub_event_type"])
@pytest.mark.parametrize("metric", ["precision", "recall", "f1"])
def test_judged_sentence_scores_hold_the_baseline(sentence_scores, level: str, metric: str) -> None:
    floor = json.loads(BASELINE.read_text())["sentences"]["levels"][level][metric] - 0.02
    assert getattr(sentence_scores.levels[level], metric) >= floor
