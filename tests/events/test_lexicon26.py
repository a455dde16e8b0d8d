"""Issue 11 (lexicon26): trigger entries read on real news. A person who falls to their knees takes no town,
hostages or a currency freed are no ground regained, and every entry of the lexicon has its own id."""

from __future__ import annotations

import pytest
from typing_harness import subs_and_reasons


@pytest.mark.parametrize("text", [
    "The old priest rushed in before the altar of Minas Tirith, fell to his knees and started to weep.",
    "The climber slipped and fell to his death from the walls of Osgiliath.",
    "The price of bread in Bree fell to its lowest level in ten years.",
])
def test_falling_to_the_knees_or_a_price_falling_takes_no_ground(nlp, text) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert "Non-state actor overtakes territory" not in subs


def test_a_town_that_fell_to_the_orcs_is_still_taken(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The town of Osgiliath fell to the orcs on Monday after a week of fighting.")
    assert "Non-state actor overtakes territory" in subs


@pytest.mark.parametrize("text", [
    "Two \"barbarians\" of Bree were freed on Monday.",
    "The bank of Gondor frees the crown from the artificially low value placed on it.",
])
def test_people_or_a_currency_freed_are_no_ground_regained(nlp, text) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert "Government regains territory" not in subs


def test_a_town_freed_by_the_army_is_ground_regained(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The army of Gondor freed the town of Osgiliath from the orcs on Monday.")
    assert subs == ["Government regains territory"]


def test_an_entry_defined_twice_is_refused() -> None:
    from frontlines.errors import ConfigError
    from frontlines.events.ontology import _compile

    entry = {"id": "change.ride_home", "sub": "Change to group/activity", "verbs": ["ride home"]}
    with pytest.raises(ConfigError, match="change.ride_home is defined twice"):
        _compile({"entries": [entry, {**entry, "verbs": ["ride back"]}]})


def test_a_bank_is_no_ban(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The chiefs of the Bank of Bree announce their surprise departure from the company.")
    assert "Change to group/activity" not in subs


@pytest.mark.parametrize("text", [
    "The lords of Gondor announced a ban on all travel to Osgiliath on Monday.",
    "The lords of Gondor imposed new bans on gatherings in Osgiliath on Monday.",
])
def test_a_ban_is_still_a_restriction(nlp, text) -> None:
    subs, _ = subs_and_reasons(nlp, text)
    assert "Change to group/activity" in subs
