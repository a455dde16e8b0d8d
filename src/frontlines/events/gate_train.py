"""Training the event gate (:mod:`.gate`) from labelled sentences (needs scikit-learn: the ``[train]`` extra).

Input: JSONL files of labelled sentences (``training/events/*.jsonl``, format in
``training/events/README.md``). Each sentence is embedded (:mod:`.encoder`) and parsed (its parse
features, :mod:`.gate_features`, times ``feature_scale``, follow the embedding) and a multinomial
logistic regression learns the 25 sub-event types and the out-of-scope kinds (a sentence
reporting several types counts once per type). The gate is bagged: ``bags`` regressions, each
fitted on a bootstrap sample of the sentences (drawn from ``seed``, deterministic), and the
shipped weights are their mean (the mean of linear scores is the score of the mean weights:
one model of the same shape and cost). P(event) is calibrated by Platt scaling on out-of-bag
predictions (each sentence scored by the members that did not see it). The same predictions give
the cross-validated scores and the two thresholds recommended for the settings:
``event_threshold``, the highest that keeps 97% of the event sentences the trigger lexicon types,
and ``event_threshold_alone``, the lowest at which 90% of the sentences only the gate would report
are events. The metadata keeps them with the SHA-256 of the training files.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from ..errors import EvalError
from .encoder import SentenceEncoder
from .gate import GATE_NAME, OUT_OF_SCOPE, EventGate, calibrate
from .gate_features import FEATURES, features_of
from .ontology import SUB_EVENT_TYPES, load_lexicon
from .typings import lexicon_typings

#: Weight of the parse features beside the unit-length embedding (chosen on a coarse grid,
#: 0.05 / 0.1 / 0.15 / 0.3 / 1: docs/events.md, "The gate's parse features").
FEATURE_SCALE = 0.2
#: Members of the bagged gate, and the inverse regularisation of each (docs/events.md, "The gate's stability").
BAGS = 15
C = 4.0
#: The random stream of the subsample (members draw from streams 0 .. bags - 1).
SUBSAMPLE_STREAM = 1_000_000


@dataclass(frozen=True)
class LabelledSentence:
    """One labelled training sentence."""

    id: str
    style: str
    text: str
    events: tuple[tuple[str, str], ...]  # (sub-event type, status)
    out_of_scope: str

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
                out.append(LabelledSentence(r["id"], r.get("style", ""), r["text"], events, r.get("out_of_scope", "")))
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


def _platt(raw: Sequence[float], truth: Sequence[int]) -> tuple[float, float]:
    z = np.array([[math.log(min(max(p, 1e-6), 1 - 1e-6) / (1 - min(max(p, 1e-6), 1 - 1e-6)))] for p in raw])
    clf = LogisticRegression(C=1e4).fit(z, list(truth))
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


@dataclass(frozen=True)
class GateReport:
    """What training measured (cross-validated over the labelled sentences)."""

    sentences: int
    events: int
    bags: int
    scored: int  # sentences some member did not see (scored out of bag)
    cv: dict[str, float]
    thresholds: dict[str, float]
    calibration: tuple[float, float]
    data_sha256: str
    seconds: float


def _fit(clf: Any, vectors: Any, labels: Sequence[list[str]], weights: Any) -> tuple[tuple[str, ...], Any, Any]:
    """(classes, coef, intercept) of the regression ``clf`` fitted on the sentences, each counted
    ``weights[i]`` times (one row per label)."""
    rows = [i for i, ls in enumerate(labels) for _ in ls if weights[i] > 0]
    y = [lab for i, ls in enumerate(labels) for lab in ls if weights[i] > 0]
    clf.fit(vectors[rows], y, sample_weight=np.asarray(weights, dtype=float)[rows])
    return tuple(str(k) for k in clf.classes_), clf.coef_.copy(), clf.intercept_.copy()


def bootstrap_counts(n: int, *, bags: int, seed: int) -> Any:
    """How often each of ``n`` sentences is drawn into each member's bootstrap sample (``bags`` x ``n``;
    member ``j`` draws from ``numpy.random.default_rng([seed, j])``)."""
    return np.array([np.bincount(np.random.default_rng([seed, j]).integers(0, n, n), minlength=n)
                     for j in range(bags)])


@dataclass(frozen=True)
class BaggedFit:
    """The members' weights (``bags`` x classes x inputs), their mean, and each member's bootstrap counts."""

    classes: tuple[str, ...]
    coefs: Any
    intercepts: Any
    counts: Any

    @property
    def coef(self) -> Any:
        """The shipped weights: the members' mean."""
        return self.coefs.mean(axis=0)

    @property
    def intercept(self) -> Any:
        """The shipped intercepts: the members' mean."""
        return self.intercepts.mean(axis=0)


def fit_bagged(vectors: Any, labels: list[list[str]], *, bags: int, c: float, seed: int) -> BaggedFit:
    """``bags`` regressions, each on a bootstrap sample of the sentences."""
    counts = bootstrap_counts(len(labels), bags=bags, seed=seed)
    fits = [_fit(LogisticRegression(C=c, max_iter=3000), vectors, labels, row) for row in counts]
    classes = fits[0][0]
    if any(f[0] != classes for f in fits):
        raise EvalError("a bootstrap sample missed a class: add sentences of the rarest classes, or more bags")
    return BaggedFit(classes, np.stack([f[1] for f in fits]), np.stack([f[2] for f in fits]), counts)


