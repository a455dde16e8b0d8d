"""The record of an article says why it was not extracted, and which stage failed on it."""

from __future__ import annotations

import pytest

import frontlines.events.assemble
import frontlines.geo
from frontlines.pipeline import Pipeline
from frontlines.records import Article, OffsetMap
from frontlines.settings import load_settings


def _article(text: str, language: str = "en", rule: str = "py3langid:0.99") -> Article:
    return Article(id="a1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                   source="gondor.txt", language=language, meta_evidence=(("language", rule),))


@pytest.fixture()
def pipe() -> Pipeline:
    return Pipeline(load_settings(), nlp=object(), gazetteer=object(), actors=object())  # type: ignore[arg-type]


def test_an_article_skipped_for_its_language_says_so(pipe):
    result = pipe.analyse(_article("Les cavaliers du Rohan ont pris Edoras.", "fr", "py3langid:0.97"), None)
    assert result.events == () and len(result.errors) == 1
    assert result.errors[0].startswith("not extracted: language 'fr' (py3langid:0.97)")


def test_a_failing_stage_is_named_in_the_record(pipe, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("gazetteer row 7 is malformed")

    monkeypatch.setattr(frontlines.geo, "find_places", broken)
    result = pipe.analyse(_article("Orcs attacked Osgiliath."), doc=object())
    assert result.errors == ("places stage failed: ValueError: gazetteer row 7 is malformed",)
    assert result.places == () and result.events == ()


def test_the_places_found_survive_a_failing_event_stage(pipe, monkeypatch):
    monkeypatch.setattr(frontlines.geo, "find_places", lambda *a, **k: [])
    monkeypatch.setattr(frontlines.events.assemble, "extract_events", lambda *a, **k: 1 / 0)
    result = pipe.analyse(_article("Orcs attacked Osgiliath."), doc=object())
    assert result.errors == ("events stage failed: ZeroDivisionError: division by zero",)


def test_a_batch_that_cannot_be_typed_together_is_typed_article_by_article(pipe, monkeypatch):
    from frontlines.events.classify import EventTyper

    class Doc:
        sents = ()

    assert pipe.type_docs({"a1": Doc(), "a2": Doc()}) == {"a1": [], "a2": []}
    monkeypatch.setattr(EventTyper, "read_docs", lambda *a, **k: 1 / 0)
    assert pipe.type_docs({"a1": Doc()}) == {}  # analyse() then types (and reports) each article alone
