"""Name keys that survive transliteration.

Keys are pure functions of the string; the rules are data (``data/geo/transliteration.toml``):

``norm``       the project's name folding (:mod:`frontlines.fold`), Latin letters only:
               "Deir ez-Zor" → "deir ez zor" (names matched as written).
``script_key`` the same folding for Arabic-script and Cyrillic names, Arabic letter variants
               unified ("دير الزور", "Горлівка").
``loose``      the consonant skeleton, for names written in Latin letters several ways:

               * article words dropped ("As Sukhnah", "Deir ez-Zor"), and a glued "al"/"el" before a
                 consonant ("Albu Kamal" → "bu kamal");
               * letter groups written for one sound unified (q/k, dj/j, gh/g, dh/d, th/t...);
               * doubled letters collapsed, a final "h" after a vowel dropped;
               * vowels (a e i o u, and y w but at the start of a word) and spaces dropped: "Deir Zour",
                 "Dayr az Zawr", "Der Zor" →
                 "drzr"; "Kafr Nabl" = "Kfar Nabl"; "Tal Tamer" = "Tall Tamr"; "Jeb Saad" = "Jubb as Sa`d".

               Arabic-script names get a skeleton through a romanisation to Latin consonants
               ("جب السعد" → "jbsd"), so they match Latin names in the gazetteer too.

Two names with the same ``loose`` key may be transliterations of each other; ``variant_distance``
and ``plausible_variant`` say how close their spellings are.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..fold import fold, fold_ascii

_ARABIC = re.compile("[\u0600-\u06FF]")
_CYRILLIC = re.compile("[\u0400-\u04FF]")


@dataclass(frozen=True)
class Rules:
    """The transliteration rules of ``data/geo/transliteration.toml``."""

    articles: frozenset[str]
    glued: re.Pattern[str]
    vowels: frozenset[str]
    letters: tuple[tuple[str, str], ...]
    min_skeleton: int
    arabic_drop: frozenset[str]
    arabic_unify: dict[str, str]
    arabic_article: str
    arabic_final: dict[str, str]
    arabic_latin: dict[str, str]
    uk_letters: frozenset[str]
    ru_letters: frozenset[str]
    uk: dict[str, str]
    ru: dict[str, str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Read the transliteration rules (once)."""
    text = resources.files("frontlines").joinpath("data/geo/transliteration.toml").read_text("utf-8")
    data = tomllib.loads(text)
    lat, ar, cy = data["latin"], data["arabic"], data["cyrillic"]
    glued = "|".join(re.escape(g) for g in lat["glued_articles"])
    return Rules(
        articles=frozenset(lat["articles"]),
        glued=re.compile(rf"^(?:{glued})(?=[^{lat['vowels']}])"),
        vowels=frozenset(lat["vowels"]),
        letters=tuple((a, b) for a, b in lat["letters"]),
        min_skeleton=int(lat["min_skeleton"]),
        arabic_drop=frozenset(ar["drop"]), arabic_unify=dict(ar["unify"]), arabic_article=ar["article"],
        arabic_final=dict(ar["final"]), arabic_latin=dict(ar["romanise"]),
        uk_letters=frozenset(cy["ukrainian_letters"]), ru_letters=frozenset(cy["russian_letters"]),
        uk=dict(cy["uk"]), ru=dict(cy["ru"]),
    )


def norm(name: str) -> str:
    """Lower-case ASCII key (the project's folding, Latin letters only): "Deir ez-Zor" → "deir ez zor"."""
    return fold_ascii(name)


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _arabic_form(name: str) -> str:
    r = rules()
    return fold("".join(r.arabic_unify.get(ch, ch) for ch in name if ch not in r.arabic_drop))


@lru_cache(maxsize=100_000)
def script_key(name: str) -> str:
    """Key of an Arabic-script or Cyrillic name ("" for others): the project's folding (marks dropped),
    Arabic letter variants unified."""
    if is_arabic(name):
        return _arabic_form(name)
    if is_cyrillic(name):
        return fold(name)
    return ""


