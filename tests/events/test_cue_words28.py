"""Issue 11 (cues28): a cue matches the beginning of a word, so one that also begins a longer, unrelated word
("ban" in "Bank", "plan" in "planes", "execut" in "executive") lets false events in or drops true ones. Such
cues are written as the whole word ("plan ") or as a list of the intended forms."""

from __future__ import annotations

import pytest
from typing_harness import subs_and_reasons

from frontlines.events.matching import load_matching
from frontlines.events.ontology import load_lexicon, load_plover_lexicon
from frontlines.events.scope.base import SENTENCE_CUES, load_scope

#: Common news words that begin with a cue's word but are no form of it: no cue may match them.
UNRELATED_WORDS = ["bank", "banking", "campaign", "campus", "business", "billion", "according", "couple", "freedom",
                   "lawmakers", "lawyer", "lawsuit", "medical", "medicine", "mobile", "foundation", "founder",
                   "significant", "signature", "stability", "stable", "training", "regional", "executive", "critical",
                   "gradually", "graduate", "cellphone", "postponed", "posture", "tired", "tireless", "aides",
                   "landscape", "landmark", "handful", "handle", "handsome", "portugal", "portfolio", "bulletin",
                   "residential", "entertainment", "enterprise", "testimony", "accountable", "stakeholders", "urgent",
                   "conventional", "squadron", "brokered", "bodyguards", "contractor", "roundabout", "boundary",
                   "dealer", "generally", "generation", "planet", "mineral", "baseball", "basement", "category",
                   "catholic", "petition", "petrol", "bowl", "rodriguez", "trafficking", "roadmap", "roadside",
                   "deadline", "heroine", "conflicting"]


def _cues() -> list[tuple[str, str]]:
    """(where, cue padded as it is looked up: " plan" a word start, " plan " the whole word) of every with/also/
    without cue of the two lexicons, every sentence cue of scope.yaml and every protest word."""
    out = [(e.id, f" {c}") for lex in (load_lexicon(), load_plover_lexicon()) for e in lex.entries.values()
           for c in e.with_ + e.also + e.without]
    out += [(key, c) for key in sorted(SENTENCE_CUES) for c in load_scope()[key]]
    return out + [("protest_words", f" {c}") for c in load_matching()["protest_words"]]


def _meant(cue: str, word: str) -> bool:
    """The word is the cue's last word itself or its plural (a cue "campaign" means the word campaign)."""
    return word in {cue.split()[-1] + end for end in ("", "s", "es")}


@pytest.mark.parametrize("word", UNRELATED_WORDS)
def test_no_cue_begins_an_unrelated_word(word) -> None:
    assert [(where, cue) for where, cue in _cues() if cue in f" {word} " and not _meant(cue, word)] == []


def test_a_camp_keeps_its_forms() -> None:
    assert {" camp ", " camps ", " camped "} <= {cue for where, cue in _cues() if where == "base.camp"}


def test_a_fighter_plane_shot_down_is_not_a_plan(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Gondor air defences shot down a Mordor fighter plane over Osgiliath on Monday.")
    assert "Armed clash" in subs


def test_a_campaign_office_is_no_camp(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The army of Gondor set up a campaign office in Osgiliath on Monday.")
    assert "Headquarters or base established" not in subs
    subs, _ = subs_and_reasons(nlp, "The army of Gondor set up a camp near Osgiliath on Monday.")
    assert "Headquarters or base established" in subs


def test_medical_sources_are_no_medics_on_strike(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Medical sources in Osgiliath said the strike on the market killed four people.")
    assert "Peaceful protest" not in subs


@pytest.mark.parametrize("text, sub", [
    ("Orcs tortured prisoners in Osgiliath, the lawyers of the victims said.", "Attack"),
    ("Orcs kidnapped two traders near Bree; the Freedom Front of Arnor condemned the abduction.",
     "Abduction/forced disappearance"),
])
def test_lawyers_or_a_freedom_front_are_no_law_or_release(nlp, text, sub) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert sub in subs


def test_a_bank_executive_found_dead_names_no_execution(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The body of a bank executive was found in the river at Osgiliath on Monday.")
    assert "Attack" not in subs


def test_a_village_whose_name_begins_with_mine_holds_no_landmine(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Monitors observed twelve explosions near the front line at Minethorn on Monday.")
    assert "Shelling/artillery/missile attack" in subs
