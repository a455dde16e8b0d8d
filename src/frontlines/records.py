"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; the JSON contract
(``docs/contract.md``, ``schema/extract-record.schema.json``) is produced from
them by :mod:`frontlines.contract`, never built by hand elsewhere.

Offsets: every ``start``/``end`` on a record indexes the text the user
supplied (``Article.raw_text``); for HTML input that is ``clean_text``.
Stages that work on ``clean_text`` map their offsets back with
``Article.to_raw(offset)`` before building a record.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Precision = Literal["point", "near", "region", "country", "unresolved"]
Modality = Literal["asserted", "claimed", "planned", "denied", "speculative"]

PRECISIONS: tuple[str, ...] = ("point", "near", "region", "country", "unresolved")
MODALITIES: tuple[str, ...] = ("asserted", "claimed", "planned", "denied", "speculative")


@dataclass(frozen=True)
class Evidence:
    """Where a field came from: the sentence, its offsets and what produced it.

    ``rule`` names the rule, lexicon entry or model, e.g.
    ``"lexicon:events/triggers.yaml#air_strike:struck"`` or ``"spacy:ner:GPE"``.
    """

    article_id: str
    sentence: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in ``clean_text`` to offsets in the user's text.

    ``segments`` holds ``(clean_start, raw_start, length)`` triples, sorted by
    ``clean_start``: the clean text is made of raw slices joined by separators
    that exist in no segment. An offset inside a separator maps to the end of
    the preceding segment.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length),))

    @cached_property
    def _starts(self) -> list[int]:
        return [s[0] for s in self.segments]

    def to_raw(self, clean_offset: int) -> int:
        if not self.segments:
            return clean_offset
        i = bisect.bisect_right(self._starts, clean_offset) - 1
        if i < 0:
            return self.segments[0][1]
        c0, r0, n = self.segments[i]
        return r0 + min(clean_offset - c0, n)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span; ``end`` is exclusive."""
        if end <= start:
            s = self.to_raw(start)
            return s, s
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(frozen=True)
class Line:
    """One non-blank input line: raw offsets (whitespace stripped) and what it is."""

    start: int
    end: int
    kind: str  # "body" | "title" | "meta" | "residue"
    rule: str = ""  # e.g. "residue:css-rule", "meta:dateline:date-outlet"
    groups: tuple[tuple[str, str], ...] = ()  # what a meta rule read, e.g. (("outlet", "Fort Russ News"),)


@dataclass(frozen=True)
class Cleaned:
    """The clean text, its offset map into the input, and every line's kind."""

    text: str
    offsets: OffsetMap
    lines: tuple[Line, ...]

    def of_kind(self, kind: str) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kind == kind)


@dataclass(frozen=True)
class RawDoc:
    """One input document as a reader found it, before cleaning.

    Exactly one of ``text`` / ``html`` is set. ``hints`` carries metadata the
    container supplied (JSONL/CSV columns, feed fields): id, title, published,
    url, outlet, authors.
    """

    source: str  # file path, "path:line", "path#row", "<stdin>" ...
    text: str | None = None
    html: str | None = None
    hints: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ArticleMeta:
    """What is known about an article besides its text (``frontlines.meta`` reads it)."""

    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    original_source: str | None = None
    authors: tuple[str, ...] = ()
    translator: str | None = None
    url: str | None = None
    language: str = "en"


@dataclass(frozen=True, kw_only=True)
class Article(ArticleMeta):
    """A cleaned article with its metadata. ``id`` is a content hash."""

    id: str
    raw_text: str  # the text offsets index: the user's text, or clean_text for HTML input
    clean_text: str
    offsets: OffsetMap
    source: str = ""
    external_id: str | None = None  # the id the input gave, if any
    is_html: bool = False
    errors: tuple[str, ...] = ()
    meta_evidence: tuple[tuple[str, str], ...] = ()  # (field, rule) pairs

    def to_raw(self, clean_offset: int) -> int:
        return self.offsets.to_raw(clean_offset)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_raw(start, end)


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry considered for a mention (for ``--explain``)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str | None
    feature_code: str | None
    population: int
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A toponym mention and where it resolved. Offsets index the user's text."""

    text: str
    start: int
    end: int
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature_code: str | None
    precision: Precision
    confidence: float = 0.0
    relation: str | None = None  # "north of", "between", "countryside of" ...
    anchor: str | None = None  # the place a relative phrase is anchored on
    evidence: Evidence | None = None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Actor:
    """An actor as resolved from a mention.

    ``id`` is the actor dictionary's stable id (``None`` for an unknown actor,
    whose ``name`` keeps the text). ``inter`` is the ACLED inter code 1-8.
    """

    name: str
    id: str | None
    inter: int | None
    text: str = ""
    country: str | None = None
    generic_type: str | None = None  # for unknown actors: "armed group", "protesters" ...
    scare_quotes: bool = False
    start: int | None = None
    end: int | None = None
    rule: str = ""


@dataclass(frozen=True)
class DateInfo:
    """A resolved event date. ``time_precision`` is ACLED's: 1 day, 2 week, 3 month."""

    date: dt.date | None
    time_precision: int | None
    text: str | None = None
    rule: str = ""


@dataclass(frozen=True)
class Event:
    """One event, coded ACLED-style, with the evidence for every field."""

    id: str
    article_id: str
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    actor1: Actor | None
    actor2: Actor | None
    assoc_actors: tuple[Actor, ...]
    place: Place | None
    geo_precision: int | None  # ACLED 1-3
    date: dt.date | None
    time_precision: int | None  # ACLED 1-3
    fatalities: int | None
    modality: Modality
    attribution: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    evidence: dict[str, str] = field(default_factory=dict)  # field -> rule
    quantities: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()  # every sentence that reported it (merged mentions)
    # sub-event types a sentence of the incident reports beside this one ("bombed the town with chlorine":
    # a Chemical weapon event that also reports an Air/drone strike); rules in evidence["other_sub_event_types"]
    other_sub_event_types: tuple[str, ...] = ()
    # role -> the phrase that names it where no actor mention does ("kidnapped a Chinese engineer"): the text and
    # offsets of the generic actor a later stage gives the role (events/roles/unnamed.py); not part of the contract
    phrases: dict[str, Actor] = field(default_factory=dict)


@dataclass(frozen=True)
class RejectedEvent:
    """A candidate event trigger that did not become an event, and why (shown by ``--explain``).

    ``reason``: ``rule:<name>``, ``lexicon:<entry id>:<condition>`` or ``model:<name>:<out-of-scope
    kind>``; ``score``: the model's probability that the sentence reports an event, if it decided.
    """

    trigger: str
    start: int  # raw offsets of the trigger
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    sub_event_type: str | None
    reason: str
    score: float | None = None


@dataclass(frozen=True)
class Result:
    """What the pipeline produced for one article."""

    article: Article
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = ()
    rejected: tuple[RejectedEvent, ...] = ()  # candidate events not reported, with why
