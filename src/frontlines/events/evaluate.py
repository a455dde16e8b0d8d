"""Evaluate event extraction on gold data: ACLED rows (``notes`` → coded fields) and PLOVER records.

ACLED: each row's ``notes`` is one short report. It is run through the pipeline (parse,
places, events) with the row's upload date (``timestamp``) as the publication date, so the
event date is not leaked. The row's *main* event is picked by :func:`main_event`: the
first sentence that reports an event gives it (its most confident event); a clash
becomes the territorial change another sentence reports; later sentences otherwise only
sharpen a protest (intervention, lethal force, violence). Rows with no event count as
wrong on every field.

Metrics follow the field's usage: sub-event weighted F1 (weights = gold label frequency)
and accuracy, event-type accuracy, actors (actor1 name exactly ACLED's, actor1 missing, actor1
and actor2 inter-code match, associated actors), location within 25 km, date exact, fatalities
exact, documents per second. actor2 inter matches when both codes agree or ACLED has no actor2
(inter2 0) and neither does the event; associated actors match when the event's set of names is
ACLED's assoc_actor_1 and assoc_actor_2 together (both empty counts). Names compare exactly, except that
a state period closed since the gold file was exported counts as the open period it then was
(:func:`same_acled_name`).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..geo import find_places
from ..geo.distance import great_circle_km
from ..records import Article, Event, OffsetMap
from .acled import AcledRow
from .assemble import extract_events
from .mainevent import main_typing
from .model import model_text
from .ontology import load_ontology
from .plover import plover_coding
from .train import rule_cues

# ---------------------------------------------------------------------------- scores

@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class EventScores:
    """Scores of one run over ACLED rows; field fractions are over all rows."""

    rows: int
    sub_event_f1: float
    sub_event_accuracy: float
    event_type_accuracy: float
    actor1_inter_match: float | None = None
    actor1_name_exact: float | None = None
    actor1_missing: float | None = None  # rows with no event or an event without actor1
    actor2_inter_match: float | None = None
    assoc_actor_match: float | None = None
    location_25km: float | None = None
    date_exact: float | None = None
    fatalities_exact: float | None = None
    docs_per_s: float | None = None
    no_event: int = 0
    events_per_doc: float | None = None  # events the pipeline wrote per row (each ACLED note tells one event)
    source: str = "pipeline"  # what produced the events: "pipeline" or "model"
    per_label: dict[str, LabelScore] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["confusions"] = [list(c) for c in self.confusions]
        return d


def label_scores(gold: Sequence[str], pred: Sequence[str | None]) -> tuple[float, float, dict[str, LabelScore]]:
    """(weighted F1, accuracy, per-label scores); a ``None`` prediction is simply wrong."""
    pred_s = [p if p is not None else "(none)" for p in pred]
    support = Counter(gold)
    per: dict[str, LabelScore] = {}
    for label in sorted(support):
        tp = sum(1 for g, p in zip(gold, pred_s, strict=True) if g == label and p == label)
        n_pred = sum(1 for p in pred_s if p == label)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / support[label]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = LabelScore(round(prec, 4), round(rec, 4), round(f1, 4), support[label])
    total = len(gold)
    weighted = sum(s.f1 * s.support for s in per.values()) / total if total else 0.0
    acc = sum(1 for g, p in zip(gold, pred_s, strict=True) if g == p) / total if total else 0.0
    return weighted, acc, per


def _confusions(gold: Sequence[str], pred: Sequence[str | None], top: int = 15) -> list[tuple[str, str, int]]:
    c = Counter((g, p or "(none)") for g, p in zip(gold, pred, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in c.most_common(top)]


# ---------------------------------------------------------------------------- main event

def main_event(events: Sequence[Event], rejected: Sequence[Any] = (), text: str = "") -> Event | None:
    """The main event of a short report (see the module docstring); ``rejected``: the candidates the
    pipeline rejected in it (a later "Police intervened." sharpens a protest), ``text``: the report's clean
    text (a later "The victim was a gang member" makes an attack a clash; :func:`.mainevent.main_typing`)."""
    if not events:
        return None
    by_sentence: dict[tuple[int, int], list[Any]] = {}
    for e in sorted(events, key=lambda e: (e.start, -e.confidence)):
        by_sentence.setdefault((e.start, e.end), []).append(e)
    return main_typing(list(by_sentence.values()), rejected, text)  # type: ignore[return-value]


def note_event(row: AcledRow, doc: Any, pipeline: Any, model: Any = None) -> Event | None:
    """A note's main event through the whole pipeline with ``model`` (``None``: without a trained model)."""
    article = _article(row, "acled")
    places = find_places(doc, article, gazetteer=pipeline.gazetteer)
    events, _ = extract_events(doc, article, places, actors=pipeline.actors, typer=replace(pipeline.typer, model=model),
                               gazetteer=pipeline.gazetteer)
    return main_event(events)


