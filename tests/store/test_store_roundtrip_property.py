"""Property: whatever an article holds, what is written is what is read back, on every backend."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.contract import event_to_dict, place_to_dict
from frontlines.store import EventQuery

pytestmark = pytest.mark.property

# PostgreSQL text holds no NUL (stored as U+FFFD, tested separately); surrogates are not valid UTF-8.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=80)
EVENT = st.fixed_dictionaries({
    "type": st.sampled_from(["Battles", "Protests", "Riots"]),
    "place": TEXT,
    "lat": st.floats(-90, 90, allow_nan=False),
    "lon": st.floats(-180, 180, allow_nan=False),
    "date": st.dates().map(lambda d: d.isoformat()),
    "actor": st.one_of(st.none(), TEXT),
    "fatalities": st.one_of(st.none(), st.integers(0, 10**6)),
    "sentence": TEXT,
    "confidence": st.floats(0, 1),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, title=TEXT, events=st.lists(EVENT, max_size=4))
def test_an_article_reads_back_as_written(store, result_factory, text, title, events):
    result = result_factory(text, title=title, events=events)
    if store.has_article(result.article.id):
        return
    assert store.save(result)
    art = store.get_article(result.article.id)
    assert (art["raw_text"], art["title"]) == (text, title)
    assert art["places"] == [place_to_dict(p) for p in result.places]
    assert [{k: v for k, v in e.items() if k not in {"article_id", "article"}} for e in art["events"]] == \
        [event_to_dict(e) for e in result.events]
    for e in result.events:
        box = (e.place.lon, e.place.lat, e.place.lon, e.place.lat)
        found = store.query_events(EventQuery(article_id=result.article.id, bbox=box, limit=10))
        assert e.id in {f["id"] for f in found}
