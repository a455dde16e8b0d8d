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
    from ..errors import require_extra

    require_extra("sklearn", "joblib", extra="train", feature="frontlines train")
    from ..events.acled_train import train_acled
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings, event_model=None)  # the lexicon's own events are cues, never a saved model's
    report = train_acled(acled_path, settings=settings, pipeline=pipeline, use_rules=not no_rules)
    click.echo(f"trained on {report.rows} rows ({len(report.labels)} sub-event types, {report.skipped} skipped) "
               f"in {report.seconds:.0f} s")
    click.echo(f"saved: {report.path}")


@eval_group.command("events")
@click.option("--acled", "acled_path", type=click.Path(dir_okay=False),
              help="ACLED export with coded fields (e.g. ../shared/eval/events/acled-dev.csv).")
@click.option("--sentences", "sentences_path", type=click.Path(dir_okay=False),
              help="Judged news sentences, JSONL (e.g. ../shared/eval/events/news-sentences-dev.jsonl).")
@click.option("--articles", "articles_path", type=click.Path(dir_okay=False),
              help="Conflict reports labelled with their main incident (JSONL; e.g. eval/articles/conflict-dev.jsonl).")
@click.option("--snippets", "snippets_path", type=click.Path(dir_okay=False),
              help="Short news snippets labelled with one sub-event type each, JSONL "
                   "(e.g. eval/snippets/snippets-dev.jsonl).")
@click.option("--incidents", "incidents_path", type=click.Path(dir_okay=False),
              help="Whole articles labelled with every incident they report, JSONL "
                   "(e.g. eval/articles/record32-a.jsonl).")
@click.option("--corpus", "corpus_path", type=click.Path(),
              help="Any input `ingest` reads (e.g. ../shared/corpus/fakenews-sample.csv): events per article.")
@click.option("--limit", type=int, default=None, help="Only the first N ACLED rows / judged sentences / snippets.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--train-kfold", "kfold", type=int, default=None,
              help="Also score `train` on held-out rows of the --acled file (K folds, by date, K groups of "
                   "countries), next to a plain TF-IDF + LinearSVC baseline (slow: minutes).")
@click.option("--model", "use_model", is_flag=True,
              help="Use the trained model in DATA_DIR/models instead of the shipped default.")
