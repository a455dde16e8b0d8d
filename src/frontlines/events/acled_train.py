"""``frontlines train --acled``: the sub-event model (:mod:`.train`) trained on an ACLED export's notes and saved."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError, ModelError
from .acled import read_acled
from .evaluate import note_event
from .model import model_path, model_text
from .ontology import load_ontology
from .train import _train_extra, rule_cues, train_subevent


@dataclass(frozen=True)
class TrainReport:
    rows: int
    labels: dict[str, int]
    skipped: int
    seconds: float
    path: str


def train_acled(path: str | Path, *, settings: Any, pipeline: Any, use_rules: bool = True) -> TrainReport:
    """Train on an ACLED export and save the model where :func:`load_trained` finds it (``pipeline``:
    one without a trained model, whose main event of each note is a cue)."""
    joblib = _train_extra("joblib")

    t0 = time.perf_counter()
    known = load_ontology().sub_events
    rows = read_acled(path)
    usable = [r for r in rows if r.sub_event_type in known and r.notes.strip()]
    skipped = len(rows) - len(usable)
    if not usable:
        raise EvalError(f"{path}: no row has notes and a known sub_event_type (check the export's columns)")
    docs = list(pipeline.nlp.pipe((r.notes for r in usable), batch_size=64))
    cues = [rule_cues(d, note_event(r, d, pipeline)) for r, d in zip(usable, docs, strict=True)] if use_rules else None
    model = train_subevent([model_text(list(d.sents)) for d in docs], [r.sub_event_type for r in usable],
                           rule_labels=cues)
    out = model_path(settings)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(model, out)
    except OSError as err:
        raise ModelError(f"{out}: cannot save the model ({err.strerror}) (set data_dir to a writable folder)") from None
    return TrainReport(len(usable), dict(model.label_counts), skipped, round(time.perf_counter() - t0, 1), str(out))
