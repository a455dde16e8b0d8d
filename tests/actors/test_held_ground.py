"""Held ground (data/actors/held_ground.yaml): who held a front line's settlements, and the role rule on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from frontlines.actors import load_actors
from frontlines.actors.held import held_in_text, held_place, in_longer_name, load_held_ground, place_key
from frontlines.errors import ConfigError
from frontlines.events.roles.unnamed import unnamed_roles
from frontlines.records import Actor, Event, Place

ARNOR = """
version: 1
areas:
- id: arnor-line
  country: UA
  from: 2031-01-01
  to: 2035-01-01
  holders: {government: military-forces-of-ukraine, separatists: naf}
  provinces:
  - admin1: [Arthedain]
    government: [Fornost, {name: Amon Sul, aliases: [Weathertop]}, {name: Tharbad, from: 2033-06-01}]
    separatists: [Carn Dum, Bree]
  - admin1: [Cardolan]
    government: [Bree]
"""


@pytest.fixture()
def arnor(tmp_path: Path):
    p = tmp_path / "held.yaml"
    p.write_text(ARNOR, encoding="utf-8")
    return load_held_ground(p)


def test_a_listed_settlement_has_its_holder_and_the_side_facing_it(arnor) -> None:
    p = held_place(arnor, "Carn Dûm", country="UA", admin1="Arthedain", on=dt.date(2032, 5, 9))
    assert p is not None and (p.holder, p.holder_id, p.opponent_id) == ("separatists", "naf", "military-forces-of-ukraine")
    assert p.rule == "held_ground.yaml#arnor-line:Carn Dum (separatists)"


def test_spellings_and_aliases_match() -> None:
    assert place_key("Mar'yinka") == place_key("Marinka") == "marinka"
    assert place_key("Zolote-4") == place_key("Zolote 4")


def test_an_alias_names_the_listed_settlement(arnor) -> None:
    p = held_place(arnor, "Weathertop", country="UA", admin1="Arthedain", on=dt.date(2032, 5, 9))
    assert p is not None and p.name == "Amon Sul" and p.holder == "government"


def test_outside_the_dates_or_the_province_nothing_is_known(arnor) -> None:
    assert held_place(arnor, "Fornost", country="UA", admin1="Arthedain", on=dt.date(2036, 1, 1)) is None
    assert held_place(arnor, "Fornost", country="UA", admin1="Arthedain", on=None) is None
    assert held_place(arnor, "Fornost", country="UA", admin1="Rhudaur", on=dt.date(2032, 5, 9)) is None
    assert held_place(arnor, "Fornost", country="GB", admin1="Arthedain", on=dt.date(2032, 5, 9)) is None
    assert held_place(arnor, "Minas Tirith", country="UA", admin1="Arthedain", on=dt.date(2032, 5, 9)) is None


def test_a_settlement_listed_from_a_date_is_unknown_before_it(arnor) -> None:
    assert held_place(arnor, "Tharbad", country="UA", admin1="Arthedain", on=dt.date(2033, 1, 1)) is None
    assert held_place(arnor, "Tharbad", country="UA", admin1="Arthedain", on=dt.date(2034, 1, 1)) is not None


def test_a_name_in_two_provinces_needs_the_province(arnor) -> None:
    assert held_place(arnor, "Bree", country="UA", admin1=None, on=dt.date(2032, 5, 9)) is None
    p = held_place(arnor, "Bree", country="UA", admin1="Cardolan", on=dt.date(2032, 5, 9))
    assert p is not None and p.holder == "government"
    assert held_place(arnor, "Fornost", country="UA", admin1=None, on=dt.date(2032, 5, 9)) is not None


def test_an_area_needs_two_holders(tmp_path: Path) -> None:
    p = tmp_path / "held.yaml"
    p.write_text(ARNOR.replace("separatists: naf}", "separatists: naf, rangers: dunedain}"), encoding="utf-8")
    with pytest.raises(ConfigError, match="exactly two holders"):
        load_held_ground(p)


def test_the_shipped_list_loads_and_names_dictionary_actors() -> None:
    actors = load_actors()
    ground = load_held_ground()
    assert ground.places
    for places in ground.places.values():
        for p in places:
            assert actors.get(p.holder_id) is not None and actors.get(p.opponent_id) is not None
            assert p.start < p.end


# ---------------------------------------------------------------- the role rule (shipped list, invented reports)

def _event(sub: str, place: str, date: dt.date | None, actor1: Actor | None = None) -> Event:
    event_type = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
    where = Place(text=place, start=40, end=40 + len(place), name=place, geonameid=1, lat=None, lon=None,
                  country_code="UA", admin1="Luhanska oblast", feature_code="PPL", precision="point")
    return Event(id="e", article_id="a", event_type=event_type, sub_event_type=sub, plover_type=None, actor1=actor1,
                 actor2=None, assoc_actors=(), place=where, geo_precision=1, date=date, time_precision=1,
                 fatalities=None, modality="asserted", attribution=None, sentence="Monitors heard explosions near it.",
                 start=0, end=60, confidence=0.8)


def test_fire_near_a_held_settlement_naming_nobody_is_the_side_facing_it() -> None:
    e = unnamed_roles(_event("Shelling/artillery/missile attack", "Sokil'nyky", dt.date(2020, 5, 9)), load_actors())
    assert e.actor1 is not None and e.actor1.id == "military-forces-of-ukraine" and e.actor1.inter == 1
    assert e.actor2 is None
    assert e.evidence["actor1"].startswith("roles:held-ground; held_ground.yaml#donbas-line-of-contact:Sokilnyky")


def test_a_clash_near_a_held_settlement_has_the_holder_as_actor2() -> None:
    e = unnamed_roles(_event("Armed clash", "Bolotene", dt.date(2020, 5, 9)), load_actors())
    assert e.actor1 is not None and e.actor1.id == "naf" and e.actor1.inter == 2
    assert e.actor2 is not None and e.actor2.name == "Military Forces of Ukraine (2019-)"


def test_outside_the_list_the_unknown_stays_unknown() -> None:
    actors = load_actors()
    after = unnamed_roles(_event("Shelling/artillery/missile attack", "Sokilnyky", dt.date(2023, 5, 9)), actors)
    assert after.actor1 is None
    unlisted = unnamed_roles(_event("Shelling/artillery/missile attack", "Minas Tirith", dt.date(2020, 5, 9)), actors)
    assert unlisted.actor1 is None
    clash = unnamed_roles(_event("Armed clash", "Minas Tirith", dt.date(2020, 5, 9)), actors)
    assert clash.evidence["actor1"].startswith("roles:unnamed-sides")


def test_a_named_actor_is_kept() -> None:
    named = Actor("Orcs of Mordor", None, None, text="orcs")
    e = _event("Shelling/artillery/missile attack", "Sokilnyky", dt.date(2020, 5, 9), actor1=named)
    assert unnamed_roles(e, load_actors()).actor1 == named
    assert unnamed_roles(replace(e, actor1=None, date=None), load_actors()).actor1 is None


def test_a_name_inside_a_longer_name_is_not_the_settlement(arnor) -> None:
    assert in_longer_name(" Filtration Station.") and in_longer_name("-4, on Monday") and in_longer_name(" region")
    assert not in_longer_name(", Arthedain, on Monday") and not in_longer_name(" on 3 May")
    assert held_in_text(arnor, "Explosions near Fornost Airport.", on=dt.date(2032, 5, 9)) is None


def test_a_text_naming_one_listed_settlement_gives_it(arnor) -> None:
    text = "The monitors heard explosions near Amon Sul."
    found = held_in_text(arnor, text, on=dt.date(2032, 5, 9))
    assert found is not None and found[0].name == "Amon Sul" and text[found[1]:found[2]] == "Amon Sul"
    assert held_in_text(arnor, "Explosions between Fornost and Carn Dum.", on=dt.date(2032, 5, 9)) is None


def test_an_event_without_a_place_takes_the_settlement_its_sentence_names() -> None:
    e = replace(_event("Shelling/artillery/missile attack", "x", dt.date(2020, 5, 9)), place=None,
                sentence="Monitors heard 5 explosions near Zolote-4.")
    e = unnamed_roles(e, load_actors())
    assert e.actor1 is not None and e.actor1.id == "naf" and e.actor1.text == "Zolote-4"


def test_a_place_inside_a_longer_name_is_not_used() -> None:
    e = _event("Shelling/artillery/missile attack", "Sokilnyky", dt.date(2020, 5, 9))
    e = replace(e, sentence=" " * 40 + "Sokilnyky Pumping Station was hit.")
    assert unnamed_roles(e, load_actors()).actor1 is None
