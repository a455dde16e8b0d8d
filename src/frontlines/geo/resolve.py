"""Toponym resolution: pick the gazetteer entry a mention names, or none.

Each candidate gets a score from these signals (weights in :data:`WEIGHTS`):

* match quality: main name (1.0), alternate name (0.9), transliteration key only (0.55);
* prior: log population, plus a bonus for countries, continents, provinces, capitals;
* country focus: the share of the document's other mentions that resolve to (or,
  for demonyms, name) the candidate's country;
* closeness: how near the candidate is to the other mentions' first choices;
* within: the candidate lies in the country of, and near, the place the text says it lies in;
* spelling: a transliteration-key match loses by how far its spelling is from the mention.

A mention is left ``unresolved`` when its best candidate matched only by the
transliteration key and nothing in the document supports it (no focus on its
country, no other place within 500 km), when that spelling is not a plausible
variant of the mention (:func:`names.plausible_variant`) without strong support,
or when the text says where it lies ("Ara in As-Sweida") and it is in another
country, or is a look-alike far from the town it lies in ("the Tabbaneh area of Tripoli"):
never a silently wrong place far away.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import Candidate
from .context import FrontLine, km_to_line
from .distance import great_circle_km, nearest_km, prepared
from .gazetteer import Entry, Gazetteer, is_code, is_exact
from .names import norm, plausible_variant, variant_distance

WEIGHTS = {"match": 2.0, "prior": 2.0, "focus": 0.8, "near": 0.6, "within": 1.2, "spelling": 2.0, "province": 0.8,
           "abroad": 0.6, "contains": 1.2, "front": 1.0,
           "home": 1.0}
KIND_QUALITY = {0: 1.0, 1: 0.95, 2: 0.55, 3: 0.5, 4: 0.95}
CODE_BONUS = {"PCLI": 0.35, "CONT": 0.35, "PPLC": 0.15}
MAX_CANDIDATES = 8  # kept in Place.candidates
MAX_PASSES = 3
SCORED_CANDIDATES = 250  # scored against the document (villages rank low on name and prior alone)
ABBREVIABLE = frozenset({"PCLI", "ADM1", "ADM2", "CONT", "RGN"})
IMPORTANT_CODES = frozenset({"PCLI", "ADM1", "CONT", "PPLC"})
WIDE_CODES = ("CONT", "OCN")  # continents and oceans: in no country, near everything
TOWN_CUE = "TOWN"  # an admin_level: the text names the town ("The Washington Post"), not an area of its name
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLIX", "PCLS", "PCL", "TERR"})


def is_acronym(text: str) -> bool:
    """ "US", "U.S.", "UAE": all capitals, at most four letters."""
    return is_code(text)


@dataclass(frozen=True)
class Resolution:
    """The winner (or ``None``) and the candidates considered, best first."""

    entry: Entry | None
    score: float
    candidates: tuple[Candidate, ...]
    best: Entry | None = None  # the top-scored entry, also when it was not accepted


def important(entry: Entry) -> bool:
    """A country, province, continent, capital or town of 100,000 people or more."""
    return entry.feature_code in IMPORTANT_CODES or entry.population >= 100_000


#: Towns and villages count as having at least this many people: a village whose population the data does
#: not give is not empty, and among villages a few hundred people more say little next to the text's context.
VILLAGE_POPULATION = 1000


def prior(entry: Entry) -> float:
    """0..~1.5: log population (1.0 at 10 million), plus feature importance."""
    people = max(entry.population, VILLAGE_POPULATION) if entry.feature_class == "P" else entry.population
    return math.log10(people + 10) / 7 + CODE_BONUS.get(entry.feature_code or "", 0.0)


def same_name(text: str, entry: Entry) -> bool:
    """Matched as written, or by a spelling that differs only by an article, doubled letters or letter
    groups written for one sound ("Qamishli" / "Al Qamishli", "Raqqa" / "Ar Raqqa")."""
    return is_exact(entry) or (bool(entry.form) and variant_distance(text, entry.form) == 0.0)


def base_score(entry: Entry, text: str = "", cap: float | None = None) -> float:
    """Match quality and prior. For a transliteration-only match the name itself is uncertain,
    so population counts half as much and the document's context decides. ``cap``: the prior of the
    best place named as written (:func:`written_prior`); a look-alike never outranks it by its size alone
    ("Naameh" is the village of that name, not Namur, also written "Name")."""
    if text and not is_exact(entry) and (same_name(text, entry) or (cap is None and close_spelling(text, entry))):
        p = prior(entry) if cap is None else min(prior(entry), cap)
        return WEIGHTS["match"] * KIND_QUALITY[1] + WEIGHTS["prior"] * p
    weight = WEIGHTS["prior"] if is_exact(entry) else WEIGHTS["prior"] / 2
    return WEIGHTS["match"] * KIND_QUALITY.get(entry.kind, 0.5) + weight * prior(entry)


CLOSE_SPELLING = 0.08  # per letter (names.variant_distance): "Nassriya" / "Nasiriyah" 0.06


def close_spelling(text: str, entry: Entry) -> bool:
    """A spelling one cheap step from the mention's ("Nassriya" / "Nasiriyah": a vowel): where no place has the
    name as written, it counts as the name (its spelling penalty still applies), not as a mere key match."""
    return bool(entry.form) and plausible_variant(text, entry.form, bar=CLOSE_SPELLING)


def written_prior(entries: Sequence[Entry]) -> float | None:
    """The largest prior among the places named as written, if any (caps look-alikes in :func:`base_score`)."""
    return max((prior(e) for e in entries if is_exact(e)), default=None)


def spelling_penalty(text: str, entry: Entry) -> float:
    """0 for a name matched as written; else how far the spelling is from the mention
    ("Ar-Raqqa" is close to "Ar Raqqah", far from "Riga", which share the loose key)."""
    if is_exact(entry):
        return 0.0
    return WEIGHTS["spelling"] * min(1.0, variant_distance(text, entry.form or entry.name))


def candidates_for(text: str, gazetteer: Gazetteer, *, admin_level: str | None = None,
                   at_border: bool = False, as_written: bool = False) -> list[Entry]:
    """Gazetteer entries for a mention, best first by match and prior only.

    ``admin_level``: the level of area the text says the name is ("ADM1" for "Idlib province").
    ``at_border``: the text says it is a border crossing ("Al Waleed border crossing"): the places of
    that name near another country come first, and only they when there are any.
    ``as_written``: only places of that name as written (a site named after a place: "Talila Natural
    Reserve" is not the village of Talil).
    """
    entries = list(gazetteer.exact(text))
    if not as_written and (not any(is_exact(e) and important(e) for e in entries) or is_acronym(text)):
        entries.extend(gazetteer.transliterated(text))
    if at_border:
        entries = [e for e in entries if e.country_code and e.feature_class in ("P", "S") and
                   gazetteer.other_country_within(e.lat, e.lon, e.country_code, BORDER_KM)] or entries
    if is_acronym(text):
        # "US", "EU", "OAS": abbreviations name countries and provinces (alternate names), not villages.
        return sorted((e for e in entries if e.kind in (1, 4) and e.feature_code in ABBREVIABLE),
                      key=base_score, reverse=True)
    if any(same_name(text, e) and important(e) for e in entries):
        # A well-known place of that name as written: transliteration-only look-alikes are noise.
        entries = [e for e in entries if same_name(text, e)]
    if any(e.kind == 0 and important(e) for e in entries):
        # A well-known place whose own name it is ("Bihar", "Kingston"): a small place only also called so
        # (an alternate name: a former, local or foreign one; Baihar, Kingston upon Thames) is noise too.
        entries = [e for e in entries if e.kind != 1 or important(e)]
    if any(e.kind == 0 and e.feature_code in COUNTRY_CODES for e in entries):
        # A country named by its own name ("Mexico", "Kuwait"): a city only also called so (Mexico City, whose
        # alternate names include "Mexico") is not meant; news names the city in full.
        entries = [e for e in entries if e.kind != 1]
    if admin_level == "ADM1":
        entries = [e for e in entries if e.feature_code == "ADM1"] or entries
    elif admin_level == TOWN_CUE:
        # a newspaper's city ("The Washington Post"), not the state or province of that name
        entries = [e for e in entries if e.feature_class == "P" and important(e)] or entries
    elif admin_level is None:
        entries = _towns_over_their_districts(entries)
    # "X district": the district and its seat town both stay; the town's point is where events are coded
    cap = written_prior(entries)
    entries.sort(key=lambda e: base_score(e, text, cap) - spelling_penalty(text, e), reverse=True)
    return entries[:SCORED_CANDIDATES]


def _container_candidates(text: str, entries: list[Entry]) -> list[Entry]:
    """A place the text says another lies in ("Karak in Dar'a") is the well-known place of that name, where one
    is named as written (the Syrian governorate and city), not a hamlet of that name abroad (the Dara hamlets of
    Pakistan and Sudan, which a namesake of the contained place would otherwise pull it to)."""
    if not any(same_name(text, e) and important(e) for e in entries):
        return entries
    return [e for e in entries if important(e) or e.feature_class != "P" or e.population >= VILLAGE_POPULATION]


DISTRICT_SEAT_KM = 60.0
BORDER_KM = 30.0  # a crossing's town lies within this of a place of the other country


def _towns_over_their_districts(entries: list[Entry]) -> list[Entry]:
    """ "Abu Kamal" names the town, not the district named after it, unless the text says "district"."""
    towns = [e for e in entries if e.feature_class == "P"]
    return [e for e in entries
            if e.feature_code not in ("ADM2", "ADM3")
            or not any(t.country_code == e.country_code
                       and great_circle_km(t.lat, t.lon, e.lat, e.lon) <= DISTRICT_SEAT_KM for t in towns)]


def focus_weights(firsts: Sequence[Entry | None], demonym_countries: Sequence[str]) -> dict[str, float]:
    """Country → share of the document's mentions (first choices and demonyms)."""
    counts: Counter[str] = Counter()
    for e in firsts:
        if e is not None and e.country_code:
            counts[e.country_code] += 1
    for cc in demonym_countries:
        counts[cc] += 1
    total = sum(counts.values()) or 1
    return {k: v / total for k, v in counts.items()}


@dataclass(frozen=True)
class Document:
    """What the whole article says about where it is, beside each mention's own candidates."""

    texts: Sequence[str]
    demonym_countries: Sequence[str] = ()
    country_hint: str | None = None
    within: Sequence[tuple[int, bool] | None] = ()
    home: Entry | None = None  # where the outlet is from (context.home_place)
    province_hints: Sequence[tuple[str, str]] = ()  # (country, admin1) the text implies (context.implied_places)
    votes: Sequence[bool] = ()  # whether each mention counts towards the focus ("the US dollar" does not)
    inner: Sequence[tuple[Entry, ...]] = ()  # for each mention, the candidates of the places the text says lie in it
    holds: Sequence[frozenset[int]] = ()  # for each mention, its towns near a place the text says lies in it
    front: FrontLine | None = None  # the front line the text is about (context.front_line_of)
    caps: Sequence[float | None] = ()  # for each mention, the prior of its best place named as written
    # for each mention, the provinces of its towns named as written, (country, "") for a city of 100,000
    seats: Sequence[frozenset[tuple[str, str]]] = ()


def resolve_all(texts: Sequence[str], gazetteer: Gazetteer, *, demonym_countries: Sequence[str] = (),
                admin_levels: Sequence[str | None] | None = None, at_border: Sequence[bool] | None = None,
                as_written: Sequence[bool] | None = None,
                country_hint: str | None = None,
                containers: Sequence[tuple[int, bool] | None] | None = None,
                home: Entry | None = None, province_hints: Sequence[tuple[str, str]] = (),
                votes: Sequence[bool] | None = None, front: FrontLine | None = None) -> list[Resolution]:
    """Resolve a document's mentions together (each helps the others).

    Two passes: the first scores against every mention's best candidate by
    name and prior alone; the second against the first pass's winners.
    ``containers[i]`` is (index of the mention that says where mention ``i`` lies, whether
    the text is firm about it): "Castilla, Piura" (not firm: a comma), "Ara in As-Sweida"
    (firm). Candidates in that place's country and province, and near it, score higher.
    ``home``: where the article's outlet is from; candidates in its province and country score higher.
    ``province_hints``: (country, admin1) pairs the text implies; they count towards the province focus.
    ``votes[i]`` False: mention ``i`` is resolved but says nothing about where the text is ("the US dollar").
    ``front``: the front line the text is about; towns of its country near it score higher.
    """
    levels = admin_levels or [None] * len(texts)
    borders = at_border or [False] * len(texts)
    written = as_written or [False] * len(texts)
    within = list(containers) if containers is not None else [None] * len(texts)
    cands = [candidates_for(t, gazetteer, admin_level=a, at_border=b, as_written=w)
             for t, a, b, w in zip(texts, levels, borders, written, strict=True)]
    for i in {c[0] for c in within if c is not None}:
        cands[i] = _container_candidates(texts[i], cands[i])
    doc = Document(texts, demonym_countries, country_hint, within, home, province_hints,
                   list(votes) if votes is not None else [True] * len(texts), inner_candidates(cands, within), front=front,
                   holds=holding_towns(texts, cands, within))
    firsts = [c[0] if c else None for c in cands]
    countries = _document_countries(firsts, doc)
    for i, c in enumerate(cands):
        if not written[i] and not any(is_exact(e) and important(e) for e in c):
            # villages of the document's countries that share a transliteration key with many places elsewhere
            c.extend(gazetteer.lookup_in(texts[i], countries))
    doc = replace(doc, caps=[written_prior(c) for c in cands],
                  seats=[frozenset((e.country_code or "", "" if important(e) else e.admin1 or "")
                                   for e in c if e.feature_class == "P" and is_exact(e)) for c in cands])
    out = _pass(doc, cands, firsts)
    for _ in range(MAX_PASSES - 1):
        if len(texts) < 2:
            break
        # Again against the last pass's winners; a mention it left unresolved offers its best guess,
        # so that two transliterated names of one area support each other ("Ein Issa ... Ar-Raqqa").
        # Until nothing changes: "Karak area in Dar'a" first pulls Dar'a abroad by Karak's namesake.
        before = [r.entry for r in out]
        out = _pass(doc, cands, [r.entry or r.best for r in out], [r.entry is not None for r in out])
        if [r.entry for r in out] == before:
            break
    out = _settle_contained(doc, cands, out)
    return _drop_far_outliers(out, demonym_countries, within, doc.votes)


def _settle_contained(doc: Document, cands: list[list[Entry]], out: list[Resolution]) -> list[Resolution]:
    """A place in another country than the place the text says it lies in is scored once more against the
    final winners. Two readings may call each other forth pass after pass ("Tarn Taran (Punjab)": India's
    town and Pakistan's Punjab, where a village is also called Tarn Taran); the passes stop with the
    container in one country and the place scored against its container of the pass before, in the other."""
    if len(out) < 2:
        return out
    clash = [i for i, link in enumerate(doc.within)
             if link is not None and (e := out[i].entry) is not None and (c := out[link[0]].entry) is not None
             and e.feature_code not in ("PCLI", "CONT") and e.country_code != c.country_code]
    if not clash:
        return out
    again = _pass(doc, cands, [r.entry or r.best for r in out], [r.entry is not None for r in out])
    return [again[i] if i in clash else r for i, r in enumerate(out)]


FAR_KM = 1000.0


def _drop_far_outliers(out: list[Resolution], demonym_countries: Sequence[str],
                       within: Sequence[tuple[int, bool] | None] = (), voting: Sequence[bool] = ()) -> list[Resolution]:
    """A weakly matched place far from a document that clearly sits elsewhere is left unresolved.

    "Clearly elsewhere": one country holds at least half of the other places' and demonyms' votes
    (two at least, or one well-known place of that country named by its main name and no other vote), and the place lies
    more than :data:`FAR_KM` from every other town or area (so there must be one: demonyms alone, "Gondorian forces
    shelled Ethring", leave a place far from none). "Weakly matched": a transliteration-key match or
    fewer than 100,000 people. A place in the country of the place the text says it lies in stays ("Visbek,
    Germany"); a mention that says nothing about where the text is ("the US dollar") does not vote.
    """
    winners = [r.entry for r in out]
    result = []
    for i, res in enumerate(out):
        e = res.entry
        link = within[i] if i < len(within) else None
        holder = winners[link[0]] if link is not None else None
        if e is None or e.feature_code in ("PCLI", "CONT") or e.country_code is None \
                or (holder is not None and holder.country_code == e.country_code):
            result.append(res)
            continue
        others = [w for j, w in enumerate(winners) if j != i and w is not None and w.country_code
                  and (j >= len(voting) or voting[j])]
        votes = Counter(w.country_code for w in others if w.country_code)
        votes.update(demonym_countries)
        total = sum(votes.values())
        top, n = votes.most_common(1)[0] if votes else ("", 0)
        weak = not is_exact(e) or e.population < 100_000
        located = [w for w in others if w.feature_code not in ("PCLI", "CONT")]
        far = bool(located) and all(great_circle_km(e.lat, e.lon, w.lat, w.lon) > FAR_KM for w in located)
        alone = n == 1 and total == 1 and bool(located) and all(w.kind == 0 and important(w) for w in located)
        if weak and (n >= 2 or alone) and n * 2 >= total and e.country_code != top and far:
            result.append(Resolution(None, res.score, res.candidates))
        else:
            result.append(res)
    return result


def _document_countries(firsts: Sequence[Entry | None], doc: Document) -> tuple[str, ...]:
    """The countries a document names (as written), implies or is told (hint, demonyms, provinces)."""
    found = {e.country_code for e in firsts if e is not None and e.country_code and is_exact(e)}
    found.update(doc.demonym_countries)
    found.update(cc for cc, _ in doc.province_hints)
    if doc.country_hint:
        found.add(doc.country_hint)
    return tuple(sorted(found))[:12]


INNER_CANDIDATES = 30  # candidates of a contained mention that say which area its container is
DISTRICT_KM = 100.0  # a district holds the places of its province within this of its point
TOWN_HOLDS_KM = 150.0  # a town of the container's name this close to a contained candidate may be what the text means


def inner_candidates(cands: Sequence[Sequence[Entry]], within: Sequence[tuple[int, bool] | None]
                     ) -> list[tuple[Entry, ...]]:
    """For each mention, the candidates (named as written) of the mentions the text says lie in it; none
    when a town of the mention's name lies near one of them ("Orikhove, Luhansk": the town or the province,
    the town's neighbourhood is the better guess)."""
    out: list[list[Entry]] = [[] for _ in cands]
    for i, link in enumerate(within):
        if link is not None:
            out[link[0]].extend(e for e in cands[i][:INNER_CANDIDATES] if is_exact(e))
    return [() if any(_near_town(t, x) for t in cands[j] if t.feature_class == "P" and is_exact(t)) else tuple(x)
            for j, x in enumerate(out)]


def _near_town(town: Entry, inner: Sequence[Entry]) -> bool:
    return any(e.country_code == town.country_code and e.geonameid != town.geonameid
               and great_circle_km(e.lat, e.lon, town.lat, town.lon) <= TOWN_HOLDS_KM for e in inner)


def holding_towns(texts: Sequence[str], cands: Sequence[Sequence[Entry]],
                  within: Sequence[tuple[int, bool] | None]) -> list[frozenset[int]]:
    """For each mention, its towns of that very name that lie near a candidate of a place the text says
    lies in it: "San Antonio (Valparaiso)": the Chilean
    Valparaíso holds a San Antonio nearby, the Valparaisos of Indiana and Florida hold none. After a bare
    comma, only when the contained name is no big city's ("Paris, London" may be a list: Paris and London,
    Ontario lie side by side)."""
    inner: list[list[Entry]] = [[] for _ in cands]
    for i, link in enumerate(within):
        if link is not None and (link[1] or not any(is_exact(e) and important(e) for e in cands[i])):
            inner[link[0]].extend(e for e in cands[i][:INNER_CANDIDATES] if is_exact(e))
    out: list[frozenset[int]] = []
    for text, entries, x in zip(texts, cands, inner, strict=True):
        if not x:
            out.append(frozenset())
            continue
        out.append(frozenset(t.geonameid for t in entries if is_exact(t) and (
            (t.feature_class == "P" and norm(t.name) == norm(text) and _near_town(t, x))
            or _holds_area(t, x))))
    return out


def _holds_area(entry: Entry, inner: Sequence[Entry]) -> bool:
    return entry.feature_code in ("ADM1", "ADM2") and contains_score(entry, inner) > 0.0


def contains_score(entry: Entry, inner: Sequence[Entry], holds: frozenset[int] = frozenset()) -> float:
    """1 when ``entry`` is a province or district that holds a candidate of a place the text says lies in it,
    or a town near one (``holds``, from :func:`holding_towns`).

    "Uruara, Para", "Riachinho, Tocantins": the state Pará holds an Uruará, the town Belém (also
    called Pará) does not; so the container is the state, as the text means.
    """
    if entry.geonameid in holds:
        return 1.0
    code = entry.feature_code
    if code not in ("ADM1", "ADM2") or not entry.admin1 or not inner:
        return 0.0
    for e in inner:
        if e.country_code == entry.country_code and e.admin1 == entry.admin1 and e.geonameid != entry.geonameid and (
                code == "ADM1" or great_circle_km(e.lat, e.lon, entry.lat, entry.lon) <= DISTRICT_KM):
            return 1.0
    return 0.0


FRONT_KM = 10.0  # the front score halves every ~7 km from the line


def front_score(entry: Entry, front: FrontLine | None) -> float:
    """0..1: a town of the front line's country, by how close it lies to the line."""
    if front is None or entry.country_code != front.country or entry.feature_class != "P":
        return 0.0
    return math.exp(-km_to_line(entry.lat, entry.lon, front.points) / FRONT_KM)


def within_score(entry: Entry, container: Entry | None) -> float:
    """0..1: 0.5 for the container's country, up to 0.5 more for lying in its province or near its point."""
    if container is None or not container.country_code or entry.country_code != container.country_code:
        return 0.0
    if container.feature_code in ("PCLI", "CONT"):
        return 0.5
    same_province = bool(entry.admin1) and entry.admin1 == container.admin1
    if container.feature_code == "ADM1" and same_province:
        return 1.0
    # "Lozove, Donetsk": the town of Donetsk or its province; either way, its province counts
    return 0.5 + 0.5 * max(0.8 if same_province else 0.0,
                           math.exp(-great_circle_km(entry.lat, entry.lon, container.lat, container.lon) / 150.0))


def province_weights(firsts: Sequence[Entry | None], hints: Sequence[tuple[str, str]] = ()
                     ) -> dict[tuple[str, str], float]:
    """(country, admin1) → share of the document's places in that province; a province named counts twice,
    a province the text implies ("OSCE SMM") once."""
    counts: Counter[tuple[str, str]] = Counter(hints)
    for e in firsts:
        if e is not None and e.country_code and e.admin1 and is_exact(e) and e.feature_code not in ("PCLI", "CONT"):
            counts[(e.country_code, e.admin1)] += 2 if e.feature_code == "ADM1" else 1
    total = sum(counts.values()) or 1
    return {k: v / total for k, v in counts.items()}


PROVINCE_TOWNS = 2  # towns the text names in a province before they support it
HOME_KM = 150.0  # a local outlet covers the towns around its home, across a state line too


def home_score(entry: Entry, home: Entry | None) -> float:
    """0..1: 0.5 for the outlet's home country; up to 0.5 more for its province (0.4) or nearness to its home,
    whichever is more (a Chattanooga paper's LaFayette is the Georgian town across the line); the province
    or district that holds the home gets the full 1.0 (a Georgia paper's "Georgia" is the state)."""
    if home is None or not home.country_code or entry.country_code != home.country_code:
        return 0.0
    if home.feature_class != "P":
        return 1.0 if home.admin1 and entry.admin1 == home.admin1 else 0.5
    same_province = bool(home.admin1) and entry.admin1 == home.admin1
    if same_province and entry.feature_code == "ADM1":
        return 1.0
    return 0.5 + 0.5 * max(0.8 if same_province else 0.0,
                           math.exp(-great_circle_km(entry.lat, entry.lon, home.lat, home.lon) / HOME_KM))


def _container(doc: Document, firsts: Sequence[Entry | None], i: int) -> tuple[Entry | None, bool, int | None]:
    """The first choice of the place the text says mention ``i`` lies in, whether it says so firmly, and which
    mention that is."""
    k, firm = doc.within[i] or (None, False)
    seen = {i}
    while k is not None and k not in seen and firsts[k] is None:
        # "a hamlet, an unknown district in a known province": the unknown container passes it on
        seen.add(k)
        k, also = doc.within[k] or (None, False)
        firm = firm or also
    if k is None or k in seen:
        return None, firm, None
    return firsts[k], firm, k


#: The parts of a candidate's score, in the order its reasons list them.
_PARTS = ("focus", "near", "within", "province", "home", "contains", "front", "spelling", "abroad")


@dataclass(frozen=True)
class _Scored:
    score: float
    entry: Entry
    parts: tuple[float, ...]  # the values of _PARTS
    focus: float
    near: float

    @property
    def reasons(self) -> tuple[str, ...]:
        """The score's parts as text (formatted only for the candidates a resolution keeps)."""
        e = self.entry
        signs = {"spelling": "-", "abroad": "-"}
        return (f"match={KIND_QUALITY.get(e.kind, 0.5):.2f}", f"prior={prior(e):.2f}",
                *(f"{name}={signs.get(name, '')}{value:.2f}" for name, value in zip(_PARTS, self.parts, strict=True)))


STATE_NEAR = 0.5


def _linked(doc: Document, i: int) -> bool:
    """Whether the text says mention ``i`` lies in another, or another lies in it."""
    return bool(doc.within) and (doc.within[i] is not None or any(w is not None and w[0] == i for w in doc.within))


def _has_seat(doc: Document, i: int, e: Entry) -> bool:
    """Whether a town inside province ``e``, or a city of 100,000 in its country, has the name mention ``i`` is
    written with (its seat, mostly; "Washington")."""
    return bool(doc.seats) and ((e.country_code or "", e.admin1 or "") in doc.seats[i]
                                or (e.country_code or "", "") in doc.seats[i])


class _Nearest:
    """Kilometres from a point to the nearest of the other mentions' places, each point's kept (a name the
    text repeats brings the same candidates again)."""

    def __init__(self, points: list[tuple[float, float]]) -> None:
        self.points = prepared(points)
        self.known: dict[tuple[float, float], float] = {}

    def __bool__(self) -> bool:
        return bool(self.points)

    def km(self, lat: float, lon: float) -> float:
        d = self.known.get((lat, lon))
        if d is None:
            d = self.known[(lat, lon)] = nearest_km(lat, lon, self.points)
        return d


def _score(doc: Document, i: int, e: Entry, focus: dict[str, float], provinces: dict[tuple[str, str], float],
           others: _Nearest, container: Entry | None,
           towns_in: Counter[tuple[str, str]] | None = None, rival: int = 0) -> _Scored:
    """A candidate's score. ``rival``: the people of the largest town of the mention's very name in the
    text's country (:func:`_rival`)."""
    f = focus.get(e.country_code or "", 0.0)
    if e.feature_code in WIDE_CODES and is_exact(e):
        f = 0.5  # a continent or an ocean belongs to no country ("the Pacific" beside Oregon towns, not Pacific, Washington)
    near = f if e.feature_code in ("PCLI", *WIDE_CODES) else 0.0  # a country is "near" the places in it
    if others and e.feature_code not in ("PCLI", *WIDE_CODES):
        d = others.km(e.lat, e.lon)
        near = math.exp(-d / 300.0)
        if e.feature_code == "ADM1" and e.kind == 0 and not _has_seat(doc, i, e) and not _linked(doc, i):
            # a state named by its own name, that no town inside it shares, is half as near the text's places
            # as its country: its point says little ("Florida" in a New Jersey story is the state, not the
            # village of Florida, New York; "New York", "Farah" or "Timbuktu" stay the towns inside the areas
            # so named); not in a "(district, province)" chain, where the text says what holds what
            near = max(near, STATE_NEAR * f)
    key = (e.country_code or "", e.admin1 or "")
    prov = provinces.get(key, 0.0)
    if e.feature_code == "ADM1" and (towns_in is None or towns_in[key] < PROVINCE_TOWNS or _has_seat(doc, i, e)):
        # a province is supported by the towns the text names in it, two at least ("Oregon" beside Yachats and
        # Newport is the state, not the Ohio town of Oregon beside Toledo); one town and the province would
        # call each other forth ("New York ... Boston": the state and Boston, New York)
        prov = 0.0
    w, h = within_score(e, container), home_score(e, doc.home)
    c = contains_score(e, doc.inner[i], doc.holds[i] if doc.holds else frozenset()) if doc.inner else 0.0
    fr = front_score(e, doc.front)
    sp = spelling_penalty(doc.texts[i], e)
    # a small place in a country the text never names, when the text clearly sits in another one; a capital
    # too, when a town of its very name with a tenth of its people lies in the text's country ("Tripoli" in
    # a story on Lebanon; "Rome" in one on Georgia stays Italy's)
    abroad = 1.0 if f == 0.0 and focus and max(focus.values()) >= ABROAD_FOCUS and (
        not important(e) or (e.feature_class == "P" and rival and FAMOUS_RATIO * rival >= e.population)) else 0.0
    s = (base_score(e, doc.texts[i], doc.caps[i] if doc.caps else None) + WEIGHTS["focus"] * f + WEIGHTS["near"] * near + WEIGHTS["within"] * w
         + WEIGHTS["province"] * prov + WEIGHTS["home"] * h + WEIGHTS["contains"] * c + WEIGHTS["front"] * fr - sp - WEIGHTS["abroad"] * abroad)
    return _Scored(s, e, (f, near, w, prov, h, c, fr, sp, abroad), f, near)


#: The country focus of a text that clearly sits in one country (a place elsewhere is abroad).
ABROAD_FOCUS = 0.5


def _rival(text: str, entries: Sequence[Entry], focus: dict[str, float]) -> int:
    """The people of the largest town named as the mention is written in the country the text clearly sits
    in (0: none): a capital of that name elsewhere with less than ten times as many is abroad too."""
    return max((e.population for e in entries if e.feature_class == "P" and same_name(text, e)
                and focus.get(e.country_code or "", 0.0) >= ABROAD_FOCUS), default=0)


#: How many times more people a well-known place has than a namesake that beats it only on the text's context.
FAMOUS_RATIO = 10
LOCAL_NEAR = 0.9  # closeness (exp(-km / 300)) of a place within about 30 km of another the text names
_LINKS = tuple(_PARTS.index(name) for name in ("within", "home", "contains", "front"))


def _famous_first(text: str, scored: list[_Scored], focus: dict[str, float]) -> list[_Scored]:
    """A well-known place named by its own name beats a namesake with a tenth of its people that wins only by the
    text's country focus and nearness ("Portland" in a story on Houston and Dallas is Oregon's city, not Portland,
    Texas; "Wales" beside London is the country, not the English village), when the text is about the well-known
    place's country too (so that "Paris" in a Texas story with no word of France stays open to Paris, Texas).
    Not when the text links the namesake: a container, the outlet's home, a place it holds, the front line, or
    another place it names within about 30 km ("LaFayette" beside Walker County, Georgia)."""
    if (len(scored) < 2 or important(top := scored[0].entry) or any(scored[0].parts[k] > 0 for k in _LINKS)
            or scored[0].near >= LOCAL_NEAR):
        return scored
    for k, x in enumerate(scored[1:], start=1):
        e = x.entry
        if (e.kind == 0 and is_exact(e) and same_name(text, top) and norm(e.name) == norm(text) and important(e)
                and e.population >= FAMOUS_RATIO * max(top.population, VILLAGE_POPULATION)
                and (focus.get(e.country_code or "", 0.0) > 0 or e.feature_code in COUNTRY_CODES)):
            return [x, *scored[:k], *scored[k + 1:]]
    return scored


#: A place matched by a look-alike spelling lies at most this far from the town the text says it lies in.
LOOKALIKE_TOWN_KM = 150.0


def _accept(doc: Document, i: int, top: _Scored, focus: dict[str, float], container: Entry | None,
            firm: bool) -> bool:
    """Whether the best candidate may stand: a look-alike needs support; nothing abroad lies in its container."""
    best, f, near = top.entry, top.focus, top.near
    alone = not focus and important(best) and plausible_variant(doc.texts[i], best.form or best.name)
    if not same_name(doc.texts[i], best) and f < 0.25 and (near < 0.3 or focus) and not alone:
        # a look-alike nobody else supports, or in a country the document is not about; a large town
        # spelt close to the mention may stand in a text that says nothing else ("Nassriya city")
        return False
    if not is_exact(best) and not plausible_variant(doc.texts[i], best.form or best.name) and not (f >= 0.5 and near >= 0.5):
        # The loose key alone collapses too much: a spelling that far from the mention needs the
        # document's country and neighbours behind it.
        return False
    if container is not None and container.feature_class == "P" and not same_name(doc.texts[i], best) \
            and great_circle_km(best.lat, best.lon, container.lat, container.lon) > LOOKALIKE_TOWN_KM:
        # "the Tabbaneh area of Tripoli": a look-alike far from the town the text puts it in is another place
        return False
    area = container is not None and (container.feature_code or "").startswith(("ADM", "PCL"))
    # "Maracas, Tunapuna", "Ara in As-Sweida": a place abroad cannot lie in the place the text says it
    # lies in (after a bare comma only when small or in an area: "Paris, London" is a list).
    # A city never lies in a small town: "in Guatemala City, in Zona 12" where the only Zona is a village abroad.
    smaller = container is not None and container.feature_class == "P" and best.feature_class == "P" \
        and important(best) and not important(container)
    return not (container is not None and is_exact(container) and container.country_code and not smaller
                and (best.population < 100_000 or area or firm)
                and best.feature_code not in ("PCLI", "CONT") and best.country_code != container.country_code)


def _pass(doc: Document, cands: list[list[Entry]], firsts: Sequence[Entry | None],
          accepted: Sequence[bool] | None = None) -> list[Resolution]:
    """Each mention scored against the others' ``firsts``. ``accepted[k]``: whether mention ``k``'s first was
    accepted in the pass before (not only its best guess); a guess scores its contents' candidates but vetoes
    none of them ("Ethring (Dolen, Lossarnach)": Dolen's guess, a town of that name abroad, was left unresolved,
    so Ethring may stand in Lossarnach's country)."""
    out = []
    # Per mention below, the other mentions' first choices are filtered again; what does not depend on
    # the mention is found once: each first choice's name, the ones that vote, the ones that may be near.
    names = [norm_name(f) for f in firsts]
    voters = [(j, f, names[j]) for j, f in enumerate(firsts) if f is not None and is_exact(f) and doc.votes[j]]
    neighbours = [(j, f, names[j]) for j, f in enumerate(firsts) if f is not None and f.country_code
                  and doc.votes[j] and f.feature_code not in ("PCLI", "CONT")]
    # What the others say is the same for every mention of one name (its own choice, left out below, has
    # that name too, unless a later pass chose a place of another name for it): found once per name.
    said: dict[tuple[str, int], tuple[dict[str, float], _Nearest, dict[tuple[str, str], float],
                                      Counter[tuple[str, str]]]] = {}
    for i, entries in enumerate(cands):
        container, firm, k = _container(doc, firsts, i)
        veto = container if accepted is None or (k is not None and accepted[k]) else None
        own = norm_name(cands[i][0]) if cands[i] else ""
        key = (own, i if firsts[i] is not None and names[i] != own else -1)
        if key not in said:
            # Leave-one-out: a mention does not vote for its own country; look-alikes do not vote;
            # nor do the other mentions of this very name ("Santa Ana (Santa Ana)": a namesake must not vote for itself)
            rest = [f for j, f, name in voters if j != i and name != own]
            focus = focus_weights(rest, doc.demonym_countries)
            if doc.country_hint:
                focus[doc.country_hint] = focus.get(doc.country_hint, 0.0) + 1.0
            others = list({f.geonameid: f for j, f, name in neighbours if j != i and name != own}.values())
            # the province focus leaves out the other mentions of this very name ("Hawaii" ... "Hawaii")
            said[key] = (focus, _Nearest([(f.lat, f.lon) for f in others]), province_weights(rest, doc.province_hints),
                         Counter((f.country_code or "", f.admin1 or "") for f in
                                 {f.geonameid: f for f in rest if f.feature_class == "P"}.values()))
        focus, near_points, provinces, towns_in = said[key]
        rival = _rival(doc.texts[i], entries, focus)
        scored = sorted((_score(doc, i, e, focus, provinces, near_points, container, towns_in, rival)
                         for e in entries), key=lambda x: x.score, reverse=True)
        scored = _famous_first(doc.texts[i], scored, focus)
        candidates = tuple(
            Candidate(x.entry.geonameid, x.entry.name, x.entry.lat, x.entry.lon, x.entry.country_code,
                      x.entry.feature_code, x.entry.population, round(x.score, 3), x.reasons)
            for x in scored[:MAX_CANDIDATES])
        if not scored:
            out.append(Resolution(None, 0.0, ()))
        elif _accept(doc, i, scored[0], focus, veto, firm):
            out.append(Resolution(scored[0].entry, scored[0].score, candidates, scored[0].entry))
        else:
            out.append(Resolution(None, scored[0].score, candidates, scored[0].entry))
    return out


def norm_name(entry: Entry | None) -> str:
    return entry.name.lower() if entry is not None else ""


def confidence(res: Resolution) -> float:
    """0..1 from the winner's score and its margin over the runner-up."""
    if res.entry is None or not res.candidates:
        return 0.0
    top = res.candidates[0].score
    second = res.candidates[1].score if len(res.candidates) > 1 else top - 1.0
    return round(max(0.05, min(0.99, 0.3 + 0.15 * top + 0.4 * min(1.0, top - second))), 3)
