"""The word lists of place recognition and resolution, read once from ``data/geo/``.

``data/geo/place_words.toml`` holds the cue and head lists by name (:func:`words`); one-word-a-line
lists such as ``generic_words.txt`` are read by :func:`word_list`.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """Every list of ``data/geo/place_words.toml``, by name."""
    text = resources.files("frontlines").joinpath("data/geo/place_words.toml").read_text("utf-8")
    return {name: frozenset(values) for name, values in tomllib.loads(text).items()}


def words(name: str) -> frozenset[str]:
    """One list of ``data/geo/place_words.toml`` ("cue_before", "place_nouns"...)."""
    return place_words()[name]


@lru_cache(maxsize=16)
def word_list(file_name: str) -> frozenset[str]:
    """A one-word-a-line file of ``data/geo/`` (``#`` comments and blank lines skipped)."""
    text = resources.files("frontlines").joinpath(f"data/geo/{file_name}").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))
