"""Events: ACLED/PLOVER typing, roles, modality, attribution, assembly.

:func:`extract_events` is the pipeline stage: it types each sentence with
:func:`frontlines.events.classify.classify`, finds actor mentions with
:func:`frontlines.actors.find_actors`, dates with :func:`frontlines.time.resolve_date`, and
assembles Event records (see :mod:`frontlines.events.assemble`).
"""

from __future__ import annotations

import importlib
from typing import Any

from ..records import Article, Event, Place

__all__ = ["default_stages", "extract_events"]


def default_stages() -> Any:
    """The real neighbouring stages; a stage whose function is not importable yet is left out (None)."""
    from .assemble import Stages

    def stage(module: str, name: str) -> Any:
        try:
            return getattr(importlib.import_module(module, __name__), name, None)
        except ImportError:
            return None

    return Stages(classify=stage(".classify", "classify"), find_actors=stage("..actors", "find_actors"),
                  resolve_date=stage("..time", "resolve_date"))


def extract_events(doc: Any, article: Article, places: list[Place], *, actors: Any) -> list[Event]:
    """Events of a parsed article, one per (happening, place).

    ``doc`` is the spaCy Doc of ``article.clean_text``; ``places`` come from
    :func:`frontlines.geo.find_places` (raw offsets); ``actors`` is what
    :func:`frontlines.actors.load_actors` returns.
    """
    from .assemble import assemble

    return assemble(doc, article, places, actors=actors, stages=default_stages())
