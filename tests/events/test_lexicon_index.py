"""The grouped matchers of a lexicon find what one spaCy Matcher of all its patterns finds."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from frontlines.events.ontology import anchor, load_lexicon, load_plover_lexicon, pattern_reach

TEXTS = [
    "Orc raiders shelled the village of Tharbad on Tuesday, killing three farmers and wounding five.",
    "Rangers of Arnor clashed with hillmen near Fornost after an air-strike hit the road; two were shot dead.",
    "Protesters marched in Minas Tirith and police fired tear gas; the garrison re-captured the bridge.",
    "Gondor accused Umbar of launching a drone attack and rejected talks, while rebels seized the fort.",
    "Orcs shelled Osgiliath, shelled the ford at dawn, killed two guards and, after a pause in the long "
    "night's fighting on the western bank of the river, shelled the bridge and killed a third guard.",
]


@pytest.mark.parametrize("lexicon", [load_lexicon, load_plover_lexicon])
def test_grouped_matches_equal_one_matcher_of_all_patterns(nlp, lexicon) -> None:
    lex = lexicon()
    whole = Matcher(nlp.vocab)
    for key, pat in lex.patterns.items():
        whole.add(key, [list(pat.tokens)])
    found = 0
    for doc in nlp.pipe(TEXTS):
        for sent in doc.sents:
            expected = sorted((nlp.vocab.strings[k], s, e) for k, s, e in whole(sent))
            assert sorted(lex.matches(sent)) == expected
            found += len(expected)
    assert found > 0


def test_the_anchor_is_the_first_word_without_an_operator() -> None:
    assert anchor(({"OP": "?"}, {"LEMMA": "shell"}, {"LOWER": "town"})) == ("LEMMA", "shell")
    assert anchor(({"ORTH": {"IN": ["-", "–"]}},)) is None


def test_the_reach_of_a_pattern_is_its_longest_match() -> None:
    assert pattern_reach(({"LOWER": "air"}, {"ORTH": "-", "OP": "?"}, {"LEMMA": "strike", "OP": "{0,2}"})) == 4
    assert pattern_reach(({"LOWER": "shell"},)) == 1
    assert pattern_reach(({"LOWER": "shell"}, {"LOWER": "again", "OP": "*"})) is None
