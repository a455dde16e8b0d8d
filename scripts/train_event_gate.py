#!/usr/bin/env python3
"""Train the shipped event gate from the labelled sentences in training/events/ (one command).

Reads every ``training/events/*.jsonl`` (sorted by name), trains the gate
(:func:`frontlines.events.gate_train.train_gate`: sentence embeddings, multinomial logistic
regression, Platt-calibrated P(event)), prints its cross-validated scores, and writes
``src/frontlines/data/models/event-gate.npz`` and ``.json`` (with the data's SHA-256, which a
test checks against the training files). Needs the ``[train]`` extra (scikit-learn).

Example:
    python scripts/train_event_gate.py
    python scripts/train_event_gate.py --c 2 --folds 10 --out /tmp/gate   # try a setting, ship nothing
    python scripts/train_event_gate.py --seed 1 --subsample 0.95 --out /tmp/gate-s1   # stability check
    python scripts/train_event_gate.py --frame-scale 0.2 --out /tmp/gate-frame   # with the frame features
    python scripts/train_event_gate.py --weight diplomacy25.jsonl=0.5 --out /tmp/gate-w   # one file counts half
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "training" / "events", help="folder of labelled .jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "frontlines" / "data" / "models" / "event-gate",
                        help="output path without suffix (.npz and .json are written)")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation of the logistic regression")
    parser.add_argument("--folds", type=int, default=5, help="folds for calibration and cross-validated scores")
    parser.add_argument("--seed", type=int, default=0, help="seed of the folds (and of --subsample)")
    parser.add_argument("--subsample", type=float, default=1.0,
                        help="train on this share of the sentences, drawn from --seed (a stability check)")
    parser.add_argument("--threshold", type=float, default=0.5, help="threshold the cross-validated scores use")
    parser.add_argument("--feature-scale", type=float, default=None,
                        help="weight of the parse features beside the embedding (0: none; default: the shipped one)")
    parser.add_argument("--frame-scale", type=float, default=0.0,
                        help="weight of the frame features (speech, judgement, diplomacy; 0: none)")
    parser.add_argument("--weight", action="append", default=[], metavar="FILE=W",
                        help="sample weight of one training file's sentences (default 1; repeatable; kept in the json)")
    args = parser.parse_args(argv)
    try:
        weights = {name: float(w) for name, _, w in (x.partition("=") for x in args.weight)}
    except ValueError:
        parser.error(f"--weight takes FILE=NUMBER, not {args.weight}")
    from frontlines.errors import FrontlinesError, MissingExtraError, require_extra

    try:
        require_extra("sklearn", extra="train", feature="training the event gate")
    except MissingExtraError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    from frontlines.events.gate import gate_files, save_gate
    from frontlines.events.gate_train import FEATURE_SCALE, train_gate
    from frontlines.nlp import load_nlp
    from frontlines.settings import load_settings

    paths = sorted(args.data.glob("*.jsonl"))
    try:
        gate, report = train_gate(paths, nlp=load_nlp(load_settings().nlp_model), k=args.folds, c=args.c,
                                  seed=args.seed, subsample=args.subsample, threshold=args.threshold, frame_scale=args.frame_scale,
                                  file_weights=weights,
                                  feature_scale=FEATURE_SCALE if args.feature_scale is None else args.feature_scale)
    except FrontlinesError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_gate(gate, args.out)
    print(f"{report.sentences} sentences ({report.events} with events) from {len(paths)} files, "
          f"sha256 {report.data_sha256[:12]}, {report.seconds:.0f} s")
    print(f"{report.folds}-fold cross-validated at threshold {args.threshold}: " +
          ", ".join(f"{k} {v:.3f}" for k, v in report.cv.items()))
    print("recommended settings: " + ", ".join(f"{k} = {v}" for k, v in report.thresholds.items()))
    print("saved " + " and ".join(str(f) for f in gate_files(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
