"""``eval geo``: toponym recognition and resolution scores on GeoWebNews or our own JSONL labels.

Scored the way Gritta et al. (2019, "A Pragmatic Guide to Geoparsing
Evaluation") score GeoWebNews:

* recognition: the gold toponyms are every annotation except
  ``Non_Toponym``, ``Literal_Expression`` and ``Non_Lit_Expression`` (2,720
  spans; demonyms, homonyms and language names included, "regardless of
  type"); a predicted span is correct when it overlaps a gold span; a
  prediction overlapping none of them counts against precision;
* resolution: on the gold toponyms that were recognised *and* have
  coordinates, correct = the gold GeoNames id, or within 161 km of the gold
  point; a recognised toponym left unresolved counts as wrong. Median error
  is over the resolved ones.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..events.evaluate import main_event
from ..records import Article, OffsetMap, Place
from . import find_places
from .distance import great_circle_km

NOT_TOPONYMS = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})
ACCURACY_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    outlet: str | None = None  # where it appeared: the outlet's home is part of the article's geography
    url: str | None = None


@dataclass(frozen=True)
class GeoScores:
    docs: int
    gold: int
    predicted: int
    precision: float
    recall: float
    f1: float
    resolved_gold: int  # recognised gold toponyms with coordinates
    accuracy: float
    accuracy_161km: float  # same as accuracy; named for readers of the paper
    median_error_km: float | None
    unresolved: int
    docs_per_second: float
    seconds_parse: float  # spaCy
    seconds_geo: float  # find_places (recognition + resolution)

    @property
    def geo_overhead(self) -> float:
        """Time geocoding adds, as a share of the spaCy pass."""
        return self.seconds_geo / self.seconds_parse if self.seconds_parse else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "geo_overhead": round(self.geo_overhead, 3)}


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_gwn(path: str | Path) -> list[GoldArticle]:
    """Read GeoWebNews XML (``<article><text>`` with ``<toponym>`` start/end offsets)."""
    from defusedxml import ElementTree

    try:
        root = ElementTree.parse(str(path)).getroot()
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file (give the GeoWebNews XML, e.g. ../shared/eval/geo/gwn.xml)") from None
    except ElementTree.ParseError as err:
        raise EvalError(f"{path}: not valid XML ({err}) (give the GeoWebNews gwn.xml file)") from None
    out = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            try:
                start, end = int(t.findtext("start") or ""), int(t.findtext("end") or "")
            except ValueError:
                continue
            gid = t.findtext("geonamesID") or ""
            tops.append(GoldToponym(start, end, t.findtext("extractedName") or text[start:end],
                                    t.findtext("type") or "", int(gid) if gid.isdigit() else None,
                                    _float(t.findtext("latitude")), _float(t.findtext("longitude"))))
        out.append(GoldArticle(art.get("file") or str(n), text, tuple(tops)))
    if not out:
        raise EvalError(f"{path}: no <article> elements (give the GeoWebNews gwn.xml file)")
    return out


def _lines(path: str | Path, give: str) -> list[tuple[int, str]]:
    """The non-blank lines of a JSONL file with their line numbers; a missing file is an :class:`EvalError`
    that says what to give instead."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file (give {give})") from None
    return [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


def read_jsonl_gold(path: str | Path) -> list[GoldArticle]:
    """Read our own labelled articles, one JSON object a line: ``id``, ``text``, optional ``outlet`` and
    ``url``, and ``toponyms``, each with ``start``, ``end`` (offsets into ``text``), ``type`` ("Literal" unless
    told), and ``geonameid``, ``lat``, ``lon`` (null for a toponym the labeller could not place)."""
    out = []
    for n, line in _lines(path, "a JSONL gold file, e.g. eval/geo/local-news.jsonl"):
        try:
            rec = json.loads(line)
            text = str(rec["text"])
            tops = tuple(GoldToponym(int(t["start"]), int(t["end"]), text[int(t["start"]):int(t["end"])],
                                     str(t.get("type") or "Literal"),
                                     int(t["geonameid"]) if t.get("geonameid") is not None else None,
                                     _float(None if t.get("lat") is None else str(t["lat"])),
                                     _float(None if t.get("lon") is None else str(t["lon"])))
                         for t in rec["toponyms"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            raise EvalError(f"{path}:{n}: not a labelled article (each line needs id, text and toponyms with "
                            "start, end)") from None
        if any(not 0 <= t.start < t.end <= len(text) for t in tops):
            raise EvalError(f"{path}:{n}: a toponym's offsets lie outside the text")
        out.append(GoldArticle(str(rec["id"]), text, tops, rec.get("outlet") or None, rec.get("url") or None))
    if not out:
        raise EvalError(f"{path}: no labelled articles")
    return out


def read_gold(path: str | Path) -> list[GoldArticle]:
    """GeoWebNews XML (``.xml``) or our JSONL labels (``.jsonl``)."""
    return read_jsonl_gold(path) if str(path).endswith(".jsonl") else read_gwn(path)


def _article(gold: GoldArticle) -> Article:
    return Article(id=f"gold-{gold.id}", raw_text=gold.text, clean_text=gold.text,
                   offsets=OffsetMap.identity(len(gold.text)), source="gold", outlet=gold.outlet, url=gold.url)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score(golds: Sequence[GoldArticle], predictions: Sequence[Sequence[Place]], *,
          seconds: float = 0.0, seconds_parse: float = 0.0, seconds_geo: float = 0.0) -> GeoScores:
    """Recognition P/R/F1 by span overlap; accuracy within 161 km or same GeoNames id."""
    n_gold = n_pred = pred_hit = gold_hit = n_res = correct = unresolved = 0
    errors: list[float] = []
    for gold, places in zip(golds, predictions, strict=True):
        tops = [t for t in gold.toponyms if t.type not in NOT_TOPONYMS]
        n_gold += len(tops)
        n_pred += len(places)
        pred_hit += sum(1 for p in places if any(_overlaps(p.start, p.end, t.start, t.end) for t in tops))
        for t in tops:
            hits = [p for p in places if _overlaps(p.start, p.end, t.start, t.end)]
            if not hits:
                continue
            gold_hit += 1
            if t.lat is None or t.lon is None:
                continue
            n_res += 1
            p = max(hits, key=lambda p: min(p.end, t.end) - max(p.start, t.start))
            if p.lat is None or p.lon is None:
                unresolved += 1
                continue
            err = great_circle_km(p.lat, p.lon, t.lat, t.lon)
            errors.append(err)
            if (t.geonameid is not None and p.geonameid == t.geonameid) or err <= ACCURACY_KM:
                correct += 1
    precision = pred_hit / n_pred if n_pred else 0.0
    recall = gold_hit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    acc = correct / n_res if n_res else 0.0
    return GeoScores(
        docs=len(golds), gold=n_gold, predicted=n_pred, precision=round(precision, 4), recall=round(recall, 4),
        f1=round(f1, 4), resolved_gold=n_res, accuracy=round(acc, 4), accuracy_161km=round(acc, 4),
        median_error_km=round(statistics.median(errors), 1) if errors else None, unresolved=unresolved,
        docs_per_second=round(len(golds) / seconds, 2) if seconds else 0.0, seconds_parse=round(seconds_parse, 2),
        seconds_geo=round(seconds_geo, 2),
    )


def evaluate_geo(gold_path: str | Path, *, nlp: Any, gazetteer: Any, limit: int | None = None,
                 docs: Sequence[Any] | None = None) -> GeoScores:
    """Parse the GeoWebNews articles, find their places, score them.

    ``docs`` (spaCy Docs of the same texts, in order) skips the parse.
    """
    golds = read_gold(gold_path)[: limit or None]
    started = time.perf_counter()
    parsed = list(docs[: len(golds)]) if docs is not None else list(nlp.pipe(g.text for g in golds))
    geo_started = time.perf_counter()
    predictions = [find_places(doc, _article(g), gazetteer=gazetteer) for g, doc in zip(golds, parsed, strict=True)]
    ended = time.perf_counter()
    return score(golds, predictions, seconds=ended - started, seconds_parse=geo_started - started,
                 seconds_geo=ended - geo_started)


# ---------------------------------------------------------------- main event's province on short reports


@dataclass(frozen=True)
class ProvinceScores:
    """How often the main event of a short report is placed in the right first-level area."""

    reports: int
    right: int
    accuracy: float
    misses: tuple[tuple[str, str, str | None], ...]  # (report id, gold province, predicted province)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_reports(path: str | Path) -> list[dict[str, str]]:
    """Short reports labelled with the province of their main event (JSONL: id, country, admin1, text)."""
    out = []
    for n, line in _lines(path, "eval/geo/syria-iraq-reports.jsonl"):
        try:
            rec = json.loads(line)
            out.append({k: str(rec[k]) for k in ("id", "country", "admin1", "text")})
        except (json.JSONDecodeError, KeyError, TypeError):
            raise EvalError(f"{path}:{n}: not a report (each line needs id, country, admin1, text)") from None
    return out


def evaluate_provinces(path: str | Path, *, pipeline: Any) -> ProvinceScores:
    """Run the whole pipeline on each report; right when its main event lies in the labelled province.

    ``admin1`` labels are GeoNames codes ("SY.09"); a report with no event, or a main event with no
    place, counts as wrong.
    """
    reports = read_reports(path)
    articles = [Article(id=r["id"], raw_text=r["text"], clean_text=r["text"], offsets=OffsetMap.identity(len(r["text"])),
                        source="reports") for r in reports]
    right, misses = 0, []
    for rep, result in zip(reports, pipeline.run(articles), strict=True):
        cc, _, code = rep["admin1"].partition(".")
        gold = pipeline.gazetteer.admin1_name(cc, code)
        event = main_event(result.events)
        got = event.place.admin1 if event is not None and event.place is not None else None
        if got is not None and got == gold:
            right += 1
        else:
            misses.append((rep["id"], gold or rep["admin1"], got))
    return ProvinceScores(len(reports), right, round(right / len(reports), 4) if reports else 0.0, tuple(misses))