def _arabic_latin(name: str) -> str:
    """Arabic script → Latin consonants and long vowels: "جب السعد" → "jb sd" (articles dropped)."""
    r = rules()
    words = []
    for word in _arabic_form(name).split():
        if word.startswith(r.arabic_article) and len(word) > len(r.arabic_article) + 1:
            word = word[len(r.arabic_article):]
        last = r.arabic_final.get(word[-1], r.arabic_latin.get(word[-1], "")) if word else ""
        words.append("".join(r.arabic_latin.get(ch, "") for ch in word[:-1]) + last)
    return " ".join(w for w in words if w)


def _cyrillic_latin(name: str, table: dict[str, str]) -> str:
    out = []
    for ch in name:
        low = ch.lower()
        rom = table.get(low)
        if rom is None:
            out.append(ch)
        else:
            out.append(rom.capitalize() if ch != low else rom)
    return "".join(out)


@lru_cache(maxsize=100_000)
def romanise(name: str) -> tuple[str, ...]:
    """Latin spellings of a Cyrillic name (Ukrainian and/or Russian system); () for others.

    "Горлівка" → ("Horlivka",); "Горловка" → ("Gorlovka", "Horlovka"): a name with neither
    language's own letters is romanised both ways.
    """
    if not is_cyrillic(name) or is_arabic(name):
        return ()
    r = rules()
    low = set(name.lower())
    if low & r.uk_letters:
        return (_cyrillic_latin(name, r.uk),)
    if low & r.ru_letters:
        return (_cyrillic_latin(name, r.ru),)
    return tuple(dict.fromkeys((_cyrillic_latin(name, r.ru), _cyrillic_latin(name, r.uk))))


def _spelled_words(name: str) -> list[str]:
    """``norm`` words, articles dropped, glued articles cut, letter groups unified, doubles collapsed."""
    r = rules()
    words = norm(name).split()
    kept = [w for w in words if w not in r.articles] or words
    letters = _letter_pattern()
    out = []
    for w in kept:
        if len(w) >= 4:
            w = r.glued.sub("", w)
        w = _DOUBLE.sub(r"\1", letters.sub(_letter_for, w))
        if len(w) >= 3 and w[-1] == "h" and w[-2] in r.vowels:
            w = w[:-1]
        out.append(w)
    return out


_DOUBLE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=1)
def _letter_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(a) for a, _ in rules().letters))


@lru_cache(maxsize=1)
def _letter_map() -> dict[str, str]:
    return dict(rules().letters)


def _letter_for(m: re.Match[str]) -> str:
    return _letter_map()[m.group(0)]


@lru_cache(maxsize=1)
def _drop_vowels() -> dict[int, None]:
    return str.maketrans({c: None for c in rules().vowels})


@lru_cache(maxsize=200_000)
def loose(name: str) -> str:
    """Consonant skeleton: "Deir Ez Zour" and "Dayr az Zawr" → "drzr"; "" when nothing is left."""
    if is_arabic(name):
        latin = _arabic_latin(name)
        return loose(latin) if latin else ""
    drop = _drop_vowels()
    # a word-initial w or y is a consonant ("Walid", "Yabroud"); elsewhere they write vowels
    return "".join(w[0] + w[1:].translate(drop) if w[0] in "wy" else w.translate(drop)
                   for w in _spelled_words(name) if w)


def loose_usable(key: str) -> bool:
    """Whether a skeleton is long enough to look up ("ht" of "Hit" matches too many places)."""
    return len(key) >= rules().min_skeleton


def is_latin(key: str) -> bool:
    """A usable ASCII key: letters present, no digits (codes and post codes are not names)."""
    return bool(key) and key.replace(" ", "").isalpha() and key.isascii()


def match_quality(mention: str, name: str) -> float:
    """1.0 same ``norm``, 0.85 same ``loose`` key and a plausible spelling, else 0.0."""
    if norm(mention) == norm(name):
        return 1.0
    if loose(mention) and loose(mention) == loose(name) and plausible_variant(mention, name):
        return 0.85
    return 0.0


