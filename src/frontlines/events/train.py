"""Bring-your-own training: a sub-event classifier learnt from a user's ACLED export.

``frontlines train --acled EXPORT.csv`` reads the export's ``notes`` and
``sub_event_type`` columns, parses the notes once to get the rule typings (the shipped
lexicon's verdict is a feature), and fits TF-IDF word 1-2-grams + character 2-5-grams +
rule features with a linear SVM. The model is saved to
``settings.data_path/models/subevent.joblib`` and :func:`frontlines.events.model.load_trained`
returns it from then on (the Pipeline passes it to the typing stage). Nothing trained is shipped with frontlines.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError, ModelError
from .acled import read_acled
from .classify import classify
from .model import MODEL_FILE, MODEL_VERSION, RuleCues, cues_of, model_path, with_cues
from .ontology import load_lexicon, load_ontology


def build_estimator(*, c: float = 2.0, rules: bool = True) -> Any:
    """The untrained scikit-learn pipeline (``rules``: with the lexicon-verdict features)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.svm import LinearSVC

    parts = [
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b(?!zz)\w\w+\b")),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, max_features=300_000)),
    ]
    if rules:
        parts.append(("rules", TfidfVectorizer(token_pattern=r"zz\w+", binary=True, use_idf=False)))
    return make_pipeline(FeatureUnion(parts), LinearSVC(C=c))


@dataclass
class SubEventModel:
    """A trained sub-event classifier (text [+ rule cues] → ACLED sub-event type).

    ``threshold``: the decision margin above which :func:`classify` lets the model
    overrule the lexicon; ``threshold_alone``: the margin needed to report an event in a
    sentence where the lexicon found none.
    """

    estimator: Any
    labels: tuple[str, ...]
    rows: int
    name: str = MODEL_FILE
    threshold: float = 0.0
    threshold_alone: float = 0.5
    uses_rules: bool = True
    version: int = MODEL_VERSION
    trained_at: str = ""
    label_counts: dict[str, int] = field(default_factory=dict)

    def _inputs(self, texts: Sequence[str], cues: Sequence[RuleCues] | None) -> list[str]:
        if cues is None or not self.uses_rules:
            return list(texts)
        return [with_cues(t, c) for t, c in zip(texts, cues, strict=True)]

    def predict(self, texts: Sequence[str], *, rule_labels: Sequence[RuleCues] | None = None) -> list[str]:
        return [str(x) for x in self.estimator.predict(self._inputs(texts, rule_labels))]

    def predict_one(self, text: str, *, rule_labels: RuleCues | None = None) -> tuple[str | None, float]:
        """(label, decision margin) for one text."""
        inputs = self._inputs([text], [rule_labels] if rule_labels is not None else None)
        scores = self.estimator.decision_function(inputs)[0]
        classes = self.estimator.classes_
        if getattr(scores, "ndim", 1) == 0:  # two classes: one score
            s = float(scores)
            return (str(classes[1]) if s > 0 else str(classes[0])), abs(s)
        best = int(scores.argmax())
        return str(classes[best]), float(scores[best])


def train_subevent(texts: Sequence[str], labels: Sequence[str], *,
                   rule_labels: Sequence[RuleCues] | None = None, c: float = 2.0) -> SubEventModel:
    """Fit the classifier; ``rule_labels`` (one per text) adds the lexicon's verdict as features."""
    if len(texts) != len(labels):
        raise ValueError("texts and labels differ in length")
    counts = Counter(labels)
    if len(counts) < 2:
        raise EvalError("training data has fewer than 2 sub-event types (give a larger ACLED export)")
    est = build_estimator(c=c, rules=rule_labels is not None)
    inputs = [with_cues(t, r) for t, r in zip(texts, rule_labels, strict=True)] if rule_labels else list(texts)
    est.fit(inputs, list(labels))
    return SubEventModel(est, tuple(sorted(counts)), len(texts), uses_rules=rule_labels is not None,
                         trained_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), label_counts=dict(counts))


def rule_cues(doc: Any) -> RuleCues:
    """What the shipped lexicon (alone, no model) says about a parsed text."""
    lex = load_lexicon()
    return cues_of([classify(s, lexicon=lex, model=None) for s in doc.sents])


@dataclass(frozen=True)
class TrainReport:
    rows: int
    labels: dict[str, int]
    skipped: int
    seconds: float
    path: str


def train_acled(path: str | Path, *, settings: Any, nlp: Any, use_rules: bool = True) -> TrainReport:
    """Train on an ACLED export and save the model where :func:`load_trained` finds it."""
    import joblib

    t0 = time.perf_counter()
    known = load_ontology().sub_events
    rows = read_acled(path)
    usable = [r for r in rows if r.sub_event_type in known and r.notes.strip()]
    skipped = len(rows) - len(usable)
    if not usable:
        raise EvalError(f"{path}: no row has notes and a known sub_event_type (check the export's columns)")
    texts = [r.notes for r in usable]
    cues = [rule_cues(d) for d in nlp.pipe(texts, batch_size=64)] if use_rules else None
    model = train_subevent(texts, [r.sub_event_type for r in usable], rule_labels=cues)
    out = model_path(settings)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(model, out)
    except OSError as err:
        raise ModelError(f"{out}: cannot save the model ({err.strerror}) (set data_dir to a writable folder)") from None
    return TrainReport(len(usable), dict(model.label_counts), skipped, round(time.perf_counter() - t0, 1), str(out))
