"""Fatalities and quantities read from a sentence, coded as ACLED codes them."""

from __future__ import annotations

import pytest

from frontlines.events.numbers import fatalities, fatality_counts, parse_count, quantities


@pytest.mark.parametrize(("text", "value"), [
    ("25,000", 25000), ("12", 12), ("twenty-five", 25), ("two hundred", 200),
    ("three thousand five hundred", 3500), ("dozens", 12), ("several", 3), ("hundreds", 100),
])
def test_counts_in_digits_words_and_vague_terms(text, value):
    assert parse_count(text) == value


def test_unknown_words_are_not_counts():
    assert parse_count("many more") is None


def test_killed_and_wounded_counts_only_the_dead():
    assert fatalities("The attack hit the market, killing 5 and wounding 10.")[0] == 5


def test_passive_death_report():
    assert fatalities("Five soldiers were killed in the ambush.")[0] == 5


def test_dozens_is_coded_twelve():
    assert fatalities("Dozens of fighters were killed near the airport.")[0] == 12


def test_several_is_coded_three():
    assert fatalities("The rebels killed several civilians.")[0] == 3


def test_death_toll():
    assert fatalities("The death toll rose to 14 on Monday.")[0] == 14


def test_no_reported_deaths_is_zero_with_its_rule():
    value, rule = fatalities("Government forces took control of the village.")
    assert value == 0
    assert rule.endswith("none-reported")


def test_an_article_before_an_active_verb_is_not_a_death():
    assert fatalities("A bomb killed people at the checkpoint.")[0] == 0


def test_wounded_alone_is_not_fatalities():
    assert fatalities("Twelve people were wounded when the shell hit.")[0] == 0


def test_area_and_distance_quantities():
    assert quantities("The army regained 25,000 square kilometers of land.") == ("25,000 square kilometers of land",)
    assert quantities("The Iraqis control at least 75 km of the border length.") == ("75 km of the border length",)


def test_no_quantity():
    assert quantities("Clashes broke out in the city.") == ()


@pytest.mark.property
def test_fatalities_never_fail_and_are_never_negative():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["killed", "killing", "5", "dozens", "of", "were", "people", "died", "a", "the",
                             "several", "wounded", "1,200", "km", "twenty-five", "hundred", ",", "death toll"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(words, max_size=12).map(" ".join) | st.text(max_size=80))
    def check(text):
        value, rule = fatalities(text)
        assert value >= 0 and rule
        assert isinstance(quantities(text), tuple)

    check()


@pytest.mark.property
def test_digit_counts_read_back():
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.integers(min_value=0, max_value=10**7))
    def check(n):
        assert parse_count(str(n)) == n
        assert parse_count(f"{n:,}") == n

    check()


def test_shot_and_killed():
    assert fatalities("A man was shot and killed by gunmen.")[0] == 1


def test_shot_dead_and_gunned_down_before_a_count_are_deaths():
    assert fatalities("Police in Minas Tirith shot dead two protesters on Friday.")[0] == 2
    assert fatalities("Gunmen gunned down three farmers near Bree.")[0] == 3


def test_shot_without_dead_before_a_count_is_no_death():
    assert fatalities("Police shot two protesters in the legs.")[0] == 0


def test_death_of_a_counted_group():
    assert fatalities("Clashes led to the death of the two brothers.")[0] == 2


def test_death_of_a_single_named_person():
    assert fatalities("Fighting near Osgiliath ended with the death of the captain of the guard.")[0] == 1


def test_death_of_a_plural_group_without_count_is_not_guessed():
    assert fatalities("They mourned the death of the protesters.")[0] == 0


def test_a_list_of_the_dead_is_summed():
    assert fatalities("Jets bombed the village, killing a man, his wife and their three children.")[0] == 5
    assert fatalities("The blast killed the driver and two passengers.")[0] == 3


def test_a_list_with_an_uncounted_plural_is_not_guessed():
    assert fatalities("Raiders killed the captain and his men.")[0] == 0


def test_a_list_stops_at_the_wounded():
    assert fatalities("The attack killed two guards and wounded three others.")[0] == 2


