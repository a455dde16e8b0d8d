"""The event ontology and trigger lexicon, loaded from data.

``data/events/ontology.yaml``: ACLED's 6 event types and 25 sub-event types, and their PLOVER
coding. ``data/events/triggers.yaml``: the trigger lexicon, compiled here into spaCy
``Matcher`` patterns on lemmas (a verb phrase's first word, a noun phrase's last word match in
any inflection through the lemmatizer; the other words as written).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher

from .. import yamlfile
from ..errors import ConfigError
from ..fold import fold

LEXICON_FILE = "events/triggers.yaml"


@dataclass(frozen=True)
class SubEventType:
    """One ACLED sub-event type with its parent event type and PLOVER (type, mode)."""

    name: str
    event_type: str
    plover_type: str | None
    plover_mode: str | None
    about: str


@dataclass(frozen=True)
class Ontology:
    sub_events: dict[str, SubEventType]
    plover_types: dict[str, str]
    plover_aliases: dict[str, str]

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.event_type for s in self.sub_events.values()))

    def get(self, sub_event_type: str) -> SubEventType:
        try:
            return self.sub_events[sub_event_type]
        except KeyError:
            raise ConfigError(
                f"unknown ACLED sub-event type {sub_event_type!r} (use one of the 25 names in data/events/ontology.yaml)"
            ) from None

    def plover(self, name: str | None) -> str | None:
        """Canonical PLOVER name (``DEMAND`` → ``REQUEST``); ``None`` stays ``None``."""
        if name is None:
            return None
        up = name.upper()
        return self.plover_aliases.get(up, up)


@cache
def load_ontology() -> Ontology:
    """The shipped ontology (cached)."""
    text = resources.files("frontlines").joinpath("data/events/ontology.yaml").read_text("utf-8")
    data = yamlfile.load(text)
    subs: dict[str, SubEventType] = {}
    for event_type, children in data["event_types"].items():
        for name, info in children.items():
            ptype, pmode = (info.get("plover") or [None, None])[:2]
            subs[name] = SubEventType(name, event_type, ptype, pmode, info.get("about", ""))
    return Ontology(subs, dict(data.get("plover_types", {})), dict(data.get("plover_aliases", {})))


def event_type_of(sub_event_type: str) -> str:
    """``"Air/drone strike"`` → ``"Explosions/Remote violence"``."""
    return load_ontology().get(sub_event_type).event_type


SUB_EVENT_TYPES: tuple[str, ...] = (
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other",
)


# ---------------------------------------------------------------------------- trigger lexicon

#: Words left out of verb phrases ("take the control of" = "take control of").
_DROP = {"a", "an", "the", "his", "her", "their", "its"}


def norm_text(text: str) -> str:
    """How cues and phrases are compared: the project's name folding (:func:`frontlines.fold.fold`)."""
    return fold(text)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry (see the header of ``data/events/triggers.yaml``)."""

    id: str
    sub: str
    weight: float
    generic: bool = False
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    agent: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    window: int | None = None
    plover_type: str | None = None  # the entry's own PLOVER coding, in place of its sub-event type's
    plover_mode: str | None = None
    target_not: tuple[str, ...] = ()  # classes who is hit must not all be of (see triggers.yaml's header)


def plover_of(entry: Entry | None, sub: SubEventType) -> tuple[str | None, str | None]:
    """PLOVER (type, mode) of a typing as ``sub`` by ``entry``'s trigger: the entry's own coding where it
    has one for that type ("completed their withdrawal" is RETREAT), else the type's (ontology.yaml)."""
    if entry is not None and entry.plover_type and entry.sub == sub.name:
        return entry.plover_type, entry.plover_mode
    return sub.plover_type, sub.plover_mode


@dataclass(frozen=True)
class Pattern:
    """One phrase of an entry as a spaCy ``Matcher`` pattern (token specs on LEMMA / LOWER)."""

    key: str  # unique name of the pattern in the matcher
    tokens: tuple[dict[str, Any], ...]
    entry: Entry
    verb: bool = False  # the first word must be tagged as a verb (or participle adjective)
    words: int = 1  # words of the phrase (a one-word verb phrase must be tagged as a verb)


