"""A name found by its transliteration key: grown only by words it did not hold, and cued by the road it ends."""

from __future__ import annotations

from frontlines.geo.gazetteer import PlaceRow
from frontlines.geo.recognize import find_mentions

# Invented places: Dol-Amroth, a port of Gondor, and Indolamroth, a hamlet whose name folds to the same
# transliteration key as "In Dol-Amroth"; Ad Duhar, a town, spelt "Al Duhar" in the text.
DOL_AMROTH = PlaceRow(-61, "Dol-Amroth", 10.0, 10.0, "GG", "01", "P", "PPL", 80_000)
INDOLAMROTH = PlaceRow(-62, "Indolamroth", 30.0, 30.0, "GG", "02", "P", "PPL", 0)
AD_DUHAR = PlaceRow(-63, "Ad Duhar", 11.0, 11.0, "GG", "01", "P", "PPL", 20_000)


def test_the_word_opening_a_sentence_does_not_grow_a_hyphenated_name(nlp, gazetteer_of):
    gaz = gazetteer_of((DOL_AMROTH, INDOLAMROTH))
    text = "In Dol-Amroth city, orcs burned the harbour on Saturday."
    doc = nlp(text)
    start = text.index("Dol-Amroth")
    doc.ents = [doc.char_span(start, start + len("Dol-Amroth"), label="GPE")]
    assert "Dol-Amroth" in {m.text for m in find_mentions(doc, gazetteer=gaz)}


def test_the_road_to_a_town_names_it_a_place_in_any_spelling(nlp, gazetteer_of):
    gaz = gazetteer_of((AD_DUHAR,))
    doc = nlp("Gondor's army advanced along the road to Al Duhar on Sunday.")
    doc.ents = []
    assert "Al Duhar" in {m.text for m in find_mentions(doc, gazetteer=gaz)}
    doc = nlp("Gondor's army advanced and Al Duhar welcomed it on Sunday.")
    doc.ents = []
    assert "Al Duhar" not in {m.text for m in find_mentions(doc, gazetteer=gaz)}
