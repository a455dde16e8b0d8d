"""CLI verbs for sources: ``control``, ``incidents`` and the ``sources`` group (list/show/add/explain).

Each verb parses its options and calls one library function in :mod:`frontlines.sources`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError, StoreError

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(value: object, width: int | None = None) -> str:
    """Text for a terminal: control and bidi characters from articles shown as '?'; cut to ``width``."""
    text = _CONTROL_CHARS.sub("?", "" if value is None else str(value)).replace("\n", " ")
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _open(settings: Any, *, must_exist: bool = True) -> Any:
    from ..store import open_store

    url = settings.db
    if must_exist and "://" not in url and not Path(url.removeprefix("sqlite:///")).is_file():
        raise StoreError(f"{url}: no database here (run `frontlines ingest FILES` first, or pass --db PATH)")
    return open_store(url)


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        w, s, e, n = (float(x) for x in text.split(","))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not W,S,E,N (e.g. 35.5,32.0,42.5,37.5)") from None
    if not (-90 <= s <= n <= 90 and -180 <= w <= 180 and -180 <= e <= 180):
        raise click.BadParameter(f"{text!r}: need -180<=W,E<=180 and -90<=S<=N<=90")
    return w, s, e, n


def _emit(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


@click.command("control")
@click.option("--date", "date", required=True, help="As of this day (YYYY-MM-DD), inclusive.")
@click.option("--bbox", default=None, help="Only places inside W,S,E,N (degrees).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "geojson"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to this file.")
@click.pass_obj
def control_cmd(settings: Any, date: str, bbox: str | None, fmt: str, output: str | None) -> None:
    """Who controls each place on a date, with the claims behind it.

    From stored territory events (Government regains territory, Non-state actor overtakes territory,
    Non-violent transfer of territory): the controller of each place as of --date, when it last changed,
    and 'contested' where sources conflict.

    \b
    Example:
      frontlines control --date 2017-06-18
      frontlines control --date 2017-06-18 --bbox 35.5,32.0,42.5,37.5 --format geojson -o control.geojson
    """
    from ..sources import control_as_of, load_registry, to_geojson

    box = _bbox(bbox)
    registry = load_registry(settings)
    store = _open(settings)
    try:
        records = control_as_of(store, date=date, bbox=box, days=settings.corroboration_days, registry=registry)
    except ValueError as err:
        raise ConfigError(f"--date: {err}") from None
    finally:
        store.close()
    if fmt == "geojson":
        _emit(json.dumps(to_geojson(records), ensure_ascii=False, indent=1), output)
    elif fmt == "json":
        _emit(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1), output)
    else:
        lines = [f"{'place':28} {'controller':32} {'since':10}  {'claims':>6}  status / latest claim"]
        for r in records:
            last = r.claims[-1]
            source = " → ".join(x for x in (last.outlet, last.original_source, last.attribution) if x)
            source += f" (credibility {last.credibility:.2f})" if last.credibility is not None else ""
            status = "CONTESTED: " + "; ".join(r.reasons) if r.contested else f"{source}"
            lines.append(f"{_safe(r.place, 28):28} {_safe(r.controller, 32):32} {r.since:10}  {len(r.claims):>6}  "
                         f"{_safe(status, 90)}")
        if not records:
            lines.append(f"(no territory claims on or before {date})")
        _emit("\n".join(lines), output)


@click.command("incidents")
@click.option("--min-reports", type=click.IntRange(1), default=2, show_default=True,
              help="Show incidents with at least this many reports.")
@click.option("--contested", is_flag=True, help="Only contested incidents.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--no-save", is_flag=True, help="Do not store the incidents and credibility scores.")
@click.pass_obj
def incidents_cmd(settings: Any, min_reports: int, contested: bool, fmt: str, no_save: bool) -> None:
    """Link reports of the same happening across articles into incidents.

    Events from different articles that are compatible (type, actors), within corroboration_km and
    corroboration_days of each other, become one incident; contradicting reports mark it contested.
    The incidents and every event's credibility are saved (re-running changes nothing).

    \b
    Example:
      frontlines incidents
      frontlines incidents --contested --format json
    """
    from ..sources import link_incidents, load_registry, report_credibility, update_incidents

    store = _open(settings)
    try:
        if not no_save:
            update_incidents(store, settings)
        events = list(store.iter_events())
    finally:
        store.close()
    registry = load_registry(settings)
    incidents = link_incidents(events, km=settings.corroboration_km, days=settings.corroboration_days,
                               registry=registry)
    shown = [i for i in incidents if len(i.reports) >= min_reports and (i.contested or not contested)]
    scored = {i.id: report_credibility(i, events, registry=registry) for i in shown}
    if fmt == "json":
        click.echo(json.dumps([i.to_dict() | {"credibility": scored[i.id]} for i in shown], ensure_ascii=False,
                              indent=1))
        return
    for i in shown:
        flag = "  CONTESTED: " + "; ".join(i.reasons) if i.contested else ""
        click.echo(f"{i.id}  {i.date_from or '?'}  {_safe(i.sub_event_type)} at {_safe(i.place)}  "
                   f"{len(i.reports)} reports, {len(i.independent_sources)} independent source(s){_safe(flag)}")
        score = {c["event_id"]: c["score"] for c in scored[i.id]}
        for r in i.reports:
            chain = " → ".join(_safe(x) for x in (r.outlet, r.original_source, r.attribution) if x)
            click.echo(f"    {r.event_id}  {r.stance:8} {r.modality:9} credibility {score.get(r.event_id, 0):.2f}  "
                       f"{chain}")
    click.echo(f"({len(shown)} incident(s) shown of {len(incidents)})")


@click.group("sources")
def sources_group() -> None:
    """The source registry: outlets, affiliations and reliability ratings.

    \b
    Example:
      frontlines sources list --rated
      frontlines sources show "Fort Russ News"
      frontlines sources add --name "Bree Herald" --domain breeherald.example --rating generally-reliable
    """


@sources_group.command("list")
@click.option("--rated", is_flag=True, help="Only outlets with a rating.")
@click.option("--all", "show_all", is_flag=True, help="Include the OpenSources domains (after `sources import`).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def sources_list(settings: Any, rated: bool, show_all: bool, fmt: str) -> None:
    """List registry entries (curated and your own; --all adds OpenSources domains).

    \b
    Example:
      frontlines sources list
      frontlines sources list --all --rated --format json
    """
    from ..sources import load_registry

    entries = [e for e in load_registry(settings)
               if (show_all or e.origin != "opensources") and (e.ratings or not rated)]
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1))
        return
    for e in entries:
        click.echo(f"{e.id:24} {_safe(e.name, 32):32} {e.country or '--':3} "
                   f"{('state:' + e.state_affiliation) if e.state_affiliation else '':9} {_safe(e.reliability, 70)}")


@sources_group.command("show")
@click.argument("name")
@click.pass_obj
def sources_show(settings: Any, name: str) -> None:
    """Show one outlet by name, alias, domain/URL or id.

    \b
    Example:
      frontlines sources show almayadeen.net
    """
    from ..sources import load_registry

    reg = load_registry(settings)
    entry = reg.get(name) or reg.lookup(name, url=name if "." in name else None)
    if entry is None:
        raise ConfigError(f"{name!r}: not in the source registry, so it is unrated "
                          "(add it with `frontlines sources add --name ...`)")
    click.echo(json.dumps(entry.to_dict(), ensure_ascii=False, indent=1))


@sources_group.command("add")
@click.option("--name", required=True, help="The outlet's name as articles give it.")
@click.option("--id", "entry_id", default="", help="Stable id; an existing id is replaced [default: from name].")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--domain", "domains", multiple=True, help="A web domain (repeatable).")
@click.option("--country", default="", help="ISO 3166-1 alpha-2 country code.")
@click.option("--kind", default="", help="newspaper, broadcaster, news agency, website ...")
@click.option("--ownership", default="")
@click.option("--state-affiliation", default="", help="ISO2 code of the state that owns or funds it.")
@click.option("--alignment", default="", help="Documented alignment in a conflict.")
@click.option("--rating", default="", help="A category, e.g. generally-reliable, deprecated, conspiracy.")
@click.option("--rating-list", default="user", show_default=True, help="Whose rating it is.")
@click.option("--as-of", "rating_as_of", default="", help="When the rating was made (YYYY-MM-DD).")
@click.option("--provenance", default="added by the user", show_default=True, help="Where these facts come from.")
@click.option("--notes", default="")
@click.option("--file", "path", type=click.Path(dir_okay=False), default=None,
              help="Sources CSV to write [default: sources_file, else ~/.config/frontlines/sources.csv].")
@click.pass_obj
def sources_add(settings: Any, name: str, entry_id: str, aliases: tuple[str, ...], domains: tuple[str, ...],
                country: str, kind: str, ownership: str, state_affiliation: str, alignment: str, rating: str,
                rating_list: str, rating_as_of: str, provenance: str, notes: str, path: str | None) -> None:
    """Add an outlet to your sources file, or replace one (same id) to override the shipped entry.

    \b
    Example:
      frontlines sources add --name "Fort Russ News" --id fort-russ-news --domain fort-russ.com \\
          --rating generally-unreliable --rating-list my-newsroom --as-of 2024-01-01
    """
    from ..sources import add_entry
    from ..sources.registry import user_sources_path

    target = Path(path) if path else user_sources_path(settings)
    row = {"id": entry_id, "name": name, "aliases": "|".join(aliases), "domains": "|".join(domains),
           "country": country.upper(), "kind": kind, "ownership": ownership,
           "state_affiliation": state_affiliation.upper(), "alignment": alignment, "rating_list": rating_list,
           "rating": rating, "rating_as_of": rating_as_of, "provenance": provenance, "notes": notes}
    entry = add_entry(target, row)
    click.echo(f"{target}: {entry.id} ({entry.name}) saved; reliability: {entry.reliability}")


@sources_group.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False))
@click.pass_obj
def sources_import(settings: Any, csv_file: str) -> None:
    """Import OpenSources' list of domains and tags (LGPL-3.0 data, not shipped with frontlines).

    Give OpenSources' sources/sources.csv (github.com/OpenSourcesGroup/opensources, v2.1.0 of
    2017-04-28 is the last release). Each domain's tags (fake, conspiracy, bias, state ...) become
    ratings of the outlet with that domain, or an entry of its own. Importing again replaces the list.

    \b
    Example:
      frontlines sources import opensources/sources/sources.csv
      frontlines sources list --all --rated
    """
    from ..sources.registry import import_opensources, opensources_path

    dest = opensources_path(settings)
    n = import_opensources(csv_file, dest)
    click.echo(f"{dest}: {n} OpenSources domains imported from {csv_file}")


@sources_group.command("explain")
@click.argument("event_id")
@click.pass_obj
def sources_explain(settings: Any, event_id: str) -> None:
    """Show an event's provenance chain and its credibility score with the parts.

    \b
    Example:
      frontlines sources explain 3f2a9c0d1e2b4a5c
    """
    from ..sources import corroboration_of, credibility, link_incidents, load_registry

    store = _open(settings)
    try:
        events = list(store.iter_events())
    finally:
        store.close()
    event = next((e for e in events if str(e.get("id")) == event_id), None)
    if event is None:
        raise ConfigError(f"{event_id!r}: no such event in {settings.db} (list ids with `frontlines export`)")
    registry = load_registry(settings)
    incidents = link_incidents(events, km=settings.corroboration_km, days=settings.corroboration_days,
                               registry=registry)
    inc = next((i for i in incidents if event_id in i.event_ids), None)
    cred = credibility(event, registry=registry, corroboration=corroboration_of(inc) if inc else None)
    click.echo(f"event {event_id}: {_safe(event.get('sentence'), 120)}")
    click.echo("provenance:")
    for link in cred.chain:
        click.echo(f"  {link.role:16} {_safe(link.name, 40):40} {_safe(link.reliability, 60)}"
                   + (f"  [{link.kind}]" if link.kind else ""))
    click.echo(f"credibility {cred.score:.2f} =")
    for p in cred.parts:
        click.echo(f"  × {p.value:.2f}  {p.part:13} {_safe(p.label, 40):40} {_safe(p.why, 80)}")


COMMANDS: list[click.Command] = [control_cmd, incidents_cmd, sources_group]
