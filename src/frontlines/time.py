"""Dates: resolve date expressions against the publication date.

``find_dates(text, published=...)`` finds every date expression in a text (a
sentence or a phrase) and resolves it; ``resolve_date`` gives the event date
of a sentence: its first date expression, else the publication date with week
precision (the day is unknown; ACLED codes such reports with a lower
precision).

Precision follows ACLED's ``time_precision``: 1 day, 2 week (a range of up
to 7 days, "around", "last week"), 3 month (a longer range, "earlier this
month", a month name alone).

:func:`parse_date` is the project's one parser of a written calendar date (metadata
fields, data files, ACLED's ``event_date``): the same rules, with no reference date.

Regular expressions do all the work (about 65,000 words/s); the rules cover the
expressions news and ACLED notes use, so no date library is needed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from importlib import resources

from . import yamlfile
from .records import DateInfo

__all__ = ["find_dates", "parse_date", "resolve_date", "MONTHS", "MONTH_NAMES", "WEEKDAYS"]

MONTHS: dict[str, int] = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {calendar.day_name[i].lower(): i for i in range(7)}
_WORDS = yamlfile.load(resources.files("frontlines").joinpath("data/time/words.yaml").read_text("utf-8"))
#: Number words of ``data/time/words.yaml`` ("three days ago", "a few weeks earlier").
NUMBER_WORDS: dict[str, int] = {str(k): int(v) for k, v in _WORDS["numbers"].items()}
#: Month names that are also English words, so not months in lower case.
_VERB_MONTHS = frozenset(_WORDS["verb_months"])
#: The alternation of English month names and their abbreviations (also used by ``frontlines.meta``).
MONTH_NAMES = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")

DAY, WEEK, MONTH = 1, 2, 3
MIN_YEAR, MAX_YEAR = 1900, 2100

_MON = "(?P<{g}>" + MONTH_NAMES + r")\.?"
_DAYN = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"


def _p(template: str, **groups: str) -> str:
    out = template
    for key, pattern in groups.items():
        out = out.replace("{" + key + "}", pattern.replace("{g}", key))
    return out


def _dmy(suffix: str = "") -> str:
    """day month [year] or month day[,] [year], with named groups suffixed."""
    d, m, y = "d" + suffix, "m" + suffix, "y" + suffix
    d2, m2, y2 = "d" + suffix + "b", "m" + suffix + "b", "y" + suffix + "b"
    return _p(
        r"(?:{D}(?:\s+of)?\s+{M}(?:,?\s+{Y})?|{M2}\s+{D2}(?!\d)(?:,?\s+{Y2})?)",
        D=_DAYN.replace("{g}", d), M=_MON.replace("{g}", m), Y=_YEAR.replace("{g}", y),
        D2=_DAYN.replace("{g}", d2), M2=_MON.replace("{g}", m2), Y2=_YEAR.replace("{g}", y2),
    )


# Each rule: (name, compiled regex). Order matters: earlier rules win overlaps.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("range:between", re.compile(
        r"\bbetween\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+" + _MON.replace("{g}", "m1") + r")?"
        r"\s+and\s+" + _dmy("2"), re.I)),
    ("range:from-to", re.compile(
        r"\b(?:from\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+" + _MON.replace("{g}", "m1") + r")?"
        r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*" + _dmy("2"), re.I)),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?:\b|(?=T\d))")),
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)?\d\d)\b")),
    ("day-mon-year", re.compile(r"\b(?P<d>[0-3]?\d)-" + _MON.replace("{g}", "m") + r"-(?P<y>(?:19|20)?\d\d)\b", re.I)),
    ("explicit", re.compile(r"\b(?:(?P<around>(?:on\s+or\s+)?around\s+|circa\s+|about\s+)"
                            r"|(?P<reported>reported\s+(?:on\s+)?))?" + _dmy(), re.I)),
    ("numeric-day-month", re.compile(r"\bon\s+(?P<a>[0-3]?\d)/(?P<b>[01]?\d)\b(?![/.]\d)")),
    ("day-of-month", re.compile(r"\bon\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+of\b)", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|this|next|past)\s+|on\s+)?" + _WD
                           + r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b", re.I)),
    ("relative:days-ago", re.compile(r"\b" + _NUM + r"\s+days?\s+(?:ago|earlier|before)\b", re.I)),
    ("relative:weeks-ago", re.compile(r"\b" + _NUM + r"\s+weeks?\s+(?:ago|earlier|before)\b", re.I)),
    ("relative:months-ago", re.compile(r"\b" + _NUM + r"\s+months?\s+(?:ago|earlier|before)\b", re.I)),
    ("relative:day-before-yesterday", re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.I)),
    ("relative:day-before", re.compile(r"\b(?:the\s+(?:previous|prior|preceding)\s+day|the\s+day\s+before"
                                       r"|the\s+night\s+before)\b", re.I)),
    ("relative:same-day", re.compile(r"\b(?:(?:on|later)\s+)?(?:the\s+same\s+day|that\s+day)\b", re.I)),
    ("relative:yesterday", re.compile(r"\b(?:yesterday|last\s+night|overnight)\b", re.I)),
    ("relative:today", re.compile(
        r"\b(?:today|tonight|earlier\s+today|this\s+(?:morning|afternoon|evening)|earlier\s+in\s+the\s+day"
        r"|(?:a\s+few|several|some|\d{1,2})\s+hours\s+(?:ago|earlier))\b", re.I)),
    ("relative:last-week", re.compile(r"\b(?:last|past|previous)\s+week(?:end)?\b", re.I)),
    ("relative:this-week", re.compile(r"\b(?:earlier\s+)?this\s+week(?:end)?\b", re.I)),
    ("relative:last-month", re.compile(r"\b(?:last|past|previous)\s+month\b", re.I)),
    ("relative:this-month", re.compile(r"\b(?:earlier|late|early)?\s*this\s+month\b", re.I)),
    ("month", re.compile(r"\b(?:(?:in|during|since|early|late|end\s+of|beginning\s+of)\s+|mid-?\s*)"
                         + _MON.replace("{g}", "m") + r"(?:\s+" + _YEAR.replace("{g}", "y") + r")?\b", re.I)),
    ("month-year", re.compile(r"\b" + _MON.replace("{g}", "m") + r"\s+" + _YEAR.replace("{g}", "y") + r"\b", re.I)),
]


def _num(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """A day-month without a year: the publication year, or the year before when that date lies ahead."""
    if published is None:
        return None
    d = _safe_date(published.year, month, day)
    if d is None:
        return None
    if d > published + dt.timedelta(days=7):
        return _safe_date(published.year - 1, month, day)
    return d


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day_month(m: re.Match[str], suffix: str, published: dt.date | None, year_hint: int | None = None,
               month_hint: int | None = None) -> dt.date | None:
    """Read the ``_dmy`` groups with ``suffix`` from a match."""
    g = m.groupdict()
    d = g.get("d" + suffix) or g.get("d" + suffix + "b")
    mon = g.get("m" + suffix) or g.get("m" + suffix + "b")
    y = g.get("y" + suffix) or g.get("y" + suffix + "b")
    if d is None:
        return None
    month = MONTHS.get(mon.lower().rstrip(".")) if mon else month_hint
    if month is None:
        return None
    if y:
        return _safe_date(int(y), month, int(d))
    if year_hint is not None:
        return _safe_date(year_hint, month, int(d))
    return _infer_year(month, int(d), published)


def _shift(published: dt.date | None, days: int) -> dt.date | None:
    return None if published is None else published - dt.timedelta(days=days)


def _resolve(rule: str, m: re.Match[str], published: dt.date | None,
             anchor: dt.date | None = None, last: dt.date | None = None) -> tuple[dt.date | None, int | None]:
    """(date, precision) for one regex match; ``(None, None)`` when it cannot be resolved.

    ``anchor`` (a date stated earlier in the same text, else the publication
    date) gives the year of a day-month without one; ``last`` (the last day
    found before this expression) is what "the same day", "the day before" and
    "two days earlier" count from.
    """
    g = m.groupdict()
    anchor = anchor or published
    last = last or anchor
    if rule.startswith("range:"):
        end = _day_month(m, "2", anchor)
        if end is None:
            return None, None
        month1 = MONTHS.get(g["m1"].lower().rstrip("."), end.month) if g.get("m1") else end.month
        start = _safe_date(end.year, month1, int(g["d1"]))
        if start is not None and start > end:
            start = _safe_date(end.year - 1, month1, int(g["d1"]))
        if start is None:
            return None, None
        return end, WEEK if (end - start).days <= 7 else MONTH
    if rule == "iso":
        return _safe_date(int(g["y"]), int(g["m"]), int(g["d"])), DAY
    if rule == "numeric":
        return _numeric(g["a"], g["b"], g["y"])
    if rule == "day-mon-year":
        year = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
        return _safe_date(year, MONTHS[g["m"].lower().rstrip(".")], int(g["d"])), DAY
    if rule == "numeric-day-month":
        first, second = int(g["a"]), int(g["b"])
        d = _infer_year(second, first, anchor) if second <= 12 else _infer_year(first, second, anchor)
        return d, (DAY if d else None)
    if rule == "day-of-month":
        return _day_of_month(int(g["d"]), published), DAY
    if rule == "explicit":
        d = _day_month(m, "", anchor)
        # "around 9 May", "(as) reported on 2 May": the day of the report, not of the event
        return d, (WEEK if g.get("around") or g.get("reported") else DAY) if d else None
    if rule == "weekday":
        return _weekday(WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower(), published)
    if rule in ("month", "month-year"):
        return _month(g, published)
    if published is None:
        return None, None
    simple: dict[str, Callable[[], tuple[dt.date | None, int]]] = {
        # "three days ago" counts from publication; "two days earlier" from a date stated before it
        "relative:days-ago": lambda: (_shift(published if m.group().lower().endswith("ago") else last,
                                             _num(g["n"])), DAY),
        "relative:day-before": lambda: (_shift(last, 1), DAY),
        "relative:same-day": lambda: (last, DAY),
        "relative:weeks-ago": lambda: (_shift(published, 7 * _num(g["n"])), WEEK),
        "relative:months-ago": lambda: (_shift(published, 30 * _num(g["n"])), MONTH),
        "relative:day-before-yesterday": lambda: (_shift(published, 2), DAY),
        "relative:yesterday": lambda: (_shift(published, 1), DAY),
        "relative:today": lambda: (published, DAY),
        "relative:last-week": lambda: (_shift(published, 7), WEEK),
        "relative:this-week": lambda: (published, WEEK),
        "relative:last-month": lambda: (_shift(published, published.day), MONTH),
        "relative:this-month": lambda: (published, MONTH),
    }
    if rule in simple:
        return simple[rule]()
    return None, None


def _month(g: dict[str, str | None], published: dt.date | None) -> tuple[dt.date | None, int | None]:
    """A month alone: the publication date if it is that month, else the month's last day."""
    month = MONTHS[(g["m"] or "").lower().rstrip(".")]
    if g.get("y"):
        year = int(g["y"] or 0)
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None, None
    if published is not None and (year, month) == (published.year, published.month):
        return published, MONTH
    return _month_end(year, month), MONTH


