"""Which sentences are totals or background (``coreference.total_cue``): a period summed, not one occurrence."""

from __future__ import annotations

import pytest

from frontlines.events.coreference import total_cue


@pytest.mark.parametrize("text", [
    "Gondor's drones have killed dozens of orcs this year.",
    "This year, raids on the Rohan border have left 40 farmers dead.",
    "The 120 strikes on Mordor mark a threefold increase compared to last year.",
    "The riders have ruled Edoras since the coup that ousted the king.",
    "Orc raids have killed 40 villagers in Rohan since last year.",
    "Orc raids have killed 40 villagers in Rohan in the last month.",
])
def test_a_period_summed_or_a_coup_as_background_is_a_total(text: str) -> None:
    assert total_cue(text, dated=False, day=False) is not None


@pytest.mark.parametrize("text", [
    "Gondor sent 300 more soldiers to Ithilien this year.",
    "Mutinous soldiers overthrew Denethor in Minas Tirith last year.",
    "An Arnor student has been detained in Gondor over her part in rioting at the Osgiliath summit last month.",
])
def test_one_occurrence_this_or_last_year_is_no_total(text: str) -> None:
    assert total_cue(text, dated=False, day=False) is None


def test_a_dated_sentence_keeps_this_year_as_its_date() -> None:
    assert total_cue("Gondor's drones have killed dozens of orcs this year.", dated=True, day=False) is None


@pytest.mark.parametrize("text", [
    "Tens of thousands of students across Gondor staged mass demonstrations on Saturday.",
    "Hundreds of thousands of marchers filled the streets of Minas Tirith on Sunday.",
    "The rally in Edoras, attended by tens of thousands of people, passed off peacefully.",
    "The march through Minas Tirith drew hundreds of thousands of people.",
])
def test_a_crowd_size_on_one_protest_is_no_total(text: str) -> None:
    assert total_cue(text, dated=False, day=False) is None


@pytest.mark.parametrize("text", [
    "Tens of thousands of people were killed by orcs in Ithilien.",
    "The orc raids on Rohan were followed by tens of thousands of farmers fleeing west.",  # no crowd drawn
])
def test_tens_of_thousands_killed_stays_a_total(text: str) -> None:
    assert total_cue(text, dated=False, day=False) is not None


@pytest.mark.parametrize("text", [
    "The war between Gondor and Mordor, which began in April, has killed more than 9,000 people, the council says.",
    "The conflict in Ithilien, which erupted in 3018, has left thousands of farmers dead.",
    "More than 4,000 villagers have been killed since the orcs seized power in Mordor in February.",
])
def test_a_war_told_with_its_start_or_a_seizure_of_power_is_a_total(text: str) -> None:
    assert total_cue(text, dated=True, day=False) is not None


@pytest.mark.parametrize("text", [
    "The clashes, which began on Monday near Osgiliath, killed 12 orcs.",
    "An orc raid on the war memorial in Bree, which stood by the road, killed three guards.",
    "The orcs seized power in Mordor on Monday, killing 12 guards.",
])
def test_one_clash_with_a_relative_clause_or_a_seizure_itself_is_no_total(text: str) -> None:
    assert total_cue(text, dated=True, day=False) is None
