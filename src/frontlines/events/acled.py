"""ACLED exports: the rows' fields that training and evaluation read."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError
from ..time import parse_date

ACLED_COLUMNS = ("notes", "sub_event_type", "event_type")


@dataclass(frozen=True)
class AcledRow:
    """The fields of one ACLED row that evaluation compares against."""

    row_id: str
    notes: str
    published: dt.date | None
    event_type: str
    sub_event_type: str
    event_date: dt.date | None
    inter1: int | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    country: str = ""  # for held-out splits by country
    actor1: str = ""
    actor2: str = ""
    inter2: int | None = None  # 0 or None: no actor2
    assoc_actors: tuple[str, ...] = ()  # assoc_actor_1 and assoc_actor_2, split on "; "


def _int(v: str | None) -> int | None:
    try:
        return int(float(v)) if v not in (None, "") else None
    except ValueError:
        return None


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def _names(*cells: str | None) -> tuple[str, ...]:
    """Actor names of ACLED cells that list several with "; "."""
    return tuple(n.strip() for c in cells if c for n in c.split(";") if n.strip())


def read_acled(path: str | Path, *, limit: int | None = None) -> list[AcledRow]:
    """Rows of an ACLED export (CSV with at least ``notes`` and ``sub_event_type``)."""
    p = Path(path)
    try:
        fh = p.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise EvalError(f"{p}: cannot open ACLED file ({err.strerror}) (check the path)") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ACLED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise EvalError(f"{p}: not an ACLED export, missing column(s) {', '.join(missing)} "
                            "(export with the notes, event_type and sub_event_type columns)")
        rows: list[AcledRow] = []
        for i, r in enumerate(reader):
            if limit is not None and len(rows) >= limit:
                break
            stamp = _int(r.get("timestamp"))
            published = dt.datetime.fromtimestamp(stamp, dt.UTC).date() if stamp else None
            rows.append(AcledRow(
                row_id=r.get("event_id_cnty") or r.get("data_id") or str(i), notes=r["notes"] or "",
                published=published, event_type=r["event_type"], sub_event_type=r["sub_event_type"],
                event_date=parse_date(r.get("event_date") or ""), inter1=_int(r.get("inter1")),
                lat=_float(r.get("latitude")), lon=_float(r.get("longitude")), fatalities=_int(r.get("fatalities")),
                country=r.get("country") or "", actor1=r.get("actor1") or "", actor2=r.get("actor2") or "",
                inter2=_int(r.get("inter2")), assoc_actors=_names(r.get("assoc_actor_1"), r.get("assoc_actor_2")),
            ))
    if not rows:
        raise EvalError(f"{p}: no rows (give a non-empty ACLED export)")
    return rows