@dataclass(frozen=True)
class Lexicon:
    """The compiled trigger lexicon: matcher patterns, entries, and actor-class cues."""

    patterns: dict[str, Pattern]
    classes: dict[str, tuple[frozenset[str], tuple[str, ...]]]  # class -> (one-word cues, " multi word " cues)
    entries: dict[str, Entry]
    _groups: list[tuple[Any, dict[Anchor, _Group], tuple[dict[int, Anchor], ...], Any]] = field(
        default_factory=list, compare=False, repr=False)

    def matches(self, span: Any) -> list[tuple[str, int, int]]:
        """(pattern key, start, end within ``span``) of every ``Matcher`` match of the patterns.

        Patterns are grouped by their anchor (:func:`anchor`), one ``Matcher`` per group, and only
        the groups whose anchor word occurs in the span run, from the anchor's first occurrence
        when every pattern of the group begins with it: the same matches as one ``Matcher`` of all
        the patterns, without trying every pattern at every token.
        """
        groups, by_hash, hashes = self._matchers(span.doc.vocab)
        # the tokens of each anchor word, in the order of the tokens and of _ANCHOR_ATTRS (the words'
        # hashes are read from one array: a token's lower_, lemma_ and orth_ are those strings; only
        # the tokens with some anchor word are read)
        at: dict[Anchor, list[int]] = {None: [span.start]}
        for i, row in anchor_rows(span, _ANCHOR_IDS, hashes):
            for known, h in zip(by_hash, row, strict=True):
                found = known.get(h)
                if found is not None:
                    at.setdefault(found, []).append(i)
        strings, doc = span.doc.vocab.strings, span.doc
        out: list[tuple[str, int, int]] = []
        for anchor_, where in at.items():
            group = groups.get(anchor_)
            if group is None:
                continue
            if group.alone:  # one-word patterns of the anchor word alone: a match at each of its tokens
                out.extend((key, i - span.start, i - span.start + 1) for i in where for key in group.keys)
                continue
            # every match of a leading group starts at one of the anchor's tokens: from the first of
            # them, and to the last of them plus the group's longest match, where that is bounded
            begin = where[0] if group.leads else span.start
            stop = min(span.end, where[-1] + group.reach) if group.leads and group.reach else span.end
            shift = begin - span.start
            out.extend((strings[key], start + shift, end + shift)
                       for key, start, end in group.matcher(doc[begin:stop]))
        return out

    def anchor_words(self) -> frozenset[str]:
        """The lower-cased words the patterns anchor on (:func:`anchor`): a text without one of them
        has no match (every pattern has an anchor)."""
        found = {anchor(p.tokens) for p in self.patterns.values()}
        if None in found:
            raise ConfigError("a trigger pattern without an anchor word")
        return frozenset(a[1].lower() for a in found if a is not None)

    def _matchers(self, vocab: Any) -> tuple[dict[Anchor, _Group], tuple[dict[int, Anchor], ...], Any]:
        """The grouped ``Matcher`` objects for a vocabulary (built once per vocabulary), for each
        attribute of :data:`_ANCHOR_ATTRS` the anchors on it by their value's hash, and all those
        hashes (a sorted array, for :func:`anchor_rows`)."""
        for seen, built, by_hash, hashes in self._groups:
            if seen is vocab:
                return built, by_hash, hashes
        groups: dict[Anchor, _Group] = {}
        for key, pat in self.patterns.items():
            group = anchor(pat.tokens)
            if group not in groups:
                groups[group] = _Group(Matcher(vocab))
            groups[group].matcher.add(key, [list(pat.tokens)])
            groups[group].leads &= group is not None and pat.tokens[0].get(group[0]) == group[1] \
                and "OP" not in pat.tokens[0]
            groups[group].keys.append(key)
            groups[group].alone &= group is not None and pat.tokens == ({group[0]: group[1]},)
            longest = pattern_reach(pat.tokens)
            groups[group].reach = None if longest is None or groups[group].reach is None \
                else max(groups[group].reach or 0, longest)
        by_hash = tuple({vocab.strings[a[1]]: a for a in groups if a is not None and a[0] == attr}
                        for attr in _ANCHOR_ATTRS)
        hashes = numpy.array(sorted({h for known in by_hash for h in known}), dtype=numpy.uint64)
        self._groups.append((vocab, groups, by_hash, hashes))
        return groups, by_hash, hashes


#: A word a pattern cannot match without: (token attribute, value); ``None``: no such word.
Anchor = tuple[str, str] | None


@dataclass
class _Group:
    """The patterns of one anchor (``keys``, in the order added); ``leads``: each of them begins with the
    anchor word; ``alone``: each is the anchor word alone (one token, no other condition), so it matches
    every token with that word and the ``Matcher`` need not run."""

    matcher: Any
    keys: list[str] = field(default_factory=list)
    leads: bool = True
    alone: bool = True
    reach: int | None = 0  # the most tokens a match of its patterns spans (None: no bound)


