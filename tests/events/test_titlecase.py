"""Headlines in Title Case are read from a sentence-cased copy of their line (frontlines.titlecase)."""

from __future__ import annotations

import pytest

from frontlines.pipeline import extract
from frontlines.titlecase import RECASED, RULE, lines, written_names


def _events(pipeline, text: str, title: str | None = None):
    return extract(text, published="2021-03-04", title=title, pipeline=pipeline).events


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Orcs Attack Rohan Village, Killing 12", "Attack"),
    ("Rebels Use Chemical Weapons In Gondor", "Chemical weapon"),
    ("Police Arrest 40 Protesters In Minas Tirith", "Protest with intervention"),
])
def test_a_title_case_headline_reports_its_event(pipeline, text: str, sub_event: str) -> None:
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == [sub_event]
    assert events[0].evidence["parse"] == RULE
    assert events[0].date is None or events[0].date.isoformat() <= "2021-03-04"


@pytest.mark.parametrize("text", [
    "The Battle For Gondor's Soul",
    "Why The War On Drugs Failed",
    "Ten Ways To Cook Rohan Potatoes At Home",
    "\u201cThe Brutal Killing Of The Old King\u201d, A Novel By An Arnor Author",
])
def test_a_title_case_line_that_reports_nothing_stays_no_event(pipeline, text: str) -> None:
    assert _events(pipeline, text) == ()


def test_only_the_case_changes_and_the_text_keeps_its_words(pipeline) -> None:
    text = "Gunmen Storm Arnor Prison, Free 200 Inmates\n\nArmed men attacked the central prison of Annuminas " \
           "in Arnor on Tuesday night and freed about 200 prisoners, the prison governor said."
    doc = next(pipeline.parse([text]))
    assert doc.text == text
    start, end = doc.user_data[RECASED][0]
    assert text[start:end] == "Gunmen Storm Arnor Prison, Free 200 Inmates"
    assert [t.lemma_ for t in doc if t.text in ("Storm", "Inmates")] == ["storm", "inmate"]
    assert next(t for t in doc if t.text == "Arnor").pos_ == "PROPN"


def test_a_headline_and_its_lede_are_one_event(pipeline) -> None:
    text = "Orcs Attack Rohan Village, Killing 12\n\nOrcs attacked the village of Edoras in Rohan on Monday, " \
           "killing 12 villagers, the local governor said."
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].fatalities == 12


def test_a_sentence_in_ordinary_case_is_parsed_once(pipeline) -> None:
    doc = next(pipeline.parse(["Orcs attacked the village of Edoras in Rohan on Monday, killing 12 villagers."]))
    assert RECASED not in doc.user_data


def test_a_name_the_text_writes_capitalised_keeps_its_capital(pipeline) -> None:
    text = "Rangers Arrest Strider In Bree Raid\n\nRangers arrested Strider at an inn in Bree on Friday, " \
           "officials said."
    doc = pipeline.nlp(text)
    line = lines(next(doc.sents))[0]
    words = pipeline.title_case.recased(line, written_names(doc, {t.i for t in line}))
    assert words == ["rangers", "arrest", "Strider", "in", "Bree", "raid"]
    assert pipeline.title_case.recased(line) == ["rangers", "arrest", "strider", "in", "Bree", "raid"]


def test_headlines_parsed_in_one_batch_read_as_each_alone(pipeline) -> None:
    texts = ["Orcs Attack Rohan Village, Killing 12\n\nOrcs attacked Edoras on Monday, the governor said.",
             "Rangers Arrest Strider In Bree Raid\n\nRangers arrested Strider at an inn in Bree on Friday.",
             "Orcs attacked the village of Edoras in Rohan on Monday, killing 12 villagers.",
             "Gunmen Storm Arnor Prison, Free 200 Inmates\n\nArmed men attacked the prison of Annuminas."]

    def annotations(doc) -> list[tuple[str, ...]]:
        return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, str(t.head.i), t.ent_type_) for t in doc]

    together = list(pipeline.parse(texts))
    alone = [next(pipeline.parse([text])) for text in texts]
    assert [annotations(d) for d in together] == [annotations(d) for d in alone]
    assert [d.user_data.get(RECASED) for d in together] == [d.user_data.get(RECASED) for d in alone]
    assert sum(RECASED in d.user_data for d in together) == 3
