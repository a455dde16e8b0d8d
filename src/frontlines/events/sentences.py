"""Sentence-level evaluation on judged news sentences (``frontlines eval events --sentences``).

Each line of the gold file is one sentence judged against the ACLED codebook
(``../shared/eval/events/news-sentences-rubric.md``): ``{"id", "text", "events":
[{"sub_event_type", "status"}], "out_of_scope"}``. Each sentence is run through the whole
pipeline as a one-sentence article. A predicted event counts when its modality is asserted or
claimed; a gold event marked planned, denied or uncertain is neither required nor a false
positive. Precision, recall and F1 are given at three levels: does the sentence report an
event; (sentence, event type) pairs; (sentence, sub-event type) pairs.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..records import Article, Event, OffsetMap
from .ontology import load_ontology

#: Modalities that make a predicted event count as reported.
COUNTED_MODALITIES = ("asserted", "claimed")
LEVELS = ("sentence", "event_type", "sub_event_type")


@dataclass(frozen=True)
class JudgedSentence:
    """One judged sentence: the sub-event types it reports (occurred) and those it only mentions."""

    id: str
    text: str
    occurred: frozenset[str]
    other: frozenset[str]  # planned, denied or uncertain: neither required nor wrong
    out_of_scope: str = ""


def read_sentences(path: str | Path, *, limit: int | None = None) -> list[JudgedSentence]:
    """Judged sentences of a JSONL file (see the module docstring)."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalError(f"{p}: cannot open the judged sentences ({err.strerror}) (check the path)") from None
    known = load_ontology().sub_events
    out: list[JudgedSentence] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if limit is not None and len(out) >= limit:
            break
        try:
            rec = json.loads(line)
            events = [(e["sub_event_type"], e.get("status", "occurred")) for e in rec.get("events") or ()]
            text = str(rec["text"])
        except (ValueError, KeyError, TypeError) as err:
            raise EvalError(f"{p}:{n}: not a judged sentence ({type(err).__name__}: {err}) "
                            "(each line needs text and events[{sub_event_type, status}])") from None
        unknown = [s for s, _ in events if s not in known]
        if unknown:
            raise EvalError(f"{p}:{n}: unknown sub-event type {unknown[0]!r} (use the 25 ACLED names)")
        out.append(JudgedSentence(str(rec.get("id", n)), text, frozenset(s for s, st in events if st == "occurred"),
                                  frozenset(s for s, st in events if st != "occurred"),
                                  str(rec.get("out_of_scope") or "")))
    if not out:
        raise EvalError(f"{p}: no judged sentences (give a non-empty JSONL file)")
    return out


@dataclass(frozen=True)
class LevelScore:
    """Precision, recall and F1 of one level, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


@dataclass(frozen=True)
class SentenceScores:
    """Scores of one run over judged sentences."""

    sentences: int
    with_events: int  # sentences with at least one event that occurred
    levels: dict[str, LevelScore]
    false_positives_by_kind: dict[str, int] = field(default_factory=dict)  # out_of_scope kind → sentences
    sentences_per_s: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def level_score(tp: int, fp: int, fn: int) -> LevelScore:
    """P/R/F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return LevelScore(round(p, 4), round(r, 4), round(f, 4), tp, fp, fn)


def _counts(gold: frozenset[str], neutral: frozenset[str], pred: frozenset[str]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold - neutral), len(gold - pred)


def score_sentences(gold: Sequence[JudgedSentence], predicted: Sequence[frozenset[str]], *,
                    seconds: float | None = None) -> SentenceScores:
    """Compare the sub-event types predicted for each sentence with the judgements."""
    onto = load_ontology()
    totals = {level: [0, 0, 0] for level in LEVELS}
    fp_kinds: Counter[str] = Counter()
    for g, pred in zip(gold, predicted, strict=True):
        as_type = {s: onto.sub_events[s].event_type for s in pred | g.occurred | g.other}

        def types(subs: frozenset[str], as_type: dict[str, str] = as_type) -> frozenset[str]:
            return frozenset(as_type[s] for s in subs)

        said, reports = bool(pred), bool(g.occurred)
        sentence = (int(said and reports), int(said and not reports and not g.other), int(reports and not said))
        per_level = {"sentence": sentence, "event_type": _counts(types(g.occurred), types(g.other), types(pred)),
                     "sub_event_type": _counts(g.occurred, g.other, pred)}
        for level, counts in per_level.items():
            for i, c in enumerate(counts):
                totals[level][i] += c
        if sentence[1]:
            fp_kinds[g.out_of_scope or "none"] += 1
    return SentenceScores(
        sentences=len(gold), with_events=sum(1 for g in gold if g.occurred),
        levels={level: level_score(*totals[level]) for level in LEVELS},
        false_positives_by_kind=dict(sorted(fp_kinds.items())),
        sentences_per_s=round(len(gold) / seconds, 1) if seconds else None,
    )


def counted(events: Iterable[Event]) -> frozenset[str]:
    """The sub-event types of the events that count as reported (asserted or claimed), with the other
    sub-event types their sentences report (``Event.other_sub_event_types``)."""
    return frozenset(sub for e in events if e.sub_event_type and e.modality in COUNTED_MODALITIES
                     for sub in (e.sub_event_type, *e.other_sub_event_types))


def _article(s: JudgedSentence) -> Article:
    aid = hashlib.sha1(s.text.encode("utf-8")).hexdigest()[:16]
    return Article(id=aid, raw_text=s.text, clean_text=s.text, offsets=OffsetMap.identity(len(s.text)),
                   source=f"sentences#{s.id}")


def predict_sentences(gold: Sequence[JudgedSentence], *, pipeline: Any,
                      progress: Callable[[int], None] | None = None) -> list[frozenset[str]]:
    """Each sentence through the whole pipeline as a one-sentence article: its counted sub-event types."""
    out: list[frozenset[str]] = []
    articles = [_article(s) for s in gold]
    docs = pipeline.parse((a.clean_text for a in articles), batch_size=64)
    for i, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        out.append(counted(pipeline.analyse(article, doc).events))
        if progress is not None:
            progress(i + 1)
    return out


def evaluate_sentences(gold: Sequence[JudgedSentence], *, pipeline: Any,
                       progress: Callable[[int], None] | None = None) -> SentenceScores:
    """The pipeline over judged sentences, scored at the three levels."""
    t0 = time.perf_counter()
    predicted = predict_sentences(gold, pipeline=pipeline, progress=progress)
    return score_sentences(gold, predicted, seconds=time.perf_counter() - t0)
