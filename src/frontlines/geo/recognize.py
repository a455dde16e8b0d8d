"""Toponym recognition: which spans of a parsed article name places.

Candidate spans come from three sources, each recorded in ``Mention.rule``:

* ``spacy:ner:GPE|LOC|FAC`` spans (strong: kept when the gazetteer knows them,
  or kept unresolved when it does not);
* ``spacy:ner:PERSON|ORG|NORP`` spans and proper-noun runs spaCy left untagged
  (``gazetteer:phrase``), kept only when the gazetteer knows the name *and* the
  context says "place": a locative cue before it ("in", "near", "the town of",
  "north of"), a place noun after it ("border crossing", "province"), a
  coordination with a place ("Raqqah, Palmyra and Hama"), or a country,
  province or continent name;
* place names inside organisation names ("University of *California*"), sites
  named after a place ("Talila Natural Reserve"), datelines ("SAN DIEGO —"), and
  demonyms ("Syrian", "Iraqis"), from ``data/geo/demonyms.csv``.

Demonyms are kept as country-level mentions with ``relation="demonym"``: they
say which country an actor belongs to, never where an event happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from ..deptree import run_left, run_right
from .distance import great_circle_km
from .gazetteer import Gazetteer, is_exact
from .names import is_arabic, is_article, norm
from .resolve import IMPORTANT_CODES
from .spans import (
    MAX_EXTEND,
    admin_lists,
    best_subspan,
    dateline_spans,
    demonyms,
    extend_span,
    glued_hyphen_after,
    has_cue,
    is_generic,
    is_known,
    is_organisation,
    name_runs,
    name_word,
    named_entry,
    not_places,
    place_noun_cue,
    strong_cue,
    trim,
)
from .words import words

STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"})


@dataclass(frozen=True)
class Mention:
    """A span that may name a place (clean-text character offsets)."""

    start: int
    end: int
    text: str
    rule: str
    strong: bool  # spaCy called it a place
    demonym: str | None = None  # target of a demonym: "SY" or "gn:6255148"
    token_start: int = 0
    token_end: int = 0
    query: str = ""  # the name to look up when it is not the whole text ("South Florida" → "Florida")
    part: str | None = None  # "south": the mention is that part of the place named by ``query``
    cued: bool = False  # the text says it is a place ("X village"): kept unresolved when unknown

    @property
    def name(self) -> str:
        return self.query or self.text


# ---------------------------------------------------------------- the rules, in their declared order


@dataclass
class Scan:
    """One pass over a parsed text: what the rules found so far."""

    doc: Any
    gazetteer: Gazetteer
    words: list[str]
    propn: list[bool]
    found: dict[int, Mention] = field(default_factory=dict)  # start token → mention
    taken: set[int] = field(default_factory=set)
    placed: set[int] = field(default_factory=set)  # last tokens of accepted place mentions
    weak: list[tuple[Any, str]] = field(default_factory=list)  # PERSON/ORG/NORP spans left for later rules

    @classmethod
    def of(cls, doc: Any, gazetteer: Gazetteer) -> Scan:
        from spacy.symbols import PROPN

        strings = doc.vocab.strings
        words = [strings[o] for o in doc.to_array("ORTH").tolist()]
        propn = (doc.to_array("POS") == PROPN).tolist() if doc.has_annotation("POS") else [False] * len(words)
        return cls(doc, gazetteer, words, propn)

    def free(self, span: Any) -> bool:
        return not any(i in self.taken for i in range(span.start, span.end))

    @cached_property
    def surnames(self) -> dict[str, set[int]]:
        """The last word of each person of two or more words the text names → the start tokens of those names."""
        found: dict[str, set[int]] = {}
        for e in self.doc.ents:
            if e.label_ == "PERSON" and len(e) > 1:
                found.setdefault(e[-1].text, set()).add(e.start)
        return found

    def add(self, span: Any, rule: str, strong: bool, demonym: str | None = None, query: str = "",
            part: str | None = None, cued: bool = False, code: bool = False) -> None:
        """Accept a span as a mention, unless it overlaps one or is only a fragment of a name. ``code``: a
        state's postal code ("IL", "AL"), never an article."""
        if not self.free(span):
            return
        if demonym is None and not code and is_article(query or span.text):
            return  # "Ez" of "Deir Ez Zour", "Al": an article alone names nothing
        if demonym is None and not code and norm(query or span.text) in not_places():
            return  # "Katyusha rockets", "Kanuri herders": a name some hamlet has, here something else
        if not strong and glued_hyphen_after(span):
            return  # "Pul" of "Pul-e Khumri": a fragment of a hyphenated name
        if demonym is None and not query and part is None:
            longer = extend_span(span, self.gazetteer, self.taken)
            if longer is not span:
                span, rule = longer, f"{rule}+gazetteer:extended"
        self.found[span.start] = Mention(span.start_char, span.end_char, span.text, rule, strong, demonym,
                                         span.start, span.end, query, part, cued)
        self.taken.update(range(span.start, span.end))
        self.placed.add(span.end - 1)


