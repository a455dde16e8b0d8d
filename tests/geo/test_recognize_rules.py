"""The place recogniser's rules, one test each, on invented sentences about real places.

Entities are set by hand, so that each test shows one rule whatever the NER model says.
"""

from __future__ import annotations

from frontlines.geo.recognize import ENTITY_RULES, RULES, WEAK_RULES, find_mentions


def _doc(nlp, text, ents=()):
    doc = nlp(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    return doc


def _found(nlp, gazetteer, text, ents=()):
    return {m.text: m for m in find_mentions(_doc(nlp, text, ents), gazetteer=gazetteer)}


def test_rules_run_in_their_declared_order():
    assert [r.name for r in RULES] == ["postal-addresses", "entities", "demonym-lexicon", "weak-entities",
                                       "admin-lists", "cued-unknowns", "datelines", "arabic-script", "road-ends",
                                       "proper-noun-runs"]
    assert [r.name for r in ENTITY_RULES] == ["organisation", "demonym", "comma-parts", "part-of", "place-noun",
                                              "unit-title", "strong", "weak"]
    assert [name for name, _ in WEAK_RULES] == ["known-with-cue", "transliterated", "in-province", "site",
                                                "person-surname", "inside-org"]


def test_postal_addresses_take_the_town_and_its_state_code_before_the_entities(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Mail it to Box 7, Peoria IL 61602 today.", [("Peoria IL 61602", "PERSON")])
    assert found["Peoria"].rule == found["IL"].rule == "postal-address"
    # a code of a state with no town of that name is no address line
    assert "Peoria" not in _found(nlp, gazetteer, "Mail it to Box 7, Peoria VT 05001 today.")


def test_entity_organisation_hides_the_place_inside_a_group_name(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Fighters of Jaysh al-Sham shelled the road.", [("Jaysh al-Sham", "ORG")])
    assert not any("Sham" in t for t in found)


def test_entity_organisation_hides_the_place_inside_a_unit_name(nlp, gazetteer):
    found = _found(nlp, gazetteer, "A patrol of the Homs Brigade was ambushed.", [("Homs Brigade", "ORG")])
    assert not found


def test_entity_demonym_is_a_country_reference(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Syrian troops advanced on Monday.", [("Syrian", "NORP")])
    assert found["Syrian"].demonym == "SY" and found["Syrian"].rule == "demonym:NORP"


def test_entity_comma_parts_are_each_a_place(nlp, gazetteer):
    found = _found(nlp, gazetteer, "The convoy reached Homs, Syria on Sunday.", [("Homs, Syria", "GPE")])
    assert {"Homs", "Syria"} <= set(found)


def test_entity_part_of_names_a_part_of_the_rest(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Storms hit South Florida overnight.", [("South Florida", "GPE")])
    m = found["South Florida"]
    assert (m.query, m.part) == ("Florida", "south")


def test_entity_place_noun_keeps_the_name_without_the_noun(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Gunmen raided Qarbuzan village at dawn.", [("Qarbuzan village", "GPE")])
    assert found["Qarbuzan"].rule == "spacy:ner:GPE:place-noun"


def test_entity_unit_title_is_not_part_of_the_name(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Troops patrolled Maungdaw Township on Friday.", [("Maungdaw Township", "GPE")])
    assert found["Maungdaw"].rule.endswith(":unit-title")


def test_entity_strong_is_a_place(nlp, gazetteer):
    found = _found(nlp, gazetteer, "A shell fell in Homs on Friday.", [("Homs", "GPE")])
    assert found["Homs"].rule == "spacy:ner:GPE" and found["Homs"].strong


def test_weak_known_with_cue(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Warplanes struck targets in Raqqah on Sunday.", [("Raqqah", "PERSON")])
    assert found["Raqqah"].rule == "spacy:ner:PERSON+gazetteer"


def test_weak_without_a_cue_is_not_a_place(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Raqqah said the talks had failed.", [("Raqqah", "PERSON")])
    assert "Raqqah" not in found


def test_weak_in_province_is_a_village_of_the_province_the_text_names(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Artillery rounds landed on Kansafra in the south of Idleb overnight.",
                   [("Kansafra", "ORG"), ("Idleb", "GPE")])
    assert found["Kansafra"].rule == "spacy:ner:ORG+gazetteer:in-province"


def test_weak_in_province_needs_the_village_in_that_province(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Kansafra in Aleppo said the talks had failed.",
                   [("Kansafra", "PERSON"), ("Aleppo", "GPE")])
    assert "Kansafra" not in found


def test_proper_noun_run_in_the_province_the_text_names(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Howitzers pounded Tall Refaat in Aleppo overnight.", [("Aleppo", "GPE")])
    assert found["Tall Refaat"].rule == "gazetteer:in-province"


def test_weak_site_is_looked_up_by_its_own_name(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Shayrat Air Base reported no damage.", [("Shayrat Air Base", "ORG")])
    assert found["Shayrat Air Base"].rule == "spacy:ner:ORG+site"


def test_weak_inside_org_finds_a_province(nlp, gazetteer):
    found = _found(nlp, gazetteer, "She studied at the University of California.",
                   [("University of California", "ORG")])
    assert found["California"].rule == "gazetteer:inside-org"


def test_weak_person_surname_is_the_person_the_text_named(nlp, gazetteer):
    text = "Houston said the orcs left, Gondor's envoy Col. Elrond Houston told reporters."
    found = _found(nlp, gazetteer, text, [("Houston", "ORG"), ("Elrond Houston", "PERSON")])
    assert "Houston" not in found


def test_weak_person_surname_needs_a_person_of_that_name(nlp, gazetteer):
    text = "Houston said the orcs left, Gondor's envoy Col. Elrond Baggins told reporters."
    found = _found(nlp, gazetteer, text, [("Houston", "ORG"), ("Elrond Baggins", "PERSON")])
    assert found["Houston"].rule == "gazetteer:inside-org"


def test_demonym_lexicon_finds_what_the_ner_missed(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Iraqi forces entered the city.")
    assert found["Iraqi"].rule == "demonym:lexicon"


def test_admin_list_after_a_village(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Militants attacked Gaduud village (Diinsoor, Bay) on Friday.")
    assert found["Diinsoor"].rule == "gazetteer:admin-list"


def test_cued_unknowns_and_the_names_listed_with_them(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Troops took several villages, including Qarbuzan, Zorbaq and Tulkiran.")
    assert found["Qarbuzan"].rule == "cue:place-noun"
    assert found["Tulkiran"].rule == "cue:listed-with-place"


def test_dateline_opens_a_paragraph(nlp, gazetteer):
    found = _found(nlp, gazetteer, "HOMS — A shell fell on a market on Friday.")
    assert found["HOMS"].rule == "dateline" and found["HOMS"].query == "Homs"


def test_hyphenated_dateline_is_one_name_whichever_rule_took_it(nlp, gazetteer):
    text = "DEIR EZ-ZOR, Syria — A shell fell on a market on Friday."
    for ents in ((), (("DEIR EZ-ZOR", "GPE"),)):
        found = _found(nlp, gazetteer, text, ents)
        assert found["DEIR EZ-ZOR"].rule == "dateline" and found["DEIR EZ-ZOR"].query == "Deir Ez-Zor"
    # a hyphen with spaces around it ends the dateline; it is not inside the name
    assert _found(nlp, gazetteer, "HOMS - A shell fell on a market on Friday.")["HOMS"].rule == "dateline"


def test_arabic_script_name_the_gazetteer_knows(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Shelling hit the city (دير الزور) on Friday.")
    assert found["دير الزور"].rule == "gazetteer:arabic-script"


def test_proper_noun_run_with_a_cue(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Clashes were reported in Raqqah on Sunday.")
    assert found["Raqqah"].rule == "gazetteer:phrase"


def test_a_name_spacy_tags_in_parts_grows_across_and_only_to_a_known_name(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Delegates of Trinidad and Tobago arrived.", (("Trinidad", "GPE"), ("Tobago", "PERSON")))
    assert found["Trinidad and Tobago"].rule.endswith("+gazetteer:extended")
    found = _found(nlp, gazetteer, "Shelling hit Homs and Hama on Friday.", (("Homs", "GPE"), ("Hama", "GPE")))
    assert {"Homs", "Hama"} <= set(found)


def test_road_ends_are_two_towns_of_one_country_near_each_other(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Gunmen stopped a bus on the Damboa-Maiduguri road on Monday.")
    assert found["Damboa"].rule == found["Maiduguri"].rule == "gazetteer:road-ends"
    found = _found(nlp, gazetteer, "Gunmen stopped a bus on the Damboa - Maiduguri highway on Monday.")
    assert found["Damboa"].rule == "gazetteer:road-ends"
    # towns of two countries far apart name no road between them
    assert "Maiduguri" not in _found(nlp, gazetteer, "Gunmen stopped a bus on the Aleppo-Maiduguri road.")


def test_a_name_tagged_across_a_bracket_is_the_name_before_it(nlp, gazetteer):
    found = _found(nlp, gazetteer, "Militants raided Bama (Gwoza, Borno) at dawn.", [("Bama (Gwoza", "ORG")])
    assert "Bama" in found and "Bama (Gwoza" not in found
    assert found["Gwoza"].rule == "gazetteer:admin-list"


def test_a_known_name_before_a_district_province_list_is_a_place(nlp, gazetteer):
    text = "Residents of Bama (Gwoza LGA, Borno) blocked the road."
    found = _found(nlp, gazetteer, text, [("Bama", "PERSON"), ("Borno", "GPE")])
    assert found["Bama"].rule == "spacy:ner:PERSON+gazetteer"
    # a name before a bracket that names no place is not
    assert "Bama" not in _found(nlp, gazetteer, "Residents of Bama (aged 30) blocked the road.", [("Bama", "PERSON")])


def test_a_road_tagged_as_a_group_is_left_to_road_ends(nlp, gazetteer):
    text = "Drivers blocked the Damboa-Maiduguri highway on Monday."
    found = _found(nlp, gazetteer, text, [("Damboa-Maiduguri", "ORG")])
    assert found["Damboa"].rule == found["Maiduguri"].rule == "gazetteer:road-ends"
