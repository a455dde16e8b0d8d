"""The one name folding (``frontlines.fold``): examples of each step and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontlines.fold import fold, fold_ascii, strip_marks


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Minas Tirith", "minas tirith"),
        ("Minas-Tirith", "minas tirith"),  # hyphen as a space
        ("Minas\u2013Tirith", "minas tirith"),  # en dash
        ("Dol  Amroth\n", "dol amroth"),  # whitespace collapsed
        ("Ḩarād", "harad"),  # combining marks dropped
        ("Ma’arrat Rohan", "maarrat rohan"),  # typographic apostrophe dropped
        ("Ma'arrat Rohan", "maarrat rohan"),
        ("Maʿarrat Rohan", "maarrat rohan"),  # transliterated ayn
        ("Ma´arrat Rohan", "maarrat rohan"),  # acute accent used as an apostrophe
        ("Łórien", "lorien"),  # Latin letters with no decomposition
        ("Ørthanc", "orthanc"),
        ("STRAẞE", "strasse"),  # case folding, not just lower case
        ("U.S.-backed Gondor", "u s backed gondor"),
        ("(Osgiliath)", "osgiliath"),
        ("ﬁef", "fief"),  # compatibility ligature
        ("Осгилиат", "осгилиат"),  # other scripts keep their letters
        ("", ""),
        (" -- ", ""),
    ],
)
def test_fold_examples(text: str, key: str) -> None:
    assert fold(text) == key


def test_fold_ascii_keeps_latin_letters_and_digits_only() -> None:
    assert fold_ascii("Ḩarād (Харад) 2") == "harad 2"
    assert fold_ascii("Осгилиат") == ""


def test_strip_marks_keeps_case_and_punctuation() -> None:
    assert strip_marks("Ḩarād-Umbar's") == "Harad-Umbar's"
    assert strip_marks("Gondor") == "Gondor"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_has_no_edge_or_double_spaces(text: str) -> None:
    key = fold(text)
    assert key == key.strip() and "  " not in key


@given(st.text())
def test_fold_ascii_is_ascii(text: str) -> None:
    key = fold_ascii(text)
    assert key.isascii() and fold_ascii(key) == key
