"""Readers: files, directories, corpora and feeds → :class:`RawDoc`; then → :class:`Article`.

(Owner: ingest. Interface only until filled in.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..records import Article, RawDoc


def read_inputs(paths: Iterable[str], *, max_bytes: int = 100 * 1024 * 1024,
                column_map: dict[str, str] | None = None) -> Iterator[RawDoc | InputError]:
    """Yield one RawDoc per article found under ``paths`` ("-" = stdin), or an InputError per bad input."""
    raise NotImplementedError("not done: readers")


def build_article(raw: RawDoc) -> Article:
    """Clean the document, read its metadata and give it its content-hash id."""
    raise NotImplementedError("not done: cleaning and metadata")
