"""Write into the gazetteer: GeoNames dumps and an analyst's own places.

``import_geonames`` streams a GeoNames dump (``allCountries.zip``, a country
file such as ``SY.zip``, ``cities500.zip``, or the ``.txt`` inside), every
feature class, 19 tab-separated columns per line; ``import_alternate_names``
adds ``alternateNamesV2`` names to places already loaded; ``import_wof`` reads a
Who's On First admin repository folder, bundle or GeoJSON file (any country);
``add_places`` reads a CSV of ``name, aliases, lat, lon, country, feature``.

A GeoNames row replaces the embedded entry with the same id (so countries and
provinces get GeoNames' own coordinates). All writes hold the gazetteer lock.
"""

from __future__ import annotations

import csv
import fcntl
import io
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import GazetteerError
from .gazetteer import INDEXES, SCHEMA, PlaceRow, analyst_id, write_places
from .names import is_latin, loose, norm
from .wof import TYPE_CODES, feature_row, iter_features

Progress = Callable[[int], None]  # called with the bytes read so far
N_COLUMNS = 19
BATCH = 20_000
#: alternateNamesV2 "languages" that are not names.
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "fr_1793"})


@contextmanager
def _writer(gazetteer_file: Path) -> Iterator[sqlite3.Connection]:
    if not gazetteer_file.is_file():
        raise GazetteerError(f"{gazetteer_file}: no gazetteer yet (run `frontlines gazetteer build` first)")
    with open(gazetteer_file.parent / (gazetteer_file.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        con = sqlite3.connect(gazetteer_file)
        try:
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute("PRAGMA cache_size=-200000")  # 200 MB page cache for big dumps
            con.executescript(SCHEMA + INDEXES)
            yield con
            con.commit()
        finally:
            con.close()
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def _open_text(path: Path) -> Iterator[tuple[io.TextIOBase, int]]:
    """The dump as text lines, and its uncompressed size (for progress)."""
    if not path.is_file():
        raise GazetteerError(f"{path}: no such file (give a GeoNames dump such as SY.zip or allCountries.zip)")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [i for i in zf.infolist() if i.filename.endswith(".txt") and "readme" not in i.filename.lower()]
            if len(members) != 1:
                raise GazetteerError(f"{path}: expected one .txt dump inside the zip, found {len(members)} (unzip it and import the .txt)")
            with zf.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), members[0].file_size
    else:
        with path.open(encoding="utf-8", newline="\n") as fh:
            yield fh, path.stat().st_size


def _int(text: str) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def parse_geonames_line(line: str, *, where: str) -> PlaceRow:
    """One GeoNames dump line → a :class:`PlaceRow` (raises GazetteerError naming ``where``)."""
    cols = line.rstrip("\n").split("\t")
    if len(cols) != N_COLUMNS:
        raise GazetteerError(f"{where}: {len(cols)} columns, GeoNames dumps have {N_COLUMNS} (is this a GeoNames dump file?)")
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
    except ValueError:
        raise GazetteerError(f"{where}: bad geonameid or coordinates {cols[0]!r} {cols[4]!r} {cols[5]!r} (is this a GeoNames dump file?)") from None
    alternates = tuple(a for a in cols[3].split(",") if a) + ((cols[2],) if cols[2] and cols[2] != cols[1] else ())
    return PlaceRow(gid, cols[1], lat, lon, cols[8] or None, cols[10] or None, cols[6] or None, cols[7] or None,
                    _int(cols[14]), alternates, "geonames")


def _write_batched(con: sqlite3.Connection, rows: Iterable[tuple[PlaceRow, int]], progress: Progress | None) -> int:
    """Write places in batches of BATCH; ``progress`` gets each row's position after each batch."""
    n, where = 0, 0
    batch: list[PlaceRow] = []
    for row, where in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            n += write_places(con, batch, replace_names=True)
            batch = []
            if progress:
                progress(where)
    return n + write_places(con, batch, replace_names=True)


def import_geonames(gazetteer_file: str | Path, dump: str | Path, *, progress: Progress | None = None) -> int:
    """Stream a GeoNames dump into the gazetteer; returns the number of places written."""
    gazetteer_file, dump = Path(gazetteer_file), Path(dump)
    started = time.time()
    with _writer(gazetteer_file) as con, _open_text(dump) as (lines, _size):
        admin1: list[tuple[str, int, str]] = []
        done = 0

        def rows() -> Iterator[tuple[PlaceRow, int]]:
            nonlocal done
            for line_no, line in enumerate(lines, start=1):
                done += len(line.encode("utf-8"))
                if not line.strip():
                    continue
                row = parse_geonames_line(line, where=f"{dump}:{line_no}")
                if row.feature_code == "ADM1" and row.country_code and row.admin1:
                    admin1.append((f"{row.country_code}.{row.admin1}", row.geonameid, row.name))
                yield row, done

        n = _write_batched(con, rows(), progress)
        con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", admin1)
        if progress:
            progress(done)
        _note_import(con, dump, n, started)
    return n


def import_alternate_names(gazetteer_file: str | Path, dump: str | Path, *, progress: Progress | None = None) -> int:
    """Add names from ``alternateNamesV2`` (.zip or .txt) to places already in the gazetteer."""
    gazetteer_file, dump = Path(gazetteer_file), Path(dump)
    n = 0
    started = time.time()
    with _writer(gazetteer_file) as con, _open_text(dump) as (lines, _size):
        done = 0
        rows: list[tuple[str, int, int, str | None]] = []
        for line_no, line in enumerate(lines, start=1):
            done += len(line.encode("utf-8"))
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                raise GazetteerError(f"{dump}:{line_no}: {len(cols)} columns, alternateNames has at least 4 (is this alternateNamesV2?)")
            if cols[2] in NOT_NAMES or not cols[1].isdigit():
                continue
            key = norm(cols[3])
            if not is_latin(key) or len(key) < 2:
                continue
            gid = int(cols[1])
            kind = 4 if cols[2] == "abbr" else 1
            rows.append((key, gid, kind, None))
            if kind == 1:
                rows.append((loose(cols[3]), gid, 3, cols[3]))
            if len(rows) >= BATCH:
                n += _insert_names(con, rows)
                rows = []
                if progress:
                    progress(done)
        n += _insert_names(con, rows)
        _note_import(con, dump, n, started)
    return n


def _insert_names(con: sqlite3.Connection, rows: list[tuple[str, int, int, str | None]]) -> int:
    before = con.total_changes
    con.executemany("INSERT OR IGNORE INTO name SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM place WHERE id = ?)",
                    [(k, g, kind, form, g) for k, g, kind, form in rows])
    return con.total_changes - before


def _note_import(con: sqlite3.Connection, dump: Path, n: int, started: float) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                (f"import:{dump.name}", f"{n} rows, {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}, {time.time() - started:.0f}s"))


