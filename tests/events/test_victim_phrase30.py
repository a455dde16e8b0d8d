"""The words that tell an unnamed role: ACLED's generic actor of victims the dictionary does not know ("abducted a
foreign engineer" → Civilians (Country)) keeps the victim's phrase as its text and offsets, and an attacker the text
names as a civilian keeps that civilian's phrase; a role no phrase names keeps the sentence. Invented places; the
real actor dictionary and parse."""

from __future__ import annotations

import pytest
from roles_harness import assembler, single_event, stages_for

from frontlines.actors import load_actors
from frontlines.events.evaluate import _role_text

TRIGGERS = {
    "abducted": ("Violence against civilians", "Abduction/forced disappearance"),
    "shot": ("Violence against civilians", "Attack"),
    "ambushed": ("Violence against civilians", "Attack"),
    "opened": ("Violence against civilians", "Attack"),
    "killing": ("Violence against civilians", "Attack"),
    "demolished": ("Strategic developments", "Looting/property destruction"),
}


@pytest.fixture(scope="module")
def run(nlp):
    return single_event(assembler(nlp, load_actors(), stages_for(TRIGGERS)))


def test_victims_the_dictionary_does_not_know_are_told_by_their_own_phrase(run):
    text = "Armed men abducted a foreign engineer in Bree on Monday."
    e = run(text, {"Bree": "NG"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Nigeria)" and e.actor2.inter == 7
    assert e.actor2.text == "a foreign engineer"
    assert text[e.actor2.start:e.actor2.end] == "a foreign engineer"
    assert e.evidence["actor2"].startswith("roles:unnamed-victims")
    assert "(victims 'a foreign engineer', roles:dobj)" in e.evidence["actor2"]


def test_gunmen_the_dictionary_reads_as_an_unidentified_group_keep_their_own_word(run):
    e = run("Gunmen abducted a foreign engineer in Bree on Monday.", {"Bree": "NG"})
    assert e.actor1 is not None and e.actor1.name == "Unidentified Armed Group (Nigeria)"
    assert e.actor1.text == "Gunmen" and (e.actor1.start, e.actor1.end) == (0, 6)


def test_the_victims_phrase_counts_as_the_named_target():
    """The PLOVER role match reads the phrase, not the sentence (which would contain any gold target)."""
    from frontlines.records import Actor, Event

    sentence = "Armed men abducted a foreign engineer in Bree."
    victims = Actor(name="Civilians (Nigeria)", id="civilians-nigeria", inter=7, text="a foreign engineer")
    told = Actor(name="Civilians (Nigeria)", id="civilians-nigeria", inter=7, text=sentence)
    event = Event(id="e1", article_id="a1", event_type=None, sub_event_type=None, plover_type=None, actor1=None,
                  actor2=victims, assoc_actors=(), place=None, geo_precision=None, date=None, time_precision=None,
                  fatalities=None, modality="asserted", attribution=None, sentence=sentence, start=0,
                  end=len(sentence), confidence=0.5)
    assert _role_text(victims, event) == "a foreign engineer"
    assert _role_text(told, event) is None


def test_a_civilian_named_as_the_attacker_keeps_his_phrase_as_the_unidentified_group(run):
    text = "Two men shot at worshippers outside a shrine in Bree on Sunday."
    e = run(text, {"Bree": "AF"})
    assert e.actor1 is not None and e.actor1.name == "Unidentified Armed Group (Afghanistan)"
    assert e.actor1.text == "Two men" and text[e.actor1.start:e.actor1.end] == "Two men"
    assert e.evidence["actor1"].startswith("roles:civilian-attacker-is-unidentified")


def test_an_attacker_no_phrase_names_keeps_the_sentence(run):
    e = run("A herder was shot dead near Bree on Sunday.", {"Bree": "AF"})
    assert e.actor1 is not None and e.actor1.name == "Unidentified Armed Group (Afghanistan)"
    assert e.actor1.text == e.sentence and (e.actor1.start, e.actor1.end) == (e.start, e.end)


def test_property_with_no_owner_named_is_told_by_the_property(run):
    e = run("Orc bulldozers demolished homes in Bree on Sunday.", {"Bree": "PS"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Palestine)" and e.actor2.text == "homes"


def test_a_pronoun_victim_leaves_the_sentence_as_the_evidence(run):
    e = run("Armed men abducted him in Bree on Monday.", {"Bree": "NG"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Nigeria)" and e.actor2.text == e.sentence


def test_the_people_an_outcome_says_died_tell_the_victims_before_what_was_hit(run):
    text = "Armed men ambushed a lorry near Bree on Sunday, killing a foreign engineer."
    e = run(text, {"Bree": "NG"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Nigeria)"
    assert e.actor2.text == "a foreign engineer" and text[e.actor2.start:e.actor2.end] == "a foreign engineer"
    assert "roles:outcome-'killing'+" in e.evidence["actor2"]


def test_fire_opened_is_no_victim(run):
    e = run("Armed men opened fire in Bree on Sunday.", {"Bree": "NG"})
    assert e.actor2 is not None and e.actor2.name == "Civilians (Nigeria)" and e.actor2.text == e.sentence
