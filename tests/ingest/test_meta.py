"""Metadata: dates, datelines, credits, bylines, outlets, language, and the rule behind each."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.ingest import build_article
from frontlines.meta import detect_language, meta_line, outlet_for_url, parse_date
from frontlines.records import RawDoc


@pytest.mark.parametrize("text,date", [
    ("2017-06-18", dt.date(2017, 6, 18)),
    ("2018-01-25 16:17:44.789555", dt.date(2018, 1, 25)),
    ("2019-03-02T08:00:00Z", dt.date(2019, 3, 2)),
    ("Sun, 18 Jun 2017 09:30:00 +0000", dt.date(2017, 6, 18)),
    ("June 18th, 2017", dt.date(2017, 6, 18)),
    ("18 June 2017", dt.date(2017, 6, 18)),
    ("Sept. 3, 2020", dt.date(2020, 9, 3)),
    ("the 2nd of March 2021", dt.date(2021, 3, 2)),
])
def test_parse_date(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["", "yesterday", "2017-02-30", "June 40, 2017", "79in"])
def test_parse_date_unknown_stays_none(text):
    assert parse_date(text) is None


def test_dateline_with_outlet():
    assert meta_line("June 18th, 2017 – Fort Russ News –") == (
        "dateline", "date-outlet", (("date", "June 18th, 2017"), ("outlet", "Fort Russ News")))


def test_dashed_source_and_translator_credit():
    kind, rule, groups = meta_line("– Al Mayadeen – – translated by Samer Hussein –")
    assert (kind, rule) == ("credit", "dashed-source-translated-by")
    assert dict(groups) == {"source": "Al Mayadeen", "translator": "Samer Hussein"}


@pytest.mark.parametrize("line,source", [
    ("Originally published by Middle East Eye", "Middle East Eye"),
    ("This article first appeared on Al-Monitor.", "Al-Monitor"),
    ("Source: SANA", "SANA"),
    ("(via Reuters)", "Reuters"),
    ("Republished from The Conversation", "The Conversation"),
])
def test_republication_credits(line, source):
    kind, _, groups = meta_line(line)
    assert kind == "credit" and dict(groups)["source"] == source


def test_byline_only_in_the_header():
    assert meta_line("By Jane Doe and John Roe")[0] == "byline"
    assert meta_line("By Jane Doe and John Roe", header=False) is None


def test_outlet_from_url_table_and_domain():
    assert outlet_for_url("https://www.fort-russ.com/2017/06/x") == ("Fort Russ News", "url:outlets.csv")
    assert outlet_for_url("http://m.reuters.com/article") == ("Reuters", "url:outlets.csv")
    assert outlet_for_url("https://www.unknown-blog.example/x") == ("unknown-blog.example", "url:domain")
    assert outlet_for_url("not a url") is None


def test_language_detection():
    assert detect_language("Боевики убили двух человек в Кабуле в воскресенье, сообщила полиция города.")[0] == "ru"
    assert detect_language("قتل مسلحون شخصين في كابول يوم الأحد، حسبما أفادت مصادر محلية في المدينة.")[0] == "ar"
    assert detect_language("Kabul blast") == ("en", "default:too-short-to-detect")


def test_non_english_article_is_built_with_its_language():
    article = build_article(RawDoc(source="x", text="Боевики убили двух человек в Кабуле в воскресенье, "
                                                    "сообщила полиция. Нападение произошло на рынке.\n"))
    assert article.language == "ru"
    assert ("language", article.meta_evidence[-1][1]) in article.meta_evidence


def test_hints_come_first_and_each_field_has_its_rule():
    raw = RawDoc(source="x.csv#row 1", text="June 18th, 2017 – Fort Russ News –\n\nBody text of the article.\n",
                 hints={"id": "141", "published": "2017-06-20", "url": "https://almasdarnews.example/x",
                        "authors": "Jane Doe, John Roe"})
    a = build_article(raw)
    assert a.published == dt.date(2017, 6, 20) and a.external_id == "141"
    assert a.outlet == "Fort Russ News"  # the dateline names it; the URL comes last
    assert a.authors == ("Jane Doe", "John Roe")
    ev = dict(a.meta_evidence)
    assert ev["published"] == "hint:published" and ev["outlet"] == "meta:dateline:date-outlet"


def test_outlet_falls_back_to_the_url():
    a = build_article(RawDoc(source="x", text="Body text of the article.\n", hints={"url": "https://www.rt.com/x"}))
    assert a.outlet == "RT" and dict(a.meta_evidence)["outlet"] == "url:outlets.csv"


def test_unknown_fields_stay_none():
    a = build_article(RawDoc(source="x", text="Gunmen killed two people in Kabul on Sunday.\n"))
    assert (a.title, a.published, a.outlet, a.original_source, a.translator, a.url) == (None,) * 6
    assert a.authors == ()


def test_source_label_with_a_url_names_the_outlet():
    text = "Body text of the article about the strike.\n\nSource: https://www.almayadeen.net/news/123\n"
    a = build_article(RawDoc(source="x", text=text))
    assert a.original_source == "Al Mayadeen"
    assert "Source:" not in a.clean_text


# -- language: what the input states wins; a short or ambiguous text takes the default -------------

HEADLINE = "Gondorian and Rohirric riders struck an orc convoy north of Osgiliath on Sunday."


def test_a_language_the_input_states_is_respected():
    a = build_article(RawDoc(source="x", text=HEADLINE + "\n", hints={"language": "en-GB"}))
    assert a.language == "en" and dict(a.meta_evidence)["language"] == "hint:language"
    b = build_article(RawDoc(source="x", text=HEADLINE + "\n", hints={"language": "fr"}))
    assert b.language == "fr"


def test_a_malformed_language_hint_is_ignored():
    a = build_article(RawDoc(source="x", text=HEADLINE + "\n", hints={"language": "English please"}))
    assert dict(a.meta_evidence)["language"] != "hint:language"


def test_an_ambiguous_text_takes_the_default_language_not_a_guess(monkeypatch):
    from frontlines import meta

    class Unsure:  # how py3langid ranks a one-line English brief: Nigerian Pidgin just ahead
        def rank(self, text):
            return [("pcm", 0.45), ("en", 0.41), ("bcl", 0.05)]

    monkeypatch.setattr(meta, "_IDENTIFIER", Unsure())
    assert detect_language(HEADLINE) == ("en", "default:ambiguous(py3langid:pcm:0.45,en:0.41)")
    # Another language with no real English rival is kept, however unsure.
    monkeypatch.setattr(meta, "_IDENTIFIER", type("R", (), {"rank": lambda self, t: [("ru", 0.78), ("bg", 0.2)]})())
    assert detect_language(HEADLINE)[0] == "ru"


def test_english_briefs_are_english():
    for text in (HEADLINE, "Syrian and Russian warplanes struck a convoy north of Arnor on Sunday."):
        assert detect_language(text)[0] == "en"


def test_a_short_text_takes_the_configured_default_language():
    a = build_article(RawDoc(source="x", text="Orcs raided Bree.\n"), default_language="fr")
    assert (a.language, dict(a.meta_evidence)["language"]) == ("fr", "default:too-short-to-detect")


def test_a_confident_identification_is_kept():
    lang, rule = detect_language("Боевики убили двух человек в Кабуле в воскресенье, сообщила полиция города.")
    assert lang == "ru" and rule.startswith("py3langid:")


def test_the_page_lang_attribute_is_respected():
    html = ('<html lang="en-US"><head><title>t</title></head><body><article><p>' + HEADLINE
            + " The riders returned to Edoras the same evening, the marshal of the Westfold said.</p>"
            "</article></body></html>")
    a = build_article(RawDoc(source="x.html", html=html))
    assert a.language == "en" and dict(a.meta_evidence)["language"] == "html:lang"
