"""Who did what to whom in news-style sentences: the patient of a launched object, whom a taking verb takes
from, the posts of a non-state group, attack nouns that name their own actors, "were engaged in". Invented
places; the real actor dictionary and parse."""

from __future__ import annotations

import pytest
from roles_harness import assembler, single_event, stages_for

from frontlines.actors import load_actors

TRIGGERS = {
    "launched": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "seized": ("Strategic developments", "Disrupted weapons use"),
    "recaptured": ("Battles", "Government regains territory"),
    "shelled": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "raids": ("Explosions/Remote violence", "Air/drone strike"),
    "fighting": ("Battles", "Armed clash"),
    "engaged": ("Battles", "Armed clash"),
    "arrested": ("Strategic developments", "Arrests"),
    "shot": ("Violence against civilians", "Attack"),
}


STAGES = stages_for(TRIGGERS)


@pytest.fixture(scope="module")
def run(nlp):
    return single_event(assembler(nlp, load_actors(), STAGES))


def test_the_patient_of_a_launched_object_is_actor2(run):
    e = run("Nigerian troops launched artillery, mortar and rocket fire against rebel hideouts near Bree.", {"Bree": "NG"})
    assert e.actor1 is not None and e.actor1.text == "Nigerian troops"
    assert e.actor2 is not None and e.actor2.name == "Rebels (Nigeria)"
    assert e.evidence["actor2"].startswith("roles:object-prep-against")


def test_a_taking_verb_takes_from_actor2(run):
    e = run("Kenyan police seized the weapons from militants in Bree.", {"Bree": "KE"})
    assert e.actor1 is not None and e.actor1.text == "Kenyan police"
    assert e.actor2 is not None and e.actor2.inter == 3
    assert e.evidence["actor2"].startswith("roles:taken-from")


def test_a_town_taken_from_a_group_names_it_actor2(run):
    e = run("Malian soldiers recaptured Bree from the militants on Tuesday.", {"Bree": "ML"})
    assert e.actor1 is not None and e.actor1.text == "Malian soldiers"
    assert e.actor2 is not None and e.actor2.text == "militants"


def test_the_camps_of_a_non_state_group_name_the_group(run):
    e = run("Sudanese soldiers shelled guerrilla camps near Bree.", {"Bree": "SD"})
    assert e.actor2 is not None and e.actor2.text == "guerrilla" and e.actor2.inter == 2


def test_the_vehicles_of_a_group_do_not_name_it(run):
    e = run("Sudanese soldiers shelled guerrilla trucks near Bree.", {"Bree": "SD"})
    assert e.actor2 is None or e.actor2.text != "guerrilla"


def test_an_attack_noun_names_its_own_attacker_before_the_subject_of_its_verb(run):
    e = run("Kenya complained to the United Nations over two Ethiopian air raids near Bree.", {"Bree": "ET"})
    assert e.actor1 is not None and e.actor1.name.startswith("Military Forces of Ethiopia")
    assert e.actor1.text == "Ethiopian air raids"


def test_fighting_between_two_sides_is_theirs_not_the_subjects_of_its_verb(run):
    e = run("Chad closed the road to Bree because of fighting between soldiers and rebels.", {"Bree": "TD"})
    assert e.actor1 is not None and e.actor1.text == "soldiers"
    assert e.actor2 is not None and e.actor2.text == "rebels"


def test_the_subject_of_a_verb_stays_actor1_when_its_attack_noun_names_nobody(run):
    e = run("The rebels retreated from Bree after heavy fighting.", {"Bree": "TD"})
    assert e.actor1 is not None and e.actor1.text == "rebels"


def test_forces_engaged_in_fighting_are_actor1(run):
    e = run("Malian soldiers were engaged in fighting against militants near Bree.", {"Bree": "ML"})
    assert e.actor1 is not None and e.actor1.text == "Malian soldiers"
    assert e.actor2 is not None and e.actor2.inter == 3


def test_an_arrested_missionary_is_a_civilian_actor2(run):
    e = run("A missionary was arrested in Bree on Friday.", {"Bree": "KE"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Kenya)"


def test_border_patrol_agents_who_shot_migrants(run):
    e = run("Kenyan border patrol agents shot two migrants near Bree.", {"Bree": "KE"})
    assert e.actor1 is not None and e.actor1.name.startswith("Police Forces of Kenya")
    assert e.actor2 is not None and e.actor2.name == "Civilians (Kenya)" and e.actor2.text == "two migrants"

