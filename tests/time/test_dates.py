"""Dates resolved against the publication date (golden pairs, one rule each)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.time import find_dates, parse_date, resolve_date

SUNDAY = dt.date(2017, 6, 18)  # the sample article's publication date, a Sunday
D = dt.date


@pytest.mark.parametrize(("text", "date", "precision", "rule"), [
    ("On 28 April 2020, gunmen attacked a bus.", D(2020, 4, 28), 1, "date:explicit"),
    ("On April 28, 2020 gunmen attacked a bus.", D(2020, 4, 28), 1, "date:explicit"),
    ("On 1st May 2020, clashes erupted.", D(2020, 5, 1), 1, "date:explicit"),
    ("on the 3rd of June the army advanced", D(2017, 6, 3), 1, "date:explicit"),
    ("Troops entered the town on June 12.", D(2017, 6, 12), 1, "date:explicit"),
    ("It happened on 28/04/2020.", D(2020, 4, 28), 1, "date:numeric"),
    ("It happened on 2020-04-28.", D(2020, 4, 28), 1, "date:iso"),
    ("Event date 9-May-20.", D(2020, 5, 9), 1, "date:day-mon-year"),
    ("The town fell on 12/06 after a siege.", D(2017, 6, 12), 1, "date:numeric-day-month"),
    ("The town fell on the 12th.", D(2017, 6, 12), 1, "date:day-of-month"),
    ("Saturday 17 June 2017, troops advanced.", D(2017, 6, 17), 1, "date:explicit"),
    ("Around 9 May 2020 (as reported), a man was found dead.", D(2020, 5, 9), 2, "date:explicit"),
    ("Between 3 and 9 May 2020, police arrested 50 people.", D(2020, 5, 9), 2, "date:range:between"),
    ("From 1 to 20 May 2020 the siege went on.", D(2020, 5, 20), 3, "date:range:from-to"),
    ("Syrian and Iraqi forces met at the border on Sunday.", SUNDAY, 1, "date:weekday"),
    ("The army shelled the village on Friday.", D(2017, 6, 16), 1, "date:weekday"),
    ("Last Sunday the army attacked.", D(2017, 6, 11), 1, "date:weekday"),
    ("Gunmen attacked a checkpoint yesterday.", D(2017, 6, 17), 1, "date:relative:yesterday"),
    ("Clashes broke out last night.", D(2017, 6, 17), 1, "date:relative:yesterday"),
    ("Clashes continue today.", SUNDAY, 1, "date:relative:today"),
    ("The attack happened three days ago.", D(2017, 6, 15), 1, "date:relative:days-ago"),
    ("The army said last week it reached the crossing.", D(2017, 6, 11), 2, "date:relative:last-week"),
    ("Airstrikes intensified this week.", SUNDAY, 2, "date:relative:this-week"),
    ("Two weeks ago militants took the town.", D(2017, 6, 4), 2, "date:relative:weeks-ago"),
    ("Earlier this month the army advanced.", SUNDAY, 3, "date:relative:this-month"),
    ("Last month the army advanced.", D(2017, 5, 31), 3, "date:relative:last-month"),
    ("Fighting raged in May.", D(2017, 5, 31), 3, "date:month"),
    ("Fighting raged in March 2016.", D(2016, 3, 31), 3, "date:month"),
])
def test_date_rules(text, date, precision, rule):
    info = resolve_date(text, published=SUNDAY)
    assert (info.date, info.time_precision, info.rule) == (date, precision, rule)


def test_no_date_falls_back_to_publication_with_week_precision():
    info = resolve_date("Syrian and Russian warplanes struck an ISIS convoy.", published=SUNDAY)
    assert (info.date, info.time_precision, info.rule, info.text) == (SUNDAY, 2, "date:fallback:published", None)


def test_no_date_and_no_publication_date_is_unknown():
    info = resolve_date("Warplanes struck a convoy.", published=None)
    assert (info.date, info.time_precision) == (None, None)


def test_relative_dates_need_a_publication_date():
    assert resolve_date("Gunmen attacked yesterday.", published=None).date is None


def test_explicit_dates_need_no_publication_date():
    assert resolve_date("On 9 May 2020, protesters gathered.", published=None).date == D(2020, 5, 9)


def test_a_day_month_ahead_of_publication_is_last_year():
    assert resolve_date("On 28 December the town fell.", published=D(2018, 1, 3)).date == D(2017, 12, 28)


def test_a_range_right_after_a_date_sets_its_precision():
    info = resolve_date("Around 12 March 2019 (from 27 February-12 March), Gondor guards held 40 riders.",
                        published=None)
    assert (info.date, info.time_precision) == (D(2019, 3, 12), 3)


def test_a_day_month_takes_the_year_of_a_date_stated_before_it():
    found = find_dates("On 9 May 2020 and again on 2 May the town was shelled.", published=D(2021, 1, 1))
    assert [f[2].date for f in found] == [D(2020, 5, 9), D(2020, 5, 2)]


def test_may_as_a_verb_is_not_a_month():
    assert find_dates("The army may 5 times attack the town.", published=SUNDAY) == []


def test_find_dates_gives_offsets_into_the_text():
    text = "Clashes on Sunday and again yesterday."
    found = find_dates(text, published=SUNDAY)
    assert [text[s:e] for s, e, _ in found] == ["on Sunday", "yesterday"]
    assert [f[2].text for f in found] == ["on Sunday", "yesterday"]


def test_impossible_dates_are_skipped():
    assert find_dates("On 31 February 2020 nothing happened.", published=SUNDAY) == []


@pytest.mark.timeout(30)
def test_many_date_expressions_take_linear_time():
    text = "on the 1st " * 20000
    assert len(find_dates(text, published=SUNDAY)) == 20000


def test_a_reported_date_is_the_week_of_the_event():
    info = resolve_date("As reported on 3 March 2019, orcs of Mordor looted farms in the Shire.", published=None)
    assert (info.date, info.time_precision) == (D(2019, 3, 3), 2)


def test_a_body_found_gives_week_precision():
    info = resolve_date("On 2 May 2020, three people were found dead in a sewer.", published=None)
    assert (info.date, info.time_precision, info.rule) == (D(2020, 5, 2), 2, "date:explicit+found-dead")


def test_the_day_before_counts_from_a_date_stated_earlier_in_the_text():
    found = find_dates("On 3 May 2017 the town fell; the day before, it was shelled.", published=SUNDAY)
    assert [f[2].date for f in found] == [D(2017, 5, 3), D(2017, 5, 2)]


def test_the_same_day_counts_from_the_context_date():
    info = resolve_date("On the same day, militants attacked a checkpoint.", published=SUNDAY, context=D(2017, 6, 10))
    assert (info.date, info.rule) == (D(2017, 6, 10), "date:relative:same-day")


def test_two_days_earlier_counts_from_the_context_and_two_days_ago_from_publication():
    assert resolve_date("Two days earlier the army advanced.", published=SUNDAY, context=D(2017, 6, 10)).date == \
        D(2017, 6, 8)
    assert resolve_date("Two days ago the army advanced.", published=SUNDAY, context=D(2017, 6, 10)).date == \
        D(2017, 6, 16)


def test_mid_month_is_month_precision():
    assert resolve_date("Fighting flared in mid-May.", published=SUNDAY).time_precision == 3


def test_hours_ago_is_the_publication_day():
    assert resolve_date("A car bomb exploded a few hours ago.", published=SUNDAY).date == SUNDAY


@pytest.mark.parametrize(("text", "date"), [
    ("2017-06-18", D(2017, 6, 18)),
    ("2017-06-18T10:00:00Z", D(2017, 6, 18)),
    ("Sun, 18 Jun 2017 10:00:00 +0000", D(2017, 6, 18)),
    ("June 18th, 2017", D(2017, 6, 18)),
    ("18 June 2017", D(2017, 6, 18)),
    ("18-Jun-17", D(2017, 6, 18)),
    ("18-June-2017", D(2017, 6, 18)),
    ("18/06/2017", D(2017, 6, 18)),
    ("06/18/2017", D(2017, 6, 18)),  # month first only where day first is impossible
])
def test_parse_date_reads_full_calendar_dates(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["", "18 June", "yesterday", "Sunday", "31 February 2017", "June 2017"])
def test_parse_date_gives_none_without_a_full_date(text):
    assert parse_date(text) is None
