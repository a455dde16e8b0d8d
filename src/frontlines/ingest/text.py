"""Plain-text files: one article per file, decoded whatever the encoding."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..records import RawDoc
from .files import decode_bytes

__all__ = ["read_text"]


def read_text(data: bytes, source: str) -> Iterator[RawDoc | InputError]:
    """The whole file as one RawDoc; ``hints["encoding"]`` names the encoding when it was not UTF-8."""
    text, encoding = decode_bytes(data)
    if not text.strip():
        yield InputError(source, "empty file: no text to read", "remove it, or check what saved it")
        return
    hints = {} if encoding == "utf-8" else {"encoding": encoding}
    yield RawDoc(source=source, text=text, hints=hints)
