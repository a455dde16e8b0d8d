"""Events told the way real news tells them (issue 11, recall31; invented places and forces): bombs set off as a
sentence's second act, a killing named in the phrase of time another act followed, the one killed leading an
armed group, and armed men stood down with no one named who did it; beside near misses that stay as they are."""

from __future__ import annotations

import pytest
from typing_harness import sentence_types

CHANGE = "Change to group/activity"


def test_bombs_set_off_as_a_second_act_stand(pipeline) -> None:
    text = ("Orc bands kidnapped five shepherds from the hills above Edoras and set off three bombs in the market of "
            "Bree, officials said.")
    assert sentence_types(pipeline, text) == {"Abduction/forced disappearance", "Remote explosive/landmine/IED"}


def test_shooting_deaths_the_blockade_followed_stand_beside_it(pipeline) -> None:
    text = ("The army of Gondor reimposed a blockade on the port of Pelargir on Friday following the shooting deaths "
            "of four fishermen by Haradrim gunmen.")
    assert sentence_types(pipeline, text) == {CHANGE, "Attack"}


def test_deaths_in_a_storm_the_blockade_followed_add_nothing(pipeline) -> None:
    text = ("The army of Gondor reimposed a blockade on the port of Pelargir on Friday following the deaths of four "
            "fishermen in a storm.")
    assert sentence_types(pipeline, text) == {CHANGE}


@pytest.mark.parametrize(("text", "types"), [
    ("Orc fighters shot dead the deputy commander of a Gondorian militia near Osgiliath on Monday.", {"Armed clash"}),
    ("Orc fighters shot dead the head of a village council near Osgiliath on Monday.", {"Attack"}),
])
def test_the_one_killed_leading_an_armed_group_makes_a_clash(pipeline, text: str, types: set[str]) -> None:
    assert sentence_types(pipeline, text) == types


@pytest.mark.parametrize(("text", "types"), [
    ("Some 800 Dunlending fighters were demobilised at a camp near Tharbad on Tuesday, monitors said.", {CHANGE}),
    ("The Bree chess club was disbanded on Tuesday after its treasurer left.", set()),
])
def test_armed_men_stood_down_change_the_group(pipeline, text: str, types: set[str]) -> None:
    assert sentence_types(pipeline, text) == types


def test_a_demolition_blast_is_no_bombing(pipeline) -> None:
    assert sentence_types(pipeline, "Demolition crews detonated charges to bring down an old mill in Bree on Sunday.") == set()