@click.pass_obj
def eval_events_cmd(settings: Settings, acled_path: str | None, sentences_path: str | None,
                    articles_path: str | None, snippets_path: str | None, incidents_path: str | None,
                    corpus_path: str | None, limit: int | None, as_json: bool, kfold: int | None,
                    use_model: bool) -> None:
    """Score event extraction against coded ACLED rows, judged sentences, labelled reports, snippets or articles, or a corpus.

    ACLED rows (their notes are the input): sub-event weighted F1 and accuracy, event-type
    accuracy, actors (actor1 name exactly ACLED's, actor1 missing, actor1 and actor2 inter-code
    match, associated actors), location within 25 km, date exact, fatalities exact, events per
    note and docs/s. Judged news sentences (each run through the whole pipeline as a
    one-sentence article): precision, recall and F1 of "does the sentence report an event", of
    its event types and of its sub-event types. Labelled reports: events per article, whether
    the labelled incident is among them, and the main event's type, place, date and death toll.
    Labelled snippets (CASE 2021 task 2 style, one sub-event type each): the main event's
    sub-event weighted F1 and accuracy (picked as for ACLED notes), events per snippet and
    snippets with no event. Whole articles labelled with every incident they report: events per
    article, incidents found, events that are an incident of their own, duplicates, false events,
    and each found incident's toll and date. A corpus: events per article. Give one or several.

    \b
    Example:
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv
      frontlines eval events --sentences ../shared/eval/events/news-sentences-dev.jsonl
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv --train-kfold 5 --json
      frontlines eval events --articles eval/articles/conflict-dev.jsonl
      frontlines eval events --snippets eval/snippets/snippets-dev.jsonl
      frontlines eval events --incidents eval/articles/record32-a.jsonl
      frontlines eval events --corpus ../shared/corpus/fakenews-sample.csv
    """
    from ..events.reports import evaluate_corpus
    from ..events.sentences import evaluate_sentences, read_sentences
    from ..pipeline import Pipeline

    if not (acled_path or sentences_path or articles_path or snippets_path or incidents_path or corpus_path):
        raise click.UsageError("give --acled FILE, --sentences FILE, --articles FILE, --snippets FILE, "
                               "--incidents FILE or --corpus PATH (or several)")
    if kfold and not acled_path:
        raise click.UsageError("--train-kfold needs --acled FILE")
    pipeline = Pipeline(settings, event_model=None)  # never whatever model sits in the data directory
    results: dict[str, Any] = {}
    if acled_path:
        results.update(_acled_results(settings, pipeline, acled_path, limit=limit, kfold=kfold, use_model=use_model))
    if sentences_path:
        results["sentences"] = evaluate_sentences(read_sentences(sentences_path, limit=limit), pipeline=pipeline)
    if articles_path:
        results["articles"] = evaluate_corpus(articles_path, pipeline=pipeline, labelled=True)
    if snippets_path:
        from ..events.evaluate import evaluate_snippets, read_snippets

        results["snippets"] = evaluate_snippets(read_snippets(snippets_path, limit=limit), pipeline=pipeline)
    if incidents_path:
        from ..events.incidents_eval import evaluate_incidents

        results["incidents"] = evaluate_incidents(incidents_path, pipeline=pipeline)
    if corpus_path:
        results["corpus"] = evaluate_corpus(corpus_path, pipeline=pipeline)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=2))
        return
    for name, s in results.items():
        if name == "train_heldout":
            _echo_splits(s)
        elif name == "sentences":
            _echo_sentences(s)
        elif name == "snippets":
            _echo_snippets(s)
        elif name == "incidents":
            _echo_incidents(s)
        else:
            (_echo_articles if name in ("articles", "corpus") else _echo_scores)(name, s)


def _acled_results(settings: Settings, pipeline: Any, acled_path: str, *, limit: int | None, kfold: int | None,
                   use_model: bool) -> dict[str, Any]:
    from ..errors import ModelError
    from ..events.acled import read_acled
    from ..events.evaluate import evaluate_acled
    from ..events.heldout import heldout_scores
    from ..events.model import load_trained

    rows = read_acled(acled_path, limit=limit)
    model = None
    if use_model:
        model = load_trained(settings)
        if model is None:
            raise ModelError(f"no trained model in {settings.data_path / 'models'} "
                             "(run `frontlines train --acled EXPORT.csv` first)")
    results: dict[str, Any] = {"default" if model is None else "model": evaluate_acled(
        rows, pipeline=pipeline, model=model, source=acled_path)}
    if kfold:
        docs = list(pipeline.nlp.pipe((r.notes for r in rows), batch_size=64))
        results["train_heldout"] = _Splits(heldout_scores(rows, docs, pipeline=pipeline, k=kfold))
    return results


class _Splits(list[Any]):
    """Held-out split scores, printable and serialisable like the others."""

    def as_dict(self) -> list[dict[str, Any]]:
        return [s.as_dict() for s in self]


def _echo_scores(name: str, s: Any) -> None:
    click.echo(f"{name} ({s.source}, {s.rows} rows)")
    click.echo(f"  sub-event weighted F1  {_pct(s.sub_event_f1)}   accuracy {_pct(s.sub_event_accuracy)}")
    click.echo(f"  event-type accuracy    {_pct(s.event_type_accuracy)}")
    click.echo(f"  actor1 name exact      {_pct(s.actor1_name_exact)}   missing {_pct(s.actor1_missing)}")
    click.echo(f"  actor1 inter match     {_pct(s.actor1_inter_match)}")
    click.echo(f"  actor2 inter match     {_pct(s.actor2_inter_match)}")
    click.echo(f"  assoc. actors match    {_pct(s.assoc_actor_match)}")
    click.echo(f"  location within 25 km  {_pct(s.location_25km)}")
    click.echo(f"  date exact             {_pct(s.date_exact)}")
    click.echo(f"  fatalities exact       {_pct(s.fatalities_exact)}")
    click.echo(f"  rows with no event     {s.no_event}")
    if s.events_per_doc is not None:
        click.echo(f"  events per note        {s.events_per_doc:.2f}")
    if s.docs_per_s is not None:
        click.echo(f"  docs/s                 {s.docs_per_s}")


