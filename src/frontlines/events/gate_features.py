"""Parse features the event gate reads beside the sentence embedding (:mod:`.gate`).

A few facts from the spaCy parse that an embedding of the words blurs and that decide whether a
sentence reports a specific occurrence: the tense of its main verb (past and perfect report;
present, modal and future mostly describe, plan or judge), negation, a question, a first or
second person subject, a condition, generic or habitual cues ("often", "every"), a place, a
date, a number, and cue words of ordinary crime, of organised or political actors and of opinion
(``data/events/gate_features.yaml``). Each feature is 0 or 1 (counts are capped); the gate
learns their weights with the embedding's.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import yaml

CUES = "events/gate_features.yaml"
FEATURES = ("root_past", "root_perfect", "root_present", "root_modal", "root_verbless", "any_past",
            "negated", "question", "first_person", "second_person", "conditional", "quoted",
            "place", "date", "number", "person", "organisation", "generic", "crime", "crime2",
            "political", "political2", "opinion")
_MODAL = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "'d", "ca", "wo"}
_PAST_AUX = {"was", "were", "had", "did"}
_PERFECT_AUX = {"has", "have", "'ve", "'s"}


@cache
def cue_words() -> dict[str, frozenset[str]]:
    """The cue word lists of ``data/events/gate_features.yaml``."""
    raw: dict[str, Any] = yaml.safe_load((resources.files("frontlines") / "data" / CUES).read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items() if isinstance(v, list)}


def main_verb_tense(root: Any) -> str:
    """past / perfect / present / modal / verbless: the tense of the sentence's main verb."""
    if root.pos_ not in ("VERB", "AUX"):
        return "verbless"
    aux = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _MODAL for a in aux):
        return "modal"
    if any(a in _PAST_AUX for a in aux) or root.tag_ == "VBD":
        return "past"
    if any(a in _PERFECT_AUX for a in aux) and root.tag_ == "VBN":
        return "perfect"
    return "present" if root.tag_ in ("VBZ", "VBP", "VB", "VBG") or aux else "past" if root.tag_ == "VBN" else "present"


def parse_features(span: Any, doc_ents: list[tuple[int, int, str]] | None = None) -> Any:
    """The features of a sentence (a spaCy Span), in the order of :data:`FEATURES`.

    ``doc_ents``: (start, end, label) of each entity of the span's doc, when the caller has them
    (``span.ents`` builds all the doc's entities again on each call)."""
    cues = cue_words()
    words = [t.lower_ for t in span]
    root = span.root
    tense = main_verb_tense(root)
    subj = [c.lower_ for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    ents = [e.label_ for e in span.ents] if doc_ents is None else _labels_within(span, doc_ents)
    crime = sum(w in cues["crime"] for w in words)
    political = sum(w in cues["political"] for w in words)
    f = {
        "root_past": tense == "past", "root_perfect": tense == "perfect", "root_present": tense == "present",
        "root_modal": tense == "modal", "root_verbless": tense == "verbless",
        "any_past": any(t.tag_ == "VBD" for t in span),
        "negated": any(c.dep_ == "neg" for c in root.children),
        "question": span.text.rstrip().rstrip("\"'”’").endswith("?"),
        "first_person": any(s in ("i", "we") for s in subj),
        "second_person": any(s == "you" for s in subj),
        "conditional": any(t.dep_ == "mark" and t.lower_ in ("if", "unless", "whether") for t in span),
        "quoted": any(t.text in ('"', "“", "”") for t in span),
        "place": any(e in ("GPE", "LOC", "FAC") for e in ents), "date": any(e in ("DATE", "TIME") for e in ents),
        "number": any(e in ("CARDINAL", "QUANTITY") for e in ents), "person": "PERSON" in ents,
        "organisation": any(e in ("ORG", "NORP") for e in ents),
        "generic": any(w in cues["generic"] for w in words),
        "crime": crime >= 1, "crime2": crime >= 2, "political": political >= 1, "political2": political >= 2,
        "opinion": any(w in cues["opinion"] for w in words),
    }
    return np.array([float(f[name]) for name in FEATURES], dtype=np.float32)


def _labels_within(span: Any, doc_ents: list[tuple[int, int, str]]) -> list[str]:
    """The labels of ``span.ents``, from the doc's entities (the same walk as spaCy's ``Span.ents``)."""
    out = []
    for start, end, label in doc_ents:
        if start >= span.start:
            if end <= span.end:
                out.append(label)
            else:
                break
    return out


def features_of(spans: list[Any]) -> Any:
    """One row of :func:`parse_features` per span (each doc's entities listed once)."""
    if not spans:
        return np.zeros((0, len(FEATURES)), np.float32)
    ents: dict[int, list[tuple[int, int, str]]] = {}
    for s in spans:
        if id(s.doc) not in ents:
            ents[id(s.doc)] = [(e.start, e.end, e.label_) for e in s.doc.ents]
    return np.vstack([parse_features(s, ents[id(s.doc)]) for s in spans])
