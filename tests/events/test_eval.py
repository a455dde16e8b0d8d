"""Event evaluation: reading gold files, scoring, k-fold training, the CLI, the baseline gate."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.errors import EvalError
from frontlines.events.acled import read_acled
from frontlines.events.evaluate import (
    Prediction,
    kfold_acled,
    km,
    label_scores,
    main_event,
    read_plover,
    score_rows,
)
from frontlines.records import Event

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


def _write_rows(path: Path, rows=ROWS, repeat: int = 1) -> Path:
    cols = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "inter1", "latitude", "longitude",
            "notes", "fatalities", "timestamp"]
    types = {"Peaceful protest": "Protests", "Armed clash": "Battles", "Attack": "Violence against civilians"}
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in range(repeat):
            for i, (sub, notes) in enumerate(rows):
                w.writerow([f"XX{r}-{i}", "3-May-31", types[sub], sub, "1", "10.0", "20.0", notes, "0", "1936180800"])
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


def test_km_between_two_points() -> None:
    assert km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)


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


def test_main_event_of_no_events_is_none() -> None:
    assert main_event([]) is None


def test_score_rows_reports_field_matches_only_with_events(tmp_path: Path) -> None:
    rows = read_acled(_write_rows(tmp_path / "a.csv"))
    preds = [Prediction(r.sub_event_type, r.event_type) for r in rows]
    s = score_rows(rows, preds)
    assert s.sub_event_f1 == 1.0 and s.event_type_accuracy == 1.0
    assert s.location_25km is None


def test_kfold_trains_and_scores_the_trainable_classifier(tmp_path: Path) -> None:
    rows = read_acled(_write_rows(tmp_path / "a.csv", repeat=3))
    s = kfold_acled(rows, k=3)
    assert s.rows == len(rows)
    assert s.sub_event_accuracy > 0.5


def test_kfold_refuses_a_silly_k(tmp_path: Path) -> None:
    rows = read_acled(_write_rows(tmp_path / "a.csv"))
    with pytest.raises(EvalError, match="train-kfold"):
        kfold_acled(rows, k=1)


def test_read_plover_skips_documentation_records(tmp_path: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps([
        {"event": "DOCUMENT", "id": "d"},
        {"event": "DISAPPROVE", "id": "x", "text": "Gondor criticised Rohan.",
         "source": [{"actorText": "Gondor"}], "target": [{"actorText": "Rohan"}]},
    ]), encoding="utf-8")
    recs = read_plover(p)
    assert [(r.event, r.sources, r.targets) for r in recs] == [("ACCUSE", ("Gondor",), ("Rohan",))]


def test_train_saves_a_model_that_load_trained_then_loads(tmp_path: Path, nlp) -> None:
    from frontlines.events.model import load_trained
    from frontlines.events.train import train_acled
    from frontlines.settings import load_settings

    settings = load_settings(data_dir=str(tmp_path / "data"))
    assert load_trained(settings) is None
    report = train_acled(_write_rows(tmp_path / "a.csv", repeat=2), settings=settings, nlp=nlp)
    assert Path(report.path).is_file() and report.rows == 2 * len(ROWS)
    model = load_trained(settings)
    assert model.predict(["Rebels and soldiers exchanged fire near the border."])[0] == "Armed clash"


def test_the_pipeline_passes_the_trained_model_to_the_typing_stage(tmp_path: Path, nlp) -> None:
    from frontlines.events.train import train_acled
    from frontlines.pipeline import Pipeline
    from frontlines.settings import load_settings

    settings = load_settings(data_dir=str(tmp_path / "data"), event_gate="")
    train_acled(_write_rows(tmp_path / "a.csv", repeat=2), settings=settings, nlp=nlp)
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
                                    "date_exact", "fatalities_exact"])
def test_acled_scores_hold_the_baseline(acled_scores, metric: str) -> None:
    floor = json.loads(BASELINE.read_text())["default"][metric] - 0.01
    assert getattr(acled_scores, metric) >= floor


@pytest.mark.slow
def test_acled_sub_event_target_is_met(acled_scores) -> None:
    assert acled_scores.sub_event_f1 >= 0.70
