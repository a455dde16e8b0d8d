"""Claim provenance and a credibility score whose parts are shown.

For one event: the chain outlet → original source(s) → in-text attribution,
each link looked up in the registry; then a score made of visible parts
(weakest source, attribution kind, modality, corroboration). The numbers live
in ``data/sources/scoring.toml``; ``docs/sources.md`` explains the formula.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..contract import event_to_dict
from ..fold import fold
from ..records import Article, Event
from .registry import Registry, SourceEntry, name_key
from .scoring import category_score, scoring

_CHAIN_SPLIT = re.compile(r"\s*(?:→|->|>|;|\|| via | citing | quoting )\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ChainLink:
    """One hop of a claim's provenance: who passed it on, and what the registry knows of them."""

    role: str  # "outlet", "original source", "attribution"
    name: str
    entry_id: str | None
    reliability: str  # the entry's ratings, "unrated", or "not an outlet" for attributions
    score: float | None  # reliability as a number; None when the link is not an outlet
    state_affiliation: str | None = None
    alignment: str | None = None
    kind: str | None = None  # attribution kind: party, state_media, anonymous, witness, monitor ...


@dataclass(frozen=True)
class CredibilityPart:
    """One factor of the score: what it is, the source it names, its value and why."""

    part: str  # "source", "attribution", "modality", "corroboration", "contested"
    label: str
    value: float
    why: str


@dataclass(frozen=True)
class Credibility:
    """The score in [0, 1], the parts that multiply into it, and the provenance chain."""

    event_id: str
    score: float
    parts: tuple[CredibilityPart, ...]
    chain: tuple[ChainLink, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "score": round(self.score, 3),
                "parts": [asdict(p) | {"value": round(p.value, 3)} for p in self.parts],
                "chain": [asdict(c) for c in self.chain]}


@dataclass(frozen=True)
class Corroboration:
    """What the incident an event belongs to says: other independent sources and contest."""

    incident_id: str | None = None
    independent_sources: tuple[str, ...] = ()  # every root source in the incident, this one's included
    contested: bool = False
    reasons: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def attribution_cues() -> dict[str, tuple[str, ...]]:
    text = resources.files("frontlines").joinpath("data/sources/attribution.yaml").read_text("utf-8")
    return {kind: tuple(fold(c) for c in cues) for kind, cues in yamlfile.load(text).items()}


def attribution_kind(text: str | None) -> str:
    """"none", or the first kind in ``attribution.yaml`` with a cue in ``text``, else "unclassified"."""
    if not text or not text.strip():
        return "none"
    low = f" {fold(text)} "
    for kind, cues in attribution_cues().items():
        if any(f" {c} " in low for c in cues):
            return kind
    return "unclassified"


def entry_score(entry: SourceEntry | None) -> float:
    """An outlet's reliability as a number: the lowest of its ratings, ``unrated`` when it has none."""
    table = scoring()
    values = [category_score(r.list, r.category) for r in entry.ratings] if entry else []
    known = [v for v in values if v is not None]
    return float(min(known)) if known else float(table["unrated"])


def _source_link(role: str, name: str, entry: SourceEntry | None) -> ChainLink:
    return ChainLink(role=role, name=entry.name if entry else name, entry_id=entry.id if entry else None,
                     reliability=entry.reliability if entry else "unrated", score=entry_score(entry),
                     state_affiliation=entry.state_affiliation if entry else None,
                     alignment=entry.alignment if entry else None)


def _as_dict(event: Event | dict[str, Any]) -> dict[str, Any]:
    return event_to_dict(event) | {"article_id": event.article_id} if isinstance(event, Event) else event


def _article_meta(event: dict[str, Any], article: Article | dict[str, Any] | None) -> dict[str, Any]:
    if isinstance(article, Article):
        return {"outlet": article.outlet, "original_source": article.original_source, "url": article.url,
                "published": article.published.isoformat() if article.published else None}
    return dict(article or event.get("article") or {})


def split_chain(original_source: str | None) -> list[str]:
    """A republication chain written as one string ("A via B", "A → B", "A; B") → its names in order."""
    return [p.strip(" -–—") for p in _CHAIN_SPLIT.split(original_source or "") if p.strip(" -–—")]