def read_places_csv(path: str | Path) -> list[PlaceRow]:
    """Read an analyst's CSV: name, aliases (separated by ``;`` or ``|``), lat, lon, country, feature."""
    path = Path(path)
    if not path.is_file():
        raise GazetteerError(f"{path}: no such file (give a CSV with columns name,aliases,lat,lon,country,feature)")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"name", "lat", "lon"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            raise GazetteerError(f"{path}: missing column(s) {', '.join(sorted(missing))} (header must be name,aliases,lat,lon,country,feature)")
        rows = []
        for n, rec in enumerate(reader, start=2):
            name = (rec.get("name") or "").strip()
            try:
                lat, lon = float(rec["lat"]), float(rec["lon"])
            except (TypeError, ValueError):
                raise GazetteerError(f"{path}:{n}: lat/lon {rec.get('lat')!r}, {rec.get('lon')!r} are not numbers (use decimal degrees)") from None
            if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise GazetteerError(f"{path}:{n}: needs a name and lat in [-90, 90], lon in [-180, 180]")
            feature = (rec.get("feature") or "").strip().upper()
            fclass, _, fcode = feature.rpartition(".")
            aliases = tuple(a.strip() for a in (rec.get("aliases") or "").replace("|", ";").split(";") if a.strip())
            rows.append(PlaceRow(analyst_id(name, lat, lon), name, lat, lon, (rec.get("country") or "").strip().upper() or None,
                                 None, fclass or None, fcode or None, 0, aliases, "analyst"))
    return rows


def add_places(gazetteer_file: str | Path, csv_file: str | Path) -> int:
    """Add (or update: same name and point) an analyst's places; returns how many."""
    rows = read_places_csv(csv_file)
    with _writer(Path(gazetteer_file)) as con:
        n = write_places(con, rows, replace_names=True)
        _note_import(con, Path(csv_file), n, time.time())
    return n


def import_wof(gazetteer_file: str | Path, source: str | Path, *, progress: Progress | None = None) -> int:
    """Import the places of a Who's On First admin repository folder, bundle or GeoJSON file.

    Localities, neighbourhoods, districts, provinces, countries and campuses that are current;
    a place with a GeoNames concordance keeps its GeoNames id (and replaces that entry).
    """
    gazetteer_file, source = Path(gazetteer_file), Path(source)
    started = time.time()
    with _writer(gazetteer_file) as con:

        def rows() -> Iterator[tuple[PlaceRow, int]]:
            for i, place in enumerate(p for p in map(feature_row, iter_features(source)) if p is not None):
                fclass, fcode = TYPE_CODES[place.type]
                yield PlaceRow(place.id, place.name, place.lat, place.lon, place.country_code, None, fclass, fcode,
                               place.population, place.alternates, "whosonfirst", romanise=True), i + 1

        n = _write_batched(con, rows(), progress)
        if n == 0:
            raise GazetteerError(f"{source}: no current Who's On First places found (give a WOF admin repository "
                                 "folder, a bundle of .geojson files, or a GeoJSON FeatureCollection)")
        _note_import(con, source, n, started)
    return n
