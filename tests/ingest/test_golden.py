"""Golden tests: the sample article and the FakeNewsCorpus sample."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.errors import InputError
from frontlines.ingest import build_article, read_inputs
from frontlines.records import RawDoc

pytestmark = pytest.mark.golden

RESIDUE = [
    "0 86", "@page", "margin-bottom", "Advertisement", "__ATA", "Report this ad", "Privacy settings",
    "Subscribe to our newsletter", "Sign up here", "subscribe now", "June 18th, 2017", "translated by",
    "Major Development:",
]
FIRST = "Syrian and Iraqi Forces have finally met face-to-face at the Syrian-Iraqi border for the first time, on Sunday."
LAST = ("Operations are not yet finished and will continue in the coming days, with an even intensified support "
        "and coordination with the Russian and Iraqi allies.")


@pytest.fixture(scope="module")
def sample(sample_path):
    [raw] = read_inputs([str(sample_path)])
    return raw, build_article(raw)


def test_sample_metadata(sample):
    _, a = sample
    assert a.published == dt.date(2017, 6, 18)
    assert a.outlet == "Fort Russ News"
    assert a.original_source == "Al Mayadeen"
    assert a.translator == "Samer Hussein"
    assert a.title.startswith("Major Development: Syrian and Iraqi Forces Finally Meet at the Border")
    assert a.title.endswith("Only Hours Away [Video]")
    assert a.language == "en" and not a.is_html


def test_sample_raw_text_is_the_file_exactly(sample, sample_text):
    raw, a = sample
    assert raw.text == sample_text == a.raw_text


def test_sample_clean_text_holds_every_body_paragraph(sample, sample_text):
    _, a = sample
    body_start = sample_text.index(FIRST)
    body_end = sample_text.index(LAST) + len(LAST)
    paragraphs = [p.strip() for p in sample_text[body_start:body_end].split("\n\n") if p.strip()]
    assert len(paragraphs) == 25
    assert [p.strip() for p in a.clean_text.split("\n\n")] == paragraphs
    assert a.clean_text.startswith(FIRST) and a.clean_text.endswith(LAST)


def test_sample_clean_text_has_none_of_the_residue(sample):
    _, a = sample
    for junk in RESIDUE:
        assert junk not in a.clean_text, junk


def test_sample_offsets_point_into_the_file(sample, sample_text):
    _, a = sample
    for word in ("Al Tanf", "Abu Kamal", "Deir Ez Zour", "Mosul", "allies."):
        s = a.clean_text.index(word)
        start, end = a.span_to_raw(s, s + len(word))
        assert sample_text[start:end] == word


def test_sample_metadata_evidence(sample):
    _, a = sample
    ev = dict(a.meta_evidence)
    assert ev["published"] == "meta:dateline:date-outlet"
    assert ev["original_source"] == ev["translator"] == "meta:credit:dashed-source-translated-by"
    assert ev["title"] == "text:first-line"


def test_sample_id_is_a_content_hash(sample, sample_text):
    from frontlines.store import article_id_for

    _, a = sample
    assert a.id == article_id_for(sample_text)
    assert build_article(RawDoc(source="elsewhere", text=sample_text)).id == a.id


def test_fakenews_sample_reads_every_row(fakenews_csv):
    items = list(read_inputs([str(fakenews_csv)]))
    assert len(items) == 250
    built = 0
    for item in items:
        assert isinstance(item, RawDoc | InputError)
        if isinstance(item, RawDoc):
            try:
                a = build_article(item)
            except InputError:
                continue
            built += 1
            assert a.external_id and a.outlet
    assert built >= 245


def test_html_page(fixtures):
    [raw] = read_inputs([str(fixtures / "page.html")])
    a = build_article(raw)
    assert a.is_html and a.raw_text == a.clean_text
    assert a.offsets.segments == ((0, 0, len(a.clean_text)),)
    assert a.title == "Siege lifted at Helm's Deep"
    assert a.published == dt.date(2019, 3, 4)
    assert a.outlet == "Rohan Dispatch" and a.authors == ("Gamling Hornburg",)
    assert a.clean_text.startswith("Forces of Rohan lifted the siege")
    assert "villages in the Westfold on Monday." in a.clean_text
    for junk in ("Advertisement", "Subscribe", "Home", "dataLayer", "margin"):
        assert junk not in a.clean_text


def test_rss_item_article(fixtures):
    raw = next(iter(read_inputs([str(fixtures / "feed.rss.xml")])))
    a = build_article(raw)
    assert a.published == dt.date(2017, 6, 18) and a.outlet == "Gondor Herald"
    assert a.url == "https://gondor-herald.example/osgiliath-raid" and a.external_id == "gh-101"
    assert "orc raid" in a.clean_text and "Two guards were wounded." in a.clean_text
