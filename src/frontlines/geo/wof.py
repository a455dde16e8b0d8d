"""Who's On First places: the shipped conflict-country files and WOF GeoJSON features.

The package ships one gzipped TSV per country in ``data/geo/wof/`` (built by
``scripts/build_gazetteer_data.py`` from the Who's On First admin repositories; provenance in
``data/geo/wof/PROVENANCE.txt``, licence in ``data/geo/wof/README.md``). Columns: ``id``
(GeoNames id, or minus the WOF id), ``type`` (one letter, :data:`TYPE_CODES`), ``lat``, ``lon``,
``admin1`` (GeoNames admin1 code), ``county``, ``population``, ``name``, ``alt_names`` (``|``),
``loose`` (the transliteration key of the name and of each alternate, ``|``: computed once by the
script, so that the first-use build does not; a test checks they still match the rules).

``frontlines gazetteer import`` also reads a WOF admin repository folder, a bundle (``.tar.bz2``,
``.tar.gz``, ``.zip``) or a GeoJSON file of features (:func:`iter_features`, :func:`feature_row`).
"""

from __future__ import annotations

import csv
import gzip
import json
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from .names import is_arabic, is_cyrillic, is_latin, loose, norm, romanise

ATTRIBUTION = ("Contains data from Who's On First (whosonfirst.org) and GeoNames (geonames.org), "
               "CC BY 4.0.")
#: WOF placetype → the one-letter type of the shipped files.
TYPE_LETTERS = {"locality": "L", "neighbourhood": "N", "localadmin": "A", "county": "C", "region": "R",
                "campus": "B", "country": "K"}
#: One-letter type → GeoNames feature class and code.
TYPE_CODES = {"L": ("P", "PPL"), "N": ("P", "PPLX"), "A": ("A", "ADM3"), "C": ("A", "ADM2"),
              "R": ("A", "ADM1"), "B": ("S", "AIRP"), "K": ("A", "PCLI")}
MAX_NAME = 60


@dataclass(frozen=True)
class WofPlace:
    """One place of a shipped file or a WOF feature."""

    id: int  # GeoNames id, or minus the WOF id
    type: str  # one letter, see TYPE_CODES
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    county: str | None
    population: int
    name: str
    alternates: tuple[str, ...]
    loose_keys: tuple[str, ...] = ()  # the ``loose`` key of the name and of each alternate, when shipped


def loose_keys(name: str, alternates: tuple[str, ...] | list[str]) -> list[str]:
    """The ``loose`` keys of a name and its alternates, in order ("" for a Cyrillic one: it has a romanisation)."""
    return ["" if is_cyrillic(a) else loose(a) for a in (name, *alternates)]


def keep_names(name: str, alternates: list[str]) -> tuple[str, tuple[str, ...]]:
    """A Latin display name and the alternates worth indexing.

    The display name is WOF's own when it is Latin, else the first Latin alternate, else a
    romanisation ("Іванківці" → "Ivankivtsi"). Kept: Latin alternates that differ from it once
    folded, the Arabic-script and Cyrillic ones, and the romanisations of the Cyrillic ones (as
    Latin alternates); other scripts and codes ("SA", "OSKL") are left out.
    """
    alts = [a.strip() for a in alternates if a.strip() and len(a.strip()) <= MAX_NAME]
    display = name
    if not is_latin(norm(name)):
        latin = [a for a in alts if is_latin(norm(a))]
        display = latin[0] if latin else (romanise(name) or (name,))[0]
        alts = [name, *alts]
    seen = {norm(display)}
    kept: list[str] = []
    for a in alts:
        if is_arabic(a) or is_cyrillic(a):
            if a not in kept:
                kept.append(a)
            forms = romanise(a)  # Cyrillic: its Ukrainian and/or Russian romanisation, as a Latin alternate
        else:
            forms = (a,)
        for form in forms:
            key = norm(form)
            if is_latin(key) and key not in seen and not _is_code(form):
                seen.add(key)
                kept.append(form)
    return display, tuple(kept)


