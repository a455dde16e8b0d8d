"""A place matched by a look-alike spelling must lie near the town the text says it lies in; a capital abroad
and a town of its name in the text's country."""

from __future__ import annotations

from frontlines.geo.gazetteer import PlaceRow
from frontlines.geo.resolve import LOOKALIKE_TOWN_KM, resolve_all

TOLFALAS = PlaceRow(-41, "Tolfalas", 10.0, 10.0, "GG", "01", "P", "PPLC", 1_300_000)  # a capital of Gondor


def _resolved(gazetteer_of, village: PlaceRow) -> list[str | None]:
    gaz = gazetteer_of((TOLFALAS, village))
    # "the Harlen area of Tolfalas": Harlen lies in Tolfalas
    out = resolve_all(["Harlen", "Tolfalas"], gaz, containers=[(1, True), None])
    return [r.entry.name if r.entry else None for r in out]


def test_a_look_alike_far_from_the_town_it_lies_in_is_another_place(gazetteer_of):
    far = PlaceRow(-42, "Harlon", 16.0, 10.0, "GG", "07", "P", "PPL", 0)  # about 670 km away
    assert _resolved(gazetteer_of, far) == [None, "Tolfalas"]


def test_a_look_alike_beside_the_town_it_lies_in_stands(gazetteer_of):
    near = PlaceRow(-43, "Harlon", 10.1, 10.05, "GG", "01", "P", "PPL", 0)  # about 12 km away
    assert _resolved(gazetteer_of, near) == ["Harlon", "Tolfalas"]
    assert LOOKALIKE_TOWN_KM < 670


def test_a_district_the_text_names_decides_between_two_towns_of_one_name(gazetteer_of):
    """Two towns called Tolfalas: the capital of Gondor wins alone; beside a district of Rohan the text names,
    the Rohirric town does (the country focus of the text's other places)."""
    rohan_town = PlaceRow(-44, "Tolfalas", 40.0, 40.0, "RR", "02", "P", "PPL", 230_000)
    district = PlaceRow(-45, "Westfold", 40.2, 40.1, "RR", "02", "A", "ADM2", 90_000)
    gaz = gazetteer_of((TOLFALAS, rohan_town, district))
    alone = resolve_all(["Tolfalas"], gaz)
    assert alone[0].entry is not None and alone[0].entry.country_code == "GG"
    beside = resolve_all(["Tolfalas", "Westfold"], gaz)
    assert [r.entry.country_code if r.entry else None for r in beside] == ["RR", "RR"]


def test_a_capital_abroad_yields_to_a_town_of_its_name_in_the_country_the_text_names(gazetteer_of):
    """Tolfalas, the capital of Gondor, has about six times the people of Rohan's Tolfalas: alone it wins;
    in a text that names Rohan, Rohan's town does, though nothing else in the text is near it."""
    rohan_town = PlaceRow(-46, "Tolfalas", 40.0, 40.0, "RR", "02", "P", "PPL", 230_000)
    rohan = PlaceRow(-47, "Rohan", 38.0, 45.0, "RR", None, "A", "PCLI", 6_000_000)
    gaz = gazetteer_of((TOLFALAS, rohan_town, rohan))
    assert resolve_all(["Tolfalas"], gaz)[0].entry.country_code == "GG"
    town, country = resolve_all(["Tolfalas", "Rohan"], gaz)
    assert (town.entry.country_code, country.entry.country_code) == ("RR", "RR")
    assert "abroad=-1.00" in town.candidates[1].reasons


def test_a_capital_abroad_with_ten_times_the_people_of_its_namesake_stays(gazetteer_of):
    """A village of Rohan called Tolfalas does not take the name from the capital of Gondor."""
    rohan_village = PlaceRow(-48, "Tolfalas", 40.0, 40.0, "RR", "02", "P", "PPL", 20_000)
    rohan = PlaceRow(-47, "Rohan", 38.0, 45.0, "RR", None, "A", "PCLI", 6_000_000)
    town, _ = resolve_all(["Tolfalas", "Rohan"], gazetteer_of((TOLFALAS, rohan_village, rohan)))
    assert town.entry.country_code == "GG"
    assert "abroad=-0.00" in town.candidates[0].reasons