def _article(row: AcledRow, source: str) -> Article:
    aid = hashlib.sha1(row.notes.encode("utf-8")).hexdigest()[:16]
    return Article(id=aid, raw_text=row.notes, clean_text=row.notes, offsets=OffsetMap.identity(len(row.notes)),
                   source=f"{source}#{row.row_id}", published=row.published)


@dataclass(frozen=True)
class Prediction:
    """What the system said about one row."""

    sub_event_type: str | None
    event_type: str | None
    event: Event | None = None
    events: int = 0  # how many events the pipeline wrote for the row


def predict_rows(rows: Sequence[AcledRow], *, pipeline: Any, model: Any = None, source: str = "acled",
                 progress: Callable[[int], None] | None = None) -> list[Prediction]:
    """Run each row through the pipeline and pick its main event (or, given ``model``, its label).

    A row whose pipeline run gives no event counts as no event. A stage that fails is an
    error, not a reason to score something else.
    """
    articles = [_article(r, source) for r in rows]
    preds: list[Prediction] = []
    texts = (a.clean_text for a in articles)
    for i, (article, doc) in enumerate(zip(articles, pipeline.parse(texts, batch_size=64), strict=True)):
        if model is not None:  # the trained model types the whole note, as it was trained
            cues = rule_cues(doc, note_event(rows[i], doc, pipeline))
            label = model.predict([model_text(list(doc.sents))], rule_labels=[cues])[0]
            preds.append(Prediction(label, load_ontology().get(label).event_type))
            continue
        result = pipeline.analyse(article, doc)
        events = result.events
        event = main_event(events, result.rejected, article.clean_text)
        preds.append(Prediction(event.sub_event_type, event.event_type, event, len(events)) if event is not None
                     else Prediction(None, None))
        if progress is not None:
            progress(i + 1)
    return preds


_CLOSED_PERIOD = re.compile(r"\((\d{4})-\d{4}\)")


def same_acled_name(name: str, gold: str) -> bool:
    """Whether a name is ACLED's, a state period that has since closed counting as the open one it was:
    exports made while a period ran write "Military Forces of Syria (2000-)", today's "(2000-2024)"."""
    return _open(name) == _open(gold)


def _open(name: str) -> str:
    return _CLOSED_PERIOD.sub(r"(\1-)", name)


def actor_hits(row: AcledRow, event: Event | None) -> Counter[str]:
    """Which actor fields of one row the event gets right (and whether actor1 is missing)."""
    hits: Counter[str] = Counter()
    a1 = event.actor1 if event is not None else None
    a2 = event.actor2 if event is not None else None
    if a1 is None:
        hits["actor1_missing"] += 1
    else:
        hits["actor1_inter_match"] += a1.inter is not None and a1.inter == row.inter1
        hits["actor1_name_exact"] += same_acled_name(a1.name, row.actor1)
    if event is not None:
        no_gold2 = not row.inter2
        hits["actor2_inter_match"] += (a2 is None) if no_gold2 else (a2 is not None and a2.inter == row.inter2)
        hits["assoc_actor_match"] += {_open(a.name) for a in event.assoc_actors} == {_open(n) for n in row.assoc_actors}
    return hits


