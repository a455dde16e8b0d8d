"""The event gate's parse features: tense, question, condition, cues, entities."""

from __future__ import annotations

import pytest

from frontlines.events.gate_features import FEATURES, features_of, parse_features


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
