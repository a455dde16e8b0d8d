"""The ``frontlines`` command: a group of verbs, each a thin wrapper over a library function.

Each area registers its verbs from its own module; this file only assembles
them and turns library errors into one-line messages.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from ..errors import FrontlinesError

#: Options of the ``frontlines`` group that may also stand after the command.
GLOBAL_OPTIONS = ("--db", "--config")


def _command_index(args: list[str]) -> int:
    """Where the command name stands: the first word that is not a global option or its value."""
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        i += 2 if args[i] in GLOBAL_OPTIONS else 1
    return i


def hoist_global_options(args: list[str], keep: frozenset[str] = frozenset()) -> list[str]:
    """``CMD ... --db X`` → ``--db X CMD ...``: global options typed after the command move before it.

    Options named in ``keep`` (the command defines them itself) stay; nothing after ``--`` moves.
    """
    start = _command_index(args)
    front, rest = list(args[:start]), []
    i = start
    while i < len(args):
        word = args[i]
        name = word.split("=", 1)[0]
        if word == "--":
            rest += args[i:]
            break
        if name in GLOBAL_OPTIONS and name not in keep:
            take = 1 if "=" in word or i + 1 == len(args) else 2
            front += args[i:i + take]
            i += take
            continue
        rest.append(word)
        i += 1
    return front + rest


def _option_names(command: click.Command) -> frozenset[str]:
    """Every long option name a command and its subcommands define."""
    names = {n for p in command.params for n in getattr(p, "opts", ()) if n.startswith("--")}
    for sub in getattr(command, "commands", {}).values():
        names |= _option_names(sub)
    return frozenset(names)


class Group(click.Group):
    """A click group that prints library errors as one line and exits 2, and takes global options anywhere."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        start = _command_index(args)
        command = self.get_command(ctx, args[start]) if start < len(args) else None
        keep = _option_names(command) if command is not None else frozenset()
        return super().parse_args(ctx, hoist_global_options(args, keep))

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
@click.option("--db", envvar="FRONTLINES_DB", default=None,
              help="Database: a SQLite file or postgresql://... URL [default: ./frontlines.db]; also after the command.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Extra config file (TOML) over the shipped defaults; also after the command.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_file: str | None) -> None:
    """frontlines: conflict news reports → sourced, geolocated, time-aware events.

    \b
    Example:
      frontlines ingest examples/            # read, clean, extract, store
      frontlines stats --db war.db           # what is stored (global options go before or after the command)
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
