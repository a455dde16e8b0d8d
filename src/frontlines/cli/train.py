"""CLI: ``frontlines train`` (bring-your-own sub-event model) and ``frontlines eval events|plover``."""

from __future__ import annotations

import json
from typing import Any

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
@click.option("--acled", "acled_path", default=None, type=click.Path(dir_okay=False),
              help="ACLED export with coded fields (e.g. ../shared/eval/events/acled-dev.csv).")
@click.option("--sentences", "sentences_path", default=None, type=click.Path(dir_okay=False),
              help="Judged news sentences, JSONL (e.g. ../shared/eval/events/news-sentences-dev.jsonl).")
@click.option("--limit", type=int, default=None, help="Only the first N rows / sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--train-kfold", "kfold", type=int, default=None,
              help="Also k-fold train/test the trainable classifier on the ACLED file.")
@click.option("--model", "use_model", is_flag=True,
              help="Use the trained model in DATA_DIR/models instead of the shipped default.")
@click.pass_obj
def eval_events_cmd(settings: Settings, acled_path: str | None, sentences_path: str | None, limit: int | None,
                    as_json: bool, kfold: int | None, use_model: bool) -> None:
    """Score event extraction against coded ACLED rows and/or judged news sentences.

    With --acled (the rows' notes are the input): sub-event weighted F1 and accuracy,
    event-type accuracy, actor1 inter-code match, location within 25 km, date exact,
    fatalities exact and docs/s. With --sentences (each sentence run through the whole
    pipeline as a one-sentence article): precision, recall and F1 of "does the sentence report
    an event", of its event types and of its sub-event types. Give one or both.

    \b
    Example:
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv
      frontlines eval events --sentences ../shared/eval/events/news-sentences-dev.jsonl
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv --train-kfold 5 --json
    """
    from ..pipeline import Pipeline

    if acled_path is None and sentences_path is None:
        raise click.UsageError("give --acled FILE, --sentences FILE or both")
    if kfold and acled_path is None:
        raise click.UsageError("--train-kfold needs --acled FILE")
    pipeline = Pipeline(settings, event_model=None)  # never whatever model sits in the data directory
    results: dict[str, Any] = {}
    if acled_path is not None:
        results.update(_acled_results(settings, pipeline, acled_path, limit=limit, kfold=kfold, use_model=use_model))
    if sentences_path is not None:
        from ..events.sentences import evaluate_sentences, read_sentences

        results["sentences"] = evaluate_sentences(read_sentences(sentences_path, limit=limit), pipeline=pipeline)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=2))
        return
    for name, s in results.items():
        if name == "sentences":
            _echo_sentences(s)
        else:
            _echo_acled(name, s)


def _acled_results(settings: Settings, pipeline: Any, path: str, *, limit: int | None, kfold: int | None,
                   use_model: bool) -> dict[str, Any]:
    from ..errors import ModelError
    from ..events.acled import read_acled
    from ..events.evaluate import evaluate_acled, kfold_acled
    from ..events.model import load_trained
    from ..events.train import rule_cues

    rows = read_acled(path, limit=limit)
    model = None
    if use_model:
        model = load_trained(settings)
        if model is None:
            raise ModelError(f"no trained model in {settings.data_path / 'models'} "
                             "(run `frontlines train --acled EXPORT.csv` first)")
    results: dict[str, Any] = {"default" if model is None else "model": evaluate_acled(
        rows, pipeline=pipeline, model=model, source=path)}
    if kfold:
        cues = [rule_cues(d) for d in pipeline.nlp.pipe((r.notes for r in rows), batch_size=64)]
        results["train_kfold"] = kfold_acled(rows, k=kfold, rule_labels=cues)
    return results


def _echo_acled(name: str, s: Any) -> None:
    click.echo(f"{name} ({s.source}, {s.rows} rows)")
    click.echo(f"  sub-event weighted F1  {_pct(s.sub_event_f1)}   accuracy {_pct(s.sub_event_accuracy)}")
    click.echo(f"  event-type accuracy    {_pct(s.event_type_accuracy)}")
    click.echo(f"  actor1 inter match     {_pct(s.actor1_inter_match)}")
    click.echo(f"  location within 25 km  {_pct(s.location_25km)}")
    click.echo(f"  date exact             {_pct(s.date_exact)}")
    click.echo(f"  fatalities exact       {_pct(s.fatalities_exact)}")
    click.echo(f"  rows with no event     {s.no_event}")
    if s.docs_per_s is not None:
        click.echo(f"  docs/s                 {s.docs_per_s}")


def _echo_sentences(s: Any) -> None:
    click.echo(f"judged sentences ({s.sentences}, {s.with_events} with events)")
    click.echo("  level            precision  recall  F1      (tp/fp/fn)")
    for level, sc in s.levels.items():
        click.echo(f"  {level:<16} {_pct(sc.precision):<10} {_pct(sc.recall):<7} {_pct(sc.f1):<7} "
                   f"({sc.tp}/{sc.fp}/{sc.fn})")
    if s.false_positives_by_kind:
        kinds = ", ".join(f"{k} {n}" for k, n in s.false_positives_by_kind.items())
        click.echo(f"  sentences wrongly given an event, by kind: {kinds}")
    if s.sentences_per_s is not None:
        click.echo(f"  sentences/s      {s.sentences_per_s}")


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

    s = evaluate_plover(read_plover(gold_path), pipeline=Pipeline(settings, event_model=None))
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
