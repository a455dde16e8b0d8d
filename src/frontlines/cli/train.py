"""CLI: ``frontlines train`` (bring-your-own sub-event model) and ``frontlines eval events|plover``."""

from __future__ import annotations

import json

import click

from ..settings import Settings
from .evaluate import eval_group


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


@click.command("train")
@click.option("--acled", "acled_path", required=True, type=click.Path(dir_okay=False),
              help="ACLED export (CSV with notes and sub_event_type columns).")
@click.option("--no-rules", is_flag=True, help="Learn from the text alone, without the lexicon's typings as features.")
@click.pass_obj
def train_cmd(settings: Settings, acled_path: str, no_rules: bool) -> None:
    """Train the sub-event classifier on your own ACLED export; frontlines uses it from then on.

    The model is saved to DATA_DIR/models/subevent.joblib (see `data_dir`); delete the
    file to go back to the shipped lexicon-only default.

    \b
    Example:
      frontlines train --acled my-acled-export.csv
      frontlines eval events --acled held-out.csv --model
    """
    from ..events.train import train_acled
    from ..nlp import load_nlp

    report = train_acled(acled_path, settings=settings, nlp=load_nlp(settings.nlp_model), use_rules=not no_rules)
    click.echo(f"trained on {report.rows} rows ({len(report.labels)} sub-event types, {report.skipped} skipped) "
               f"in {report.seconds:.0f} s")
    click.echo(f"saved: {report.path}")


@eval_group.command("events")
@click.option("--acled", "acled_path", required=True, type=click.Path(dir_okay=False),
              help="ACLED export with coded fields (e.g. ../shared/eval/events/acled-dev.csv).")
@click.option("--limit", type=int, default=None, help="Only the first N rows.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--train-kfold", "kfold", type=int, default=None,
              help="Also k-fold train/test the trainable classifier on the same file.")
@click.option("--model", "use_model", is_flag=True,
              help="Use the trained model in DATA_DIR/models instead of the shipped default.")
@click.pass_obj
def eval_events_cmd(settings: Settings, acled_path: str, limit: int | None, as_json: bool,
                    kfold: int | None, use_model: bool) -> None:
    """Score event extraction against coded ACLED rows (their notes are the input).

    Prints sub-event weighted F1 and accuracy, event-type accuracy, actor1 inter-code
    match, location within 25 km, date exact, fatalities exact and docs/s.

    \b
    Example:
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv --train-kfold 5 --json
    """
    from ..errors import ModelError
    from ..events.acled import read_acled
    from ..events.evaluate import evaluate_acled, kfold_acled
    from ..events.model import load_trained
    from ..events.train import rule_cues
    from ..pipeline import Pipeline

    rows = read_acled(acled_path, limit=limit)
    pipeline = Pipeline(settings)
    model = None
    if use_model:
        model = load_trained(settings)
        if model is None:
            raise ModelError(f"no trained model in {settings.data_path / 'models'} "
                             "(run `frontlines train --acled EXPORT.csv` first)")
    results = {"default" if model is None else "model": evaluate_acled(rows, pipeline=pipeline, model=model,
                                                                      source=acled_path)}
    if kfold:
        cues = [rule_cues(d) for d in pipeline.nlp.pipe((r.notes for r in rows), batch_size=64)]
        results["train_kfold"] = kfold_acled(rows, k=kfold, rule_labels=cues)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=2))
        return
    for name, s in results.items():
        click.echo(f"{name} ({s.source}, {s.rows} rows)")
        click.echo(f"  sub-event weighted F1  {_pct(s.sub_event_f1)}   accuracy {_pct(s.sub_event_accuracy)}")
        click.echo(f"  event-type accuracy    {_pct(s.event_type_accuracy)}")
        click.echo(f"  actor1 inter match     {_pct(s.actor1_inter_match)}")
        click.echo(f"  location within 25 km  {_pct(s.location_25km)}")
        click.echo(f"  date exact             {_pct(s.date_exact)}")
        click.echo(f"  fatalities exact       {_pct(s.fatalities_exact)}")
        click.echo(f"  rows with no event     {s.no_event}")
        if s.stage_error:
            click.echo(f"  note: later pipeline stages unavailable, classifier alone used ({s.stage_error})")
        if s.docs_per_s is not None:
            click.echo(f"  docs/s                 {s.docs_per_s}")


@eval_group.command("plover")
@click.option("--gold", "gold_path", required=True, type=click.Path(dir_okay=False),
              help="PLOVER gold standard records (e.g. ../shared/eval/events/plover-gsr.json).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_obj
def eval_plover_cmd(settings: Settings, gold_path: str, as_json: bool) -> None:
    """Score the PLOVER coding and actor roles against PLOVER-coded sentences.

    \b
    Example:
      frontlines eval plover --gold ../shared/eval/events/plover-gsr.json
    """
    from ..events.evaluate import evaluate_plover, read_plover
    from ..pipeline import Pipeline

    s = evaluate_plover(read_plover(gold_path), pipeline=Pipeline(settings))
    if as_json:
        click.echo(json.dumps(s.as_dict(), indent=2))
        return
    click.echo(f"PLOVER records              {s.records}")
    click.echo(f"type accuracy (all)         {_pct(s.type_accuracy)}")
    click.echo(f"type accuracy (ACLED-like)  {_pct(s.type_accuracy_acled)}  ({s.acled_expressible} records)")
    click.echo(f"source actor text match     {_pct(s.source_match)}")
    click.echo(f"target actor text match     {_pct(s.target_match)}")
    for t, (ok, n) in s.per_type.items():
        click.echo(f"  {t:<12} {ok}/{n}")


COMMANDS: list[click.Command] = [train_cmd]
