"""The project's one great-circle distance."""

from __future__ import annotations

import random

import pytest

from frontlines.geo.distance import great_circle_km, nearest_km, prepared


def test_one_degree_of_longitude_on_the_equator() -> None:
    assert great_circle_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)


def test_a_point_is_no_distance_from_itself() -> None:
    assert great_circle_km(33.5, 36.3, 33.5, 36.3) == 0.0


def test_antipodes_are_half_the_circumference_apart() -> None:
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1.0)


def test_distance_is_symmetric() -> None:
    assert great_circle_km(36.2, 37.1, 35.9, 39.0) == pytest.approx(great_circle_km(35.9, 39.0, 36.2, 37.1))


def test_nearest_is_exactly_the_smallest_great_circle_distance() -> None:
    rng = random.Random(7)
    for _ in range(200):
        lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        points = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(rng.randint(1, 9))]
        assert nearest_km(lat, lon, prepared(points)) == min(great_circle_km(lat, lon, a, b) for a, b in points)
