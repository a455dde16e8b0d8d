"""Toponym recognition: which spans of a parsed article name places.

Candidate spans come from three sources, each recorded in ``Mention.rule``:

* ``spacy:ner:GPE|LOC|FAC`` spans (strong: kept when the gazetteer knows them,
  or kept unresolved when it does not);
* ``spacy:ner:PERSON|ORG|NORP`` spans and proper-noun runs spaCy left untagged
  (``gazetteer:phrase``), kept only when the gazetteer knows the name *and* the
  context says "place": a locative cue before it ("in", "near", "the town of",
  "north of"), a place noun after it ("border crossing", "province"), a
  coordination with a place ("Raqqah, Palmyra and Hama"), or a country,
  province or continent name;
* place names inside organisation names ("University of *California*"), sites
  named after a place ("Talila Natural Reserve"), datelines ("SAN DIEGO —"), and
  demonyms ("Syrian", "Iraqis"), from ``data/geo/demonyms.csv``.

Demonyms are kept as country-level mentions with ``relation="demonym"``: they
say which country an actor belongs to, never where an event happened.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .gazetteer import Gazetteer, is_exact
from .names import is_article, norm

STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"})
IMPORTANT_CODES = frozenset({"PCLI", "ADM1", "CONT", "PPLC"})

#: Words right before a name that make it a place.
CUE_BEFORE = frozenset(
    ["in", "near", "from", "to", "at", "outside", "inside", "into", "across", "around", "towards", "toward", "via", "between", "within", "throughout", "of", "reach", "reached", "entered", "captured", "liberated", "shelled", "bombed", "struck", "hit", "besieged"]
)
#: Nouns that, followed by "of", introduce a place ("the town of", "north of").
CUE_NOUN_OF = frozenset(
    ["town", "city", "village", "villages", "towns", "cities", "province", "governorate", "district", "region", "area", "areas", "countryside", "outskirts", "suburbs", "suburb", "outskirt", "border", "capital", "state", "county", "municipality", "neighbourhood", "neighborhood", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center", "heart", "island", "port"]
)
#: Nouns right after a name that make it a place ("Al Tanf border crossing").
CUE_AFTER = frozenset(
    ["border", "crossing", "province", "governorate", "city", "town", "village", "district", "region", "area", "countryside", "airport", "base", "airbase", "desert", "river", "valley", "mountain", "mountains", "hill", "county", "state", "camp", "checkpoint", "highway", "road", "crossroads", "junction", "dam", "field", "oilfield", "refinery", "reserve", "plateau"]
)
#: Last words of names of features that are not the place named inside them ("Indian Ocean",
#: "Mississippi River", "Washington Square"): no falling back to the inner place name.
FEATURE_HEADS = frozenset(
    ["ocean", "sea", "river", "delta", "peninsula", "mountains", "mountain", "canal", "lake", "bay", "gulf", "strait", "street", "avenue", "road", "square", "tower", "stadium", "park", "hospital", "school", "university", "college", "church", "chapel", "cathedral", "mall", "centre", "center", "hall", "bridge", "island", "islands", "coast", "basin", "plateau", "desert", "valley", "falls"]
)
DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper", "lower", "greater", "inner", "outer"]
)
#: Last words of sites named after a place ("Talila Natural Reserve", "Tabqa Airbase").
SITE_HEADS = frozenset(["reserve", "crossing", "base", "airbase", "airport", "dam", "plateau", "oilfield", "field", "refinery", "camp", "checkpoint"])
#: Site heads that make a name a place even when the gazetteer lacks it.
NAMED_SITE_HEADS = frozenset(["reserve", "crossing", "airbase", "plateau", "oilfield", "checkpoint"])
SITE_MODIFIERS = frozenset(["natural", "nature", "national", "border", "military", "air", "oil", "gas", "refugee"])
_STOP = frozenset(["the", "a", "an", "this", "that", "these", "those", "mr", "mrs", "ms", "dr"])
#: Place nouns that make even a name the gazetteer lacks a place: "Arimba village", "the town of
#: Basira", "Al Waleed border crossing", "villages, including Jeb Saad, Rasm Amun and Hanitha".
PLACE_NOUNS = frozenset(
    ["village", "villages", "town", "towns", "city", "district", "subdistrict", "county", "province", "governorate", "municipality", "commune", "neighbourhood", "neighborhood", "crossing", "reserve", "airbase", "plateau", "hill", "hills", "oilfield"]
)
_LIST_OPENERS = frozenset(["including", "of", ":", "namely", "like"])
#: Lower-case words inside multi-word place names ("Ribeirao das Neves", "Tafi del Valle", "Ras al Ain").
NAME_CONNECTORS = frozenset(
    ["de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "la", "las", "los", "le", "al", "el", "ad", "as", "ar", "an", "ash", "ez", "az", "bin", "ibn", "wa", "y", "e", "of"]
)
MAX_EXTEND = 3
#: Capitalised unit titles after a name ("Paletwa Town", "Maungdaw Township", "Bay Region").
ADMIN_HEADS = frozenset(["town", "township", "city", "village", "district", "province", "governorate", "county", "municipality", "region", "state", "lga", "tehsil", "subdistrict", "commune", "prefecture", "oblast", "raion", "zone"])
#: Nouns after which a parenthesised "(district, province)" says where the place lies.
AREA_NOUNS = frozenset(["section", "ward", "quarter", "lga", "frontline", "frontlines", "front", "area", "areas", "zone", "sector", "township", "tehsil", "locality", "settlement", "neighbourhoods", "neighborhoods", "outskirts", "countryside", "vicinity"])


@dataclass(frozen=True)
class Mention:
    """A span that may name a place (clean-text character offsets)."""

    start: int
    end: int
    text: str
    rule: str
    strong: bool  # spaCy called it a place
    demonym: str | None = None  # target of a demonym: "SY" or "gn:6255148"
    token_start: int = 0
    token_end: int = 0
    query: str = ""  # the name to look up when it is not the whole text ("South Florida" → "Florida")
    part: str | None = None  # "south": the mention is that part of the place named by ``query``
    cued: bool = False  # the text says it is a place ("X village"): kept unresolved when unknown

    @property
    def name(self) -> str:
        return self.query or self.text


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """norm(demonym or its plural) → target (ISO alpha-2 code or ``gn:<id>``)."""
    text = resources.files("frontlines").joinpath("data/geo/demonyms.csv").read_text("utf-8")
    out: dict[str, str] = {}
    for rec in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        word, target = rec["demonym"], rec["target"]
        out[norm(word)] = target
        if not word.endswith(("ese", "ish", "ch", "ss")):
            out[norm(word + "s")] = target
    return out


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Words that name some small place but in running text mean something else."""
    text = resources.files("frontlines").joinpath("data/geo/generic_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """First words of organisations' names built on a place name ("Faylaq al-Sham")."""
    text = resources.files("frontlines").joinpath("data/geo/organisation_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def is_organisation(span: Any) -> bool:
    """ "Faylaq al-Sham", "Jabhat Fateh al-Sham": a group's name, with no place mention inside it."""
    return len(span) > 1 and norm(span[0].text) in organisation_words()


def _generic(span: Any) -> bool:
    return all(norm(t.text) in generic_words() or not t.is_alpha for t in span)


def _named(entry: Any) -> bool:
    """Matched as written; a code ("US", "BC", "EU") only for a country, province or region."""
    return entry.kind < 2 or (entry.kind == 4 and entry.feature_code in ("PCLI", "ADM1", "RGN"))


def _trim(span: Any) -> Any:
    """Drop a leading determiner/title and a trailing possessive from a span."""
    while len(span) and (span[0].lower_ in _STOP or (span[0].is_lower and span[0].lower_ in DIRECTION_WORDS)
                         or span[0].is_punct):
        span = span[1:]
    while len(span) and (span[-1].text in {"'s", "’s", "'", "’"} or span[-1].is_punct):
        span = span[:-1]
    return span


def _strong_cue(span: Any, doc: Any) -> bool:
    """ "the town of X", "X border crossing": the text says X is a place."""
    i, j = span.start, span.end
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CUE_NOUN_OF:
        return True
    return j < len(doc) and doc[j].lower_ in CUE_AFTER


def _has_cue(span: Any, doc: Any, placed: set[int]) -> bool:
    """A locative cue, a place noun after it, or coordination with a known place."""
    i, j = span.start, span.end
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_ == "the" and i > 1:
        prev2 = doc[i - 2]
        if prev2.lower_ in CUE_BEFORE:
            return True
    if prev is not None:
        if prev.lower_ in CUE_BEFORE:
            if prev.lower_ != "of":
                return True
            k = i - 2
            if k >= 0 and doc[k].lower_ in CUE_NOUN_OF:
                return True
        if prev.lower_ in {"and", ",", "or"} and (i - 2) in placed:
            return True
    if j < len(doc) and doc[j].lower_ in CUE_AFTER:
        return True
    return j < len(doc) and doc[j].text in {",", "and"} and (j + 1) in placed


_DATELINE_END = frozenset({",", "(", "—", "–", "-", "--", ":"})


def _datelines(words: list[str]) -> list[tuple[int, int]]:
    """Capitalised place names opening a paragraph before a comma or dash: "SAN DIEGO —"."""
    out = []
    for i, word in enumerate(words):
        if not (word.isupper() and word.isalpha() and len(word) > 1):
            continue
        if i > 0 and "\n" not in words[i - 1]:
            continue
        j = i + 1
        while j < len(words) and j - i < 4 and words[j].isupper() and words[j].replace(".", "").isalpha():
            j += 1
        if j < len(words) and words[j] in _DATELINE_END:
            out.append((i, j))
    return out


def _runs(words: list[str], propn: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of proper nouns (with Arabic particles inside), as token ranges."""
    out, i, n = [], 0, len(words)
    while i < n:
        if propn[i] and words[i][:1].isupper():
            j = i + 1
            while j < n and (propn[j] and words[j][:1].isupper()
                             or (words[j].lower() in {"al", "el", "ez", "ad", "as", "ar", "-"}
                                 and j + 1 < n and words[j + 1][:1].isupper())):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _best_subspan(doc: Any, i: int, j: int, gazetteer: Gazetteer, *, important_only: bool) -> Any:
    """The longest sub-span of tokens [i, j) that names a gazetteer place (exact key), or None.

    One word out of a longer name ("Vista" of "Boa Vista") is taken only when it names a
    country, province or large city: a fragment is otherwise too often some other place.
    """
    for size in range(min(j - i, 5), 0, -1):
        for k in range(i, j - size + 1):
            span = doc[k:k + size]
            if not span[0].text[:1].isupper():
                continue
            entries = gazetteer.lookup(span.text)
            exact = [e for e in entries if _named(e)]
            if not exact:
                continue
            if (important_only or size == 1) and not any(
                    e.feature_code in IMPORTANT_CODES or e.population >= 100_000 for e in exact):
                continue
            if _generic(span):
                continue
            return span
    return None


def _name_word(tok: Any) -> bool:
    return (tok.is_alpha and tok.text[:1].isupper()) or tok.lower_ in NAME_CONNECTORS


def extend_span(span: Any, gazetteer: Gazetteer, taken: set[int]) -> Any:
    """The longest name around ``span`` the gazetteer knows as written, or ``span`` itself.

    spaCy often tags only part of a multi-word name: "Rocha" of "Catole do Rocha",
    "Ribeirao" of "Ribeirao das Neves", "Los Angeles" of "Los Angeles Tetela". Up to
    three capitalised words or name connectors ("do", "das", "al") on each side are
    tried, longest first; the longer name must start and end with a capitalised word.
    """
    doc = span.doc
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    lo = span.start
    while lo > sent_start and span.start - lo < MAX_EXTEND and (lo - 1) not in taken and _name_word(doc[lo - 1]):
        lo -= 1
    hi = span.end
    while hi < len(doc) and hi - span.end < MAX_EXTEND and hi not in taken and _name_word(doc[hi]):
        hi += 1
    if lo == span.start and hi == span.end:
        return span
    options = [(a, b) for a in range(lo, span.start + 1) for b in range(span.end, hi + 1)
               if (a, b) != (span.start, span.end) and doc[a].text[:1].isupper() and doc[b - 1].text[:1].isupper()]
    for a, b in sorted(options, key=lambda ab: ab[0] - ab[1]):
        longer = doc[a:b]
        if any(_named(e) for e in gazetteer.lookup(longer.text)) and not _generic(longer):
            return longer
    return span


def _admin_lists(doc: Any) -> list[list[Any]]:
    """The comma-separated parts of parenthesised place lists: "(Razih, Sadah)", "(Afgooye,Lower Shabelle)"."""
    out = []
    i = 0
    while i < len(doc):
        if doc[i].text != "(":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i < 14 and doc[j].text not in {")", "("} and not doc[j].is_sent_start:
            j += 1
        if j >= len(doc) or doc[j].text != ")":
            i = j
            continue
        parts, start = [], i + 1
        for k in range(i + 1, j + 1):
            if doc[k].text in {",", ")"}:
                end = k - 1 if k - 1 > start and doc[k - 1].lower_ in PLACE_NOUNS and doc[k - 1].is_lower else k
                parts.append(doc[start:end])  # "(Poonch district, J&K)": the name without its noun
                start = k + 1
        if len(parts) >= 2 and all(len(p) and all(_name_word(t) or t.text in {"-", "'", "’"} for t in p)
                                   and p[0].text[:1].isupper() and not p.text.isupper() for p in parts):
            out.append(parts)
        i = j + 1
    return out


def _glued_hyphen_after(span: Any) -> bool:
    """ "Pul-e Khumri", "Pul-e-Charkhi": the span is glued by a hyphen to a one-letter particle
    (the Persian ezafe), so it is the first word of a longer name, not a place of its own."""
    doc = span.doc
    j = span.end
    if span.text.endswith(("-e", "-i")) or (j < len(doc) and doc[j].text.lower() in {"-e", "-i"}):
        return True
    return (j + 1 < len(doc) and doc[j].text in {"-", "–"} and not span[-1].whitespace_
            and not doc[j].whitespace_ and doc[j + 1].lower_ in {"e", "i"})


def _place_noun_cue(span: Any, doc: Any) -> bool:
    """ "Arimba village", "Al Waleed border crossing", "the village of Taara", "villages, including X"."""
    i, j = span.start, span.end
    if j < len(doc) and doc[j].lower_ in PLACE_NOUNS and not doc[j].text[:1].isupper():
        return True
    if j + 1 < len(doc) and doc[j].lower_ == "border" and doc[j + 1].lower_ == "crossing":
        return True
    if i >= 2 and doc[i - 1].lower_ in _LIST_OPENERS:
        return any(doc[k].lower_ in PLACE_NOUNS for k in range(max(0, i - 4), i - 1))
    return False


def _add_cued_unknowns(doc: Any, weak: list[Any], runs: list[tuple[int, int]], add: Any, taken: set[int]) -> None:
    """Names the gazetteer may lack but the text calls places, and the names listed with them."""
    spans = {sp.start: sp for sp in weak}
    for i, j in runs:
        spans.setdefault(i, doc[i:j])
    cued_ends: set[int] = set()
    for start in sorted(spans):
        span = spans[start]
        if any(t in taken for t in range(span.start, span.end)) or _generic(span) or is_article(span.text):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        listed = prev is not None and prev.lower_ in {",", "and", "or"} and (span.start - 2) in cued_ends
        if listed or _place_noun_cue(span, doc):
            add(span, "cue:place-noun" if not listed else "cue:listed-with-place", False, cued=True)
            cued_ends.add(span.end - 1)


def find_mentions(doc: Any, *, gazetteer: Gazetteer) -> list[Mention]:
    """Candidate toponym spans of a parsed text, in text order, not overlapping."""
    dem = demonyms()
    found: dict[int, Mention] = {}  # start token → mention
    taken: set[int] = set()
    placed: set[int] = set()  # token indices of the last token of accepted place mentions

    def add(span: Any, rule: str, strong: bool, demonym: str | None = None, query: str = "",
            part: str | None = None, cued: bool = False) -> None:
        if any(i in taken for i in range(span.start, span.end)):
            return
        if demonym is None and is_article(query or span.text):
            return  # "Ez" of "Deir Ez Zour", "Al": an article alone names nothing
        if not strong and _glued_hyphen_after(span):
            return  # "Pul" of "Pul-e Khumri": a fragment of a hyphenated name
        if demonym is None and not query and part is None:
            longer = extend_span(span, gazetteer, taken)
            if longer is not span:
                span, rule = longer, f"{rule}+gazetteer:extended"
        found[span.start] = Mention(span.start_char, span.end_char, span.text, rule, strong, demonym,
                                    span.start, span.end, query, part, cued)
        taken.update(range(span.start, span.end))
        placed.add(span.end - 1)

    weak: list[tuple[Any, str]] = []
    for ent in doc.ents:
        span = _trim(ent)
        if not len(span):
            continue
        if is_organisation(span):
            taken.update(range(span.start, span.end))  # nothing inside a group's name is a place
            continue
        key = norm(span.text)
        if key in dem and ent.label_ in {"NORP", "GPE", "LOC", "PERSON", "ORG", "LANGUAGE"}:
            if ent.label_ != "LANGUAGE":
                add(span, f"demonym:{ent.label_}", False, dem[key])
            continue
        if ent.label_ in STRONG_LABELS and any(t.text in {",", "(", ")"} for t in span):
            # "Donington Park, Leicestershire", "Amba (Bandiagara": each part is a place.
            parts, start = [], span.start
            for tok in span:
                if tok.text in {",", "(", ")"}:
                    parts.append(doc[start:tok.i])
                    start = tok.i + 1
            parts.append(doc[start:span.end])
            for part in parts:
                part = _trim(part)
                if len(part):
                    add(part, f"spacy:ner:{ent.label_}", True)
            continue
        if (ent.label_ in STRONG_LABELS and len(span) > 1 and span[0].lower_ in DIRECTION_WORDS
                and not any(is_exact(e) for e in gazetteer.lookup(span.text))):
            # "South Florida", "Eastern Ghouta": a part of the place named by the rest.
            rest = span[1:]
            if any(is_exact(e) and e.feature_code != "CONT" for e in gazetteer.lookup(rest.text)):
                add(span, f"spacy:ner:{ent.label_}:part-of", True, query=rest.text, part=span[0].lower_)
                continue
        if (ent.label_ in STRONG_LABELS and len(span) > 1 and span[-1].lower_ in PLACE_NOUNS
                and not span[-1].text[:1].isupper() and not gazetteer.lookup(span.text)):
            # "Arimba village", "Idlib province": the name without its place noun (which stays a cue).
            add(span[:-1], f"spacy:ner:{ent.label_}:place-noun", True)
            continue
        if (len(span) > 1 and span[-1].text[:1].isupper() and span[-1].lower_ in ADMIN_HEADS
                and len(span[:-1].text) >= 4 and not (len(span) == 2 and span[0].lower_ in DIRECTION_WORDS)
                and not gazetteer.lookup(span.text) and any(_named(e) for e in gazetteer.lookup(span[:-1].text))):
            # "Paletwa Town", "Maungdaw Township", "Tonj North County": a known name and its unit's title.
            add(span[:-1], f"spacy:ner:{ent.label_}:unit-title", ent.label_ in STRONG_LABELS, cued=True)
            continue
        if ent.label_ in STRONG_LABELS:
            if (len(span) > 1 and span[-1].lower_ not in FEATURE_HEADS and span[0].lower_ not in DIRECTION_WORDS
                    and not gazetteer.lookup(span.text)):
                # "St. Louis Police", "Torkula village": the place inside the span.
                sub = _best_subspan(doc, span.start, span.end, gazetteer, important_only=ent.label_ == "FAC")
                if sub is not None:
                    add(sub, f"spacy:ner:{ent.label_}:part", True)
                    continue
            add(span, f"spacy:ner:{ent.label_}", True)
        elif ent.label_ in WEAK_LABELS:
            weak.append((span, ent.label_))
    # Demonyms the NER missed or folded into a longer span ("Syrian Army", "Iraqi forces").
    from spacy.symbols import PROPN

    strings = doc.vocab.strings
    words = [strings[o] for o in doc.to_array("ORTH").tolist()]
    propn = ((doc.to_array("POS") == PROPN).tolist() if doc.has_annotation("POS") else [False] * len(words))
    for i, word in enumerate(words):
        if i in taken or not word[:1].isupper():
            continue
        if norm(word) not in dem and (i + 1 >= len(words) or norm(f"{word} {words[i + 1]}") not in dem):
            continue
        tok = doc[i]
        pair = doc[tok.i:tok.i + 2]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in FEATURE_HEADS:
            continue  # "Indian Ocean", "Korean Peninsula": a feature's name, not a demonym
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.text[:1].isupper() and not tok.is_sent_start and prev.pos_ in ("PROPN", "ADJ"):
            continue  # "Central American", "Latin American": a compound this lexicon does not know
        if len(pair) == 2 and norm(pair.text) in dem:
            add(pair, "demonym:lexicon", False, dem[norm(pair.text)])
        elif norm(tok.text) in dem:
            add(doc[tok.i:tok.i + 1], "demonym:lexicon", False, dem[norm(tok.text)])
    for span, label in weak:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        every = gazetteer.lookup(span.text)
        entries = [e for e in every if _named(e)]
        if entries and not _generic(span) and (
                any(e.feature_code in IMPORTANT_CODES for e in entries) or _has_cue(span, doc, placed)):
            add(span, f"spacy:ner:{label}+gazetteer", False)
            continue
        if every and not _generic(span) and _strong_cue(span, doc):
            add(span, f"spacy:ner:{label}+gazetteer:transliterated", False, cued=True)
            continue
        if len(span) > 1 and span[-1].lower_ in SITE_HEADS:
            # "Talila Natural Reserve", "Shayrat Airbase": a site named after its place.
            k = span.end - 1
            while k > span.start and (doc[k].lower_ in SITE_HEADS or doc[k].lower_ in SITE_MODIFIERS):
                k -= 1
            core = doc[span.start:k + 1]
            if not _generic(core) and (gazetteer.lookup(core.text) or span[-1].lower_ in NAMED_SITE_HEADS):
                add(span, f"spacy:ner:{label}+site", False, query=core.text, cued=True)
                continue
        if label == "ORG":
            sub = _best_subspan(doc, span.start, span.end, gazetteer, important_only=True)
            if sub is not None:
                add(sub, "gazetteer:inside-org", False)
    for parts in _admin_lists(doc):
        # "Gaduud village (Diinsoor, Bay)": ACLED-style "(district, province)" right after a place or
        # a place noun; when one part is a known place as written, every part names a place.
        before = parts[0].start - 2
        if before < 0 or not (before in placed or doc[before].lower_ in PLACE_NOUNS or doc[before].lower_ in CUE_AFTER
                              or doc[before].lower_ in AREA_NOUNS or (doc[before].is_alpha and doc[before].text[:1].isupper())):
            continue
        known = [any(e.kind < 2 for e in gazetteer.lookup(p.text)) for p in parts]
        if any(known):
            for p, k in zip(parts, known, strict=True):
                if not _generic(p) and not is_article(p.text):
                    add(p, "cue:admin-list" if not k else "gazetteer:admin-list", False, cued=True)
    _add_cued_unknowns(doc, [sp for sp, _ in weak], _runs(words, propn), add, taken)
    for i, j in _datelines(words):
        span = doc[i:j]
        if any(e.kind < 2 for e in gazetteer.lookup(span.text.title())):
            add(span, "dateline", False, query=span.text.title())
    for i, j in _runs(words, propn):
        if any(t in taken for t in range(i, j)):
            continue
        span = doc[i:j]
        if _generic(span) or (j + 1 < len(doc) and words[j] in {"of", "'s", "’s"} and words[j + 1][:1].isupper()):
            continue  # "University of ...", "Eva's Village": part of a longer name
        entries = [e for e in gazetteer.lookup(span.text) if _named(e)]
        if entries and (_has_cue(span, doc, placed) or any(e.feature_code in IMPORTANT_CODES for e in entries)):
            add(span, "gazetteer:phrase", False)
    return [found[k] for k in sorted(found)]
