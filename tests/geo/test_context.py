"""The article's own geography beyond its place names: the outlet's home from the outlet table."""

from __future__ import annotations

from frontlines.geo import find_places
from frontlines.geo.context import (
    front_line_of,
    home_place,
    implied_places,
    km_to_line,
    listed_home,
    listed_place,
    outlet_homes,
)
from frontlines.records import Article, OffsetMap


def _article(text: str, *, outlet: str | None = None, url: str | None = None) -> Article:
    return Article(id="t", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                   outlet=outlet, url=url)


def test_a_local_paper_whose_name_says_nothing_has_its_home_from_the_table(gazetteer):
    home = home_place(_article("", outlet="The Oregonian"), gazetteer)
    assert home is not None and (home.name, home.country_code, home.admin1) == ("Portland", "US", "OR")


def test_the_table_matches_a_domain_and_its_subdomains(gazetteer):
    home = home_place(_article("", url="https://www.nola.com/news/crime/some-story.html"), gazetteer)
    assert home is not None and (home.name, home.admin1) == ("New Orleans", "LA")


def test_a_common_outlet_name_alone_is_not_looked_up_in_the_table():
    assert listed_home(_article("", outlet="The Herald")) is None


def test_an_outlet_not_in_the_table_still_gets_its_home_from_its_name(gazetteer):
    home = home_place(_article("", outlet="Houston Chronicle"), gazetteer)
    assert home is not None and home.name == "Houston"


def test_every_table_row_names_a_town_of_its_country(gazetteer):
    for row in outlet_homes():
        entry = listed_place(row, gazetteer)
        assert entry is not None and entry.country_code == row.country, row


def test_the_outlets_home_ranks_its_namesake_first(nlp, gazetteer):
    text = "The council of Columbia voted on Tuesday to close the old bridge."
    places = find_places(nlp(text), _article(text, url="https://www.thestate.com/news/local/x.html"),
                         gazetteer=gazetteer)
    columbia = next(p for p in places if p.text == "Columbia")
    assert (columbia.country_code, columbia.admin1) == ("US", "South Carolina")
    assert "home=1.00" in columbia.candidates[0].reasons


def test_a_text_about_the_front_gets_its_line_from_the_gazetteer_towns(gazetteer):
    line = front_line_of("Monitors of the OSCE SMM counted explosions overnight.", gazetteer)
    assert line is not None and line.country == "UA" and len(line.points) >= 2
    assert front_line_of("Monitors counted explosions overnight.", gazetteer) is None


def test_distance_to_the_line_is_to_its_nearest_segment():
    points = ((48.0, 37.0), (48.0, 38.0))  # a line along a parallel, about 74 km long
    assert km_to_line(48.0, 37.5, points) < 0.5
    assert 10.5 < km_to_line(48.1, 37.5, points) < 11.6  # 0.1 degree of latitude north of it
    assert km_to_line(48.0, 39.0, points) > 70  # beyond its end: the distance to the end point


def test_the_village_at_the_front_line_beats_its_namesakes(nlp, gazetteer):
    text = "The OSCE SMM recorded shelling near Molodizhne on Sunday."
    places = find_places(nlp(text), _article(text), gazetteer=gazetteer)
    village = next(p for p in places if p.text == "Molodizhne")
    front = front_line_of(text, gazetteer)
    assert front is not None and km_to_line(village.lat, village.lon, front.points) < 15


def test_armed_groups_of_the_actor_dictionary_imply_the_country_they_act_in():
    found = {(i.phrase, i.country) for i in implied_places("CODECO militiamen and pro-Houthi fighters met the LNA.")}
    assert found == {("CODECO", "CD"), ("Houthi", "YE"), ("LNA", "LY")}


def test_state_and_foreign_forces_imply_no_country():
    # state forces may fight abroad: their demonyms count, not their names
    assert implied_places("The Turkish Armed Forces and the Saudi-led coalition struck at dawn.") == []


def test_a_village_with_a_namesake_abroad_takes_the_country_its_armed_groups_act_in(nlp, gazetteer):
    text = "Forces of the LNA shelled positions held by the GNA near Al Watiyah."
    places = find_places(nlp(text), _article(text), gazetteer=gazetteer)
    assert {p.country_code for p in places if p.text == "Al Watiyah"} == {"LY"}


def test_trie_alternation_matches_as_the_plain_alternation() -> None:
    """The trie form finds what the alternation of the phrases, longest first, finds (same starts, same
    phrase), with the table's boundary rules around it."""
    import random
    import re

    from frontlines.geo.context import trie_alternation

    phrases = ["Arnor", "Arnor Guard", "Arnor Guards", "Gondor", "Gondor Rangers", "Rangers", "Minas Tirith",
               "Minas", "G.O.R.", "Ar"]
    plain = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    edges = r"(?:(?<=\bpro-)|(?<=\banti-)|(?<![\w-]))(?:{})(?![\w-])"
    old, new = re.compile(edges.format(plain)), re.compile(edges.format(trie_alternation(phrases)))
    rng = random.Random(7)
    pieces = [*phrases, "pro-", "anti-", "-", " ", "s", "x", ".", "the ", "Min"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(12))
        assert [(m.start(), m.group(0)) for m in new.finditer(text)] == \
            [(m.start(), m.group(0)) for m in old.finditer(text)], text
