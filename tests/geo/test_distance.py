"""The project's one great-circle distance."""

from __future__ import annotations

import pytest

from frontlines.geo.distance import great_circle_km


def test_one_degree_of_longitude_on_the_equator() -> None:
    assert great_circle_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)


def test_a_point_is_no_distance_from_itself() -> None:
    assert great_circle_km(33.5, 36.3, 33.5, 36.3) == 0.0


def test_antipodes_are_half_the_circumference_apart() -> None:
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1.0)


def test_distance_is_symmetric() -> None:
    assert great_circle_km(36.2, 37.1, 35.9, 39.0) == pytest.approx(great_circle_km(35.9, 39.0, 36.2, 37.1))
