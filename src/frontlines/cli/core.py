"""Core verbs: ingest, extract, show, export, stats."""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from typing import Any

import click

from ..settings import Settings
from .progress import Progress, progress_enabled


def _column_map(pairs: tuple[str, ...]) -> dict[str, str] | None:
    out = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise click.BadParameter(f"{pair!r}: use FIELD=COLUMN, e.g. text=body", param_hint="--column")
        out[field.strip()] = column.strip()
    return out or None


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    from dataclasses import replace

    s: Settings = ctx.obj
    return replace(s, **{k: v for k, v in overrides.items() if v is not None})


@contextmanager
def _store(settings: Settings, *, must_exist: bool = False):
    from ..errors import StoreError
    from ..store import open_store

    if must_exist and "://" not in settings.db and not os.path.exists(settings.db):
        raise StoreError(f"{settings.db}: no such database (run `frontlines ingest PATH` first, or pass --db)")
    store = open_store(settings.db)
    try:
        yield store
    finally:
        store.close()


_common_run_options = [
    click.option("--workers", "-j", type=int, default=None, help="Worker processes [default: all cores]."),
    click.option("--engine", type=click.Choice(["local", "dask"]), default=None, help="Execution engine [default: local]."),
    click.option("--address", default=None, metavar="URL",
                 help="Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786 [default: a local cluster]."),
    click.option("--column", "columns", multiple=True, metavar="FIELD=COLUMN",
                 help="CSV/JSONL column for a field (text, html, id, title, published, url, outlet, authors)."),
    click.option("--quiet", "-q", is_flag=True, help="No progress display."),
]


def _run_options(f):  # type: ignore[no-untyped-def]
    for option in reversed(_common_run_options):
        f = option(f)
    return f


@click.command()
@click.argument("paths", nargs=-1, required=True)
@_run_options
@click.option("--strict", is_flag=True, help="Stop at the first bad input (non-zero exit; what was stored is kept).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], workers: int | None, engine: str | None,
           address: str | None, columns: tuple[str, ...], quiet: bool, strict: bool) -> None:
    """Read articles, extract places and events, and store them.

    PATHS are files (.txt .html .jsonl .json .csv .tsv RSS/Atom .xml, or .gz of any), directories
    (read recursively) or - for standard input. Articles already stored are skipped, so running the
    same command again adds nothing and resumes an interrupted run. A bad file gets one line and the
    run goes on; the exit status is 0 unless nothing could be read.

    \b
    Example:
      frontlines ingest examples/ corpus/feed.xml.gz
      frontlines --db war.db ingest export.csv --column text=content
    """
    from ..jobs import ingest_paths

    settings = _settings(ctx, workers=workers, engine=engine, address=address)
    progress = Progress("ingest", enabled=progress_enabled(quiet))
    with _store(settings) as store:
        report = ingest_paths(paths, store=store, settings=settings, strict=strict,
                              column_map=_column_map(columns), progress=progress)
    progress.clear()
    click.echo(f"{settings.db}: {report.summary()}")
    if report.nothing_read:
        click.echo("error: nothing could be read (check the paths and formats above)", err=True)
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Output JSONL file [default: stdout].")
@click.option("--explain", is_flag=True, help="Add the gazetteer candidates considered for each place and why one won, and the candidate events rejected and why.")
@click.option("--resume", is_flag=True, help="Append to --output, skipping articles already written there.")
@_run_options
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output: str | None, explain: bool, resume: bool,
            workers: int | None, engine: str | None, address: str | None, columns: tuple[str, ...],
            quiet: bool) -> None:
    """Write one contract JSON record per input article (no database).

    Input: JSONL lines {"id", "text" | "html", "published"?, "url"?, "outlet"?, "title"?}, or any
    path `ingest` reads. Output: one JSON line per input, as docs/contract.md describes (an input that
    cannot be read gives a line with empty fields and its error in "errors").

    \b
    Example:
      frontlines extract articles.jsonl -o records.jsonl
      echo '{"id": "a1", "text": "Gunmen killed two people in Kabul on Sunday.", "published": "2021-05-02"}' \\
        | frontlines extract -
    """
    from ..jobs import extract_to, ids_in_output, repair_tail

    settings = _settings(ctx, workers=workers, engine=engine, address=address)
    progress = Progress("extract", enabled=progress_enabled(quiet) and output is not None)
    done: set[str] = set()
    if resume:
        if not output:
            raise click.UsageError("--resume needs --output FILE")
        repair_tail(output)
        done = ids_in_output(output)
    out = open(output, "a" if resume else "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        report = extract_to(paths, out, settings=settings, explain=explain, done_ids=done,
                            column_map=_column_map(columns), progress=progress)
    finally:
        if output:
            out.close()
    progress.clear()
    for err in report.errors:
        click.echo(f"skipped: {err}", err=True)
    click.echo(f"extract: {report.summary()}", err=True)