_BOUNDED_OP = re.compile(r"\{(\d*),(\d+)\}")


def pattern_reach(tokens: tuple[dict[str, Any], ...]) -> int | None:
    """The most tokens a match of the pattern can span: a token spec without an operator or with "?"
    one, "{m,n}" n; ``None`` for any other operator (unbounded, or one this does not read)."""
    total = 0
    for spec in tokens:
        op = spec.get("OP")
        if op is None or op == "?":
            total += 1
        elif (m := _BOUNDED_OP.fullmatch(op)) is not None:
            total += int(m.group(2))
        else:
            return None
    return total


#: Token attributes a pattern's anchor may be on (their values are compared as strings).
_ANCHOR_ATTRS = ("LOWER", "LEMMA", "ORTH")
#: Their spaCy attribute ids, for :func:`anchor_rows`.
_ANCHOR_IDS = (LOWER, LEMMA, ORTH)

#: (attributes, id of the hashes looked for) → (the last doc read, those hashes, the indexes of its
#: tokens with one of them, their rows): the sentences of one doc are read in turn.
_ROWS: dict[tuple[tuple[int, ...], int], tuple[Any, Any, list[int], list[list[int]]]] = {}


def anchor_rows(span: Any, attrs: tuple[int, ...], hashes: Any) -> list[tuple[int, list[int]]]:
    """(doc index, ``attrs`` values) of the span's tokens with some value in ``hashes`` (a sorted
    uint64 array), in token order. One ``Doc.to_array`` and one ``numpy.isin`` a doc (``Span.to_array``
    loops in Python; reading a token's attributes one by one builds a ``Token`` each time); a parsed
    doc's tokens do not change (nothing retokenizes), so the last doc's rows are kept."""
    doc = span.doc
    kept = _ROWS.get((attrs, id(hashes)))
    if kept is None or kept[0] is not doc or kept[1] is not hashes:
        values = doc.to_array(list(attrs)).reshape(len(doc), len(attrs))
        found = numpy.flatnonzero(numpy.isin(values, hashes).any(axis=1))
        kept = _ROWS[(attrs, id(hashes))] = (doc, hashes, found.tolist(), values[found].tolist())
    _, _, indexes, rows = kept
    lo, hi = bisect_left(indexes, span.start), bisect_left(indexes, span.end)
    return list(zip(indexes[lo:hi], rows[lo:hi], strict=True))


def anchor(tokens: tuple[dict[str, Any], ...]) -> Anchor:
    """A word no match of the pattern is without: (attribute, value) of its first token spec that has
    no operator and names one string (``None``: none, the pattern is tried everywhere)."""
    for spec in tokens:
        if "OP" in spec:
            continue
        for attr in _ANCHOR_ATTRS:
            if isinstance(spec.get(attr), str):
                return (attr, spec[attr])
    return None


_HYPHEN: dict[str, Any] = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}


def _phrase_tokens(words: list[str], *, inflected: int, gap: int) -> list[tuple[dict[str, Any], ...]]:
    """Token specs of a phrase: the word at ``inflected`` by lemma (or as written), the others as
    written; up to ``gap`` words may stand between the words (0: a hyphen may)."""
    out = []
    for attr in ("LEMMA", "LOWER"):
        specs: list[dict[str, Any]] = []
        for n, w in enumerate(words):
            if n:
                specs.append({"OP": f"{{0,{gap}}}"} if gap else _HYPHEN)
            specs.append({attr if n == inflected else "LOWER": w})
        out.append(tuple(specs))
    if inflected == 0 and len(words[0]) > 4 and words[0].startswith("re"):  # "re-captured"
        rest = [{"LOWER": "re"}, {"ORTH": "-"}, {"LEMMA": words[0][2:]}]
        out.append(tuple(rest + list(out[0][1:])))
    return _unique(out)


def _unique(specs: list[tuple[dict[str, Any], ...]]) -> list[tuple[dict[str, Any], ...]]:
    seen: list[tuple[dict[str, Any], ...]] = []
    for s in specs:
        if s not in seen:
            seen.append(s)
    return seen


def _words(phrase: str) -> list[str]:
    return norm_text(phrase).split()


