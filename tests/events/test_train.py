"""``frontlines train``: margins validated on the training rows, the plain baseline, a missing extra."""

from __future__ import annotations

import math
import sys

import pytest

from frontlines.errors import MissingExtraError
from frontlines.events.train import train_subevent, validate_margins

#: Invented notes, three of each type.
TEXTS = {
    "Armed clash": ["Gondor troops and Orc raiders exchanged fire near Osgiliath.",
                    "Rohan riders clashed with Dunland rebels at the ford.",
                    "Heavy fighting broke out between Arnor guards and hill bandits near Bree."],
    "Peaceful protest": ["Farmers of the Shire rallied in Hobbiton against new grain taxes.",
                         "Students marched through Minas Tirith demanding lower fees.",
                         "Dock workers held a sit-in at the port of Dol Amroth over unpaid wages."],
    "Attack": ["Gunmen shot dead a shepherd in the hills above Edoras.",
               "Unknown assailants stabbed a trader to death in the market of Pelargir.",
               "Raiders killed two villagers in their homes near Tharbad."],
}


def test_the_overrule_margin_is_where_the_model_beats_the_lexicon():
    # low margins: the lexicon is right and the model wrong; high margins: the reverse
    oof = [("A", 0.1), ("A", 0.2), ("A", 0.3), ("B", 0.9), ("B", 1.1), ("B", 1.3)]
    lexicon = ["B", "B", "B", "A", "A", "A"]
    gold = ["B", "B", "B", "B", "B", "B"]
    threshold, alone, validation = validate_margins(oof, lexicon, gold, folds=3)
    assert 0.3 <= threshold < 0.9
    assert validation.combined_accuracy == 1.0 and validation.lexicon_accuracy == 0.5


def test_a_model_that_is_never_better_never_overrules():
    oof = [("A", 0.5), ("A", 0.7), ("A", 0.9)]
    threshold, _, _ = validate_margins(oof, ["B", "B", "B"], ["B", "B", "B"], folds=3)
    assert threshold > 0.9


def test_reporting_an_event_the_lexicon_missed_is_never_validated():
    _, alone, validation = validate_margins([("A", 2.0), ("A", 3.0)], [None, None], ["A", "A"], folds=2)
    assert alone == math.inf
    assert validation.alone_rows == 2


def test_train_stores_validated_margins():
    texts = [t for ts in TEXTS.values() for t in ts] * 2
    labels = [label for label, ts in TEXTS.items() for _ in ts] * 2
    cues = [(label, (label,)) for label in labels]
    model = train_subevent(texts, labels, rule_labels=cues)
    assert model.validation is not None and model.validation.rows == len(texts)
    assert math.isfinite(model.threshold) and model.threshold_alone == math.inf
    label, margin = model.predict_one(TEXTS["Attack"][0], rule_labels=("Attack", ("Attack",)))
    assert label == "Attack" and isinstance(margin, float)


def test_the_cues_hold_the_incident_the_pipeline_assembled_without_a_model():
    from frontlines.events.model import cues_of, with_cues

    main, every = cues_of([], ("Attack", "lexicon:events/triggers.yaml#attack.generic_kill:killed"))
    assert main is None and every == ("incident Attack", "incident rule attack generic_kill")
    _, none = cues_of([])
    assert none == ("incident none", "incident rule none")
    assert "zzanyincidentattack" in with_cues("Raiders killed a shepherd.", (main, every))


def test_the_character_ngrams_weigh_less_than_the_words():
    from frontlines.events.train import build_estimator

    union = build_estimator().steps[0][1]
    assert union.transformer_weights["chars"] < 1 and "words" not in union.transformer_weights


def test_training_without_scikit_learn_names_the_extra(monkeypatch):
    for name in ("sklearn", "sklearn.svm", "sklearn.pipeline", "sklearn.feature_extraction.text"):
        monkeypatch.setitem(sys.modules, name, None)  # as if it were not installed
    with pytest.raises(MissingExtraError, match=r"needs sklearn, .*pip install 'frontlines\[train\]'"):
        train_subevent(["a b"] * 4, ["Attack", "Attack", "Armed clash", "Armed clash"])


def test_the_plain_baseline_is_word_and_character_tfidf_with_a_linear_svm():
    from frontlines.events.train import plain_baseline

    est = plain_baseline()
    names = [name for name, _ in est.steps[0][1].transformer_list]
    assert names == ["words", "chars"]
    assert type(est.steps[-1][1]).__name__ == "LinearSVC"


def test_the_model_reads_names_as_placeholders_and_actors_as_their_inter_codes(nlp):
    from frontlines.events.model import model_text

    doc = nlp("Protesters gathered in Edoras. Police dispersed them with tear gas.")
    text = model_text(list(doc.sents))
    assert "Edoras" not in text and "in xxgpe." in text
    assert text.endswith("zzinter1 zzinter6")  # state forces (police), protesters


def test_the_model_reads_a_number_as_one_token(nlp):
    from frontlines.events.model import NUMBER_TOKEN, model_text

    doc = nlp("Riders of Rohan killed 12 raiders in the hills.")
    text = model_text(list(doc.sents))
    assert f"killed {NUMBER_TOKEN} raiders" in text and "12" not in text
