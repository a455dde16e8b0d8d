"""Local news: the outlet's home, US states and the namesakes of towns in a US paper (issue 13).

These need the real gazetteer (US towns and states); the sentences are written for the tests.
"""

from __future__ import annotations

import pytest

from frontlines.geo import find_places
from frontlines.records import Article, OffsetMap


def _places(nlp, gazetteer, text: str, url: str | None = None):
    article = Article(id="t", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)), url=url)
    return {p.text: p for p in find_places(nlp(text), article, gazetteer=gazetteer)}


@pytest.mark.parametrize(("text", "url", "name", "state"), [
    ("The fire started in Paris on Monday, the sheriff said.", "https://www.dallasnews.com/news/x.html",
     "Paris", "Texas"),
    ("Police in Dublin arrested two men on Tuesday.", "https://www.dispatch.com/story/news/x", "Dublin", "Ohio"),
    ("Georgia lawmakers passed the budget on Monday.", "https://www.ajc.com/politics/x", "Georgia", "Georgia"),
    ("Springfield police arrested a man on Monday.", "https://www.masslive.com/news/x", "Springfield",
     "Massachusetts"),
    ("Springfield police arrested a man on Monday.", "https://www.sj-r.com/news/x", "Springfield", "Illinois"),
])
def test_a_local_papers_namesake_is_the_one_near_its_home(nlp, gazetteer, text, url, name, state):
    place = _places(nlp, gazetteer, text, url)[name]
    assert (place.country_code, place.admin1) == ("US", state)
    assert any(r.startswith("home=") and r != "home=0.00" for r in place.candidates[0].reasons)


@pytest.mark.parametrize("text", ["The governor of Georgia signed the budget.",
                                  "Georgia Gov. Ann Smith signed the budget.",
                                  "The Georgia legislature passed the budget."])
def test_a_governor_or_legislature_says_the_name_is_a_state(nlp, gazetteer, text):
    place = _places(nlp, gazetteer, text)["Georgia"]
    assert (place.country_code, place.feature_code) == ("US", "ADM1")


def test_a_state_beside_its_own_towns_is_the_state(nlp, gazetteer):
    text = ("We drove from Eugene to Corvallis and on to Salem. Toledo, a mill town on the Yaquina, was quiet. "
            "Nowhere is Oregon greener than in spring.")
    place = _places(nlp, gazetteer, text)["Oregon"]
    assert (place.country_code, place.feature_code) == ("US", "ADM1")


def test_a_state_is_not_the_village_of_its_name_near_the_outlet(nlp, gazetteer):
    text = "A ticket sold in Trenton won the jackpot. The last winner, in Florida, took home $40 million."
    place = _places(nlp, gazetteer, text, "https://www.nj.com/news/x.html")["Florida"]
    assert (place.country_code, place.feature_code) == ("US", "ADM1")


def test_new_york_stays_the_city(nlp, gazetteer):
    place = _places(nlp, gazetteer, "The show opened in New York and moved to Boston.")["New York"]
    assert place.feature_code != "ADM1"


@pytest.mark.parametrize(("line", "town", "state"), [
    ("Write to P.O. Box 12, Springfield IL 62701.", "Springfield", "Illinois"),
    ("Send it to 40 Oak St, Athens GA 30601 before May.", "Athens", "Georgia"),
])
def test_a_postal_address_puts_the_town_in_its_state(nlp, gazetteer, line, town, state):
    places = _places(nlp, gazetteer, line)
    assert (places[town].country_code, places[town].admin1) == ("US", state)
    assert places[town].evidence.rule == "postal-address"


def test_a_local_papers_streets_lie_in_its_home_town_when_the_text_names_it(nlp, gazetteer):
    text = ("The parade left Magazine Street in New Orleans. It passed the Dubreuil house, "
            "which the Dubreuil heirs sold, and ended on Esplanade Avenue.")
    places = _places(nlp, gazetteer, text, "https://www.nola.com/news/x.html")
    street = next(p for p in places.values() if p.text.endswith("Avenue"))
    assert (street.name, street.precision) == ("New Orleans", "near")