def score_rows(rows: Sequence[AcledRow], preds: Sequence[Prediction], *, seconds: float | None = None,
               source: str = "pipeline") -> EventScores:
    """Compare predictions with the gold rows."""
    gold = [r.sub_event_type for r in rows]
    sub = [p.sub_event_type for p in preds]
    f1, acc, per = label_scores(gold, sub)
    type_acc = sum(1 for r, p in zip(rows, preds, strict=True) if p.event_type == r.event_type) / len(rows)
    loc = date = fat = 0
    actors: Counter[str] = Counter()
    for r, p in zip(rows, preds, strict=True):
        e = p.event
        actors += actor_hits(r, e)
        if e is None:
            continue
        if e.place is not None and e.place.lat is not None and e.place.lon is not None and r.lat is not None \
                and r.lon is not None and great_circle_km(e.place.lat, e.place.lon, r.lat, r.lon) <= 25.0:
            loc += 1
        if e.date is not None and e.date == r.event_date:
            date += 1
        if e.fatalities is not None and e.fatalities == r.fatalities:
            fat += 1
    n = len(rows)
    has_events = any(p.event is not None for p in preds)

    def share(count: int) -> float | None:
        return round(count / n, 4) if has_events else None

    return EventScores(
        rows=n, sub_event_f1=round(f1, 4), sub_event_accuracy=round(acc, 4), event_type_accuracy=round(type_acc, 4),
        actor1_inter_match=share(actors["actor1_inter_match"]), actor1_name_exact=share(actors["actor1_name_exact"]),
        actor1_missing=share(actors["actor1_missing"]), actor2_inter_match=share(actors["actor2_inter_match"]),
        assoc_actor_match=share(actors["assoc_actor_match"]),
        location_25km=share(loc), date_exact=share(date), fatalities_exact=share(fat),
        docs_per_s=round(n / seconds, 1) if seconds else None,
        no_event=sum(1 for p in sub if p is None), source=source, per_label=per, confusions=_confusions(gold, sub),
        events_per_doc=round(sum(p.events for p in preds) / n, 3) if has_events else None,
    )


def evaluate_acled(rows: Sequence[AcledRow], *, pipeline: Any, model: Any = None, source: str = "acled",
                   progress: Callable[[int], None] | None = None) -> EventScores:
    """The shipped default (or ``model``) over ACLED rows, end to end."""
    t0 = time.perf_counter()
    preds = predict_rows(rows, pipeline=pipeline, model=model, source=source, progress=progress)
    used = "model" if model is not None else "pipeline"
    if model is None and getattr(pipeline.typer, "model", None) is not None:
        used += " with a trained sub-event model"
    return score_rows(rows, preds, seconds=time.perf_counter() - t0, source=used)


# ---------------------------------------------------------------------------- snippets

@dataclass(frozen=True)
class SnippetScores:
    """Sub-event typing of short news snippets (CASE 2021 task 2 style): one gold label each."""

    snippets: int
    sub_event_f1: float
    sub_event_accuracy: float
    event_type_accuracy: float
    no_event: int
    events_per_snippet: float | None
    docs_per_s: float | None = None
    per_label: dict[str, LabelScore] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["confusions"] = [list(c) for c in self.confusions]
        return d


def read_snippets(path: str | Path, *, limit: int | None = None) -> list[AcledRow]:
    """Labelled snippets of a JSONL file (``{"id", "text", "sub_event_type"}`` a line), as rows
    that carry only the text and its gold types."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalError(f"{p}: cannot open the snippets ({err.strerror}) (check the path)") from None
    onto = load_ontology()
    rows: list[AcledRow] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if limit is not None and len(rows) >= limit:
            break
        try:
            rec = json.loads(line)
            text, sub = str(rec["text"]), str(rec["sub_event_type"])
        except (ValueError, KeyError, TypeError) as err:
            raise EvalError(f"{p}:{n}: not a labelled snippet ({type(err).__name__}: {err}) "
                            "(each line needs text and sub_event_type)") from None
        if sub not in onto.sub_events:
            raise EvalError(f"{p}:{n}: unknown sub-event type {sub!r} (use the 25 ACLED names)")
        rows.append(AcledRow(row_id=str(rec.get("id", n)), notes=text, published=None,
                             event_type=onto.get(sub).event_type, sub_event_type=sub, event_date=None,
                             inter1=None, lat=None, lon=None, fatalities=None))
    if not rows:
        raise EvalError(f"{p}: no snippets (give a non-empty JSONL file)")
    return rows


def evaluate_snippets(rows: Sequence[AcledRow], *, pipeline: Any) -> SnippetScores:
    """The main event's sub-event type per snippet, scored as ACLED notes are (:func:`score_rows`)."""
    t0 = time.perf_counter()
    preds = predict_rows(rows, pipeline=pipeline, source="snippet")
    s = score_rows(rows, preds, seconds=time.perf_counter() - t0)
    return SnippetScores(snippets=s.rows, sub_event_f1=s.sub_event_f1, sub_event_accuracy=s.sub_event_accuracy,
                         event_type_accuracy=s.event_type_accuracy, no_event=s.no_event,
                         events_per_snippet=s.events_per_doc, docs_per_s=s.docs_per_s, per_label=s.per_label,
                         confusions=s.confusions)


