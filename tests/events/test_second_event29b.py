"""Second events left by multi29 (issue 11, helper second29b; invented places and forces): a protest the sentence's
subject joined ("joining demonstrators in demanding ..."), and a place the other side won before, named by "it"
("... with rebels who overran it"); neither is a type where the words name no protest or no place."""

from __future__ import annotations

from typing_harness import sentence_types

from frontlines.events.roles.agent_target import object_antecedent

RIOT, PROTEST = "Violent demonstration", "Peaceful protest"
REGAINED, OVERTAKEN, CLASH = "Government regains territory", "Non-state actor overtakes territory", "Armed clash"


def test_a_protest_the_rioters_joined_is_a_second_event(pipeline) -> None:
    text = ("Prisoners rioted at a jail in Minas Tirith on Monday joining thousands of demonstrators in demanding a "
            "referendum on independence from Gondor, locals said.")
    assert sentence_types(pipeline, text) == {RIOT, PROTEST}


def test_joining_the_talks_is_no_protest(pipeline) -> None:
    text = ("Prisoners rioted at a jail in Minas Tirith on Monday joining the talks in demanding a referendum on "
            "independence from Gondor, locals said.")
    assert sentence_types(pipeline, text) == {RIOT}


def test_joining_the_army_is_no_protest(pipeline) -> None:
    text = "Hundreds of young men in Minas Tirith joined the army on Monday in demanding revenge on Mordor, officials said."
    assert PROTEST not in sentence_types(pipeline, text)


def test_the_place_the_rebels_overran_before_is_a_second_territory_event(pipeline) -> None:
    text = ("Gondorian forces have retaken a village in Ithilien after fierce fighting with rebels who overran it late "
            "last month, officials said.")
    assert sentence_types(pipeline, text) == {REGAINED, CLASH, OVERTAKEN}


def test_a_place_seized_before_the_retaking_in_a_clause_of_time_is_its_backstory(pipeline) -> None:
    text = "Gondorian forces regained control of Osgiliath on Monday after rebels seized it in March, officials said."
    assert sentence_types(pipeline, text) == {REGAINED}


def test_a_budget_overrun_is_no_territory(pipeline) -> None:
    text = ("Gondorian forces have retaken a village in Ithilien after fierce fighting with rebels who overran the "
            "budget late last month, officials said.")
    assert sentence_types(pipeline, text) == {REGAINED, CLASH}


def test_it_stands_for_the_object_of_the_clause_above(nlp) -> None:
    doc = nlp("The guild of Bree cut the budget after a dispute with builders who overran it last year.")
    verb = next(t for t in doc if t.lower_ == "overran")
    it = next(t for t in doc if t.lower_ == "it")
    assert [t.lower_ for t in object_antecedent([it], verb)] == ["budget"]
    doc = nlp("Rebels who overran it were driven out of Osgiliath.")
    verb = next(t for t in doc if t.lower_ == "overran")
    it = next(t for t in doc if t.lower_ == "it")
    assert object_antecedent([it], verb) == [it]
