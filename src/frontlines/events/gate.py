"""The event gate: does a sentence that a trigger points at report an in-scope ACLED event, and which?

Triggers (:mod:`.matching`) propose candidate sentences; the gate reads the sentence's embedding
(:mod:`.encoder`, all-MiniLM-L6-v2) and gives, with a multinomial logistic regression trained on
labelled sentences (``training/events/``, ``scripts/train_event_gate.py``), a probability to each
of the 25 sub-event types and each out-of-scope kind (crime, accident/disaster, court, metaphor,
aggregate/background, none). Beside the embedding it reads a few parse features
(:mod:`.gate_features`: the main verb's tense, a question, a condition, a place, a date, cue
words of crime, of political actors, of opinion ...), scaled by ``feature_scale`` (a gate trained
with the frame features reads them too, scaled by ``frame_scale``). The probability that the sentence reports an event (the sum over
the 25 types) is calibrated (Platt scaling fitted on held-out folds) and compared with the
``event_threshold`` settings. Inference needs numpy and onnxruntime only; the weights are two
small files in ``data/models/`` (``event-gate.npz``, and ``event-gate.json`` with the classes,
the calibration and the training data's hash).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .encoder import ENCODER_NAME, SentenceEncoder
from .gate_features import ALL_FEATURES, FRAME_FEATURES, features_of
from .ontology import SUB_EVENT_TYPES

GATE_NAME = "event-gate"
GATE_VERSION = 3
#: Versions :func:`load_gate` reads (2: the embedding alone, no parse features).
READABLE_VERSIONS = (2, 3)
#: The out-of-scope kinds the gate can give as the reason a candidate is not an event.
OUT_OF_SCOPE = ("crime", "accident/disaster", "court", "metaphor", "aggregate/background", "none")


@dataclass(frozen=True)
class GateVerdict:
    """What the gate says about one sentence."""

    p_event: float  # calibrated probability that the sentence reports an in-scope event
    sub_events: tuple[tuple[str, float], ...]  # sub-event types, best first, with P(type | an event)
    reason: str  # the likeliest out-of-scope kind (why it is not an event, if it is not)
    reason_p: float  # that kind's share of the out-of-scope probability

    def p_sub(self, sub_event_type: str) -> float:
        """P(this sub-event type | the sentence reports an event)."""
        return next((p for s, p in self.sub_events if s == sub_event_type), 0.0)


@dataclass(frozen=True)
class EventGate:
    """A trained gate: class weights over sentence embeddings (and, when ``features`` names them,
    the parse features times ``feature_scale``), and the calibration of P(event)."""

    classes: tuple[str, ...]
    coef: Any  # np.ndarray (n_classes, 384 + len(features))
    intercept: Any  # np.ndarray (n_classes,)
    calibration: tuple[float, float]  # Platt: p = 1 / (1 + exp(-(a * logit(raw) + b)))
    encoder: SentenceEncoder = field(default_factory=SentenceEncoder, compare=False, repr=False)
    meta: dict[str, Any] = field(default_factory=dict)
    name: str = GATE_NAME
    features: tuple[str, ...] = ()  # the parse features it reads (of :data:`.gate_features.ALL_FEATURES`)
    feature_scale: float = 0.0
    frame_scale: float = 0.0  # the weight of the frame features (:data:`.gate_features.FRAME_FEATURES`)

    def scales(self) -> Any:
        """The weight of each parse feature it reads: ``frame_scale`` for a frame feature, else ``feature_scale``."""
        return np.array([self.frame_scale if f in FRAME_FEATURES else self.feature_scale for f in self.features],
                        dtype=np.float32)

    def inputs(self, vectors: Any, spans: list[Any]) -> Any:
        """The model's input rows: the embeddings, followed by the spans' scaled parse features."""
        if not self.features:
            return vectors
        return np.hstack([vectors, self.scales() * features_of(spans, self.features)])

    def probabilities(self, vectors: Any) -> Any:
        """Uncalibrated class probabilities (softmax of the linear scores), one row per embedding."""
        scores = vectors @ self.coef.T + self.intercept
        scores = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def verdict(self, probs: Any) -> GateVerdict:
        """The verdict from one row of class probabilities."""
        is_sub = np.array([c in SUB_EVENT_TYPES for c in self.classes])
        raw = float(probs[is_sub].sum())
        subs = sorted(((c, float(p) / max(raw, 1e-12)) for c, p, s in zip(self.classes, probs, is_sub, strict=True)
                       if s), key=lambda x: -x[1])
        oos = [(c, float(p)) for c, p, s in zip(self.classes, probs, is_sub, strict=True) if not s]
        reason, rp = max(oos, key=lambda x: x[1]) if oos else ("none", 0.0)
        return GateVerdict(round(calibrate(raw, self.calibration), 4), tuple((s, round(p, 4)) for s, p in subs),
                           reason, round(rp / max(1.0 - raw, 1e-12), 4))

    def judge(self, spans: list[Any]) -> list[GateVerdict]:
        """The verdicts on sentences or clauses (spaCy Spans; one encoder run for all of them)."""
        if not spans:
            return []
        vectors = self.inputs(self.encoder.encode([s.text for s in spans]), spans)
        return [self.verdict(row) for row in self.probabilities(vectors)]


def calibrate(raw: float, ab: tuple[float, float]) -> float:
    """Platt scaling of a raw probability."""
    raw = min(max(raw, 1e-6), 1 - 1e-6)
    z = ab[0] * math.log(raw / (1 - raw)) + ab[1]
    return 1.0 / (1.0 + math.exp(-z))


# ---------------------------------------------------------------------------- files

def shipped_gate_path() -> Path:
    """The shipped gate's weights (``data/models/event-gate.npz``; its metadata beside it)."""
    return Path(str(resources.files("frontlines").joinpath(f"data/models/{GATE_NAME}.npz")))


