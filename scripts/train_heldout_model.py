"""Model-only held-out scores of ``frontlines train`` on an ACLED export, from notes parsed once.

``frontlines eval events --acled X --train-kfold 5`` also runs the whole pipeline with each fold's
model (about 15 minutes); this scores only ``train``'s model column (``eval events --model``), the
same folds and the same training code, from a cache of the parsed notes' model texts and rule cues,
so one feature or setting can be measured in a few minutes:

    python scripts/train_heldout_model.py ../shared/eval/events/acled-dev.csv --cache /tmp/notes.pkl \
        --splits "by country,by date"

The cache holds ACLED notes: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path
from typing import Any

from frontlines.events.acled import read_acled
from frontlines.events.evaluate import label_scores, note_event
from frontlines.events.heldout import country_folds, date_folds, kfold_folds
from frontlines.events.model import model_text
from frontlines.events.train import rule_cues, train_subevent


def parsed(export: str, cache: Path) -> tuple[list[Any], list[str], list[Any]]:
    """(rows, model texts, rule cues) of the export's rows (all of them, as ``--train-kfold``), read from
    ``cache`` once it exists."""
    if cache.is_file():
        with cache.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    from frontlines.pipeline import Pipeline
    from frontlines.settings import load_settings

    pipeline = Pipeline(load_settings(), event_model=None)
    rows = read_acled(export)
    docs = list(pipeline.nlp.pipe((r.notes for r in rows), batch_size=64))
    texts = [model_text(list(d.sents)) for d in docs]
    cues = [rule_cues(d, note_event(r, d, pipeline)) for r, d in zip(rows, docs, strict=True)]
    with cache.open("wb") as f:
        pickle.dump((rows, texts, cues), f)
    return rows, texts, cues


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("export")
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--splits", default="k-fold,by date,by country")
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args()
    rows, texts, cues = parsed(args.export, args.cache)
    folds = {"k-fold": lambda: kfold_folds(len(rows), args.k), "by date": lambda: date_folds(rows),
             "by country": lambda: country_folds(rows, args.k)}
    for name in args.splits.split(","):
        t0 = time.perf_counter()
        gold: list[str] = []
        got: list[str] = []
        for test in folds[name]():
            held = set(test)
            train = [i for i in range(len(rows)) if i not in held]
            model = train_subevent([texts[i] for i in train], [rows[i].sub_event_type for i in train],
                                   rule_labels=[cues[i] for i in train])
            gold += [rows[i].sub_event_type for i in test]
            got += model.predict([texts[i] for i in test], rule_labels=[cues[i] for i in test])
        print(f"{name}: model {label_scores(gold, got)[0]:.4f} ({len(gold)} rows, {time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