def _echo_splits(splits: list[Any]) -> None:
    click.echo("train on held-out rows (sub-event weighted F1)")
    click.echo(f"  {'split':<12} {'rows':>5}  {'plain':>6}  {'model':>6}  {'pipeline+model':>14}  {'pipeline':>8}")
    for s in splits:
        click.echo(f"  {s.split + f' ({s.folds})':<12} {s.rows:>5}  {s.plain:>6.3f}  {s.model:>6.3f}  "
                   f"{s.pipeline:>14.3f}  {s.lexicon:>8.3f}")


def _echo_incidents(s: Any) -> None:
    click.echo(f"incidents ({s.articles} articles, {s.incidents} labelled incidents)")
    click.echo(f"  events per article     {s.events_per_article:.2f}   most {s.most_events}, {s.events} in all")
    click.echo(f"  incidents found        {s.found}/{s.incidents} ({_pct(s.recall)}), "
               f"{s.sub_event_right} with their sub-event type")
    click.echo(f"  events an incident     {s.found}/{s.events} ({_pct(s.precision)}): duplicates {s.duplicates}, "
               f"false {s.false_events} ({s.false_in_articles_without_incident} in articles reporting none)")
    click.echo(f"  found: toll exact      {_pct(s.toll_exact)}   date exact {_pct(s.date_exact)}")


def _echo_articles(name: str, s: Any) -> None:
    click.echo(f"{name} ({s.articles} articles)")
    click.echo(f"  events per article     {s.events_per_article:.2f}   most {s.most_events}, "
               f"{s.with_events} articles with any")
    if s.incident_found is not None:
        click.echo(f"  incident found         {_pct(s.incident_found)}")
        click.echo(f"  main sub-event type    {_pct(s.main_sub_event)}   event type {_pct(s.main_event_type)}")
        click.echo(f"  main within 25 km      {_pct(s.main_location_25km)}   date exact {_pct(s.main_date_exact)}")
        click.echo(f"  main toll exact        {_pct(s.main_toll_exact)}   within 20% {_pct(s.main_toll_within_20pct)}")
        if s.perpetrator_side_right is not None:
            click.echo(f"  perpetrator side right {_pct(s.perpetrator_side_right)}   "
                       f"({s.perpetrator_articles} articles that name one)")
    if s.docs_per_s is not None:
        click.echo(f"  docs/s                 {s.docs_per_s}")


def _echo_snippets(s: Any) -> None:
    click.echo(f"snippets ({s.snippets})")
    click.echo(f"  sub-event weighted F1  {_pct(s.sub_event_f1)}   accuracy {_pct(s.sub_event_accuracy)}")
    click.echo(f"  event-type accuracy    {_pct(s.event_type_accuracy)}")
    click.echo(f"  snippets with no event {s.no_event}")
    if s.events_per_snippet is not None:
        click.echo(f"  events per snippet     {s.events_per_snippet:.2f}")
    weak = sorted((sc.f1, label) for label, sc in s.per_label.items() if sc.f1 < 0.75)
    if weak:
        click.echo("  weakest types (F1)     " + ", ".join(f"{label} {f1:.2f}" for f1, label in weak[:8]))
    if s.confusions:
        click.echo("  commonest confusions   " + "; ".join(f"{g} -> {p} {n}" for g, p, n in s.confusions[:6]))
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
