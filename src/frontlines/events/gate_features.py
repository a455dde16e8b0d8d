"""Parse features the event gate reads beside the sentence embedding (:mod:`.gate`).

A few facts from the spaCy parse that an embedding of the words blurs and that decide whether a
sentence reports a specific occurrence: the tense of its main verb (past and perfect report;
present, modal and future mostly describe, plan or judge), negation, a question, a first or
second person subject, a condition, generic or habitual cues ("often", "every"), a place, a
date, a number, and cue words of ordinary crime, of organised or political actors and of opinion
(``data/events/gate_features.yaml``). Each feature is 0 or 1 (counts are capped); the gate
learns their weights with the embedding's.

The frame features (:data:`FRAME_FEATURES`) say whether the span's candidate triggers (the
trigger lexicon's matches) sit in a frame of speech, judgement or diplomacy rather than report an
occurrence: in the object or complement of a frame verb ("condemned the shelling", "called for a
ceasefire"), under a verb of saying with a modal or infinitive complement ("vowed to retake the
town"), or as a topic ("talks on the ceasefire", "the raid was a crime"). Cue lemmas are in the
same data file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from .. import yamlfile

CUES = "events/gate_features.yaml"
FEATURES = ("root_past", "root_perfect", "root_present", "root_modal", "root_verbless", "any_past",
            "negated", "question", "first_person", "second_person", "conditional", "quoted",
            "place", "date", "number", "person", "organisation", "generic", "crime", "crime2",
            "political", "political2", "opinion")
#: The frame features (:func:`frame_features`), read by a gate that names them.
FRAME_FEATURES = ("frame_root", "trigger_in_frame", "triggers_all_framed", "say_future", "trigger_topic")
#: Every feature a gate may name, in a fixed order.
ALL_FEATURES = FEATURES + FRAME_FEATURES
#: The dependents of a frame verb whose subtrees are what it talks about, judges or negotiates.
_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "dative", "pobj", "acomp"}
_MODAL = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "'d", "ca", "wo"}
_PAST_AUX = {"was", "were", "had", "did"}
_PERFECT_AUX = {"has", "have", "'ve", "'s"}


@cache
def cue_words() -> dict[str, frozenset[str]]:
    """The cue word lists of ``data/events/gate_features.yaml``."""
    raw: dict[str, Any] = yamlfile.load((resources.files("frontlines") / "data" / CUES).read_text(encoding="utf-8"))
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


def parse_features(span: Any, doc_ents: list[tuple[int, int, str]] | None = None,
                   names: tuple[str, ...] = FEATURES) -> Any:
    """The features ``names`` (default :data:`FEATURES`) of a sentence (a spaCy Span), in that order.

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
    if any(n in FRAME_FEATURES for n in names):
        f.update(frame_features(span))
    return np.array([float(f[name]) for name in names], dtype=np.float32)


def trigger_tokens(span: Any) -> list[Any]:
    """The head token of each trigger lexicon match in the span (the candidate event words), in order."""
    from .ontology import load_lexicon  # the lexicon compiles on first use

    heads = {span[start:end].root.i for _, start, end in load_lexicon().matches(span)}
    return [span.doc[i] for i in sorted(heads)]


def framed_tokens(span: Any) -> set[int]:
    """Doc indices of the tokens of the span in the object or complement of a frame verb
    (``frame_verbs``; its dependents of :data:`_COMPLEMENTS` and their subtrees)."""
    frame = cue_words()["frame_verbs"]
    out: set[int] = set()
    for tok in span:
        if tok.pos_ in ("VERB", "NOUN") and tok.lemma_.lower() in frame:
            for child in tok.children:
                if child.dep_ in _COMPLEMENTS:
                    out.update(t.i for t in child.subtree)
    return {i for i in out if span.start <= i < span.end}


def says_future(root: Any) -> bool:
    """The main verb is one of saying (``say_verbs``) whose clausal complement is under a modal or is
    an infinitive ("said it would retaliate", "vowed to retake the town")."""
    if root.lemma_.lower() not in cue_words()["say_verbs"]:
        return False
    for c in root.children:
        if c.dep_ == "xcomp" and c.tag_ == "VB":
            return True
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _MODAL for a in c.children):
            return True
    return False


def is_topic(tok: Any) -> bool:
    """The token is the object of a topic preposition (``topic_preps``: "talks on the ceasefire"), or the
    subject of a copula ("the raid was a crime")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in cue_words()["topic_preps"]:
        return True
    return tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and tok.head.pos_ == "AUX"


def frame_features(span: Any) -> dict[str, bool]:
    """The frame features (:data:`FRAME_FEATURES`) of a span: its main verb is a frame verb; a candidate
    trigger (not itself a frame verb) is in a frame verb's complement; every such trigger is framed or a
    topic; its main verb says something under a modal or infinitive; a trigger is a topic."""
    frame = cue_words()["frame_verbs"]
    framed = framed_tokens(span)
    triggers = [t for t in trigger_tokens(span) if t.lemma_.lower() not in frame]
    in_frame = [t.i in framed or is_topic(t) for t in triggers]
    return {"frame_root": span.root.lemma_.lower() in frame and span.root.pos_ == "VERB",
            "trigger_in_frame": any(t.i in framed for t in triggers),
            "triggers_all_framed": bool(triggers) and all(in_frame),
            "say_future": says_future(span.root),
            "trigger_topic": any(is_topic(t) for t in triggers)}


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


def features_of(spans: list[Any], names: tuple[str, ...] = FEATURES) -> Any:
    """One row of :func:`parse_features` (the features ``names``) per span (each doc's entities listed once)."""
    if not spans:
        return np.zeros((0, len(names)), np.float32)
    ents: dict[int, list[tuple[int, int, str]]] = {}
    for s in spans:
        if id(s.doc) not in ents:
            ents[id(s.doc)] = [(e.start, e.end, e.label_) for e in s.doc.ents]
    return np.vstack([parse_features(s, ents[id(s.doc)], names) for s in spans])
