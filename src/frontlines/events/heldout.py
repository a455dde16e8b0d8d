"""Held-out scores of ``frontlines train``, side by side with a plain baseline (``eval events --train-kfold``).

A model trained on an ACLED export is used on other rows: other days, other countries. So
the rows of one export are split three ways, each test fold scored by a model trained on the
rest:

- ``k-fold``: rows shuffled into K folds;
- ``by date``: the rows of the latest event dates (at least :data:`DATE_SHARE` of them) held out;
- ``by country``: whole countries held out, in K groups of about equal size.

For each split four sub-event weighted F1 scores: the plain baseline
(:func:`.train.plain_baseline`, trained on the same rows), ``train``'s model on whole notes
(what ``eval events --model`` scores), the whole pipeline with ``train``'s model (what
``frontlines extract`` gives once a model is trained), and the whole pipeline without one.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import EvalError
from .acled import AcledRow
from .evaluate import label_scores, note_event
from .model import RuleCues, model_text
from .train import plain_baseline, rule_cues, train_subevent

#: The by-date split holds out the latest event dates until at least this share of the rows.
DATE_SHARE = 0.25


@dataclass(frozen=True)
class SplitScores:
    """Sub-event weighted F1 on one split's held-out rows."""

    split: str
    folds: int
    rows: int  # held-out rows scored
    plain: float  # the plain TF-IDF + LinearSVC baseline
    model: float  # ``train``'s model on whole notes
    pipeline: float  # the whole pipeline with ``train``'s model
    lexicon: float  # the whole pipeline without a trained model
    threshold: float  # the validated overrule margin (mean over folds)
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def kfold_folds(n: int, k: int, *, seed: int = 0) -> list[list[int]]:
    """Row indices shuffled into ``k`` folds."""
    if k < 2 or k > n:
        raise EvalError(f"--train-kfold {k}: need 2 <= k <= number of rows ({n})")
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def date_folds(rows: Sequence[AcledRow], *, share: float = DATE_SHARE) -> list[list[int]]:
    """One fold: the rows of the latest event dates, at least ``share`` of all rows."""
    dates = Counter(r.event_date for r in rows if r.event_date is not None)
    held: set[Any] = set()
    count = 0
    for day in sorted(dates, reverse=True):
        if count >= share * len(rows):
            break
        held.add(day)
        count += dates[day]
    if not held or count >= len(rows):
        raise EvalError("a split by date needs rows of at least two event dates")
    return [[i for i, r in enumerate(rows) if r.event_date in held]]


def country_folds(rows: Sequence[AcledRow], k: int) -> list[list[int]]:
    """Whole countries held out: ``k`` groups of countries of about equal size (largest first)."""
    sizes = Counter(r.country for r in rows)
    if len(sizes) < k:
        raise EvalError(f"a split by country into {k} groups needs at least {k} countries (the export's "
                        "`country` column)")
    group_of: dict[str, int] = {}
    load = [0] * k
    for country, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        g = load.index(min(load))
        group_of[country] = g
        load[g] += n
    return [[i for i, r in enumerate(rows) if group_of[r.country] == g] for g in range(k)]


def heldout_scores(rows: Sequence[AcledRow], docs: Sequence[Any], *, pipeline: Any, k: int = 5,
                   cues: Sequence[RuleCues] | None = None) -> list[SplitScores]:
    """The three splits' scores (``docs``: the parsed notes, in row order)."""
    events = [note_event(r, d, pipeline) for r, d in zip(rows, docs, strict=True)]
    cues = list(cues) if cues is not None else [rule_cues(d, e) for d, e in zip(docs, events, strict=True)]
    lexicon = [e.sub_event_type if e is not None else None for e in events]
    splits = [("k-fold", kfold_folds(len(rows), k)), ("by date", date_folds(rows))]
    if len({r.country for r in rows}) >= k:
        splits.append(("by country", country_folds(rows, k)))
    return [_split(name, folds, rows, docs, cues, lexicon, pipeline) for name, folds in splits]


def _pipeline_label(row: AcledRow, doc: Any, pipeline: Any, model: Any) -> str | None:
    """The main event's sub-event type, through the whole pipeline with ``model``."""
    event = note_event(row, doc, pipeline, model)
    return event.sub_event_type if event is not None else None


def _split(name: str, folds: list[list[int]], rows: Sequence[AcledRow], docs: Sequence[Any],
           cues: Sequence[RuleCues], lexicon: Sequence[str | None], pipeline: Any) -> SplitScores:
    t0 = time.perf_counter()
    notes = [r.notes for r in rows]  # the plain baseline reads the notes, train's model what it reads of them
    texts = [model_text(list(d.sents)) for d in docs]
    gold: list[str] = []
    got: dict[str, list[str | None]] = {"plain": [], "model": [], "pipeline": [], "lexicon": []}
    margins = []
    for test in folds:
        held = set(test)
        train = [i for i in range(len(rows)) if i not in held]
        labels = [rows[i].sub_event_type for i in train]
        plain = plain_baseline().fit([notes[i] for i in train], labels)
        model = train_subevent([texts[i] for i in train], labels, rule_labels=[cues[i] for i in train])
        margins.append(model.threshold)
        gold += [rows[i].sub_event_type for i in test]
        got["plain"] += [str(x) for x in plain.predict([notes[i] for i in test])]
        got["model"] += model.predict([texts[i] for i in test], rule_labels=[cues[i] for i in test])
        got["pipeline"] += [_pipeline_label(rows[i], docs[i], pipeline, model) for i in test]
        got["lexicon"] += [lexicon[i] for i in test]
    f1 = {key: round(label_scores(gold, pred)[0], 4) for key, pred in got.items()}
    return SplitScores(name, len(folds), len(gold), f1["plain"], f1["model"], f1["pipeline"], f1["lexicon"],
                       round(sum(margins) / len(margins), 4), round(time.perf_counter() - t0, 1))
