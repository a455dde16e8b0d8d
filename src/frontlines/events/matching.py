"""Lexicon matching: where a sentence's words match the patterns of a compiled trigger lexicon.

:func:`match` runs a compiled lexicon's spaCy ``Matcher`` (patterns on lemmas, see
:mod:`.ontology`) over a sentence and keeps the hits that are triggers (not negated, not inside a
name or a date, a verb where the phrase needs one); :func:`words_of` lists the sentence's folded
words, against which :func:`cue_ok` checks an entry's with/also/without cues.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..fold import fold
from .ontology import Entry, Lexicon, Pattern


@dataclass(frozen=True)
class Hit:
    """One lexicon pattern found in a sentence."""

    entry: Entry
    first: int  # token indexes in the doc, inclusive
    last: int
    at: int  # word positions (in the sentence's word list) of the match, inclusive
    to: int


def head_of(span: Any) -> Any:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[-1]


def words_of(sent: Any) -> list[tuple[str, int]]:
    """The sentence's words, folded (:func:`frontlines.fold.fold`), with their token index; a
    hyphenated token gives its parts ("air-strike" → air, strike)."""
    out: list[tuple[str, int]] = []
    for tok in sent:
        if tok.is_space:
            continue
        for part in fold(tok.text).split():
            out.append((part, tok.i))
    return out


def padded_text(words: list[tuple[str, int]]) -> str:
    """The words joined by single spaces, with a space at each end (how cues are looked up)."""
    return " " + " ".join(w for w, _ in words) + " "


_VERB_POS = {"VERB", "AUX", "ADJ"}
_NAME_ENTS = {"ORG", "PERSON", "NORP", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
#: Head nouns that make a trigger noun a mere modifier: "artillery units", "protest leaders".
_NOT_EVENT_HEADS = {"unit", "units", "battalion", "brigade", "regiment", "division", "factory", "factories",
                    "leader", "leaders", "organiser", "organisers", "organizer", "organizers", "committee",
                    "movement", "group", "groups", "company", "commander", "commanders", "crew", "crews", "system",
                    "systems", "expert", "experts", "team", "teams", "official", "officials", "programme",
                    "program", "school", "academy", "museum", "law", "laws", "ban", "policy", "season"}


def _modifies_other(last: Any) -> bool:
    """True when a matched noun only modifies another noun ("artillery units")."""
    return last.dep_ == "compound" and last.head.lower_ in _NOT_EVENT_HEADS


_NEGATORS = {"without", "no", "not", "never", "nor", "nt", "denied", "deny", "denies", "avoid", "avoided"}
#: Entities a trigger cannot stand in: names ("Popular Mobilization Forces") and dates ("March 15").
_SKIP_ENTS = _NAME_ENTS | {"DATE", "TIME"}


def _spans(sent: Any, lexicon: Lexicon) -> list[tuple[Pattern, int, int]]:
    """(pattern, first, last token index in the doc) of each match, the shortest per pattern and start."""
    shortest: dict[tuple[str, int], int] = {}
    strings = sent.doc.vocab.strings
    for key, start, end in lexicon.matcher(sent.doc.vocab)(sent):
        k = (strings[key], start)
        if k not in shortest or end < shortest[k]:
            shortest[k] = end
    base = sent.start
    return sorted(((lexicon.patterns[k], base + start, base + end - 1) for (k, start), end in shortest.items()),
                  key=lambda x: (x[1], x[2], x[0].key))


def match(sent: Any, words: list[tuple[str, int]], lexicon: Lexicon) -> list[Hit]:
    """Every lexicon pattern found in a sentence (negated, name-internal and date triggers skipped).

    ``words`` is :func:`words_of` the sentence (for the negation look-back and cue windows).
    """
    doc = sent.doc
    first_word: dict[int, int] = {}
    last_word: dict[int, int] = {}
    for n, (_, ti) in enumerate(words):
        first_word.setdefault(ti, n)
        last_word[ti] = n
    hits: list[Hit] = []
    for pat, first, last in _spans(sent, lexicon):
        tok = doc[first]
        at = first_word.get(first, 0)
        if any(w in _NEGATORS for w, _ in words[max(0, at - 2):at]) or tok.ent_type_ in _SKIP_ENTS:
            continue
        is_verb = tok.pos_ in _VERB_POS and tok.dep_ != "amod"  # "liberated areas" reports nothing new
        if pat.verb and not is_verb and pat.words == 1:  # "shot dead" is a verb whatever the tagger says
            continue
        if not pat.verb and _modifies_other(doc[last]):
            continue
        hits.append(Hit(pat.entry, first, last, at, last_word.get(last, at)))
    return hits


def cue_ok(entry: Entry, padded: str) -> bool:
    """The entry's with/also/without cues against the text (cues match word beginnings)."""
    if entry.with_ and not any(f" {c}" in padded for c in entry.with_):
        return False
    if entry.also and not any(f" {c}" in padded for c in entry.also):
        return False
    return not any(f" {c}" in padded for c in entry.without)
