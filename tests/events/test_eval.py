"""Event evaluation: reading gold files, scoring, k-fold training, the CLI, the baseline gate."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.errors import EvalError
from frontlines.events.acled import read_acled
from frontlines.events.evaluate import (
    Prediction,
    _role_text,
    label_scores,
    main_event,
    read_plover,
    score_rows,
)
from frontlines.records import Actor, Event

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baselines" / "events.json"

#: Fictional ACLED-style rows (no real ACLED notes): (sub-event type, notes).
ROWS = [
    ("Peaceful protest", "On 3 May 2031, about 200 nurses protested outside the hospital in Vessa over unpaid wages."),
    ("Peaceful protest", "On 4 May 2031, farmers held a rally in Tarrow demanding lower fuel prices."),
    ("Peaceful protest", "On 5 May 2031, students marched through Kell against tuition fees."),
    ("Armed clash", "On 3 May 2031, clashes erupted between the army and Free Arnor Front rebels near Oskal."),
    ("Armed clash", "On 6 May 2031, government troops and militants exchanged fire in the hills north of Marsk."),
    ("Armed clash", "On 7 May 2031, rebels attacked an army checkpoint near Dorin; two soldiers were killed."),
    ("Attack", "On 2 May 2031, gunmen shot dead a farmer in the village of Belavan."),
    ("Attack", "On 8 May 2031, unknown assailants stabbed a shopkeeper to death in Ostrin."),
    ("Attack", "On 9 May 2031, the body of a man with gunshot wounds was found near Halun."),
]


COUNTRIES = ("Arnor", "Gondor", "Rohan", "Eriador", "Harad", "Rhun")


def _write_rows(path: Path, rows=ROWS, repeat: int = 1) -> Path:
    cols = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "inter1", "latitude", "longitude",
            "notes", "fatalities", "timestamp", "country"]
    types = {"Peaceful protest": "Protests", "Armed clash": "Battles", "Attack": "Violence against civilians"}
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in range(repeat):
            for i, (sub, notes) in enumerate(rows):
                w.writerow([f"XX{r}-{i}", f"{3 + (i + r) % 6}-May-31", types[sub], sub, "1", "10.0", "20.0", notes,
                            "0", "1936180800", COUNTRIES[(i + r) % len(COUNTRIES)]])
    return path


def test_read_acled_takes_the_publication_date_from_the_timestamp(tmp_path: Path) -> None:
    rows = read_acled(_write_rows(tmp_path / "a.csv"))
    assert len(rows) == len(ROWS)
    assert rows[0].published == dt.date(2031, 5, 10)
    assert rows[0].event_date == dt.date(2031, 5, 3)


def test_read_acled_limit(tmp_path: Path) -> None:
    assert len(read_acled(_write_rows(tmp_path / "a.csv"), limit=2)) == 2


def test_read_acled_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="nope.csv"):
        read_acled(tmp_path / "nope.csv")


def test_read_acled_rejects_a_file_without_notes(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EvalError, match="missing column"):
        read_acled(p)


def test_weighted_f1_weights_labels_by_gold_frequency() -> None:
    f1, acc, per = label_scores(["A", "A", "A", "B"], ["A", "A", "A", "A"])
    assert acc == 0.75
    assert per["B"].f1 == 0.0
    assert f1 == pytest.approx(3 / 4 * per["A"].f1)


def test_no_prediction_counts_as_wrong() -> None:
    _, acc, _ = label_scores(["A", "B"], ["A", None])
    assert acc == 0.5


def _event(sub: str, start: int, conf: float) -> Event:
    from frontlines.events.ontology import load_ontology

    o = load_ontology().get(sub)
    return Event(id=f"e{start}{sub}", article_id="a", event_type=o.event_type, sub_event_type=sub,
                 plover_type=o.plover_type, actor1=None, actor2=None, assoc_actors=(), place=None,
                 geo_precision=None, date=None, time_precision=None, fatalities=None, modality="asserted",
                 attribution=None, sentence="s", start=start, end=start + 10, confidence=conf)


def test_main_event_is_the_first_sentences_most_confident() -> None:
    events = [_event("Attack", 20, 0.9), _event("Armed clash", 0, 0.6), _event("Looting/property destruction", 0, 0.7)]
    assert main_event(events).sub_event_type == "Looting/property destruction"


def test_riots_a_later_sentence_names_as_background_do_not_make_a_protest_violent() -> None:
    protest = _event("Peaceful protest", 0, 0.8)
    riot = replace(_event("Violent demonstration", 40, 0.68),
                   evidence={"sub_event_type": "lexicon:events/triggers.yaml#riot.noun:riots"})
    assert main_event([protest, riot]).sub_event_type == "Peaceful protest"
    stoned = replace(riot, evidence={"sub_event_type": "lexicon:events/triggers.yaml#riot.protesters_attack:stoned"})
    assert main_event([protest, stoned]).sub_event_type == "Violent demonstration"


def test_main_event_of_no_events_is_none() -> None:
    assert main_event([]) is None


def test_score_rows_reports_field_matches_only_with_events(tmp_path: Path) -> None:
    rows = read_acled(_write_rows(tmp_path / "a.csv"))
    preds = [Prediction(r.sub_event_type, r.event_type) for r in rows]
    s = score_rows(rows, preds)
    assert s.sub_event_f1 == 1.0 and s.event_type_accuracy == 1.0
    assert s.location_25km is None


def test_held_out_splits_score_train_next_to_the_plain_baseline(tmp_path: Path, pipeline, nlp) -> None:
    from frontlines.events.heldout import heldout_scores

    rows = read_acled(_write_rows(tmp_path / "a.csv", repeat=4))
    splits = heldout_scores(rows, list(nlp.pipe(r.notes for r in rows)), pipeline=pipeline, k=3)
    assert [s.split for s in splits] == ["k-fold", "by date", "by country"]
    for s in splits:
        assert 0 < s.rows <= len(rows)
        assert all(0.0 <= x <= 1.0 for x in (s.plain, s.model, s.pipeline, s.lexicon))
    assert splits[0].rows == len(rows) and splits[0].model > 0.5


def test_the_date_split_holds_out_the_latest_days(tmp_path: Path) -> None:
    from frontlines.events.heldout import date_folds

    rows = read_acled(_write_rows(tmp_path / "a.csv", repeat=2))
    [test] = date_folds(rows, share=0.25)
    latest = max(r.event_date for r in rows)
    assert {rows[i].event_date for i in test} >= {latest}
    assert min(rows[i].event_date for i in test) > min(r.event_date for r in rows)


def test_the_country_split_never_puts_a_country_on_both_sides(tmp_path: Path) -> None:
    from frontlines.events.heldout import country_folds

    rows = read_acled(_write_rows(tmp_path / "a.csv", repeat=2))
    folds = country_folds(rows, 3)
    assert sorted(i for f in folds for i in f) == list(range(len(rows)))
    for f in folds:
        inside = {rows[i].country for i in f}
        assert not inside & {r.country for j, r in enumerate(rows) if j not in set(f)}


def test_held_out_splits_refuse_a_silly_k(tmp_path: Path) -> None:
    from frontlines.events.heldout import kfold_folds

    with pytest.raises(EvalError, match="train-kfold"):
        kfold_folds(9, 1)


def test_read_plover_skips_documentation_records(tmp_path: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps([
        {"event": "DOCUMENT", "id": "d"},
        {"event": "DISAPPROVE", "id": "x", "text": "Gondor criticised Rohan.",
         "source": [{"actorText": "Gondor"}], "target": [{"actorText": "Rohan"}]},
    ]), encoding="utf-8")
    recs = read_plover(p)
    assert [(r.event, r.sources, r.targets) for r in recs] == [("ACCUSE", ("Gondor",), ("Rohan",))]


def test_plover_role_text_is_the_named_span_not_an_unnamed_roles_sentence() -> None:
    sentence = "Gondor soldiers shot a farmer near Minas Tirith."
    e = replace(_event("Attack", 0, 0.9), sentence=sentence)
    named = Actor(name="Military Forces of Gondor", id="g", inter=1, text="Gondor soldiers")
    unnamed = Actor(name="Civilians (Gondor)", id="c", inter=7, text=sentence)
    assert _role_text(named, e) == "Gondor soldiers"
    assert _role_text(unnamed, e) is None  # its evidence is the whole sentence, which holds any gold text
    assert _role_text(None, e) is None


def test_train_saves_a_model_that_load_trained_then_loads(tmp_path: Path, nlp) -> None:
    from frontlines.events.acled_train import train_acled
    from frontlines.events.model import load_trained
    from frontlines.pipeline import Pipeline
    from frontlines.settings import load_settings

    settings = load_settings(data_dir=str(tmp_path / "data"))
    assert load_trained(settings) is None
    report = train_acled(_write_rows(tmp_path / "a.csv", repeat=2), settings=settings,
                         pipeline=Pipeline(settings, nlp=nlp, event_model=None))
    assert Path(report.path).is_file() and report.rows == 2 * len(ROWS)
    model = load_trained(settings)
    assert model.predict(["Rebels and soldiers exchanged fire near the border."])[0] == "Armed clash"


def test_the_pipeline_passes_the_trained_model_to_the_typing_stage(tmp_path: Path, nlp) -> None:
    from frontlines.events.acled_train import train_acled
    from frontlines.pipeline import Pipeline
    from frontlines.settings import load_settings

    settings = load_settings(data_dir=str(tmp_path / "data"), event_gate="")
    train_acled(_write_rows(tmp_path / "a.csv", repeat=2), settings=settings,
                pipeline=Pipeline(settings, nlp=nlp, event_model=None))
    assert Pipeline(settings, nlp=nlp).typer.model is not None
    assert Pipeline(settings, nlp=nlp, event_model=None).typer.model is None  # evaluation passes None
    typer = Pipeline(settings, nlp=nlp).typer
    typings = typer(next(nlp("Rebels and soldiers exchanged fire near the border.").sents))
    assert typings and typings[0].sub_event_type == "Armed clash"


def test_corrupt_model_file_gives_a_model_error(tmp_path: Path) -> None:
    from frontlines.errors import ModelError
    from frontlines.events.model import load_trained
    from frontlines.settings import load_settings

    settings = load_settings(data_dir=str(tmp_path))
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "subevent.joblib").write_bytes(b"not a pickle")
    with pytest.raises(ModelError, match="frontlines train"):
        load_trained(settings)


@pytest.mark.parametrize("args", [["train", "--help"], ["eval", "events", "--help"], ["eval", "plover", "--help"]])
def test_cli_help_has_an_example(args: list[str]) -> None:
    from frontlines.cli import cli

    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0 and "Example:" in out.output


def test_eval_events_cli_reports_a_missing_file_in_one_line(tmp_path: Path) -> None:
    from frontlines.cli import cli

    out = CliRunner().invoke(cli, ["eval", "events", "--acled", str(tmp_path / "none.csv")])
    assert out.exit_code == 2
    assert "none.csv" in out.output


# ---------------------------------------------------------------- the gate (slow: the whole dev file)


@pytest.fixture(scope="module")
def acled_scores(shared_dir, pipeline):
    from frontlines.events.evaluate import evaluate_acled

    path = shared_dir / "eval" / "events" / "acled-dev.csv"
    if not path.is_file():
        pytest.skip("acled-dev.csv is not in ../shared/eval/events")
    return evaluate_acled(read_acled(path), pipeline=pipeline)


@pytest.mark.slow
@pytest.mark.parametrize("metric", ["sub_event_f1", "sub_event_accuracy", "event_type_accuracy", "location_25km",
                                    "date_exact", "fatalities_exact", "actor1_inter_match", "actor1_name_exact",
                                    "actor2_inter_match", "assoc_actor_match"])
def test_acled_scores_hold_the_baseline(acled_scores, metric: str) -> None:
    floor = json.loads(BASELINE.read_text())["default"][metric] - 0.01
    assert getattr(acled_scores, metric) >= floor


@pytest.mark.slow
def test_acled_actor1_missing_holds_the_baseline(acled_scores) -> None:
    ceiling = json.loads(BASELINE.read_text())["default"]["actor1_missing"] + 0.01
    assert acled_scores.actor1_missing is not None and acled_scores.actor1_missing <= ceiling


@pytest.mark.slow
def test_acled_sub_event_target_is_met(acled_scores) -> None:
    assert acled_scores.sub_event_f1 >= 0.70


@pytest.mark.slow
def test_acled_events_per_note_hold_the_baseline(acled_scores) -> None:
    """Each ACLED note describes one event: the pipeline writes at most 1.2 per note, and no more than before."""
    ceiling = json.loads(BASELINE.read_text())["default"]["events_per_doc"] + 0.02
    assert acled_scores.events_per_doc is not None
    assert acled_scores.events_per_doc <= min(1.2, ceiling)


@pytest.fixture(scope="module")
def report_scores(pipeline):
    from frontlines.events.reports import evaluate_corpus

    return evaluate_corpus(ROOT / "eval" / "articles" / "conflict-dev.jsonl", pipeline=pipeline, labelled=True)


@pytest.mark.slow
@pytest.mark.parametrize("metric", ["incident_found", "main_sub_event", "main_toll_within_20pct", "main_location_25km",
                                    "perpetrator_side_right"])
def test_conflict_reports_hold_the_baseline(report_scores, metric: str) -> None:
    floor = json.loads(BASELINE.read_text())["articles"][metric] - 0.01
    assert getattr(report_scores, metric) >= floor


@pytest.mark.slow
def test_conflict_reports_give_at_most_three_events_each_on_average(report_scores) -> None:
    ceiling = json.loads(BASELINE.read_text())["articles"]["events_per_article"] + 0.05
    assert report_scores.events_per_article <= min(3.0, ceiling)


def test_a_labelled_report_without_gold_is_refused_in_one_line(tmp_path: Path) -> None:
    from frontlines.events.reports import read_gold

    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"id": "r1", "text": "Gunmen attacked Bree."}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"r.jsonl:1: no gold incident"):
        read_gold(p)


def test_report_scores_count_events_and_the_main_toll(tmp_path: Path) -> None:
    from frontlines.events.reports import GoldIncident, score_articles
    from frontlines.records import Article, OffsetMap, Result

    def result(aid: str, *events: Event) -> Result:
        a = Article(id=aid, raw_text="x", clean_text="x", offsets=OffsetMap.identity(1), external_id=aid)
        return Result(article=a, events=events)

    hit = replace(_event("Attack", 0, 0.9), fatalities=11, date=dt.date(2031, 5, 3))
    gold = {"r1": GoldIncident("Violence against civilians", "Attack", 10.0, 20.0, dt.date(2031, 5, 3), 12),
            "r2": GoldIncident("Violence against civilians", "Attack", 10.0, 20.0, dt.date(2031, 5, 3), 3)}
    s = score_articles([result("r1", hit, _event("Armed clash", 50, 0.5)), result("r2")], gold)
    assert (s.articles, s.events_per_article, s.most_events, s.with_events) == (2, 1.0, 2, 1)
    assert (s.incident_found, s.main_sub_event, s.main_toll_within_20pct, s.main_toll_exact) == (0.5, 0.5, 0.5, 0.0)
