"""Property tests for the date resolver: it never raises and stays near the publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.time import find_dates, resolve_date

WORDS = ["on", "Sunday", "last", "week", "yesterday", "May", "28", "April", "2020", "between", "and", "-", "/",
         "3", "days", "ago", "earlier", "this", "month", "in", "the", "army", "1st", "31", "12", "around", "(", ")",
         "from", "to", "weeks", "two", "next", "Friday", "29/02/2021", "2020-13-45", "of"]
PHRASES = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
PUBLISHED = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), published=st.one_of(st.none(), PUBLISHED))
def test_resolve_date_never_raises_on_any_text(text, published):
    info = resolve_date(text, published=published)
    assert info.time_precision in (None, 1, 2, 3)


@pytest.mark.property
@settings(max_examples=150, deadline=None)
@given(text=PHRASES, published=PUBLISHED)
def test_dates_without_a_year_stay_near_publication(text, published):
    """Without a stated year a date is at most 99 days/weeks or months (~3 years) from publication."""
    for start, end, info in find_dates(text, published=published):
        assert 0 <= start < end <= len(text)
        assert info.date is not None and info.time_precision in (1, 2, 3)
        if not re.search(r"(?:19|20)\d\d", text):  # no year stated anywhere in the text
            assert abs((info.date - published).days) <= 3 * 366, (text, info)


@pytest.mark.property
@settings(max_examples=200, deadline=None)
@given(text=PHRASES, published=PUBLISHED)
def test_the_event_date_is_the_publication_date_or_a_found_date(text, published):
    info = resolve_date(text, published=published)
    found = [f[2] for f in find_dates(text, published=published)]
    assert info.date == published or info.date in [f.date for f in found]
