"""Training the event gate (:mod:`.gate`) from labelled sentences (needs scikit-learn: the ``[train]`` extra).

Input: JSONL files of labelled sentences (``training/events/*.jsonl``, format in
``training/events/README.md``). Each sentence is embedded (:mod:`.encoder`) and parsed (its parse
features, :mod:`.gate_features`, times ``feature_scale``, follow the embedding) and a multinomial
logistic regression learns the 25 sub-event types and the out-of-scope kinds (a sentence
reporting several types counts once per type). P(event) is calibrated by Platt scaling on
out-of-fold predictions (k folds over sentences). The same folds give the cross-validated scores
and the two thresholds recommended for the settings: ``event_threshold``, the highest that keeps
97% of the event sentences the trigger lexicon types, and ``event_threshold_alone``, the lowest at
which 90% of the sentences only the gate would report are events. The metadata keeps them with
the SHA-256 of the training files.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from ..errors import EvalError
from .encoder import SentenceEncoder
from .gate import GATE_NAME, OUT_OF_SCOPE, EventGate, calibrate
from .gate_features import FEATURES, FRAME_FEATURES, features_of
from .ontology import SUB_EVENT_TYPES, load_lexicon
from .typings import lexicon_typings

#: Weight of the parse features beside the unit-length embedding (chosen on a coarse grid,
#: 0.05 / 0.1 / 0.15 / 0.3 / 1: docs/events.md, "The gate's parse features").
FEATURE_SCALE = 0.2


@dataclass(frozen=True)
class LabelledSentence:
    """One labelled training sentence."""

    id: str
    style: str
    text: str
    events: tuple[tuple[str, str], ...]  # (sub-event type, status)
    out_of_scope: str
    source: str = ""  # the file's name

    @property
    def labels(self) -> list[str]:
        """The classes it teaches: each sub-event type it reports (any status), else its out-of-scope kind."""
        subs = list(dict.fromkeys(s for s, _ in self.events))
        return subs or [self.out_of_scope if self.out_of_scope in OUT_OF_SCOPE else "none"]


def read_labelled(paths: Sequence[Path]) -> tuple[list[LabelledSentence], str]:
    """The sentences of the files, and the SHA-256 of their contents (in the order given)."""
    digest = hashlib.sha256()
    out: list[LabelledSentence] = []
    for path in paths:
        data = path.read_bytes()
        digest.update(data)
        for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                events = tuple((e["sub_event_type"], e.get("status", "occurred")) for e in r["events"])
                out.append(LabelledSentence(r["id"], r.get("style", ""), r["text"], events, r.get("out_of_scope", ""),
                                           path.name))
            except (ValueError, KeyError, TypeError) as err:
                raise EvalError(f"{path}:{n}: not a labelled sentence ({err}) (see training/events/README.md)") from None
            if any(s not in SUB_EVENT_TYPES for s, _ in events):
                raise EvalError(f"{path}:{n}: unknown sub-event type in {events} (use the 25 ACLED names)")
    if not out:
        raise EvalError("no labelled sentences (give the training/events/*.jsonl files)")
    return out, digest.hexdigest()


def lexicon_view(docs: Sequence[Any]) -> list[tuple[bool, bool]]:
    """For each parsed text: (the trigger lexicon proposes a candidate in it, the lexicon types an event in it)."""
    lex = load_lexicon()
    out = []
    for doc in docs:
        readings = [lexicon_typings(sent, lexicon=lex) for sent in doc.sents]
        out.append((any(r.hits or r.excluded for r in readings), any(r.typings for r in readings)))
    return out


def embed(encoder: SentenceEncoder, texts: Sequence[str], batch: int = 32) -> Any:
    """The texts' embeddings, in batches."""
    return np.vstack([encoder.encode(list(texts[i:i + batch])) for i in range(0, len(texts), batch)])


