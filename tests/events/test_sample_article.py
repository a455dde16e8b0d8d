"""Golden tests: the sample article (and a fictional one) through the real Pipeline.

Each test checks one event the issue says the sample article gives. They exercise every
stage (cleaning, places, actors, typing, dates, assembly) with general rules: the fictional
article below checks the same rules on other names and places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from frontlines.records import Article, Event, OffsetMap, RawDoc

pytestmark = pytest.mark.golden


def _article(text: str, source: str, published: dt.date) -> Article:
    from frontlines.ingest import build_article

    try:
        article = build_article(RawDoc(source=source, text=text))
    except NotImplementedError:  # ingest not there yet: the text as is, dated as its dateline says
        return Article(id=source, raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                       published=published)
    return article if article.published else replace(article, published=published)


def _events(pipeline, text: str, source: str, published: dt.date) -> list[Event]:
    return list(next(pipeline.run([_article(text, source, published)])).events)


@pytest.fixture(scope="module")
def sample_events(pipeline, sample_text) -> list[Event]:
    return _events(pipeline, sample_text, "fortruss-2017-06-18", dt.date(2017, 6, 18))


def _name(actor) -> str:
    return actor.name if actor is not None else ""


def find(events: list[Event], sub: str, test: Callable[[Event], bool]) -> list[Event]:
    return [e for e in events if e.sub_event_type == sub and test(e)]


def _place_text(e: Event) -> str:
    if e.place is None:
        return ""
    return " ".join(x for x in (e.place.text, e.place.name or "", e.place.anchor or "") if x)


def _said(e: Event, word: str) -> bool:
    return any(word in m.sentence for m in e.mentions)


def test_air_strike_by_syrian_and_russian_warplanes_on_isis_near_sukhna(sample_events):
    hits = find(sample_events, "Air/drone strike", lambda e: _said(e, "Sukhna"))
    assert hits, "no air strike event for the Sukhna sentence"
    e = hits[0]
    assert "Syria" in _name(e.actor1)
    assert any("Russia" in a.name for a in e.assoc_actors)
    assert "Islamic State" in _name(e.actor2)
    assert "Sukhn" in _place_text(e)
    assert e.modality == "asserted"




def test_air_strike_by_us_forces_on_the_syrian_army(sample_events):
    # US forces in Syria: the US military or, as ACLED codes them there, the US-led coalition (actors.yaml)
    hits = find(sample_events, "Air/drone strike", lambda e: "United States" in _name(e.actor1)
                or (e.actor1 is not None and e.actor1.id == "global-coalition"))
    assert hits
    assert "Syria" in _name(hits[0].actor2)


def test_iraqi_forces_regain_al_waleed(sample_events):
    hits = find(sample_events, "Government regains territory", lambda e: _said(e, "Al Waleed"))
    assert hits
    assert "Iraq" in _name(hits[0].actor1)
    assert hits[0].place is not None and "Waleed" in hits[0].place.text


def test_army_regains_talila_east_of_palmyra(sample_events):
    hits = find(sample_events, "Government regains territory", lambda e: _said(e, "Talila"))
    assert hits
    assert hits[0].place is not None and hits[0].place.name == "Talila Natural Reserve"
    assert hits[0].place.anchor == "Tadmur" and hits[0].geo_precision == 2
    assert hits[0].modality == "claimed"


def test_four_villages_are_four_events(sample_events):
    hits = find(sample_events, "Government regains territory", lambda e: _said(e, "Jeb Saad"))
    assert sorted(e.place.text for e in hits if e.place) == ["Hanitha", "Hasu Al Ablawi", "Jeb Saad", "Rasm Amun"]


def test_armed_clash_between_iraqi_forces_and_isis_in_mosul(sample_events):
    hits = find(sample_events, "Armed clash", lambda e: _said(e, "last bastion"))
    assert hits
    e = hits[0]
    assert "Iraq" in _name(e.actor1)
    assert "Islamic State" in _name(e.actor2)
    assert e.place is not None and e.place.name == "Mosul"
    assert e.modality == "claimed"


def test_meeting_at_the_border_is_a_non_violent_strategic_development(sample_events):
    hits = [e for e in sample_events if e.event_type == "Strategic developments"
            and e.evidence["trigger"].strip("'").lower() in ("met", "meet", "meeting") and _said(e, "border")]
    assert hits


def test_zero_hour_attack_on_abu_kamal_is_planned(sample_events):
    hits = [e for e in sample_events if _said(e, "zero hour") and "Abu Kamal" in _place_text(e)]
    assert hits
    assert all(e.modality == "planned" for e in hits)


def test_four_villages_are_taken_by_the_syrian_government_side(sample_events):
    """The passive "control over ... was established" takes the force of the events just before (the NDF)."""
    hits = find(sample_events, "Government regains territory", lambda e: _said(e, "Jeb Saad"))
    assert len(hits) == 4
    assert all(e.actor1 is not None and e.actor1.id in ("military-forces-of-syria", "ndf") for e in hits)
    assert all("carry:passive-without-agent" in e.evidence["actor1"] for e in hits)


def test_zero_hour_attack_has_the_pmf_as_actor1(sample_events):
    """"the group" / "they" are the PMF the sentence before names."""
    hits = [e for e in sample_events if _said(e, "zero hour") and "Abu Kamal" in _place_text(e)]
    assert hits and all(e.actor1 is not None and e.actor1.id == "pmf" for e in hits)
    assert "carry:anaphor" in hits[0].evidence["actor1"]


def test_three_spellings_of_the_pmf_are_one_actor(pipeline, nlp, sample_text):
    from frontlines.actors import find_actors

    article = _article(sample_text, "fortruss-2017-06-18", dt.date(2017, 6, 18))
    doc = nlp(article.clean_text)
    ids = {a.id for s in doc.sents for a in find_actors(s, article, actors=pipeline.actors)
           if any(k in a.text for k in ("Hashd", "Popular Mobilization"))}
    assert len(ids) == 1 and None not in ids


def test_every_event_has_evidence_and_raw_offsets(sample_events, sample_text):
    assert sample_events
    for e in sample_events:
        assert e.evidence["sub_event_type"] and e.evidence["place"] and e.evidence["modality"]
        assert 0 <= e.start < e.end <= len(sample_text)
        assert 0.0 <= e.confidence <= 1.0


def test_ids_are_stable(pipeline, sample_text, sample_events):
    again = _events(pipeline, sample_text, "fortruss-2017-06-18", dt.date(2017, 6, 18))
    assert [e.id for e in again] == [e.id for e in sample_events]


# ------------------------------------------------------------------ a fictional article: same rules, other names

FICTIONAL = """Government Forces Retake Villages Near Marib

