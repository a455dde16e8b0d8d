"""CLI verbs for actors and dates: look a phrase up in the actor dictionary, resolve a date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

import click


def _date(value: str | None, param: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2017-06-18", param_hint=param) from None


@click.group("actors")
def actors_group() -> None:
    """The actor dictionary: resolve phrases, list entries.

    \b
    Example:
      frontlines actors resolve "Al Hashd Al Shabi"
      frontlines actors resolve "Russian warplanes" --country SY --on 2017-06-18
      frontlines actors list --country YE
    """


@actors_group.command("resolve")
@click.argument("phrases", nargs=-1, required=True)
@click.option("--country", default=None, help="The event's country (ISO2 or name): names generic actors.")
@click.option("--on", "on", default=None, help="Date (YYYY-MM-DD) for names that changed over time [default: latest].")
def resolve_cmd(phrases: tuple[str, ...], country: str | None, on: str | None) -> None:
    """Resolve actor phrases; one JSON object per phrase.

    \b
    Example:
      frontlines actors resolve "Hashd al-Shaabi" "US forces" gunmen --country IQ
    """
    from ..actors import load_actors, resolve_actor

    actors = load_actors()
    when = _date(on, "--on")
    for phrase in phrases:
        actor = resolve_actor(phrase, actors=actors, on=when, country=country)
        click.echo(json.dumps(asdict(actor), ensure_ascii=False))


@actors_group.command("list")
@click.option("--country", default=None, help="Only entries of this country (ISO2 or name).")
@click.option("--generated/--no-generated", default=False, help="Include the generated state forces of every country.")
def list_cmd(country: str | None, generated: bool) -> None:
    """List dictionary entries: id, inter code, country, name.

    \b
    Example:
      frontlines actors list --country SY
    """
    from ..actors import load_actors

    actors = load_actors()
    iso = actors.country_code(country) if country else None
    if country and iso is None:
        raise click.BadParameter(f"{country!r} is not a known country: give an ISO2 code or a name, e.g. SY",
                                 param_hint="--country")
    for e in sorted(actors.entries.values(), key=lambda e: e.id):
        if (iso and e.country != iso) or (not generated and e.source.startswith("generated")):
            continue
        click.echo(f"{e.id}\t{e.inter}\t{e.country or '-'}\t{e.name}")


@click.command("date")
@click.argument("text")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) that relative dates count from.")
@click.option("--all", "all_", is_flag=True, help="Every date expression with its offsets, not only the event date.")
def date_cmd(text: str, published: str | None, all_: bool) -> None:
    """Resolve the date a sentence states against the publication date (JSON).

    \b
    Example:
      frontlines date "Syrian and Iraqi forces met at the border on Sunday." --published 2017-06-18
    """
    from ..time import find_dates, resolve_date

    pub = _date(published, "--published")
    if all_:
        for start, end, info in find_dates(text, published=pub):
            click.echo(json.dumps({"start": start, "end": end, **asdict(info)}, default=str, ensure_ascii=False))
        return
    click.echo(json.dumps(asdict(resolve_date(text, published=pub)), default=str, ensure_ascii=False))


COMMANDS: list[click.Command] = [actors_group, date_cmd]