@lru_cache(maxsize=200_000)
def _core(name: str) -> str:
    """The spelled words run together: "As Sukhnah" → "sukhna"; Arabic script romanised first."""
    if is_arabic(name):
        name = _arabic_latin(name)
    return "".join(_spelled_words(name))


@lru_cache(maxsize=200_000)
def variant_distance(a: str, b: str) -> float:
    """Edit distance between two names' cores, per letter, where transliteration noise is cheap.

    A vowel for a vowel, an added/dropped vowel beside another vowel, ``h`` or doubled letter costs
    0.3; an added/dropped vowel on its own (a syllable: "Homs"/"Hamas") 0.5; any other change 1.
    Divided by the longer core's length: "Deir Ez Zour"/"Dayr az Zawr" 0.15, "Kafr Nabl"/"Kfar Nabl" 0.13,
    "Tal Tamer"/"Tall Tamr" 0.06, "Homs"/"Hamas" 0.16.
    """
    return _core_distance(_core(a), _core(b))


@lru_cache(maxsize=200_000)
def _core_distance(x: str, y: str) -> float:
    """:func:`variant_distance` of two cores (many spellings share one: "Raqqa", "al-Raqqah", "Ar Raqqa")."""
    if not x or not y:
        return 1.0
    vowels = rules().vowels

    def indel(s: str, i: int) -> float:
        c = s[i]
        if c in vowels:
            # a vowel beside another is a spelling of one sound ("Deir"/"Der"); alone it is a syllable
            return 0.3 if (i > 0 and s[i - 1] in vowels) or s[i + 1:i + 2] in vowels and s[i + 1:i + 2] else 0.5
        return 0.3 if c == "h" or (i > 0 and s[i - 1] == c) else 1.0

    prev = [0.0]
    for j in range(len(y)):
        prev.append(prev[-1] + indel(y, j))
    for i in range(len(x)):
        cur = [prev[0] + indel(x, i)]
        for j in range(len(y)):
            if x[i] == y[j]:
                sub = 0.0
            elif x[i] in vowels and y[j] in vowels:
                sub = 0.3
            else:
                sub = 1.0
            cur.append(min(prev[j] + sub, prev[j + 1] + indel(x, i), cur[j] + indel(y, j)))
        prev = cur
    return prev[-1] / max(len(x), len(y))


def plausible_variant(mention: str, name: str, *, bar: float = 0.155) -> bool:
    """Whether ``name`` can be a transliteration of ``mention``: same start, close spelling.

    The bar for matches by the ``loose`` key alone, which collapses too much on its own
    ("Talila" would match "Tororo" through an alternate name).
    """
    return _plausible_cores(_core(mention), _core(name), bar)


def variant_test(mention: str, *, bar: float = 0.155) -> Callable[[str], bool]:
    """:func:`plausible_variant` of ``mention`` as a test of names, the mention's core found once
    (for the many names a transliteration key brings)."""
    x = _core(mention)
    return lambda name: _plausible_cores(x, _core(name), bar)


def _plausible_cores(x: str, y: str, bar: float) -> bool:
    if not x or not y:
        return False
    vowels = rules().vowels
    # Same first letter, both vowels, or, in a long name, a leading vowel more on one side ("Abu" / "Bu").
    long = min(len(x), len(y)) >= 7
    first_ok = (x[0] == y[0] or (x[0] in vowels and y[0] in vowels)
                or (long and x[0] in vowels and x[1:2] == y[0]) or (long and y[0] in vowels and y[1:2] == x[0]))
    # each letter added or dropped costs 0.3 at least, so the lengths alone may rule a pair out
    # (with a margin: this never decides where the sum of the costs would)
    return (first_ok and 0.3 * abs(len(x) - len(y)) / max(len(x), len(y)) <= bar + 1e-9
            and _core_distance(x, y) <= bar)


def is_article(text: str) -> bool:
    """An Arabic article alone ("Al", "Ez"): it names nothing."""
    return norm(text) in rules().articles