June 3rd, 2019 – Example Wire –

Yemeni government forces took control of the villages of Al Jadaan, Raghwan and Majzar on Sunday.

North of the city of Marib, Saudi and Emirati warplanes struck a convoy of Houthi fighters, killing 12.

Houthi forces shelled the town of Harib, killing dozens of civilians.

A Houthi commander said the group is preparing to attack the city of Marib.

The ministry denied that its forces shelled the market of Sirwah.
"""


@pytest.fixture(scope="module")
def fictional_events(pipeline) -> list[Event]:
    return _events(pipeline, FICTIONAL, "fictional-marib", dt.date(2019, 6, 3))


def test_fictional_villages_are_one_event_each(fictional_events):
    hits = find(fictional_events, "Government regains territory", lambda e: _said(e, "Raghwan"))
    assert len(hits) >= 2
    assert len({e.place.text for e in hits if e.place}) == len(hits)
    assert all(e.place.text in ("Al Jadaan", "Raghwan", "Majzar") for e in hits if e.place)


def test_fictional_air_strike_roles_and_toll(fictional_events):
    hits = find(fictional_events, "Air/drone strike", lambda e: _said(e, "warplanes"))
    assert hits
    e = hits[0]
    # ACLED codes the Saudi-led coalition's forces in Yemen as Operation Restoring Hope (actors.yaml)
    assert "Saudi" in _name(e.actor1) or (e.actor1 is not None and e.actor1.id == "operation-restoring-hope")
    assert any("Arab Emirates" in a.name for a in e.assoc_actors)
    assert e.fatalities == 12


def test_fictional_shelling_dozens_is_twelve(fictional_events):
    hits = find(fictional_events, "Shelling/artillery/missile attack", lambda e: _said(e, "Harib"))
    assert hits and hits[0].fatalities == 12


def test_fictional_planned_attack(fictional_events):
    hits = [e for e in fictional_events if _said(e, "preparing to attack")]
    assert hits and all(e.modality == "planned" for e in hits)


def test_fictional_denied_shelling(fictional_events):
    hits = find(fictional_events, "Shelling/artillery/missile attack", lambda e: _said(e, "denied"))
    assert hits and hits[0].modality == "denied"
