"""Evaluate the record of whole articles: every incident an article reports, once, and nothing else.

Input (``frontlines eval events --incidents FILE``): JSONL, one article a line, read the way
``frontlines extract`` reads it, with its labels::

    {"id", "published", "text", "incidents": [{"sub_event_type", "event_date" (or null),
     "location" (or null), "fatalities" (or null), "cue"}]}

``incidents`` lists the in-scope events that occurred and that the article reports (its own news or a
dated earlier incident it names); ``[]`` when it reports none. ``cue`` is a phrase of the text that names
the incident. Each event the pipeline reports (modality asserted or claimed) is matched to at most one
incident: one of the same sub-event type or event type whose cue lies in one of the event's mention
sentences, else one on the event's date at a place of the event's name. An event matched to an incident
another event already took is a duplicate; an event matched to none is false.

Scored: events per article, incidents found (recall) and with the right sub-event type, the share of
events that are an incident of their own (precision), duplicates, false events (also those in articles
that report none), and the death toll and date of each found incident (exact).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..records import Event, Result
from .ontology import SUB_EVENT_TYPES, event_type_of
from .reports import labelled_lines, run_corpus
from .sentences import COUNTED_MODALITIES


@dataclass(frozen=True)
class LabelledIncident:
    """One incident an article reports, as its labeller wrote it."""

    sub_event_type: str
    date: dt.date | None
    location: str | None
    fatalities: int | None
    cue: str

    @property
    def event_type(self) -> str:
        return event_type_of(self.sub_event_type)


@dataclass(frozen=True)
class IncidentRow:
    """One article: its counted events, its incidents and what became of them."""

    id: str
    events: int
    incidents: int
    found: int
    duplicates: int
    false: int


@dataclass(frozen=True)
class IncidentScores:
    """The record of whole articles against every incident they report."""

    articles: int
    events: int
    events_per_article: float
    most_events: int
    incidents: int
    found: int
    recall: float  # incidents found / incidents
    precision: float  # events that are an incident of their own / events
    sub_event_right: int  # found incidents whose first event has their sub-event type
    duplicates: int
    false_events: int
    false_in_articles_without_incident: int
    toll_exact: float | None  # over found incidents with a labelled toll
    date_exact: float | None  # over found incidents with a labelled date
    docs_per_s: float | None = None
    rows: list[IncidentRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _incident(x: Any, text: str, where: str) -> LabelledIncident:
    if not isinstance(x, dict) or x.get("sub_event_type") not in SUB_EVENT_TYPES or not x.get("cue"):
        raise EvalError(f"{where}: an incident needs an ACLED \"sub_event_type\" and a \"cue\" (see "
                        "docs/events.md, 'The record of whole articles')")
    if str(x["cue"]) not in text:
        raise EvalError(f"{where}: cue {str(x['cue'])[:60]!r} is not in the text (copy it from the text)")
    try:
        date = dt.date.fromisoformat(str(x["event_date"])) if x.get("event_date") else None
        toll = int(x["fatalities"]) if x.get("fatalities") is not None else None
    except ValueError as err:
        raise EvalError(f"{where}: bad incident field ({err}) (dates as YYYY-MM-DD, tolls as numbers)") from None
    return LabelledIncident(str(x["sub_event_type"]), date, str(x["location"]) if x.get("location") else None,
                            toll, str(x["cue"]))


def read_incidents(path: str | Path) -> dict[str, list[LabelledIncident]]:
    """The labelled incidents of each article, by the article's ``id``."""
    gold: dict[str, list[LabelledIncident]] = {}
    for where, line in labelled_lines(path, "labelled articles"):
        if not isinstance(line, dict) or not line.get("id") or not isinstance(line.get("incidents"), list):
            raise EvalError(f"{where}: a labelled article needs an \"id\" and a list of \"incidents\" ([] for none)")
        text = str(line.get("text", ""))
        gold[str(line["id"])] = [_incident(x, text, where) for x in line["incidents"]]
    if not gold:
        raise EvalError(f"{Path(path)}: no labelled articles")
    return gold


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("-", " ").split())


