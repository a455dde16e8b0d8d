"""The ``frontlines`` command: a group of verbs, each a thin wrapper over a library function.

Each area registers its verbs from its own module; this file only assembles
them and turns library errors into one-line messages.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from ..errors import FrontlinesError


class Group(click.Group):
    """A click group that prints library errors as one line and exits 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except FrontlinesError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("interrupted: what was stored is kept; run the same command again to resume", err=True)
            sys.exit(130)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="frontlines")
@click.option("--db", envvar="FRONTLINES_DB", default=None, help="Database: a SQLite file or postgresql://... URL [default: ./frontlines.db].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Extra config file (TOML) over the shipped defaults.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_file: str | None) -> None:
    """frontlines: conflict news reports → sourced, geolocated, time-aware events.

    \b
    Example:
      frontlines ingest examples/            # read, clean, extract, store
      frontlines stats                       # what is stored
      frontlines export --format geojson -o events.geojson
    """
    from ..settings import load_settings

    ctx.obj = load_settings(config_file=config_file, db=db)


def _register() -> None:
    from . import actors, core, evaluate, geo, scale, sources, train, web

    for module in (core, geo, actors, evaluate, train, web, scale, sources):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="frontlines")
