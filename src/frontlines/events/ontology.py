"""The event ontology and trigger lexicon, loaded from data.

``data/events/ontology.yaml``: ACLED's 6 event types and 25 sub-event types, and their PLOVER
coding. ``data/events/triggers.yaml``: the trigger lexicon, compiled here into patterns
indexed by first word. The lemmatizer is off in the frontlines pipeline, so the inflections
of the lexicon's base forms are generated (:func:`verb_forms`, :func:`noun_forms`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import ConfigError

LEXICON_FILE = "events/triggers.yaml"


@dataclass(frozen=True)
class SubEventType:
    """One ACLED sub-event type with its parent event type and PLOVER (type, mode)."""

    name: str
    event_type: str
    plover_type: str | None
    plover_mode: str | None
    about: str


@dataclass(frozen=True)
class Ontology:
    sub_events: dict[str, SubEventType]
    plover_types: dict[str, str]
    plover_aliases: dict[str, str]

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.event_type for s in self.sub_events.values()))

    def get(self, sub_event_type: str) -> SubEventType:
        try:
            return self.sub_events[sub_event_type]
        except KeyError:
            raise ConfigError(
                f"unknown ACLED sub-event type {sub_event_type!r} (use one of the 25 names in data/events/ontology.yaml)"
            ) from None

    def plover(self, name: str | None) -> str | None:
        """Canonical PLOVER name (``DEMAND`` → ``REQUEST``); ``None`` stays ``None``."""
        if name is None:
            return None
        up = name.upper()
        return self.plover_aliases.get(up, up)


@cache
def load_ontology() -> Ontology:
    """The shipped ontology (cached)."""
    text = resources.files("frontlines").joinpath("data/events/ontology.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    subs: dict[str, SubEventType] = {}
    for event_type, children in data["event_types"].items():
        for name, info in children.items():
            ptype, pmode = (info.get("plover") or [None, None])[:2]
            subs[name] = SubEventType(name, event_type, ptype, pmode, info.get("about", ""))
    return Ontology(subs, dict(data.get("plover_types", {})), dict(data.get("plover_aliases", {})))


def event_type_of(sub_event_type: str) -> str:
    """``"Air/drone strike"`` → ``"Explosions/Remote violence"``."""
    return load_ontology().get(sub_event_type).event_type


SUB_EVENT_TYPES: tuple[str, ...] = (
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other",
)


# ---------------------------------------------------------------------------- trigger lexicon

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "take": ("took", "taken"), "fight": ("fought",), "shoot": ("shot",), "strike": ("struck", "stricken"),
    "hit": ("hit",), "throw": ("threw", "thrown"), "steal": ("stole", "stolen"), "break": ("broke", "broken"),
    "overrun": ("overran",), "fall": ("fell", "fallen"), "withdraw": ("withdrew", "withdrawn"),
    "blow": ("blew", "blown"), "set": ("set",), "burn": ("burnt",), "win": ("won",), "drive": ("drove", "driven"),
    "hold": ("held",), "bring": ("brought",), "beat": ("beaten",), "find": ("found",), "give": ("gave", "given"),
    "hang": ("hung",), "run": ("ran",), "send": ("sent",), "go": ("went", "gone"), "leave": ("left",),
    "build": ("built",), "meet": ("met",), "come": ("came",), "retake": ("retook", "retaken"),
    "overtake": ("overtook", "overtaken"), "undertake": ("undertook", "undertaken"), "lead": ("led",),
    "forbid": ("forbade", "forbidden"), "slay": ("slew", "slain"), "freeze": ("froze", "frozen"),
    "swear": ("swore", "sworn"), "tear": ("tore", "torn"), "spread": ("spread",), "shut": ("shut",),
    "put": ("put",), "cut": ("cut",), "rise": ("rose", "risen"), "catch": ("caught",), "lay": ("laid",),
    "seek": ("sought",), "bind": ("bound",), "flee": ("fled",), "speak": ("spoke", "spoken"),
    "mistake": ("mistook",), "overthrow": ("overthrew", "overthrown"), "wage": ("waged",),
    "down": ("downed",), "gun": ("gunned",), "stab": ("stabbed",), "mob": ("mobbed",),
}
_VOWELS = set("aeiou")
_DROP = {"a", "an", "the", "his", "her", "their", "its"}


def verb_forms(verb: str) -> set[str]:
    """Inflections of an English verb: ``seize`` → seize, seizes, seized, seizing."""
    v = verb.lower()
    forms = {v, v + "s", v + "ed", v + "ing", v + "d"}
    if v.endswith("e") and not v.endswith("ee"):
        forms |= {v + "d", v[:-1] + "ing"}
    if v.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(v + "es")
    if v.endswith("y") and len(v) > 2 and v[-2] not in _VOWELS:
        forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    if len(v) >= 3 and v[-1] not in _VOWELS | {"w", "x", "y"} and v[-2] in _VOWELS and v[-3] not in _VOWELS:
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    forms.update(_IRREGULAR.get(v, ()))
    return forms


def noun_forms(noun: str) -> set[str]:
    """Singular and plural: ``gunman`` → gunman, gunmen; ``clash`` → clash, clashes."""
    n = noun.lower()
    forms = {n, n + "s"}
    if n.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(n + "es")
    if n.endswith("y") and len(n) > 2 and n[-2] not in _VOWELS:
        forms.add(n[:-1] + "ies")
    if n.endswith("man"):
        forms.add(n[:-3] + "men")
    return forms


def norm_text(text: str) -> str:
    """Lower case, hyphens as spaces, one space between words (how cues and phrases are compared)."""
    return " ".join(text.lower().replace("-", " ").replace("\u2019", "'").split())


@dataclass(frozen=True)
class Entry:
    """One lexicon entry (see the header of ``data/events/triggers.yaml``)."""

    id: str
    sub: str
    weight: float
    generic: bool = False
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    agent: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    window: int | None = None


@dataclass(frozen=True)
class Pattern:
    slots: tuple[frozenset[str], ...]
    gap: int
    entry: Entry
    verb: bool = False  # the first word must be tagged as a verb (or participle adjective)


@dataclass(frozen=True)
class Lexicon:
    """The compiled trigger lexicon: patterns indexed by their first word, and actor-class cues."""

    index: dict[str, tuple[Pattern, ...]]
    classes: dict[str, tuple[frozenset[str], tuple[str, ...]]]  # class -> (one-word forms, " multi word " cues)
    entries: dict[str, Entry]


def _words(phrase: str) -> list[str]:
    return norm_text(phrase).split()


def _compile(raw: dict[str, Any], *, source: str = LEXICON_FILE) -> Lexicon:
    """Patterns and classes of a lexicon file. Entries name an ACLED ``sub`` type, or (in
    ``plover.yaml``) a ``plover`` type, kept as ``Entry.sub = "PLOVER:<type>"``."""
    onto = load_ontology()
    index: dict[str, list[Pattern]] = {}
    entries: dict[str, Entry] = {}
    for item in raw["entries"]:
        if "plover" in item:
            if item["plover"] not in onto.plover_types:
                raise ConfigError(f"{source}: entry {item['id']} names an unknown PLOVER type {item['plover']!r} "
                                  "(use one of the plover_types in ontology.yaml)")
            item = {**item, "sub": f"PLOVER:{item['plover']}"}
        elif item.get("sub") not in onto.sub_events:
            raise ConfigError(f"{source}: entry {item['id']} names an unknown sub-event type {item.get('sub')!r} "
                              "(use one of the 25 names in ontology.yaml)")

        def tup(key: str, item: dict[str, Any] = item) -> tuple[str, ...]:
            val = item.get(key) or ()
            return tuple(norm_text(v) for v in ([val] if isinstance(val, str) else val))

        entry = Entry(item["id"], item["sub"], float(item.get("weight", 0.7)), bool(item.get("generic", False)),
                      tup("with"), tup("without"), tup("agent"), tup("target"), tup("also"),
                      int(item["window"]) if item.get("window") is not None else None)
        entries[entry.id] = entry
        patterns: list[Pattern] = []
        for phrase in item.get("verbs") or ():
            ws = [w for w in _words(phrase) if w not in _DROP]
            slots = [frozenset(verb_forms(ws[0]))] + [frozenset({w}) for w in ws[1:]]
            patterns.append(Pattern(tuple(slots), int(item.get("gap", 2)), entry, verb=True))
        for phrase in item.get("nouns") or ():
            ws = _words(phrase)
            slots = [frozenset({w}) for w in ws[:-1]] + [frozenset(noun_forms(ws[-1]))]
            patterns.append(Pattern(tuple(slots), 0, entry))
        for phrase in item.get("words") or ():
            patterns.append(Pattern(tuple(frozenset({w}) for w in _words(phrase)), 0, entry))
        for p in patterns:
            for first in p.slots[0]:
                index.setdefault(first, []).append(p)
    classes: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for name, cues in raw.get("classes", {}).items():
        normed = [norm_text(c) for c in cues]
        single = frozenset(f for c in normed if " " not in c for f in noun_forms(c))
        multi = tuple(f" {c}{end} " for c in normed if " " in c for end in ("", "s", "es"))
        classes[name] = (single, multi)
    return Lexicon({k: tuple(v) for k, v in index.items()}, classes, entries)


PLOVER_FILE = "events/plover.yaml"


@cache
def load_plover_lexicon() -> Lexicon:
    """Triggers of PLOVER's verbal and non-violent categories (agree, accuse, reject ...)."""
    text = resources.files("frontlines").joinpath("data/" + PLOVER_FILE).read_text("utf-8")
    return _compile(yaml.safe_load(text), source=PLOVER_FILE)


@cache
def load_lexicon() -> Lexicon:
    """The shipped trigger lexicon, compiled once."""
    text = resources.files("frontlines").joinpath("data/" + LEXICON_FILE).read_text("utf-8")
    return _compile(yaml.safe_load(text))
