"""find_places on short texts: recognition rules, resolution by context, relative phrases."""

from __future__ import annotations

from frontlines.geo import lies_in_gap, resolve_name

from .conftest import parse_places


def _one(places, text):
    found = [p for p in places if p.text == text]
    assert len(found) == 1, [(p.text, p.name) for p in places]
    return found[0]


def test_document_context_picks_the_syrian_palmyra(nlp, gazetteer):
    places = parse_places(nlp, "Government troops advanced from Homs towards Palmyra on Sunday.", gazetteer)
    assert _one(places, "Palmyra").country_code == "SY"


def test_american_context_picks_the_american_palmyra(nlp, gazetteer):
    text = "Police in Rochester and Buffalo said the fire near Palmyra, New York, was under control."
    assert _one(parse_places(nlp, text, gazetteer), "Palmyra").country_code == "US"


def test_name_after_town_of_is_a_place_whatever_ner_says(nlp, gazetteer):
    places = parse_places(nlp, "Warplanes struck a convoy north of the town of Sukhna in Syria.", gazetteer)
    assert _one(places, "Sukhna").name == "As Sukhnah"


def test_direction_phrase_gives_near_precision(nlp, gazetteer):
    places = parse_places(nlp, "Warplanes struck a convoy north of the town of Sukhna in Syria.", gazetteer)
    sukhna = _one(places, "Sukhna")
    assert (sukhna.precision, sukhna.relation, sukhna.anchor) == ("near", "north of", "As Sukhnah")


def test_countryside_phrase_gives_region_precision(nlp, gazetteer):
    places = parse_places(nlp, "The army took the reserve in the eastern countryside of Palmyra, Syria.", gazetteer)
    palmyra = _one(places, "Palmyra")
    assert (palmyra.precision, palmyra.relation) == ("region", "eastern countryside of")


def test_a_place_lies_in_the_province_named_five_words_after_it(nlp, gazetteer):
    assert lies_in_gap(["in", "the", "eastern", "countryside", "of"])
    assert not lies_in_gap(["in", "the", "far", "eastern", "countryside", "of"])
    places = parse_places(nlp, "A mine went off at Basira in the southern countryside of Deir ez-Zor.", gazetteer)
    assert (_one(places, "Basira").country_code, _one(places, "Basira").admin1) == ("SY", "Dayr az Zawr")


def test_a_name_written_with_an_apostrophe_is_a_word(nlp, gazetteer):
    places = parse_places(nlp, "Shelling hit the western countryside of Dar'a overnight.", gazetteer)
    assert _one(places, "Dar'a").country_code == "SY"


def test_between_phrase_marks_both_ends(nlp, gazetteer):
    places = parse_places(nlp, "Clashes were reported between Homs and the town of Palmyra in Syria.", gazetteer)
    assert _one(places, "Homs").relation == "between"
    assert _one(places, "Palmyra").relation == "between"


def test_province_resolves_to_first_level_area(nlp, gazetteer):
    places = parse_places(nlp, "Fighting continued in Idlib province, Syria, on Monday.", gazetteer)
    idlib = _one(places, "Idlib")
    assert idlib.feature_code == "ADM1" and idlib.precision == "region"


def test_unknown_transliteration_without_support_is_not_a_far_away_place(nlp, gazetteer):
    places = parse_places(nlp, "He said the Zorbaqistan militia met Qarbuzan.", gazetteer)
    assert all(p.precision in ("unresolved", "country") or p.country_code is None for p in places)


def test_demonym_is_not_a_place_to_pin_events_on(nlp, gazetteer):
    places = parse_places(nlp, "Iraqi forces entered the city.", gazetteer)
    iraqi = _one(places, "Iraqi")
    assert iraqi.relation == "demonym" and iraqi.country_code == "IQ"


def test_abbreviation_of_a_country(nlp, gazetteer):
    places = parse_places(nlp, "The U.S. embassy in Baghdad was attacked.", gazetteer)
    assert _one(places, "U.S.").country_code == "US"