# -- what each spaCy entity becomes: the first rule that applies wins


def entity_organisation(scan: Scan, ent: Any, span: Any) -> bool:
    """ "Faylaq al-Sham": a group's name; nothing inside it is a place."""
    if not is_organisation(span):
        return False
    scan.taken.update(range(span.start, span.end))
    return True


def entity_demonym(scan: Scan, ent: Any, span: Any) -> bool:
    """ "Syrian", "Iraqis" tagged NORP/GPE/...: a country reference (a language name is skipped)."""
    dem = demonyms()
    key = norm(span.text)
    if key not in dem or ent.label_ not in {"NORP", "GPE", "LOC", "PERSON", "ORG", "LANGUAGE"}:
        return False
    if ent.label_ != "LANGUAGE":
        scan.add(span, f"demonym:{ent.label_}", False, dem[key])
    return True


def entity_comma_parts(scan: Scan, ent: Any, span: Any) -> bool:
    """ "Donington Park, Leicestershire", "Amba (Bandiagara": each part of a place span is a place."""
    if ent.label_ not in STRONG_LABELS or not any(t.text in {",", "(", ")"} for t in span):
        return False
    parts, start = [], span.start
    for tok in span:
        if tok.text in {",", "(", ")"}:
            parts.append(scan.doc[start:tok.i])
            start = tok.i + 1
    parts.append(scan.doc[start:span.end])
    for part in parts:
        part = trim(part)
        if len(part):
            scan.add(part, f"spacy:ner:{ent.label_}", True)
    return True


def entity_part_of(scan: Scan, ent: Any, span: Any) -> bool:
    """ "South Florida", "Eastern Ghouta": a part of the place named by the rest."""
    g = scan.gazetteer
    if (ent.label_ not in STRONG_LABELS or len(span) < 2 or span[0].lower_ not in words("direction_words")
            or any(is_exact(e) for e in g.exact(span.text))):
        return False
    rest = span[1:]
    if is_generic(rest) or not any(is_exact(e) and e.feature_code != "CONT" for e in g.exact(rest.text)):
        return False
    scan.add(span, f"spacy:ner:{ent.label_}:part-of", True, query=rest.text, part=span[0].lower_)
    return True


def entity_place_noun(scan: Scan, ent: Any, span: Any) -> bool:
    """ "Arimba village", "Idlib province": the name without its place noun (which stays a cue)."""
    if (ent.label_ not in STRONG_LABELS or len(span) < 2 or span[-1].lower_ not in words("place_nouns")
            or span[-1].text[:1].isupper() or is_known(scan.gazetteer, span.text)):
        return False
    scan.add(span[:-1], f"spacy:ner:{ent.label_}:place-noun", True)
    return True


def entity_unit_title(scan: Scan, ent: Any, span: Any) -> bool:
    """ "Paletwa Town", "Maungdaw Township", "Rakhine State": a known name and its unit's title."""
    g = scan.gazetteer
    if not (len(span) > 1 and span[-1].text[:1].isupper() and span[-1].lower_ in words("admin_heads")
            and not any(t.lower_ in ("and", "&") for t in span)  # "Bains and Grants Town" is one name
            and len(span[:-1].text) >= 4 and not (len(span) == 2 and span[0].lower_ in words("direction_words"))
            and not is_known(g, span.text) and any(named_entry(e) for e in g.exact(span[:-1].text))):
        return False
    scan.add(span[:-1], f"spacy:ner:{ent.label_}:unit-title", ent.label_ in STRONG_LABELS, cued=True)
    return True


