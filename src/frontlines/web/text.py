"""Text helpers for the pages: an event's paragraph, and highlight spans in the cleaned text.

Record offsets index the user's text (``raw_text``); the article view shows
``clean_text``, so spans are mapped through the stored offset segments
(``(clean_start, raw_start, length)`` triples). Pure functions, no HTML:
the browser builds the DOM with ``textContent``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAX_PARAGRAPH = 2000


@dataclass(frozen=True)
class Context:
    """A paragraph and where the evidence sentence sits in it (offsets into ``paragraph``)."""

    paragraph: str
    start: int
    end: int


def paragraph_around(text: str, start: int, end: int, *, limit: int = MAX_PARAGRAPH) -> Context:
    """The paragraph of ``text`` holding ``text[start:end]``.

    Paragraphs end at blank lines; a paragraph longer than ``limit`` shrinks to
    the line, then to ``limit`` characters centred on the span.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    for sep in ("\n\n", "\n"):
        lo = text.rfind(sep, 0, start)
        lo = 0 if lo < 0 else lo + len(sep)
        hi = text.find(sep, end)
        hi = len(text) if hi < 0 else hi
        if hi - lo <= limit:
            break
    if hi - lo > limit:
        pad = max(0, (limit - (end - start)) // 2)
        lo, hi = max(0, start - pad), min(len(text), end + pad)
    para = text[lo:hi]
    left = len(para) - len(para.lstrip())
    right = len(para.rstrip())
    s = max(start - lo, left)
    e = min(end - lo, right)
    return Context(para[left:right], max(0, s - left), max(0, e - left))


def raw_to_clean(segments: Sequence[Sequence[int]], offset: int) -> int | None:
    """Map an offset in the user's text to ``clean_text``; None if it falls in removed text."""
    if not segments:
        return offset
    segs = sorted(segments, key=lambda s: s[1])
    raws = [s[1] for s in segs]
    i = bisect.bisect_right(raws, offset) - 1
    if i < 0:
        return None
    c0, r0, n = segs[i]
    if offset <= r0 + n:
        return c0 + (offset - r0)
    return None


def _clean_span(segments: Sequence[Sequence[int]], start: int, end: int, length: int) -> tuple[int, int] | None:
    s = raw_to_clean(segments, start)
    e = raw_to_clean(segments, end)
    if s is None or e is None or e <= s or e > length:
        return None
    return s, e


def highlights(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans to mark in ``article["clean_text"]``: event sentences, places, and actors named in them.

    ``article`` is what ``Store.get_article`` returns. Each span is
    ``{"kind", "start", "end", "label", "event_id"}`` with clean-text offsets,
    sorted by start; spans whose text was removed by cleaning are left out.
    """
    raw: str = article.get("raw_text") or ""
    clean: str = article.get("clean_text") or ""
    segs = article.get("offsets") or []
    if not segs and raw != clean:
        segs = [[0, 0, len(clean)]] if raw.startswith(clean) else []
        if not segs:
            return []
    out: list[dict[str, Any]] = []

    def add(kind: str, start: int | None, end: int | None, label: str, event_id: str | None = None) -> None:
        if start is None or end is None:
            return
        span = _clean_span(segs, start, end, len(clean))
        if span:
            out.append({"kind": kind, "start": span[0], "end": span[1], "label": label, "event_id": event_id})

    for ev in article.get("events", []):
        label = " / ".join(x for x in (ev.get("event_type"), ev.get("sub_event_type")) if x) or "event"
        add("event", ev.get("start"), ev.get("end"), label, ev.get("id"))
        s, e = ev.get("start"), ev.get("end")
        if not isinstance(s, int) or not isinstance(e, int):
            continue
        sentence = raw[s:e]
        seen = set()
        for actor in [ev.get("actor1"), ev.get("actor2"), *(ev.get("assoc_actors") or [])]:
            text = (actor or {}).get("text") or ""
            if not text or text in seen:
                continue
            seen.add(text)
            i = sentence.find(text)
            if i >= 0:
                add("actor", s + i, s + i + len(text), actor.get("name") or text, ev.get("id"))
    for place in article.get("places", []):
        label = place.get("name") or place.get("text") or ""
        if place.get("country_code"):
            label += f" ({place['country_code']})"
        add("place", place.get("start"), place.get("end"), label)
    out.sort(key=lambda h: (h["start"], -h["end"], h["kind"]))
    return out