# ---------------------------------------------------------------------------- PLOVER

@dataclass(frozen=True)
class PloverRecord:
    id: str
    text: str
    event: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class PloverScores:
    records: int
    type_accuracy: float  # over all records; no prediction = wrong
    type_accuracy_acled: float  # over the records whose gold type the ACLED ontology can express
    acled_expressible: int
    source_match: float | None  # of records with a gold source and a predicted event
    target_match: float | None
    per_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # gold type -> (right, total)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_plover(path: str | Path) -> list[PloverRecord]:
    """PLOVER gold standard records (JSON list); documentation records are skipped."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalError(f"{p}: cannot read PLOVER records ({err}) (give the plover-gsr.json file)") from None
    if not isinstance(data, list):
        raise EvalError(f"{p}: expected a JSON list of PLOVER records")
    onto = load_ontology()
    out: list[PloverRecord] = []
    for r in data:
        if not isinstance(r, dict) or r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue

        def names(key: str, r: dict[str, Any] = r) -> tuple[str, ...]:
            val = r.get(key) or []
            val = val if isinstance(val, list) else [val]
            return tuple(a.get("actorText", "") if isinstance(a, dict) else str(a) for a in val)

        out.append(PloverRecord(str(r.get("id", "")), r["text"], onto.plover(r["event"]) or "",
                                names("source"), names("target")))
    if not out:
        raise EvalError(f"{p}: no PLOVER event records found")
    return out


def _text_match(gold: Iterable[str], found: str | None) -> bool:
    if not found:
        return False
    f = found.lower()
    return any(g and (g.lower() in f or f in g.lower()) for g in gold)


def _role_text(actor: Any, event: Event) -> str | None:
    """The text an actor role names, for the PLOVER match: None for an actor no phrase names (ACLED's generic
    "Civilians (X)" or "Unidentified Armed Group (X)" whose evidence is the whole sentence, which would contain any
    gold actor); a generic actor told by its phrase ("a Chinese engineer", ``unnamed.py``) is that phrase."""
    if actor is None:
        return None
    if actor.text and actor.text in {event.sentence, *(m.sentence for m in event.mentions)}:
        return None
    return str(actor.text or actor.name)


def evaluate_plover(records: Sequence[PloverRecord], *, pipeline: Any) -> PloverScores:
    """PLOVER type accuracy and actor-role text match.

    The type comes from :func:`plover_coding` (the ACLED typing's PLOVER coding, or a verbal
    PLOVER trigger that governs it); the roles from the pipeline's main event (actor1 vs the
    gold source, actor2 vs the gold target), when the later stages are available.
    """
    onto = load_ontology()
    expressible = {s.plover_type for s in onto.sub_events.values() if s.plover_type}
    right = right_acled = n_acled = 0
    src_ok = src_n = tgt_ok = tgt_n = 0
    per: dict[str, list[int]] = {}
    for rec, doc in zip(records, pipeline.parse(r.text for r in records), strict=True):
        ptype: str | None = None
        article = Article(id=rec.id, raw_text=rec.text, clean_text=rec.text, offsets=OffsetMap.identity(len(rec.text)))
        event = main_event(pipeline.analyse(article, doc).events)
        for sent in doc.sents:  # the type: the first sentence with a PLOVER coding (see plover_coding)
            ptype = plover_coding(sent)[0]
            if ptype is not None:
                break
        ok = ptype == rec.event
        right += ok
        per.setdefault(rec.event, [0, 0])
        per[rec.event][0] += ok
        per[rec.event][1] += 1
        if rec.event in expressible:
            n_acled += 1
            right_acled += ok
        if event is not None and rec.sources:
            src_n += 1
            src_ok += _text_match(rec.sources, _role_text(event.actor1, event))
        if event is not None and rec.targets:
            tgt_n += 1
            tgt_ok += _text_match(rec.targets, _role_text(event.actor2, event))
    n = len(records)
    return PloverScores(
        records=n, type_accuracy=round(right / n, 4),
        type_accuracy_acled=round(right_acled / n_acled, 4) if n_acled else 0.0, acled_expressible=n_acled,
        source_match=round(src_ok / src_n, 4) if src_n else None,
        target_match=round(tgt_ok / tgt_n, 4) if tgt_n else None,
        per_type={k: (v[0], v[1]) for k, v in sorted(per.items())},
    )