def _day_of_month(day: int, published: dt.date | None) -> dt.date | None:
    """"on the 12th": that day of the publication month, or of the month before if it lies ahead."""
    if published is None:
        return None
    d = _safe_date(published.year, published.month, day)
    if d is None or d > published + dt.timedelta(days=7):
        prev = published.replace(day=1) - dt.timedelta(days=1)
        d = _safe_date(prev.year, prev.month, day)
    return d


def _numeric(a: str, b: str, y: str) -> tuple[dt.date | None, int | None]:
    """dd/mm/yyyy (day first, as most conflict reporting writes it) unless only mm/dd is possible."""
    year = int(y) if len(y) == 4 else 2000 + int(y)
    first, second = int(a), int(b)
    d = _safe_date(year, second, first) or _safe_date(year, first, second)
    return d, (DAY if d else None)


def _weekday(wd: int, rel: str, published: dt.date | None) -> tuple[dt.date | None, int | None]:
    """"(on) Sunday" is the latest Sunday on or before publication; "last Sunday" the one strictly before."""
    if published is None:
        return None, None
    back = (published.weekday() - wd) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    if rel == "next":
        return published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7), DAY
    return published - dt.timedelta(days=back), DAY


def _verb_month(m: re.Match[str]) -> bool:
    """"may"/"march" in lower case are a verb, not a month."""
    return any(k.startswith("m") and v in _VERB_MONTHS for k, v in m.groupdict().items() if v)


