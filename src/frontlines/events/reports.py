"""Evaluate on whole articles: events per article, and each conflict report's main incident.

Two kinds of input, both read the way ``frontlines extract`` reads them (cleaning, metadata):

- any corpus (``--corpus``, e.g. the FakeNewsCorpus sample): how many events the pipeline writes
  per article, and how many articles give any;
- labelled conflict reports (``--articles``, JSONL): each line ``{"id", "text", "published",
  "gold": {"event_type", "sub_event_type", "location", "latitude", "longitude", "event_date",
  "fatalities"}}`` naming the one violent incident the report is about. Scored: events per
  article, whether some event is that incident (its event type, within 25 km of its place or on
  its date), and the main event's sub-event type, place, date and death toll (exact, and within
  20 % of the recorded one). A report whose gold names a ``perpetrator`` (ACLED's name for who did
  it; null when the text names nobody) also scores whether the main event's actor1 is on the
  perpetrator's side (``data/actors/sides.yaml``).

The main event of an article is :func:`.evaluate.main_event`'s (the first sentence that reports
an event gives it).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..actors.dictionary import ActorDictionary, load_actors
from ..actors.sides import id_by_name, load_sides, side_of
from ..errors import EvalError, InputError
from ..geo.distance import great_circle_km
from ..ingest import read_inputs
from ..records import Event, Result
from .evaluate import main_event

#: A toll within this fraction of the recorded one counts as right ("within 20 %").
TOLL_TOLERANCE = 0.2
#: An event this close to the recorded place (km) is at it.
PLACE_KM = 25.0
GOLD_FIELDS = ("event_type", "sub_event_type", "latitude", "longitude", "event_date", "fatalities")


@dataclass(frozen=True)
class GoldIncident:
    """The incident a labelled report is about."""

    event_type: str
    sub_event_type: str
    lat: float
    lon: float
    date: dt.date
    fatalities: int
    location: str = ""
    perpetrator: str | None = None  # ACLED's name of who did it, when the text names them


@dataclass(frozen=True)
class ArticleRow:
    """What the pipeline gave for one article (and, for a labelled one, how it compares)."""

    id: str
    events: int
    main_sub_event: str | None = None
    main_fatalities: int | None = None
    gold_sub_event: str | None = None
    gold_fatalities: int | None = None
    incident_found: bool | None = None
    main_actor1: str | None = None
    gold_perpetrator: str | None = None
    side_right: bool | None = None  # None when the gold names no perpetrator


@dataclass(frozen=True)
class ArticleScores:
    """Scores over articles; the ``main_*`` and ``incident_found`` fractions only for labelled reports."""

    articles: int
    events_per_article: float
    most_events: int
    with_events: int
    incident_found: float | None = None
    main_sub_event: float | None = None
    main_event_type: float | None = None
    main_location_25km: float | None = None
    main_date_exact: float | None = None
    main_toll_exact: float | None = None
    main_toll_within_20pct: float | None = None
    perpetrator_articles: int | None = None  # labelled reports whose gold names a perpetrator
    perpetrator_side_right: float | None = None
    docs_per_s: float | None = None
    rows: list[ArticleRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _gold(line: dict[str, Any], where: str) -> GoldIncident:
    g = line.get("gold")
    if not isinstance(g, dict) or any(g.get(k) is None for k in GOLD_FIELDS):
        raise EvalError(f"{where}: no gold incident with {', '.join(GOLD_FIELDS)} (see docs/events.md, "
                        "'Evaluating on articles')")
    try:
        return GoldIncident(str(g["event_type"]), str(g["sub_event_type"]), float(g["latitude"]),
                            float(g["longitude"]), dt.date.fromisoformat(str(g["event_date"])),
                            int(g["fatalities"]), str(g.get("location", "")),
                            str(g["perpetrator"]) if g.get("perpetrator") else None)
    except ValueError as err:
        raise EvalError(f"{where}: bad gold field ({err}) (dates as YYYY-MM-DD, numbers as numbers)") from None


def labelled_lines(path: str | Path, what: str) -> Iterator[tuple[str, Any]]:
    """(``path:line``, the JSON value) of each non-blank line of a labelled JSONL file; ``what`` names its lines in
    the one-line errors ("labelled reports")."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalError(f"{p}: cannot open {what} ({err.strerror}) (check the path)") from None
    for n, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            yield f"{p}:{n}", json.loads(text)
        except ValueError:
            raise EvalError(f"{p}:{n}: not a JSON line (one JSON object per line)") from None


def read_gold(path: str | Path) -> dict[str, GoldIncident]:
    """The gold incident of each labelled report, by the report's ``id``."""
    gold: dict[str, GoldIncident] = {}
    for where, line in labelled_lines(path, "labelled reports"):
        if not isinstance(line, dict) or not line.get("id"):
            raise EvalError(f"{where}: a labelled report needs an \"id\"")
        gold[str(line["id"])] = _gold(line, where)
    if not gold:
        raise EvalError(f"{Path(path)}: no labelled reports")
    return gold


