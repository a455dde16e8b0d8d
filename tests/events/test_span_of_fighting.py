"""Fighting "with Y" counted by its length before an act of war: the act's doer is the fighting's other side."""

from __future__ import annotations

import pytest
from roles_harness import assembler, stages_for

from frontlines.actors.dictionary import load_actors

STAGES = stages_for({"clashes": ("Battles", "Armed clash")})


@pytest.fixture(scope="module")
def run(nlp):
    return assembler(nlp, load_actors(), STAGES)


def test_the_force_that_took_a_town_after_days_of_clashes_with_y_fought_y(run):
    [e] = run("Syrian government forces captured Linhir on Sunday after two days of clashes with Islamic State "
              "fighters.", {"Linhir": "SY"})
    assert e.actor1 is not None and e.actor1.name.startswith("Military Forces of Syria")
    assert e.actor2 is not None and e.actor2.name == "Islamic State (Syria)"
    assert e.evidence["actor1"].startswith("roles:subject-after-days-of")


@pytest.mark.parametrize("text", [
    "Hundreds of villagers fled Linhir on Sunday after two days of clashes with Islamic State fighters.",  # no fighter
    "Syrian government forces captured Linhir on Sunday after two days of clashes.",  # the fighting names no side
])
def test_no_doer_is_taken_from_people_who_fled_or_from_fighting_with_no_other_side(run, text):
    for e in run(text, {"Linhir": "SY"}):
        assert not e.evidence.get("actor1", "").startswith("roles:subject-after-days-of")
