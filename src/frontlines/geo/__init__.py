"""Places: gazetteer build/import and toponym recognition + resolution.

(Owner: geo. Interface only until filled in.)
"""

from __future__ import annotations

from typing import Any

from ..records import Article, Place
from ..settings import Settings


def load_gazetteer(settings: Settings) -> Any:
    """Open the gazetteer in ``settings.data_path`` (building the embedded default on first use)."""
    raise NotImplementedError("not done: gazetteer")


def find_places(doc: Any, article: Article, *, gazetteer: Any) -> list[Place]:
    """Recognise and resolve the toponyms of a parsed article (offsets into the user's text)."""
    return []
