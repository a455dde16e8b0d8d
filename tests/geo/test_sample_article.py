"""Golden tests: the sample article's places (Fort Russ, 18 June 2017, Syria-Iraq border)."""

from __future__ import annotations

import pytest

from frontlines.geo.distance import great_circle_km

from .conftest import parse_places

# Reference points (GeoNames, rounded).
EMBEDDED = {
    "Abu Kamal": (34.45, 40.92),
    "Palmyra": (34.56, 38.28),
    "Mosul": (36.34, 43.12),
    "Hama": (35.13, 36.76),
    "Raqqah": (35.95, 39.01),
    "Deir Ez Zour": (35.34, 40.14),
    "Sukhna": (34.89, 38.87),
}
IMPORTED = {
    "Al Tanf": (33.49, 38.66),
    "Al Waleed": (33.39, 38.77),
    "Talila Natural Reserve": (34.48, 38.43),
    "Lajat": (32.98, 36.45),
}
#: Where the issue says the villages and the crossing are (GeoNames points, rounded).
VILLAGES = {
    "Jeb Saad": (35.2164, 37.4959),  # Jubb as Sa`d
    "Aqareb": (35.1058, 37.2100),  # `Aqarib as Safi
    "Al Waleed": (33.4315, 38.9349),  # Al Walid, Iraq
}
REGION = {"SY", "IQ", "JO", "LB", "US", "RU"}


def _by_text(places):
    out = {}
    for p in places:
        if p.relation != "demonym":
            out.setdefault(p.text, []).append(p)
    return out


#: "the eastern province of Deir Ez Zour" is the province, rightly: its GeoNames id, not the city.
PROVINCES = {"Deir Ez Zour": 170792, "Hama": 170015}


@pytest.mark.golden
@pytest.mark.parametrize("name", sorted(EMBEDDED))
def test_embedded_default_resolves_within_25_km(sample_places, name):
    found = _by_text(sample_places).get(name)
    assert found, f"{name} not recognised"
    lat, lon = EMBEDDED[name]
    for p in found:
        if p.feature_code == "ADM1":
            assert p.geonameid == PROVINCES[name]
        else:
            assert p.lat is not None and great_circle_km(p.lat, p.lon, lat, lon) < 25, (p.text, p.name, p.lat, p.lon)


@pytest.mark.golden
def test_province_phrase_resolves_to_the_province(sample_places):
    provinces = [p for p in _by_text(sample_places)["Deir Ez Zour"] if p.feature_code == "ADM1"]
    assert provinces and provinces[0].precision == "region"


@pytest.mark.golden
def test_no_place_resolves_outside_the_region(sample_places):
    outside = {p.text: p.country_code for p in sample_places
               if p.relation != "demonym" and p.country_code and p.precision != "country"
               and p.country_code not in REGION}
    assert outside == {}


@pytest.mark.golden
@pytest.mark.parametrize("name", sorted(VILLAGES))
def test_villages_and_the_crossing_resolve_within_10_km(sample_places, name):
    found = _by_text(sample_places).get(name)
    assert found, f"{name} not recognised"
    lat, lon = VILLAGES[name]
    for p in found:
        assert p.lat is not None and great_circle_km(p.lat, p.lon, lat, lon) < 10, (p.text, p.name, p.country_code)


@pytest.mark.golden
def test_the_hill_south_of_aqareb_is_placed_near_aqareb(pipeline, sample_text):
    from frontlines.records import Article, OffsetMap

    article = Article(id="sample", raw_text=sample_text, clean_text=sample_text,
                      offsets=OffsetMap.identity(len(sample_text)))
    result = next(pipeline.run([article]))
    hill = [e for e in result.events if e.place is not None and "Tibarath" in e.sentence]
    assert hill, [(e.sub_event_type, e.place) for e in result.events]
    lat, lon = VILLAGES["Aqareb"]
    for e in hill:
        assert e.place.lat is not None and great_circle_km(e.place.lat, e.place.lon, lat, lon) < 10
        assert e.place.precision in ("near", "region")


@pytest.mark.golden
def test_the_hill_no_data_holds_stays_unresolved(sample_places):
    hill = _by_text(sample_places)["Tibarath Al Dibeh"]
    assert all(p.precision == "unresolved" and p.lat is None for p in hill)


@pytest.mark.golden
@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_geonames_import_resolves_border_sites(nlp, sample_text, imported_gazetteer, name):
    found = _by_text(parse_places(nlp, sample_text, imported_gazetteer)).get(name)
    assert found, f"{name} not recognised"
    lat, lon = IMPORTED[name]
    assert all(p.lat is not None and great_circle_km(p.lat, p.lon, lat, lon) < 25 for p in found)


@pytest.mark.golden
def test_offsets_point_at_the_text(sample_places, sample_text):
    for p in sample_places:
        assert sample_text[p.start:p.end] == p.text


@pytest.mark.golden
def test_every_place_keeps_its_evidence(sample_places):
    for p in sample_places:
        assert p.evidence is not None and p.evidence.article_id == "sample"
        assert p.text in p.evidence.sentence and p.evidence.rule


@pytest.mark.golden
def test_resolved_places_list_their_candidates(sample_places):
    palmyra = _by_text(sample_places)["Palmyra"][0]
    assert palmyra.candidates and palmyra.candidates[0].geonameid == palmyra.geonameid
    assert any("focus" in r for r in palmyra.candidates[0].reasons)


@pytest.mark.golden
def test_demonyms_are_country_references(sample_places):
    syrian = [p for p in sample_places if p.text == "Syrian"]
    assert syrian and all(p.relation == "demonym" and p.precision == "country" and p.country_code == "SY"
                          for p in syrian)


@pytest.mark.golden
def test_places_fit_the_contract_schema(sample_places):
    import json
    from importlib import resources

    import jsonschema

    from frontlines.contract import place_to_dict

    schema = json.loads(resources.files("frontlines").joinpath("schema/extract-record.schema.json").read_text())
    place_schema = {**schema["$defs"]["place"], "$defs": schema["$defs"]}
    for p in sample_places:
        jsonschema.validate(place_to_dict(p, explain=True), place_schema)


@pytest.mark.golden
@pytest.mark.parametrize("name", ["Talila Natural Reserve", "Rasm Amun", "Hasu Al Ablawi"])
def test_sites_and_villages_the_default_lacks_come_back_unresolved(sample_places, sample_text, name):
    found = _by_text(sample_places).get(name)
    assert found, f"{name} not recognised"
    assert all(p.precision == "unresolved" and p.lat is None for p in found)
    assert all(sample_text[p.start:p.end] == name for p in found)


@pytest.mark.golden
def test_no_fragment_of_a_name_is_a_place(sample_places):
    texts = {p.text for p in sample_places}
    assert not texts & {"Ez", "Al", "Border", "Natural Reserve"}
