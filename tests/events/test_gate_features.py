"""The event gate's parse features: tense, question, condition, cues, entities."""

from __future__ import annotations

import pytest

from frontlines.events.gate_features import (
    ALL_FEATURES,
    FEATURES,
    FRAME_FEATURES,
    features_of,
    frame_features,
    parse_features,
)


def _on(nlp, text: str) -> set[str]:
    """The names of the features that are 1 for the text's first sentence."""
    row = parse_features(next(nlp(text).sents))
    return {name for name, v in zip(FEATURES, row, strict=True) if v}


@pytest.mark.parametrize(("text", "on", "off"), [
    ("Orc raiders attacked a village near Bree on Monday.", {"root_past", "any_past", "date"},
     {"root_present", "root_modal", "question"}),
    ("The rebels will attack Osgiliath.", {"root_modal"}, {"root_past"}),
    ("Rebels have seized the Osgiliath crossing.", {"root_perfect"}, {"root_past", "root_present"}),
    ("Why did the army shell Minas Tirith?", {"question"}, set()),
    ("If the militia attacks, Gondor troops will respond.", {"conditional", "political"}, set()),
    ("I think they are in for a proper fight.", {"first_person", "opinion", "root_present"}, {"root_past"}),
    ("Police often arrest suspects in Bree.", {"generic", "crime", "crime2", "root_present"}, {"root_past"}),
])
def test_features_read_the_parse_and_the_cues(nlp, text: str, on: set[str], off: set[str]) -> None:
    got = _on(nlp, text)
    assert on <= got, (text, got)
    assert not (off & got), (text, got)


def test_features_of_gives_one_row_per_span_in_the_declared_order(nlp) -> None:
    sents = list(nlp("Gondor troops shelled Osgiliath. Will they stop?").sents)
    rows = features_of(sents)
    assert rows.shape == (2, len(FEATURES))
    assert set(rows.ravel()) <= {0.0, 1.0}
    assert features_of([]).shape == (0, len(FEATURES))


def test_features_of_reads_the_entities_as_span_ents(nlp) -> None:
    """Listing each doc's entities once gives the rows of ``parse_features`` span by span, for sentences
    and for clauses that cut an entity ("the Gondor army" from "the army")."""
    docs = [nlp("On Monday, Gondor troops shelled Osgiliath, the ministry in Minas Tirith said. Faramir fled."),
            nlp("Rohan riders reached Edoras on 3 March with 2,000 men.")]
    spans = [s for d in docs for s in d.sents] + [docs[0][3:9], docs[0][5:12], docs[1][1:6]]
    rows = features_of(spans)
    for row, span in zip(rows, spans, strict=True):
        assert (row == parse_features(span)).all()


def _frames(nlp, text: str) -> set[str]:
    """The names of the frame features that are 1 for the text's first sentence."""
    return {k for k, v in frame_features(next(nlp(text).sents)).items() if v}


@pytest.mark.parametrize(("text", "on", "off"), [
    ("Gondor condemned the shelling of Osgiliath.", {"frame_root", "trigger_in_frame", "triggers_all_framed"},
     {"say_future"}),
    ("Orc raiders attacked a village near Bree on Monday.", set(), set(FRAME_FEATURES)),
    ("Rebels condemned the arrest and attacked a guard post in Bree.", {"frame_root", "trigger_in_frame"},
     {"triggers_all_framed"}),
    ("Rohan said it would retaliate against the raiders.", {"say_future"}, {"frame_root", "trigger_in_frame"}),
    ("Envoys of Arnor held talks on the withdrawal of troops from Osgiliath.", {"trigger_in_frame"},
     {"frame_root"}),
    ("The bombing of Edoras was a crime.", {"trigger_topic", "triggers_all_framed"}, {"frame_root"}),
])
def test_frame_features_read_where_the_triggers_sit(nlp, text: str, on: set[str], off: set[str]) -> None:
    got = _frames(nlp, text)
    assert on <= got, (text, got)
    assert not (off & got), (text, got)


def test_a_gate_reads_the_features_it_names(nlp) -> None:
    sents = list(nlp("Gondor condemned the shelling of Osgiliath. Orcs burned Bree.").sents)
    rows = features_of(sents, ALL_FEATURES)
    assert rows.shape == (2, len(ALL_FEATURES))
    assert (rows[:, :len(FEATURES)] == features_of(sents)).all()
    assert rows[0, ALL_FEATURES.index("frame_root")] == 1.0 and rows[1, ALL_FEATURES.index("frame_root")] == 0.0
