"""Events: ACLED/PLOVER typing, roles, modality, attribution, assembly.

(Owner: events. Interface only until filled in.)
"""

from __future__ import annotations

from typing import Any

from ..records import Article, Event, Place


def extract_events(doc: Any, article: Article, places: list[Place], *, actors: Any) -> list[Event]:
    """Events of a parsed article, one per (happening, place)."""
    return []
