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