def provenance_chain(event: Event | dict[str, Any], article: Article | dict[str, Any] | None = None, *,
                     registry: Registry) -> tuple[ChainLink, ...]:
    """Outlet → original source(s) → in-text attribution, each with what the registry knows."""
    ev = _as_dict(event)
    meta = _article_meta(ev, article)
    links: list[ChainLink] = []
    outlet = meta.get("outlet")
    url = meta.get("url")
    if outlet or url:
        entry = registry.lookup(outlet, url=url)
        links.append(_source_link("outlet", outlet or (entry.name if entry else str(url)), entry))
    for name in split_chain(meta.get("original_source")):
        links.append(_source_link("original source", name, registry.lookup(name)))
    attribution = ev.get("attribution")
    if attribution:
        named = registry.find_in_text(attribution)
        kind = attribution_kind(attribution)
        links.append(ChainLink(role="attribution", name=attribution, entry_id=named.id if named else None,
                               reliability=named.reliability if named else "not an outlet",
                               score=entry_score(named) if named else None,
                               state_affiliation=named.state_affiliation if named else None,
                               alignment=named.alignment if named else None, kind=kind))
    return tuple(links)


def root_source(event: Event | dict[str, Any], article: Article | dict[str, Any] | None = None, *,
                registry: Registry) -> str:
    """Who first published the claim: the last outlet in the chain (original source, else outlet).

    Two reports with the same root are one source, not two: a republication does not corroborate.
    """
    ev = _as_dict(event)
    meta = _article_meta(ev, article)
    chain = split_chain(meta.get("original_source"))
    if chain:
        name, entry = chain[-1], registry.lookup(chain[-1])
    else:
        name, entry = meta.get("outlet") or "", registry.lookup(meta.get("outlet"), url=meta.get("url"))
    if entry is not None:
        return entry.id
    return name_key(name) or f"article:{ev.get('article_id', '?')}"


def credibility(event: Event | dict[str, Any], article: Article | dict[str, Any] | None = None, *,
                registry: Registry, corroboration: Corroboration | None = None) -> Credibility:
    """The event's credibility with its parts; ``corroboration`` comes from its incident, if any."""
    table = scoring()
    ev = _as_dict(event)
    chain = provenance_chain(ev, article, registry=registry)
    parts: list[CredibilityPart] = []
    sources = [c for c in chain if c.score is not None]
    if sources:
        weakest = min(sources, key=lambda c: c.score or 0.0)
        names = " → ".join(c.name for c in chain if c.role != "attribution" or c.entry_id)
        parts.append(CredibilityPart("source", weakest.name, weakest.score or 0.0,
                                     f"weakest link of {names}: {weakest.reliability}"))
    else:
        parts.append(CredibilityPart("source", "unknown outlet", float(table["unrated"]),
                                     "no outlet recorded for the article: unrated"))
    attribution = next((c for c in chain if c.role == "attribution"), None)
    kind = attribution.kind if attribution else "none"
    parts.append(CredibilityPart(
        "attribution", attribution.name if attribution else "none stated",
        float(table["attribution"][kind or "unclassified"]),
        f"attribution kind: {kind}" + (" (a party to the conflict speaking)" if kind == "party" else "")
        if attribution else "the report gives no source: the outlet's own account"))
    modality = ev.get("modality") or "asserted"
    parts.append(CredibilityPart("modality", modality, float(table["modality"].get(modality, 1.0)),
                                 f"the report {modality} it"))
    score = 1.0
    for p in parts:
        score *= p.value
    corr = corroboration or Corroboration()
    others = max(0, len(corr.independent_sources) - 1)
    per = float(table["corroboration"]["per_source"])
    boosted = 1 - (1 - score) * (1 - per) ** others
    parts.append(CredibilityPart(
        "corroboration", f"{others} other independent source(s)", boosted / score if score else 1.0,
        f"incident {corr.incident_id}: independent sources {', '.join(corr.independent_sources)}" if others
        else "no other independent source reports this happening"))
    score = boosted
    if corr.contested:
        factor = float(table["corroboration"]["contested"])
        parts.append(CredibilityPart("contested", "contested", factor, "; ".join(corr.reasons) or "contested"))
        score *= factor
    return Credibility(event_id=str(ev.get("id", "")), score=max(0.0, min(1.0, score)), parts=tuple(parts),
                       chain=chain)
