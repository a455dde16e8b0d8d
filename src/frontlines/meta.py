"""Article metadata: title, date, outlet, original source, authors, translator, URL, language.

Sources in order of trust: the container's hints (JSONL/CSV columns, feed
fields), then the article's own header and footer lines (dateline, byline,
translation credit: ``data/meta/patterns.yaml``), then what trafilatura read
from the HTML, then the URL's domain (``data/meta/outlets.csv``). Every field
set records the rule that set it in :attr:`Meta.evidence`. Nothing is guessed:
a field no rule finds stays ``None``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from . import yamlfile
from .records import ArticleMeta, Cleaned
from .time import MONTH_NAMES, parse_date

__all__ = ["Meta", "read_meta", "meta_line", "parse_date", "outlet_for_url", "detect_language", "language_tag"]

_MONTH = f"(?:{MONTH_NAMES})"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_BODY = (rf"(?i:{_MONTH})\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}}"
              rf"|\d{{1,2}}{_ORD}\s+(?:(?i:of)\s+)?(?i:{_MONTH})\.?,?\s+\d{{4}}"
              r"|\d{4}-\d{1,2}-\d{1,2}")
_CAP = "[A-ZÀ-ÖØ-ÞĀ-ſА-Я\u0600-\u06ff]"
_WORD = rf"{_CAP}[\w'’.\-]{{0,30}}"
_DASH = r"(?:[–—|•]|(?<!\w)-(?!\w))"


def placeholders(particles: list[str]) -> dict[str, str]:
    """The regexes that ``{DATE}``, ``{NAME}`` ... stand for in ``patterns.yaml``; ``particles`` join names."""
    name = rf"{_WORD}(?:[ \t]+(?:(?:{'|'.join(particles)})[ \t]+)?{_WORD}){{0,4}}"
    return {
        "DATE": f"(?P<date>{_DATE_BODY})",
        "WEEKDAY": r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?",
        "DASH": _DASH,
        "NOTDASH": rf"(?:(?!{_DASH})[^\n])",
        "NAME": name,
        "NAMES": rf"{name}(?:\s*(?:,|(?i:and)|&)\s*{name}){{0,4}}",
    }
_NAME_SPLIT = re.compile(r"\s*(?:[,;]|\band\b|&)\s*")
_TRIM = " \t-–—|•:;,.()[]\"'“”‘’"
_HINT_MAX = 300


@dataclass(frozen=True, kw_only=True)
class Meta(ArticleMeta):
    """An article's metadata with the (field, rule) pairs that set it."""

    evidence: tuple[tuple[str, str], ...] = ()


# --- line rules -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _line_rules() -> tuple[tuple[str, str, re.Pattern[str], int], ...]:
    spec = yamlfile.load(resources.files("frontlines").joinpath("data/meta/patterns.yaml").read_text("utf-8"))
    out = []
    fills = placeholders([str(p) for p in spec["name_particles"]])
    for kind, singular in (("datelines", "dateline"), ("credits", "credit"), ("bylines", "byline")):
        for item in spec[kind]:
            regex = item["regex"]
            for key, value in fills.items():
                regex = regex.replace("{" + key + "}", value)
            out.append((singular, item["name"], re.compile(regex), int(item.get("max_len", 200))))
    return tuple(out)


def meta_line(line: str, *, header: bool = True) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """If ``line`` is a dateline, credit or byline: (kind, rule name, groups read), else None.

    Datelines and bylines count only in the article's header (``header=True``);
    credits (translation, republication, "Source:") count anywhere.
    """
    for kind, name, rx, max_len in _line_rules():
        if len(line) > max_len or (not header and kind != "credit"):
            continue
        m = rx.fullmatch(line)
        if m is None:
            continue
        groups = tuple((k, v.strip(_TRIM)) for k, v in m.groupdict().items() if v and v.strip(_TRIM))
        if kind == "dateline" and parse_date(dict(groups).get("date", "")) is None:
            continue
        if not groups:
            continue
        return kind, name, groups
    return None


# --- values -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    text = resources.files("frontlines").joinpath("data/meta/outlets.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {r["domain"].strip().lower(): r["name"].strip() for r in rows}


def _domain(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    return host if "." in host and re.fullmatch(r"[a-z0-9.-]+", host) else None


def outlet_for_url(url: str) -> tuple[str, str] | None:
    """(outlet name, rule) for a URL or bare domain: the outlet table, else the domain itself."""
    host = _domain(url)
    if host is None:
        return None
    table = _outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name, "url:outlets.csv"
    bare = host[4:] if host.startswith("www.") else host
    return bare, "url:domain"


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"(?:https?://|www\.)|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/|$)", text.strip()))


def _source_name(text: str) -> str | None:
    text = text.strip(_TRIM)
    if not text:
        return None
    if _looks_like_url(text):
        found = outlet_for_url(text)
        return found[0] if found else None
    return text[:120]


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip(_TRIM)[:80] for n in _NAME_SPLIT.split(text[:_HINT_MAX]) if n.strip(_TRIM))


