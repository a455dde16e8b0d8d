"""Reliability ratings as numbers: the shipped scoring table (``data/sources/scoring.toml``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["category_score", "scoring"]


@lru_cache(maxsize=1)
def scoring() -> dict[str, Any]:
    """The shipped scoring table (``data/sources/scoring.toml``)."""
    return tomllib.loads(resources.files("frontlines").joinpath("data/sources/scoring.toml").read_text("utf-8"))


def category_score(rating_list: str, category: str) -> float | None:
    """A rating's number from ``scoring.toml``; a user rating may use any list's category names."""
    tables = scoring()["reliability"]
    if category in tables.get(rating_list, {}):
        return float(tables[rating_list][category])
    return next((float(t[category]) for t in tables.values() if category in t), None)
