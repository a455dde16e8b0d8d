"""Who a role names in wire sentences: the words the sentence names its actor with (counted crowds, a protest
staged by people, the owners of destroyed property), victims a clause "in which" or a noun's "of X" names, and a
verb that judges an event lending it no roles. Invented places; the real actor dictionary and parse."""

from __future__ import annotations

import pytest
from roles_harness import assembler, single_event, stages_for

from frontlines.actors import load_actors

TRIGGERS = {
    "marched": ("Protests", "Peaceful protest"),
    "demolished": ("Strategic developments", "Looting/property destruction"),
    "raids": ("Explosions/Remote violence", "Air/drone strike"),
    "demonstration": ("Protests", "Protest with intervention"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "attack": ("Violence against civilians", "Attack"),
}


@pytest.fixture(scope="module")
def run(nlp):
    return single_event(assembler(nlp, load_actors(), stages_for(TRIGGERS)))


def test_a_counted_crowd_is_named_by_the_whole_counted_phrase(run):
    e = run("Thousands of Dunlendings marched in Bree on Sunday.", {"Bree": "IQ"})
    assert e.actor1 is not None and e.actor1.name == "Protesters (Iraq)"
    assert e.actor1.text == "Thousands of Dunlendings"
    assert e.evidence["actor1"].split(";")[0].endswith("+counted-people")


def test_a_crowd_named_by_its_protest_is_the_people_who_staged_it(run):
    e = run("Police prevented the demonstration staged by students in Bree.", {"Bree": "TR"})
    assert e.actor1 is not None and e.actor1.name == "Protesters (Turkey)" and e.actor1.text == "students"
    assert "+staged-by" in e.evidence["actor1"]


def test_the_owners_of_destroyed_homes_are_the_victims(run):
    e = run("Orc bulldozers demolished Palestinian homes in Bree on Sunday.", {"Bree": "PS"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Palestine)"
    assert e.actor2.text == "Palestinian homes"
    assert e.evidence["actor2"].startswith("roles:owners-of-property")


def test_homes_whose_owners_nobody_names_leave_the_victims_unnamed(run):
    e = run("Orc bulldozers demolished homes in Bree on Sunday.", {"Bree": "PS"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Palestine)" and e.actor2.text == "homes"
    assert e.evidence["actor2"].startswith("roles:unnamed-victims")


def test_victims_a_clause_in_which_names_are_hit(run):
    e = run("Lebanon complained on Tuesday over two Israeli air raids on Bree in which it said 20 people were killed.",
            {"Bree": "LB"})
    assert e.actor1 is not None and e.actor1.name.startswith("Military Forces of Israel")
    assert e.actor2 is not None and e.actor2.name == "Civilians (Lebanon)" and e.actor2.text == "people"
    assert e.evidence["actor2"].startswith("roles:victims-in-which")


def test_who_condemns_an_abduction_did_not_do_it(run):
    e = run("The abduction of two herders near Bree was condemned by the United Nations.", {"Bree": "AF"})
    assert e.actor1 is None or e.actor1.name != "United Nations"


def test_who_carries_out_an_attack_still_did_it(run):
    e = run("The attack on herders near Bree was carried out by gunmen.", {"Bree": "AF"})
    assert e.actor1 is not None and e.actor1.generic_type == "armed group"


def test_who_a_noun_of_harm_is_done_to_is_its_victim(run):
    e = run("The abduction of two aid workers near Bree angered the villagers.", {"Bree": "AF"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Afghanistan)" and e.actor2.text == "two aid workers"
    assert e.evidence["actor2"].startswith("roles:noun-of-patient")
    assert e.actor1 is not None and e.actor1.name == "Unidentified Armed Group (Afghanistan)"  # nobody named


def test_a_noun_of_harm_keeps_who_did_it(run):
    e = run("The abduction of two aid workers by gunmen near Bree.", {"Bree": "AF"})
    assert e.actor1 is not None and e.actor1.text == "gunmen"
    assert e.actor2 is not None and e.actor2.text == "two aid workers"