def test_common_names_of_countries_and_regions_news_uses(nlp, gazetteer):
    places = parse_places(nlp, "Shelling hit towns in eastern Ghouta. The tulips came from Holland.", gazetteer)
    ghouta = _one(places, "Ghouta")
    assert (ghouta.name, ghouta.country_code, ghouta.precision) == ("Eastern Ghouta", "SY", "region")
    assert _one(places, "Holland").country_code == "NL"


def test_british_counties_and_the_white_house_from_data_geo(nlp, gazetteer):
    places = parse_places(nlp, "The race moves to Croft, Yorkshire, then to Rockingham, Northamptonshire.", gazetteer)
    assert {_one(places, n).country_code for n in ("Yorkshire", "Northamptonshire")} == {"GB"}
    places = parse_places(nlp, "The U.S. president spoke from the White House on Monday.", gazetteer)
    house = _one(places, "White House")
    assert (house.country_code, house.feature_code, round(house.lat)) == ("US", "BLDG", 39)
    # "White House aides": an organisation, not a place, unless the text calls it one
    assert not [p for p in parse_places(nlp, "White House aides declined to comment.", gazetteer) if p.name]


def test_a_newspaper_named_after_a_city_names_the_city(nlp, gazetteer):
    places = parse_places(nlp, "The Washington Post said the Kyiv Post had the story first.", gazetteer)
    assert _one(places, "Washington").feature_code == "PPLC"
    assert _one(places, "Kyiv").feature_code == "PPLC"


def test_the_towns_a_road_is_named_after_are_near_the_event(nlp, gazetteer):
    places = parse_places(nlp, "Gunmen blocked the Damboa-Maiduguri road on Monday.", gazetteer)
    damboa = _one(places, "Damboa")
    assert (damboa.relation, damboa.precision, damboa.country_code) == ("road between", "near", "NG")


def test_resolve_name_with_country_hint(gazetteer):
    place = resolve_name("Deir ez-Zor", gazetteer=gazetteer, country_hint="SY")
    assert place is not None and place.country_code == "SY"


def test_resolve_name_of_nothing_is_none(gazetteer):
    assert resolve_name("Qqqzzzx", gazetteer=gazetteer) is None


def test_a_name_spacy_tags_only_in_part_grows_to_the_gazetteer_name(nlp, gazetteer):
    places = parse_places(nlp, "Late on Tuesday in Catole do Rocha, Paraiba, a shopkeeper was robbed at gunpoint.", gazetteer)
    catole = _one(places, "Catole do Rocha")
    assert catole.name == "Catolé do Rocha" and catole.country_code == "BR"
    assert catole.evidence.rule.endswith("+gazetteer:extended")


def test_a_parenthesised_district_and_province_after_a_village_are_places(nlp, gazetteer):
    text = "Militants attacked a base near Gaduud village (Diinsoor, Bay) on Friday."
    diinsoor = _one(parse_places(nlp, text, gazetteer), "Diinsoor")
    assert diinsoor.country_code == "SO" and diinsoor.evidence.rule == "gazetteer:admin-list"


def test_a_parenthesised_acronym_is_not_a_place_list(nlp, gazetteer):
    text = "Amtrak and Virginia Rail Express (VRE) stop at Old Town Manassas."
    assert not any(p.text == "VRE" for p in parse_places(nlp, text, gazetteer))


def test_two_transliterated_names_of_one_area_support_each_other(nlp, gazetteer):
    text = "A roadside bomb went off close to Ein Issa town in Ar-Raqqa countryside on Monday."
    places = parse_places(nlp, text, gazetteer)
    assert _one(places, "Ein Issa").country_code == "SY"
    assert _one(places, "Ar-Raqqa").name == "Ar Raqqah"


def test_a_unit_title_after_a_known_name_is_not_part_of_it(nlp, gazetteer):
    text = "Early on Friday, in Maungdaw Township, Rakhine State, police detained two fishermen."
    maungdaw = _one(parse_places(nlp, text, gazetteer), "Maungdaw")
    assert maungdaw.country_code == "MM" and maungdaw.evidence.rule.endswith(":unit-title")
