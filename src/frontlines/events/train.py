"""Bring-your-own training: a sub-event classifier learnt from a user's ACLED export.

``frontlines train --acled EXPORT.csv`` reads the export's ``notes`` and
``sub_event_type`` columns, parses the notes once to get the rule typings (the shipped
lexicon's verdict is a feature), and fits TF-IDF word 1-2-grams + character 2-5-grams of
what the model reads of each note (:func:`.model.model_text`: names masked, the actors' inter
codes) + rule features (the lexicon's typings and the pipeline's own event: :func:`.model.cues_of`)
with a linear SVM. :func:`.export.train_acled` saves it to
``settings.data_path/models/subevent.joblib`` and :func:`frontlines.events.model.load_trained`
returns it from then on (the Pipeline passes it to the typing stage). Nothing trained is shipped with frontlines.
"""

from __future__ import annotations

import importlib
import math
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import EvalError, require_extra
from .classify import classify
from .model import (
    MODEL_FILE,
    MODEL_VERSION,
    RuleCues,
    cues_of,
    incident_of,
    with_cues,
)
from .ontology import load_lexicon

#: Folds of the training rows on which the margins are validated.
VALIDATION_FOLDS = 3
#: Weight of the character n-grams beside the words and the rule cues: at full weight they learn
#: how one country's notes are written, and carry over less to other countries (by-country split).
CHAR_WEIGHT = 0.3


def _train_extra(module: str) -> Any:
    """A module only training needs (scikit-learn, joblib: the ``train`` extra)."""
    require_extra(module.split(".")[0], extra="train", feature="training a sub-event model")
    return importlib.import_module(module)


def _sklearn() -> Any:
    """scikit-learn's text classification parts."""
    text, pipeline, svm = (_train_extra(m) for m in ("sklearn.feature_extraction.text", "sklearn.pipeline",
                                                      "sklearn.svm"))
    return text.TfidfVectorizer, pipeline, svm.LinearSVC