def _is_code(name: str) -> bool:
    """ "SA", "TD-SA", "OSKL": a code (capitals and digits), not a name the news writes."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in name


def shipped_files() -> list[Path]:
    """The shipped per-country files, sorted."""
    folder = Path(str(resources.files("frontlines").joinpath("data", "geo", "wof")))
    return sorted(folder.glob("*.tsv.gz"))


def read_shipped(path: Path) -> Iterator[WofPlace]:
    """The places of one shipped ``<cc>.tsv.gz``."""
    cc = path.name.split(".")[0].upper()
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        col = {name: k for k, name in enumerate(next(rows))}  # by the header's names (a plain reader is faster)
        i, t, lat, lon, a1, county, pop, name, alt, keys = (col[c] for c in (
            "id", "type", "lat", "lon", "admin1", "county", "population", "name", "alt_names", "loose"))
        for rec in rows:
            alts = tuple(a for a in rec[alt].split("|") if a)
            yield WofPlace(int(rec[i]), rec[t], float(rec[lat]), float(rec[lon]), cc, rec[a1] or None,
                           rec[county] or None, int(rec[pop] or 0), rec[name], alts, tuple(rec[keys].split("|")))


# ---------------------------------------------------------------- WOF GeoJSON features


def _feature_names(props: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, value in props.items():
        if key.startswith("name:") and isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    return out


def _current(props: dict[str, Any]) -> bool:
    deprecated = props.get("edtf:deprecated") not in (None, "", "uuuu")
    superseded = bool(props.get("wof:superseded_by"))
    return props.get("mz:is_current", 1) != 0 and not deprecated and not superseded


def feature_row(feature: dict[str, Any]) -> WofPlace | None:
    """A WOF GeoJSON feature → a place, or ``None`` for one of another kind or no longer current."""
    props = feature.get("properties") or {}
    letter = TYPE_LETTERS.get(props.get("wof:placetype", ""))
    if letter is None or not _current(props) or "wof:id" not in props:
        return None
    lat = props.get("lbl:latitude", props.get("geom:latitude"))
    lon = props.get("lbl:longitude", props.get("geom:longitude"))
    if lat is None or lon is None:
        return None
    gn = (props.get("wof:concordances") or {}).get("gn:id")
    name, alts = keep_names(str(props.get("wof:name") or ""), _feature_names(props))
    if not is_latin(norm(name)):
        return None
    population = props.get("wof:population") or props.get("gn:population") or 0
    return WofPlace(int(gn) if gn else -int(props["wof:id"]), letter, round(float(lat), 5), round(float(lon), 5),
                    (props.get("wof:country") or None), None, None, int(population), name, alts)


def _features_of(text: str | bytes, where: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise GazetteerError(f"{where}: not JSON ({err}) (give WOF GeoJSON features)") from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        yield from data.get("features") or []
    elif isinstance(data, dict) and data.get("type") == "Feature":
        yield data


def iter_features(path: Path) -> Iterator[dict[str, Any]]:
    """GeoJSON features of a WOF repository folder, a bundle (tar/zip of .geojson) or a GeoJSON file."""
    if path.is_dir():
        for f in sorted(path.rglob("*.geojson")):
            yield from _features_of(f.read_bytes(), str(f))
    elif not path.is_file():
        raise GazetteerError(f"{path}: no such file or folder (give a WOF admin repository or bundle)")
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for name in sorted(n for n in zf.namelist() if n.endswith(".geojson")):
                yield from _features_of(zf.read(name), f"{path}:{name}")
    elif tarfile.is_tarfile(path):
        with tarfile.open(path) as tf:
            for member in tf:
                if member.isfile() and member.name.endswith(".geojson"):
                    fh = tf.extractfile(member)
                    if fh is not None:
                        yield from _features_of(fh.read(), f"{path}:{member.name}")
    else:
        with path.open("rb") as fh:
            yield from _features_of(fh.read(), str(path))


def is_wof_source(path: Path) -> bool:
    """A folder, a tar bundle or a GeoJSON file: something :func:`iter_features` reads."""
    if path.is_dir():
        return True
    if path.suffix.lower() in (".geojson", ".json"):
        return True
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return any(n.endswith(".geojson") for n in zf.namelist())
    return path.is_file() and tarfile.is_tarfile(path)
