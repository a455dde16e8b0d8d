"""ACLED exports: the rows' fields that training and evaluation read."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError

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


def _date(v: str | None) -> dt.date | None:
    if not v:
        return None
    for fmt in ("%d-%b-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(v.strip(), fmt).date()
        except ValueError:
            continue
    return None


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
                event_date=_date(r.get("event_date")), inter1=_int(r.get("inter1")),
                lat=_float(r.get("latitude")), lon=_float(r.get("longitude")), fatalities=_int(r.get("fatalities")),
            ))
    if not rows:
        raise EvalError(f"{p}: no rows (give a non-empty ACLED export)")
    return rows
