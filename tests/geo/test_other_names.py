"""Places only also called so, names inside longer names, countries that lead a force abroad, and a place
settled against its container's final reading."""

from __future__ import annotations

from frontlines.geo import _leads_abroad
from frontlines.geo.gazetteer import Entry
from frontlines.geo.recognize import Mention
from frontlines.geo.resolve import (
    Document,
    Resolution,
    _container_candidates,
    _pass,
    _settle_contained,
    candidates_for,
)
from frontlines.geo.spans import well_known_by

# Anorien: a province of Gondor whose own name it is; a hamlet of Arnor also called Anorien (an alternate name).
ANORIEN = Entry(1, "Anorien", 10.0, 10.0, "GG", "01", "A", "ADM1", 2_000_000)
ANORIEN_HAMLET = Entry(2, "Old Anorien Ford", 30.0, 30.0, "AA", "05", "P", "PPL", 20_000, kind=1)
EDORAS = Entry(3, "Edoras", 20.0, 20.0, "RR", "02", "P", "PPL", 300_000, kind=1)


class _Gazetteer:
    """The few lookups resolution makes, over a fixed list."""

    def __init__(self, by_name: dict[str, list[Entry]]) -> None:
        self.by_name = by_name

    def exact(self, text: str) -> list[Entry]:
        return list(self.by_name.get(text, []))

    def transliterated(self, text: str) -> list[Entry]:
        return []

    def lookup_in(self, text: str, countries: tuple[str, ...]) -> list[Entry]:
        return []


def test_beside_a_well_known_place_of_its_own_name_a_small_place_only_also_called_so_is_dropped():
    gaz = _Gazetteer({"Anorien": [ANORIEN_HAMLET, ANORIEN]})
    assert candidates_for("Anorien", gaz) == [ANORIEN]  # type: ignore[arg-type]
    # a well-known place also called so stays (an exonym: "Athens" of Athina)
    gaz = _Gazetteer({"Anorien": [ANORIEN, EDORAS]})
    assert set(candidates_for("Anorien", gaz)) == {ANORIEN, EDORAS}  # type: ignore[arg-type]


def test_a_country_named_by_its_own_name_is_not_the_capital_only_also_called_so():
    gondor = Entry(5, "Gondor", 10.0, 10.0, "GG", None, "A", "PCLI", 5_000_000)
    gondor_city = Entry(6, "Minas Tirith", 11.0, 11.0, "GG", "01", "P", "PPLC", 3_000_000, kind=1)
    gondor_town = Entry(7, "Gondor", 40.0, 40.0, "AA", "02", "P", "PPL", 2_000)  # its own name: stays
    gaz = _Gazetteer({"Gondor": [gondor_city, gondor, gondor_town]})
    assert candidates_for("Gondor", gaz) == [gondor, gondor_town]  # type: ignore[arg-type]


def test_a_container_is_the_well_known_place_of_its_name_not_a_hamlet_abroad():
    # "Ethring in Anorien": Gondor's province, not Arnor's hamlet of that very name
    hamlet = Entry(8, "Anorien", 30.0, 30.0, "AA", "05", "P", "PPL", 0)
    town = Entry(9, "Anorien", 31.0, 31.0, "AA", "05", "P", "PPL", 5_000)
    assert _container_candidates("Anorien", [hamlet, ANORIEN, town]) == [ANORIEN, town]
    # with no well-known place of that name, a hamlet may be the container
    assert _container_candidates("Anorien", [hamlet, town]) == [hamlet, town]


def test_a_word_of_a_longer_name_counts_as_a_town_only_by_its_own_name_or_after_of():
    assert not well_known_by(EDORAS)  # "Edoras Mutran square": a person's name, not the town also called so
    assert well_known_by(EDORAS, after_of=True)  # "the Mayor of Edoras"
    assert well_known_by(Entry(3, "Edoras", 20.0, 20.0, "RR", "02", "P", "PPL", 300_000))
    assert well_known_by(Entry(4, "Rohan", 20.0, 20.0, "RR", "02", "A", "ADM1", 0, kind=1))  # "Calif."


def _mention(doc, name: str) -> Mention:
    i = next(t.i for t in doc if t.text == name)
    return Mention(doc[i].idx, doc[i].idx + len(name), name, "test", True, token_start=i, token_end=i + 1)


def test_a_country_leading_or_backing_a_force_does_not_say_where_the_text_is(nlp):
    doc = nlp("The Gondor-led coalition shelled Ethring, and Rohan backed fighters held the road.")
    assert _leads_abroad(doc, _mention(doc, "Gondor"))
    assert _leads_abroad(doc, _mention(doc, "Rohan"))
    assert not _leads_abroad(doc, _mention(doc, "Ethring"))


# "Tharbad (Anorien)": Arnor's town Tharbad lies in Arnor's province Anorien; a Gondor village is also called
# Tharbad. Scored against a container read in Gondor, the village wins; against Arnor's Anorien, the town.
THARBAD = Entry(10, "Tharbad", 50.0, 50.0, "AA", "03", "P", "PPL", 60_000)
THARBAD_VILLAGE = Entry(11, "Chak Tharbad", 10.1, 10.1, "GG", "01", "P", "PPL", 0, kind=1)
ANORIEN_ARNOR = Entry(12, "Anorien", 50.2, 50.2, "AA", "03", "A", "ADM1", 1_000_000)


def test_a_place_read_in_another_country_than_its_container_s_final_reading_is_scored_once_more():
    doc = Document(["Tharbad", "Anorien"], within=[(1, True), None], votes=[True, True])
    cands = [[THARBAD, THARBAD_VILLAGE], [ANORIEN_ARNOR, ANORIEN]]
    stale = _pass(doc, cands, [THARBAD_VILLAGE, ANORIEN])  # scored against Gondor's Anorien
    assert stale[0].entry == THARBAD_VILLAGE
    out = [stale[0], Resolution(ANORIEN_ARNOR, 5.0, (), ANORIEN_ARNOR)]
    assert _settle_contained(doc, cands, out)[0].entry == THARBAD


def test_demonyms_alone_leave_no_place_far_from_the_others():
    # "Gondorian forces shelled Ethring": no other place, so Ethring is far from none
    from frontlines.geo.resolve import _drop_far_outliers

    ethring = Entry(20, "Ethring", 30.0, 30.0, "RR", "05", "P", "PPL", 2_000)
    minas_tirith = Entry(21, "Minas Tirith", 10.0, 10.0, "GG", "01", "P", "PPLC", 500_000)
    assert _drop_far_outliers([Resolution(ethring, 5.0, (), ethring)], ["GG", "GG"])[0].entry == ethring
    out = [Resolution(e, 5.0, (), e) for e in (ethring, minas_tirith)]
    assert _drop_far_outliers(out, ["GG", "GG"])[0].entry is None
