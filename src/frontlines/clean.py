"""Plain-text cleaning: residue out, every body paragraph kept, offsets kept.

:func:`clean` reads a scraped article line by line and sorts each line into
``body``, ``residue`` (CSS rules, script calls, share counters, ads, cookie and
newsletter blurbs: ``data/clean/residue.yaml``), ``meta`` (dateline, byline,
translation credit: ``data/meta/patterns.yaml``) or ``title`` (the headline
line at the top). The clean text is the body paragraphs, each a slice of the
input, joined by ``"\\n\\n"``; its :class:`~frontlines.records.OffsetMap` maps
every clean offset back to the same character of the input.

Inside a paragraph a few invisible characters are left out of the clean text
(they split the slice; the raw text keeps them): C0/C1 control characters
except tab and newline (NUL, ``\\r``...), zero-width space, word joiner, soft
hyphen, byte-order mark and the bidirectional embedding/isolate/mark
controls. Zero-width (non-)joiners stay, since Arabic, Persian and Indic
scripts need them; :func:`match_key` drops them for dictionary look-ups.
On hostile input with more than :data:`MAX_SEGMENTS` runs of such characters
the rest of the text keeps them, so memory stays bounded (offsets stay exact).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import yamlfile
from .meta import meta_line
from .records import Cleaned, Line, OffsetMap

__all__ = ["Cleaned", "Line", "clean", "match_key", "DROPPED_CHARS"]

#: Characters left out of clean text (kept in raw text).
DROPPED_CHARS = (
    "\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
)
_DROPPED = re.compile(f"[{DROPPED_CHARS}]+")
# Also removed from match keys: zero-width (non-)joiners and the Arabic tatweel.
_KEY_DROPPED = re.compile(f"[{DROPPED_CHARS}\u200c\u200d\u0640]+")
_SPACES = re.compile(r"\s+")
_TITLE_MAX = 300
_META_MAX = 200
_HEADER_LINES = 8
#: Invisible characters stop being left out once the offset map has this many segments (bounds memory).
MAX_SEGMENTS = 200_000  # datelines and bylines are looked for in the first lines only


@dataclass(frozen=True)
class _Rules:
    short: re.Pattern[str]  # un-gated residue patterns for lines up to 300 characters, as one alternation
    names: dict[str, str]  # group name -> rule name
    gated: tuple[tuple[str, re.Pattern[str] | None, int, re.Pattern[str]], ...]  # (name, needs, max_len, regex)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    spec = yamlfile.load(resources.files("frontlines").joinpath("data/clean/residue.yaml").read_text("utf-8"))
    short: list[str] = []
    names: dict[str, str] = {}
    gated = []
    for i, item in enumerate(spec["patterns"]):
        max_len = int(item.get("max_len", 300))
        words = [re.escape(str(n)) for n in item.get("needs", ())]
        needs = re.compile("|".join(words)) if words else None
        if needs or max_len != 300:
            gated.append((item["name"], needs, max_len, re.compile(item["regex"], re.IGNORECASE)))
            continue
        names[f"r{i}"] = item["name"]
        short.append(f"(?P<r{i}>{item['regex']})")
    return _Rules(re.compile("|".join(short), re.IGNORECASE), names, tuple(gated))


def residue_rule(line: str) -> str | None:
    """The residue rule a (stripped) line matches, or None."""
    rules = _rules()
    n = len(line)
    if n <= 300:
        m = rules.short.fullmatch(line)
        if m is not None and m.lastgroup is not None:
            return rules.names[m.lastgroup]
    low = line.lower()
    for name, needs, max_len, rx in rules.gated:
        if n <= max_len and (needs is None or needs.search(low)) and rx.fullmatch(line):
            return name
    return None


def _split_lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) with surrounding whitespace (and dropped chars) trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and (text[s].isspace() or _DROPPED.match(text, s, s + 1)):
            s += 1
        while e > s and (text[e - 1].isspace() or _DROPPED.match(text, e - 1, e)):
            e -= 1
        if e > s:
            out.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _looks_like_title(line: str, title_hint: str | None) -> bool:
    """With a title hint, the line must be that title; without one, it must read like a headline."""
    if title_hint:
        a, b = match_key(line), match_key(title_hint)
        return a == b or (min(len(a), len(b)) >= 20 and (a in b or b in a))
    if len(line) > _TITLE_MAX or len(line.split()) < 2:
        return False
    return not line.rstrip("\"'”’»)").endswith((".", ":", ";", ","))


def _ends_header(line: str) -> bool:
    """A body line that reads like prose ends the header (where datelines and bylines are looked for)."""
    return len(line) >= 100 or line.rstrip("\"'”’»)").endswith((".", "!", "?"))


def clean(text: str, *, title_hint: str | None = None) -> Cleaned:
    """Split ``text`` into body, title, metadata and residue lines; build the clean text and its offset map.

    The first line is the title when it reads like a headline (short, no final
    full stop, or equal to ``title_hint``) and body follows; it is kept out of
    the clean text and reported as a ``title`` line.
    """
    spans = _split_lines(text)
    lines: list[Line] = []
    header_left = _HEADER_LINES
    for s, e in spans:
        line = text[s:e]
        rule = residue_rule(line)
        if rule is not None:
            lines.append(Line(s, e, "residue", f"residue:{rule}"))
            continue
        header_left -= 1
        found = meta_line(line, header=header_left >= 0) if len(line) <= _META_MAX else None
        if found is not None:
            kind, name, groups = found
            lines.append(Line(s, e, "meta", f"meta:{kind}:{name}", groups))
            continue
        if header_left < _HEADER_LINES - 1 and _ends_header(line):  # the first line may be a long title
            header_left = -1
        lines.append(Line(s, e, "body"))
    lines = _mark_title(lines, text, title_hint)
    clean_text, offsets = _assemble(text, lines)
    return Cleaned(clean_text, offsets, tuple(lines))


def _mark_title(lines: list[Line], text: str, title_hint: str | None) -> list[Line]:
    first = next((i for i, ln in enumerate(lines) if ln.kind != "residue"), None)
    if first is None or lines[first].kind != "body":
        return lines
    has_body_after = any(ln.kind == "body" for ln in lines[first + 1:])
    line = lines[first]
    # A headline is its own paragraph: the next line must not continue it.
    nxt = lines[first + 1] if first + 1 < len(lines) else None
    own_paragraph = nxt is None or nxt.kind != "body" or text.count("\n", line.end, nxt.start) >= 2
    if has_body_after and own_paragraph and _looks_like_title(text[line.start:line.end], title_hint):
        lines[first] = Line(line.start, line.end, "title", "text:first-line")
    return lines


def _assemble(text: str, lines: list[Line]) -> tuple[str, OffsetMap]:
    """Join runs of adjacent body lines into paragraphs; leave dropped characters out."""
    paragraphs: list[tuple[int, int]] = []
    prev_end = -1
    for ln in lines:
        if ln.kind != "body":
            prev_end = -1
            continue
        gap = text[prev_end:ln.start] if prev_end >= 0 else ""
        if prev_end >= 0 and gap.count("\n") == 1 and not gap.strip():
            paragraphs[-1] = (paragraphs[-1][0], ln.end)  # a wrapped line of the same paragraph
        else:
            paragraphs.append((ln.start, ln.end))
        prev_end = ln.end
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for k, (s, e) in enumerate(paragraphs):
        if k:
            parts.append("\n\n")
            pos += 2
        cur = s
        # Past MAX_SEGMENTS (hostile input full of control characters) the rest is kept whole.
        for m in _DROPPED.finditer(text, s, e):
            if len(segments) >= MAX_SEGMENTS:
                break
            if m.start() > cur:
                segments.append((pos, cur, m.start() - cur))
                parts.append(text[cur:m.start()])
                pos += m.start() - cur
            cur = m.end()
        if e > cur:
            segments.append((pos, cur, e - cur))
            parts.append(text[cur:e])
            pos += e - cur
    return "".join(parts), OffsetMap(tuple(segments))


def match_key(text: str) -> str:
    """A key for dictionary matching: NFKC, case-folded, invisible characters out, spaces collapsed.

    Right-to-left text keeps its letters and order; only the invisible
    direction marks, zero-width characters, soft hyphens and tatweel go.
    """
    text = _KEY_DROPPED.sub("", unicodedata.normalize("NFKC", text))
    return _SPACES.sub(" ", text.casefold()).strip()
