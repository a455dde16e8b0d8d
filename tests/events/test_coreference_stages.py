"""coreference: a demonstration told in stages is one incident (one-demonstration), a repeated sentence one event
(repeated-text), "the poisoning" names one told."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontlines.events.coreference import Draft, Incidents
from frontlines.records import Actor, Event, Place

TYPES = {"Peaceful protest": "Protests", "Violent demonstration": "Riots",
         "Looting/property destruction": "Strategic developments", "Armed clash": "Battles"}
MINAS_TIRITH = Place("Minas Tirith", 0, 12, "Minas Tirith", 101, 31.0, 35.0, "GO", "01", "PPLA", "city")
CITADEL = Place("the Citadel", 0, 11, "Citadel", 102, 31.01, 35.01, "GO", "01", "PPLX", "city")
OSGILIATH = Place("Osgiliath", 0, 9, "Osgiliath", 103, 31.5, 35.5, "GO", "01", "PPL", "city")
ROHIRRIM = Actor("Rohirrim", "rohirrim", 3)


def _draft(sub: str, n: int, *, place: Place | None = None, day: int | None = None,
           actor1: Actor | None = None) -> Draft:
    event = Event(f"e{n}", "a1", TYPES[sub], sub, None, actor1, None, (), place, None,
                  dt.date(2024, 5, day) if day else None, 1 if day else None, 0, "asserted", None,
                  f"sentence {n}", n * 100, n * 100 + 50, 0.9,
                  {"place": "place:same-clause" if place else "place:none"})
    return Draft(event, n, n * 20, own_date=day is not None)


def _incidents(*drafts: Draft) -> list[list[str]]:
    book = Incidents(short=False)
    for d in drafts:
        book.add(d)
    return [[d.joined or "first" for d in inc.drafts] for inc in book.items]


def test_a_march_on_the_riots_day_and_place_is_the_riot():
    riot = _draft("Violent demonstration", 1, place=MINAS_TIRITH, day=20)
    march = _draft("Peaceful protest", 4, place=CITADEL, day=20)
    assert _incidents(riot, march) == [["first", "one-demonstration"]]


def test_a_march_on_another_day_or_at_another_place_is_another_protest():
    riot = _draft("Violent demonstration", 1, place=MINAS_TIRITH, day=20)
    assert len(_incidents(riot, _draft("Peaceful protest", 4, place=CITADEL, day=21))) == 2
    assert len(_incidents(riot, _draft("Peaceful protest", 4, place=OSGILIATH, day=20))) == 2
    assert len(_incidents(riot, _draft("Peaceful protest", 4, place=CITADEL))) == 2


def test_property_its_crowd_destroyed_is_the_riot():
    riot = _draft("Violent demonstration", 1, place=MINAS_TIRITH, day=20)
    assert _incidents(riot, _draft("Looting/property destruction", 6)) == [["first", "one-demonstration"]]


def test_property_an_armed_group_destroyed_or_a_peaceful_protest_stays_apart():
    riot = _draft("Violent demonstration", 1, place=MINAS_TIRITH, day=20)
    assert len(_incidents(riot, _draft("Looting/property destruction", 6, actor1=ROHIRRIM))) == 2
    march = _draft("Peaceful protest", 1, place=MINAS_TIRITH, day=20)
    assert len(_incidents(march, _draft("Looting/property destruction", 6))) == 2


def test_the_poisoning_names_a_poisoning_told_before(nlp):
    from frontlines.events.coreference import refers_back
    doc = nlp("Gondor blamed Mordor for the poisoning of an envoy in Osgiliath.")
    assert refers_back(next(t for t in doc if t.text == "poisoning")) == "the poisoning"
    doc = nlp("Orcs poisoned an envoy in Osgiliath.")
    assert refers_back(next(t for t in doc if t.text == "poisoned")) is None


def test_a_sentence_the_page_repeats_is_the_same_event():
    first = _draft("Armed clash", 1)
    again = replace(_draft("Armed clash", 9), event=replace(_draft("Armed clash", 9).event, sentence="sentence 1"))
    assert _incidents(first, again) == [["first", "repeated-text"]]
    assert "repeated-text" not in sum(_incidents(first, _draft("Armed clash", 9)), [])
