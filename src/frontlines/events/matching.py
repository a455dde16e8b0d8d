"""Lexicon matching: where a sentence's words match the patterns of a compiled trigger lexicon.

:func:`match` runs a compiled lexicon's spaCy ``Matcher`` (patterns on lemmas, see
:mod:`.ontology`) over a sentence and keeps the hits that are triggers (not negated, not inside a
name or a date, a verb where the phrase needs one: the named rules of :data:`HIT_RULES`, word
lists in ``data/events/matching.yaml``); :func:`words_of` lists the sentence's folded
words, against which :func:`cue_ok` checks an entry's with/also/without cues.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..deptree import NOMINALS, up_through
from ..fold import fold
from .ontology import Entry, Lexicon, Pattern


@dataclass(frozen=True)
class Hit:
    """One lexicon pattern found in a sentence; ``rejected_by`` names the rule that says it is no trigger."""

    entry: Entry
    first: int  # token indexes in the doc, inclusive
    last: int
    at: int  # word positions (in the sentence's word list) of the match, inclusive
    to: int
    verb: bool = False  # the pattern is a verb phrase
    words: int = 1  # words in the pattern's phrase
    rejected_by: str | None = None


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


def set_phrase_words(words: list[tuple[str, int]]) -> set[int]:
    """Positions (in ``words``) of the words that stand in a phrase of ``matching.yaml#set_phrases`` ("a shell
    company"): such a phrase names something else than its words, which are no trigger and no cue word."""
    out: set[int] = set()
    by_first = _set_phrases_by_first_word()
    for n, (word, _) in enumerate(words):
        for parts in by_first.get(word, ()):
            if tuple(w for w, _ in words[n:n + len(parts)]) == parts:
                out.update(range(n, n + len(parts)))
    return out


@cache
def _set_phrases_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of ``matching.yaml#set_phrases``, split into words, by their first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(load_matching()["set_phrases"]):
        parts = tuple(phrase.split())
        found.setdefault(parts[0], []).append(parts)
    return {first: tuple(phrases) for first, phrases in found.items()}


def cue_words_of(words: list[tuple[str, int]], doc: Any) -> list[tuple[str, int]]:
    """The words that may be cue words: none inside a date ("On 8 March" names no march) or a set phrase
    (:func:`set_phrase_words`: "a shell company" names no shell)."""
    dates = load_matching()["date_entities"]
    phrased = set_phrase_words(words)
    return [(w, i) for n, (w, i) in enumerate(words) if doc[i].ent_type_ not in dates and n not in phrased]


def padded_text(words: list[tuple[str, int]]) -> str:
    """The words joined by single spaces, with a space at each end (how cues are looked up)."""
    return " " + " ".join(w for w, _ in words) + " "


#: Sub-event types with no dead of their own: a sentence that names a death toll tells none of them.
NO_TOLL_TYPES = ("Peaceful protest",)


def toll_named(sent: Any) -> bool:
    """The sentence names a death toll (``matching.yaml#toll_words``: "the death toll from Tuesday's strike")."""
    padded = padded_text(words_of(sent))
    return any(f" {w} " in padded for w in load_matching()["toll_words"])


@cache
def load_matching() -> dict[str, frozenset[str]]:
    """The word lists of ``data/events/matching.yaml`` (cached)."""
    text = resources.files("frontlines").joinpath("data/events/matching.yaml").read_text("utf-8")
    return {k: frozenset(str(v) for v in vals) for k, vals in yamlfile.load(text).items()}


@dataclass(frozen=True)
class HitRule:
    """A named rule that rejects a lexicon match as a trigger (``applies(hit, sent, words) -> bool``)."""

    name: str
    applies: Callable[[Hit, Any, list[tuple[str, int]]], bool]