def entity_strong(scan: Scan, ent: Any, span: Any) -> bool:
    """GPE/LOC/FAC: a place; in a longer name the gazetteer lacks ("St. Louis Police"), the place inside it."""
    if ent.label_ not in STRONG_LABELS:
        return False
    g = scan.gazetteer
    if (len(span) > 1 and span[-1].lower_ not in words("feature_heads")
            and span[0].lower_ not in words("direction_words") and not is_known(g, span.text)):
        sub = best_subspan(scan.doc, span.start, span.end, g, important_only=ent.label_ == "FAC")
        if sub is not None:
            scan.add(sub, f"spacy:ner:{ent.label_}:part", True)
            return True
    scan.add(span, f"spacy:ner:{ent.label_}", True)
    return True


def entity_weak(scan: Scan, ent: Any, span: Any) -> bool:
    """PERSON/ORG/NORP...: left for the rules that need the text to say "place" (see :data:`WEAK_RULES`)."""
    if ent.label_ not in WEAK_LABELS:
        return False
    scan.weak.append((span, ent.label_))
    return True


@dataclass(frozen=True)
class EntityRule:
    """What a spaCy entity becomes; ``apply`` says whether the rule took it."""

    name: str
    apply: Callable[[Scan, Any, Any], bool]


ENTITY_RULES: tuple[EntityRule, ...] = (
    EntityRule("organisation", entity_organisation),
    EntityRule("demonym", entity_demonym),
    EntityRule("comma-parts", entity_comma_parts),
    EntityRule("part-of", entity_part_of),
    EntityRule("place-noun", entity_place_noun),
    EntityRule("unit-title", entity_unit_title),
    EntityRule("strong", entity_strong),
    EntityRule("weak", entity_weak),
)


def rule_entities(scan: Scan) -> None:
    """spaCy's entities, each through :data:`ENTITY_RULES`."""
    for ent in scan.doc.ents:
        span = trim(ent)
        if len(span):
            next((r for r in ENTITY_RULES if r.apply(scan, ent, span)), None)


def rule_demonym_lexicon(scan: Scan) -> None:
    """Demonyms the NER missed or folded into a longer span ("Syrian Army", "Iraqi forces")."""
    dem, doc, words_ = demonyms(), scan.doc, scan.words
    for i, word in enumerate(words_):
        if i in scan.taken or not word[:1].isupper():
            continue
        if norm(word) not in dem and (i + 1 >= len(words_) or norm(f"{word} {words_[i + 1]}") not in dem):
            continue
        tok = doc[i]
        pair = doc[i:i + 2]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in words("feature_heads"):
            continue  # "Indian Ocean", "Korean Peninsula": a feature's name, not a demonym
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.text[:1].isupper() and not tok.is_sent_start and prev.pos_ in ("PROPN", "ADJ"):
            continue  # "Central American", "Latin American": a compound this lexicon does not know
        if len(pair) == 2 and norm(pair.text) in dem:
            scan.add(pair, "demonym:lexicon", False, dem[norm(pair.text)])
        elif norm(tok.text) in dem:
            scan.add(doc[i:i + 1], "demonym:lexicon", False, dem[norm(tok.text)])


def weak_known_with_cue(scan: Scan, span: Any, label: str) -> bool:
    """A known name the text calls a place ("in X", "X province", a list with a place), or a country or province."""
    entries = [e for e in scan.gazetteer.exact(span.text) if named_entry(e)]
    if entries and not is_generic(span) and (any(e.feature_code in IMPORTANT_CODES for e in entries)
                                           or has_cue(span, scan.doc, scan.placed)):
        scan.add(span, f"spacy:ner:{label}+gazetteer", False)
        return True
    return False


def weak_transliterated(scan: Scan, span: Any, label: str) -> bool:
    """A name known only by its transliteration key, with a strong cue ("the town of Sukhna")."""
    if strong_cue(span, scan.doc) and not is_generic(span) and scan.gazetteer.lookup(span.text):
        scan.add(span, f"spacy:ner:{label}+gazetteer:transliterated", False, cued=True)
        return True
    return False


#: Words between "in" and the province a name lies in: "in the southern countryside of Idleb".
_IN_PROVINCE_SKIP = frozenset({"the", "of"})
IN_PROVINCE_NAME_TOKENS = 5  # "Deir-ez-Zor" is five tokens


