"""A container the resolver only guessed (and left unresolved) vetoes none of the places said to lie in it."""

from __future__ import annotations

import pytest

from frontlines.geo.gazetteer import PlaceRow
from frontlines.geo.resolve import resolve_all

ROWS = (
    PlaceRow(-31, "Ethring", 10.0, 10.0, "GG", "01", "P", "PPL", 500),  # a village of Gondor
    PlaceRow(-32, "Lossarnach", 10.1, 10.1, "GG", "01", "A", "ADM2", 90_000),  # its district
    PlaceRow(-33, "Dolen", 30.0, 30.0, "RR", "05", "P", "PPL", 150_000),  # a town abroad, named like Ethring's commune
)


@pytest.fixture()
def gaz(gazetteer_of):
    return gazetteer_of(ROWS)


def test_a_place_stands_in_its_outer_container_when_the_inner_one_is_only_a_guess_abroad(gaz):
    # "Ethring (Dolen, Lossarnach)": the gazetteer lacks Gondor's Dolen; its only Dolen lies abroad and
    # is left unresolved, so it says nothing against Ethring, which lies in Lossarnach.
    out = resolve_all(["Ethring", "Dolen", "Lossarnach"], gaz, demonym_countries=["GG"],
                      containers=[(1, True), (2, False), None])
    assert [r.entry.name if r.entry else None for r in out] == ["Ethring", None, "Lossarnach"]
