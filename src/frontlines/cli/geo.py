"""CLI verbs for places: ``frontlines gazetteer ...`` and ``frontlines eval geo``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .evaluate import eval_group
from .progress import Progress


def _settings(ctx: click.Context) -> Any:
    from ..settings import load_settings

    return ctx.obj if ctx.obj is not None else load_settings()


def _import(path: Path, dump: Path, read: Callable[..., int]) -> int:
    """Run one GeoNames import with a progress line (in MB of the uncompressed dump)."""
    progress = Progress(f"importing {dump.name}", total=_size(dump) // 1_000_000, unit="MB")
    try:
        return read(path, dump, progress=lambda done: progress(done // 1_000_000))
    finally:
        progress.clear()


def _size(path: Path) -> int:
    import zipfile

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return sum(i.file_size for i in zf.infolist())
    return path.stat().st_size


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The place gazetteer: build the embedded default, import GeoNames, add your own places.

    \b
    Example:
      frontlines gazetteer info
      frontlines gazetteer import SY.zip --alternate-names alternateNamesV2.zip
      frontlines gazetteer add my-places.csv
    """


@gazetteer_group.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if a gazetteer exists (imports are lost).")
@click.pass_context
def build_cmd(ctx: click.Context, force: bool) -> None:
    """Build the embedded default gazetteer (GeoNames cities500 + countries + provinces, ~30 s).

    \b
    Example:
      frontlines gazetteer build
      FRONTLINES_DATA_DIR=/srv/frontlines frontlines gazetteer build --force
    """
    from ..geo.build import build_default, gazetteer_path

    path = gazetteer_path(_settings(ctx).data_path)
    build_default(path, force=force)
    click.echo(f"gazetteer: {path}")


@gazetteer_group.command("import")
@click.argument("dump", type=click.Path(path_type=Path))
@click.option("--alternate-names", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="GeoNames alternateNamesV2 (.zip or .txt) to add names to the imported places.")
@click.pass_context
def import_cmd(ctx: click.Context, dump: Path, alternate_names: Path | None) -> None:
    """Import a GeoNames dump (allCountries.zip, SY.zip, cities500.zip or the .txt), every feature class,
    or a Who's On First admin repository folder, bundle (.tar.bz2, .tar.gz, .zip) or GeoJSON file.

    \b
    Example:
      frontlines gazetteer import SY.zip
      frontlines gazetteer import allCountries.zip --alternate-names alternateNamesV2.zip
      frontlines gazetteer import whosonfirst-data-admin-ly/        # any country's WOF repository
    """
    from ..errors import GazetteerError
    from ..geo import load_gazetteer
    from ..geo.importer import import_alternate_names, import_geonames, import_wof
    from ..geo.wof import is_wof_source

    settings = _settings(ctx)
    gaz = load_gazetteer(settings)  # builds the embedded default first if needed
    path = gaz.path
    gaz.close()
    if not dump.exists():
        raise GazetteerError(f"{dump}: no such file (download a GeoNames dump or a Who's On First admin repository)")
    if is_wof_source(dump):
        n = import_wof(path, dump)
        click.echo(f"imported {n} Who's On First places from {dump} into {path}")
        return
    n = _import(path, dump, import_geonames)
    click.echo(f"imported {n} places from {dump} into {path}")
    if alternate_names is not None:
        if not alternate_names.is_file():
            raise GazetteerError(f"{alternate_names}: no such file (give alternateNamesV2.zip or .txt)")
        m = _import(path, alternate_names, import_alternate_names)
        click.echo(f"added {m} alternate names from {alternate_names}")


@gazetteer_group.command("add")
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def add_cmd(ctx: click.Context, csv_file: Path) -> None:
    """Add your own places from a CSV: name,aliases,lat,lon,country,feature (aliases split by ';').

    \b
    Example:
      frontlines gazetteer add my-places.csv
      # my-places.csv:
      #   name,aliases,lat,lon,country,feature
      #   Jeb Saad,Jubb Saad;Jib Sa'd,34.6,38.9,SY,P.PPL
    """
    from ..geo import load_gazetteer
    from ..geo.importer import add_places

    gaz = load_gazetteer(_settings(ctx))
    path = gaz.path
    gaz.close()
    n = add_places(path, csv_file)
    click.echo(f"added {n} places from {csv_file} to {path}")


@gazetteer_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def info_cmd(ctx: click.Context, as_json: bool) -> None:
    """Say what the gazetteer holds: places by source and feature class, imports, file size.

    \b
    Example:
      frontlines gazetteer info
      frontlines gazetteer info --json
    """
    from ..geo import load_gazetteer

    info = load_gazetteer(_settings(ctx)).info()
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    for key, value in info.items():
        click.echo(f"{key}: {value}")


@eval_group.command("geo")
@click.option("--gold", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="GeoWebNews XML (../shared/eval/geo/gwn.xml) or our JSONL labels (eval/geo/local-news.jsonl).")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def eval_geo_cmd(ctx: click.Context, gold: Path, limit: int | None, as_json: bool) -> None:
    """Toponym recognition P/R/F1 and resolution accuracy (161 km) on GeoWebNews.

    \b
    Example:
      frontlines eval geo --gold ../shared/eval/geo/gwn.xml
      frontlines eval geo --gold ../shared/eval/geo/gwn.xml --limit 20 --json
    """
    from ..geo import load_gazetteer
    from ..geo.evaluate import evaluate_geo
    from ..nlp import load_nlp

    settings = _settings(ctx)
    scores = evaluate_geo(gold, nlp=load_nlp(settings.nlp_model), gazetteer=load_gazetteer(settings), limit=limit)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    click.echo(f"articles: {scores.docs}   gold toponyms: {scores.gold}   predicted: {scores.predicted}")
    click.echo(f"recognition  precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    click.echo(f"resolution   accuracy@161km {scores.accuracy:.3f} on {scores.resolved_gold} recognised toponyms "
               f"with coordinates ({scores.unresolved} left unresolved)   median error {scores.median_error_km} km")
    click.echo(f"speed        {scores.docs_per_second} docs/s; spaCy {scores.seconds_parse} s, places "
               f"{scores.seconds_geo} s (+{scores.geo_overhead:.0%} over the spaCy pass)")


@eval_group.command("provinces")
@click.option("--reports", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL of short reports labelled with the province of their main event.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def eval_provinces_cmd(ctx: click.Context, reports: Path, as_json: bool) -> None:
    """Share of short reports whose main event is placed in the labelled province (whole pipeline).

    \b
    Example:
      frontlines eval provinces --reports eval/geo/syria-iraq-reports.jsonl
    """
    from ..geo.evaluate import evaluate_provinces
    from ..pipeline import Pipeline

    scores = evaluate_provinces(reports, pipeline=Pipeline(_settings(ctx)))
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"reports: {scores.reports}   main event in the labelled province: {scores.right} "
               f"({scores.accuracy:.3f})")
    for rid, gold, got in scores.misses:
        click.echo(f"  miss {rid}: {gold} != {got}")


COMMANDS: list[click.Command] = [gazetteer_group]
