"""Assembly over one text with a fixed trigger table: the real actor dictionary and parse, invented places
and no dates. Shared by the role tests (test_acled_roles, test_news_roles)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from frontlines.actors import find_actors
from frontlines.events.assemble import Stages, assemble
from frontlines.events.typings import Typing
from frontlines.records import Article, DateInfo, Event, OffsetMap, Place


def stages_for(triggers: dict[str, tuple[str, str]]) -> Stages:
    """Stages whose typer types each word of ``triggers`` (event type, sub-event type) and nothing else."""
    def classify(sent: Any) -> list[Typing]:
        return [Typing(*triggers[t.text], None, None, t.idx, t.idx + len(t), t.text, t.i, f"test#{t.text}", 0.8)
                for t in sent if t.text in triggers]

    def no_date(text: str, *, published: Any) -> DateInfo:
        return DateInfo(None, None, None, "none")

    return Stages(classify=classify, find_actors=find_actors, resolve_date=no_date)


def town(text: str, cc: str) -> Place:
    return Place(text=text, start=0, end=0, name=text, geonameid=abs(hash(text)) % 10**6 + 1, lat=None, lon=None,
                 country_code=cc, admin1=None, feature_code="PPL", precision="point")


def assembler(nlp: Any, actors: Any, stages: Stages) -> Callable[[str, dict[str, str]], list[Event]]:
    """``go(text, {town: country code})``: the events assembled from ``text``, each town placed where it occurs."""
    def go(text: str, towns: dict[str, str]) -> list[Event]:
        article = Article(id="a1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                          published=dt.date(2020, 5, 9))
        places = sorted((replace(town(name, cc), start=m.start(), end=m.end())
                         for name, cc in towns.items() for m in re.finditer(re.escape(name), text)),
                        key=lambda p: p.start)
        return assemble(nlp(text), article, places, actors=actors, stages=stages)

    return go


def single_event(go: Callable[[str, dict[str, str]], list[Event]]) -> Callable[[str, dict[str, str]], Event]:
    """``one(text, towns)``: the one event ``go`` (an :func:`assembler`) gives for ``text``; fails unless exactly one."""
    def one(text: str, towns: dict[str, str]) -> Event:
        events = go(text, towns)
        assert len(events) == 1, events
        return events[0]

    return one
