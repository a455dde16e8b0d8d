"""The accelerated attribute ruler and lemmatizer annotate exactly as spaCy's own components."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, TAG

from frontlines import nlp as frontlines_nlp

TEXTS = [
    "Gondor's riders ain't retreating: they stormed the gates of Minas Tirith on Sunday, killing 12 orcs.",
    "The Arnor  militia's  commanders said   it wasn't over.\n\nThree villages were burned near Bree-land.",
    "Protesters gathered in Osgiliath; police fired tear gas and detained 40 people, the ministry said.",
    "Are n't they going? He's been shot; she'd rather stay. Went, gone, going, goes - better, best.",
    "\n  \t",
]
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, IS_SPACE, LOWER, NORM]


@pytest.fixture(scope="module")
def stock(settings):
    return frontlines_nlp.load_stock(settings.nlp_model)


def test_fast_components_replace_the_stock_ones(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), frontlines_nlp.FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), frontlines_nlp._CachedLemmas)


@pytest.mark.parametrize("batch", [False, True])
def test_same_annotations_as_stock_spacy(nlp, stock, batch):
    """Every token attribute, the morphology and the lemmas; twice, so the second run reads the caches."""
    for _ in range(2):
        ours = list(nlp.pipe(TEXTS)) if batch else [nlp(t) for t in TEXTS]
        theirs = list(stock.pipe(TEXTS))
        for a, b in zip(ours, theirs, strict=True):
            assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))
            assert [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in a] == \
                [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in b]