def _fit(vectors: Any, labels: Sequence[list[str]], *, c: float, weights: Any = None) -> EventGate:
    """The gate (uncalibrated) fitted on the sentences (one row per label; ``weights``: one per sentence)."""
    rows = [i for i, ls in enumerate(labels) for _ in ls]
    y = [lab for ls in labels for lab in ls]
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(vectors[rows], y, sample_weight=None if weights is None else weights[rows])
    return EventGate(tuple(str(k) for k in clf.classes_), clf.coef_, clf.intercept_, (1.0, 0.0))


def _platt(raw: Sequence[float], truth: Sequence[int], weights: Any = None) -> tuple[float, float]:
    z = np.array([[math.log(min(max(p, 1e-6), 1 - 1e-6) / (1 - min(max(p, 1e-6), 1 - 1e-6)))] for p in raw])
    clf = LogisticRegression(C=1e4).fit(z, list(truth), sample_weight=weights)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


@dataclass(frozen=True)
class GateReport:
    """What training measured (cross-validated over the labelled sentences)."""

    sentences: int
    events: int
    folds: int
    cv: dict[str, float]
    thresholds: dict[str, float]
    calibration: tuple[float, float]
    data_sha256: str
    seconds: float


def _out_of_fold(vectors: Any, labels: list[list[str]], *, k: int, c: float, seed: int,
                 weights: Any = None) -> list[tuple[float, str]]:
    """(raw P(event), likeliest sub-event type) of each sentence from the model of the other folds."""
    order = list(range(len(labels)))
    random.Random(seed).shuffle(order)
    out: list[tuple[float, str]] = [(0.0, "")] * len(labels)
    for fold in range(k):
        test = order[fold::k]
        held = set(test)
        train = [i for i in order if i not in held]
        gate = _fit(vectors[train], [labels[i] for i in train], c=c,
                    weights=None if weights is None else weights[train])
        is_sub = np.array([cl in SUB_EVENT_TYPES for cl in gate.classes])
        subs = [cl for cl, s in zip(gate.classes, is_sub, strict=True) if s]
        probs = gate.probabilities(vectors[test])
        for i, row in zip(test, probs, strict=True):
            out[i] = (float(row[is_sub].sum()), subs[int(np.argmax(row[is_sub]))])
    return out


def _prf(said: Sequence[bool], truth: Sequence[bool]) -> tuple[float, float]:
    tp = sum(1 for a, t in zip(said, truth, strict=True) if a and t)
    n_said, n_true = sum(said), sum(truth)
    return (tp / n_said if n_said else 1.0), (tp / n_true if n_true else 1.0)


def recommend_thresholds(p: Sequence[float], truth: Sequence[bool], view: Sequence[tuple[bool, bool]]) -> dict[str, float]:
    """``event_threshold``: the highest keeping 97% of the lexicon-typed event sentences;
    ``event_threshold_alone``: the lowest at which 90% of the untyped candidates it passes are events."""
    grid = [round(x * 0.01, 2) for x in range(1, 100)]
    typed = [(q, t) for q, t, (_, ty) in zip(p, truth, view, strict=True) if ty and t]
    keep = [t for t in grid if sum(1 for q, _ in typed if q >= t) >= 0.97 * len(typed)]
    alone = [(q, t) for q, t, (hit, ty) in zip(p, truth, view, strict=True) if hit and not ty]
    sure = [t for t in grid if _prf([q >= t for q, _ in alone], [x for _, x in alone])[0] >= 0.9]
    return {"event_threshold": max(keep, default=0.5), "event_threshold_alone": min(sure, default=0.99)}


def cv_scores(raw: list[tuple[float, str]], sentences: list[LabelledSentence], ab: tuple[float, float],
              threshold: float) -> dict[str, float]:
    """Sentence-level precision/recall/F1 at the threshold (an event of any status counts), and the
    share of event sentences whose likeliest type is one of theirs."""
    p, r = _prf([calibrate(q, ab) >= threshold for q, _ in raw], [bool(s.events) for s in sentences])
    typed = [best in {e for e, _ in s.events} for (_, best), s in zip(raw, sentences, strict=True) if s.events]
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "sub_event_top1": round(sum(typed) / len(typed), 4) if typed else 0.0}


