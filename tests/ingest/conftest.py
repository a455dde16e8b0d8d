"""Helpers for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.records import RawDoc

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def docs(items) -> list[RawDoc]:
    return [x for x in items if isinstance(x, RawDoc)]


def errors(items) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]