def out_of_bag(vectors: Any, fit: BaggedFit) -> list[tuple[float, str] | None]:
    """(raw P(event), likeliest sub-event type) of each sentence from the mean scores of the members whose
    sample missed it (None where every member drew it)."""
    is_sub = np.array([cl in SUB_EVENT_TYPES for cl in fit.classes])
    subs = [cl for cl, s in zip(fit.classes, is_sub, strict=True) if s]
    unseen = (fit.counts == 0).astype(float)  # bags x sentences
    n_unseen = unseen.sum(axis=0)
    scores = sum(u[:, None] * (vectors @ w.T + b)
                 for u, w, b in zip(unseen, fit.coefs, fit.intercepts, strict=True)) / np.maximum(n_unseen, 1)[:, None]
    scores = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    return [None if m == 0 else (float(row[is_sub].sum()), subs[int(np.argmax(row[is_sub]))])
            for m, row in zip(n_unseen, probs, strict=True)]


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


@dataclass(frozen=True)
class Prepared:
    """The labelled sentences as the gate reads them: model inputs and the lexicon's view, row by row."""

    sentences: list[LabelledSentence]
    data_sha256: str
    files: list[str]
    vectors: Any  # sentences x (384 + features)
    view: list[tuple[bool, bool]]  # :func:`lexicon_view`
    feature_scale: float


def prepare(paths: Sequence[Path], *, nlp: Any, feature_scale: float = FEATURE_SCALE) -> Prepared:
    """Read, parse and embed the labelled sentence files (the slow part of training).
    ``feature_scale``: the weight of the parse features beside the embedding (0: none)."""
    sentences, sha = read_labelled(paths)
    texts = [s.text for s in sentences]
    docs = list(nlp.pipe(texts, batch_size=64))
    vectors = embed(SentenceEncoder(), texts)
    if feature_scale > 0:
        vectors = np.hstack([vectors, feature_scale * features_of([d[:] for d in docs])])
    return Prepared(sentences, sha, [p.name for p in paths], vectors, lexicon_view(docs), feature_scale)


def train_prepared(data: Prepared, *, bags: int = BAGS, c: float = C, seed: int = 0, threshold: float = 0.5,
                   subsample: float = 1.0) -> tuple[EventGate, GateReport]:
    """The bagged gate, calibrated and measured out of bag. ``subsample`` < 1 trains on that share of
    the sentences only (drawn from ``seed``: the stability measurement, docs/events.md)."""
    t0 = time.perf_counter()
    keep = np.arange(len(data.sentences))
    if subsample < 1.0:
        keep = np.sort(np.random.default_rng([seed, SUBSAMPLE_STREAM]).permutation(keep)[:round(subsample * len(keep))])
    sentences = [data.sentences[i] for i in keep]
    vectors, view = data.vectors[keep], [data.view[i] for i in keep]
    labels = [s.labels for s in sentences]
    fit = fit_bagged(vectors, labels, bags=bags, c=c, seed=seed)
    oob = out_of_bag(vectors, fit)
    scored = [i for i, r in enumerate(oob) if r is not None]
    raw = [r for r in oob if r is not None]
    truth = [bool(sentences[i].events) for i in scored]
    ab = _platt([q for q, _ in raw], [int(t) for t in truth])
    scores = cv_scores(raw, [sentences[i] for i in scored], ab, threshold)
    thresholds = recommend_thresholds([calibrate(q, ab) for q, _ in raw], truth, [view[i] for i in scored])
    features = FEATURES if data.feature_scale > 0 else ()
    meta = {"data_sha256": data.data_sha256, "files": data.files, "sentences": len(sentences),
            "classes": dict(Counter(lab for ls in labels for lab in ls)), "c": c, "bags": bags, "seed": seed,
            "subsample": subsample, "out_of_bag_scored": len(scored), "feature_scale": data.feature_scale,
            "cv_at_threshold": {"threshold": threshold, **scores}, "recommended": thresholds,
            "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    gate = EventGate(fit.classes, fit.coef, fit.intercept, ab, SentenceEncoder(), meta, GATE_NAME, features,
                     data.feature_scale if features else 0.0)
    report = GateReport(len(sentences), sum(bool(s.events) for s in sentences), bags, len(scored), scores,
                        thresholds, ab, data.data_sha256, round(time.perf_counter() - t0, 1))
    return gate, report


def train_gate(paths: Sequence[Path], *, nlp: Any, bags: int = BAGS, c: float = C, seed: int = 0,
               threshold: float = 0.5, feature_scale: float = FEATURE_SCALE,
               subsample: float = 1.0) -> tuple[EventGate, GateReport]:
    """Train the bagged gate on labelled sentence files (:func:`prepare`, then :func:`train_prepared`)."""
    return train_prepared(prepare(paths, nlp=nlp, feature_scale=feature_scale), bags=bags, c=c, seed=seed,
                          threshold=threshold, subsample=subsample)


__all__ = ["BAGS", "C", "BaggedFit", "GateReport", "LabelledSentence", "Prepared", "fit_bagged", "out_of_bag",
           "prepare", "read_labelled", "train_gate", "train_prepared"]
