"""Claim provenance (outlet → original source → attribution) and a credibility score with visible parts."""

from __future__ import annotations

import pytest

from frontlines.sources import Corroboration, credibility, load_registry, provenance_chain
from frontlines.sources.credibility import attribution_kind, split_chain


def _event(**kw):
    base = {"id": "e1", "article_id": "a1", "modality": "asserted", "attribution": None,
            "article": {"outlet": "Bree Herald", "original_source": None, "url": None}}
    base.update(kw)
    return base


def test_the_chain_follows_a_republication_to_the_speaker(event_by_key, fictional_registry):
    chain = provenance_chain(event_by_key("radio-bree-taken"), registry=fictional_registry)
    assert [(c.role, c.name) for c in chain] == [
        ("outlet", "Northern Courier"), ("original source", "Annuminas Radio"), ("attribution", "a Legion commander")]


def test_each_link_carries_what_the_registry_knows(event_by_key, fictional_registry):
    radio = provenance_chain(event_by_key("radio-bree-taken"), registry=fictional_registry)[1]
    assert (radio.state_affiliation, radio.reliability) == ("XA", "deprecated (user, 2031-01-01)")


def test_a_chain_written_in_one_string_splits_into_hops():
    assert split_chain("Annuminas Radio via Bree Herald") == ["Annuminas Radio", "Bree Herald"]
    assert split_chain("A → B; C") == ["A", "B", "C"]


def test_the_weakest_source_in_the_chain_sets_the_source_part(event_by_key, fictional_registry):
    cred = credibility(event_by_key("radio-bree-taken"), registry=fictional_registry)
    source = next(p for p in cred.parts if p.part == "source")
    assert (source.label, source.value) == ("Annuminas Radio", 0.15)


def test_the_score_is_the_product_of_its_parts(event_by_key, fictional_registry):
    cred = credibility(event_by_key("herald-tharbad-taken"), registry=fictional_registry)
    product = 1.0
    for p in cred.parts:
        product *= p.value
    assert cred.score == pytest.approx(product)


def test_corroboration_by_an_independent_source_raises_the_score(event_by_key, fictional_registry):
    ev = event_by_key("herald-tharbad-taken")
    alone = credibility(ev, registry=fictional_registry)
    backed = credibility(ev, registry=fictional_registry,
                         corroboration=Corroboration("inc-1", ("bree-herald", "fornost-gazette")))
    assert backed.score > alone.score


def test_a_contested_incident_lowers_the_score(event_by_key, fictional_registry):
    ev = event_by_key("herald-tharbad-taken")
    plain = Corroboration("inc-1", ("bree-herald",))
    contested = Corroboration("inc-1", ("bree-herald",), contested=True, reasons=("taken vs. repelled",))
    assert credibility(ev, registry=fictional_registry, corroboration=contested).score < \
        credibility(ev, registry=fictional_registry, corroboration=plain).score


def test_a_planned_event_scores_lower_than_an_asserted_one():
    reg = load_registry()
    assert credibility(_event(modality="planned"), registry=reg).score < credibility(_event(), registry=reg).score


def test_an_unknown_outlet_counts_as_unrated_not_as_bad_or_good():
    cred = credibility(_event(), registry=load_registry())
    assert next(p for p in cred.parts if p.part == "source").why.endswith("unrated")


@pytest.mark.parametrize(("text", "kind"), [
    ("Syrian military source", "party"),
    ("the Syrian state TV", "state_media"),
    ("field reports", "anonymous"),
    ("residents", "witness"),
    ("the Syrian Observatory for Human Rights", "monitor"),
    (None, "none"),
])
def test_attribution_kinds(text, kind):
    assert attribution_kind(text) == kind


def test_the_sample_articles_chain_names_fort_russ_al_mayadeen_and_the_military_source():
    event = _event(attribution="Syrian military sources", modality="claimed",
                   article={"outlet": "Fort Russ News", "original_source": "Al Mayadeen", "url": None})
    cred = credibility(event, registry=load_registry())
    named = " ".join(f"{p.label} {p.why}" for p in cred.parts)
    assert "Fort Russ News" in named and "Al Mayadeen" in named and "Syrian military sources" in named
