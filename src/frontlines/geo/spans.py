"""What a span of a parsed text is, for toponym recognition (:mod:`.recognize`): the word lists it is read
against, the cues that call it a place, and how it is trimmed, grown or split."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..deptree import run_left, run_right
from .gazetteer import Gazetteer, is_exact
from .names import norm
from .resolve import important
from .words import word_list, words

#: How many words a name spaCy tags in part may grow by on each side.
MAX_EXTEND = 3


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


def generic_words() -> frozenset[str]:
    """Words that name some small place but in running text mean something else."""
    return word_list("generic_words.txt")


def not_places() -> frozenset[str]:
    """Names that, written alone, are never a place: peoples, weapons, organisations (``data/geo/not_places.txt``)."""
    return word_list("not_places.txt")


def organisation_words() -> frozenset[str]:
    """First words of organisations' names built on a place name ("Faylaq al-Sham")."""
    return word_list("organisation_words.txt")


def is_organisation(span: Any) -> bool:
    """ "Faylaq al-Sham", "Jabhat Fateh al-Sham", "Al Sham Division": a group's name, with no place mention
    inside it."""
    return len(span) > 1 and (norm(span[0].text) in organisation_words() or span[-1].lower_ in words("organisation_heads"))


def is_generic(span: Any) -> bool:
    """Only words that name some hamlet but rarely mean it, and punctuation ("Dar'a" is a word)."""
    return all(norm(t.text) in generic_words() or not any(c.isalpha() for c in t.text) for t in span)


def is_known(gazetteer: Gazetteer, text: str) -> bool:
    """The gazetteer has a place of this name as written (not only a transliteration look-alike)."""
    return any(is_exact(e) for e in gazetteer.exact(text))


def named_entry(entry: Any) -> bool:
    """Matched as written; a code ("US", "BC", "EU") only for a country, province or region."""
    return entry.kind < 2 or (entry.kind == 4 and entry.feature_code in ("PCLI", "ADM1", "RGN"))


def trim(span: Any) -> Any:
    """Drop a leading determiner/title and a trailing possessive from a span, and what follows a bracket inside it
    ("Bree (Archet" tagged as one name is Bree, the bracket opening the place it lies in)."""
    cut = next((t.i for t in span if t.text in {"(", ")"}), None)
    if cut is not None and cut > span.start:
        span = span.doc[span.start:cut]
    while len(span) and (span[0].lower_ in words("stop_words") or (span[0].is_lower and span[0].lower_ in words("direction_words"))
                         or span[0].is_punct):
        span = span[1:]
    while len(span) and (span[-1].text in {"'s", "’s", "'", "’"} or span[-1].is_punct):
        span = span[:-1]
    return span


def strong_cue(span: Any, doc: Any) -> bool:
    """ "the town of X", "the road to X", "X border crossing": the text says X is a place."""
    i, j = span.start, span.end
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in words("cue_noun_of"):
        return True
    if i >= 2 and doc[i - 1].lower_ in ("to", "from") and doc[i - 2].lower_ in words("road_words"):
        return True  # "the road to X", "the highway from X"
    return j < len(doc) and doc[j].lower_ in words("cue_after")


def has_cue(span: Any, doc: Any, placed: set[int]) -> bool:
    """A locative cue, a place noun after it, or coordination with a known place."""
    i, j = span.start, span.end
    # "in central Thessaloniki": the cue comes before the direction word
    i = run_left(doc, i, lambda t: t.is_lower and t.lower_ in words("direction_words"), start=1)
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_ == "the" and i > 1:
        prev2 = doc[i - 2]
        if prev2.lower_ in words("cue_before"):
            return True
    if prev is not None:
        if prev.lower_ in words("cue_before"):
            if prev.lower_ != "of":
                return True
            k = i - 2
            if k >= 0 and doc[k].lower_ in words("cue_noun_of"):
                return True
        if prev.lower_ in {"and", ",", "or"} and (i - 2) in placed:
            return True
    if j < len(doc) and doc[j].lower_ in words("cue_after"):
        return True
    if _before_admin_list(span, doc, placed):
        return True
    return j < len(doc) and doc[j].text in {",", "and"} and (j + 1) in placed


