"""Named armed or political groups the actor dictionary does not list (``generic.yaml#named_group``) and the
role phrasings that name them ("fighters of X", "X claimed responsibility for"). Invented groups and places;
the real actor dictionary and parse."""

from __future__ import annotations

import datetime as dt

import pytest
from roles_harness import assembler, single_event, stages_for

from frontlines.actors import find_actors, load_actors
from frontlines.records import Article, OffsetMap

TRIGGERS = {
    "attacked": ("Battles", "Armed clash"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "stormed": ("Violence against civilians", "Attack"),
    "shelled": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ambushed": ("Battles", "Armed clash"),
}


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def run(nlp, actors):
    return single_event(assembler(nlp, actors, stages_for(TRIGGERS)))


@pytest.fixture(scope="module")
def mentions(nlp, actors):
    def found(text: str, country: str | None = None):
        doc = nlp(text)
        art = Article(id="a1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      published=dt.date(2020, 5, 9))
        return [a for s in doc.sents for a in find_actors(s, art, actors=actors, country=country)]

    return found


def test_fighters_of_an_unlisted_front_are_the_front(run):
    e = run("Fighters of the Eriador Liberation Front attacked an army checkpoint near Bree on Sunday, killing "
            "three soldiers.", {"Bree": "NG"})
    assert e.actor1 is not None and e.actor1.name == "Eriador Liberation Front"
    assert e.actor1.inter == 2  # "liberation": a rebel group
    assert "member-of-named" in e.evidence["actor1"]
    assert "named_group:'Front+Liberation'@16-40" in e.actor1.rule
    assert e.actor1.country == "NG"


def test_a_group_claiming_responsibility_for_the_attack_is_actor1(run):
    e = run("The Black Hand Brigade claimed responsibility for the bombing of a market in Dale on Monday.",
            {"Dale": "ML"})
    assert e.actor1 is not None and e.actor1.name == "Black Hand Brigade"
    assert e.actor1.inter is None  # a brigade may be rebels or a militia: not said
    assert e.evidence["actor1"].startswith("roles:claimed-responsibility")


def test_a_group_denying_responsibility_is_not_actor1(run):
    e = run("The Black Hand Brigade denied responsibility for the bombing of a market in Dale on Monday.",
            {"Dale": "ML"})
    assert e.actor1 is None or e.actor1.name != "Black Hand Brigade"


def test_gunmen_from_an_unlisted_movement_are_the_movement(run):
    e = run("Gunmen from the Haradrim Popular Movement stormed a police station in Umbar on Friday.", {"Umbar": "SO"})
    assert e.actor1 is not None and e.actor1.name == "Haradrim Popular Movement"
    assert e.evidence["actor1"].startswith("roles:nsubj+member-of-named")


def test_an_acronym_in_brackets_names_the_group_acled_style(run):
    e = run("The Rhudaur Militia (RM) ambushed orcs near Bree.", {"Bree": "NG"})
    assert e.actor1 is not None and e.actor1.name == "RM: Rhudaur Militia"
    assert e.actor1.inter == 3  # a militia is a political militia


@pytest.mark.parametrize("text", [
    "The Gondor Mechanized Brigade shelled orc positions near Osgiliath.",  # a state's unit
    "The Gondor Army shelled orc positions near Osgiliath.",  # a force noun: an unknown state's forces
    "The Gondor Security Forces shelled orc positions near Osgiliath.",
    "Members of the Red Army choir sang in Minas Tirith.",  # a modifier of another noun
    "The Salvation Army handed out food in Minas Tirith.",
])
def test_state_units_force_nouns_and_modifiers_are_no_named_group(mentions, text):
    assert not any("named_group" in a.rule for a in mentions(text))


def test_a_dictionary_name_ending_the_phrase_wins(mentions):
    found = mentions("The Syrian Democratic Forces shelled orc positions near Osgiliath.")
    assert found and found[0].id == "sdf"


def test_a_force_noun_after_the_group_is_part_of_it(mentions):
    found = mentions("Eriador Liberation Front fighters shelled orc positions near Osgiliath.", country="ML")
    assert found[0].name == "Eriador Liberation Front" and found[0].text == "Eriador Liberation Front fighters"


def test_a_state_army_named_like_a_group_is_the_states(mentions):
    found = mentions("The People's Liberation Army shelled orc positions near Osgiliath.")
    assert found and found[0].id == "military-forces-of-china" and found[0].inter in (1, 8)


def test_a_possessive_inside_the_name_and_of_a_country_after_it_belong_to_it(mentions):
    found = mentions("The People's Liberation Front of Chad (PLFC) ambushed orcs near Osgiliath.", country="TD")
    named = [a for a in found if "named_group" in a.rule]
    assert [a.name for a in named] == ["PLFC: People's Liberation Front of Chad"]
    assert named[0].inter == 2


def test_an_ethnic_militia_by_its_name_is_an_identity_militia(mentions):
    found = mentions("Rohirrim Ethnic Militias attacked a village near Edoras.", country="NG")
    named = [a for a in found if "named_group" in a.rule]
    assert named and named[0].inter == 4 and "'Militias+Ethnic'" in named[0].rule


def test_a_unit_of_a_dictionary_group_is_no_group_of_its_own(mentions):
    found = mentions("Fighters of the Osgiliath Martyrs Battalion of the Southern Resistance shelled orc positions.")
    assert not any("named_group" in a.rule for a in found)
    assert any(a.name == "Southern Resistance" for a in found)
