"""Sub-event types of wire reports (issue 11, typing23; invented places and forces): a second event told in a
clause of its own, weapons seized aboard a vessel, a bombing plot foiled, civilians at a wedding."""

from __future__ import annotations

from typing_harness import sentence_types

from frontlines.events.classify import classify, own_clause

DISRUPTED = "Disrupted weapons use"
IED = "Remote explosive/landmine/IED"


def _typed(nlp, text: str) -> frozenset[str]:
    """The sub-event types the lexicon finds in one sentence."""
    return frozenset(t.sub_event_type for t in classify(next(nlp(text).sents)))



def test_a_second_event_in_a_clause_of_its_own_stands(pipeline) -> None:
    text = "Police arrested 20 protesters in Aldburg on Monday, and a car bomb exploded outside a barracks in Edoras."
    assert sentence_types(pipeline, text) == {"Protest with intervention", IED}


def test_the_same_event_named_again_adds_no_type(pipeline) -> None:
    text = "Gunmen attacked a wedding in the hills above Edoras on Saturday, and the attack left six guests dead."
    assert sentence_types(pipeline, text) == {"Attack"}


def test_own_clause_needs_conjoined_clauses_with_subjects_of_their_own(pipeline) -> None:
    typer = pipeline.typer
    own = next(pipeline.parse(["Police arrested 20 protesters in Aldburg on Monday, and a car bomb exploded in Edoras."]))
    sent = next(own.sents)
    first, second = sorted(typer.read([sent])[0].typings, key=lambda t: t.trigger_start)[:2]
    assert own_clause(sent, second, first)
    same = next(pipeline.parse(["Soldiers beat and detained twelve villagers in Archet on Monday."]))
    sent = next(same.sents)
    typings = classify(sent)
    assert len(typings) == 2 and not own_clause(sent, typings[1], typings[0])


def test_a_vessel_seized_with_weapons_aboard_is_disrupted_weapons_use(nlp) -> None:
    assert _typed(nlp, "Gondor's navy seized a barge carrying weapons for the Corsairs off Pelargir on Monday.") == {
        DISRUPTED}


def test_a_vessel_seized_with_grain_is_no_weapons_use(nlp) -> None:
    assert DISRUPTED not in _typed(nlp, "Gondor's navy seized a barge carrying grain for the Corsairs off Pelargir.")


def test_a_foiled_plot_to_blow_up_a_building_is_disrupted_not_destroyed(pipeline) -> None:
    assert sentence_types(pipeline, "Police in Bree foiled a plot to blow up the town hall on Friday.") == {DISRUPTED}


def test_a_building_blown_up_is_destroyed(pipeline) -> None:
    assert DISRUPTED not in sentence_types(pipeline, "Rebels blew up the town hall in Bree on Friday.")


def test_a_blast_that_retells_a_suicide_bombing_adds_no_type(pipeline) -> None:
    text = "A suicide bomber blew himself up at a checkpoint in Edoras on Monday, and the blast killed five policemen."
    assert sentence_types(pipeline, text) == {"Suicide bomb"}


def test_guests_at_a_wedding_are_civilians(nlp) -> None:
    assert "Attack" in _typed(nlp, "Gunmen attacked a wedding party in Dunharrow on Saturday.")
    assert "Armed clash" not in _typed(nlp, "Gunmen attacked a wedding party in Dunharrow on Saturday.")
