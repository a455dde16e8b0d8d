"""Dates: resolve date expressions against the publication date.

(Owner: actors+dates. Interface only until filled in.)
"""

from __future__ import annotations

import datetime as dt

from .records import DateInfo


def resolve_date(text: str, *, published: dt.date | None) -> DateInfo:
    """The event date a sentence states (or implies), with ACLED time_precision 1-3."""
    raise NotImplementedError("not done: dates")