def _at_location(e: Event, location: str | None) -> bool:
    """The event's place is the labelled location, by name (one holds the other: "Douentza", "Douentza town")."""
    if e.place is None or not location:
        return False
    gold = _norm(location)
    return any(n and (n in gold or gold in n) for n in (_norm(e.place.name), _norm(e.place.text)))


def match_strength(e: Event, x: LabelledIncident) -> int:
    """0: not this incident; else higher for a cue among the event's mentions than for date and place alone,
    and one more for the same sub-event type."""
    if e.sub_event_type != x.sub_event_type and e.event_type != x.event_type:
        return 0
    same = int(e.sub_event_type == x.sub_event_type)
    if any(x.cue in m.sentence for m in e.mentions):
        return 3 + same
    if x.date is not None and e.date == x.date and _at_location(e, x.location):
        return 1 + same
    return 0


def match_events(events: Sequence[Event], incidents: Sequence[LabelledIncident]) -> list[int | None]:
    """For each event, the incident it is (the strongest match, the first on ties), or None."""
    out: list[int | None] = []
    for e in events:
        strength, i = max(((match_strength(e, x), -k) for k, x in enumerate(incidents)), default=(0, 0))
        out.append(-i if strength else None)
    return out


def score_incidents(results: Sequence[Result], gold: dict[str, list[LabelledIncident]], *,
                    seconds: float | None = None) -> IncidentScores:
    """Each article's counted events against its labelled incidents (every article needs its labels)."""
    rows: list[IncidentRow] = []
    found = sub_right = false_empty = 0
    tolls: list[bool] = []
    dates: list[bool] = []
    for r in results:
        key = r.article.external_id or r.article.id
        if key not in gold:
            raise EvalError(f"article {key}: no labelled incidents for it (every article needs \"incidents\")")
        incidents = gold[key]
        events = [e for e in r.events if e.modality in COUNTED_MODALITIES]
        first: dict[int, Event] = {}
        dup = false = 0
        for e, k in zip(events, match_events(events, incidents), strict=True):
            if k is None:
                false += 1
            elif k in first:
                dup += 1
            else:
                first[k] = e
        for k, e in first.items():
            x = incidents[k]
            sub_right += e.sub_event_type == x.sub_event_type
            if x.fatalities is not None:
                tolls.append(e.fatalities == x.fatalities)
            if x.date is not None:
                dates.append(e.date == x.date)
        found += len(first)
        false_empty += false if not incidents else 0
        rows.append(IncidentRow(key, len(events), len(incidents), len(first), dup, false))
    n = len(rows)
    events_n = sum(row.events for row in rows)
    incidents_n = sum(row.incidents for row in rows)
    return IncidentScores(
        articles=n, events=events_n, events_per_article=round(events_n / n, 3) if n else 0.0,
        most_events=max((row.events for row in rows), default=0), incidents=incidents_n, found=found,
        recall=round(found / incidents_n, 4) if incidents_n else 0.0,
        precision=round(found / events_n, 4) if events_n else 0.0, sub_event_right=sub_right,
        duplicates=sum(row.duplicates for row in rows), false_events=sum(row.false for row in rows),
        false_in_articles_without_incident=false_empty,
        toll_exact=round(sum(tolls) / len(tolls), 4) if tolls else None,
        date_exact=round(sum(dates) / len(dates), 4) if dates else None,
        docs_per_s=round(n / seconds, 1) if seconds else None, rows=rows)


def evaluate_incidents(path: str | Path, *, pipeline: Any) -> IncidentScores:
    """Run the labelled articles of ``path`` through the pipeline and score the record they give."""
    gold = read_incidents(path)
    t0 = time.perf_counter()
    results = run_corpus(path, pipeline=pipeline)
    return score_incidents(results, gold, seconds=time.perf_counter() - t0)
