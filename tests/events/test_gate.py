"""The event gate: shipped model provenance, calibration, decisions, explanations, injection."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from frontlines.events.classify import CLAUSE_LOOK_MIN_ALONE, CLAUSE_LOOK_MIN_TYPED, EventTyper, _second_look
from frontlines.events.gate import OUT_OF_SCOPE, EventGate, calibrate, load_gate, save_gate, shipped_gate_path
from frontlines.events.gate_features import ALL_FEATURES
from frontlines.events.ontology import SUB_EVENT_TYPES, load_lexicon
from frontlines.events.typings import lexicon_typings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gate() -> EventGate:
    return load_gate()


def test_the_shipped_gate_was_trained_on_the_training_files_as_they_are(gate: EventGate) -> None:
    files = sorted((ROOT / "training" / "events").glob("*.jsonl"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
    assert gate.meta["files"] == [f.name for f in files]
    assert gate.meta["data_sha256"] == digest.hexdigest(), "retrain: python scripts/train_event_gate.py"


def test_the_shipped_gate_is_small_and_knows_every_class(gate: EventGate) -> None:
    assert shipped_gate_path().stat().st_size < 5_000_000
    assert set(SUB_EVENT_TYPES) | set(OUT_OF_SCOPE) >= set(gate.classes) >= set(OUT_OF_SCOPE)
    assert len(set(gate.classes) & set(SUB_EVENT_TYPES)) == 25


def test_calibration_is_monotonic() -> None:
    ps = [calibrate(p, (1.3, -0.4)) for p in (0.01, 0.2, 0.5, 0.8, 0.99)]
    assert ps == sorted(ps) and 0.0 < ps[0] < ps[-1] < 1.0


def _gate(classes: tuple[str, ...], favour: str) -> EventGate:
    """A gate over fake embeddings: every vector scores ``favour`` highest."""
    coef = np.zeros((len(classes), 384))
    intercept = np.array([3.0 if c == favour else 0.0 for c in classes])
    return EventGate(classes, coef, intercept, (1.0, 0.0))


def test_verdict_sums_event_classes_and_names_the_likeliest_out_of_scope_kind() -> None:
    g = _gate(("Armed clash", "Attack", "crime", "none"), "crime")
    v = g.verdict(g.probabilities(np.zeros((1, 384)))[0])
    assert v.reason == "crime" and v.p_event < 0.2
    assert {s for s, _ in v.sub_events} == {"Armed clash", "Attack"}


class _FakeGate(EventGate):
    def judge(self, spans: list):  # one verdict per span, no encoder
        return [self.verdict(self.probabilities(np.zeros((1, 384)))[0]) for _ in spans]


def test_a_rejected_sentence_keeps_its_candidates_with_the_gate_reason(nlp) -> None:
    classes = ("Armed clash", "crime", "none")
    fake = _FakeGate(classes, np.zeros((3, 384)), np.array([0.0, 4.0, 0.0]), (1.0, 0.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.9)
    sent = next(nlp("Rebels and soldiers clashed near Osgiliath on Monday.").sents)
    reading = typer.read([sent])[0]
    assert reading.typings == ()
    why = [r for r in reading.rejected if r.reason.startswith("model:")]
    assert why and why[0].reason == "model:event-gate:crime" and why[0].trigger == "clashed"
    assert why[0].score is not None and why[0].score < 0.5


def test_an_accepted_sentence_keeps_the_lexicon_typing(nlp) -> None:
    classes = ("Armed clash", "crime", "none")
    fake = _FakeGate(classes, np.zeros((3, 384)), np.array([4.0, 0.0, 0.0]), (1.0, 0.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.9)
    sent = next(nlp("Rebels and soldiers clashed near Osgiliath on Monday.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Armed clash"]


def _favouring(*scores: tuple[str, float]) -> _FakeGate:
    """A fake gate sure of an event, whose sub-event types rank as ``scores`` say."""
    classes = tuple(c for c, _ in scores) + ("none",)
    return _FakeGate(classes, np.zeros((len(classes), 384)), np.array([v for _, v in scores] + [-9.0]), (1.0, 0.0))


def test_the_gate_alone_gives_no_air_strike_where_no_aircraft_is_named(nlp) -> None:
    fake = _favouring(("Air/drone strike", 4.0), ("Shelling/artillery/missile attack", 3.0), ("Attack", 0.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.5)
    sent = next(nlp("Gondor fired on Osgiliath and other towns along the river on Tuesday.").sents)
    [typing] = typer(sent)
    assert typing.sub_event_type == "Shelling/artillery/missile attack"
    assert typing.rule.startswith("model:event-gate:Shelling/artillery/missile attack (candidate 'fired'")
    sent = next(nlp("Gondor jets fired on Osgiliath on Tuesday.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Air/drone strike"]


def test_the_gate_alone_gives_no_arrest_where_no_word_names_one(nlp) -> None:
    fake = _favouring(("Arrests", 4.0), ("Change to group/activity", 3.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.5)
    sent = next(nlp("The petitions of the farmers of Bree were sent back to the steward unanswered.").sents)
    reading = typer.read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "model:event-gate:type-not-named" for r in reading.rejected)


def test_the_gate_alone_gives_no_mob_violence_where_no_word_names_one(nlp) -> None:
    fake = _favouring(("Mob violence", 4.0), ("Peaceful protest", 3.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.5)
    sent = next(nlp("A tense crowd gathered in Bree after the miller was found drowned.").sents)
    reading = typer.read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "model:event-gate:type-not-named" for r in reading.rejected)


def test_the_gate_alone_is_sure_before_it_turns_non_violent_words_into_another_event_type(nlp) -> None:
    unsure = _favouring(("Abduction/forced disappearance", 1.0), ("Change to group/activity", 0.8))
    text = "The steward ordered the four prisoners to be sent to the tower of Minas Tirith"
    reading = EventTyper(load_lexicon(), unsure, 0.5, 0.5).read([next(nlp(text + ".").sents)])[0]
    assert reading.typings == ()
    assert any(r.reason == "model:event-gate:type-not-named" for r in reading.rejected)
    dated = EventTyper(load_lexicon(), unsure, 0.5, 0.5)(next(nlp(text + " on Monday.").sents))
    assert [t.sub_event_type for t in dated] == ["Abduction/forced disappearance"]
    sure = _favouring(("Abduction/forced disappearance", 4.0), ("Change to group/activity", 0.8))
    assert [t.sub_event_type for t in EventTyper(load_lexicon(), sure, 0.5, 0.5)(next(nlp(text + ".").sents))] == \
        ["Abduction/forced disappearance"]


def test_the_gate_alone_gives_a_strategic_development_only_where_a_word_names_that_one(nlp) -> None:
    sure = _favouring(("Looting/property destruction", 4.0), ("Change to group/activity", 0.8))
    text = "The riders of Rohan met the orcs at the fords of the Isen"
    reading = EventTyper(load_lexicon(), sure, 0.5, 0.5).read([next(nlp(text + ".").sents)])[0]
    assert reading.typings == ()  # "met" (forces meeting) names no looting, however sure the gate
    assert any(r.reason == "model:event-gate:type-not-named" for r in reading.rejected)
    dated = EventTyper(load_lexicon(), sure, 0.5, 0.5)(next(nlp(text + " on Monday.").sents))
    assert [t.sub_event_type for t in dated] == ["Looting/property destruction"]
    violent = _favouring(("Attack", 4.0), ("Change to group/activity", 0.8))
    typings = EventTyper(load_lexicon(), violent, 0.5, 0.5)(next(nlp(text + ".").sents))
    assert [t.sub_event_type for t in typings] == ["Attack"]  # other event types keep ALONE_OTHER_TYPE_MIN


@pytest.mark.parametrize("text", [
    "The envoy of Umbar arrived in Minas Tirith on Thursday for a three-day visit to discuss fishing rights.",
    "Harad closed its land border with Rhun on Thursday, citing an outbreak of plague on the Rhun side.",
    "The healers of Gondor transferred twenty wounded riders from Osgiliath to Minas Tirith on Thursday.",
    "The lords of Dale met the chiefs of the river clans on Monday to end the quarrel over the council.",
])
def test_the_gate_alone_gives_no_violence_where_the_words_tell_a_non_violent_act_and_its_doer(nlp, text: str) -> None:
    fairly_sure = _favouring(("Armed clash", 2.0), ("Change to group/activity", 0.8))  # P(Armed clash) about 0.77
    reading = EventTyper(load_lexicon(), fairly_sure, 0.5, 0.5).read([next(nlp(text).sents)])[0]
    assert reading.typings == ()  # dated, so no ALONE_OTHER_TYPE_MIN: the doer's act is named and is no clash
    assert any(r.reason == "model:event-gate:non-violent-act" for r in reading.rejected), reading.rejected


@pytest.mark.parametrize("text", [
    "Three traders of Bree were found on the road to Osgiliath on Monday.",  # passive: what befell them is not said
    "The fighting reached the walls of Osgiliath on Monday.",  # the subject is the violence
])
def test_the_gate_alone_keeps_its_violence_where_no_doer_is_told_of_a_non_violent_act(nlp, text: str) -> None:
    fairly_sure = _favouring(("Armed clash", 2.0), ("Change to group/activity", 0.8))
    typings = EventTyper(load_lexicon(), fairly_sure, 0.5, 0.5)(next(nlp(text).sents))
    assert [t.sub_event_type for t in typings] == ["Armed clash"]


def test_a_very_sure_gate_keeps_its_violence_at_a_non_violent_act(nlp) -> None:
    sent = next(nlp("The lords of Dale met the chiefs of the river clans on Monday.").sents)
    sure = _favouring(("Armed clash", 4.0), ("Change to group/activity", 0.8))  # P(Armed clash) about 0.96
    assert [t.sub_event_type for t in EventTyper(load_lexicon(), sure, 0.5, 0.5)(sent)] == ["Armed clash"]


@pytest.mark.parametrize(("text", "favoured", "rule"), [
    ("The council of Rohan threatened on Monday to break relations with Gondor.",
     "Shelling/artillery/missile attack", "threatened-to"),
    ("The steward of Gondor announced on Monday that he will withdraw the monitors from Rohan.",
     "Change to group/activity", "announced-plan"),
    ("The council of Arnor demanded the withdrawal of Gondor troops from Osgiliath on Monday.",
     "Change to group/activity", "demanded"),
    ("A paper in Edoras called on Monday on the riders to unite and mobilize against the orcs.", "Agreement",
     "urged-to"),
    ("The deposed steward of Bree has agreed to resign, the council said on Saturday.",
     "Non-violent transfer of territory", "undertaking"),
])
def test_a_scope_rule_rejects_what_the_gate_types_alone(nlp, text: str, favoured: str, rule: str) -> None:
    reading = EventTyper(load_lexicon(), _favouring((favoured, 4.0), ("Attack", 0.0)), 0.5, 0.5).read(
        [next(nlp(text).sents)])[0]
    assert reading.typings == ()
    assert any(r.reason == f"rule:scope:{rule}" for r in reading.rejected), reading.rejected


def test_the_gate_alone_gives_force_against_protesters_only_where_a_protest_is_named(nlp) -> None:
    fake = _favouring(("Excessive force against protesters", 4.0), ("Armed clash", 3.0), ("Attack", 0.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.5)
    sent = next(nlp("Four of the guards of Bree then fired ten rounds on Tuesday.").sents)
    [typing] = typer(sent)
    assert typing.sub_event_type == "Attack"
    sent = next(nlp("Four of the guards of Bree then fired ten rounds into the crowd on Tuesday.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Excessive force against protesters"]


def test_the_gate_alone_gives_a_protest_only_where_people_gather_or_a_protest_is_named(nlp) -> None:
    typer = EventTyper(load_lexicon(), _favouring(("Peaceful protest", 4.0), ("Other", 0.0)), 0.5, 0.5)
    sent = next(nlp("The guild established an office in Bree in May.").sents)
    reading = typer.read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "model:event-gate:protest-not-named" for r in reading.rejected)
    sent = next(nlp("Members of the Bree farmers' guild gathered in front of the town hall on 1 May.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Peaceful protest"]


def test_police_converging_on_a_place_is_neither_a_development_nor_a_gathering_of_protesters(nlp) -> None:
    sent = next(nlp("Dozens of police converged on the Bree market square on Monday.").sents)
    assert EventTyper(load_lexicon())(sent) == []  # the lexicon alone: policing, no change to group/activity
    typer = EventTyper(load_lexicon(), _favouring(("Peaceful protest", 4.0), ("Other", 0.0)), 0.5, 0.5)
    reading = typer.read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "model:event-gate:protest-not-named" for r in reading.rejected)
    sent = next(nlp("Gondor troops converged on the Osgiliath crossing on Monday.").sents)
    assert [t.sub_event_type for t in EventTyper(load_lexicon())(sent)] == ["Change to group/activity"]


def test_the_gate_alone_gives_a_weak_development_only_at_a_candidate_of_its_event_type(nlp) -> None:
    typer = EventTyper(load_lexicon(), _favouring(("Other", 4.0), ("Attack", 0.0)), 0.5, 0.5)
    sent = next(nlp("Gondor forces secured the site in Bree on Friday.").sents)
    reading = typer.read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "model:event-gate:weak-type-elsewhere" for r in reading.rejected)
    moved = EventTyper(load_lexicon(), _favouring(("Change to group/activity", 4.0), ("Other", 0.0)), 0.5, 0.5)
    assert [t.sub_event_type for t in moved(next(nlp("Gondor troops moved to the border on Monday.").sents))] == \
        ["Change to group/activity"]


def test_the_gate_alone_gives_no_peaceful_protest_where_the_sentence_names_a_death_toll(nlp) -> None:
    # issue 11, articles32: a peaceful protest has no dead; the toll is an attack's
    typer = EventTyper(load_lexicon(), _favouring(("Peaceful protest", 4.0), ("Other", 0.0)), 0.5, 0.5)
    sent = next(nlp("By Wednesday the death toll from Tuesday's strike on Osgiliath had risen to five.").sents)
    reading = typer.read([sent])[0]  # the gate's own type refused; the definite mention takes the noun's next type
    assert reading.typings and "Peaceful protest" not in [t.sub_event_type for t in reading.typings]
    sent = next(nlp("By Wednesday the strike of the Osgiliath dockers had entered its fifth day.").sents)
    assert [t.sub_event_type for t in typer.read([sent])[0].typings] == ["Peaceful protest"]


def test_a_light_verb_without_its_cue_words_is_no_candidate_for_the_gate(nlp) -> None:
    typer = EventTyper(load_lexicon(), _favouring(("Armed clash", 4.0), ("Attack", 0.0)), 0.5, 0.5)
    sent = next(nlp("The orcs are using the villagers of Bree as human shields.").sents)
    reading = typer.read([sent])[0]
    assert reading.typings == () and reading.verdict is None
    assert any(r.trigger == "using" and r.reason.endswith(":cues") for r in reading.rejected)


def test_a_matched_trigger_inside_a_date_is_rejected_by_a_named_rule(nlp) -> None:
    sent = next(nlp("The vote is scheduled for March 31 in Minas Tirith.").sents)
    reading = EventTyper(load_lexicon()).read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "rule:in-name-or-date" and r.trigger == "March" for r in reading.rejected)


@pytest.mark.parametrize("text", [
    "Police in Bree arrested a man on suspicion of stealing a car from a supermarket car park.",
    "The striker scored twice as Minas Tirith crushed their rivals 4-0 on Saturday.",
])
def test_the_shipped_gate_rejects_crime_and_sport(nlp, gate: EventGate, text: str) -> None:
    from frontlines.settings import Settings

    typer = EventTyper(load_lexicon(), gate, Settings().event_threshold, Settings().event_threshold_alone)
    assert [t for s in nlp(text).sents for t in typer(s)] == []


def test_the_shipped_gate_passes_an_air_strike(nlp, gate: EventGate) -> None:
    from frontlines.settings import Settings

    typer = EventTyper(load_lexicon(), gate, Settings().event_threshold, Settings().event_threshold_alone)
    sent = next(nlp("Gondor warplanes bombed a rebel base near Osgiliath on Monday, killing 12 fighters.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Air/drone strike"]


def test_extract_explain_lists_rejected_events(nlp) -> None:
    from frontlines.contract import to_record
    from frontlines.pipeline import Pipeline, extract
    from frontlines.settings import load_settings

    settings = load_settings(event_gate="")
    pipe = Pipeline(settings, nlp=nlp, event_model=None)
    result = extract("The vote is scheduled for March 31 in Minas Tirith.", pipeline=pipe)
    rec = to_record(result, explain=True)
    assert "rejected_events" not in to_record(result)
    assert any(r["reason"] == "rule:in-name-or-date" for r in rec["rejected_events"])
    r = rec["rejected_events"][0]
    assert rec["clean_text"][r["start"]:r["end"]] == r["trigger"]
    assert json.dumps(rec)


def test_a_missing_gate_file_is_a_one_line_model_error(tmp_path: Path) -> None:
    from frontlines.errors import ModelError

    with pytest.raises(ModelError, match="event gate"):
        load_gate(tmp_path / "nothing")


@pytest.mark.parametrize(("features", "loads"), [(ALL_FEATURES, True), (ALL_FEATURES[:3], True),
                                                 (("frame_root", "no_such_feature"), False)])
def test_a_saved_gate_loads_with_the_features_it_names(tmp_path: Path, features: tuple[str, ...],
                                                       loads: bool) -> None:
    from frontlines.errors import ModelError

    gate = EventGate(("none", "Armed clash"), np.zeros((2, 384 + len(features))), np.zeros(2), (1.0, 0.0),
                     features=features, feature_scale=0.2, frame_scale=1.0)
    save_gate(gate, tmp_path / "gate")
    if loads:
        got = load_gate(tmp_path / "gate")
        assert got.features == features
        assert [float(x) for x in got.scales()] == [pytest.approx(1.0 if f.startswith(("frame", "trigger", "say"))
                                                                  else 0.2) for f in features]
    else:
        with pytest.raises(ModelError, match="event gate"):
            load_gate(tmp_path / "gate")


@pytest.mark.parametrize("name", ["gate-w0.5", "gate-w0.5.npz", "gate-w0.5.json"])
def test_a_gate_named_with_a_dot_keeps_its_whole_name(tmp_path: Path, name: str) -> None:
    gate = EventGate(("none", "Armed clash"), np.full((2, 384), 0.5), np.zeros(2), (1.0, 0.0))
    save_gate(gate, tmp_path / "gate-w0.5")
    save_gate(EventGate(("none", "Armed clash"), np.zeros((2, 384)), np.zeros(2), (1.0, 0.0)), tmp_path / "gate-w0.3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gate-w0.3.json", "gate-w0.3.npz",
                                                         "gate-w0.5.json", "gate-w0.5.npz"]
    assert float(load_gate(tmp_path / name).coef[0, 0]) == 0.5


def test_clause_second_look_skips_untyped_candidates_far_below_the_threshold() -> None:
    assert _second_look(0.05, True, 0.1, 0.6)  # typed, rejected: looked at again
    assert not _second_look(CLAUSE_LOOK_MIN_TYPED / 2, True, 0.1, 0.6)  # typed, hopeless
    assert not _second_look(0.2, True, 0.1, 0.6)  # typed and kept: no need
    assert _second_look(0.3, False, 0.1, 0.6)  # untyped, undecided
    assert not _second_look(CLAUSE_LOOK_MIN_ALONE / 2, False, 0.1, 0.6)  # untyped, hopeless
    assert not _second_look(0.7, False, 0.1, 0.6)  # untyped, already reported


def test_documents_typed_together_read_as_each_alone_with_one_encoder_call(nlp, gate: EventGate) -> None:
    from frontlines.settings import Settings

    typer = EventTyper(load_lexicon(), gate, Settings().event_threshold, Settings().event_threshold_alone)
    docs = [list(nlp(t).sents) for t in (
        "Gondor warplanes bombed a rebel base near Osgiliath on Monday. The council met on Tuesday.",
        "Orc raiders attacked a village in Rohan, killing three farmers.",
        "The weather in Bree was mild.",
        "Hundreds of people marched in Minas Tirith to demand bread. Police fired tear gas at them.")]
    alone = [typer.read(sents) for sents in docs]
    calls: list[int] = []
    encode = gate.encoder.encode
    try:
        gate.encoder.encode = lambda texts: calls.append(len(texts)) or encode(texts)  # type: ignore[method-assign]
        together = typer.read_docs(docs)
    finally:
        del gate.encoder.encode
    assert together == alone
    assert [len(r) for r in together] == [2, 1, 1, 2]
    assert 1 <= len(calls) <= 2  # the sentences, then (if any) the clauses of those it would reject


class _CountingGate(_FakeGate):
    def judge(self, spans: list):
        self.meta.setdefault("judged", []).extend(s.text for s in spans)
        return super().judge(spans)


@pytest.mark.parametrize("text", [
    "Gondor will fire on Osgiliath and other towns along the river on Tuesday.",
    "Gondor says it fires on Osgiliath whenever the orcs cross the river.",
])
def test_an_untyped_candidate_in_the_present_is_not_sent_to_the_gate(nlp, text: str) -> None:
    classes = ("Shelling/artillery/missile attack", "none")
    fake = _CountingGate(classes, np.zeros((2, 384)), np.array([4.0, -9.0]), (1.0, 0.0))
    reading = EventTyper(load_lexicon(), fake, 0.5, 0.5).read([next(nlp(text).sents)])[0]
    assert reading.typings == () and reading.verdict is None and not fake.meta.get("judged")
    [why] = [r for r in reading.rejected if r.reason == "rule:present-tense"]
    assert why.trigger in text and why.score is None


def test_an_untyped_candidate_that_describes_a_person_is_not_sent_to_the_gate(nlp) -> None:
    fake = _favouring(("Change to group/activity", 4.0), ("Other", 0.0))
    typer = EventTyper(load_lexicon(), fake, 0.5, 0.5)
    text = "The steward of Gondor has named the soldier who died on Thursday as Sergeant Bob Took of Bree."
    reading = typer.read([next(nlp(text).sents)])[0]
    assert reading.typings == () and reading.verdict is None
    assert any(r.reason == "rule:described-person" for r in reading.rejected)
    decree = "The steward issued a decree on Thursday that removed the captain of the Bree watch."
    assert [t.sub_event_type for t in typer(next(nlp(decree).sents))] == ["Change to group/activity"]  # no person


def test_an_untyped_candidate_in_the_past_is_still_judged_by_the_gate(nlp) -> None:
    classes = ("Shelling/artillery/missile attack", "none")
    fake = _CountingGate(classes, np.zeros((2, 384)), np.array([4.0, -9.0]), (1.0, 0.0))
    sent = next(nlp("Gondor fired on Osgiliath and other towns along the river on Tuesday.").sents)
    reading = EventTyper(load_lexicon(), fake, 0.5, 0.5).read([sent])[0]
    assert [t.sub_event_type for t in reading.typings] == ["Shelling/artillery/missile attack"]
    assert fake.meta["judged"] == [sent.text]


def test_a_dated_untyped_candidate_in_the_present_is_still_judged_by_the_gate(nlp) -> None:
    classes = ("Shelling/artillery/missile attack", "none")
    fake = _CountingGate(classes, np.zeros((2, 384)), np.array([4.0, -9.0]), (1.0, 0.0))
    sent = next(nlp("On 3 May, Gondor says it fires on the towns along the river.").sents)
    reading = EventTyper(load_lexicon(), fake, 0.5, 0.5).read([sent])[0]
    assert fake.meta["judged"][0] == sent.text
    assert not [r for r in reading.rejected if r.reason == "rule:present-tense"]


@pytest.mark.parametrize(("text", "long_ago"), [
    ("On 2 May 1778 the king of Gondor fired on Osgiliath and the towns along the river.", True),
    ("On 2 May 2019 the king of Gondor fired on Osgiliath and the towns along the river.", False),
    ("In 1778 and again on 2 May 2019 Gondor fired on Osgiliath.", False),  # a recent year too
    ("In the early 1900s the king of Gondor fired on Osgiliath and the towns along the river.", True),  # a decade
])
def test_an_untyped_candidate_told_as_history_is_not_sent_to_the_gate_alone(nlp, text: str, long_ago: bool) -> None:
    classes = ("Shelling/artillery/missile attack", "none")
    fake = _CountingGate(classes, np.zeros((2, 384)), np.array([4.0, -9.0]), (1.0, 0.0))
    reading = EventTyper(load_lexicon(), fake, 0.5, 0.5).read([next(nlp(text).sents)])[0]
    assert bool([r for r in reading.rejected if r.reason == "rule:long-ago"]) is long_ago
    assert bool(fake.meta.get("judged")) is not long_ago


@pytest.mark.parametrize(("text", "dated"), [
    ("Critics in Bree pointed to last week's air strike on the Edoras market.", True),
    ("Nobody asked why Tuesday's raid on the compound in Arnor was approved.", True),
    ("Organisers in Minas Tirith hope next week's protest will be larger.", False),  # no past occurrence
    ("Critics in Bree pointed to the air strike on the Edoras market.", False),  # no date
])
def test_a_trigger_noun_named_by_a_past_date_is_judged_on_its_noun_phrase(nlp, text: str, dated: bool) -> None:
    from frontlines.events.classify import clause_span
    from frontlines.events.modality import dated_noun
    from frontlines.events.ontology import load_lexicon
    from frontlines.events.typings import lexicon_typings

    sent = next(iter(nlp(text).sents))
    reading = lexicon_typings(sent, lexicon=load_lexicon())
    noun = next(t for t in sent if t.lower_ in ("strike", "raid", "protest"))
    assert dated_noun(noun) is dated
    span = clause_span(sent, reading)
    first = sent.doc[reading.typings[0].trigger_index] if reading.typings else sent.doc[reading.hits[0].first]
    assert first.i == noun.i
    assert (span.text == sent.doc[noun.left_edge.i:noun.right_edge.i + 1].text) is dated


@pytest.mark.parametrize(("text", "mention"), [
    ("Before the raid on the granary of Bree began, the guards had left.", True),
    ("Sunday's bombing in Minas Tirith was claimed by the Umbar corsairs.", True),
    ("The steward said the Bree attack was planned in Umbar.", True),  # a name before the noun
    ("Raids on the villages of Bree were a crime, the steward said.", False),  # plural
    ("An attack on Bree was never likely, the steward said.", False),  # indefinite
    ("The attack on Bree will come at dawn.", False),  # no past verb
])
def test_a_definite_mention_of_one_past_incident(nlp, text: str, mention: bool) -> None:
    from frontlines.events.mentions import definite_mention

    sent = next(iter(nlp(text).sents))
    noun = next(t for t in sent if t.lemma_.lower() in ("raid", "bombing", "attack"))
    assert definite_mention(noun, sent) is mention


def _unsure(reason: str) -> _FakeGate:
    """A fake gate that gives P(event) about 0.3 (below both thresholds of the typers below), an
    attack likelier than a clash, and ``reason`` as the likeliest out-of-scope kind."""
    classes = ("Attack", "Armed clash", reason, "crime" if reason == "none" else "none")
    return _FakeGate(classes, np.zeros((4, 384)), np.array([1.0, 0.0, 2.0, 0.0]), (1.0, 0.0))


def test_a_definite_mention_stands_at_a_lower_gate_probability_unless_the_gate_reads_crime(nlp) -> None:
    sent = next(nlp("Before the raid on the granary of Bree began, the guards had left.").sents)
    typer = EventTyper(load_lexicon(), _unsure("none"), 0.5, 0.9)
    reading = typer.read([sent])[0]
    assert reading.verdict is not None and 0.15 < reading.verdict.p_event < 0.5
    [typing] = reading.typings
    assert typing.trigger == "raid" and "mention:definite" in typing.rule
    assert EventTyper(load_lexicon(), _unsure("crime"), 0.5, 0.9)(sent) == []
    plural = next(nlp("Raids on the granaries of Bree began before the guards had left.").sents)
    assert EventTyper(load_lexicon(), _unsure("none"), 0.5, 0.9)(plural) == []


def test_a_definite_mention_of_violence_beside_a_protest_is_a_second_event(nlp, gate: EventGate) -> None:
    typer = EventTyper(load_lexicon(), gate)
    sent = next(nlp("The council said the Minas Tirith attack had no relation to the Edoras protest.").sents)
    typings = typer(sent)
    assert [t.sub_event_type for t in typings][0] == "Peaceful protest"
    [mention] = typings[1:]
    assert mention.event_type != "Protests" and mention.rule.startswith("mention:beside:event-gate:")
    assert mention.trigger == "attack"


def test_a_definite_mention_beside_violence_is_the_same_incident(nlp, gate: EventGate) -> None:
    typer = EventTyper(load_lexicon(), gate)
    sent = next(nlp("Gunmen killed two guards in Edoras on Monday, weeks after the Minas Tirith attack.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Armed clash"]


@pytest.mark.parametrize(("text", "told"), [
    ("Tuesday's raid on the granary of Bree left two guards dead.", "left"),
    ("The ambush near Bree claimed five lives.", "claimed"),
    ("The 3 May attack on Bree destroyed two houses.", "destroyed"),
    ("Three guards died in the raid on the granary of Bree.", "died"),
    ("The raid on the council left two ministers humiliated.", None),  # no toll after "left"
    ("The raid on Bree killed the harvest.", None),  # no number
    ("Raids on Bree left two guards dead.", None),  # plural
    ("The 2019 raid on Bree left two guards dead.", None),  # a year: an earlier incident retold
    ("The raid on Bree would have left two guards dead.", None),  # under a modal
])
def test_a_definite_mention_told_by_what_the_incident_did(nlp, text: str, told: str | None) -> None:
    from frontlines.events.mentions import consequence_mention

    sent = next(iter(nlp(text).sents))
    noun = next(t for t in sent if t.lemma_.lower() in ("raid", "ambush", "attack"))
    verb = consequence_mention(noun, sent)
    assert (verb.text if verb is not None else None) == told


def test_a_mention_told_by_its_toll_stands_where_the_gate_reads_a_metaphor_not_a_crime(nlp) -> None:
    sent = next(nlp("Tuesday's raid on the granary of Bree left two guards dead.").sents)
    typer = EventTyper(load_lexicon(), _unsure("metaphor"), 0.5, 0.9)
    [typing] = typer(sent)
    assert typing.trigger == "raid" and typing.rule.startswith("mention:consequence:")
    assert "told by 'left'" in typing.rule and typing.event_type != "Protests"
    assert EventTyper(load_lexicon(), _unsure("crime"), 0.5, 0.9)(sent) == []
    humiliated = next(nlp("Tuesday's raid on the council left two ministers humiliated.").sents)
    assert EventTyper(load_lexicon(), _unsure("metaphor"), 0.5, 0.9)(humiliated) == []


def _crime_reading_of_a_mob(reason: str = "crime") -> _FakeGate:
    """A fake gate that gives P(event) about 0.3 (below the typers' threshold below), Mob violence as the
    likeliest sub-event type and ``reason`` as the likeliest out-of-scope kind."""
    classes = ("Mob violence", "Attack", reason, "crime" if reason == "none" else "none")
    return _FakeGate(classes, np.zeros((4, 384)), np.array([1.0, 0.0, 2.0, 0.0]), (1.0, 0.0))


def test_a_crowd_punishing_a_suspect_is_mob_violence_though_the_gate_reads_crime(nlp) -> None:
    typer = EventTyper(load_lexicon(), _crime_reading_of_a_mob(), 0.5, 0.9)
    sent = next(nlp("A suspected horse thief was beaten by villagers in Bree on Monday.").sents)
    reading = typer.read([sent])[0]
    assert reading.verdict is not None and reading.verdict.p_event < 0.5
    [typing] = reading.typings
    assert typing.sub_event_type == "Mob violence" and "mob-justice" in typing.rule
    lynched = next(nlp("Two men accused of stealing a cow were lynched in Bree on Monday.").sents)
    assert [t.sub_event_type for t in typer(lynched)] == ["Mob violence"]


@pytest.mark.parametrize(("text", "reason"), [
    ("Villagers beat a miller of Bree on Monday.", "crime"),  # no suspect named: the gate decides
    ("A man beat a suspected horse thief in Bree on Monday.", "crime"),  # one man: no mob (lone-attacker)
    ("A robber shot a shopkeeper in Bree on Monday.", "crime"),  # the crime itself
    ("A suspected horse thief was beaten by villagers in Bree on Monday.", "metaphor"),  # not read as crime
])
def test_mob_justice_needs_a_crowd_a_suspect_and_a_crime_reading(nlp, text: str, reason: str) -> None:
    assert EventTyper(load_lexicon(), _crime_reading_of_a_mob(reason), 0.5, 0.9)(next(nlp(text).sents)) == []


def test_a_lower_case_name_entity_is_the_taggers_error_and_rejects_no_trigger(nlp) -> None:
    from spacy.tokens import Span

    from frontlines.events.matching import Hit, _in_name_or_date

    doc = nlp("Recent mortar attacks hit Minas Tirith, and a Mortar Brigade parade was held.")
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 9, 11, label="ORG")]
    assert [e.text for e in doc.ents] == ["mortar attacks", "Mortar Brigade"]
    lower = Hit(entry=None, first=1, last=1, at=1, to=1)  # type: ignore[arg-type]
    named = Hit(entry=None, first=9, last=9, at=9, to=9)  # type: ignore[arg-type]
    assert not _in_name_or_date(lower, doc[:], [])
    assert _in_name_or_date(named, doc[:], [])


def test_a_killing_by_police_beside_a_protest_is_a_second_event(nlp, gate: EventGate) -> None:
    typer = EventTyper(load_lexicon(), gate)
    sent = next(nlp("The police killing of a farmer in Bree on 3 May sparked a week of protests in Arnor.").sents)
    assert [t.sub_event_type for t in typer(sent)] == ["Peaceful protest", "Attack"]
    # a search by police and a killing no armed agent did are the gate's crime: the protest alone
    for text in ("Butterbur was arrested after a body was found during a Thursday police raid on his home in Bree.",
                 "The murder of a shopkeeper in Bree on 3 May sparked protests in Arnor."):
        assert "Attack" not in [t.sub_event_type for t in typer(next(nlp(text).sents))]


@pytest.mark.parametrize(("text", "forced"), [
    ("The Arnor lawyer who defended dissidents disappeared in a 2015 police sweep aimed at critics of Gondor.", True),
    ("The lawyer of the rangers has not been heard of since he disappeared into custody in Minas Tirith in 2016.",
     True),
    ("The lawyer of the rangers has had no contact with his family since he disappeared in a police sweep in 2015.",
     True),
    ("The ranger disappeared in the forest near Bree in 2016.", False),
])
def test_disappeared_in_a_police_sweep_is_a_forced_disappearance(nlp, gate: EventGate, text: str, forced: bool) -> None:
    typer = EventTyper(load_lexicon(), gate)
    types = [t.sub_event_type for t in typer(next(nlp(text).sents))]
    assert ("Abduction/forced disappearance" in types) == forced


def test_a_match_its_entrys_without_words_exclude_is_no_candidate_for_another_type(nlp) -> None:
    """A trigger whose entry's `without` words are in the sentence (an RPG, for shelling.noun): the gate may
    confirm that entry's own type only; any other type it likes best is not what the words say."""
    sent = next(nlp("On Monday an RPG missile was launched into the sky over the market of Bree.").sents)
    other = EventTyper(load_lexicon(), _favouring(("Abduction/forced disappearance", 4.0), ("Attack", 0.0)), 0.5, 0.5)
    reading = other.read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "lexicon:shelling.noun:excluded" for r in reading.rejected)
    assert any(r.reason == "model:event-gate:excluded-type" for r in reading.rejected)
    shelled = _favouring(("Shelling/artillery/missile attack", 4.0), ("Abduction/forced disappearance", 0.0))
    assert [t.sub_event_type for t in EventTyper(load_lexicon(), shelled, 0.5, 0.5)(sent)] == \
        ["Shelling/artillery/missile attack"]
    poisoned = next(nlp("Forty children in Bree fell ill with food poisoning on Monday.").sents)
    reading = lexicon_typings(poisoned, lexicon=load_lexicon())
    assert not reading.hits and [h.entry.id for h in reading.excluded] == ["attack.poison"]


def test_a_match_whose_cue_words_are_missing_stays_a_candidate(nlp) -> None:
    """Cue words missing (`with`) is no exclusion: "fired" with no aircraft named is still a candidate."""
    sent = next(nlp("Gondor fired on Osgiliath on Tuesday.").sents)
    reading = lexicon_typings(sent, lexicon=load_lexicon())
    assert any(h.entry.id == "air.aircraft_verb" for h in reading.hits) and not reading.excluded
