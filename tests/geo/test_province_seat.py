"""A province an event is placed in stands at its seat town (the town of its name inside it, else its largest)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontlines.geo import province_seat
from frontlines.geo.gazetteer import PlaceRow
from frontlines.records import Evidence, Place

LOSSARNACH = PlaceRow(-11, "Lossarnach", 10.0, 10.0, "GG", "05", "A", "ADM1", 90_000)
ANORIEN = PlaceRow(-12, "Anorien", 12.0, 12.0, "GG", "06", "A", "ADM1", 50_000)
RHUDAUR = PlaceRow(-13, "Rhudaur", 14.0, 14.0, "GG", "07", "A", "ADM1", 10_000)
ROWS = (
    LOSSARNACH, ANORIEN, RHUDAUR,
    PlaceRow(-21, "Lossarnach", 10.4, 10.3, "GG", "05", "P", "PPL", 20_000),  # the seat
    PlaceRow(-22, "Lossarnach", 13.0, 13.0, "GG", "06", "P", "PPL", 4_000),  # a namesake in another province
    PlaceRow(-23, "Ethring", 12.1, 12.1, "GG", "06", "P", "PPL", 5_000),  # Anorien's seat has another name
    PlaceRow(-24, "Cair Andros", 14.1, 14.1, "GG", "07", "P", "PPL", 0),  # Rhudaur's only town, people unknown
)


@pytest.fixture()
def gaz(gazetteer_of):
    return gazetteer_of(ROWS)


def province(row: PlaceRow, text: str, relation: str | None = None) -> Place:
    return Place(text, 0, len(text), row.name, row.geonameid, row.lat, row.lon, row.country_code, row.name,
                 row.feature_code, "region", relation=relation, evidence=Evidence("a", text, 0, len(text), "spacy:ner:GPE"))


def test_a_province_stands_at_the_town_of_its_name_inside_it(gaz):
    seat = province_seat(province(LOSSARNACH, "Lossarnach"), gaz)
    assert seat is not None
    assert (seat.lat, seat.lon, seat.anchor) == (10.4, 10.3, "Lossarnach")
    assert (seat.name, seat.geonameid, seat.feature_code, seat.precision) == ("Lossarnach", -11, "ADM1", "region")
    assert seat.evidence is not None and seat.evidence.rule.endswith("province-seat 'Lossarnach'")


def test_the_province_of_x_is_the_whole_province(gaz):
    assert province_seat(province(LOSSARNACH, "Lossarnach", relation="province of"), gaz) is not None


def test_a_relative_phrase_keeps_the_province_point(gaz):
    assert province_seat(province(LOSSARNACH, "Lossarnach", relation="north of"), gaz) is None


def test_a_province_whose_seat_has_another_name_stands_at_its_largest_town(gaz):
    seat = province_seat(province(ANORIEN, "Anorien"), gaz)
    assert seat is not None and (seat.lat, seat.lon, seat.anchor) == (12.1, 12.1, "Ethring")


def test_a_province_with_no_town_of_known_population_keeps_its_point(gaz):
    assert province_seat(province(RHUDAUR, "Rhudaur"), gaz) is None


def test_a_town_is_no_province(gaz):
    town = replace(province(LOSSARNACH, "Lossarnach"), geonameid=-21, feature_code="PPL", precision="point")
    assert province_seat(town, gaz) is None
