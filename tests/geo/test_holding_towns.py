"""A town of the container's name that holds a namesake of the contained place counts as holding it."""

from __future__ import annotations

from frontlines.geo.gazetteer import Entry
from frontlines.geo.resolve import contains_score, holding_towns

# "Tharbad (Lossarnach)": Arnor has a Lossarnach town beside its Tharbad; Gondor's Lossarnach lies far from
# Gondor's Tharbad; a Rhun village also called Lossarnach by an alternate name lies beside Arnor's Tharbad.
THARBAD_ARNOR = Entry(1, "Tharbad", 10.0, 10.0, "AA", "01", "P", "PPL", 50_000)
THARBAD_GONDOR = Entry(2, "Tharbad", 40.0, 40.0, "GG", "07", "P", "PPL", 800_000)
LOSSARNACH_ARNOR = Entry(3, "Lossarnach", 10.3, 10.2, "AA", "01", "P", "PPL", 5_000)
LOSSARNACH_GONDOR = Entry(4, "Lossarnach", 45.0, 45.0, "GG", "07", "P", "PPL", 6_000)
OLD_FORD = Entry(5, "Old Ford", 10.1, 10.1, "AA", "01", "P", "PPL", 9_000, kind=1)  # alternate name Lossarnach
GONDOR_PROVINCE = Entry(6, "Lossarnach", 44.0, 44.0, "GG", "02", "A", "ADM1", 0)


def test_the_town_beside_a_namesake_of_the_contained_place_holds_it():
    cands = [[THARBAD_GONDOR, THARBAD_ARNOR], [LOSSARNACH_GONDOR, LOSSARNACH_ARNOR, OLD_FORD]]
    holds = holding_towns(["Tharbad", "Lossarnach"], cands, [(1, True), None])
    assert holds[1] == frozenset({LOSSARNACH_ARNOR.geonameid})  # not Gondor's, nor a town only called so
    assert holds[0] == frozenset()  # Tharbad contains nothing
    assert contains_score(LOSSARNACH_ARNOR, (), holds[1]) == 1.0
    assert contains_score(LOSSARNACH_GONDOR, (), holds[1]) == 0.0


def test_a_province_holding_the_contained_place_counts_too():
    inner = Entry(7, "Tharbad", 44.2, 44.1, "GG", "02", "P", "PPL", 1_000)
    holds = holding_towns(["Tharbad", "Lossarnach"], [[inner], [GONDOR_PROVINCE, LOSSARNACH_ARNOR]],
                          [(1, True), None])
    assert holds[1] == frozenset({GONDOR_PROVINCE.geonameid})


def test_after_a_bare_comma_a_big_city_name_may_be_a_list():
    big = Entry(8, "Tharbad", 10.2, 10.2, "AA", "01", "P", "PPL", 2_000_000)
    cands = [[big, THARBAD_ARNOR], [LOSSARNACH_GONDOR, LOSSARNACH_ARNOR]]
    assert holding_towns(["Tharbad", "Lossarnach"], cands, [(1, False), None])[1] == frozenset()
    assert holding_towns(["Tharbad", "Lossarnach"], cands, [(1, True), None])[1] == frozenset({3})
