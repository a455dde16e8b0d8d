"""Corpus exports: JSONL, JSON (array or object) and CSV/TSV → one RawDoc per record.

Columns/keys map to fields by ``data/meta/columns.yaml`` (FakeNewsCorpus's
``id, domain, type, url, content, scraped_at, title, authors`` works as is);
``column_map`` overrides it, e.g. ``{"text": "body"}``. A bad record (a JSONL
line that is not JSON, a CSV row with broken quoting) becomes an InputError
naming its line or row, and reading goes on with the next one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..errors import InputError
from ..records import RawDoc
from .files import Capped, LineDecoder, decode_bytes

__all__ = ["read_jsonl", "read_json", "read_csv", "field_columns", "FIELDS"]

#: Fields a record can fill; all but ``text``, ``html`` and ``path`` become RawDoc hints.
FIELDS = ("text", "html", "id", "title", "published", "url", "outlet", "authors", "language", "path", "scraped_at")
_HINT_FIELDS = ("id", "title", "published", "url", "outlet", "authors", "language", "scraped_at")
_HINT_MAX = 2000
_JSON_LISTS = ("articles", "items", "data", "documents", "docs", "records", "results", "entries", "rows")

RefReader = Callable[[str, str], "RawDoc | InputError"]


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, ...]]:
    spec = yamlfile.load(resources.files("frontlines").joinpath("data/meta/columns.yaml").read_text("utf-8"))
    return {field: tuple(str(n).lower() for n in names) for field, names in spec.items()}


def column_list(header: Iterable[str], limit: int = 12, width: int = 30) -> str:
    """The header's column names for an error message: each cut to ``width`` characters, at most ``limit``."""
    names = [h if len(h) <= width else h[: width - 1] + "\u2026" for h in header]
    shown = ", ".join(repr(n) for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def field_columns(columns: Iterable[str], column_map: Mapping[str, str] | None = None) -> dict[str, str]:
    """field -> column name, from the synonym table and ``column_map`` (which wins)."""
    cols = list(columns)
    by_lower: dict[str, str] = {}
    for c in cols:
        by_lower.setdefault(str(c).strip().lower(), c)
    out: dict[str, str] = {}
    for field, names in _synonyms().items():
        for n in names:
            if n in by_lower:
                out[field] = by_lower[n]
                break
    for field, column in (column_map or {}).items():
        out[field] = by_lower.get(column.strip().lower(), column)
    if "text" in out and out.get("html") == out["text"]:
        out.pop("html")
    return out


def _as_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(s for s in (_as_str(v) for v in value[:20]) if s)
    if isinstance(value, dict):  # e.g. NewsAPI "source": {"id": ..., "name": ...}
        for key in ("name", "title", "text", "value", "id"):
            if key in value:
                return _as_str(value[key])
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<") and ("</" in text[:100000] or head.startswith(("<!doctype", "<html")))


def record_to_doc(record: Mapping[str, Any], source: str, columns: Mapping[str, str],
                  read_ref: RefReader | None = None) -> RawDoc | InputError:
    """One record → RawDoc (text or HTML, hints from the other fields), or InputError if it has no text."""
    values = {f: _as_str(record.get(c)) for f, c in columns.items()}
    hints = {f: values[f].strip()[:_HINT_MAX] for f in _HINT_FIELDS if values.get(f, "").strip()}
    text, html = values.get("text", ""), values.get("html", "")
    if not text.strip() and not html.strip() and values.get("path", "").strip():
        if read_ref is None:
            return InputError(source, "refers to a file, but this input has no folder to read it from",
                              "put the text in the record or read the export from a file")
        found = read_ref(values["path"].strip(), source)
        if isinstance(found, InputError):
            return found
        return RawDoc(source=source, text=found.text, html=found.html, hints={**found.hints, **hints})
    if html.strip() and not text.strip():
        return RawDoc(source=source, html=html, hints=hints)
    if not text.strip():
        wanted = columns.get("text") or "text"
        return InputError(source, f"no text (column/key {wanted!r} is empty or missing)",
                          "map the text column with --column text=NAME, or drop the record")
    if _looks_like_html(text):
        return RawDoc(source=source, html=text, hints=hints)
    return RawDoc(source=source, text=text, hints=hints)


# --- JSONL / JSON ---------------------------------------------------------------------------------

def _loads(text: str, where: str, *, fix: str, part: str) -> Any:
    """The JSON value of ``text``, or the InputError saying where it is broken and how to fix it."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        at = f"line {err.lineno}, column {err.colno}" if err.lineno > 1 else f"column {err.colno}"
        return InputError(where, f"not valid JSON ({err.msg} at {at})", fix)
    except RecursionError:
        return InputError(where, "JSON nested too deeply to read", f"flatten {part}")


def read_jsonl(stream: Capped, source: str, *, column_map: Mapping[str, str] | None = None,
               read_ref: RefReader | None = None) -> Iterator[RawDoc | InputError]:
    """One record per line; blank lines skipped; a bad line is reported and skipped."""
    decode = LineDecoder()
    for lineno, raw in enumerate(stream, start=1):
        line = decode(raw).strip().lstrip("\ufeff")
        if not line:
            continue
        where = f"{source}:{lineno}"
        value = _loads(line, where, fix="fix or remove that line; the other lines are read", part="that record")
        yield value if isinstance(value, InputError) else _value_to_doc(value, where, column_map, read_ref)


def read_json(data: bytes, source: str, *, column_map: Mapping[str, str] | None = None,
              read_ref: RefReader | None = None) -> Iterator[RawDoc | InputError]:
    """A JSON array of records, an object holding such an array, or one record."""
    text, _ = decode_bytes(data)
    value = _loads(text.lstrip("\ufeff"), source, fix="fix the file, or save one record per line as .jsonl",
                   part="the document")
    if isinstance(value, InputError):
        yield value
        return
    if isinstance(value, dict):
        listed = next((value[k] for k in value if str(k).lower() in _JSON_LISTS and isinstance(value[k], list)),
                      None)
        if listed is None:
            yield _value_to_doc(value, source, column_map, read_ref)
            return
        value = listed
    if not isinstance(value, list):
        yield InputError(source, f"JSON holds a {type(value).__name__}, not records",
                         'give an array of objects with a "text" key, or one such object')
        return
    if not value:
        yield InputError(source, "JSON array is empty: no records", "check the export")
    for i, item in enumerate(value, start=1):
        yield _value_to_doc(item, f"{source}#item {i}", column_map, read_ref)


def _value_to_doc(value: Any, where: str, column_map: Mapping[str, str] | None,
                  read_ref: RefReader | None) -> RawDoc | InputError:
    if isinstance(value, str):
        value = {"text": value}
    if not isinstance(value, dict):
        return InputError(where, f"a JSON {type(value).__name__}, not an object",
                          'write each record as {"text": "...", ...}')
    mapping = tuple(sorted(column_map.items())) if column_map else ()
    return record_to_doc(value, where, _columns_cached(tuple(str(k) for k in value), mapping), read_ref)


@lru_cache(maxsize=256)
def _columns_cached(keys: tuple[str, ...], mapping: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return field_columns(keys, dict(mapping))


# --- CSV / TSV ------------------------------------------------------------------------------------

class _Lines:
    """Decoded lines with their numbers, and a way to push lines back to re-read them."""

    def __init__(self, stream: Capped) -> None:
        self.it = iter(stream)
        self.decode = LineDecoder()
        self.back: list[tuple[int, str]] = []
        self.n = 0
        self.taken: list[tuple[int, str]] = []  # lines handed out for the current record

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.back:
            item = self.back.pop()
        else:
            self.n += 1
            item = (self.n, self.decode(next(self.it)))
        self.taken.append(item)
        return item[1]

    def push_back(self, items: list[tuple[int, str]]) -> None:
        self.back.extend(reversed(items))


def _delimiter(header: str, tsv: bool) -> str:
    if tsv:
        return "\t"
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(stream: Capped, source: str, *, tsv: bool = False, max_bytes: int,
             column_map: Mapping[str, str] | None = None,
             read_ref: RefReader | None = None) -> Iterator[RawDoc | InputError]:
    """Rows → RawDocs. A row that cannot be parsed is reported; reading resumes on the line after its start."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    lines = _Lines(stream)
    header: list[str] | None = None
    delimiter = "\t" if tsv else ","
    row_no = 0
    while True:
        lines.taken = []
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            start = lines.taken[0][0] if lines.taken else lines.n
            if header is None:
                yield InputError(source, f"header line {start} cannot be parsed ({err})",
                                 "check the quoting of the first line")
                return
            row_no += 1
            yield InputError(f"{source}#row {row_no}", f"broken quoting at line {start} ({err}); row skipped",
                             "fix the quotes in that row; the other rows are read")
            lines.push_back(lines.taken[1:])
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            first_line = lines.taken[0][1] if lines.taken else ""
            guessed = _delimiter(first_line, tsv)
            if guessed != delimiter:
                delimiter = guessed
                lines.push_back(lines.taken)
                continue
            header = [h.strip().lstrip("\ufeff") for h in row]
            columns = field_columns(header, column_map)
            missing = [f for f, c in columns.items() if c not in header]
            if missing:
                yield InputError(source, f"column {columns[missing[0]]!r} (for {missing[0]}) is not in the header",
                                 f"columns are: {column_list(header)}")
                return
            if "text" not in columns and "html" not in columns and "path" not in columns:
                yield InputError(source, "no text column found in the header",
                                 f"name it with --column text=NAME; columns are: {column_list(header)}")
                return
            continue
        row_no += 1
        where = f"{source}#row {row_no}"
        if len(row) != len(header):
            start = lines.taken[0][0] if lines.taken else lines.n
            yield InputError(where, f"has {len(row)} fields at line {start}, the header has {len(header)}; row skipped",
                             "check that row's quoting and delimiters; the other rows are read")
            lines.push_back(lines.taken[1:])
            continue
        yield record_to_doc(dict(zip(header, row, strict=True)), where, columns, read_ref)
    if header is None:
        yield InputError(source, "no header and no rows", "the file is empty")
