"""The gazetteer: one indexed SQLite file in ``Settings.data_path``.

Tables: ``place`` (one row per place: GeoNames id, or a negative id for Who's On First places
without one, airports and an analyst's own), ``name`` (name keys → ids, the index every lookup
uses), ``admin1`` (code → name) and ``meta``. How the embedded default is built: :mod:`.build`.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from .names import (
    is_arabic,
    is_cyrillic,
    is_latin,
    loose,
    loose_usable,
    norm,
    romanise,
    script_key,
    variant_test,
)

FILE_NAME = "gazetteer.sqlite"
SCHEMA_VERSION = "10"  # 8: aliases and regions of data/geo (common names, Eastern Ghouta with its country); 9: airports by their own name without the city's, more country short forms, Niger and Nile Delta; 10: British counties no package holds, the White House

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    cc TEXT, admin1 TEXT, admin2 TEXT, fclass TEXT, fcode TEXT, population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
-- kind: 0 norm key of the main name, 1 norm key of an alternate name (or the script key of an
--       Arabic-script or Cyrillic one), 2/3 the same for loose keys (form: the name that gave it),
--       4 an abbreviation or code ("US", "SY", "BC"), matched only by a mention written in capitals,
--       5 the loose key of an Arabic-script name, matched only by a mention in Arabic script
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, form TEXT,
    PRIMARY KEY (key, id, kind)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, id INTEGER, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
#: Secondary indexes, created after a bulk load (faster than maintaining them row by row).
INDEXES = """
CREATE INDEX IF NOT EXISTS name_id ON name (id);
CREATE INDEX IF NOT EXISTS place_country ON place (cc, fcode);
CREATE INDEX IF NOT EXISTS place_lat ON place (lat);
"""
_COLUMNS = "p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.fclass, p.fcode, p.population"
LOOSE_ROWS = 300  # at most this many places per transliteration key (most populous first)
WRITE_BATCH = 20_000


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
    form: str = ""  # the name that matched, for a transliteration-key match


@dataclass(frozen=True)
class PlaceRow:
    """A place to write: a GeoNames row, a Who's On First row, an airport, or an analyst's own."""

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
    admin2: str | None = None
    romanise: bool = False  # also index Latin romanisations of its Cyrillic names (places with no Latin ones)
    loose_keys: tuple[str, ...] = ()  # precomputed ``loose`` keys of (name, *alternates), when known


def is_exact(entry: Entry) -> bool:
    """Matched as written (a name, an alternate name or a code), not by the transliteration key."""
    return entry.kind in (0, 1, 4)


def is_code(text: str) -> bool:
    """ "US", "U.S.", "UAE", "B.C.": capitals only, at most four letters."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def analyst_id(name: str, lat: float, lon: float) -> int:
    """A stable negative id for a place that has no GeoNames id (GeoNames ids are positive)."""
    digest = hashlib.sha1(f"{norm(name)}|{lat:.5f}|{lon:.5f}".encode()).hexdigest()
    return -(int(digest[:12], 16) % (2**47) + 1)


def _latin_rows(geonameid: int, alt: str, main: str, loose_key: str | None = None
                ) -> Iterator[tuple[str, int, int, str | None]]:
    key = norm(alt)
    if not is_latin(key) or len(key) < 2 or key == main:
        return
    if is_code(alt):
        yield key, geonameid, 4, None
    else:
        yield key, geonameid, 1, None
        yield (loose(alt) if loose_key is None else loose_key), geonameid, 3, alt


#: Unicode blocks of Latin letters above U+0370 (Latin Extended Additional, C, D).
_LATIN_HIGH = ((0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF))


def _other_script(alt: str) -> bool:
    """Written in a script frontlines does not match (Greek, Hebrew, CJK...): skipped before any key work."""
    first = next((ord(c) for c in alt if c.isalpha()), 0)
    if first < 0x370 or 0x400 <= first <= 0x4FF or 0x600 <= first <= 0x6FF:
        return False
    return not any(lo <= first <= hi for lo, hi in _LATIN_HIGH)