_IDENTIFIER: Any = None
#: Fewer letters than this and a text is too short to identify its language.
MIN_LETTERS = 40
#: py3langid's answer is a guess when it is below this probability while the default language is
#: a close rival (at least ``RIVAL``): English news sentences come out as Nigerian Pidgin (0.45 vs
#: 0.41 for English) or Scots. Such a text takes the default language; a clear answer is kept.
MIN_CONFIDENCE = 0.9
RIVAL = 0.1
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")


def language_tag(value: str | None) -> str | None:
    """The primary language of a BCP 47 tag or ISO 639 code ("en-GB" → "en"), or None for anything else."""
    m = _TAG.match((value or "").strip().lower())
    return m.group(1) if m else None


def detect_language(text: str, *, default: str = "en") -> tuple[str, str]:
    """(ISO 639-1 code, rule) identified from the text; ``default`` when it is too short or ambiguous."""
    global _IDENTIFIER
    sample = text[:1000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return default, "default:too-short-to-detect"
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ranked = [(str(lang), float(p)) for lang, p in _IDENTIFIER.rank(sample)]
    lang, prob = ranked[0]
    rival = dict(ranked).get(default, 0.0)
    if lang != default and prob < MIN_CONFIDENCE and rival >= RIVAL:
        return default, f"default:ambiguous(py3langid:{lang}:{prob:.2f},{default}:{rival:.2f})"
    return lang, f"py3langid:{prob:.2f}"


def _language(hints: Mapping[str, str], html_meta: Mapping[str, Any], text: str,
              default: str) -> tuple[str, str]:
    """The language the input states (container, then the page's lang), else the one identified."""
    for value, rule in ((hints.get("language"), "hint:language"), (html_meta.get("language"), "html:lang")):
        if tag := language_tag(value):
            return tag, rule
    return detect_language(text, default=default)


# --- the whole record ---------------------------------------------------------------------------

def read_meta(hints: Mapping[str, str], cleaned: Cleaned, raw_text: str, *,
              html_meta: Mapping[str, Any] | None = None, default_language: str = "en") -> Meta:
    """Metadata for one article from its container hints, its header/footer lines and its HTML metadata.

    ``raw_text`` is the text ``cleaned`` was made from (its line offsets index it). ``default_language``
    is the language of a text too short or too ambiguous to identify.
    """
    html_meta = html_meta or {}
    found: dict[str, Any] = {}
    evidence: list[tuple[str, str]] = []

    def put(field: str, value: Any, rule: str) -> None:
        if field not in found and value not in (None, "", ()):
            found[field] = value
            evidence.append((field, rule))

    # 1. the container
    put("title", (hints.get("title") or "").strip()[:_HINT_MAX], "hint:title")
    if hints.get("published"):
        put("published", parse_date(hints["published"]), "hint:published")
    if hints.get("outlet"):
        put("outlet", _source_name(hints["outlet"]), "hint:outlet")
    if hints.get("authors"):
        put("authors", _names(hints["authors"]), "hint:authors")
    put("url", (hints.get("url") or "").strip()[:2000], "hint:url")

    # 2. the article's own lines
    for line in cleaned.lines:
        if line.kind == "title":
            put("title", raw_text[line.start:line.end], line.rule)
        if line.kind != "meta":
            continue
        groups = dict(line.groups)
        if "date" in groups:
            put("published", parse_date(groups["date"]), line.rule)
        if "outlet" in groups:
            put("outlet", _source_name(groups["outlet"]), line.rule)
        if "source" in groups:
            put("original_source", _source_name(groups["source"]), line.rule)
        if "translator" in groups:
            put("translator", groups["translator"][:80], line.rule)
        if "author" in groups:
            put("authors", _names(groups["author"]), line.rule)

    # 3. the HTML's metadata (trafilatura)
    put("title", (html_meta.get("title") or "").strip()[:_HINT_MAX], "trafilatura:title")
    if html_meta.get("date"):
        put("published", parse_date(str(html_meta["date"])), "trafilatura:date")
    if html_meta.get("sitename"):
        put("outlet", _source_name(str(html_meta["sitename"])), "trafilatura:sitename")
    if html_meta.get("author"):
        put("authors", _names(str(html_meta["author"])), "trafilatura:author")
    put("url", (html_meta.get("url") or "").strip()[:2000], "trafilatura:url")

    # 4. the URL
    if "url" in found:
        by_url = outlet_for_url(found["url"])
        if by_url:
            put("outlet", by_url[0], by_url[1])

    source = found.get("original_source")
    if source and found.get("outlet") and source.casefold() == str(found["outlet"]).casefold():
        found.pop("original_source")
        evidence = [e for e in evidence if e[0] != "original_source"]

    lang, rule = _language(hints, html_meta, cleaned.text or found.get("title", ""), default_language)
    evidence.append(("language", rule))
    return Meta(
        title=found.get("title"),
        published=found.get("published"),
        outlet=found.get("outlet"),
        original_source=found.get("original_source"),
        authors=tuple(found.get("authors", ())),
        translator=found.get("translator"),
        url=found.get("url"),
        language=lang,
        evidence=tuple(evidence),
    )
