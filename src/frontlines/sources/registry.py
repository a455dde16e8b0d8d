"""The source registry: outlets as data, with their domains, affiliation and ratings.

Three layers, later ones winning: the shipped ``data/sources/registry.csv``, the
OpenSources tags (attached by domain) when the user has imported OpenSources'
list (``frontlines sources import``: LGPL-3.0 data, not shipped), and a user CSV
(``settings.sources_file`` or the one ``frontlines sources add`` writes) whose
rows add outlets or replace shipped ones by ``id``. An outlet nobody rated is
"unrated"; nothing here guesses a rating.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .. import yamlfile
from ..errors import ConfigError
from ..fold import fold
from ..settings import load_settings
from .scoring import category_score, scoring

COLUMNS = ("id", "name", "aliases", "domains", "country", "kind", "ownership", "state_affiliation", "alignment",
           "rating_list", "rating", "rating_as_of", "provenance", "notes")
RATING_LISTS = {
    "wikipedia-rsp": "Wikipedia: Reliable sources/Perennial sources (CC BY-SA 4.0)",
    "opensources": "OpenSources 2.1.0, 2017-04-28 (github.com/OpenSourcesGroup/opensources)",
    "user": "your sources file",
}
#: Where ``frontlines sources import`` writes OpenSources' list, under the data directory.
OPENSOURCES_FILE = Path("sources") / "opensources.csv"
_OPENSOURCES_HEADER = """\
# OpenSources (github.com/OpenSourcesGroup/opensources), curated by Melissa Zimdars et al., imported from
# {source} by `frontlines sources import` on {day}. Licence: LGPL-3.0 (that repository's LICENSE).
# Kept: domain and the tags frontlines scores (data/sources/opensources.yaml); notes were not read.
"""


@dataclass(frozen=True)
class Rating:
    """One published rating of an outlet: which list, its category, and when."""

    list: str  # "wikipedia-rsp", "opensources", "user"
    category: str  # e.g. "deprecated", "generally-reliable", "conspiracy"
    as_of: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        when = f", {self.as_of}" if self.as_of else ""
        return f"{self.category} ({self.list}{when})"


@dataclass(frozen=True)
class SourceEntry:
    """An outlet or agency. ``state_affiliation`` is the ISO2 code of the owning/funding state."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    ownership: str | None = None
    state_affiliation: str | None = None
    alignment: str | None = None
    ratings: tuple[Rating, ...] = ()
    provenance: str = ""
    notes: str = ""
    origin: str = "shipped"  # "shipped", "opensources", or the user file's path

    @property
    def reliability(self) -> str:
        """The ratings as one readable label, or "unrated"."""
        return "; ".join(r.label for r in self.ratings) if self.ratings else "unrated"

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name, "aliases": list(self.aliases), "domains": list(self.domains),
            "country": self.country, "kind": self.kind, "ownership": self.ownership,
            "state_affiliation": self.state_affiliation, "alignment": self.alignment,
            "reliability": self.reliability,
            "ratings": [{"list": r.list, "category": r.category, "as_of": r.as_of, "note": r.note}
                        for r in self.ratings],
            "provenance": self.provenance, "notes": self.notes, "origin": self.origin,
        }


def name_key(name: str) -> str:
    """Match key for outlet names: case, accents, punctuation, a leading "the" and "news" ignored."""
    words = fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] == "news":
        words = words[:-1]
    return " ".join(words)


def domain_of(url_or_domain: str) -> str:
    """The host of a URL or bare domain, lower-cased, without ``www.`` or a port."""
    text = url_or_domain.strip().lower()
    if "//" not in text:
        text = "//" + text
    host = urlsplit(text).hostname or ""
    return host.removeprefix("www.")


