"""Readers: files, directories, corpora and feeds → :class:`RawDoc`; then → :class:`Article`.

:func:`read_inputs` never raises for a bad input: it yields an
:class:`~frontlines.errors.InputError` (one line: the input, the problem, a
hint) and goes on. :func:`build_article` cleans a RawDoc and reads its
metadata (:mod:`frontlines.clean`, :mod:`frontlines.meta`).
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..errors import InputError
from ..records import RawDoc
from .article import build_article
from .files import (
    SIZE_HINT,
    Capped,
    TooLarge,
    binary_kind,
    close_stream,
    display_name,
    format_for,
    open_input,
    open_stream,
    os_error,
    sniff_format,
    walk,
)

__all__ = ["read_inputs", "read_bytes", "build_article", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
_FORMATS_HINT = ("frontlines reads .txt, .html, .json/.jsonl, .csv/.tsv and RSS/Atom .xml files "
                 "(optionally .gz); convert it to one of those")


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                column_map: dict[str, str] | None = None) -> Iterator[RawDoc | InputError]:
    """Yield one RawDoc per article found under ``paths`` ("-" = stdin), or an InputError per bad input.

    Directories are read recursively in sorted order (hidden files skipped).
    ``max_bytes`` caps each input's size after decompression; ``column_map``
    maps fields to CSV/JSON column names, e.g. ``{"text": "body"}``.
    """
    if isinstance(paths, str):  # one path given bare
        paths = [paths]
    for path in paths:
        if path == "-":
            yield from _read_path("-", max_bytes, column_map)
            continue
        for found in walk(path):
            if isinstance(found, InputError):
                yield found
            else:
                yield from _read_path(found, max_bytes, column_map)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
               column_map: dict[str, str] | None = None) -> Iterator[RawDoc | InputError]:
    """Read an in-memory input as if it were a file called ``name`` (the extension picks the format)."""
    source = display_name(name)
    try:
        stream, fmt_name, gz = open_stream(io.BytesIO(data), name, max_bytes)
    except TooLarge:
        yield _too_large(source, max_bytes, gz=data[:2] == b"\x1f\x8b")
        return
    except (zlib.error, EOFError) as err:
        yield _bad_gzip(source, err)
        return
    yield from _guarded(stream, fmt_name, source, gz, max_bytes, column_map, None)


def _read_path(path: str, max_bytes: int, column_map: Mapping[str, str] | None) -> Iterator[RawDoc | InputError]:
    source = "<stdin>" if path == "-" else display_name(path)
    try:
        stream, name, gz = open_input(path, max_bytes)
    except TooLarge:
        yield _too_large(source, max_bytes, gz=False)
        return
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield os_error(path, err)
        return
    except (zlib.error, EOFError) as err:
        yield _bad_gzip(source, err)
        return
    base = None if path == "-" else os.path.dirname(path) or "."
    yield from _guarded(stream, name, source, gz, max_bytes, column_map, base)


def _too_large(source: str, max_bytes: int, *, gz: bool) -> InputError:
    what = "expands to more than" if gz else "is larger than"
    return InputError(source, f"{what} max_input_bytes ({max_bytes:,} bytes); not read", SIZE_HINT)


def _bad_gzip(source: str, err: Exception) -> InputError:
    return InputError(source, f"not a valid gzip file ({err})", "re-compress it, or pass the uncompressed file")


def _guarded(stream: Capped, name: str, source: str, gz: bool, max_bytes: int,
             column_map: Mapping[str, str] | None, base: str | None) -> Iterator[RawDoc | InputError]:
    """Run the format reader; turn anything it raises into one InputError and stop this input only."""
    done = 0
    try:
        for item in _read_stream(stream, name, source, max_bytes, column_map, base):
            done += 1
            yield item
    except TooLarge:
        err = _too_large(source, max_bytes, gz=gz)
        if done:
            err = InputError(source, f"{err.problem}: stopped after {done} records", SIZE_HINT)
        yield err
    except (zlib.error, EOFError) as err:
        yield _bad_gzip(source, err)
    except RecursionError:
        yield InputError(source, "nested too deeply to read", "flatten the document")
    except MemoryError:
        yield InputError(source, "too large to read in memory", SIZE_HINT)
    except OSError as err:
        yield InputError(source, f"read failed ({err.strerror or err})", "check the disk and the file")
    except Exception as err:  # noqa: BLE001 - one bad input must never stop a run
        yield InputError(source, f"could not be read ({type(err).__name__}: {str(err)[:200]})",
                         "this is a frontlines bug: please report it with the file")
    finally:
        close_stream(stream)


def _read_stream(stream: Capped, name: str, source: str, max_bytes: int,
                 column_map: Mapping[str, str] | None, base: str | None) -> Iterator[RawDoc | InputError]:
    from .corpus import read_csv, read_json, read_jsonl
    from .feeds import read_feed
    from .html import read_html
    from .text import read_text

    head = stream.peek(8192)
    if not head:
        yield InputError(source, "empty file: no text to read", "remove it, or check what saved it")
        return
    kind = binary_kind(head)
    if kind is not None:
        yield InputError(source, f"is {kind}, not text", _FORMATS_HINT)
        return
    fmt = format_for(name) or sniff_format(head)
    read_ref = _ref_reader(base, max_bytes)
    if fmt == "jsonl":
        yield from read_jsonl(stream, source, column_map=column_map, read_ref=read_ref)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(stream, source, tsv=fmt == "tsv", max_bytes=max_bytes, column_map=column_map,
                            read_ref=read_ref)
    elif fmt == "json":
        yield from read_json(stream.read(), source, column_map=column_map, read_ref=read_ref)
    elif fmt == "feed":
        yield from read_feed(stream.read(), source)
    elif fmt == "html":
        yield from read_html(stream.read(), source)
    else:
        yield from read_text(stream.read(), source)


def _ref_reader(base: str | None, max_bytes: int) -> Callable[[str, str], RawDoc | InputError]:
    """Reads a file a corpus record points to, refusing anything outside the export's folder."""

    def read_ref(ref: str, where: str) -> RawDoc | InputError:
        if base is None:
            return InputError(where, "refers to a file, but this input has no folder to read it from",
                              "put the text in the record, or read the export from a file")
        shown = display_name(ref)[:200]
        root = os.path.realpath(base)
        target = os.path.realpath(os.path.join(root, ref))
        if os.path.isabs(ref) or ".." in ref.replace("\\", "/").split("/") or \
                os.path.commonpath([root, target]) != root:
            return InputError(where, f"path {shown!r} points outside the export's folder; not read",
                              "paths in a corpus export must be relative and stay inside its folder")
        if format_for(ref) not in ("text", "html"):
            return InputError(where, f"path {shown!r} is not a .txt or .html file",
                              "a record may point to one text or HTML file")
        docs = list(_read_path(os.path.join(base, ref), max_bytes, None))
        if len(docs) != 1:
            return InputError(where, f"path {shown!r} did not give one document", "check that file")
        return docs[0]

    return read_ref
