"""Look-alike spellings beside a place named as written, one-step spellings, province codes filled from
neighbours, names that are never places, hyphenated names, and a town that stands for its province."""

from __future__ import annotations

from frontlines.events.places import _other_province
from frontlines.geo.build import _nearest_codes
from frontlines.geo.gazetteer import Entry
from frontlines.geo.recognize import find_mentions
from frontlines.geo.resolve import base_score, close_spelling, written_prior
from frontlines.records import Candidate, Place

# Invented places: Edoras, a village named as written; Edras, a city of a million one of whose names folds
# to the same transliteration key.
EDORAS = Entry(1, "Edoras", 10.0, 10.0, "RH", "01", "P", "PPL", 0)
EDRAS = Entry(2, "Edras", 40.0, 40.0, "GG", "02", "P", "PPL", 1_000_000, kind=3, form="Edoras")


def test_a_look_alike_never_outranks_a_place_named_as_written_by_its_size():
    cap = written_prior([EDORAS, EDRAS])
    assert base_score(EDRAS, "Edoras") > base_score(EDORAS, "Edoras")  # uncapped, size wins
    assert base_score(EDRAS, "Edoras", cap) < base_score(EDORAS, "Edoras", cap)


def test_no_cap_where_nothing_is_named_as_written():
    assert written_prior([EDRAS]) is None


def test_a_spelling_one_vowel_away_counts_as_the_name():
    near = Entry(3, "Osgiliath", 0.0, 0.0, "GG", "01", "P", "PPL", 500_000, kind=2, form="Osgiliyath")
    far = Entry(4, "Osgul", 0.0, 0.0, "GG", "01", "P", "PPL", 500_000, kind=2, form="Osgul")
    assert close_spelling("Osgiliath", near) and not close_spelling("Osgiliath", far)


def test_a_place_without_a_province_code_takes_its_neighbours_when_most_agree():
    known = [(10.0, 10.0, "01"), (10.01, 10.0, "01"), (10.0, 10.02, "01"), (10.02, 10.02, "02")]
    todo = [(7, 10.01, 10.01), (8, 12.0, 12.0)]  # 8 lies 300 km from any known place
    assert _nearest_codes(known, todo) == [("01", 7)]
    split = [(10.0, 10.0, "01"), (10.01, 10.0, "02")]
    assert _nearest_codes(split, [(9, 10.005, 10.0)]) == []  # one each: no majority


def test_names_that_alone_are_never_places(nlp, gazetteer):
    doc = nlp("Three Katyusha rockets fell near Baghdad.")
    assert "Katyusha" not in {m.text for m in find_mentions(doc, gazetteer=gazetteer)}


def test_a_name_tagged_in_part_grows_across_a_hyphen_inside_the_word(nlp, gazetteer):
    text = "A choir sang in Ivano-Frankivsk on Friday."
    doc = nlp(text)
    start = text.index("Ivano")
    doc.ents = [doc.char_span(start, start + len("Ivano"), label="GPE")]
    assert "Ivano-Frankivsk" in {m.text for m in find_mentions(doc, gazetteer=gazetteer)}


def test_a_cue_counts_before_a_direction_word(nlp, gazetteer):
    text = "A ferry docked in central Thessaloniki on Monday."
    doc = nlp(text)
    start = text.index("Thessaloniki")
    doc.ents = [doc.char_span(start, start + len("Thessaloniki"), label="PERSON")]
    assert "Thessaloniki" in {m.text for m in find_mentions(doc, gazetteer=gazetteer)}


def _place(name: str, code: str, admin1: str, candidates: tuple[Candidate, ...] = ()) -> Place:
    return Place(name, 0, len(name), name, 1, 0.0, 0.0, "GG", admin1, code, "point", candidates=candidates)


def test_a_town_named_like_its_province_stands_for_it():
    province = Candidate(9, "Anorien", 1.0, 1.0, "GG", "ADM1", 50_000, 3.0)
    town = _place("Anorien", "PPL", "03", (Candidate(8, "Anorien", 0.0, 0.0, "GG", "PPL", 90_000, 4.0), province))
    village = _place("Amon Din", "PPL", "05")
    assert _other_province(village, town)
    assert not _other_province(_place("Amon Din", "PPL", "03"), town)
    capital = _place("Anorien", "PPLC", "03", town.candidates)  # a capital often lies in a district of its own
    assert not _other_province(village, capital)
    plain = _place("Anorien", "PPL", "03", town.candidates[:1])  # no province of that name
    assert not _other_province(village, plain)


def test_an_ezafe_name_grows_to_the_gazetteer_s_own_spelling(nlp, gazetteer):
    text = "A bomb hit a vehicle in Nawa-e Barakzayi district on Friday."
    doc = nlp(text)
    start = text.index("Nawa")
    doc.ents = [doc.char_span(start, start + len("Nawa"), label="GPE")]
    assert "Nawa-e Barakzayi" in {m.text for m in find_mentions(doc, gazetteer=gazetteer)}
