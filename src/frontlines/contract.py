"""The machine contract: records → JSON, exactly as ``docs/contract.md`` says.

``to_record(result)`` is the only place contract JSON is built; the JSON
Schema in ``schema/extract-record.schema.json`` validates its output in tests.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from typing import Any

from .records import Actor, Article, Event, Place, RejectedEvent, Result

CONTRACT_VERSION = "1.0"


def place_to_dict(place: Place, *, explain: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "feature_code": place.feature_code,
        "precision": place.precision,
        "confidence": round(place.confidence, 3),
        "relation": place.relation,
        "anchor": place.anchor,
        "evidence": asdict(place.evidence) if place.evidence else None,
    }
    if explain:
        d["candidates"] = [asdict(c) for c in place.candidates]
    return d


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "name": actor.name,
        "id": actor.id,
        "inter": actor.inter,
        "text": actor.text,
        "country": actor.country,
        "generic_type": actor.generic_type,
        "scare_quotes": actor.scare_quotes,
        "rule": actor.rule,
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    place = None
    if event.place is not None:
        place = place_to_dict(event.place)
        place["geo_precision"] = event.geo_precision
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_type": event.plover_type,
        "actor1": actor_to_dict(event.actor1),
        "actor2": actor_to_dict(event.actor2),
        "assoc_actors": [actor_to_dict(a) for a in event.assoc_actors],
        "place": place,
        "date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        "fatalities": event.fatalities,
        "modality": event.modality,
        "attribution": event.attribution,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "confidence": round(event.confidence, 3),
        "evidence": dict(event.evidence),
        "quantities": list(event.quantities),
        "mentions": [asdict(m) for m in event.mentions],
        "other_sub_event_types": list(event.other_sub_event_types),
    }


def article_fields(article: Article) -> dict[str, Any]:
    return {
        "id": article.external_id or article.id,
        "article_id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "outlet": article.outlet,
        "original_source": article.original_source,
        "authors": list(article.authors),
        "translator": article.translator,
        "url": article.url,
        "language": article.language,
        "clean_text": article.clean_text,
    }


def to_record(result: Result, *, explain: bool = False) -> dict[str, Any]:
    """One output line of ``frontlines extract``."""
    rec = article_fields(result.article)
    rec["places"] = [place_to_dict(p, explain=explain) for p in result.places]
    rec["events"] = [event_to_dict(e) for e in result.events]
    rec["errors"] = list(result.errors) + [e for e in result.article.errors if e not in result.errors]
    if explain:
        rec["rejected_events"] = [rejected_to_dict(r) for r in result.rejected]
    return rec


def rejected_to_dict(r: RejectedEvent) -> dict[str, Any]:
    """A candidate event that was not reported, and why (``--explain`` only)."""
    return {"trigger": r.trigger, "start": r.start, "end": r.end, "sub_event_type": r.sub_event_type,
            "sentence": r.sentence, "sentence_start": r.sentence_start, "sentence_end": r.sentence_end,
            "reason": r.reason, "score": r.score}


def dumps(record: dict[str, Any]) -> str:
    """Serialise one record as a JSON line (UTF-8, no ASCII escaping)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def schema() -> dict[str, Any]:
    """The JSON Schema of one output record."""
    text = resources.files("frontlines").joinpath("schema/extract-record.schema.json").read_text("utf-8")
    return json.loads(text)