def sentence_weights(sentences: Sequence[LabelledSentence], file_weights: Mapping[str, float]) -> Any:
    """Each sentence's sample weight, its file's (default 1); ``None`` where all are 1 (the unweighted fit)."""
    files = {s.source for s in sentences}
    for name, w in file_weights.items():
        if name not in files or not w > 0:
            raise EvalError(f"weight {name}={w}: give a positive weight for one of the files ({', '.join(sorted(files))})")
    weights = np.array([file_weights.get(s.source, 1.0) for s in sentences])
    return None if (weights == 1.0).all() else weights


#: The random stream :func:`train_gate` draws a subsample from (the folds draw from ``seed`` itself).
SUBSAMPLE_STREAM = 1_000_000


def train_gate(paths: Sequence[Path], *, nlp: Any, k: int = 5, c: float = 4.0, seed: int = 0,
               threshold: float = 0.5, feature_scale: float = FEATURE_SCALE,
               subsample: float = 1.0, frame_scale: float = 0.0,
               file_weights: Mapping[str, float] | None = None) -> tuple[EventGate, GateReport]:
    """Train the gate on labelled sentence files; calibrate it and measure it on k folds.
    ``feature_scale``: the weight of the parse features beside the embedding (0: none);
    ``subsample`` < 1: train on that share of the sentences, drawn from ``seed`` (the stability
    measurement, docs/events.md); ``frame_scale`` > 0: read the frame features too (:data:`.gate_features.FRAME_FEATURES`), with
    that weight; ``file_weights``: file name → sample weight of its sentences (default 1) in the fits and
    the calibration."""
    t0 = time.perf_counter()
    sentences, sha = read_labelled(paths)
    if subsample < 1.0:
        keep = np.random.default_rng([seed, SUBSAMPLE_STREAM]).permutation(len(sentences))
        sentences = [sentences[i] for i in sorted(keep[:round(subsample * len(sentences))])]
    weights = sentence_weights(sentences, file_weights or {})
    texts = [s.text for s in sentences]
    encoder = SentenceEncoder()
    docs = list(nlp.pipe(texts, batch_size=64))
    features = (FEATURES + (FRAME_FEATURES if frame_scale > 0 else ())) if feature_scale > 0 else ()
    vectors = embed(encoder, texts)
    scaled = EventGate((), None, None, (1.0, 0.0), encoder, {}, GATE_NAME, features, feature_scale,
                       frame_scale if features else 0.0)
    if features:
        vectors = np.hstack([vectors, scaled.scales() * features_of([d[:] for d in docs], features)])
    labels = [s.labels for s in sentences]
    raw = _out_of_fold(vectors, labels, k=k, c=c, seed=seed, weights=weights)
    truth = [bool(s.events) for s in sentences]
    ab = _platt([q for q, _ in raw], [int(t) for t in truth], weights)
    scores = cv_scores(raw, sentences, ab, threshold)
    thresholds = recommend_thresholds([calibrate(q, ab) for q, _ in raw], truth, lexicon_view(docs))
    fitted = _fit(vectors, labels, c=c, weights=weights)
    meta = {"data_sha256": sha, "files": [p.name for p in paths], "sentences": len(sentences),
            "classes": dict(Counter(lab for ls in labels for lab in ls)), "c": c, "folds": k,
            "feature_scale": feature_scale, "frame_scale": scaled.frame_scale, "seed": seed, "subsample": subsample,
            "file_weights": {f: w for f, w in sorted((file_weights or {}).items()) if w != 1.0},
            "cv_at_threshold": {"threshold": threshold, **scores}, "recommended": thresholds,
            "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    gate = EventGate(fitted.classes, fitted.coef, fitted.intercept, ab, encoder, meta, GATE_NAME, features,
                     feature_scale if features else 0.0, scaled.frame_scale)
    report = GateReport(len(sentences), sum(truth), k, scores, thresholds, ab, sha,
                        round(time.perf_counter() - t0, 1))
    return gate, report


__all__ = ["GateReport", "LabelledSentence", "read_labelled", "train_gate"]
