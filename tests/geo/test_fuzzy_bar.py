"""The bar a transliteration-only match must clear, and names the text alone calls places."""

from __future__ import annotations

import pytest

from frontlines.geo.names import plausible_variant, variant_distance
from frontlines.geo.resolve import resolve_all

from .conftest import parse_places


@pytest.mark.parametrize(("mention", "name"), [
    ("Deir Ez Zour", "Dayr az Zawr"), ("Sukhna", "As Sukhnah"), ("Abu Kamal", "Ālbū Kamāl"), ("Homs", "Ḩimş"),
    ("Idleb", "Idlib"), ("Sweida", "As Suwayda"),
])
def test_transliteration_variants_clear_the_bar(mention, name):
    assert plausible_variant(mention, name)


@pytest.mark.parametrize(("mention", "name"), [
    ("Talila", "Tililan"), ("Talila", "Tororo"), ("Ashulia", "Shella"), ("Arada", "Allada"), ("Aqareb", "Agareb"),
])
def test_look_alikes_do_not(mention, name):
    assert not plausible_variant(mention, name)


def test_vowel_changes_cost_less_than_consonant_changes():
    assert variant_distance("Kabul", "Kabol") < variant_distance("Kabul", "Kabur")


def test_reserve_is_not_resolved_to_a_look_alike_town(nlp, gazetteer):
    text = "The Army took control of Talila Natural Reserve, located in the eastern countryside of Palmyra."
    reserve = [p for p in parse_places(nlp, text, gazetteer) if p.text == "Talila Natural Reserve"]
    assert reserve and reserve[0].precision == "unresolved"


def test_village_named_with_its_place_noun_is_kept_unresolved(nlp, gazetteer):
    text = "Yemeni forces took control of the villages of Qarbuzan, Zorbaqi and Tulkiran."
    assert "Qarbuzan" in {p.text for p in parse_places(nlp, text, gazetteer) if p.precision == "unresolved"}


def test_names_listed_after_villages_including_are_places(nlp, gazetteer):
    text = "Control over several villages, including Jeb Saad, Rasm Amun and Hanitha, was established."
    texts = {p.text for p in parse_places(nlp, text, gazetteer)}
    assert {"Jeb Saad", "Rasm Amun", "Hanitha"} <= texts


def test_hyphen_fragment_is_not_a_place(nlp, gazetteer):
    text = "Police detained three men near Bala Kot in the Pul-e Khumri area of Baghlan."
    assert "Pul" not in {p.text for p in parse_places(nlp, text, gazetteer)}


def test_place_after_a_comma_is_looked_for_in_the_named_town(nlp, gazetteer):
    text = "Two men were wounded in a shooting in Maracas, Tunapuna, on Friday night."
    maracas = [p for p in parse_places(nlp, text, gazetteer) if p.text == "Maracas"]
    assert maracas and maracas[0].country_code in (None, "TT")


def test_town_abroad_cannot_lie_in_the_area_the_text_names(gazetteer):
    ara, daraa = resolve_all(["Ara", "Daraa"], gazetteer, containers=[(1, True), None])
    assert daraa.entry is not None and daraa.entry.country_code == "SY"
    assert ara.entry is None or ara.entry.country_code == "SY"


def test_a_comma_list_of_big_cities_is_not_containment(gazetteer):
    paris, london = resolve_all(["Paris", "London"], gazetteer, containers=[(1, False), None])
    assert paris.entry is not None and paris.entry.country_code == "FR"


def test_an_unknown_container_passes_on_the_one_it_lies_in(gazetteer):
    res = resolve_all(["La Candelaria", "Libertador", "Caracas"], gazetteer,
                      containers=[(1, False), (2, True), None])
    assert res[2].entry is not None and res[2].entry.country_code == "VE"
    assert res[0].entry is None or res[0].entry.country_code == "VE"
