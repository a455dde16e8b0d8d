"""Training the event gate: per-file sample weights (``train_event_gate.py --weight FILE=W``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from frontlines.errors import EvalError  # noqa: E402
from frontlines.events.gate_train import _fit, read_labelled, sentence_weights  # noqa: E402


def _write(path: Path, rows: list[tuple[str, list[dict[str, str]]]]) -> Path:
    lines = [json.dumps({"id": f"{path.stem}-{n:04d}", "style": "wire", "text": text, "events": events,
                         "out_of_scope": "" if events else "none"}) for n, (text, events) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    clash = [{"sub_event_type": "Armed clash", "status": "occurred"}]
    return [_write(tmp_path / "battles.jsonl", [("Orcs fought the guards of Osgiliath on Monday.", clash),
                                                 ("Rangers clashed with orcs near Bree.", clash)]),
            _write(tmp_path / "talks.jsonl", [("Gondor's envoy met the king of Rohan in Edoras.", [])])]


def test_each_sentence_takes_its_files_weight(files: list[Path]) -> None:
    sentences, _ = read_labelled(files)
    assert [s.source for s in sentences] == ["battles.jsonl", "battles.jsonl", "talks.jsonl"]
    assert sentence_weights(sentences, {}) is None
    assert sentence_weights(sentences, {"talks.jsonl": 1.0}) is None
    assert list(sentence_weights(sentences, {"talks.jsonl": 0.5})) == [1.0, 1.0, 0.5]


@pytest.mark.parametrize("weights", [{"talk.jsonl": 0.5}, {"talks.jsonl": 0.0}, {"talks.jsonl": -1.0}])
def test_a_weight_for_no_file_or_not_positive_is_refused(files: list[Path], weights: dict[str, float]) -> None:
    sentences, _ = read_labelled(files)
    with pytest.raises(EvalError, match="positive weight for one of the files"):
        sentence_weights(sentences, weights)


def test_a_lower_weight_pulls_the_fit_less_towards_that_files_sentences() -> None:
    rng = np.random.default_rng(0)
    clashes = rng.normal((1.0, 1.0), 0.5, (40, 2))
    protests = rng.normal((-1.0, 1.0), 0.5, (40, 2))
    quiet = rng.normal((-1.0, -1.0), 0.5, (40, 2))
    added = rng.normal((1.0, 1.0), 0.5, (20, 2))  # no-event sentences that read like the clashes
    vectors = np.vstack([clashes, protests, quiet, added])
    labels = [["Armed clash"]] * 40 + [["Peaceful protest"]] * 40 + [["none"]] * 60
    probe = np.array([[1.0, 1.0]])

    def p_event(weight: float) -> float:
        weights = np.array([1.0] * 120 + [weight] * 20)
        gate = _fit(vectors, labels, c=4.0, weights=weights)
        return float(gate.probabilities(probe)[0][list(gate.classes).index("Armed clash")])

    assert p_event(1.0) < p_event(0.3) < p_event(0.01)
