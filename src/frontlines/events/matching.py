"""Lexicon matching: where a sentence's words match the patterns of a compiled trigger lexicon.

:func:`words_of` lists a sentence's words with their token indexes, :func:`match` finds every
lexicon pattern in them (negated and name-internal triggers skipped) and :func:`cue_ok` checks
an entry's with/also/without cues against the text around a hit. The lexicons are compiled in
:mod:`.ontology`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .ontology import Entry, Lexicon


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


def words_of(sent: Any, lexicon: Lexicon) -> list[tuple[str, int]]:
    """The sentence's words in lower case with their token index; hyphenated words split
    ("air-strike" → air, strike) unless the joined form is a trigger ("re-captured")."""
    out: list[tuple[str, int]] = []
    index = lexicon.index
    for tok in sent:
        if tok.is_punct and tok.text in {"-", "–", "—"} or tok.is_space:
            continue
        low = tok.lower_.replace("\u2019", "'")
        joined = low.replace("-", "")
        if "-" in low and joined in index:  # "re-captured" → "recaptured"
            out.append((joined, tok.i))
            continue
        for part in low.split("-"):
            if part:
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


_NEGATORS = {"without", "no", "not", "never", "nor", "n't", "denied", "deny", "denies", "avoid", "avoided"}


def match(words: list[tuple[str, int]], lexicon: Lexicon, doc: Any) -> list[Hit]:
    """Every lexicon pattern found in the words (negated and name-internal triggers skipped)."""
    hits: list[Hit] = []
    n = len(words)
    for i, (w, ti) in enumerate(words):
        pats = lexicon.index.get(w, ())
        if not pats or any(words[k][0] in _NEGATORS for k in range(max(0, i - 2), i)):
            continue
        tok = doc[ti]
        if tok.ent_type_ in _NAME_ENTS:  # "Popular Mobilization Forces" names a group, not an event
            continue
        is_verb = tok.pos_ in _VERB_POS and tok.dep_ != "amod"  # "liberated areas" reports nothing new
        for pat in pats:
            if pat.verb and not is_verb and len(pat.slots) == 1:  # "shot dead" is a verb whatever the tagger says
                continue
            j, ok = i, True
            for slot in pat.slots[1:]:
                for k in range(j + 1, min(n, j + 2 + pat.gap)):
                    if words[k][0] in slot:
                        j = k
                        break
                else:
                    ok = False
                    break
            if ok and not (not pat.verb and _modifies_other(doc[words[j][1]])):
                hits.append(Hit(pat.entry, words[i][1], words[j][1], i, j))
    return hits


def cue_ok(entry: Entry, padded: str) -> bool:
    """The entry's with/also/without cues against the text (cues match word beginnings)."""
    if entry.with_ and not any(f" {c}" in padded for c in entry.with_):
        return False
    if entry.also and not any(f" {c}" in padded for c in entry.also):
        return False
    return not any(f" {c}" in padded for c in entry.without)