def build_estimator(*, c: float = 2.0, rules: bool = True) -> Any:
    """The untrained scikit-learn pipeline (``rules``: with the lexicon-verdict features)."""
    tfidf, pipeline, svc = _sklearn()
    parts = [
        ("words", tfidf(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b(?!zz)\w\w+\b")),
        ("chars", tfidf(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, max_features=300_000)),
    ]
    if rules:
        parts.append(("rules", tfidf(token_pattern=r"zz\w+", binary=True, use_idf=False)))
    return pipeline.make_pipeline(pipeline.FeatureUnion(parts, transformer_weights={"chars": CHAR_WEIGHT}), svc(C=c))


def plain_baseline() -> Any:
    """The plain baseline ``train`` must beat: TF-IDF word 1-2 + character 2-5 grams and a LinearSVC, defaults."""
    tfidf, pipeline, svc = _sklearn()
    parts = [("words", tfidf(ngram_range=(1, 2))), ("chars", tfidf(analyzer="char", ngram_range=(2, 5)))]
    return pipeline.make_pipeline(pipeline.FeatureUnion(parts), svc())


@dataclass(frozen=True)
class Validation:
    """How the model's margins were validated on its own training rows (out-of-fold)."""

    folds: int
    rows: int
    lexicon_accuracy: float  # the lexicon's verdict alone
    model_accuracy: float  # the model alone
    combined_accuracy: float  # the model where its margin passes ``threshold``, else the lexicon (none: wrong)
    alone_rows: int  # rows where the lexicon gave no verdict
    alone_accuracy: float | None  # the model's type on those rows (information: it never reports them alone)


@dataclass
class SubEventModel:
    """A trained sub-event classifier (text [+ rule cues] → ACLED sub-event type).

    ``threshold``: the decision margin above which the model overrules the lexicon's type,
    validated on the training rows (:func:`validate_margins`), never fixed; ``threshold_alone``:
    the margin needed to report a type where the lexicon found none, infinite (never) because an
    ACLED export holds no non-events to validate it on.
    """

    estimator: Any
    labels: tuple[str, ...]
    rows: int
    name: str = MODEL_FILE
    threshold: float = math.inf
    threshold_alone: float = math.inf
    uses_rules: bool = True
    version: int = MODEL_VERSION
    trained_at: str = ""
    label_counts: dict[str, int] = field(default_factory=dict)
    validation: Validation | None = None

    def _inputs(self, texts: Sequence[str], cues: Sequence[RuleCues] | None) -> list[str]:
        if cues is None or not self.uses_rules:
            return list(texts)
        return [with_cues(t, c) for t, c in zip(texts, cues, strict=True)]

    def predict(self, texts: Sequence[str], *, rule_labels: Sequence[RuleCues] | None = None) -> list[str]:
        """Each text's type as the model gives it: its own where its margin passes ``threshold`` or
        the lexicon gave none (``rule_labels``' main type), else the lexicon's."""
        got = self.margins(texts, rule_labels=rule_labels)
        if rule_labels is None or not self.uses_rules:
            return [label for label, _ in got]
        return [label if cue[0] is None or margin > self.threshold else cue[0]
                for (label, margin), cue in zip(got, rule_labels, strict=True)]

    def margins(self, texts: Sequence[str], *, rule_labels: Sequence[RuleCues] | None = None
                ) -> list[tuple[str, float]]:
        """(label, decision margin) for each text."""
        scores = self.estimator.decision_function(self._inputs(texts, rule_labels))
        classes = self.estimator.classes_
        if getattr(scores, "ndim", 2) == 1:  # two classes: one score per text
            return [((str(classes[1]) if s > 0 else str(classes[0])), abs(float(s))) for s in scores]
        return [(str(classes[int(row.argmax())]), float(row.max())) for row in scores]

    def predict_one(self, text: str, *, rule_labels: RuleCues | None = None) -> tuple[str | None, float]:
        """(label, decision margin) for one text."""
        return self.margins([text], rule_labels=[rule_labels] if rule_labels is not None else None)[0]


def _fit(texts: Sequence[str], labels: Sequence[str], rule_labels: Sequence[RuleCues] | None, c: float
         ) -> SubEventModel:
    counts = Counter(labels)
    if len(counts) < 2:
        raise EvalError("training data has fewer than 2 sub-event types (give a larger ACLED export)")
    est = build_estimator(c=c, rules=rule_labels is not None)
    inputs = [with_cues(t, r) for t, r in zip(texts, rule_labels, strict=True)] if rule_labels else list(texts)
    est.fit(inputs, list(labels))
    return SubEventModel(est, tuple(sorted(counts)), len(texts), uses_rules=rule_labels is not None,
                         trained_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), label_counts=dict(counts))


def train_subevent(texts: Sequence[str], labels: Sequence[str], *, rule_labels: Sequence[RuleCues] | None = None,
                   c: float = 2.0, folds: int = VALIDATION_FOLDS) -> SubEventModel:
    """Fit the classifier; ``rule_labels`` (one per text) adds the lexicon's verdict as features.

    With ``rule_labels``, the margins at which the model overrules the lexicon are validated
    out-of-fold on these rows (``folds``; 0 leaves the model unable to overrule it).
    """
    if len(texts) != len(labels):
        raise ValueError("texts and labels differ in length")
    model = _fit(texts, labels, rule_labels, c)
    if rule_labels is None or folds < 2 or len(texts) < 2 * folds:
        return model
    oof = out_of_fold(texts, labels, rule_labels, folds=folds, c=c)
    threshold, alone, validation = validate_margins(oof, [r[0] for r in rule_labels], labels, folds=folds)
    return replace(model, threshold=threshold, threshold_alone=alone, validation=validation)


def out_of_fold(texts: Sequence[str], labels: Sequence[str], rule_labels: Sequence[RuleCues], *, folds: int,
                c: float, seed: int = 0) -> list[tuple[str, float]]:
    """Each row's (label, margin) from a model trained without it (``folds``-fold)."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    out: list[tuple[str, float]] = [("", 0.0)] * len(texts)
    for k in range(folds):
        test = order[k::folds]
        held = set(test)
        train = [i for i in order if i not in held]
        if len({labels[i] for i in train}) < 2:
            continue
        model = _fit([texts[i] for i in train], [labels[i] for i in train], [rule_labels[i] for i in train], c)
        for i, got in zip(test, model.margins([texts[i] for i in test], rule_labels=[rule_labels[i] for i in test]),
                          strict=True):
            out[i] = got
    return out


def validate_margins(oof: Sequence[tuple[str, float]], lexicon: Sequence[str | None], gold: Sequence[str], *,
                     folds: int) -> tuple[float, float, Validation]:
    """(threshold, threshold_alone, the validation) from out-of-fold margins.

    ``threshold`` is the margin above which taking the model's type over the lexicon's gets the
    most rows right (the middle of the best interval; the higher one where they tie).
    ``threshold_alone`` is infinite: an ACLED export holds only events, so no margin at which the
    model may report an event the lexicon did not see can be validated on it (on judged news
    sentences the model's margins on non-events overlap those on events).
    """
    seen = [i for i, lex in enumerate(lexicon) if lex is not None]
    model_ok = [oof[i][0] == gold[i] for i in range(len(gold))]
    lex_ok = {i: lexicon[i] == gold[i] for i in seen}
    bounds = [-math.inf, *sorted({oof[i][1] for i in seen})]
    scored = [(sum(model_ok[i] if oof[i][1] > t else lex_ok[i] for i in seen), k) for k, t in enumerate(bounds)]
    best = max(score for score, _ in scored)
    k = max(k for score, k in scored if score == best)  # the highest cut of the best: the lexicon where it ties
    upper = bounds[k + 1] if k + 1 < len(bounds) else bounds[k] + 1.0
    threshold = (bounds[k] + upper) / 2 if bounds[k] != -math.inf else upper - 1.0
    unseen = [i for i, lex in enumerate(lexicon) if lex is None]
    n = len(gold)
    validation = Validation(folds, n, round(sum(lex_ok.values()) / n, 4), round(sum(model_ok) / n, 4),
                            round(best / n, 4), len(unseen),
                            round(sum(model_ok[i] for i in unseen) / len(unseen), 4) if unseen else None)
    return round(threshold, 4), math.inf, validation


def rule_cues(doc: Any, event: Any = None) -> RuleCues:
    """What the shipped lexicon (alone, no model) says about a parsed text, and ``event``: the main
    event the pipeline found in it without a model (``None``: none)."""
    lex = load_lexicon()
    return cues_of([classify(s, lexicon=lex, model=None) for s in doc.sents], incident_of(event))
