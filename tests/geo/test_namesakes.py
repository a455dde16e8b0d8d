"""Namesakes the text rules out: a far outlier beside one well-known place, lists and clauses that are no
containers, a part of a town the gazetteer has only far from the text's town."""

from __future__ import annotations

from frontlines.geo import _place_local_features, containers_of
from frontlines.geo.gazetteer import Entry
from frontlines.geo.recognize import Mention
from frontlines.geo.resolve import Resolution, _drop_far_outliers
from frontlines.records import Evidence, Place

# Minas Tirith, a capital of Gondor; Ethring, a village of that name in Rhun, 3,000 km away.
MINAS_TIRITH = Entry(1, "Minas Tirith", 10.0, 10.0, "GG", "01", "P", "PPLC", 500_000)
ETHRING_RHUN = Entry(2, "Ethring", 30.0, 30.0, "RR", "05", "P", "PPL", 2_000)
GONDOR = Entry(3, "Gondor", 11.0, 11.0, "GG", None, "A", "PCLI", 5_000_000)


def _out(*entries: Entry) -> list[Resolution]:
    return [Resolution(e, 5.0, (), e) for e in entries]


def test_a_small_place_abroad_far_from_the_only_well_known_place_of_the_text_is_left_unresolved():
    kept = _drop_far_outliers(_out(ETHRING_RHUN, MINAS_TIRITH), [])
    assert kept[0].entry is None and kept[1].entry == MINAS_TIRITH


def test_the_lone_place_must_be_named_by_its_main_name_and_cast_a_vote():
    alternate = Entry(1, "Minas Tirith", 10.0, 10.0, "GG", "01", "P", "PPLC", 500_000, kind=1)
    assert _drop_far_outliers(_out(ETHRING_RHUN, alternate), [])[0].entry == ETHRING_RHUN
    # "the Gondor dollar": a mention that says nothing about where the text is does not vote
    assert _drop_far_outliers(_out(ETHRING_RHUN, MINAS_TIRITH), [], voting=[True, False])[0].entry == ETHRING_RHUN


def test_a_place_in_the_country_of_its_stated_container_is_no_outlier():
    rhun = Entry(4, "Rhun", 31.0, 31.0, "RR", None, "A", "PCLI", 1_000_000)
    out = _out(ETHRING_RHUN, rhun, MINAS_TIRITH, MINAS_TIRITH, GONDOR)
    assert _drop_far_outliers(out, [], [(1, False), None, None, None, None])[0].entry == ETHRING_RHUN
    assert _drop_far_outliers(out, [], [None] * 5)[0].entry is None


def _mentions(doc, names: list[str]) -> list[Mention]:
    out = []
    for name in names:
        words = name.split()
        i = next(t.i for t in doc if doc[t.i:t.i + len(words)].text == name)
        span = doc[i:i + len(words)]
        out.append(Mention(span.start_char, span.end_char, name, "test", True, token_start=i, token_end=i + len(words)))
    return out


def test_a_bare_comma_in_a_list_or_before_a_clause_links_no_container(nlp):
    doc = nlp("Trips to Ethring, Lossarnach, Anorien and Pelargir were cut.")
    assert containers_of(doc, _mentions(doc, ["Ethring", "Lossarnach", "Anorien", "Pelargir"])) == [None] * 4
    doc = nlp("During efforts to retake Ethring, the Gondor army shelled the town.")
    assert containers_of(doc, _mentions(doc, ["Ethring", "Gondor"])) == [None, None]
    doc = nlp("Gunmen raided Ethring, Lossarnach on Monday.")
    assert containers_of(doc, _mentions(doc, ["Ethring", "Lossarnach"])) == [(1, False), None]
    doc = nlp("Gunmen raided Ethring (Lossarnach, Anorien) on Monday.")
    assert containers_of(doc, _mentions(doc, ["Ethring", "Lossarnach", "Anorien"])) == [(1, True), (2, False), None]


def _town(text: str, start: int, lat: float, lon: float, gid: int) -> Place:
    return Place(text, start, start + len(text), text, gid, lat, lon, "GG", "01", "PPL", "point",
                 evidence=Evidence("a", "", start, start + len(text), "test"))


def test_a_part_of_a_town_the_gazetteer_has_only_far_away_is_placed_at_the_text_s_town(gazetteer):
    # "in Minas Tirith, Anorien, a shoot-out in the Rath Dinen neighborhood": the gazetteer's only
    # Rath Dinen lies 300 km away
    city = _town("Minas Tirith", 3, 10.0, 10.0, 1)
    far = _town("Rath Dinen", 40, 12.5, 11.0, 2)
    near = _town("Rath Dinen", 40, 10.1, 10.0, 3)
    placed = _place_local_features([city, far], None, gazetteer, parts={40})
    assert (placed[1].name, placed[1].precision, placed[1].lat) == ("Minas Tirith", "near", 10.0)
    assert placed[1].evidence.rule.endswith("+document-town")
    assert _place_local_features([city, near], None, gazetteer, parts={40})[1] == near
    assert _place_local_features([city, far], None, gazetteer, parts=set())[1] == far


def test_a_part_named_before_its_town_is_not_the_town_it_is_placed_at(gazetteer):
    # "in the Rath Dinen neighbourhood in Minas Tirith city": each named once, the part first
    far = _town("Rath Dinen", 10, 12.5, 11.0, 2)
    city = _town("Minas Tirith", 40, 10.0, 10.0, 1)
    placed = _place_local_features([far, city], None, gazetteer, parts={10})
    assert (placed[0].name, placed[0].precision, placed[0].lat) == ("Minas Tirith", "near", 10.0)
