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


def test_a_day_as_possessive_names_an_incident_told_before(nlp):
    # issue 11, articles32: "Saturday's attack" goes back to the attack of that day
    from frontlines.events.coreference import refers_back
    doc = nlp("The orcs of Mordor claimed responsibility for Saturday's raid on Osgiliath.")
    assert refers_back(next(t for t in doc if t.text == "raid")) == "Saturday's raid"
    doc = nlp("The orcs of Mordor claimed responsibility for a raid on Osgiliath on Saturday.")
    assert refers_back(next(t for t in doc if t.text == "raid")) is None
    doc = nlp("The orcs of Mordor claimed responsibility for Gothmog's raid on Osgiliath.")
    assert refers_back(next(t for t in doc if t.text == "raid")) is None  # a person's raid: no day named


def test_a_sentence_the_page_repeats_is_the_same_event():
    first = _draft("Armed clash", 1)
    again = replace(_draft("Armed clash", 9), event=replace(_draft("Armed clash", 9).event, sentence="sentence 1"))
    assert _incidents(first, again) == [["first", "repeated-text"]]
    assert "repeated-text" not in sum(_incidents(first, _draft("Armed clash", 9)), [])


def test_a_toll_dated_to_an_earlier_year_is_another_incident():
    # issue 11, articles32: "Last year, a bombing at a seminary in Osgiliath killed eight" after Saturday's clash
    clash = _draft("Armed clash", 1, place=OSGILIATH, day=20)
    last_year = replace(_draft("Armed clash", 5, place=OSGILIATH), outcome=True)
    last_year = replace(last_year, event=replace(last_year.event, sentence="Last year, a raid on Osgiliath killed eight."))
    assert len(_incidents(clash, last_year)) == 2
    same_year = replace(last_year, event=replace(last_year.event, sentence="The raid on Osgiliath killed eight."))
    assert _incidents(clash, same_year) == [["first", "outcome"]]


def test_the_next_sentence_by_unnamed_attackers_goes_on_telling_it():
    # issue 11, articles32: "Rohirrim stormed Osgiliath ... The attackers arrived at dawn and opened fire"
    stormed = _draft("Armed clash", 1, place=OSGILIATH, day=20, actor1=ROHIRRIM)
    unnamed = _draft("Armed clash", 2, actor1=Actor("Unidentified Armed Group (Gondor)", "unidentified-armed-group-gondor", 3))
    assert _incidents(stormed, unnamed) == [["first", "next-sentence"]]
    named = _draft("Armed clash", 2, actor1=Actor("Dunlendings", "dunlendings", 3))
    assert len(_incidents(stormed, named)) == 2


def test_what_the_raiders_named_looted_is_their_raid():
    # issue 11, articles32: "Rohirrim stormed Osgiliath ... the riders looted the market"
    raid = _draft("Armed clash", 1, place=OSGILIATH, day=20, actor1=ROHIRRIM)
    assert _incidents(raid, _draft("Looting/property destruction", 3, actor1=ROHIRRIM)) == [["first", "raid-damage"]]
    gunmen = Actor("Unidentified Armed Group (Gondor)", "unidentified-armed-group-gondor", 3)
    assert len(_incidents(raid, _draft("Looting/property destruction", 3, actor1=gunmen))) == 2
    assert len(_incidents(raid, _draft("Looting/property destruction", 3, actor1=ROHIRRIM, day=27))) == 2