class Registry:
    """Outlets by id, by name/alias key and by domain (a subdomain finds its parent)."""

    def __init__(self, entries: Iterable[SourceEntry]) -> None:
        self._by_id: dict[str, SourceEntry] = {}
        for e in entries:
            self._by_id[e.id] = e
        self._by_name: dict[str, SourceEntry] = {}
        self._by_domain: dict[str, SourceEntry] = {}
        for e in self._by_id.values():
            for n in (e.name, *e.aliases):
                if key := name_key(n):
                    self._by_name.setdefault(key, e)
            for d in e.domains:
                self._by_domain.setdefault(domain_of(d), e)

    def __iter__(self) -> Iterator[SourceEntry]:
        return iter(sorted(self._by_id.values(), key=lambda e: (e.origin == "opensources", e.id)))

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, entry_id: str) -> SourceEntry | None:
        return self._by_id.get(entry_id)

    def by_name(self, name: str | None) -> SourceEntry | None:
        return self._by_name.get(name_key(name)) if name else None

    def by_domain(self, url: str | None) -> SourceEntry | None:
        if not url:
            return None
        host = domain_of(url)
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def lookup(self, name: str | None = None, *, url: str | None = None) -> SourceEntry | None:
        """The outlet with this name/alias, else the one owning the URL's domain; None if unknown."""
        return self.by_name(name) or self.by_domain(url) or (self.by_domain(name) if name and "." in name else None)

    def find_in_text(self, text: str | None) -> SourceEntry | None:
        """An outlet whose name or alias occurs as whole words in ``text`` ("Syrian state TV said")."""
        if not text:
            return None
        key = f" {name_key(text)} "
        best: tuple[int, SourceEntry] | None = None
        for n, e in self._by_name.items():
            if len(n) >= 3 and f" {n} " in key and (best is None or len(n) > best[0]):
                best = (len(n), e)
        return best[1] if best else None


