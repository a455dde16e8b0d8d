"""Fatalities and quantities stated in a sentence.

Cue words live in ``data/events/numbers.yaml``. Fatalities follow ACLED's coding: digits and
number words are read as written, vague counts get ACLED's codes ("several" = 3, "dozens" = 12,
"hundreds" = 100), wounded counts are never fatalities ("killing 5 and wounding 10" → 5), and a
sentence that reports no deaths gives 0 (ACLED codes 0 when no fatalities are reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlfile

LEXICON = "events/numbers.yaml"


@dataclass(frozen=True)
class Count:
    """A number found in text: its value, offsets in that text and the rule that read it."""

    value: int
    start: int
    end: int
    text: str
    rule: str
    vague: bool = False  # a vague count coded by ACLED's convention ("dozens" = 12), not a stated figure
    subset: bool = False  # part of a toll stated elsewhere ("five of the dead were children")
    additive: bool = False  # on top of a toll already given ("two more officers died")
    grievance: bool = False  # a death people protest, mourn or seek justice for ("rallied against the killing of")


@lru_cache(maxsize=1)
def load_numbers() -> dict[str, Any]:
    """The number lexicon (cached)."""
    path = resources.files("frontlines") / "data" / LEXICON
    data: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    return data


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The first word of every cue a death count needs ("killed", "toll", "death" ...)."""
    lex = load_numbers()
    cues = [*lex["death_words"], *lex["passive_death_words"], *lex["kill_verbs"], *lex["toll_nouns"],
            *lex["death_nouns"], *lex["singular_death_nouns"]]
    return frozenset(c.split()[0].lower() for c in cues)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load_numbers()
    words = {**lex["words"], **lex["multipliers"]}
    digit = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    word = rf"(?:{_alt(list(words))})(?:[\s-]+(?:{_alt(list(words))}))*"
    vague = _alt(list(lex["vague"]))
    count = rf"(?P<count>{digit}|{vague}|{word})"
    time = _alt(lex["time_units"])
    filler = rf"(?:(?!(?:{time})\b)[\w'’-]+\s+){{0,6}}?"
    death = _alt(lex["death_words"])
    passive = _alt(lex["passive_death_words"])
    aux = rf"(?:{_alt(lex['passive_auxiliaries'])}|(?:{_alt(lex['perfect_auxiliaries'])})\s+(?:\w+\s+)?been)"
    kill = _alt(lex["kill_verbs"])
    units = _alt(lex["quantity_units"])
    dnoun = _alt(lex["death_nouns"])
    single = _alt(lex["singular_death_nouns"])
    owner = _alt(lex["singular_determiners"])
    about = rf"(?:(?:{_alt(lex['approximators'])})\s+)?"
    toll = _alt(lex["toll_nouns"])
    opener = rf"(?:(?:{_alt(lex['list_determiners'])})\s+(?:(?:{digit}|{word})\s+)?|(?:{digit}|{word})\s+)"
    item = rf"{opener}(?:[a-z'-]+\s+){{0,2}}?[a-z'-]+"
    return {
        # "5 soldiers were killed", "two people died", "dozens of fighters were killed"
        "count-then-death": re.compile(
            rf"\b{count}\s+(?:of\s+)?(?:{filler}(?:{death})|{filler}{aux}\s+(?:\w+\s+and\s+)?(?:{passive})"
            rf"|(?:{passive}))\b", re.I),
        # "leading to the death of one demonstrator", "the killing of 3 farmers"
        "death-of": re.compile(rf"\b(?:{dnoun})\s+of\s+(?:the\s+)?{about}{count}\b", re.I),
        # "resulted in the death of the commander": one death, a singular noun after the article
        "death-of-singular": re.compile(rf"\b(?:{single})\s+of\s+(?:{owner})"
                                        r"\s+(?:(?!and\b|or\b)[a-z-]+\s+){0,2}?(?P<count>(?!and\b|or\b)[a-z]+[^s\W])\b"
                                        r"(?!\s+(?:and|or)\b)", re.I),
        # "killing 5 and wounding 10", "killed three civilians", "left 4 dead"
        "kill-then-count": re.compile(rf"\b(?:{kill})\s+{about}{count}\b(?!\s+(?:{time})\b)", re.I),
        # "killing a man, his wife and their three children" (summed: see _list_value)
        "kill-list": re.compile(rf"\b(?:{kill})\s+{about}(?P<count>{item}(?:\s*,\s*{item})*\s*,?\s+and\s+{item})\b",
                                re.I),
        # "the death toll rose to 12", "bringing the toll to nine", "put the death toll at 32"
        "death-toll": re.compile(rf"\b(?:{toll})\s+(?:[\w'’]+\s+){{0,8}}?(?:to|of|at)\s+{about}{count}\b", re.I),
        "quantity": re.compile(
            rf"\b(?P<count>{digit}|{word})\s+(?:{units})\b(?:\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?", re.I),
    }


