"""Name keys that survive transliteration.

Two keys per name, both pure functions of the string:

``norm``  lower case, diacritics and apostrophes dropped, hyphens/dots/other
          punctuation as spaces: "Deir ez-Zor" → "deir ez zor".
``loose`` ``norm`` with the general transliteration rules applied, for Arabic,
          Persian, Turkic... names written in Latin letters several ways:

          * article prefixes dropped, separate ("As Sukhnah", "Deir ez-Zor")
            or glued before a consonant ("Albu Kamal" → "bu kamal");
          * doubled letters collapsed ("Raqqah" → "raqah");
          * a final "h" after a vowel dropped ("Sukhnah" → "sukhna");
          * every run of vowels (a e i o u y w) written as one "*", and a
            leading run dropped: "Deir Zour", "Dayr Zawr", "Deir Zor" → "d*r z*r".

Two names with the same ``loose`` key are transliteration variants of each
other as far as these rules can tell; match quality says how sure we are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Arabic article forms written as a separate word (after hyphens became spaces).
ARTICLES: frozenset[str] = frozenset(
    ["al", "el", "il", "ul", "ar", "er", "as", "es", "ad", "ed", "ash", "esh", "at", "et", "ath", "az", "ez", "an", "en", "adh", "dh"]
)
_APOSTROPHES = "'’‘`´ʿʾʼ′"
_PUNCT = re.compile(r"[^a-z0-9]+")
_VOWEL_RUN = re.compile(r"[aeiouyw]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[bcdfghjklmnpqrstvxz])")


def strip_accents(text: str) -> str:
    """Decompose and drop combining marks: "Ḩamāh" → "Hamah"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Lower-case ASCII key: "Deir ez-Zor" → "deir ez zor"; "" when nothing Latin is left."""
    text = strip_accents(name).lower()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("đ", "d")
    return _PUNCT.sub(" ", text).strip()


def _loose_word(word: str) -> str:
    word = _GLUED_ARTICLE.sub("", word) if len(word) >= 4 else word
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    word = _VOWEL_RUN.sub("*", word)
    return word[1:] if word.startswith("*") and len(word) > 1 else word


@lru_cache(maxsize=200_000)
def loose(name: str) -> str:
    """Transliteration-robust key: "Deir Ez Zour" and "Dayr az Zawr" → "d*r z*r"."""
    words = norm(name).split()
    kept = [w for w in words if w not in ARTICLES] or words
    return " ".join(_loose_word(w) for w in kept)


def is_latin(key: str) -> bool:
    """A usable ASCII key: letters present, no digits (codes and post codes are not names)."""
    return bool(key) and key.replace(" ", "").isalpha() and key.isascii()


def match_quality(mention: str, name: str) -> float:
    """1.0 same ``norm``, 0.85 same ``loose`` key, else 0.0."""
    if norm(mention) == norm(name):
        return 1.0
    if loose(mention) == loose(name):
        return 0.85
    return 0.0


_VOWELS = frozenset("aeiouyw")


def _core(name: str) -> str:
    """``norm`` without article words or glued "al"/"el", spaces dropped: "As Sukhnah" → "sukhnah"."""
    words = [w for w in norm(name).split() if w not in ARTICLES] or norm(name).split()
    return "".join(_GLUED_ARTICLE.sub("", w) if len(w) >= 4 else w for w in words)


def variant_distance(a: str, b: str) -> float:
    """Edit distance between two names' cores, per letter, where transliteration noise is cheap.

    A vowel for a vowel, or an added/dropped vowel, ``h`` or doubled letter costs 0.3; any other
    change costs 1. Divided by the longer core's length: "Deir Ez Zour"/"Dayr az Zawr" 0.13,
    "Sukhna"/"As Sukhnah" 0.04, "Talila"/"Tililan" 0.19, "Ashulia"/"Shella" 0.17.
    """
    x, y = _core(a), _core(b)
    if not x or not y:
        return 1.0

    def indel(s: str, i: int) -> float:
        c = s[i]
        return 0.3 if c in _VOWELS or c == "h" or (i > 0 and s[i - 1] == c) else 1.0

    prev = [0.0]
    for j in range(len(y)):
        prev.append(prev[-1] + indel(y, j))
    for i in range(len(x)):
        cur = [prev[0] + indel(x, i)]
        for j in range(len(y)):
            if x[i] == y[j]:
                sub = 0.0
            elif x[i] in _VOWELS and y[j] in _VOWELS:
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
    x, y = _core(mention), _core(name)
    if not x or not y:
        return False
    # Same first letter, both vowels, or a leading vowel more on one side ("Abu" / "Bu").
    first_ok = (x[0] == y[0] or (x[0] in _VOWELS and y[0] in _VOWELS)
                or (x[0] in _VOWELS and x[1:2] == y[0]) or (y[0] in _VOWELS and y[1:2] == x[0]))
    return first_ok and variant_distance(mention, name) <= bar