def _entry(item: dict[str, Any]) -> Entry:
    def tup(key: str) -> tuple[str, ...]:
        val = item.get(key) or ()
        # a cue written with a final space is the whole word ("fire ": no "firearm")
        return tuple(norm_text(v) + (" " if v.endswith(" ") else "") for v in ([val] if isinstance(val, str) else val))

    ptype, pmode = _plover_coding(item)
    return Entry(item["id"], item["sub"], float(item.get("weight", 0.7)), bool(item.get("generic", False)),
                 tup("with"), tup("without"), tup("agent"), tup("target"), tup("also"),
                 int(item["window"]) if item.get("window") is not None else None, ptype, pmode,
                 tup("target_not"))


def _plover_coding(item: dict[str, Any]) -> tuple[str | None, str | None]:
    """An entry's ``plover:`` key, a PLOVER type or ``[type, mode]``, as (type, mode)."""
    val = item.get("plover")
    if val is None:
        return None, None
    ptype, pmode = ([val, None] if isinstance(val, str) else [*val, None])[:2]
    return ptype, pmode


def _patterns(item: dict[str, Any], entry: Entry) -> list[Pattern]:
    """The matcher patterns of an entry's verbs (first word by lemma), nouns (last word by lemma)
    and words (as written)."""
    out: list[Pattern] = []
    gap = int(item.get("gap", 2))
    phrases = [(w, True) for w in item.get("verbs") or ()] + [(w, False) for w in item.get("nouns") or ()]
    for phrase, verb in phrases:
        ws = [w for w in _words(phrase) if w not in _DROP] if verb else _words(phrase)
        for spec in _phrase_tokens(ws, inflected=0 if verb else len(ws) - 1, gap=gap if verb else 0):
            out.append(Pattern(f"{entry.id}#{len(out)}", spec, entry, verb=verb, words=len(ws)))
    for phrase in item.get("words") or ():
        ws = _words(phrase)
        spec = tuple(s for n, w in enumerate(ws) for s in ([_HYPHEN] if n else []) + [{"LOWER": w}])
        out.append(Pattern(f"{entry.id}#{len(out)}", spec, entry, words=len(ws)))
    return out


def _checked(item: dict[str, Any], onto: Ontology, source: str) -> dict[str, Any]:
    """An entry with its types checked. ``plover:`` is the entry's PLOVER coding: beside a ``sub`` it
    replaces that sub-event type's coding; alone (``plover.yaml``) the type is kept as
    ``sub = "PLOVER:<type>"``."""
    ptype = _plover_coding(item)[0]
    if "plover" in item and ptype not in onto.plover_types:
        raise ConfigError(f"{source}: entry {item['id']} names an unknown PLOVER type {ptype!r} "
                          "(use one of the plover_types in ontology.yaml)")
    if "plover" in item and "sub" not in item:
        return {**item, "sub": f"PLOVER:{ptype}"}
    if item.get("sub") not in onto.sub_events:
        raise ConfigError(f"{source}: entry {item['id']} names an unknown sub-event type {item.get('sub')!r} "
                          "(use one of the 25 names in ontology.yaml)")
    return item


def _compile(raw: dict[str, Any], *, source: str = LEXICON_FILE) -> Lexicon:
    """Patterns and classes of a lexicon file. Entries name an ACLED ``sub`` type, or (in
    ``plover.yaml``) a ``plover`` type."""
    onto = load_ontology()
    patterns: dict[str, Pattern] = {}
    entries: dict[str, Entry] = {}
    for item in raw["entries"]:
        item = _checked(item, onto, source)
        entry = _entry(item)
        if entry.id in entries:
            raise ConfigError(f"{source}: entry {entry.id} is defined twice (give each entry its own id)")
        entries[entry.id] = entry
        patterns.update((p.key, p) for p in _patterns(item, entry))
    classes: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for name, cues in raw.get("classes", {}).items():
        normed = [norm_text(c) for c in cues]
        single = frozenset(c for c in normed if " " not in c)
        multi = tuple(f" {c} " for c in normed if " " in c)
        classes[name] = (single, multi)
    return Lexicon(patterns, classes, entries)


PLOVER_FILE = "events/plover.yaml"


@cache
def load_plover_lexicon() -> Lexicon:
    """Triggers of PLOVER's verbal and non-violent categories (agree, accuse, reject ...)."""
    text = resources.files("frontlines").joinpath("data/" + PLOVER_FILE).read_text("utf-8")
    return _compile(yamlfile.load(text), source=PLOVER_FILE)


@cache
def load_lexicon() -> Lexicon:
    """The shipped trigger lexicon, compiled once."""
    text = resources.files("frontlines").joinpath("data/" + LEXICON_FILE).read_text("utf-8")
    return _compile(yamlfile.load(text))
