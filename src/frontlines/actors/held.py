"""Who held the settlements along a long-standing front line (``data/actors/held_ground.yaml``).

Ceasefire monitors report fire "near" a settlement without naming who fired; ACLED codes it to the
forces facing the settlement's holder. :func:`held_place` says, for a place's text, province and a
date, which listed settlement it is and who held it then; ``None`` when the settlement is not listed,
the date is outside the list's dates, or the name is ambiguous.

>>> ground = load_held_ground()                                                      # doctest: +SKIP
>>> held_place(ground, "Sokilnyky", country="UA", admin1="Luhanska oblast",
...            on=dt.date(2020, 5, 9)).holder                                          # doctest: +SKIP
'separatists'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .. import yamlfile
from ..errors import ConfigError
from .dictionary import DATA, _fold

__all__ = ["HeldGround", "HeldPlace", "held_in_text", "held_place", "in_longer_name", "load_held_ground", "place_key"]

#: What after a settlement's name makes it part of a longer name: "Donetsk Airport", "Zolote-4", "Luhansk region".
_LONGER = re.compile(r"(?:-\w|\s+[A-Z0-9]|\s+(?:region|oblast|province|district|raion|city council)\b)")
_WORD = re.compile(r"[^\s,;:.!?()\[\]\"“”]+")


@dataclass(frozen=True)
class HeldPlace:
    """A listed settlement: its area, who held it (holder key and actor id) and who faced it, and when."""

    area: str
    name: str
    admin1: tuple[str, ...]  # the province's names, folded
    holder: str
    holder_id: str
    opponent_id: str
    country: str
    start: dt.date
    end: dt.date  # exclusive

    @property
    def rule(self) -> str:
        return f"held_ground.yaml#{self.area}:{self.name} ({self.holder})"


@dataclass(frozen=True)
class HeldGround:
    """The listed settlements by name key (see :func:`place_key`)."""

    places: dict[str, tuple[HeldPlace, ...]]


def place_key(name: str) -> str:
    """A settlement name's matching key: no case, diacritics, apostrophes or hyphens; y as i; no doubled letters."""
    key = re.sub(r"['’ʼ`]", "", _fold(name).lower()).replace("y", "i")
    key = re.sub(r"[\s\-‐–]+", " ", key).strip()
    return re.sub(r"(.)\1+", r"\1", key)


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a date (write YYYY-MM-DD)") from None


def _area_places(area: dict[str, Any], where: str) -> list[tuple[str, HeldPlace]]:
    """(name key, settlement) for every name and alias of an area's settlements."""
    aid = str(area.get("id") or "")
    holders = {str(k): str(v) for k, v in (area.get("holders") or {}).items()}
    if not aid or len(holders) != 2:
        raise ConfigError(f"{where}: area {aid or '?'} needs an id and exactly two holders")
    start, end = _date(area.get("from"), f"{where}#{aid}"), _date(area.get("to"), f"{where}#{aid}")
    out: list[tuple[str, HeldPlace]] = []
    for prov in area.get("provinces") or ():
        admin1 = tuple(_fold(str(a)).casefold() for a in prov.get("admin1") or ())
        for holder, names in prov.items():
            if holder == "admin1":
                continue
            if holder not in holders:
                raise ConfigError(f"{where}#{aid}: {holder!r} is not one of the holders {sorted(holders)}")
            opponent = next(v for k, v in holders.items() if k != holder)
            for item in names or ():
                spec = item if isinstance(item, dict) else {"name": item}
                name = str(spec["name"])
                place = HeldPlace(aid, name, admin1, holder, holders[holder], opponent, str(area.get("country") or ""),
                                  _date(spec["from"], f"{where}#{name}") if "from" in spec else start,
                                  _date(spec["to"], f"{where}#{name}") if "to" in spec else end)
                out.extend((place_key(n), place) for n in (name, *map(str, spec.get("aliases") or ())))
    return out


def load_held_ground(path: str | Path | None = None) -> HeldGround:
    """The shipped list (cached), or the file at ``path``."""
    return _load(str(path) if path is not None else None)


@lru_cache(maxsize=4)
def _load(path: str | None) -> HeldGround:
    where = path or f"{DATA}/held_ground.yaml"
    try:
        text = (Path(path).read_text("utf-8") if path is not None
                else resources.files("frontlines").joinpath(f"{DATA}/held_ground.yaml").read_text("utf-8"))
        raw = yamlfile.load(text) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"held ground {where}: cannot read ({err}) (fix or restore the file)") from None
    places: dict[str, list[HeldPlace]] = {}
    for area in raw.get("areas") or ():
        for key, p in _area_places(area, where):
            if p not in places.setdefault(key, []):
                places[key].append(p)
    return HeldGround({k: tuple(v) for k, v in places.items()})


def held_place(ground: HeldGround, text: str, *, country: str | None, admin1: str | None,
               on: dt.date | None) -> HeldPlace | None:
    """The listed settlement a place's ``text`` names in ``country`` and province ``admin1`` on date ``on``.

    Without a province (or a country) the name must be listed in one province only; listings that disagree
    on the holder, no date, or a date outside the listing give None (unknown stays unknown).
    """
    if on is None:
        return None
    found = [p for p in ground.places.get(place_key(text), ())
             if (country is None or p.country == country) and p.start <= on < p.end]
    if admin1:
        prov = _fold(admin1).casefold()
        found = [p for p in found if prov in p.admin1]
    holders = {(p.holder, p.admin1) for p in found}
    if len(holders) != 1 or (not admin1 and len({p.admin1 for p in found}) != 1):
        return None
    return found[0]


def in_longer_name(after: str) -> bool:
    """Whether the text right after a settlement's name makes the name part of a longer one
    ("Donetsk Filtration Station", "Zolote-4", "Luhansk region"): that is not the settlement."""
    return _LONGER.match(after) is not None


def held_in_text(ground: HeldGround, text: str, *, on: dt.date | None,
                 most: int = 3) -> tuple[HeldPlace, int, int] | None:
    """The one listed settlement a text names (up to ``most`` words, capitalised, not inside a longer name),
    with its offsets in ``text``; None when it names none, or settlements of different holders or areas."""
    if on is None:
        return None
    words = list(_WORD.finditer(text))
    found: list[tuple[HeldPlace, int, int]] = []
    i = 0
    while i < len(words):
        for n in range(min(most, len(words) - i), 0, -1):
            first, last = words[i], words[i + n - 1]
            if not first.group()[:1].isupper() or in_longer_name(text[last.end():]):
                continue
            held = held_place(ground, text[first.start():last.end()], country=None, admin1=None, on=on)
            if held is not None:
                found.append((held, first.start(), last.end()))
                i += n - 1
                break
        i += 1
    if len({(h.area, h.holder) for h, _, _ in found}) != 1:
        return None
    return found[0]