def _alternate_rows(geonameid: int, alt: str, main: str, *, romanised: bool = True, loose_key: str | None = None
                    ) -> Iterator[tuple[str, int, int, str | None]]:
    if _other_script(alt):
        return
    if not (is_arabic(alt) or is_cyrillic(alt)):
        yield from _latin_rows(geonameid, alt, main, loose_key)
        return
    key = script_key(alt)
    if key:
        yield key, geonameid, 1, None
    if is_arabic(alt):
        yield (loose(alt) if loose_key is None else loose_key), geonameid, 5, alt
    for latin in romanise(alt) if romanised else ():
        if not is_cyrillic(latin):
            yield from _latin_rows(geonameid, latin, main)


def name_rows(geonameid: int, name: str, alternates: Iterable[str], *, romanised: bool = False,
              loose_keys: tuple[str, ...] = ()) -> Iterator[tuple[str, int, int, str | None]]:
    """(key, id, kind, form) rows for a place's names; names in other scripts and long ones are skipped.

    ``romanised``: also index the Latin romanisations of Cyrillic names. ``loose_keys``: the
    ``loose`` keys of (name, *alternates) when already known (the shipped files carry them).
    """
    keys: list[str | None] = list(loose_keys) or [None]
    main = norm(name)
    seen: set[tuple[str, bool]] = set()  # (key, is a transliteration key): one row each is enough
    if is_latin(main):
        main_loose = loose(name) if keys[0] is None else keys[0]
        seen.update({(main, False), (main_loose, True)})
        yield main, geonameid, 0, None
        yield main_loose, geonameid, 2, name
    for i, alt in enumerate(alternates, start=1):
        if len(alt) > 60:
            continue
        key = keys[i] if i < len(keys) else None
        for row in _alternate_rows(geonameid, alt, main, romanised=romanised, loose_key=key):
            mark = (row[0], row[2] in (2, 3, 5))
            if row[0] and mark not in seen:
                seen.add(mark)
                yield row


def _place_tuple(row: PlaceRow) -> tuple[Any, ...]:
    return (row.geonameid, row.name, row.lat, row.lon, row.country_code, row.admin1, row.admin2,
            row.feature_class, row.feature_code, row.population, row.source)


