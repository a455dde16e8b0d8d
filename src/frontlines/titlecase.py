"""Headlines in Title Case, parsed again from a sentence-cased copy.

The small English model reads "Gunmen Kill Five At Arnor Market" as one long proper name: the verb
becomes a PROPN and no trigger is found. :func:`recase_headlines` finds such sentences in a parsed doc
(:meth:`TitleCase.is_title_case`), puts each capitalised common word that is no known name in lower
case (:meth:`TitleCase.recased`: same length, so every offset holds), runs the pipeline on that copy
(the copies of a batch of docs in one ``nlp.pipe``) and writes its tags, lemmas, parse and entities
over the sentence's tokens. The text stays as written; the spans re-parsed are kept in
``doc.user_data[RECASED]`` for the events' evidence (rule :data:`RULE`). Settings and word lists:
``data/nlp/titlecase.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from . import yamlfile

#: ``doc.user_data`` key: the (start, end) character spans of the sentences parsed sentence-cased.
RECASED = "frontlines:recased"
#: The rule named in an event's evidence when its sentence was parsed sentence-cased.
RULE = "headline:sentence-cased"
#: Words looked at together for a known name ("Minas Tirith", "Free Arnor Army").
MAX_NAME_WORDS = 3


@dataclass(frozen=True)
class TitleCase:
    """When a sentence is in Title Case and which of its words are read in lower case."""

    min_words: int
    min_share: float
    min_recased: int
    small_words: frozenset[str]
    keep_words: frozenset[str]  # lower-case words never put in lower case (months, days)
    common: Callable[[str], bool]  # a lower-case word is a common English word
    known: Callable[[str], bool]  # a phrase (as written) is a known name
    trigger: Callable[[str], bool]  # a lower-case word may anchor an event trigger (inflected or not)

    def may_report(self, line: list[Any]) -> bool:
        """A line with a word that may anchor a trigger (a Title Case line without one reports no event)."""
        return any(t.is_alpha and self.trigger(t.lower_) for t in line)

    def is_title_case(self, sent: Any) -> bool:
        """At least ``min_words`` content words, ``min_share`` of them capitalised, not all in capitals, and
        not in quotation marks (the title of a book, song or work of art)."""
        if sent[0].is_quote:
            return False
        content = [t.text for t in sent if t.is_alpha and t.lower_ not in self.small_words]
        if len(content) < self.min_words:
            return False
        upper = sum(w[0].isupper() for w in content)
        capitals = sum(w.isupper() for w in content)
        return upper >= self.min_share * len(content) and capitals < upper / 2

    def recased(self, sent: Any, written: frozenset[str] = frozenset()) -> list[str] | None:
        """The sentence's words with each capitalised common word outside a known name in lower case;
        None when fewer than ``min_recased`` change. ``written``: words the text capitalises inside
        its ordinary sentences ("Trump" in "said Trump"), names too."""
        toks = list(sent)
        names: set[int] = {t.i for t in toks if t.text in written}
        for n in range(MAX_NAME_WORDS, 0, -1):
            for i in range(len(toks) - n + 1):
                span = toks[i:i + n]
                if any(t.i in names for t in span) or not all(t.is_alpha and t.text[0].isupper() for t in span):
                    continue
                if self.known(" ".join(t.text for t in span)):
                    names.update(t.i for t in span)
        words = []
        changed = 0
        for t in toks:
            word = t.text
            if t.is_alpha and word[0].isupper() and not word.isupper() and t.i not in names and \
                    t.lower_ not in self.keep_words and self.common(t.lower_):
                word = t.lower_
                changed += 1
            words.append(word)
        return words if changed >= self.min_recased else None


@cache
def _settings() -> dict[str, Any]:
    text = resources.files("frontlines").joinpath("data/nlp/titlecase.yaml").read_text("utf-8")
    spec: dict[str, Any] = yamlfile.load(text)
    return spec


def word_forms(nlp: Any) -> Callable[[str], frozenset[str]]:
    """A lower-case word's possible base forms by the lemmatizer's exceptions and suffix rules ("weapons"
    → weapon, "killing" → kill), the word itself included; a base form must be in its word lists."""
    tables = nlp.get_pipe("lemmatizer").lookups
    index = tables.get_table("lemma_index")
    rules = tables.get_table("lemma_rules")
    exc = tables.get_table("lemma_exc")
    exceptions: dict[str, set[str]] = {}
    for pos in exc:
        for word, lemmas in exc[pos].items():
            exceptions.setdefault(word, set()).update(lemmas)
    suffixes = [(old, new, index[pos]) for pos in rules if pos in index for old, new in rules[pos]]

    @cache
    def forms(word: str) -> frozenset[str]:
        out = {word, *exceptions.get(word, ())}
        out.update(word[:len(word) - len(old)] + new for old, new, base in suffixes
                   if len(word) > len(old) and word.endswith(old) and word[:len(word) - len(old)] + new in base)
        return frozenset(out)

    return forms


def common_words(nlp: Any, forms: Callable[[str], frozenset[str]]) -> Callable[[str], bool]:
    """Whether a lower-case word is a stop word or one of its forms is in the lemmatizer's word lists."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: frozenset[str] = frozenset(w for pos in index for w in index[pos]) | frozenset(nlp.Defaults.stop_words)
    return cache(lambda word: not words.isdisjoint(forms(word)))


def trigger_words(anchors: frozenset[str], forms: Callable[[str], frozenset[str]]) -> Callable[[str], bool]:
    """Whether a lower-case word, or one of its forms, is a word the trigger lexicon's patterns anchor on."""
    return cache(lambda word: not anchors.isdisjoint(forms(word)))