def gate_files(path: Path) -> tuple[Path, Path]:
    """The ``.npz`` and ``.json`` of the gate ``path`` names, with either suffix or none; a dot in the name
    stays in it (``gate-w0.5`` is ``gate-w0.5.npz``, not ``gate-w0.npz``)."""
    stem = path.with_suffix("") if path.suffix in (".npz", ".json") else path
    return stem.with_name(stem.name + ".npz"), stem.with_name(stem.name + ".json")


def save_gate(gate: EventGate, path: Path) -> None:
    """Write the gate as ``<path>.npz`` (weights) and ``<path>.json`` (classes, calibration, metadata)."""
    weights, meta = gate_files(path)
    np.savez_compressed(weights, coef=gate.coef.astype(np.float32),
                        intercept=gate.intercept.astype(np.float32))
    doc = {"name": gate.name, "version": GATE_VERSION, "encoder": ENCODER_NAME, "classes": list(gate.classes),
           "calibration": list(gate.calibration), "features": list(gate.features),
           "feature_scale": gate.feature_scale, "frame_scale": gate.frame_scale, "meta": gate.meta}
    meta.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_gate(path: Path | None = None, *, encoder: SentenceEncoder | None = None) -> EventGate:
    """A gate saved by :func:`save_gate` (default: the shipped one); the encoder loads on first use."""
    path = path or shipped_gate_path()
    weights, meta = gate_files(path)
    try:
        doc = json.loads(meta.read_text(encoding="utf-8"))
        with np.load(weights) as arrays:
            coef, intercept = arrays["coef"], arrays["intercept"]
    except (OSError, ValueError, KeyError) as err:
        raise ModelError(f"{path}: cannot load the event gate ({type(err).__name__}: {err}) "
                         "(reinstall frontlines, or retrain it with scripts/train_event_gate.py)") from None
    features = tuple(doc.get("features") or ())
    if doc.get("version") not in READABLE_VERSIONS or doc.get("encoder") != ENCODER_NAME \
            or coef.shape[0] != len(doc["classes"]) or not set(features) <= set(ALL_FEATURES) \
            or coef.shape[1] != 384 + len(features):
        raise ModelError(f"{path}: not an event gate of version {GATE_VERSION} over {ENCODER_NAME} "
                         "and this version's parse features (retrain it with scripts/train_event_gate.py)")
    return EventGate(tuple(doc["classes"]), coef, intercept, (float(doc["calibration"][0]),
                     float(doc["calibration"][1])), encoder or SentenceEncoder(), dict(doc.get("meta", {})),
                     doc.get("name", GATE_NAME), features, float(doc.get("feature_scale", 0.0)),
                     float(doc.get("frame_scale", 0.0)))