def write_places(con: sqlite3.Connection, rows: Iterable[PlaceRow], *, replace_names: bool = False,
                 name_table: str = "name") -> int:
    """Insert or replace places and their name keys, in batches; returns how many places were written.

    ``name_table``: where the name keys go (a bulk build writes them to an unindexed staging table).
    """
    n = 0
    batch: list[PlaceRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= WRITE_BATCH:
            n += _write_batch(con, batch, replace_names, name_table)
            batch = []
    return n + _write_batch(con, batch, replace_names, name_table)


def _write_batch(con: sqlite3.Connection, rows: list[PlaceRow], replace_names: bool, name_table: str) -> int:
    con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", [_place_tuple(r) for r in rows])
    if replace_names:
        con.executemany("DELETE FROM name WHERE id = ?", [(r.geonameid,) for r in rows])
    con.executemany(f"INSERT OR IGNORE INTO {name_table} VALUES (?,?,?,?)",
                    (n for r in rows for n in name_rows(r.geonameid, r.name, r.alternates, romanised=r.romanise,
                                                        loose_keys=r.loose_keys)))
    return len(rows)


def add_names(con: sqlite3.Connection, geonameid: int, alternates: Iterable[str], *, name_table: str = "name") -> None:
    """Index more alternate names for a place already written."""
    row = con.execute("SELECT name FROM place WHERE id = ?", (geonameid,)).fetchone()
    if row is not None:
        main = norm(row[0])
        con.executemany(f"INSERT OR IGNORE INTO {name_table} VALUES (?,?,?,?)",
                        [r for alt in alternates if len(alt) <= 60 for r in _alternate_rows(geonameid, alt, main) if r[0]])


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
        """Places whose name or alternate name matches ``text``, exact matches first.

        Exact: the ``norm`` key (the script key for Arabic-script and Cyrillic text); codes ("US")
        only for a mention in capitals. Then transliteration (``loose`` key) matches of other places
        whose matched spelling is a plausible variant of ``text`` (``Entry.form``).
        """
        exact = self.exact(text)
        return exact + self.transliterated(text)

    @lru_cache(maxsize=65536)  # noqa: B019
    def transliterated(self, text: str) -> tuple[Entry, ...]:
        """The transliteration-key matches of ``lookup`` alone (places not matched as written)."""
        return self._loose(text, {e.geonameid for e in self.exact(text)})

    @lru_cache(maxsize=65536)  # noqa: B019
    def exact(self, text: str) -> tuple[Entry, ...]:
        """Places with ``text`` as their name or an alternate name, as written (folded); codes only in capitals."""
        key_n = script_key(text) or norm(text)
        if not key_n:
            return ()
        kinds = "(0, 1, 4)" if is_code(text) else "(0, 1)"
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, MIN(n.kind), '' FROM name n JOIN place p ON p.id = n.id "
            f"WHERE n.key = ? AND n.kind IN {kinds} GROUP BY p.id", (key_n,)).fetchall()
        return tuple(Entry(*r) for r in rows)

    def _loose(self, text: str, seen: set[int], countries: tuple[str, ...] = ()) -> tuple[Entry, ...]:
        key = loose(text)
        if not loose_usable(key) or is_code(text):
            return ()
        kinds = "(2, 3, 5)" if is_arabic(text) else "(2, 3)"
        where = f" AND p.cc IN ({','.join('?' * len(countries))})" if countries else ""
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, n.kind, n.form FROM name n JOIN place p ON p.id = n.id "
            f"WHERE n.key = ? AND n.kind IN {kinds}{where} ORDER BY p.population DESC LIMIT ?",
            (key, *countries, LOOSE_ROWS)).fetchall()
        best: dict[int, Entry] = {}
        variant = variant_test(text)
        for r in rows:  # (id, name, ..., kind, form): an Entry only for the rows kept
            if r[0] in seen or r[0] in best:
                continue
            if variant(r[10] or r[1]):
                best[r[0]] = Entry(*r)
        return tuple(best.values())

    @lru_cache(maxsize=16384)  # noqa: B019
    def lookup_in(self, text: str, countries: tuple[str, ...]) -> tuple[Entry, ...]:
        """Transliteration-key matches in these countries only (the ones a document is about): a village
        there is found even when the key is shared by more places elsewhere than ``lookup`` returns."""
        if not countries:
            return ()
        return self._loose(text, {e.geonameid for e in self.lookup(text)}, countries)

    def get(self, geonameid: int) -> Entry | None:
        row = self._con.execute(f"SELECT {_COLUMNS}, 0, '' FROM place p WHERE id = ?", (geonameid,)).fetchone()
        return Entry(*row) if row else None

    @lru_cache(maxsize=512)  # noqa: B019
    def country(self, country_code: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        row = self._con.execute(
            f"SELECT {_COLUMNS}, 0, '' FROM place p "
            "WHERE cc = ? AND fcode IN ('PCLI', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'PCL', 'TERR') "
            "ORDER BY population DESC LIMIT 1", (country_code,)).fetchone()
        return Entry(*row) if row else None

    def admin2_name(self, geonameid: int) -> str | None:
        """The district (WOF county) a place lies in, when the data says."""
        row = self._con.execute("SELECT admin2 FROM place WHERE id = ?", (geonameid,)).fetchone()
        return row[0] if row else None

    def other_country_within(self, lat: float, lon: float, country_code: str, km: float) -> bool:
        """Whether a place of another country lies within about ``km`` (a box): the point is at a border."""
        dlat = km / 111.0
        dlon = km / max(1.0, 111.0 * abs(math.cos(math.radians(lat))))
        row = self._con.execute(
            "SELECT 1 FROM place WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND cc IS NOT NULL AND cc != ? "
            "AND fclass = 'P' LIMIT 1", (lat - dlat, lat + dlat, lon - dlon, lon + dlon, country_code)).fetchone()
        return row is not None

    @lru_cache(maxsize=1024)  # noqa: B019
    def largest_town(self, country_code: str, admin1: str) -> Entry | None:
        """The town of known population with the most people in a province (its capital, mostly)."""
        row = self._con.execute(
            f"SELECT {_COLUMNS}, 0, '' FROM place p WHERE cc = ? AND admin1 = ? AND fclass = 'P' AND population > 0 "
            "ORDER BY population DESC LIMIT 1", (country_code, admin1)).fetchone()
        return Entry(*row) if row else None

    def admin1_name(self, country_code: str | None, code: str | None) -> str | None:
        if not country_code or not code:
            return None
        if self._admin1 is None:
            self._admin1 = dict(self._con.execute("SELECT code, name FROM admin1").fetchall())
        return self._admin1.get(f"{country_code}.{code}")

    def info(self) -> dict[str, Any]:
        """What is loaded: counts by source and feature class, sizes, attribution, the meta table."""
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