def _negated(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """One of the two words before the trigger negates it ("without a fight", "no clashes")."""
    return any(w in load_matching()["negators"] for w, _ in words[max(0, hit.at - 2):hit.at])


def _none_reported(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """The trigger is what "no reports of", "no sign of" say there was none of ("calm, with no reports of fighting
    overnight"): "no", a noun of ``report_nouns``, "of" right before it."""
    before = [w for w, _ in words[max(0, hit.at - 3):hit.at]]
    return len(before) == 3 and before[0] == "no" and before[1] in load_matching()["report_nouns"] and before[2] == "of"


def _in_name_or_date(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """The trigger stands in a name or a date ("Popular Mobilization Forces", "March 15"); a name entity
    with no capitalised word ("recent mortar" tagged a person) is the tagger's error, no name."""
    lists = load_matching()
    tok = sent.doc[hit.first]
    if tok.ent_type_ in lists["date_entities"]:
        return True
    if tok.ent_type_ == "EVENT" and tok.lemma_.lower() in lists["named_incident_nouns"] and year_of(tok) is not None:
        return False  # "the 1942 Battle of the Coral Sea": the name of one incident, named by its year
    return tok.ent_type_ in lists["name_entities"] and _capitalised_entity(tok)


def year_of(tok: Any) -> Any | None:
    """The year, four digits and not after this one, that modifies a noun before it ("the 1999 raid",
    "the 1942 Battle of ..."), or ``None``."""
    this_year = dt.date.today().year
    return next((c for c in tok.children if c.i < tok.i and c.dep_ in ("nummod", "compound", "amod", "npadvmod")
                 and c.text.isdigit() and len(c.text) == 4 and 1000 <= int(c.text) <= this_year), None)


def _capitalised_entity(tok: Any) -> bool:
    """Some word of the entity the token is in starts with a capital letter."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is None or any(t.text[:1].isupper() for t in ent)


def _in_set_phrase(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """The trigger stands in a phrase of ``matching.yaml#set_phrases`` ("a shell company"), which names something
    else."""
    phrased = set_phrase_words(words)
    return any(n in phrased for n in range(hit.at, hit.to + 1))


def _not_a_verb(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A one-word verb phrase whose word is not tagged as a verb, or is an adjective before a noun
    ("liberated areas" reports nothing new); a verb phrase whose first word is a noun with a
    determiner under a preposition ("responded to a call for a break-in"; "carried out a swap of
    prisoners" is one); a verb phrase whose first word is a noun that is a clause's subject ("tears
    streamed down her cheeks" tears nothing down); a participle of a verb of state that describes a noun
    ("the city, controlled by the rebels": held, not taken); "shot dead" is a verb whatever the tagger says."""
    tok = sent.doc[hit.first]
    if hit.verb and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and any(c.dep_ == "det" for c in tok.children):
        return True
    if hit.verb and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if hit.verb and hit.words == 1 and tok.dep_ == "acl" and tok.tag_ == "VBN" and \
            tok.lemma_.lower() in load_matching()["state_verbs"]:
        return True
    return hit.verb and hit.words == 1 and (tok.pos_ not in load_matching()["verb_pos"] or tok.dep_ == "amod")


def _not_a_noun(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A noun phrase whose last word is a noun of ``noun_words`` in a verb's past form (VBD, VBN) or base form (VB):
    the lemma is the verb's ("rebels bombed a station" names no bomb, "mined the road" no mine, "sent troops to
    battle the orcs" no battle; the verb has its own entries). A gerund stays ("a suicide bombing" the tagger
    reads as a verb is the noun), and so do the present forms (VBP, VBZ), which the tagger gives plural nouns. So
    is such a noun right after "to" that modifies the noun after it ("to battle ISIS" read as a noun compound; "fled
    to bomb shelters" names no bomb either)."""
    tok = sent.doc[hit.last]
    if hit.verb or tok.lemma_.lower() not in load_matching()["noun_words"]:
        return False
    after_to = tok.dep_ == "compound" and tok.head.i > tok.i and tok.i > 0 and sent.doc[tok.i - 1].lower_ == "to"
    return after_to or tok.tag_ in ("VBD", "VBN", "VB")


def _modifies_a_noun(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A trigger noun that only modifies another noun ("artillery units", "protest leaders")."""
    last = sent.doc[hit.last]
    return not hit.verb and last.dep_ == "compound" and last.head.lower_ in load_matching()["modifier_heads"]


def _prevented(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A verb trigger that something kept from happening ("prevented a patrol from entering the
    town", "stopped them from looting"): the object of "from" after a verb of ``preventing_verbs``."""
    tok = sent.doc[hit.first]
    prep = tok.head
    return hit.verb and tok.dep_ == "pcomp" and prep.lower_ == "from" and \
        prep.head.lemma_.lower() in load_matching()["preventing_verbs"]


def _moved(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A trigger noun that is the object (or the passive subject) of a verb of ``moving_verbs``,
    itself, as a conjunct or a modifier ("deployed tanks and artillery along the river", "howitzers were sent to
    the border"): a weapon moved, not used; not where the verb says against whom ("deployed
    gunships against the rebels")."""
    if hit.verb:
        return False
    tok = sent.doc[hit.last]
    tok = up_through(tok, ("conj", "nmod", "compound"), head_pos=NOMINALS)
    verb = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and \
        verb.lemma_.lower() in load_matching()["moving_verbs"] and \
        not any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children)


def _gerund_subject(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A trigger noun read as a gerund that is the clausal subject of "be" ("beheading children is barbaric",
    "child beheading terrorist scum are now the heroes"): the act named as a kind, or as what describes someone,
    reports no occurrence."""
    tok = sent.doc[hit.last]
    return not hit.verb and tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass") and tok.head.lemma_ == "be"


def _document_acted_on(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A verb trigger of sending, releasing or stealing whose object is a document, a message or data ("a watchdog
    released a file", "the bank sent a memo to its staff", "the data hackers stole", "a memo was sent", "a copy of
    the report"; a document noun in the object's "of" phrase counts): what was released, sent or taken is no
    person, force or property of a conflict; ``document_verbs``, ``document_nouns`` (word forms and lemmas).
    Documents seized in a raid are the scope rule ``evidence-seized``'s (their trigger stays a candidate)."""
    if not hit.verb:
        return False
    verb = sent.doc[hit.first]
    if verb.lemma_.lower() not in load_matching()["document_verbs"]:
        return False
    nouns = load_matching()["document_nouns"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl") and not objects and verb.head.pos_ in ("NOUN", "PROPN"):
        objects = [verb.head]  # "the data hackers stole": the noun the clause describes is what was taken
    return bool(objects) and all(_document(o, nouns) or any(
        _document(p, nouns) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj") for o in objects)


def _document(tok: Any, nouns: frozenset[str]) -> bool:
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


def _left_a_meeting(hit: Hit, sent: Any, words: list[tuple[str, int]]) -> bool:
    """A walkout from a room, not from work ("walked out of the talks", "stormed out of the meeting"):
    a verb trigger of ``walkout_verbs`` followed by "of" and, within three words, one of ``meeting_nouns``."""
    if not hit.verb or sent.doc[hit.first].lemma_.lower() not in load_matching()["walkout_verbs"]:
        return False
    after = [w for w, _ in words[hit.to + 1:hit.to + 5]]
    return bool(after) and after[0] == "of" and any(w in load_matching()["meeting_nouns"] for w in after[1:])


#: The rules, in the order they are tried; the first that applies rejects the match.
HIT_RULES: tuple[HitRule, ...] = (
    HitRule("negated", _negated),
    HitRule("none-reported", _none_reported),
    HitRule("prevented", _prevented),
    HitRule("in-name-or-date", _in_name_or_date),
    HitRule("in-set-phrase", _in_set_phrase),
    HitRule("not-a-verb", _not_a_verb),
    HitRule("not-a-noun", _not_a_noun),
    HitRule("modifies-a-noun", _modifies_a_noun),
    HitRule("moved", _moved),
    HitRule("left-a-meeting", _left_a_meeting),
    HitRule("gerund-subject", _gerund_subject),
    HitRule("document-acted-on", _document_acted_on),
)


def pattern_spans(sent: Any, lexicon: Lexicon) -> list[tuple[Pattern, int, int]]:
    """(pattern, first, last token index in the doc) of each match, the shortest per pattern and start."""
    shortest: dict[tuple[str, int], int] = {}
    for key, start, end in lexicon.matches(sent):
        k = (key, start)
        if k not in shortest or end < shortest[k]:
            shortest[k] = end
    base = sent.start
    return sorted(((lexicon.patterns[k], base + start, base + end - 1) for (k, start), end in shortest.items()),
                  key=lambda x: (x[1], x[2], x[0].key))


def match(sent: Any, words: list[tuple[str, int]], lexicon: Lexicon,
          spans: list[tuple[Pattern, int, int]] | None = None) -> list[Hit]:
    """Every lexicon pattern found in a sentence, each with the first of :data:`HIT_RULES` that
    rejects it as a trigger (``rejected_by``), if any.

    ``words`` is :func:`words_of` the sentence (for the negation look-back and cue windows);
    ``spans``: :func:`pattern_spans` of the sentence, when the caller has them.
    """
    if spans is None:
        spans = pattern_spans(sent, lexicon)
    first_word: dict[int, int] = {}
    last_word: dict[int, int] = {}
    for n, (_, ti) in enumerate(words):
        first_word.setdefault(ti, n)
        last_word[ti] = n
    hits: list[Hit] = []
    seen: set[tuple[str, bool, int, int]] = set()
    for pat, first, last in spans:
        if (pat.entry.id, pat.verb, first, last) in seen:  # the lemma and the as-written form of one phrase
            continue
        seen.add((pat.entry.id, pat.verb, first, last))
        at = first_word.get(first, 0)
        hit = Hit(pat.entry, first, last, at, last_word.get(last, at), pat.verb, pat.words)
        rule = next((r.name for r in HIT_RULES if r.applies(hit, sent, words)), None)
        hits.append(replace(hit, rejected_by=rule) if rule else hit)
    return hits


def cue_ok(entry: Entry, padded: str) -> bool:
    """The entry's with/also/without cues against the text (cues match word beginnings)."""
    if entry.with_ and not any(f" {c}" in padded for c in entry.with_):
        return False
    if entry.also and not any(f" {c}" in padded for c in entry.also):
        return False
    return not excluded(entry, padded)


def excluded(entry: Entry, padded: str) -> bool:
    """One of the entry's ``without`` cues is in the text: the words say the trigger reports no such event."""
    return any(f" {c}" in padded for c in entry.without)
