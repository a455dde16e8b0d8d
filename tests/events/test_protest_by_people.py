"""Labour strikes, walkouts, stoppages, hunger strikes and demonstrations by named people are Peaceful protest;
the words' other senses are not."""

from __future__ import annotations

import numpy as np
import pytest

from frontlines.events.classify import EventTyper, classify
from frontlines.events.gate import EventGate
from frontlines.events.modality import read
from frontlines.events.ontology import load_lexicon
from frontlines.events.roles.protesters import PROTEST_BY_PEOPLE_MIN, protest_by
from frontlines.pipeline import extract

STRIKES = [
    "Dock workers in Minas Tirith went on strike on Monday over pay.",
    "Teachers walked out of schools across Gondor on Tuesday.",
    "The union staged a two-day stoppage at the port of Pelargir.",
    "Nurses struck for higher wages in Minas Tirith on Friday.",
    "Miners in Erebor downed tools on Wednesday.",
    "A general strike paralysed Osgiliath on Thursday.",
    "Detainees at the Minas Morgul prison began a hunger strike on Sunday.",
    "Students staged a sit-in at the University of Gondor.",
    "Students in Edoras began a boycott of classes on Monday.",
    "Truckers blocked highways around Minas Tirith in protest against fuel prices.",
    "Port workers began a go-slow at Pelargir on Monday.",
    "Factory workers in Osgiliath staged a work stoppage on Friday to demand unpaid wages.",
    "Doctors at the main hospital in Edoras are on strike for the third day.",
    "Airline pilots in Gondor staged a strike, grounding flights on Friday.",
]

NOT_STRIKES = [
    "The two sides struck a deal on Friday.",
    "The court struck down the law on Monday.",
    "Lightning struck a house in Edoras.",
    "The strike price of the option rose.",
    "The striker scored twice for Gondor.",
    "He bowled a strike in the final frame.",
    "A pedestrian was struck by a car in Minas Tirith.",
    "Teachers have the right to strike.",
    "The referee added four minutes of stoppage time in Edoras.",
    "The minister walked out of the talks in Minas Tirith.",
    "The workers walked out of the meeting in anger.",
]


def _types(nlp, text: str) -> list[str]:
    return [t.sub_event_type for s in nlp(text).sents for t in classify(s)]


@pytest.mark.parametrize("text", STRIKES)
def test_a_strike_walkout_or_stoppage_is_a_peaceful_protest(nlp, text: str) -> None:
    assert "Peaceful protest" in _types(nlp, text)


@pytest.mark.parametrize("text", NOT_STRIKES)
def test_the_other_senses_of_strike_are_no_protest(nlp, text: str) -> None:
    assert "Peaceful protest" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Gondor warplanes carried out air strikes on Osgiliath on Monday.",
    "A drone strike killed two fighters near Minas Morgul.",
])
def test_an_air_strike_stays_an_air_strike(nlp, text: str) -> None:
    types = _types(nlp, text)
    assert "Air/drone strike" in types and "Peaceful protest" not in types


def test_workers_on_strike_at_a_mine_are_no_landmine(nlp) -> None:
    types = _types(nlp, "Workers at the Erebor mine have been on strike since Monday.")
    assert "Peaceful protest" in types and "Remote explosive/landmine/IED" not in types


def test_police_shooting_striking_workers_is_excessive_force(nlp) -> None:
    assert _types(nlp, "Police shot dead two striking workers in Osgiliath.") == ["Excessive force against protesters"]


@pytest.mark.parametrize("text", [
    "Striking dock workers clashed with police in Pelargir on Monday.",
    "Workers on strike threw stones at police in Osgiliath on Monday.",
])
def test_strikers_clashing_or_throwing_stones_is_a_violent_demonstration(nlp, text: str) -> None:
    assert _types(nlp, text)[0] == "Violent demonstration"


