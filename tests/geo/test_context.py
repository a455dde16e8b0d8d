"""The article's own geography beyond its place names: the outlet's home from the outlet table."""

from __future__ import annotations

from frontlines.geo import find_places
from frontlines.geo.context import home_place, listed_home, listed_place, outlet_homes
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
