"""The bounded walks up the dependency tree (frontlines.deptree) on small parsed sentences."""

from __future__ import annotations

import pytest

from frontlines.deptree import (
    NOMINALS,
    above,
    ascent,
    clause_verb,
    climb,
    depth,
    first_conjunct,
    is_root,
    of_head,
    of_object,
    path,
    path_to,
    run_left,
    run_right,
    up_through,
)


@pytest.fixture(scope="module")
def word(nlp):
    """The token ``text`` of the parsed ``sentence``."""
    def at(sentence: str, text: str):
        return next(t for t in nlp(sentence) if t.text == text)

    return at


def test_a_root_is_its_own_head(word):
    burned = word("Orcs burned the farms of Arnor.", "burned")
    assert is_root(burned) and burned.head.i == burned.i
    assert burned.head is not burned  # spaCy makes a new Token on each access: identity tells nothing
    assert not is_root(word("Orcs burned the farms of Arnor.", "farms"))


def test_a_walk_whose_condition_always_holds_stops_at_the_root(word):
    arnor = word("Orcs burned the farms of Arnor.", "Arnor")
    assert climb(arnor, lambda t: True).text == "burned"
    assert [t.text for t in ascent(arnor, lambda t: True)] == ["of", "farms", "burned"]


def test_limit_bounds_the_steps_taken(word):
    arnor = word("Orcs burned the farms of Arnor.", "Arnor")
    assert [t.text for t in ascent(arnor, lambda t: True, limit=2)] == ["of", "farms"]
    assert climb(arnor, lambda t: True, limit=0) is arnor


def test_climb_stays_put_when_the_condition_fails_at_once(word):
    arnor = word("Orcs burned the farms of Arnor.", "Arnor")
    assert climb(arnor, lambda t: t.dep_ == "conj") is arnor


def test_first_conjunct_of_a_list_of_weapons(word):
    sentence = "The rangers seized swords, spears and bows near Osgiliath."
    assert first_conjunct(word(sentence, "bows"), head_pos=NOMINALS).text == "swords"
    assert first_conjunct(word(sentence, "bows"), head_pos=("VERB",)).text == "bows"  # a noun's head
    assert first_conjunct(word(sentence, "swords")).text == "swords"  # the first is its own


def test_first_conjunct_of_coordinated_verbs(word):
    burned = word("Orcs crossed the river and burned the farms.", "burned")
    assert first_conjunct(burned).text == "crossed"


def test_up_through_climbs_only_the_arcs_named(word):
    heavy = word("The rangers moved heavy siege engines to the border.", "heavy")
    assert up_through(heavy, ("amod", "compound"), head_pos=NOMINALS).text == "engines"
    assert up_through(heavy, ("amod",)).text == "siege"


def test_clause_verb_of_an_object_and_of_a_verbless_sentence(word):
    assert clause_verb(word("Orcs crossed the river and burned the farms.", "farms")).text == "burned"
    assert clause_verb(word("Peace in Gondor.", "Gondor")).text == "Peace"  # the root: no verb above


def test_above_lists_the_heads_nearest_first(word):
    arnor = word("Orcs burned the farms of Arnor.", "Arnor")
    assert [t.text for t in above(arnor)] == ["of", "farms", "burned"]
    assert [t.text for t in above(arnor, limit=1)] == ["of"]
    assert list(above(word("Orcs burned the farms of Arnor.", "burned"))) == []


def test_depth_counts_the_arcs_to_the_root(word):
    osgiliath = word("Gondor mourned the victims of the massacre at Osgiliath.", "Osgiliath")
    assert depth(osgiliath) == 5  # at, massacre, of, victims, mourned
    assert depth(osgiliath, limit=2) == 2
    assert depth(word("Gondor mourned the victims of the massacre at Osgiliath.", "mourned")) == 0


def test_of_phrases_climb_to_the_noun_they_hang_on(word):
    massacre = word("Gondor mourned the victims of the massacre at Osgiliath.", "massacre")
    assert of_object(massacre) and of_head(massacre).text == "victims"
    assert [t.text for t in ascent(massacre, of_object, hop=of_head)] == ["victims"]
    assert not of_object(massacre, head_pos=("VERB",))
    assert not of_object(word("Gondor mourned the victims of the massacre at Osgiliath.", "Osgiliath"))  # "at"


def test_path_starts_at_the_token_itself(word):
    seized = word("Gondor agreed and seized the ford.", "seized")
    assert [t.text for t in path(seized, lambda t: t.dep_ == "conj")] == ["seized", "agreed"]
    assert [t.text for t in path(seized, lambda t: t.dep_ == "conj", limit=0)] == ["seized"]
    ford = word("Gondor agreed and seized the ford.", "ford")
    assert [t.text for t in path(ford, lambda t: t.dep_ == "conj")] == ["ford"]  # a dobj: no step


def test_path_to_a_token_above(word):
    sentence = "Orcs burned the farms of Arnor."
    arnor, burned = word(sentence, "Arnor"), word(sentence, "burned")
    assert [t.text for t in path_to(arnor, burned)] == ["Arnor", "of", "farms", "burned"]
    assert [t.text for t in path_to(arnor, arnor)] == ["Arnor"]
    assert path_to(burned, arnor) is None  # not above it: the walk ends at the root


def test_path_to_stops_where_the_condition_or_the_limit_fails(word):
    sentence = "Orcs burned the farms of Arnor."
    arnor, burned = word(sentence, "Arnor"), word(sentence, "burned")
    assert path_to(arnor, burned, lambda t: t.dep_ in ("pobj", "prep")) is None  # "farms" is a dobj
    assert path_to(arnor, word(sentence, "farms"), lambda t: t.dep_ in ("pobj", "prep")) is not None
    assert path_to(arnor, burned, limit=2) is None
    assert path_to(arnor, burned, limit=3) is not None


def _capitalised(tok) -> bool:
    return bool(tok.text[:1].isupper())


def test_run_right_ends_at_the_first_token_that_fails(nlp):
    doc = nlp("Orcs camped near Minas Tirith today.")
    assert run_right(doc, 3, _capitalised) == 5  # "Minas Tirith", up to "today"
    assert run_right(doc, 2, _capitalised) == 2  # "near" fails at once
    assert run_right(doc, 3, _capitalised, end=4) == 4  # "Minas" only
    assert run_right(doc, 3, lambda t: True) == len(doc)  # never past the end
    assert run_right(doc, 3, lambda t: True, end=99) == len(doc)


def test_run_left_begins_after_the_first_token_that_fails(nlp):
    doc = nlp("Orcs camped near Minas Tirith today.")
    assert run_left(doc, 5, _capitalised) == 3  # "Minas Tirith", back from "today"
    assert run_left(doc, 3, _capitalised) == 3  # "near" fails at once
    assert run_left(doc, 5, _capitalised, start=4) == 4  # "Tirith" only
    assert run_left(doc, 2, lambda t: True) == 0  # never before the first token
    assert run_left(doc, 2, lambda t: True, start=-5) == 0