@click.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
@click.pass_context
def show(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """Show a stored article: metadata, places and events with their evidence.

    ARTICLE_ID is the content-hash id (as `export` and `stats` print it) or the input's own id.

    \b
    Example:
      frontlines show 3f2a9c0d1b7e4a55
      frontlines show 3f2a9c0d1b7e4a55 --json | jq .events
    """
    from ..errors import StoreError

    settings: Settings = ctx.obj
    with _store(settings, must_exist=True) as store:
        art = store.get_article(article_id)
    if art is None:
        raise StoreError(f"{article_id}: no such article in {settings.db} (list ids with `frontlines export --format jsonl`)")
    if as_json:
        art.pop("offsets", None)
        click.echo(json.dumps(art, ensure_ascii=False, indent=2))
        return
    click.echo(_render_article(art))


def _render_article(art: dict[str, Any]) -> str:
    lines = [f"{art['id']}  {art.get('title') or '(no title)'}"]
    for key in ("published", "outlet", "original_source", "translator", "url", "language", "source"):
        if art.get(key):
            lines.append(f"  {key}: {art[key]}")
    if art.get("authors"):
        lines.append(f"  authors: {', '.join(art['authors'])}")
    for err in art.get("errors") or []:
        lines.append(f"  note: {err}")
    lines.append(f"places ({len(art['places'])}):")
    for p in art["places"]:
        where = f"{p['lat']:.4f},{p['lon']:.4f}" if p.get("lat") is not None else "-"
        lines.append(f"  [{p['start']}:{p['end']}] {p['text']!r} → {p.get('name') or '?'} "
                     f"({p.get('country_code') or '?'}, {p['precision']}, {where})")
    lines.append(f"events ({len(art['events'])}):")
    for e in art["events"]:
        a1 = (e.get("actor1") or {}).get("name") or "?"
        a2 = (e.get("actor2") or {}).get("name") or "-"
        place = (e.get("place") or {}).get("name") or "?"
        lines.append(f"  {e.get('date') or '????-??-??'} {e.get('sub_event_type')} | {a1} → {a2} | {place} | "
                     f"{e['modality']}" + (f" per {e['attribution']}" if e.get("attribution") else ""))
        lines.append(f"      [{e['start']}:{e['end']}] {e['sentence']!r}")
    return "\n".join(lines)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Output file [default: stdout].")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Export stored events: ACLED-style CSV, GeoJSON (events with coordinates) or JSONL.

    \b
    Example:
      frontlines export --format csv -o events.csv
      frontlines export --format geojson -o events.geojson
    """
    from ..export import export_events

    settings: Settings = ctx.obj
    with _store(settings, must_exist=True) as store:
        if output:
            tmp = output + ".part"
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                n = export_events(store, fmt, fh)
            os.replace(tmp, output)
        else:
            n = export_events(store, fmt, sys.stdout)
    click.echo(f"export: {n} events as {fmt}" + (f" to {output}" if output else ""), err=True)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Summarise what the database holds.

    \b
    Example:
      frontlines stats
      frontlines --db war.db stats --json
    """
    settings: Settings = ctx.obj
    with _store(settings, must_exist=True) as store:
        st = store.stats()
    if as_json:
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
        return
    click.echo(f"database: {settings.db}")
    click.echo(f"articles: {st['articles']} ({', '.join(f'{k} {v}' for k, v in st['articles_by_language'].items())})")
    click.echo(f"places:   {st['places']}")
    click.echo(f"events:   {st['events']}" + (f" ({st['date_min']} .. {st['date_max']})" if st["date_min"] else ""))
    for k, v in st["events_by_type"].items():
        click.echo(f"  {v:6d}  {k}")
    click.echo(f"outlets:  {st['outlets']}")


COMMANDS: list[click.Command] = [ingest, extract, show, export, stats]
