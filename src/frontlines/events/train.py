"""Bring-your-own training: a sub-event classifier learnt from a user's ACLED export.

``frontlines train --acled EXPORT.csv`` reads the export's ``notes`` and
``sub_event_type`` columns, parses the notes once to get the rule typings (the shipped
lexicon's verdict is a feature), and fits TF-IDF word 1-2-grams + character 2-5-grams +
rule features with a linear SVM. The model is saved to
``settings.data_path/models/subevent.joblib`` and :func:`frontlines.events.classify.load_model`
returns it from then on. Nothing trained is shipped with frontlines.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError, ModelError
from .ontology import load_ontology

MODEL_FILE = "subevent.joblib"
MODEL_VERSION = 1

#: What the rules said about a text: (main sub-event type or None, other cues: every sub-event
#: type found, those of the first sentence with an event, the main typing's lexicon entry and
#: the classes of its agent and target).
RuleCues = tuple[str | None, tuple[str, ...]]


def _slug(label: str | None) -> str:
    return re.sub("[^a-z]", "", (label or "none").lower())


def _with_cues(text: str, cues: RuleCues | None) -> str:
    if cues is None:
        return text
    main, every = cues
    return f"{text} zzmain{_slug(main)} " + " ".join(f"zzany{_slug(x)}" for x in sorted(set(every)))


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
        return [_with_cues(t, c) for t, c in zip(texts, cues, strict=True)]

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
    inputs = [_with_cues(t, r) for t, r in zip(texts, rule_labels, strict=True)] if rule_labels else list(texts)
    est.fit(inputs, list(labels))
    return SubEventModel(est, tuple(sorted(counts)), len(texts), uses_rules=rule_labels is not None,
                         trained_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), label_counts=dict(counts))


def rule_cues(doc: Any) -> RuleCues:
    """What the shipped lexicon (alone, no model) says about a parsed text."""
    from .classify import classify, load_lexicon

    lex = load_lexicon()
    return cues_of([classify(s, lexicon=lex, model=None) for s in doc.sents])


def cues_of(per_sentence: Sequence[Sequence[Any]]) -> RuleCues:
    """Rule cues from the typings of each sentence of a text."""
    from .classify import main_typing

    main = main_typing(per_sentence)
    cues = [t.sub_event_type for s in per_sentence for t in s]
    cues += ["first " + t.sub_event_type for t in next((s for s in per_sentence if s), [])]
    if main is not None:
        entry = main.rule.split("#", 1)[-1].split(":", 1)[0].replace(".", " ")
        cues += [f"agent {main.agent_class}", f"target {main.target_class}", f"rule {entry}"]
    return (main.sub_event_type if main else None, tuple(cues))


@dataclass(frozen=True)
class TrainReport:
    rows: int
    labels: dict[str, int]
    skipped: int
    seconds: float
    path: str


def model_path(settings: Any) -> Path:
    return Path(settings.data_path) / "models" / MODEL_FILE


def train_acled(path: str | Path, *, settings: Any, nlp: Any, use_rules: bool = True) -> TrainReport:
    """Train on an ACLED export and save the model where :func:`load_trained` finds it."""
    import joblib

    from .evaluate import read_acled

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
    from .classify import forget_installed_model

    forget_installed_model()
    return TrainReport(len(usable), dict(model.label_counts), skipped, round(time.perf_counter() - t0, 1), str(out))


def load_trained(settings: Any) -> SubEventModel | None:
    """The model saved by ``frontlines train``, or ``None`` when there is none."""
    path = model_path(settings)
    if not path.is_file():
        return None
    import joblib

    try:
        model = joblib.load(path)
    except Exception as err:  # a truncated or foreign pickle: say which file and how to fix it
        raise ModelError(f"{path}: cannot load the trained model ({type(err).__name__}) "
                         "(delete it or run `frontlines train --acled EXPORT.csv` again)") from None
    if not isinstance(model, SubEventModel) or model.version != MODEL_VERSION:
        raise ModelError(f"{path}: not a frontlines sub-event model of version {MODEL_VERSION} "
                         "(run `frontlines train --acled EXPORT.csv` again)")
    return model
