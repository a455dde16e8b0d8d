"""The article's own geography beyond its place names: where its outlet is from, and what its
groups and missions imply.

A local paper's "Paris" is the Paris near it: "The Paris News" is from Paris, Texas; a Houston
paper's Paris is more likely Paris, Texas than Paris, France when nothing else in the story says
France. The outlet's name or web domain, less the words newspapers are named with
(``data/geo/outlet_words.txt``), names its home place when the gazetteer knows it as a town of
20,000 people or more, a province or a country. Local outlets whose name does not say where they are
from ("The Oregonian", "nola.com") are listed with their home town in ``data/geo/outlet_homes.csv``.
"""

from __future__ import annotations

import csv
import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import GazetteerError
from ..records import Article
from .distance import great_circle_km
from .gazetteer import Entry, Gazetteer, is_exact

HOME_MIN_POPULATION = 20_000
HOME_CODES = frozenset({"ADM1", "PCLI"})
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Words of outlets' names that do not name their place ("news", "chronicle", "com")."""
    text = resources.files("frontlines").joinpath("data/geo/outlet_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _strip_words(label: str) -> str:
    """ "dallasnews" → "dallas", "thepostandcourier" → "": outlet words cut from either end of a domain label."""
    words = sorted(outlet_words(), key=len, reverse=True)
    changed = True
    while changed and label:
        changed = False
        for w in words:
            if len(w) >= 3 and label.endswith(w) and len(label) > len(w):
                label, changed = label[: -len(w)], True
            elif len(w) >= 3 and label.startswith(w) and len(label) > len(w):
                label, changed = label[len(w):], True
    return label


def outlet_names(article: Article) -> list[str]:
    """Place names an article's outlet and web domain may carry, longest first."""
    out: list[str] = []
    if article.outlet:
        words = [w for w in _WORD.findall(article.outlet) if w.lower() not in outlet_words()]
        if words:
            out.append(" ".join(words))
            out.extend(w for w in words if w not in out)
    if article.url:
        host = re.sub(r"^[a-z]+://", "", article.url.lower()).split("/")[0]
        labels = [x for x in host.split(".") if x not in outlet_words()]
        out.extend(s for s in (_strip_words(x) for x in labels[:1]) if len(s) >= 4 and s not in out)
    return out


def _usable_home(entry: Entry) -> bool:
    return is_exact(entry) and (entry.feature_code in HOME_CODES or
                                (entry.feature_class == "P" and entry.population >= HOME_MIN_POPULATION))


@dataclass(frozen=True)
class OutletHome:
    """A local outlet whose name or domain does not say where it is from (``data/geo/outlet_homes.csv``)."""

    names: tuple[str, ...]
    domains: tuple[str, ...]
    place: str
    country: str
    admin1: str | None


def _outlet_key(name: str) -> str:
    """ "The Times-Picayune" → "times picayune": outlet names compared without case, punctuation or "the"."""
    words = [w for w in _WORD.findall(name.lower()) if w != "the"]
    return " ".join(words)


@lru_cache(maxsize=1)
def outlet_homes() -> tuple[OutletHome, ...]:
    """The outlet → home table (``data/geo/outlet_homes.csv``)."""
    text = resources.files("frontlines").joinpath("data/geo/outlet_homes.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(OutletHome(tuple(_outlet_key(n) for n in r["outlet"].split("|") if n),
                            tuple(d for d in r["domains"].split("|") if d), r["place"], r["country"],
                            r["admin1"] or None) for r in rows)


def listed_home(article: Article) -> OutletHome | None:
    """The table's row for the article's outlet: by its name as printed, else by its web domain."""
    key = _outlet_key(article.outlet) if article.outlet else ""
    host = re.sub(r"^[a-z]+://", "", article.url.lower()).split("/")[0] if article.url else ""
    for row in outlet_homes():
        if key and key in row.names:
            return row
    for row in outlet_homes():
        if host and any(host == d or host.endswith("." + d) for d in row.domains):
            return row
    return None


def listed_place(row: OutletHome, gazetteer: Gazetteer) -> Entry | None:
    """The town a table row names: of that name as written, in its country (and province), the most populous."""
    found = [e for e in gazetteer.exact(row.place) if e.country_code == row.country and e.feature_class == "P"
             and (row.admin1 is None or e.admin1 == row.admin1)]
    return max(found, key=lambda e: e.population) if found else None


def home_place(article: Article, gazetteer: Gazetteer) -> Entry | None:
    """Where the article's outlet is from: the outlet table's town (``data/geo/outlet_homes.csv``), else the
    place its name or domain names (the most populous match)."""
    row = listed_home(article)
    if row is not None:
        return listed_place(row, gazetteer)
    for name in outlet_names(article):
        found = [e for e in gazetteer.exact(name) if _usable_home(e)]
        if found:
            return max(found, key=lambda e: e.population)
    return None