def test_a_count_said_to_come_on_top_is_additive():
    [count] = fatality_counts("Seventeen raiders had also been killed in the fighting.")
    assert (count.value, count.additive) == (17, True)
    assert not fatality_counts("Seventeen raiders were killed in the fighting.")[0].additive


def test_more_than_a_count_is_a_toll_of_its_own_not_more_on_top():
    [count] = fatality_counts("A raid on Minas Tirith killed more than 200 people.")
    assert (count.value, count.additive) == (200, False)
    assert fatality_counts("Two more guards were killed.")[0].additive


def test_a_stated_toll_beats_the_count_on_top_of_it():
    assert fatalities("Two more guards died on Monday, raising the toll to 13.")[0] == 13


def test_a_death_people_protest_or_mourn_is_a_grievance():
    counts = fatality_counts("Hundreds rallied against the killing of a student in Minas Tirith.")
    assert counts and all(c.value == 1 and c.grievance for c in counts)
    assert fatality_counts("Crowds in Bree mourned the deaths of three fishermen.")[0].grievance
    assert fatality_counts("Riders demanded justice for the murder of a ferryman.")[0].grievance


def test_a_death_that_set_a_crowd_off_is_a_grievance():
    assert fatality_counts("Drivers blocked the Bree road after the death of a ferryman.")[0].grievance
    assert fatality_counts("The family of a guard who was shot dead rallied in Archet.")[0].grievance


def test_an_article_counts_no_plural_death_word():
    assert fatality_counts("Neighbours of Bree protested against a morgue for fever deaths.") == []
    assert fatalities("A ferryman died in Bree.")[0] == 1


def test_a_death_the_event_caused_is_no_grievance():
    assert not fatality_counts("The raid on Bree led to the death of one guard.")[0].grievance


@pytest.mark.parametrize("text", [
    "The strike of Gondor's teachers left 400,000 pupils out of school.",
    "A doctor in Osgiliath said it could take three to 10 minutes to die from such wounds.",
    "The orc was shot three times and died in hospital.",
])
def test_a_number_of_people_left_somewhere_or_of_minutes_counts_no_dead(text):
    assert fatalities(text)[0] == 0


def test_a_count_of_years_before_the_dead_is_not_their_count():
    assert fatalities("Five years after 20 villagers died in the Osgiliath blast, the town remembers them.")[0] == 20


def test_left_dead_counts_the_dead_and_not_the_wounded():
    assert fatalities("The raid on Bree left 12 people dead and 30 wounded.")[0] == 12
    assert fatalities("The attack left at least 30 civilians dead.")[0] == 30


@pytest.mark.parametrize("text", [
    "One of the orcs had plotted to kill thousands of people in a bomb attack on the Bree market.",
    "The bomb found in Osgiliath was powerful enough to kill 1,000 people.",
    "The oil money has gone to killing a large number of villagers.",
])
def test_a_kill_to_come_or_an_amount_counts_no_dead(text):
    assert fatalities(text)[0] == 0


def test_a_kill_that_happened_is_counted_however_it_is_reported():
    assert fatalities("The raid on Bree is believed to have killed 12.")[0] == 12
    assert fatalities("Orcs killed a soldier and two farmers near Osgiliath.")[0] == 3


def test_a_toll_named_by_its_incident_before_the_count_is_the_toll():
    # issue 11, articles32: "the death toll from Saturday's raid had risen to 15"
    assert fatalities("By Sunday the death toll from Saturday's raid on Bree had risen to 15, the wardens said.")[0] == 15
    assert fatalities("By Monday the death toll from the assault on Osgiliath had risen to five.")[0] == 5
    assert fatality_counts("The death toll from the long war in Rohan since 3018 is not known.") == []


def test_an_ordinal_death_states_the_toll_it_brings():
    # issue 11, articles32: "a fifth soldier died of his wounds" (the toll is now five)
    assert fatalities("A fifth soldier died of his wounds overnight in the Osgiliath infirmary.")[0] == 5
    assert fatalities("A soldier died of his wounds overnight in the Osgiliath infirmary.")[0] == 1