def _head(nlp, text: str, word: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return tok, tok.idx + len(tok.text)


@pytest.mark.parametrize(("text", "word", "who"), [
    ("The movement began with nurses striking in Gondor and winning a pay rise.", "striking", "nurses"),
    ("Nurses struck for higher wages in Minas Tirith on Friday.", "struck", "Nurses"),
    ("The miners have been on strike for three weeks.", "strike", "miners"),
    ("Thousands of dock workers joined the strike on Tuesday.", "strike", "Thousands"),
    ("Nurses demonstrated outside the hospital in Edoras over the new virus ward.", "demonstrated", "Nurses"),
    ("Residents of Bree held a rally against the closure of the clinic.", "rally", "Residents"),
    ("The teachers who struck last week in Gondor won a pay rise.", "struck", "teachers"),
    ("The strike by bus drivers entered its second week.", "strike", "drivers"),
    ("Police fired tear gas at striking miners in Erebor.", "striking", "miners"),
])
def test_protest_by_names_who_protests(nlp, text: str, word: str, who: str) -> None:
    tok, end = _head(nlp, text, word)
    found = protest_by(tok, end)
    assert found is not None and found.text == who


@pytest.mark.parametrize(("text", "word"), [
    ("The workers struck a deal with the company on Friday.", "struck"),
    ("A driver was struck by a car in Minas Tirith.", "struck"),
    ("The driver threw a can at her, striking her arm.", "striking"),
    ("The court struck down the law on Monday.", "struck"),
    ("Gondor forces struck rebel positions near Osgiliath.", "struck"),
    ("The strike hit a convoy near Osgiliath.", "strike"),
    ("The nurses demonstrated their new equipment in Edoras.", "demonstrated"),
    ("The study demonstrated that the virus spreads in crowded wards.", "demonstrated"),
])
def test_protest_by_leaves_other_senses_alone(nlp, text: str, word: str) -> None:
    tok, end = _head(nlp, text, word)
    assert protest_by(tok, end) is None


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def _doubting_gate(p_event: float) -> _FakeGate:
    """A fake gate giving every sentence ``p_event`` and reading the rest as a metaphor."""
    logit = float(np.log(p_event / (1 - p_event)))
    return _FakeGate(("Peaceful protest", "metaphor"), np.zeros((2, 384)), np.array([logit, 0.0]), (1.0, 0.0))


def test_a_labour_strike_stands_where_the_gate_reads_a_metaphor(nlp) -> None:
    typer = EventTyper(load_lexicon(), _doubting_gate(0.06), 0.2, 0.6)
    sent = next(nlp("The movement began with nurses striking in Gondor and winning a pay rise.").sents)
    [typing] = typer(sent)
    assert typing.sub_event_type == "Peaceful protest"
    assert "rule:protest-by-people (nurses" in typing.rule


def test_below_its_floor_the_gate_still_rejects_a_labour_strike(nlp) -> None:
    typer = EventTyper(load_lexicon(), _doubting_gate(PROTEST_BY_PEOPLE_MIN / 2), 0.2, 0.6)
    sent = next(nlp("The movement began with nurses striking in Gondor and winning a pay rise.").sents)
    assert typer(sent) == []


def test_a_demonstration_by_named_people_stands_where_the_gate_reads_the_disease(nlp) -> None:
    typer = EventTyper(load_lexicon(), _doubting_gate(0.06), 0.2, 0.6)
    sent = next(nlp("Nurses demonstrated outside the hospital in Edoras over the new virus ward.").sents)
    [typing] = typer(sent)
    assert typing.sub_event_type == "Peaceful protest" and "rule:protest-by-people (nurses" in typing.rule


def test_the_gate_still_rejects_a_strike_no_worker_stages(nlp) -> None:
    typer = EventTyper(load_lexicon(), _doubting_gate(0.06), 0.2, 0.6)
    sent = next(nlp("The driver threw a can at her, striking her arm, and drove off to get higher pay.").sents)
    assert typer(sent) == []


@pytest.mark.parametrize(("text", "word", "modality"), [
    ("The union called off the strike.", "strike", "denied"),
    ("The strike was called off after talks with the government.", "strike", "denied"),
    ("Teachers postponed their strike until May.", "strike", "denied"),
    ("Workers voted to strike next week.", "strike", "planned"),
    ("The union called on its members to walk out on Monday.", "walk", "planned"),
    ("The union threatened to strike over pay.", "strike", "planned"),
    ("An air strike on Monday cancelled the talks in Osgiliath.", "strike", "asserted"),
    ("She called on the agencies to keep sending aid after the army retook the town.", "retook", "asserted"),
    ("The union has called a general strike for Thursday.", "strike", "planned"),
    ("The opposition called for a rally in Minas Tirith on Saturday.", "rally", "planned"),
    ("The minister called the attack cowardly.", "attack", "asserted"),
    ("Officials called the strike a success.", "strike", "asserted"),
    ("Workers in Osgiliath went on a strike called by the union on Monday.", "strike", "asserted"),
])
def test_a_strike_called_off_or_only_called_for_did_not_happen(nlp, text: str, word: str, modality: str) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert read(tok).modality == modality


@pytest.mark.parametrize(("text", "kind"), [
    ("The movement began with nurses striking in Gondor and winning a pay rise.", "Peaceful protest"),
    ("Dock workers in Minas Tirith went on strike on Monday over pay.", "Peaceful protest"),
    ("Police fired tear gas at striking miners in Erebor on Monday.", "Protest with intervention"),
])
def test_the_pipeline_reports_labour_strikes(pipeline, text: str, kind: str) -> None:
    events = extract(text, published="2024-03-05", pipeline=pipeline).events
    assert [(e.sub_event_type, e.modality) for e in events] == [(kind, "asserted")]


@pytest.mark.parametrize("text", [
    *NOT_STRIKES,
    "The union threatened to strike over pay.",
    "Workers voted to strike next week.",
    "The strike ended last year after three months.",
    "It was a lucky strike for the company.",
    "The union called off the strike.",
])
def test_the_pipeline_reports_no_strike_that_did_not_happen(pipeline, text: str) -> None:
    events = extract(text, published="2024-03-05", pipeline=pipeline).events
    assert not [e for e in events if e.event_type == "Protests" and e.modality in ("asserted", "claimed")]


@pytest.mark.parametrize("text", [
    "Signs carried by the strikers in Bree read: Schools first.",
    "The strikers carried placards outside the ministry in Minas Tirith on Monday.",
])
def test_strikers_carrying_signs_are_a_peaceful_protest(pipeline, text: str) -> None:
    assert [e.sub_event_type for e in extract(text, pipeline=pipeline).events] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "The strikers missed several chances in the second half at Edoras.",  # "strikers" is no cue of its own
    "The strikers of Edoras FC signed new contracts on Monday.",
])
def test_strikers_of_a_team_are_no_protest(pipeline, text: str) -> None:
    assert [e.sub_event_type for e in extract(text, pipeline=pipeline).events] == []