def _stated_area(span: Any, doc: Any, gazetteer: Gazetteer) -> list[Any]:
    """The province or large town the text says ``span`` lies in: "X in Idleb", "X in the countryside of
    Deir-ez-Zor" (first-level areas and towns of 100,000 people, named as written)."""
    k = span.end
    if k >= len(doc) or doc[k].lower_ != "in":
        return []
    k += 1
    skip = _IN_PROVINCE_SKIP | words("adj_directions") | words("directions") | words("region_nouns")
    while k < len(doc) and doc[k].lower_ in skip and k - span.end < 6:
        k += 1
    for end in range(min(len(doc), k + IN_PROVINCE_NAME_TOKENS), k, -1):
        if not doc[end - 1].text[:1].isupper() or doc[end - 1].is_punct:
            continue
        found = [e for e in gazetteer.exact(doc[k:end].text) if named_entry(e) and e.admin1 and e.country_code
                 and (e.feature_code == "ADM1" or (e.feature_class == "P" and e.population >= 100_000))]
        if found:
            return found
    return []


def _in_stated_province(scan: Scan, span: Any) -> bool:
    """The text says the name lies in a province ("Ftireh in Idleb") and the gazetteer has a town of that
    name (as written or by its transliteration key) in that very province."""
    if is_generic(span) or is_organisation(span) or not span.text[:1].isupper():
        return False
    areas = _stated_area(span, scan.doc, scan.gazetteer)
    if not areas:
        return False
    countries = tuple(sorted({a.country_code for a in areas}))
    entries = scan.gazetteer.lookup(span.text) + scan.gazetteer.lookup_in(span.text, countries)
    return any((e.country_code, e.admin1) == (a.country_code, a.admin1) for e in entries for a in areas
               if e.feature_class == "P" and e.geonameid != a.geonameid)


def weak_in_province(scan: Scan, span: Any, label: str) -> bool:
    """A village spaCy took for a person or a group, which the text says lies in a province where the
    gazetteer has it ("shelled Ftireh in Idleb")."""
    if _in_stated_province(scan, span):
        scan.add(span, f"spacy:ner:{label}+gazetteer:in-province", False, cued=True)
        return True
    return False


def weak_site(scan: Scan, span: Any, label: str) -> bool:
    """ "Talila Natural Reserve", "Shayrat Airbase": a site, looked up by its own name."""
    doc = scan.doc
    if len(span) < 2 or span[-1].lower_ not in words("site_heads"):
        return False
    # the name without the site words after it, one word at least
    core = doc[span.start:run_left(doc, span.end, lambda t: t.lower_ in words("site_heads")
                                   or t.lower_ in words("site_modifiers"), start=span.start + 1)]
    if is_generic(core) or not (span[-1].lower_ in words("named_site_heads") or scan.gazetteer.lookup(core.text)):
        return False
    whole = [e for e in scan.gazetteer.exact(span.text) if named_entry(e)]
    scan.add(span, f"spacy:ner:{label}+site", False, query="" if whole else core.text, cued=True)
    return True


def weak_person_surname(scan: Scan, span: Any, label: str) -> bool:
    """ "Col. Steve Warren ... Warren said": a lone name that ends a person the text names is that person,
    not the town of that name (the span is taken, and nothing is added)."""
    if len(span) != 1:
        return False
    return bool(scan.surnames.get(span.text, set()) - {span.start})


def weak_inside_org(scan: Scan, span: Any, label: str) -> bool:
    """ "University of California": a country, province or large city inside an organisation's name."""
    if label != "ORG" or _names_road(span):
        return False
    sub = best_subspan(scan.doc, span.start, span.end, scan.gazetteer, important_only=True)
    if sub is not None:
        scan.add(sub, "gazetteer:inside-org", False)
    return sub is not None


def _names_road(span: Any) -> bool:
    """ "the Bree-Archet road": a road named after the towns it joins (``road-ends`` takes them), not a group."""
    doc = span.doc
    road = span[-1].lower_ in words("road_words") or (span.end < len(doc) and doc[span.end].lower_ in words("road_words"))
    return road and any(t.text in ("-", "–") for t in span)


WeakRule = Callable[[Scan, Any, str], bool]
#: What a PERSON/ORG/NORP span becomes, in order: the first rule that applies wins.
WEAK_RULES: tuple[tuple[str, WeakRule], ...] = (
    ("known-with-cue", weak_known_with_cue),
    ("transliterated", weak_transliterated),
    ("in-province", weak_in_province),
    ("site", weak_site),
    ("person-surname", weak_person_surname),
    ("inside-org", weak_inside_org),
)


def rule_weak_entities(scan: Scan) -> None:
    """PERSON/ORG/NORP spans spaCy gave, each through :data:`WEAK_RULES`."""
    for span, label in scan.weak:
        if scan.free(span):
            next((name for name, rule in WEAK_RULES if rule(scan, span, label)), None)


