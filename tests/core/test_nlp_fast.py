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


def test_fast_ruler_follows_rule_order_index_and_predicates():
    """Invented rules of every supported shape (TAG/LOWER/DEP/IS_SPACE, IN, NOT_IN, REGEX, two tokens
    with a negative index, a later rule overriding an earlier one): the same tokens as spaCy's ruler;
    a three-token pattern makes the fast ruler fall back to spaCy's own code."""
    import spacy
    from spacy.tokens import Doc

    def ruler(nlp, extra=()):
        r = nlp.add_pipe("attribute_ruler")
        r.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
        r.add([[{"TAG": {"IN": ["VBD", "VBN"]}}]], {"POS": "VERB", "MORPH": "Tense=Past"})
        r.add([[{"LOWER": "gondor"}]], {"POS": "PROPN"})
        r.add([[{"LOWER": {"REGEX": "^ost"}, "TAG": "NN"}]], {"MORPH": "Number=Plur"})
        r.add([[{"DEP": {"NOT_IN": ["", "punct"]}, "TAG": "DT"}]], {"POS": "DET"})
        r.add([[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"}, index=0)
        r.add([[{"LOWER": "the"}, {"TAG": "NN"}]], {"POS": "X"}, index=-1)
        r.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"})
        for pattern in extra:
            r.add([pattern], {"POS": "INTJ"})
        return nlp

    words = ["The", "orcs", "ai", "n't", "the", "ost", "in", "Gondor", "burned", "\n", "the", "gate", "."]
    tags = ["DT", "NNS", "VBP", "RB", "DT", "NN", "IN", "NNP", "VBD", "_SP", "DT", "NN", "."]
    deps = ["det", "nsubj", "ROOT", "neg", "det", "dobj", "prep", "pobj", "conj", "dep", "det", "dobj", "punct"]
    heads = [1, 2, 2, 2, 5, 2, 5, 6, 2, 8, 11, 8, 2]
    for extra in ((), ([{"TAG": "DT"}, {"TAG": "NN"}, {"TAG": "IN"}],)):
        stock, fast = ruler(spacy.blank("en"), extra), frontlines_nlp.accelerate(ruler(spacy.blank("en"), extra))
        assert isinstance(fast.get_pipe("attribute_ruler"), frontlines_nlp.FastAttributeRuler)
        docs = [Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads) for nlp in (stock, fast)]
        a, b = stock.get_pipe("attribute_ruler")(docs[0]), fast.get_pipe("attribute_ruler")(docs[1])
        assert [(t.pos_, str(t.morph), t.tag_, t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.tag_, t.lemma_) for t in b]
        assert b[2].lemma_ == "be" and b[5].pos_ == "X" and str(b[5].morph) == "Number=Plur" and b[9].pos_ == "SPACE"


def test_fast_ruler_keys_a_word_by_what_its_rules_test():
    """A word no rule names is cached by the rules' regexes it matches alone, so new words seldom
    make new cache entries; a named word is its own key."""
    import spacy

    nlp = spacy.blank("en")
    r = nlp.add_pipe("attribute_ruler")
    r.add([[{"LOWER": "gondor"}]], {"POS": "PROPN"})
    r.add([[{"LOWER": {"IN": ["rohan", "arnor"]}}, {"LOWER": {"REGEX": "^ost"}}]], {"POS": "NOUN"})
    plan = frontlines_nlp._RulerPlan.of(frontlines_nlp.accelerate(nlp).get_pipe("attribute_ruler"))
    strings = nlp.vocab.strings
    key = {w: plan.word_key(strings.add(w), strings) for w in ("gondor", "arnor", "orcs", "wargs", "ost", "ostrich")}
    assert key["gondor"] == strings["gondor"] and key["arnor"] == strings["arnor"]
    assert key["orcs"] == key["wargs"] == -1 and key["ost"] == key["ostrich"] == -2


def test_distinct_rows_as_numpy_unique():
    rng = np.random.default_rng(7)
    rows = rng.choice(np.array([0, 5, 2**63 + 11, 2**64 - 1], dtype=np.uint64), size=(300, 4))
    distinct, inverse = frontlines_nlp._distinct_rows(rows)
    assert np.array_equal(distinct[inverse], rows)
    assert len(distinct) == len(np.unique(rows, axis=0))