# -- reading ------------------------------------------------------------------
def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _rows(text: str, origin: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if reader.fieldnames is None or "name" not in reader.fieldnames:
        raise ConfigError(f"{origin}: not a sources CSV (need a header with at least: name; see docs/sources.md)")
    unknown = set(reader.fieldnames) - set(COLUMNS)
    if unknown:
        raise ConfigError(f"{origin}: unknown column(s) {', '.join(sorted(unknown))} (known: {', '.join(COLUMNS)})")
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def entry_from_row(row: dict[str, str], *, origin: str) -> SourceEntry:
    """A registry row → :class:`SourceEntry`; ``id`` defaults to a slug of the name."""
    name = row.get("name", "")
    if not name:
        raise ConfigError(f"{origin}: a row has no name (every outlet needs a name)")
    ratings: tuple[Rating, ...] = ()
    if row.get("rating"):
        ratings = (Rating(row.get("rating_list") or "user", row["rating"], row.get("rating_as_of", "")),)
    return SourceEntry(
        id=row.get("id") or slug(name), name=name, aliases=_split(row.get("aliases")),
        domains=tuple(domain_of(d) for d in _split(row.get("domains"))),
        country=row.get("country") or None, kind=row.get("kind") or None,
        ownership=row.get("ownership") or None, state_affiliation=row.get("state_affiliation") or None,
        alignment=row.get("alignment") or None, ratings=ratings, provenance=row.get("provenance", ""),
        notes=row.get("notes", ""), origin=origin)


def slug(name: str) -> str:
    return name_key(name).replace(" ", "-") or "outlet"


def _shipped(name: str) -> str:
    return resources.files("frontlines").joinpath(f"data/sources/{name}").read_text("utf-8")


def _opensources(text: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        yield domain_of(row["domain"]), _split(row["tags"])


def opensources_path(settings: object | None = None) -> Path:
    """Where the imported OpenSources list lives: ``DATA_DIR/sources/opensources.csv``."""
    data = getattr(settings, "data_path", None) or load_settings().data_path
    return Path(data) / OPENSOURCES_FILE


@lru_cache(maxsize=1)
def _tag_aliases() -> dict[str, str]:
    spec = yamlfile.load(_shipped("opensources.yaml"))
    return {str(k): str(v) for k, v in spec["aliases"].items()}


def read_opensources(text: str, source: str) -> dict[str, tuple[str, ...]]:
    """domain → tags from OpenSources' ``sources/sources.csv`` (header ``,type,2nd type,3rd type,...``)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or len(rows[0]) < 4 or [c.strip().lower() for c in rows[0][1:4]] != ["type", "2nd type", "3rd type"]:
        raise ConfigError(f"{source}: not OpenSources' sources.csv (its header starts ',type,2nd type,3rd type'; "
                          "give sources/sources.csv from github.com/OpenSourcesGroup/opensources)")
    known, aliases = set(scoring()["reliability"]["opensources"]), _tag_aliases()
    out: dict[str, tuple[str, ...]] = {}
    for row in rows[1:]:
        domain = domain_of(row[0].replace(" ", "").rstrip("/")) if row and row[0].strip() else ""
        tags = (aliases.get(t, t) for t in (c.strip().lower() for c in row[1:4]) if t)
        kept = tuple(dict.fromkeys((*out.get(domain, ()), *(t for t in tags if t in known))))
        if domain and kept:
            out[domain] = kept
    return out


def import_opensources(source: str | Path, dest: str | Path) -> int:
    """Import OpenSources' list from ``source`` (a file the user brings) into ``dest``; returns the domains kept."""
    source, dest = Path(source), Path(dest)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{source}: cannot read the OpenSources list: {err} (check the path)") from None
    domains = read_opensources(text, str(source))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write(_OPENSOURCES_HEADER.format(source=source.name, day=dt.date.today().isoformat()))
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["domain", "tags"])
        writer.writerows([domain, "|".join(tags)] for domain, tags in sorted(domains.items()))
    tmp.replace(dest)
    return len(domains)


def user_sources_path(settings: object | None = None) -> Path:
    """Where user additions live: ``settings.sources_file``, else ``~/.config/frontlines/sources.csv``."""
    configured = getattr(settings, "sources_file", "") if settings is not None else ""
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".config" / "frontlines" / "sources.csv"


def read_user_file(path: Path) -> list[SourceEntry]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read sources file: {err} (fix the path in sources_file)") from None
    return [entry_from_row(r, origin=str(path)) for r in _rows(text, str(path))]


def build_registry(shipped: str, opensources: str = "", user: Iterable[SourceEntry] = ()) -> Registry:
    """Merge the layers: shipped rows, OpenSources tags by domain (``opensources``: an imported file's text),
    then user rows by id."""
    entries = {e.id: e for e in (entry_from_row(r, origin="shipped") for r in _rows(shipped, "registry.csv"))}
    owner = {d: e.id for e in entries.values() for d in e.domains}
    for domain, tags in _opensources(opensources):
        ratings = tuple(Rating("opensources", t, "2017-04-28") for t in tags)
        if domain in owner:
            e = entries[owner[domain]]
            entries[e.id] = replace(e, ratings=e.ratings + ratings)
        elif ratings:
            eid = f"opensources:{domain}"
            entries[eid] = SourceEntry(id=eid, name=domain, domains=(domain,), ratings=ratings,
                                       provenance=RATING_LISTS["opensources"], origin="opensources")
    for u in user:
        entries[u.id] = u
    return Registry(entries.values())


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.is_file() else 0.0


@lru_cache(maxsize=8)
def _load(user_path: str, user_mtime: float, opensources: str, opensources_mtime: float) -> Registry:
    user = read_user_file(Path(user_path)) if user_path else []
    tags = Path(opensources).read_text(encoding="utf-8") if opensources_mtime else ""
    return build_registry(_shipped("registry.csv"), tags, user)


def load_registry(settings: object | None = None, *, user_file: str | Path | None = None) -> Registry:
    """The registry with the imported OpenSources list and the user's file layered on (cached until they change)."""
    path = Path(user_file).expanduser() if user_file else user_sources_path(settings)
    if not path.is_file() and (user_file or getattr(settings, "sources_file", "")):
        raise ConfigError(f"{path}: sources file not found (create it with `frontlines sources add` "
                          "or fix sources_file)")
    tags = opensources_path(settings)
    return _load(str(path) if path.is_file() else "", _mtime(path), str(tags), _mtime(tags))


# -- writing ------------------------------------------------------------------
def add_entry(path: str | Path, entry: dict[str, str]) -> SourceEntry:
    """Add or replace (same id) one outlet in the user CSV at ``path``; returns the entry as read back."""
    path = Path(path).expanduser()
    row = {c: (entry.get(c) or "").strip() for c in COLUMNS}
    if not row["name"]:
        raise ConfigError("sources add: --name is required (the outlet's name as articles give it)")
    row["id"] = row["id"] or slug(row["name"])
    if row["rating"] and not row["rating_list"]:
        row["rating_list"] = "user"
    if row["rating"] and category_score(row["rating_list"], row["rating"]) is None:
        raise ConfigError(f"sources add: rating {row['rating']!r} is not a known category (use one from "
                          "data/sources/scoring.toml, e.g. generally-reliable, generally-unreliable, deprecated)")
    parsed = entry_from_row(row, origin=str(path))
    rows = _rows(path.read_text(encoding="utf-8"), str(path)) if path.is_file() else []
    rows = [r for r in rows if (r.get("id") or slug(r.get("name", ""))) != row["id"]] + [row]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# frontlines user source registry (columns: see docs/sources.md)\n")
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in COLUMNS} for r in rows)
    tmp.replace(path)
    return parsed


__all__ = ["Rating", "Registry", "SourceEntry", "add_entry", "build_registry", "domain_of", "load_registry",
           "import_opensources", "name_key", "opensources_path", "read_opensources", "user_sources_path"]

