"""Fixtures for the sources tests: fictional articles with hand-coded events (no extraction involved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from frontlines.records import Actor, Article, Event, OffsetMap, Place, Result
from frontlines.store.base import article_id_for

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"


def _place(key: str, spec: dict[str, Any], text: str, sentence_start: int, sentence: str) -> Place:
    start = text.index(spec["name"], sentence_start) if spec["name"] in sentence else sentence_start
    return Place(text=spec["name"], start=start, end=start + len(spec["name"]), name=spec["name"],
                 geonameid=spec.get("geonameid"), lat=spec["lat"], lon=spec["lon"],
                 country_code=spec.get("country_code"), admin1=None, feature_code=None,
                 precision="point" if spec["lat"] is not None else "unresolved", confidence=0.9)


def _actor(spec: dict[str, Any] | None) -> Actor | None:
    if spec is None:
        return None
    return Actor(name=spec["name"], id=spec["id"], inter=spec["inter"], country=spec.get("country"),
                 rule="fixture")


def build_results(path: Path = FIXTURES / "fictional-articles.yaml") -> list[Result]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    results = []
    for a in data["articles"]:
        text = a["text"]
        article = Article(
            id=article_id_for(text), raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
            source=f"fixture:{a['key']}", title=text.splitlines()[0], published=dt.date.fromisoformat(a["published"]),
            outlet=a.get("outlet"), original_source=a.get("original_source"), url=a.get("url"))
        events = []
        for e in a.get("events", []):
            start = text.index(e["sentence"])
            place = _place(e["place"], data["places"][e["place"]], text, start, e["sentence"]) if e.get("place") else None
            events.append(Event(
                id=f"ev-{e['key']}", article_id=article.id, event_type="Battles", sub_event_type=e["sub_event_type"],
                plover_type=None, actor1=_actor(data["actors"].get(e.get("actor1"))),
                actor2=_actor(data["actors"].get(e.get("actor2"))), assoc_actors=(), place=place,
                geo_precision=1, date=dt.date.fromisoformat(e["date"]) if e.get("date") else None, time_precision=1,
                fatalities=0, modality=e["modality"], attribution=e.get("attribution"), sentence=e["sentence"],
                start=start, end=start + len(e["sentence"]), confidence=0.8))
        results.append(Result(article=article, places=tuple(ev.place for ev in events if ev.place),
                              events=tuple(events)))
    return results


@pytest.fixture(scope="session")
def fictional_results() -> list[Result]:
    return build_results()


@pytest.fixture()
def fictional_store(tmp_db: str, fictional_results: list[Result]):
    from frontlines.store import open_store

    store = open_store(tmp_db)
    for r in fictional_results:
        store.save(r)
    yield store
    store.close()


@pytest.fixture()
def fictional_events(fictional_store) -> list[dict[str, Any]]:
    """The events as the store returns them: contract dicts with their article's outlet and url."""
    return list(fictional_store.iter_events())


@pytest.fixture(scope="session")
def fictional_registry():
    from frontlines.sources import load_registry

    return load_registry(user_file=FIXTURES / "fictional-registry.csv")


@pytest.fixture()
def event_by_key(fictional_events):
    def get(key: str) -> dict[str, Any]:
        return next(e for e in fictional_events if e["id"] == f"ev-{key}")

    return get


@pytest.fixture(autouse=True)
def _no_user_sources_file(monkeypatch, tmp_path_factory):
    """Keep a developer's ~/.config/frontlines/sources.csv out of the tests."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("FRONTLINES_SOURCES_FILE", raising=False)
