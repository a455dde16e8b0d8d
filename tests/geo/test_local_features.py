"""Streets, squares and states by what the text says around them: the town a street is said to lie in, a square
named like a far town, the main town among ties, a name in a list of states."""

from __future__ import annotations

from frontlines.geo import _place_local_features, listed_states
from frontlines.geo.gazetteer import Entry
from frontlines.geo.recognize import Mention
from frontlines.records import Evidence, Place


def _place(text: str, start: int, lat: float | None, lon: float | None, gid: int | None, *, name: str | None = None,
           admin1: str = "Anorien", code: str = "PPL", rule: str = "test") -> Place:
    return Place(text, start, start + len(text), name or (text if gid else None), gid, lat, lon,
                 "GG" if gid else None, admin1 if gid else None, code if gid else None,
                 "point" if gid else "unresolved", evidence=Evidence("a", "", start, start + len(text), rule))


def test_a_street_the_text_puts_in_a_town_is_placed_at_that_town_not_the_main_one(gazetteer):
    # "Minas Tirith ... Minas Tirith ... on Gate Street in Pelargir"
    city, again = _place("Minas Tirith", 0, 10.0, 10.0, 1), _place("Minas Tirith", 20, 10.0, 10.0, 1)
    street, port = _place("Gate Street", 40, None, None, None), _place("Pelargir", 55, 8.0, 12.0, 2)
    placed = _place_local_features([city, again, street, port], None, gazetteer, inside={40: 55})
    assert (placed[2].name, placed[2].precision) == ("Pelargir", "near")
    assert placed[2].evidence.rule.endswith("+stated-town")
    assert _place_local_features([city, again, street, port], None, gazetteer)[2].name == "Minas Tirith"
    # "Fen Park, Anorien": an area the text puts it in, at the area's precision
    park, province = _place("Fen Park", 40, None, None, None), _place("Anorien", 50, 10.5, 10.5, 6, code="ADM1")
    placed = _place_local_features([city, again, park, province], None, gazetteer, inside={40: 50})
    assert (placed[2].name, placed[2].precision) == ("Anorien", "region")


def test_a_square_named_like_a_far_town_is_no_main_town_and_lies_in_the_text_s_town(gazetteer):
    # "Citadel Square" (a facility), twice, matched only by a village of that name 600 km away
    far = [_place("Citadel Square", s, 15.0, 10.0, 3) for s in (0, 30)]
    city = _place("Minas Tirith", 60, 10.0, 10.0, 1)
    placed = _place_local_features([*far, city], None, gazetteer, sites={0, 30})
    assert [(p.name, p.precision) for p in placed[:2]] == [("Minas Tirith", "near")] * 2
    # matched by another name (the gazetteer knows the street as an alternate name of a town): kept
    other = _place("Harlond Avenue", 0, 15.0, 10.0, 4, name="Harlond")
    assert _place_local_features([other, city], None, gazetteer, sites={0})[0] == other
    # not a facility: the town it is
    assert _place_local_features([*far, city], None, gazetteer)[0] == far[0]


def test_main_town_ties_go_to_the_province_most_places_lie_in(gazetteer):
    # Ethring (Lebennin) and Minas Tirith (Anorien), each named once, beside Anorien and Osgiliath
    ethring = _place("Ethring", 0, 20.0, 20.0, 5, admin1="Lebennin")
    city = _place("Minas Tirith", 20, 10.0, 10.0, 1)
    province = _place("Anorien", 40, 10.5, 10.5, 6, code="ADM1")
    osgiliath = _place("Osgiliath", 50, 10.2, 10.3, 7, code="PPLX")
    street = _place("Fen Street", 70, None, None, None)
    placed = _place_local_features([ethring, city, province, osgiliath, street], None, gazetteer)
    assert placed[4].name == "Minas Tirith"
    assert _place_local_features([ethring, city, street], None, gazetteer)[2].name == "Ethring"  # ties: first


class _States:
    """A gazetteer stub: Anorien, Lebennin, Ithilien and Lossarnach are states; Belfalas a state and a city of
    300,000 beside Lossarnach; Pelargir only a town; Rhun a country and a state of Gondor."""

    def __init__(self) -> None:
        def state(gid: int, name: str, lat: float, lon: float) -> Entry:
            return Entry(gid, name, lat, lon, "GG", str(gid), "A", "ADM1", 50_000)
        self.entries = {
            "Anorien": [state(1, "Anorien", 10, 10)], "Lebennin": [state(2, "Lebennin", 12, 8)],
            "Ithilien": [state(3, "Ithilien", 20, 30)], "Lossarnach": [state(4, "Lossarnach", 5, 6)],
            "Belfalas": [state(5, "Belfalas", 40, 40), Entry(6, "Belfalas", 5.1, 5.1, "GG", "4", "P", "PPLC", 300_000)],
            "Pelargir": [Entry(7, "Pelargir", 8, 12, "GG", "2", "P", "PPL", 20_000)],
            "Rhun": [Entry(8, "Rhun", 50, 50, "RR", None, "A", "PCLI", 9_000_000), state(9, "Rhun", 30, 30)]}

    def exact(self, text: str) -> tuple[Entry, ...]:
        return tuple(self.entries.get(text, ()))


def _mentions(doc, names: list[str]) -> list[Mention]:
    out = []
    for name in names:
        i = next(t.i for t in doc if t.text == name)
        out.append(Mention(doc[i].idx, doc[i].idx + len(name), name, "test", True, token_start=i, token_end=i + 1))
    return out


def test_a_name_in_a_list_of_states_is_the_state(nlp):
    doc = nlp("Firms left states such as Anorien, Lebennin, Ithilien or Belfalas because of costs.")
    names = ["Anorien", "Lebennin", "Ithilien", "Belfalas"]
    assert listed_states(doc, _mentions(doc, names), _States()) == [True] * 4
    # its large town lies among the listed states: the town is meant
    doc = nlp("Traffic was heavy in Lossarnach, Anorien and Belfalas on Monday.")
    assert listed_states(doc, _mentions(doc, ["Lossarnach", "Anorien", "Belfalas"]), _States())[2] is False
    # a country is no state ("to Alaska or Mexico")
    doc = nlp("Whales swim to Anorien or Rhun each year.")
    assert listed_states(doc, _mentions(doc, ["Anorien", "Rhun"]), _States()) == [False, False]
    # most of the others are no states; and a mere comma makes no list
    doc = nlp("Trips to Pelargir and Belfalas were cut.")
    assert listed_states(doc, _mentions(doc, ["Pelargir", "Belfalas"]), _States()) == [False, False]
    doc = nlp("Gunmen raided Belfalas, Anorien on Monday.")
    assert listed_states(doc, _mentions(doc, ["Belfalas", "Anorien"]), _States()) == [False, False]
