"""Actors: the actor dictionary (data) and resolution of actor mentions.

(Owner: actors. Interface only until filled in.)
"""

from __future__ import annotations

from typing import Any


def load_actors() -> Any:
    """Load the shipped actor dictionary (plus user additions)."""
    return None
