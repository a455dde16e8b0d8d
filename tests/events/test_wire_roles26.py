"""Who did it to whom in wire sentences: a weapon carried by the subject, "up to N X", "the deployment of X",
counted and drawn-from phrases ("thousands of X", "fighters from X"), "died as a result of" and "in X custody",
forces one strengthens. Invented places; the real actor dictionary and parse."""

from __future__ import annotations

import pytest
from roles_harness import assembler, single_event, stages_for

from frontlines.actors import load_actors

TRIGGERS = {
    "missiles": ("Explosions/Remote violence", "Air/drone strike"),
    "kidnapped": ("Violence against civilians", "Abduction/forced disappearance"),
    "deployment": ("Strategic developments", "Change to group/activity"),
    "marched": ("Protests", "Peaceful protest"),
    "attacked": ("Violence against civilians", "Attack"),
    "torture": ("Violence against civilians", "Attack"),
    "strengthened": ("Strategic developments", "Change to group/activity"),
    "jailed": ("Strategic developments", "Arrests"),
}


@pytest.fixture(scope="module")
def run(nlp):
    return single_event(assembler(nlp, load_actors(), stages_for(TRIGGERS)))


def test_a_weapon_carried_by_the_subject_takes_the_roles_of_its_verb(run):
    e = run("British aircraft using guided missiles killed four villagers near Bree.", {"Bree": "IQ"})
    assert e.actor1 is not None and e.actor1.text == "British aircraft"
    assert e.evidence["actor1"].startswith("roles:nsubj")
    assert e.actor2 is not None and e.actor2.text == "four villagers"


def test_up_to_a_number_of_people_is_the_object(run):
    e = run("Gunmen have kidnapped up to 16 Russian civilian advisers from a bazaar in Bree.", {"Bree": "AF"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Russia)"
    assert e.evidence["actor2"].startswith("roles:dobj-up-to")


def test_the_deployment_of_troops_names_who_moves(run):
    e = run("The first deployment of Kenyan troops has arrived in Bree.", {"Bree": "SO"})
    assert e.actor1 is not None and e.actor1.text == "Kenyan troops"
    assert e.evidence["actor1"].startswith("roles:noun-of-mover")


def test_thousands_of_a_people_names_the_people(run):
    e = run("Thousands of Nigerians marched in Bree on Thursday.", {"Bree": "NG"})
    assert e.actor1 is not None and e.actor1.text == "Nigerians"
    assert "counted-of" in e.evidence["actor1"]


def test_fighters_from_a_named_group_are_the_group(run):
    e = run("Fighters from the Islamic State attacked villagers near Bree.", {"Bree": "SY"})
    assert e.actor1 is not None and (e.actor1.id or "").startswith("islamic-state")
    assert "member-of-named" in e.evidence["actor1"]
    assert e.actor2 is not None and e.actor2.text == "villagers"


def test_members_of_a_named_group_jailed_are_the_group(run):
    e = run("Nigerian authorities jailed 52 members of the banned Movement for the Actualization of the Sovereign "
            "State of Biafra in Bree.", {"Bree": "NG"})
    assert e.actor2 is not None and e.actor2.id == "massob"


def test_who_died_of_torture_in_custody(run):
    e = run("A Palestinian prisoner died as a result of torture while in Israeli police custody in Bree.", {"Bree": "IL"})
    assert e.actor2 is not None and e.actor2.text == "Palestinian prisoner"
    assert e.evidence["actor2"].startswith("roles:died-of")
    assert e.actor1 is not None and e.actor1.text == "Israeli police"
    assert e.evidence["actor1"].startswith("roles:in-custody-of")


def test_forces_one_strengthens_are_ones_own(run):
    e = run("Kenya has strengthened its forces in Bree.", {"Bree": "SO"})
    assert e.actor2 is None


def test_activists_from_a_party_protest_as_protesters_with_the_party(run):
    e = run("Angry activists from the Fatah Party marched in Bree against the party's leader.", {"Bree": "PS"})
    assert e.actor1 is not None and e.actor1.name == "Protesters (Palestine)" and e.actor1.text == "Fatah Party"
    assert [a.id for a in e.assoc_actors] == ["fatah"]


def test_a_longer_name_is_not_the_shorter_party(run):
    e = run("Fighters from Fatah al-Islam attacked villagers near Bree.", {"Bree": "LB"})
    assert e.actor1 is not None and e.actor1.id == "fatah-al-islam"