def rule_admin_lists(scan: Scan) -> None:
    """ "Gaduud village (Diinsoor, Bay)": every part of an ACLED-style "(district, province)" after a place
    or a place noun is a place when one part is a known name as written."""
    doc = scan.doc
    for parts in admin_lists(doc):
        before = parts[0].start - 2
        if before < 0 or not (before in scan.placed or doc[before].lower_ in words("place_nouns")
                              or doc[before].lower_ in words("cue_after") or doc[before].lower_ in words("area_nouns")
                              or (doc[before].is_alpha and doc[before].text[:1].isupper())):
            continue
        known = [any(e.kind < 2 for e in scan.gazetteer.exact(p.text)) for p in parts]
        if any(known):
            for p, k in zip(parts, known, strict=True):
                if not is_generic(p) and not is_article(p.text):
                    scan.add(p, "cue:admin-list" if not k else "gazetteer:admin-list", False, cued=True)


def rule_cued_unknowns(scan: Scan) -> None:
    """Names the gazetteer may lack but the text calls places ("Arimba village", "the villages of X"),
    and the names listed with them."""
    doc = scan.doc
    spans = {sp.start: sp for sp, _ in scan.weak}
    for i, j in name_runs(scan.words, scan.propn):
        spans.setdefault(i, doc[i:j])
    cued_ends: set[int] = set()
    for start in sorted(spans):
        span = spans[start]
        if not scan.free(span) or is_generic(span) or is_article(span.text):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        listed = prev is not None and prev.lower_ in {",", "and", "or"} and (span.start - 2) in cued_ends
        if listed or place_noun_cue(span, doc):
            scan.add(span, "cue:place-noun" if not listed else "cue:listed-with-place", False, cued=True)
            cued_ends.add(span.end - 1)


def rule_datelines(scan: Scan) -> None:
    """ "SAN DIEGO —", "DEIR EZ-ZOR, Syria —": a capitalised known place opening a paragraph before a comma or
    dash. A name an earlier rule took whole (spaCy's GPE "DEIR EZ-ZOR") is marked as the dateline too, and
    looked up in title case."""
    from spacy.attrs import SPACY

    glued = (scan.doc.to_array(SPACY) == 0).tolist()  # no space after the token (Token.whitespace_ empty)
    for i, j in dateline_spans(scan.words, glued):
        span = scan.doc[i:j]
        taken = scan.found.get(i)
        if taken is not None and taken.token_end == j and taken.demonym is None and taken.part is None:
            scan.found[i] = replace(taken, rule="dateline", query=taken.query or span.text.title())
            continue
        if any(e.kind < 2 for e in scan.gazetteer.exact(span.text.title())):
            scan.add(span, "dateline", False, query=span.text.title())


def rule_arabic_script(scan: Scan) -> None:
    """A run of Arabic-script words the gazetteer knows by that name: "(دير الزور)"."""
    doc, i = scan.doc, 0
    if not is_arabic("".join(scan.words)):
        return  # no token to try (most texts): one search of the words instead of one a token
    while i < len(doc):
        j = run_right(doc, i, lambda t: is_arabic(t.text))
        if j > i and scan.free(doc[i:j]) and any(is_exact(e) for e in scan.gazetteer.exact(doc[i:j].text)):
            scan.add(doc[i:j], "gazetteer:arabic-script", False)
        i = max(j, i + 1)


#: The two towns a road is named after lie in one country, at most this far apart.
ROAD_ENDS_KM = 250.0
ROAD_ENDS_RULE = "gazetteer:road-ends"


def _known_as_written(scan: Scan, span: Any) -> list[Any]:
    return [e for e in scan.gazetteer.exact(span.text) if named_entry(e)] if not is_generic(span) else []