def known_names(actors: Any, gazetteer: Any, min_population: int) -> Callable[[str], bool]:
    """Whether a phrase is a country, demonym or actor alias, or a country, province or place of at least
    ``min_population`` people in the gazetteer."""
    from .actors.dictionary import norm

    keys = set(actors.alias_index) | set(actors.country_index)
    demonym_plurals = {(k[0] + "s",) for k, (_, kind) in actors.country_index.items() if kind == "demonym" and len(k) == 1}

    @cache
    def known(phrase: str) -> bool:
        key = tuple(norm(w) for w in phrase.split())
        if key in keys or key in demonym_plurals:
            return True
        return any(e.population >= min_population or e.feature_code in ("PCLI", "ADM1") for e in gazetteer.exact(phrase))

    return known


def title_case(nlp: Any, actors: Any, gazetteer: Any, lexicon: Any) -> TitleCase:
    """The :class:`TitleCase` of ``data/nlp/titlecase.yaml``, with ``nlp``'s word lists, the known names
    and the trigger lexicon's anchor words."""
    s = _settings()
    forms = word_forms(nlp)
    return TitleCase(int(s["min_words"]), float(s["min_share"]), int(s["min_recased"]),
                     frozenset(str(w) for w in s["small_words"]), frozenset(str(w) for w in s["keep_words"]),
                     common_words(nlp, forms),
                     known_names(actors, gazetteer, int(s["min_population"])),
                     trigger_words(lexicon.anchor_words(), forms))


def lines(sent: Any) -> list[list[Any]]:
    """The sentence's tokens cut at line breaks (a headline the parser joined to its lede is a line of its own)."""
    out: list[list[Any]] = [[]]
    for t in sent:
        if t.is_space and "\n" in t.text:
            out.append([])
        else:
            out[-1].append(t)
    return [line for line in out if line]


def written_names(doc: Any, skip: set[int]) -> frozenset[str]:
    """Words capitalised inside the doc's sentences (not first in one, not in ``skip``): names as the text writes them."""
    out = set()
    for t in doc:
        if t.i not in skip and not t.is_sent_start and t.is_alpha and t.text[0].isupper() and not t.is_upper:
            prev = doc[t.i - 1]
            if not (prev.is_space or prev.is_punct and prev.text in ".:!?\"'“‘"):
                out.add(t.text)
    return frozenset(out)


@dataclass(frozen=True)
class _Copies:
    """A doc's sentences to parse again: each as (first token, end token, its sentence-cased copy, unparsed),
    and the character spans of the lines recased."""

    sents: tuple[tuple[int, int, Any], ...]
    spans: tuple[tuple[int, int], ...]


def recase_headlines(docs: list[Any], nlp: Any, rules: TitleCase) -> list[Any]:
    """``docs``, each sentence that holds a Title Case line annotated from a parse of a copy in which
    that line is sentence-cased and a sentence of its own (the rest of the sentence as written).
    The copies of all the docs are parsed together (``nlp.pipe``: a copy's parse does not depend
    on the others in its batch)."""
    plans = [_copies(doc, rules) for doc in docs]
    copies = [copy for plan in plans if plan is not None for _, _, copy in plan.sents]
    parsed = iter(nlp.pipe(copies, batch_size=max(1, len(copies))))
    for doc, plan in zip(docs, plans, strict=True):
        if plan is not None:
            _write(doc, plan, [next(parsed) for _ in plan.sents])
    return docs


def _copies(doc: Any, rules: TitleCase) -> _Copies | None:
    """The sentence-cased copies of ``doc``'s sentences that hold a Title Case line worth parsing; None: none."""
    from spacy.tokens import Doc

    found = []
    cased: set[int] = set()  # the tokens of the Title Case lines
    for sent in doc.sents:
        title = [line for line in lines(sent) if rules.is_title_case(line)]
        cased.update(t.i for line in title for t in line)
        todo = [line for line in title if rules.may_report(line)]
        if todo:
            found.append((sent, todo))
    if not found:
        return None
    written = written_names(doc, cased)
    sents = []
    spans = []
    for sent, todo in found:
        words = [t.text for t in sent]
        starts: set[int] = set()
        for line in todo:
            recased = rules.recased(line, written)
            if recased is None:
                continue
            first, last = line[0].i, line[-1].i
            words[first - sent.start:last + 1 - sent.start] = recased
            starts.update(i for i in (first, last + 2) if sent.start < i < sent.end)
            spans.append((line[0].idx, line[-1].idx + len(line[-1])))
        if len(words) and words == [t.text for t in sent]:
            continue
        copy = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent],
                   sent_starts=[True if i == 0 or sent.start + i in starts else None for i in range(len(words))])
        sents.append((sent.start, sent.end, copy))
    if not sents:
        return None
    return _Copies(tuple(sents), tuple(spans))


def _write(doc: Any, plan: _Copies, parsed: list[Any]) -> None:
    """Write the parsed copies' annotations over their sentences' tokens."""
    import numpy as np
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    rows = doc.to_array(attrs)
    for (start, end, _), copy in zip(plan.sents, parsed, strict=True):
        rows[start:end] = copy.to_array(attrs)
    doc.from_array(attrs, np.ascontiguousarray(rows))
    doc.user_data[RECASED] = plan.spans


def recased_at(doc: Any, start: int, end: int) -> bool:
    """The sentence at these character offsets was parsed from its sentence-cased copy."""
    return any(s <= start and end <= e for s, e in doc.user_data.get(RECASED, ()))
