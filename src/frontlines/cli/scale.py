"""CLI verbs for scale: ``bench``."""

from __future__ import annotations

import json

import click

from ..errors import ConfigError


def _worker_counts(text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise ConfigError(f"--workers {text!r}: give comma-separated numbers, e.g. 1,2") from None
    if not counts:
        raise ConfigError("--workers is empty: give comma-separated numbers, e.g. 1,2")
    return counts


@click.command("bench")
@click.option("--articles", "-n", type=int, default=200, show_default=True,
              help="Articles per pass (the corpus is repeated to this many; 100000 for a soak run).")
@click.option("--workers", "-w", "workers_text", default="1,2", show_default=True,
              help="Worker counts to time, comma-separated.")
@click.option("--corpus", "corpus", multiple=True, type=click.Path(),
              help="Corpus files/directories [default: examples/ and ../shared/corpus/fakenews-sample.csv if present].")
@click.option("--no-baseline", is_flag=True, help="Skip the plain spaCy pass (pipeline only; for soak runs).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="bench/results.jsonl", show_default=True,
              help="JSON-lines file the result is appended to.")
@click.option("--no-save", is_flag=True, help="Do not append to the results file.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_obj
def bench(settings, articles: int, workers_text: str, corpus: tuple[str, ...], no_baseline: bool,
          output: str, no_save: bool, as_json: bool) -> None:
    """Time the full pipeline against a plain spaCy pass, for each worker count.

    Each pass runs in a fresh process over the same texts; throughput is the
    steady state (model loading excluded), peak RSS covers the runner and its
    workers. No database writes. The result is appended to bench/results.jsonl
    with the commit and the machine.

    \b
    Example:
      frontlines bench --articles 200 --workers 1,2
      frontlines bench --articles 100000 --workers 2 --no-baseline   # soak: flat memory?
    """
    from ..bench import DEFAULT_CORPUS, append_result, run_bench

    report = run_bench(settings=settings, articles=articles, workers=_worker_counts(workers_text),
                       corpus=corpus or DEFAULT_CORPUS, baseline=not no_baseline,
                       progress=None if as_json else lambda msg: click.echo(msg, err=True))
    saved = None if no_save else append_result(report, output)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"commit {report.commit} on {report.machine['cpu_count']} x {report.machine['cpu_model']}")
    click.echo(f"corpus: {report.corpus['documents']} documents repeated to {report.corpus['articles']} articles")
    click.echo(f"{'pass':<9} {'workers':>7} {'art/s':>8} {'words/s':>9} {'wall s':>7} {'peak MB':>8} "
               f"{'max/proc':>8} {'cpu ms/art':>10} {'cores':>5} {'load':>5}")
    for p in report.passes:
        click.echo(f"{p.mode:<9} {p.workers:>7} {p.articles_per_s:>8.2f} {p.words_per_s:>9.0f} {p.seconds:>7.1f} "
                   f"{p.peak_rss_mb:>8.0f} {p.peak_rss_worker_mb:>8.0f} {p.cpu_per_article_ms:>10.0f} "
                   f"{p.cores_used:>5.2f} {p.load_average:>5.1f}")
    s = report.summary
    for k, r in s["ratio"].items():
        click.echo(f"ratio pipeline/spacy with {k} worker(s): {r:.2f} (by CPU time: {s['cpu_ratio'].get(k, 0):.2f})")
    for mode, scale in s["scaling"].items():
        for step, f in scale.items():
            click.echo(f"scaling {mode} {step} workers: {f:.2f}x")
    for name, ok in s["targets"].items():
        click.echo(f"target {name}: {'ok' if ok else 'MISSED'}")
    if saved:
        click.echo(f"appended to {saved}")


COMMANDS: list[click.Command] = [bench]
