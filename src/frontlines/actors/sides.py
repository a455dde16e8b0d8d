"""The side each actor fights on (``data/actors/sides.yaml``), for scoring who did it by side.

>>> sides = load_sides()                                        # doctest: +SKIP
>>> sides["ndf"]                                                # doctest: +SKIP
'syrian-government-and-allies'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from .. import yamlfile
from ..errors import ConfigError
from .dictionary import DATA, ActorDictionary


def load_sides(path: str | Path | None = None) -> dict[str, str]:
    """Actor id → side, from the shipped ``sides.yaml`` or ``path``; an id on two sides is an error."""
    where = str(path) if path is not None else f"{DATA}/sides.yaml"
    try:
        text = (Path(path).read_text("utf-8") if path is not None
                else resources.files("frontlines").joinpath(f"{DATA}/sides.yaml").read_text("utf-8"))
        raw = yamlfile.load(text) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"actor sides {where}: cannot read ({err}) (fix or restore the file)") from None
    sides: dict[str, str] = {}
    for side, ids in (raw.get("sides") or {}).items():
        for actor_id in ids or ():
            if actor_id in sides:
                raise ConfigError(f"actor sides {where}: {actor_id} is on {sides[actor_id]} and {side} (one side each)")
            sides[str(actor_id)] = str(side)
    return sides


def id_by_name(actors: ActorDictionary, name: str) -> str | None:
    """The id of the entry that carries ``name`` (its name or a dated name), exactly as ACLED writes it."""
    for entry in actors.entries.values():
        if entry.name == name or any(p.name == name for p in entry.periods):
            return entry.id
    return None


def side_of(actor_id: str | None, sides: dict[str, str], actors: ActorDictionary) -> str | None:
    """The side of an actor id, else of the entry it is a unit of (``parent``); None when it has none."""
    seen: set[str] = set()
    while actor_id is not None and actor_id not in seen:
        if actor_id in sides:
            return sides[actor_id]
        seen.add(actor_id)
        entry = actors.get(actor_id)
        actor_id = entry.parent if entry is not None else None
    return None
