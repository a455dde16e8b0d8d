"""Token norms set before the parse (data/nlp/norms.yaml): "IS" as the group, the verb left as it is."""

from __future__ import annotations

import pytest

from frontlines.nlp import ParseNorms


def _token(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text", [
    "IS militants attacked Bree on Monday.",
    "Orc troops shelled IS positions near Minas Tirith.",
    "Arnor forces clashed with IS near Bree.",
    "At Bree, IS gunmen killed 2 farmers.",
])
def test_upper_case_is_before_a_group_noun_or_after_a_preposition_is_the_group(nlp, text):
    tok = _token(nlp(text), "IS")
    assert tok.norm_ == "isis"
    assert tok.pos_ in {"PROPN", "NOUN"} and tok.dep_ != "ROOT"


def test_the_group_is_the_subjects_compound_not_a_passive_auxiliary(nlp):
    doc = nlp("IS militants attacked Bree on Monday.")
    assert (doc[0].dep_, doc[0].head.text) == ("compound", "militants")
    assert (doc[1].dep_, doc[1].head.text) == ("nsubj", "attacked")


@pytest.mark.parametrize("text", [
    "It IS true that Bree fell.",
    "THIS IS WAR, the riders said.",
    "The siege IS not over.",
])
def test_emphatic_is_stays_the_verb(nlp, text):
    tok = _token(nlp(text), "IS")
    assert tok.norm_ == "is"
    assert tok.pos_ in {"AUX", "VERB"}


def test_rules_read_only_the_neighbouring_words():
    norms = ParseNorms()
    assert norms.is_group("and", "near") and norms.is_group("", "militants")
    assert not norms.is_group("it", "true") and not norms.is_group("THIS", "WAR")
