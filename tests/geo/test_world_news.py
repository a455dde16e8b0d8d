"""World news: a well-known place over a far smaller namesake that only the text's focus favours; a short form of
a full name the same text writes ("Trinidad" after "Trinidad and Tobago")."""

from __future__ import annotations

from frontlines.geo import short_forms_in_full
from frontlines.geo.gazetteer import Entry
from frontlines.geo.resolve import _famous_first, _Scored

# Osgiliath, a city of 600,000 in Gondor; Osgiliath, a village of 5,000 also in Gondor, beside the text's towns.
CITY = Entry(1, "Osgiliath", 10.0, 10.0, "GG", "01", "P", "PPL", 600_000)
VILLAGE = Entry(2, "Osgiliath", 12.0, 12.0, "GG", "02", "P", "PPL", 5_000)


def _scored(entry: Entry, score: float, *, near: float = 0.5, within: float = 0.0) -> _Scored:
    return _Scored(score, entry, (1.0, near, within, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), 1.0, near)


def test_a_well_known_place_beats_a_far_smaller_namesake_that_wins_on_focus_and_nearness_alone():
    ranked = _famous_first("Osgiliath", [_scored(VILLAGE, 4.8), _scored(CITY, 4.5)], {"GG": 1.0})
    assert ranked[0].entry == CITY


def test_the_namesake_stays_when_the_text_links_it_or_names_a_place_beside_it_or_not_the_city_s_country():
    assert _famous_first("Osgiliath", [_scored(VILLAGE, 4.8, within=0.5), _scored(CITY, 4.5)],
                         {"GG": 1.0})[0].entry == VILLAGE
    assert _famous_first("Osgiliath", [_scored(VILLAGE, 4.8, near=0.95), _scored(CITY, 4.5)],
                         {"GG": 1.0})[0].entry == VILLAGE
    abroad = Entry(3, "Osgiliath", 40.0, 40.0, "RR", "01", "P", "PPL", 600_000)  # "Paris" in a Texas story
    assert _famous_first("Osgiliath", [_scored(VILLAGE, 4.8), _scored(abroad, 4.5)], {"GG": 1.0})[0].entry == VILLAGE
    town = Entry(4, "Osgiliath", 10.0, 10.0, "GG", "01", "P", "PPL", 30_000)  # not ten times larger
    assert _famous_first("Osgiliath", [_scored(VILLAGE, 4.8), _scored(town, 4.5)], {"GG": 1.0})[0].entry == VILLAGE


class _Known:
    """A gazetteer that knows only the names given."""

    def __init__(self, *names: str) -> None:
        self.names = set(names)

    def exact(self, name: str) -> list[str]:
        return [name] if name in self.names else []


def test_a_short_form_of_a_full_name_the_text_writes_is_resolved_as_the_full_name():
    gazetteer = _Known("Dol Amroth and Belfalas")
    texts = ["Dol Amroth and Belfalas", "Gondor", "Dol Amroth"]
    assert short_forms_in_full(texts, gazetteer) == ["Dol Amroth and Belfalas", "Gondor", "Dol Amroth and Belfalas"]
    # a name the gazetteer does not know in full ("Bains and Grants Town") lends nothing to its parts
    assert short_forms_in_full(["Minas and Tirith Town", "Minas"], gazetteer) == ["Minas and Tirith Town", "Minas"]


def test_an_airport_named_after_its_city_is_also_found_by_its_own_name():
    from frontlines.geo.build import airport_names

    names = airport_names("Minas Tirith Pelennor International Airport", "Minas Tirith")
    assert "Pelennor International Airport" in names and "Pelennor Airport" in names
    assert "Minas Tirith Pelennor Airport" in names
    # a name that is only its city's and an airport word adds nothing bare
    assert all(n.startswith("Osgiliath ") for n in airport_names("Osgiliath International Airport", "Osgiliath"))