def rule_road_ends(scan: Scan) -> None:
    """ "the Halba-Qoubaiyat road", "the Damboa - Maiduguri road": the towns a road joins, when the gazetteer
    knows both as written, in one country and within :data:`ROAD_ENDS_KM` of each other."""
    doc = scan.doc
    for k, word in enumerate(scan.words):
        if word not in ("-", "–") or k == 0:
            continue
        j = run_right(doc, k + 1, name_word, end=k + MAX_EXTEND + 1)
        if j == k + 1 or j >= len(doc) or doc[j].lower_ not in words("road_words"):
            continue
        right = doc[k + 1:j]
        lo = run_left(doc, k, name_word, start=k - MAX_EXTEND)
        lefts = [doc[a:k] for a in range(lo, k) if doc[a].text[:1].isupper()]  # longest first
        if not lefts or not right[0].text[:1].isupper() or not scan.free(right):
            continue
        ends = _known_as_written(scan, right)
        for left in lefts:
            starts = _known_as_written(scan, left) if scan.free(left) else []
            if any(a.country_code and a.country_code == b.country_code
                   and great_circle_km(a.lat, a.lon, b.lat, b.lon) <= ROAD_ENDS_KM for a in starts for b in ends):
                scan.add(left, ROAD_ENDS_RULE, False)
                scan.add(right, ROAD_ENDS_RULE, False)
                break


def rule_proper_noun_runs(scan: Scan) -> None:
    """Proper-noun runs spaCy left untagged, when the gazetteer knows them and the text calls them places."""
    doc, words_ = scan.doc, scan.words
    for i, j in name_runs(words_, scan.propn):
        span = doc[i:j]
        if not scan.free(span) or is_generic(span):
            continue
        if j + 1 < len(doc) and words_[j] in {"of", "'s", "’s"} and words_[j + 1][:1].isupper():
            continue  # "University of ...", "Eva's Village": part of a longer name
        if is_organisation(span):
            continue
        entries = [e for e in scan.gazetteer.exact(span.text) if named_entry(e)]
        if entries and (has_cue(span, doc, scan.placed) or any(e.feature_code in IMPORTANT_CODES for e in entries)):
            scan.add(span, "gazetteer:phrase", False)
        elif strong_cue(span, doc) and scan.gazetteer.lookup(span.text):
            scan.add(span, "gazetteer:transliterated+cue", False, cued=True)  # "the road to Al Sukhnah"
        elif _in_stated_province(scan, span):
            scan.add(span, "gazetteer:in-province", False, cued=True)


_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_STATE_CODE = re.compile(r"[A-Z]{2}")
POSTAL_TOWN_WORDS = 3  # "Galesburg IL 61401", "Rancho Santa Margarita CA 92688"


def rule_postal_addresses(scan: Scan) -> None:
    """A US postal address line: "Galesburg IL 61401", "Springfield, IL 62701": the town, when the gazetteer
    has a town of that name in the state the USPS code names, and the state code."""
    doc, words_ = scan.doc, scan.words
    for k, w in enumerate(words_):
        if k < 2 or not _ZIP.fullmatch(w) or not _STATE_CODE.fullmatch(words_[k - 1]):
            continue
        states = [e for e in scan.gazetteer.exact(words_[k - 1]) if e.feature_code == "ADM1" and e.country_code == "US"]
        if not states:
            continue
        end = k - 1 if words_[k - 2] != "," else k - 2
        for start in range(max(0, end - POSTAL_TOWN_WORDS), end):
            span = doc[start:end]
            if not all(t[:1].isupper() for t in words_[start:end]) or not scan.free(span):
                continue
            if any(e.feature_class == "P" and e.country_code == "US" and e.admin1 == states[0].admin1
                   for e in scan.gazetteer.exact(span.text)):
                scan.add(span, "postal-address", True)
                scan.add(doc[k - 1:k], "postal-address", True, code=True)
                break


@dataclass(frozen=True)
class Rule:
    """One recognition rule: a name (for tests and docs) and what it does to a scan."""

    name: str
    run: Callable[[Scan], None]


#: The recogniser, in its declared order: earlier rules take their tokens first.
RULES: tuple[Rule, ...] = (
    Rule("postal-addresses", rule_postal_addresses),
    Rule("entities", rule_entities),
    Rule("demonym-lexicon", rule_demonym_lexicon),
    Rule("weak-entities", rule_weak_entities),
    Rule("admin-lists", rule_admin_lists),
    Rule("cued-unknowns", rule_cued_unknowns),
    Rule("datelines", rule_datelines),
    Rule("arabic-script", rule_arabic_script),
    Rule("road-ends", rule_road_ends),
    Rule("proper-noun-runs", rule_proper_noun_runs),
)


def find_mentions(doc: Any, *, gazetteer: Gazetteer) -> list[Mention]:
    """Candidate toponym spans of a parsed text, in text order, not overlapping (see :data:`RULES`)."""
    scan = Scan.of(doc, gazetteer)
    for rule in RULES:
        rule.run(scan)
    return [scan.found[k] for k in sorted(scan.found)]