def _matches(text: str) -> Iterator[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping rule matches, earlier rules winning, in text order."""
    claimed = bytearray(len(text))  # 1 where an earlier match lies: linear, whatever the number of matches
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for rule, pattern in _RULES:
        for m in pattern.finditer(text):
            s, e = m.span()
            # strip leading whitespace that optional groups may leave
            while s < e and text[s].isspace():
                s += 1
            if s >= e or any(claimed[s:e]) or _verb_month(m):
                continue
            claimed[s:e] = b"\x01" * (e - s)
            found.append((s, e, rule, m))
    found.sort(key=lambda t: t[0])
    yield from found


#: A body found: the day it was found, not the day of the killing (ACLED codes week precision).
_BODY = "(?:" + "|".join(_WORDS["found_dead"]["nouns"]) + ")"
_FOUND_DEAD = re.compile(rf"\b(?:found dead|{_BODY}\b[^.;]{{0,60}}?\b(?:was|were) found|found (?:the )?{_BODY})\b", re.I)


def find_dates(text: str, *, published: dt.date | None,
               context: dt.date | None = None) -> list[tuple[int, int, DateInfo]]:
    """Every date expression in ``text`` that resolves, as ``(start, end, DateInfo)`` in text order.

    ``context`` is a date stated before ``text`` (the event date of the previous
    sentence, say): "the same day", "the day before" and year-less dates count
    from it; without it, from the publication date.

    >>> find_dates("Clashes on Sunday and again yesterday.", published=dt.date(2017, 6, 18))[0][2].date
    datetime.date(2017, 6, 18)
    """
    out: list[tuple[int, int, DateInfo]] = []
    anchor: dt.date | None = context
    last: dt.date | None = context
    for s, e, rule, m in _matches(text):
        try:
            date, precision = _resolve(rule, m, published, anchor, last)
        except (ValueError, OverflowError, KeyError):
            date, precision = None, None
        if date is None:
            continue
        if any(v for k, v in m.groupdict().items() if k.startswith("y")):  # a stated year, not an inferred one
            anchor = date
        if precision == DAY:
            last = date
        out.append((s, e, DateInfo(date=date, time_precision=precision, text=text[s:e], rule=f"date:{rule}")))
    return out


#: The rules that read a whole calendar date (day, month and a stated year) with no reference date.
_CALENDAR_RULES = frozenset({"date:iso", "date:numeric", "date:day-mon-year", "date:explicit"})
_PARSE_MAX = 300


def parse_date(text: str) -> dt.date | None:
    """The first full calendar date in a short string, else None: the project's one date parser.

    Reads what metadata and data files carry: ISO ("2017-06-18T10:00Z"), RFC 2822
    ("Sun, 18 Jun 2017 10:00:00 +0000"), "June 18th, 2017", "18 June 2017", ACLED's "18-Jun-17"
    and day-first "18/06/2017". A date without a year is not a full date (None).

    >>> parse_date("June 18th, 2017")
    datetime.date(2017, 6, 18)
    """
    for _, _, info in find_dates(text[:_PARSE_MAX], published=None):
        if info.rule in _CALENDAR_RULES:
            return info.date
    return None


def resolve_date(text: str, *, published: dt.date | None, context: dt.date | None = None) -> DateInfo:
    """The event date a sentence states (or implies), with ACLED time_precision 1-3.

    The first resolvable date expression wins. With none, the publication date
    stands in with week precision (``rule="date:fallback:published"``); with no
    publication date either, the date is unknown (``date=None``). ``context``:
    see :func:`find_dates`.

    >>> resolve_date("On 28 April 2020, gunmen attacked a bus.", published=dt.date(2020, 5, 2)).date
    datetime.date(2020, 4, 28)
    """
    found = find_dates(text, published=published, context=context)
    if len(found) > 1 and found[0][2].rule == "date:weekday" and found[1][0] - found[0][1] <= 3:
        found = found[1:]  # "Saturday 17 June": the stated day wins over the weekday
    if found:
        first = found[0][2]
        # "Around 12 March 2019 (from 27 February-12 March)": the range right after a date sets its precision.
        if len(found) > 1 and found[1][2].rule.startswith("date:range:") and found[1][2].date == first.date \
                and found[1][0] - found[0][1] <= 3:
            second = found[1][2]
            first = DateInfo(date=first.date,
                             time_precision=max(first.time_precision or 1, second.time_precision or 1),
                             text=text[found[0][0]:found[1][1]], rule=f"{first.rule}+{second.rule}")
        if first.time_precision == DAY and _FOUND_DEAD.search(text):
            first = DateInfo(date=first.date, time_precision=WEEK, text=first.text, rule=f"{first.rule}+found-dead")
        return first
    if published is not None:
        return DateInfo(date=published, time_precision=WEEK, text=None, rule="date:fallback:published")
    return DateInfo(date=None, time_precision=None, text=None, rule="date:unknown")