def run_corpus(path: str | Path, *, pipeline: Any) -> list[Result]:
    """Every article of ``path`` (anything ``ingest`` reads) through the pipeline; a bad input is an error."""
    results: list[Result] = []
    for out in pipeline.process(read_inputs([str(path)])):
        if isinstance(out, InputError):
            raise EvalError(str(out))
        results.append(out)
    if not results:
        raise EvalError(f"{path}: no articles (give a file `frontlines ingest` reads)")
    return results


def is_incident(e: Event, g: GoldIncident) -> bool:
    """Whether ``e`` is the labelled incident: its event type, at its place (25 km) or on its date."""
    if e.event_type != g.event_type:
        return False
    return e.date == g.date or near(e, g)


def near(e: Event, g: GoldIncident) -> bool:
    p = e.place
    return p is not None and p.lat is not None and p.lon is not None and great_circle_km(p.lat, p.lon, g.lat, g.lon) <= PLACE_KM


def toll_close(value: int | None, gold: int) -> bool:
    """Within :data:`TOLL_TOLERANCE` of the recorded toll (exact when that is 0)."""
    return value is not None and abs(value - gold) <= TOLL_TOLERANCE * gold


def side_right(main: Event | None, g: GoldIncident, actors: ActorDictionary, sides: dict[str, str]) -> bool | None:
    """Whether the main event's actor1 is on the gold perpetrator's side (None when the gold names none)."""
    if g.perpetrator is None:
        return None
    gold_id = id_by_name(actors, g.perpetrator)
    if gold_id is None:
        raise EvalError(f"gold perpetrator {g.perpetrator!r}: no actor has that name (write ACLED's name as "
                        "the actor dictionary spells it)")
    gold_side = side_of(gold_id, sides, actors)
    if gold_side is None:
        raise EvalError(f"gold perpetrator {g.perpetrator!r} ({gold_id}): no side (add it to data/actors/sides.yaml)")
    actor = main.actor1 if main is not None else None
    return actor is not None and side_of(actor.id, sides, actors) == gold_side


def _share(flags: Iterable[bool], n: int) -> float:
    return round(sum(flags) / n, 4) if n else 0.0


def score_articles(results: Sequence[Result], gold: dict[str, GoldIncident] | None = None, *,
                   seconds: float | None = None) -> ArticleScores:
    """Events per article (and, with ``gold`` by article id, the labelled scores)."""
    rows: list[ArticleRow] = []
    mains: list[tuple[Event | None, GoldIncident]] = []
    actors, sides = (load_actors(), load_sides()) if gold is not None else (None, {})
    for r in results:
        key = r.article.external_id or r.article.id
        g = gold.get(key) if gold is not None else None
        main = main_event(r.events)
        if gold is not None and g is None:
            raise EvalError(f"article {key}: no gold incident for it (every article needs one)")
        rows.append(ArticleRow(key, len(r.events), main.sub_event_type if main else None,
                               main.fatalities if main else None, g.sub_event_type if g else None,
                               g.fatalities if g else None,
                               any(is_incident(e, g) for e in r.events) if g else None,
                               main.actor1.name if main and main.actor1 else None, g.perpetrator if g else None,
                               side_right(main, g, actors, sides) if g and actors else None))
        if g is not None:
            mains.append((main, g))
    n = len(results)
    counts = [row.events for row in rows]
    scores = ArticleScores(n, round(sum(counts) / n, 3) if n else 0.0, max(counts, default=0),
                           sum(1 for c in counts if c), docs_per_s=round(n / seconds, 1) if seconds else None,
                           rows=rows)
    if gold is None:
        return scores
    m = len(mains)
    judged = [row.side_right for row in rows if row.side_right is not None]
    return replace(
        scores,
        incident_found=_share((bool(row.incident_found) for row in rows), m),
        main_sub_event=_share((e is not None and e.sub_event_type == g.sub_event_type for e, g in mains), m),
        main_event_type=_share((e is not None and e.event_type == g.event_type for e, g in mains), m),
        main_location_25km=_share((e is not None and near(e, g) for e, g in mains), m),
        main_date_exact=_share((e is not None and e.date == g.date for e, g in mains), m),
        main_toll_exact=_share((e is not None and e.fatalities == g.fatalities for e, g in mains), m),
        main_toll_within_20pct=_share((e is not None and toll_close(e.fatalities, g.fatalities) for e, g in mains), m),
        perpetrator_articles=len(judged),
        perpetrator_side_right=_share(judged, len(judged)) if judged else None,
    )


def evaluate_corpus(path: str | Path, *, pipeline: Any, labelled: bool = False) -> ArticleScores:
    """Events per article over a corpus; ``labelled``: the file holds labelled conflict reports (JSONL)."""
    gold = read_gold(path) if labelled else None
    t0 = time.perf_counter()
    results = run_corpus(path, pipeline=pipeline)
    return score_articles(results, gold, seconds=time.perf_counter() - t0)
