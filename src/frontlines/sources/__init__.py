"""Sources: the outlet registry, claim provenance and credibility, corroboration, territorial control.

Public API (all pure functions over event records / contract dicts, plus thin store wrappers):

- ``load_registry(settings=None, *, user_file=None) -> Registry``; ``Registry.lookup(name, url=...)``
- ``add_entry(path, row) -> SourceEntry`` (what ``frontlines sources add`` calls)
- ``provenance_chain(event, article=None, *, registry) -> tuple[ChainLink, ...]``
- ``credibility(event, article=None, *, registry, corroboration=None) -> Credibility``
- ``link_incidents(events, *, km, days, registry=None) -> list[Incident]``
- ``report_credibility(incident, events, *, registry) -> list[dict]`` (each report's score and parts)
- ``update_incidents(store, settings) -> int`` (saves derived "incident" and "credibility" records)
- ``control_as_of(events_or_store, *, date, bbox=None) -> list[ControlRecord]``; ``to_geojson(records)``
"""

from __future__ import annotations

from .control import Claim, ControlRecord, control_as_of, to_geojson
from .corroborate import (
    Incident,
    Report,
    corroboration_of,
    link_incidents,
    report_credibility,
    update_incidents,
)
from .credibility import ChainLink, Corroboration, Credibility, CredibilityPart, credibility, provenance_chain
from .registry import Rating, Registry, SourceEntry, add_entry, load_registry

__all__ = [
    "ChainLink", "Claim", "ControlRecord", "Corroboration", "Credibility", "CredibilityPart", "Incident",
    "Rating", "Registry", "Report", "SourceEntry", "add_entry", "control_as_of", "corroboration_of",
    "credibility", "link_incidents", "load_registry", "provenance_chain", "report_credibility", "to_geojson",
    "update_incidents",
]
