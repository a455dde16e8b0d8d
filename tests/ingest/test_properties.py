"""Property tests (hypothesis) for every reader and the cleaner's offset map.

The fast group runs a small budget; the ``slow`` variants run 10,000 generated
inputs per reader (issue 8), about 2 minutes on one core.
"""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.clean import DROPPED_CHARS, clean
from frontlines.errors import InputError
from frontlines.ingest import build_article, read_bytes
from frontlines.records import RawDoc

pytestmark = pytest.mark.property

FAST = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings(max_examples=10_000, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

READERS = ["a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.xml", "a.txt.gz"]
# Text with the characters that break naive cleaners: controls, CR, RTL marks, zero-width, NUL, braces.
TRICKY = st.sampled_from(list("\x00\x07\r\n\t \u200b\u200c\u202b\u202c\u200f\ufeff{}();<>&\"',-–—") +
                         ["\n\n", "0 86", "- Advertisement -", "Report this ad", "June 18th, 2017 – X –",
                          "– A – – translated by B C –", "By Jane Doe", "Source: x.com", "@page { a: b }"])
TEXT = st.lists(st.one_of(st.text(max_size=20), TRICKY), max_size=12).map("".join)
RAW_BYTES = st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))


def _markup(name: str, data: bytes) -> bytes:
    if name.endswith(".gz"):
        return gzip.compress(data)
    return data


def check_reader(name: str, data: bytes) -> None:
    """Any bytes: the reader yields only RawDocs and one-line InputErrors, and never raises."""
    for item in read_bytes(_markup(name, data), name, max_bytes=1 << 20):
        assert isinstance(item, RawDoc | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item) and item.source
        else:
            assert (item.text is None) != (item.html is None)
            assert all(isinstance(v, str) for v in item.hints.values())


def check_offsets(text: str) -> None:
    """Every clean span maps back to the same characters of the input."""
    c = clean(text)
    pos = 0
    for clean_start, raw_start, n in c.offsets.segments:
        assert clean_start >= pos and n > 0
        assert c.text[clean_start:clean_start + n] == text[raw_start:raw_start + n]
        for s in range(clean_start, clean_start + n, max(1, n // 7)):
            for e in (s + 1, clean_start + n):
                a, b = c.offsets.span_to_raw(s, e)
                assert text[a:b] == c.text[s:e]
        pos = clean_start + n
    assert not any(ch in c.text for ch in "\x00\r\u200b\ufeff\u202b")
    if c.text:  # a span across paragraphs covers the raw characters from its first to its last
        a, b = c.offsets.span_to_raw(0, len(c.text))
        assert text[a] == c.text[0] and text[b - 1] == c.text[-1]


def check_build(text: str) -> None:
    try:
        a = build_article(RawDoc(source="prop", text=text))
    except InputError:
        return
    assert a.raw_text == text and a.clean_text.strip()
    for clean_start, raw_start, n in a.offsets.segments:
        assert a.clean_text[clean_start:clean_start + n] == text[raw_start:raw_start + n]


@st.composite
def records(draw):
    chars = st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n\t\",;"))
    texts = draw(st.lists(st.text(chars, min_size=1, max_size=80).filter(
        lambda t: t.strip() and not t.lstrip().startswith("<")), min_size=1, max_size=5))
    return [{"id": str(i), "text": t} for i, t in enumerate(texts)]


def check_jsonl_round_trip(recs) -> None:
    data = "".join(json.dumps(r) + "\n" for r in recs).encode()
    got = list(read_bytes(data, "r.jsonl"))
    assert [d.text for d in got] == [r["text"] for r in recs]


def check_csv_round_trip(recs) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "text"])
    for r in recs:
        w.writerow([r["id"], r["text"]])
    got = list(read_bytes(buf.getvalue().encode(), "r.csv"))
    assert [d.text for d in got] == [r["text"] for r in recs]


# --- fast budget ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", READERS)
@FAST
@given(data=RAW_BYTES)
def test_reader_never_raises(name, data):
    check_reader(name, data)


@FAST
@given(text=TEXT)
def test_clean_offsets_round_trip(text):
    check_offsets(text)


@FAST
@given(text=TEXT)
def test_build_article_keeps_raw_text_and_offsets(text):
    check_build(text)


@FAST
@given(recs=records())
def test_jsonl_round_trip(recs):
    check_jsonl_round_trip(recs)


@FAST
@given(recs=records())
def test_csv_round_trip(recs):
    check_csv_round_trip(recs)


# --- 10,000 inputs per reader (slow) -------------------------------------------------------------

@pytest.mark.slow
@FUZZ
@given(data=RAW_BYTES)
def test_every_reader_never_raises_10k(data):
    """Each generated input goes through all eight readers: 10,000 inputs per reader."""
    for name in READERS:
        check_reader(name, data)


@pytest.mark.slow
@FUZZ
@given(text=TEXT)
def test_clean_offsets_round_trip_10k(text):
    check_offsets(text)


@pytest.mark.slow
@FUZZ
@given(recs=records())
def test_csv_and_jsonl_round_trip_10k(recs):
    check_jsonl_round_trip(recs)
    check_csv_round_trip(recs)


def test_dropped_chars_are_documented():
    assert "\x00" in DROPPED_CHARS or "\\x00" in DROPPED_CHARS.encode("unicode_escape").decode()