_DATELINE_END = frozenset({",", "(", "—", "–", "-", "--", ":"})


def dateline_spans(words: list[str], glued: list[bool] | None = None) -> list[tuple[int, int]]:
    """Capitalised place names opening a paragraph before a comma or dash: "SAN DIEGO —", "DEIR EZ-ZOR,".

    ``glued[k]``: token k has no space after it; a hyphen glued to capitalised words on both sides
    is inside the name ("EZ-ZOR"), not the dash that ends the dateline.
    """
    out = []
    for i, word in enumerate(words):
        if not (word.isupper() and word.isalpha() and len(word) > 1):
            continue
        if i > 0 and "\n" not in words[i - 1]:
            continue
        j, n_words = i + 1, 1
        while j < len(words) and n_words < 4:
            n_words += 1
            if words[j].isupper() and words[j].replace(".", "").isalpha():
                j += 1
            elif (glued is not None and words[j] == "-" and glued[j - 1] and glued[j] and j + 1 < len(words)
                  and words[j + 1].isupper() and words[j + 1].isalpha()):
                j += 2
            else:
                break
        if j < len(words) and words[j] in _DATELINE_END:
            out.append((i, j))
    return out


def name_runs(words: list[str], propn: list[bool]) -> list[tuple[int, int]]:
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


def best_subspan(doc: Any, i: int, j: int, gazetteer: Gazetteer, *, important_only: bool) -> Any:
    """The longest sub-span of tokens [i, j) that names a gazetteer place (exact key), or None.

    One word out of a longer name ("Vista" of "Boa Vista") is taken only when it names a
    country, province or large city: a fragment is otherwise too often some other place.
    """
    for size in range(min(j - i, 5), 0, -1):
        for k in range(i, j - size + 1):
            span = doc[k:k + size]
            if not span[0].text[:1].isupper() or span[-1].is_punct:
                continue  # "Colon (" of "Colon (Colon)" is the name "Colon"
            entries = gazetteer.exact(span.text)
            exact = [e for e in entries if named_entry(e)]
            if not exact:
                continue
            after_of = k > 0 and doc[k - 1].lower_ == "of"
            if (important_only or size == 1) and not any(well_known_by(e, after_of) for e in exact):
                continue
            if is_generic(span):
                continue
            return span
    return None


#: Areas whose other names (alternate names) news use as their names ("Kashmir", "Calif.", "Donbass").
AREAS_BY_OTHER_NAMES = frozenset({"PCLI", "ADM1", "CONT", "RGN"})


def well_known_by(entry: Any, after_of: bool = False) -> bool:
    """A country, province or large city known by the name matched: a town's alternate names (a former,
    foreign or local one) are often words of other names ("Khalil" of "Khalil Mutran square" is an
    alternate name of Hebron; "Save" of "Save Badah Movement", of Saveh), so a town counts by its own name,
    unless the name follows "of" ("the Mayor of Tyr", "the collectives of Heraklion": the town's English name)."""
    if entry.kind == 1 and entry.feature_code not in AREAS_BY_OTHER_NAMES and not after_of:
        return False
    return important(entry)


def name_word(tok: Any) -> bool:
    """A word a place name may hold: capitalised, a name connector ("do", "al") or an inner hyphen."""
    return (tok.is_alpha and tok.text[:1].isupper()) or tok.lower_ in words("name_connectors") or _inner_hyphen(tok)


def _inner_hyphen(tok: Any) -> bool:
    """A hyphen inside a word ("Ivano-Frankivsk", "Issele-Azagba"), not one between words."""
    return tok.text in ("-", "‐") and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _joins_name(tok: Any) -> bool:
    """A word a longer name may run across: a name word, or "and" ("Trinidad and Tobago", whose parts spaCy
    tags apart; the whole must still be a name the gazetteer knows as written)."""
    return name_word(tok) or tok.text == "and"


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
    while lo > sent_start and span.start - lo < MAX_EXTEND and (lo - 1) not in taken and _joins_name(doc[lo - 1]):
        lo -= 1
    hi = span.end
    while hi < len(doc) and hi - span.end < MAX_EXTEND and hi not in taken and _joins_name(doc[hi]):
        hi += 1
    if lo == span.start and hi == span.end:
        return span
    options = [(a, b) for a in range(lo, span.start + 1) for b in range(span.end, hi + 1)
               if (a, b) != (span.start, span.end) and doc[a].text[:1].isupper() and doc[b - 1].text[:1].isupper()]
    for a, b in sorted(options, key=lambda ab: ab[0] - ab[1]):
        longer = doc[a:b]
        if is_generic(longer):
            continue
        if any(named_entry(e) for e in gazetteer.exact(longer.text)):
            return longer
        if any(_inner_hyphen(t) for t in longer if not span.start <= t.i < span.end) \
                and gazetteer.transliterated(longer.text):
            return longer  # an ezafe name, spelt its own way: "Nawa-e Barakzayi" (Nawa-I- Barak Zayi)
    return span