def parse_count(text: str) -> int | None:
    """The value of a count phrase: ``"25,000"`` → 25000, ``"twenty five"`` → 25, ``"dozens"`` → 12."""
    lex = load_numbers()
    t = " ".join(text.lower().replace("-", " ").split())
    if t in lex["vague"]:
        return int(lex["vague"][t])
    digits = t.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return int(float(digits))
    total, current, seen = 0, 0, False
    for w in t.split():
        if w in lex["multipliers"] and w != "hundred" or (w == "hundred" and current):
            current = max(current, 1) * int(lex["multipliers"][w])
            if w != "hundred":
                total, current = total + current, 0
        elif w in lex["words"]:
            current += int(lex["words"][w])
        else:
            return None
        seen = True
    return total + current if seen else None


def fatality_counts(text: str) -> list[Count]:
    """Every death count stated in ``text`` (a sentence), in text order.

    A count inside a phrase that names part of a toll ("five members of one family were among the
    dead") is marked ``subset``; one read from a vague word ("dozens") is marked ``vague``; a death
    named as what people protest, mourn or seek justice for ("rallied against the killing of a
    student") is marked ``grievance``.
    """
    if _cue_words().isdisjoint(re.findall(r"[a-z]+", text.lower())):  # most sentences name no death
        return []
    lex = load_numbers()
    vague = set(lex["vague"])
    subset = tuple(lex["subset_cues"])
    additive = tuple(lex["additive_cues"])
    approx = tuple(lex["approximators"])
    grievance = re.compile(rf"\b(?:{_alt(lex['grievance_cues'])})\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
    found: list[Count] = []
    for name in ("kill-list", "count-then-death", "kill-then-count", "death-toll", "death-of", "death-of-singular"):
        for m in _patterns()[name].finditer(text):
            value = 1 if name == "death-of-singular" else \
                _list_value(m.group("count")) if name == "kill-list" else parse_count(m.group("count"))
            value = _ordinal_after(m, text, lex) or value
            if value is None or _article_before_plural(m, name, lex) or _not_a_toll(m, name, text, lex):
                continue
            s, e = m.span("count")
            if any(c.start == s for c in found):
                continue
            words = " ".join(m.group(0).lower().split())
            before = " ".join(text[max(0, m.start() - 20):m.start()].lower().split()[-2:])
            found.append(Count(value, s, e, m.group(0), f"numbers.yaml#fatalities:{name}",
                               vague=" ".join(m.group("count").lower().replace("-", " ").split()) in vague,
                               subset=any(f" {c} " in f" {words} " for c in subset),
                               additive=_additive(f" {before} {words} ", additive, approx),
                               grievance=name in ("death-of", "death-of-singular", "count-then-death")
                               and grievance.search(text[max(0, m.start() - 60):m.start()]) is not None))
    return sorted(found, key=lambda c: c.start)


def _ordinal_after(m: re.Match[str], text: str, lex: dict[str, Any]) -> int | None:
    """The toll an ordinal after the count's "a" states ("*a fifth* soldier died": five, ``numbers.yaml#ordinals``)."""
    if m.group("count").lower() not in ("a", "an"):
        return None
    nxt = re.match(r"\s+([a-z]+)", text[m.end("count"):].lower())
    return int(lex["ordinals"][nxt.group(1)]) if nxt and nxt.group(1) in lex["ordinals"] else None


def _article_before_plural(m: re.Match[str], name: str, lex: dict[str, Any]) -> bool:
    """ "a morgue for virus deaths": an article counts no plural death word (``plural_death_words``)."""
    return name == "count-then-death" and m.group("count").lower() in ("a", "an") \
        and m.group(0).lower().split()[-1] in lex["plural_death_words"]


#: "to" as the last word before a match: the kill verb after it is an infinitive.
_INFINITIVE_TO = re.compile(r"(?:^|\s)to\s*$", re.IGNORECASE)


def _not_a_toll(m: re.Match[str], name: str, text: str, lex: dict[str, Any]) -> bool:
    """A kill verb's infinitive ("plotted *to kill* thousands of people", "enough to kill 1,000") counts no one
    killed; nor does "a" that opens an amount ("killing *a* large number of civilians": ``amount_nouns``)."""
    if name not in ("kill-then-count", "kill-list"):
        return False
    if _INFINITIVE_TO.search(text, max(0, m.start() - 12), m.start()):
        return True
    after = text[m.end("count"):].lower().split()[:2]
    return m.group("count").lower() in ("a", "an") and any(w.strip(",.;") in lex["amount_nouns"] for w in after)


def _additive(padded: str, cues: tuple[str, ...], approximators: tuple[str, ...]) -> bool:
    """Whether a count's words make it come on top of a toll ("two *more* died"), an approximator's
    words not counting ("killed *more than* 200" is a toll of its own)."""
    for a in approximators:
        padded = padded.replace(f" {a} ", " ~ ")
    return any(f" {c} " in padded for c in cues)


def _list_value(items: str) -> int | None:
    """The dead a list names: "a man, his wife and their three children" → 5; None when an item cannot be
    counted ("his men": no count and a plural noun)."""
    total = 0
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", items.strip()):
        value = _item_value(item.lower().split())
        if value is None:
            return None
        total += value
    return total


def _item_value(words: list[str]) -> int | None:
    """One item of such a list: its count ("their three children" → 3, "two passengers" → 2), else one
    person when its noun is singular ("his wife" → 1)."""
    lex = load_numbers()
    if not words:
        return None
    if words[0] in lex["list_determiners"] and words[0] not in lex["words"]:  # the, his, their ...
        counted = parse_count(words[1]) if len(words) > 2 else None
    else:
        counted = parse_count(words[0])
    if counted is not None and words[0] not in ("a", "an"):
        return counted
    noun = words[-1]
    singular = noun not in lex["plural_nouns"] and not (noun.endswith("s") and not noun.endswith("ss"))
    return 1 if singular else None


def fatalities(text: str) -> tuple[int, str]:
    """ACLED fatalities for a sentence and the rule: the largest death count stated, else 0.

    The largest, not the sum: a sentence often repeats one toll ("5 were killed ... the 5 dead").
    """
    counts = [c for c in fatality_counts(text) if not c.subset]
    if not counts:
        return 0, "numbers.yaml#fatalities:none-reported"
    best = max(counts, key=lambda c: c.value)
    return best.value, f"{best.rule} '{best.text}'"


def quantities(text: str) -> tuple[str, ...]:
    """Measured quantities stated in ``text``: ``"25,000 square kilometers of land"``, ``"75 km of the border"``."""
    return tuple(" ".join(m.group(0).split()) for m in _patterns()["quantity"].finditer(text))
