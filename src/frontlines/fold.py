"""The project's one name folding: the key under which two spellings of a name compare equal.

``fold`` is what every module uses to compare names, cues and mentions:

* apostrophes and ayn/hamza signs (' ’ ‘ ` ´ ʿ ʾ ʼ ʻ ′) are dropped: "Ma’arrat" → "maarrat";
* Unicode NFKD, combining marks dropped: "Ḩamāh" → "hamah", "ﬁ" → "fi";
* Latin letters with no decomposition written plainly: "Łódź" → "lodz", "Ørsta" → "orsta";
* case folded ("Straße" → "strasse");
* hyphens, dashes, dots and every other non-letter, non-digit as a space: "Deir ez-Zor" → "deir ez zor";
* whitespace collapsed and stripped.

Letters of every script are kept ("Дамаск" → "дамаск"); :func:`fold_ascii` keeps only
``a-z`` and ``0-9`` for keys that must be Latin. :func:`strip_marks` is the first step
alone, keeping case and punctuation, for matching that must still see the original word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["APOSTROPHES", "fold", "fold_ascii", "strip_marks"]

#: Apostrophe-like characters dropped inside words (transliterated ayn and hamza included).
APOSTROPHES = "'’‘`´ʿʾʼʻ′"
_DROP = str.maketrans("", "", APOSTROPHES)
# Latin letters that NFKD leaves whole; casefold runs after, so lower case is enough here.
_PLAIN = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ł": "l",
                        "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h", "ı": "i", "þ": "th",
                        "Þ": "th", "ð": "d", "Ð": "d"})
_NOT_WORD = re.compile(r"[\W_]+")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]+")


def strip_marks(text: str) -> str:
    """Decompose (NFKD) and drop combining marks, nothing else: "Ḩamāh" → "Hamah"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The comparison key of a name: "Deir ez-Zor" → "deir ez zor", "Sha‘abi" → "shaabi"."""
    text = strip_marks(text.translate(_DROP)).translate(_PLAIN).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=200_000)
def fold_ascii(text: str) -> str:
    """``fold`` keeping only ``a-z`` and ``0-9`` words: "Ḩamāh (حماة)" → "hamah"; "" when none is left."""
    return " ".join(_NOT_ASCII_WORD.sub(" ", fold(text)).split())