def _admin_list_at(doc: Any, i: int) -> tuple[list[Any] | None, int]:
    """The comma-separated parts of a parenthesised place list opening at token ``i`` ("(Razih, Sadah)"), or
    None; and the token after which to look for the next one."""
    j = run_right(doc, i + 1, lambda t: t.text not in {")", "("} and not t.is_sent_start, end=i + 14)
    if j >= len(doc) or doc[j].text != ")":
        return None, j
    parts, start = [], i + 1
    for k in range(i + 1, j + 1):
        if doc[k].text in {",", ")"}:
            end = k - 1 if k - 1 > start and doc[k - 1].lower_ in words("place_nouns") and doc[k - 1].is_lower else k
            parts.append(doc[start:end])  # "(Poonch district, J&K)": the name without its noun
            start = k + 1
    if len(parts) >= 2 and all(len(p) and all(name_word(t) or t.text in {"-", "'", "’"} for t in p)
                               and p[0].text[:1].isupper() and not p.text.isupper() for p in parts):
        return parts, j + 1
    return None, j + 1


def admin_lists(doc: Any) -> list[list[Any]]:
    """The comma-separated parts of parenthesised place lists: "(Razih, Sadah)", "(Afgooye,Lower Shabelle)"."""
    from spacy.attrs import ORTH

    out = []
    i = 0
    # the tokens whose word's hash is that of "(" (one array a doc, not a Token for each word)
    for k in (np.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings["("]).tolist() if len(doc) else []):
        if k < i or doc[k].text != "(":
            continue
        parts, i = _admin_list_at(doc, k)
        if parts is not None:
            out.append(parts)
    return out


def _before_admin_list(span: Any, doc: Any, placed: set[int]) -> bool:
    """ "Bree (Archet, Eriador)": a name right before a "(district, province)" list that names a place already
    found lies in it, so it is a place too."""
    j = span.end
    if j >= len(doc) or doc[j].text != "(" or all(t.lower_ in words("place_nouns") for t in span):
        return False  # "Upazila (Archet, Eriador)": a unit noun alone names nothing
    parts, _ = _admin_list_at(doc, j)
    return parts is not None and any(p.end - 1 in placed for p in parts)


def glued_hyphen_after(span: Any) -> bool:
    """ "Pul-e Khumri", "Pul-e-Charkhi": the span is glued by a hyphen to a one-letter particle
    (the Persian ezafe), so it is the first word of a longer name, not a place of its own."""
    doc = span.doc
    j = span.end
    if span.text.endswith(("-e", "-i")) or (j < len(doc) and doc[j].text.lower() in {"-e", "-i"}):
        return True
    return (j + 1 < len(doc) and doc[j].text in {"-", "–"} and not span[-1].whitespace_
            and not doc[j].whitespace_ and doc[j + 1].lower_ in {"e", "i"})


def place_noun_cue(span: Any, doc: Any) -> bool:
    """ "Arimba village", "Al Waleed border crossing", "the village of Taara", "villages, including X"."""
    i, j = span.start, span.end
    if j < len(doc) and doc[j].lower_ in words("place_nouns") and not doc[j].text[:1].isupper():
        return True
    if j + 1 < len(doc) and doc[j].lower_ == "border" and doc[j + 1].lower_ == "crossing":
        return True
    if i >= 2 and doc[i - 1].lower_ in words("list_openers"):
        return any(doc[k].lower_ in words("place_nouns") for k in range(max(0, i - 4), i - 1))
    return False