@dataclass(frozen=True)
class Implied:
    """A country (and maybe provinces) a name in the text implies: "OSCE SMM" → Ukraine's Donbas."""

    phrase: str
    country: str
    admin1: tuple[str, ...]


@lru_cache(maxsize=1)
def _implied_table() -> tuple[re.Pattern[str], dict[str, Implied]]:
    text = resources.files("frontlines").joinpath("data/geo/implied_places.csv").read_text("utf-8")
    rows = [Implied(r["phrase"], r["country"], tuple(a for a in r["admin1"].split(";") if a))
            for r in csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))]
    by_phrase = {r.phrase: r for r in _actor_rows()}
    by_phrase.update({r.phrase: r for r in rows})  # the table's own rows say more (provinces)
    # whole words; "pro-Houthi", "anti-GNA" name the group too
    return re.compile(rf"(?:(?<=\bpro-)|(?<=\banti-)|(?<![\w-])){trie_alternation(by_phrase)}(?![\w-])"), by_phrase


def trie_alternation(phrases: Iterable[str]) -> str:
    """A regex that matches the same as the alternation of ``phrases`` longest first, as a trie.

    At each character only the branch of that character is tried (an alternation of 800 phrases tried
    each phrase at every word start: 2.5 ms an article); a phrase that is the prefix of another is an
    optional tail, tried longest first, so what follows the match decides between them as before.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in node.items() if ch]
        if not branches:
            return ""
        body = f"(?:{'|'.join(branches)})"
        return body + "?" if "" in node else body

    return emit(trie)


ACTOR_ACRONYM_MIN = 3  # "AA" or "IS" alone say too little to place a text


def _actor_rows() -> list[Implied]:
    """The armed groups, militias and movements of the actor dictionary (``data/actors/actors.yaml``: inter codes
    2-7, named with the country they act in): "QSD" (Syria), "CODECO" (DR Congo), "Pashtun Tahafuz Movement"
    (Pakistan). State forces (1) may act abroad and external forces (8) do: they are left to their demonyms
    ("Turkish forces" in Syria), and the few state-like authorities of one country are in the table itself
    ("GNA", "LNA")."""
    from ..actors.dictionary import load_actors

    out: list[Implied] = []
    for e in load_actors().entries.values():
        if e.source != "actors.yaml" or not e.country or len(e.country) != 2 or e.inter in (None, 1, 8):
            continue
        names = [*e.aliases, *(a for a in e.acronyms if len(a) >= ACTOR_ACRONYM_MIN)]
        out.extend(Implied(n, e.country.upper(), ()) for n in names if n[:1].isupper())
    return out


def implied_places(text: str) -> list[Implied]:
    """What the text's groups and missions imply about where it happens (``data/geo/implied_places.csv``)."""
    pattern, by_phrase = _implied_table()
    return [by_phrase[m.group(0)] for m in pattern.finditer(text)]


@dataclass(frozen=True)
class FrontLine:
    """A front line that stood for years (``data/geo/front_lines.toml``): its points, in order."""

    name: str
    country: str
    points: tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def _front_lines_data() -> list[dict[str, Any]]:
    text = resources.files("frontlines").joinpath("data/geo/front_lines.toml").read_text("utf-8")
    lines: list[dict[str, Any]] = tomllib.loads(text)["line"]
    return lines


def _town_point(gazetteer: Gazetteer, name: str, country: str, admin1: str) -> tuple[float, float]:
    """A line's town: the most populous town of that name (as written or transliterated) in its province."""
    found = [e for e in gazetteer.lookup(name) if e.country_code == country and e.admin1 == admin1
             and e.feature_class == "P"]
    if not found:
        raise GazetteerError(f"data/geo/front_lines.toml: no town {name!r} in {country}.{admin1} in the gazetteer "
                             "(fix the file or rebuild the gazetteer)")
    best = max(found, key=lambda e: e.population)
    return best.lat, best.lon


def front_line_of(text: str, gazetteer: Gazetteer) -> FrontLine | None:
    """The front line the text says it is about ("the OSCE SMM observed ..."), if any."""
    for line in _front_lines_data():
        phrases = [str(p) for p in line["phrases"]]
        # a plain substring test first: the regex scans the whole text character by character
        if any(p in text and re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text) for p in phrases):
            country = str(line["country"])
            points = tuple(_town_point(gazetteer, str(n), country, str(a)) for n, a in line["towns"])
            return FrontLine(str(line["name"]), country, points)
    return None


def km_to_line(lat: float, lon: float, points: tuple[tuple[float, float], ...]) -> float:
    """Distance from a point to a line through ``points`` (a local flat projection; fine over tens of km)."""
    best = math.inf
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
        kx = 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
        ax, ay, bx, by, px, py = lon1 * kx, lat1 * 110.57, lon2 * kx, lat2 * 110.57, lon * kx, lat * 110.57
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1.0)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best if points[1:] else great_circle_km(lat, lon, *points[0])
