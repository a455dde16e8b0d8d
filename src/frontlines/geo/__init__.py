"""Places: gazetteer build/import and toponym recognition + resolution.

Public API:

* :func:`load_gazetteer` — open (building on first use) the gazetteer in ``settings.data_path``;
* :func:`find_places` — the pipeline stage: spaCy Doc + Article → ``list[Place]``;
* :func:`resolve_name` — one name (e.g. an ACLED location) → a :class:`Place` or ``None``;
* :func:`province_seat` — a province at the point of its seat town, for an event placed in it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from ..records import Article, Evidence, Place
from ..settings import Settings
from .build import open_or_build
from .context import front_line_of, home_place, implied_places
from .distance import great_circle_km
from .gazetteer import Entry, Gazetteer
from .names import norm
from .recognize import ROAD_ENDS_RULE, Mention, find_mentions
from .relative import Relation, relation_before
from .resolve import COUNTRY_CODES, TOWN_CUE, Resolution, confidence, resolve_all
from .words import words

__all__ = ["Gazetteer", "find_places", "lies_in_gap", "load_gazetteer", "province_seat", "resolve_name"]

#: Nouns around a name that say which level of area it names: "Idlib province", "the district of Afrin"; a
#: governor or a legislature is a province's or state's ("the governor of Georgia", "Missouri Gov. Greitens").
_ADMIN_CUES = {"province": "ADM1", "governorate": "ADM1", "state": "ADM1", "region": "ADM1", "oblast": "ADM1",
               "governor": "ADM1", "gov.": "ADM1", "legislature": "ADM1",
               "district": "ADM2", "county": "ADM2", "raion": "ADM2", "subdistrict": "ADM3", "nahiya": "ADM3"}


def load_gazetteer(settings: Settings) -> Gazetteer:
    """Open ``<data_path>/gazetteer.sqlite``, building the embedded default on first use (~25 s)."""
    return open_or_build(settings.data_path)




def precision_of(entry: Entry) -> str:
    if entry.feature_code in ("PCLI", "CONT") or (entry.feature_code or "").startswith("PCL"):
        return "country"
    if entry.feature_code in words("area_codes") or entry.feature_class == "L":
        return "region"
    return "point"


def _sentences(doc: Any, text: str) -> list[tuple[int, str]]:
    """(start offset, text) of each sentence (the whole text when the Doc has no sentences).

    ``text`` is the text the Doc was made from (``doc.text`` would rebuild it).
    """
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start_char, text[s.start_char:s.end_char]) for s in doc.sents]
    return [(0, text)]


def _sentence(m: Mention, bounds: list[tuple[int, str]]) -> str:
    i = max(0, bisect.bisect_right(bounds, (m.start, "\uffff")) - 1)
    return bounds[i][1]


#: The relation of a country naming its currency ("the US dollar exchange rate"): kept as a toponym, never an
#: event's place nor the article's focus.
CURRENCY_RELATION = "currency"
#: The relation of a town naming a clock's time zone ("at 4 a.m. Moscow time"): kept as a toponym, never an
#: event's place nor the article's focus.
TIME_ZONE_RELATION = "time zone"
#: Relations of a toponym that say nothing about where the text is or where something happened.
NOT_WHERE = frozenset({CURRENCY_RELATION, TIME_ZONE_RELATION})


def _names_currency(doc: Any, m: Mention) -> bool:
    """ "the US dollar", "Syrian pound": a country naming a currency says nothing about where the text is."""
    return m.token_end < len(doc) and doc[m.token_end].lower_ in words("currency_words")


def _names_time_zone(doc: Any, m: Mention) -> bool:
    """ "at 4 a.m. Moscow time", "20:00 Kyiv time": a town naming the clock a time is told by."""
    if m.token_end >= len(doc) or doc[m.token_end].lower_ != "time" or m.token_start == 0:
        return False
    before = doc[m.token_start - 1]
    return before.lower_ in words("clock_words") or any(c.isdigit() for c in before.text)  # "20:00", "4"


def _leads_abroad(doc: Any, m: Mention) -> bool:
    """ "the Saudi-led coalition", "US-backed forces": a country leading or backing a force, which fights abroad,
    says nothing about where the text is."""
    after = [t.lower_ for t in doc[m.token_end:m.token_end + 2]]
    return after[:1] in (["led"], ["backed"]) or after in (["-", "led"], ["-", "backed"])


def _at_border(doc: Any, m: Mention) -> bool:
    """ "Al Waleed border crossing", "the Nasib crossing": the place of that name at a border."""
    words = [t.lower_ for t in doc[m.token_end:m.token_end + 2]]
    return words[:1] == ["crossing"] or words == ["border", "crossing"] or words == ["border", "post"]


def _admin_cue(doc: Any, m: Mention) -> str | None:
    """The level of area the text says a name is ("ADM1" for "Idlib province"), if it says."""
    after = doc[m.token_end].lower_ if m.token_end < len(doc) else ""
    if after == "national" and m.token_end + 1 < len(doc) and doc[m.token_end + 1].lower_ == "guard":
        return "ADM1"  # "the Georgia National Guard": a US state's
    before = doc[m.token_start - 2].lower_ if m.token_start >= 2 and doc[m.token_start - 1].lower_ == "of" else ""
    if after in words("newspaper_heads") and doc[m.token_end].text[:1].isupper():
        return TOWN_CUE  # "The Washington Post", "Kyiv Post": a paper is named after its city
    return _ADMIN_CUES.get(after) or _ADMIN_CUES.get(before)


#: A town of a state's name lying this near another state of the list is the one meant ("Maryland, Virginia
#: and Washington": the capital, not the state).
LIST_TOWN_KM = 300.0


def _state_by_own_name(text: str, gazetteer: Gazetteer) -> Entry | None:
    """The first-level area whose own name this is, when no country nor city of 100,000 has the name too."""
    entries = gazetteer.exact(text)
    if any((e.feature_class == "P" and e.population >= 100_000) or e.feature_code in COUNTRY_CODES for e in entries):
        return None
    return next((e for e in entries if e.kind == 0 and e.feature_code == "ADM1"), None)


def listed_states(doc: Any, names: list[Mention], gazetteer: Gazetteer) -> list[bool]:
    """For each mention, whether it is a first-level area by the list it stands in: "western states such as
    California or Washington", "Guam, Alaska, Hawaii, Florida and Washington" (most of the other names of
    the list are states by their own name, and the mention has a state of its name, whose large town does
    not lie among them, and names no country: "to Alaska or Mexico")."""
    gaps = _gaps(doc, names)
    runs: list[list[int]] = [[0]] if names else []
    for k, gap in enumerate(gaps):
        if gap in ([","], ["and"], ["or"], [",", "and"], [",", "or"]):
            runs[-1].append(k + 1)
        else:
            runs.append([k + 1])
    out = [False] * len(names)
    for run in runs:
        if len(run) < 2 or not any(gaps[k - 1] != [","] for k in run[1:]):
            continue  # a list ends in "and"/"or"
        states = {k: _state_by_own_name(names[k].name, gazetteer) for k in run}
        for k in run:
            mates = [j for j in run if j != k and norm(names[j].name) != norm(names[k].name)]
            known = [st for j in mates if (st := states[j]) is not None]
            if not mates or 2 * len(known) <= len(mates):
                continue
            entries = gazetteer.exact(names[k].name)
            own = [e for e in entries if e.feature_code == "ADM1"]
            towns = [e for e in entries if e.feature_class == "P" and e.population >= 100_000]
            if any(e.feature_code in COUNTRY_CODES for e in entries):
                continue  # "to Alaska or Mexico": a country is no state, nor are its list's others
            if own and not any(great_circle_km(t.lat, t.lon, st.lat, st.lon) <= LIST_TOWN_KM
                               for t in towns for st in known):
                out[k] = True
    return out


def _place(m: Mention, res: Resolution | None, entry: Entry | None, article: Article, doc: Any,
           gazetteer: Gazetteer, *, rule: str, bounds: list[tuple[int, str]], relation: str | None = None, precision: str | None = None,
           conf: float = 0.0) -> Place:
    raw_start, raw_end = article.span_to_raw(m.start, m.end)
    evidence = Evidence(article.id, _sentence(m, bounds), raw_start, raw_end, rule)
    candidates = res.candidates if res is not None else ()
    if entry is None:
        return Place(m.text, raw_start, raw_end, None, None, None, None, None, None, None, "unresolved",
                     0.0, relation, None, evidence, candidates)
    return Place(
        text=m.text, start=raw_start, end=raw_end, name=entry.name, geonameid=entry.geonameid,
        lat=entry.lat, lon=entry.lon, country_code=entry.country_code,
        admin1=gazetteer.admin1_name(entry.country_code, entry.admin1) if entry.feature_code != "ADM1" else entry.name,
        feature_code=entry.feature_code, precision=precision or precision_of(entry),  # type: ignore[arg-type]
        confidence=conf, relation=relation, anchor=entry.name if relation and relation != "demonym" else None,
        evidence=evidence, candidates=candidates,
    )




#: Words at most between a place and the one it lies in: "Ethring in the eastern countryside of Lossarnach".
CONTAINER_GAP = 5


def lies_in_gap(gap: list[str]) -> bool:
    """Whether the words between two place names say the first lies in the second: "in", a bracket or a comma
    ("Maan town in Hama", "Sirwah district (Marib)"), or a place noun and "of" ("Combe area of Archet district")."""
    return 0 < len(gap) <= CONTAINER_GAP and all(g in words("container_gap") for g in gap) and (
        any(g in {",", "(", "in"} for g in gap)
        or any(a in words("place_nouns") | {"area"} and b == "of" for a, b in zip(gap, gap[1:], strict=False)))


def containers_of(doc: Any, names: list[Mention]) -> list[tuple[int, bool] | None]:
    """For each mention, the next one when the text says the first lies in it.

    "Castilla, Piura", "Tieba (Bankass, Mopti)", "Maan town in Hama": the next mention follows
    within five tokens, with only a comma, bracket, "in" and place nouns between them. The flag
    says the words are firm ("in", a bracket) rather than a comma that might separate a list.
    A bare comma links neither a list ("Saipan, Guam, Alaska and Hawaii") nor a clause ("from Sirte,
    the US gave").
    """
    gaps = _gaps(doc, names)
    listed = _listed(gaps)
    out: list[tuple[int, bool] | None] = []
    for k, m in enumerate(names):
        nxt = names[k + 1] if k + 1 < len(names) else None
        gap = gaps[k] if nxt is not None else []
        firm = "in" in gap or "(" in gap
        ok = nxt is not None and lies_in_gap(gap) and norm(nxt.name) != norm(m.name) \
            and (firm or ("the" not in gap and k not in listed))
        if nxt is not None and m.rule == nxt.rule == "postal-address" and gap in ([], [","]):
            ok = firm = True  # "Galesburg IL 61401": the address says the town lies in the state
        # "in"/"(" say it lies there; a bare comma may also be a list ("Paris, London and Berlin")
        out.append((k + 1, firm) if ok else None)
    return out


def _gaps(doc: Any, names: list[Mention]) -> list[list[str]]:
    """The words (lower case) between each mention and the next. Only a gap of up to
    :data:`CONTAINER_GAP` words is ever read word by word, so a longer one is cut after
    ``CONTAINER_GAP + 1`` words (still too long for every test; names are far apart in most texts)."""
    return [[t.text.lower() for t in doc[m.token_end:min(nxt.token_start, m.token_end + CONTAINER_GAP + 1)]]
            for m, nxt in zip(names, names[1:], strict=False)]


def _listed(gaps: list[list[str]]) -> set[int]:
    """The mentions of a list ("A, B, C and D"): runs joined by bare commas that end in "and"/"or"."""
    out: set[int] = set()
    run: list[int] = []
    for k, gap in enumerate(gaps):
        if gap == [","]:
            run.append(k)
        elif gap in (["and"], ["or"], [",", "and"], [",", "or"]) and run:
            out.update(run)
            out.add(k)
            run = []
        else:
            run = []
    return out


def _demonym_entry(target: str, gazetteer: Gazetteer) -> Entry | None:
    if target.startswith("gn:"):
        return gazetteer.get(int(target[3:]))
    return gazetteer.country(target)


def short_forms_in_full(texts: list[str], gazetteer: Gazetteer) -> list[str]:
    """Each name, or the full name it is the first part of when the text also writes that in full and the gazetteer
    knows it so ("Trinidad" in a story that names Trinidad and Tobago is the country, not La Trinidad; likewise
    Bosnia and Herzegovina, Antigua and Barbuda)."""
    full: dict[str, str] = {}
    for t in texts:
        head, sep, _ = norm(t).partition(" and ")
        if sep and head and head not in full and gazetteer.exact(t):
            full[head] = t
    return [full.get(norm(t), t) for t in texts] if full else texts


def find_places(doc: Any, article: Article, *, gazetteer: Gazetteer) -> list[Place]:
    """Recognise and resolve the toponyms of a parsed article (offsets into the user's text).

    ``doc`` is the spaCy Doc of ``article.clean_text`` (possibly truncated).
    Demonyms ("Syrian", "Iraqis") come back as ``precision="country"`` places
    with ``relation="demonym"``: use them for actors' countries, not to place events.
    """
    mentions = find_mentions(doc, gazetteer=gazetteer)
    names = [m for m in mentions if m.demonym is None]
    dem_entries = {m.demonym: _demonym_entry(m.demonym, gazetteer) for m in mentions if m.demonym}
    dem_countries = [e.country_code for m in mentions if m.demonym and (e := dem_entries.get(m.demonym)) and e.country_code
                     and not _leads_abroad(doc, m)]
    implied = implied_places(article.clean_text)
    dem_countries += [i.country for i in implied]
    home = home_place(article, gazetteer)
    resolutions = resolve_all(short_forms_in_full([m.name for m in names], gazetteer), gazetteer,
                              demonym_countries=dem_countries,
                              province_hints=[(i.country, a) for i in implied for a in i.admin1],
                              votes=[not (_names_currency(doc, m) or _names_time_zone(doc, m) or _leads_abroad(doc, m))
                                     for m in names],
                              admin_levels=[_admin_cue(doc, m) or ("ADM1" if listed else None)
                                            for m, listed in zip(names, listed_states(doc, names, gazetteer),
                                                                 strict=True)],
                              at_border=[_at_border(doc, m) for m in names],
                              as_written=[m.rule.endswith("+site") for m in names],
                              containers=(containers := containers_of(doc, names)), home=home,
                              front=front_line_of(article.clean_text, gazetteer))
    by_start = dict(zip((m.start for m in names), resolutions, strict=True))
    places: list[Place] = []
    bounds = _sentences(doc, article.clean_text) if mentions else []
    for m in mentions:
        if m.demonym is not None:
            entry = dem_entries.get(m.demonym)
            places.append(_place(m, None, entry, article, doc, gazetteer, rule=m.rule, bounds=bounds, relation="demonym",
                                 precision="country", conf=0.9 if entry else 0.0))
            continue
        res = by_start[m.start]
        if res.entry is None and not (m.strong or m.cued):
            continue  # a weak span the gazetteer cannot place is probably not a place, unless the text says so
        rel = relation_before(doc, m.token_start)
        if res.entry is not None and precision_of(res.entry) == "country" and _names_currency(doc, m):
            rel = Relation(CURRENCY_RELATION, "country")  # "the US dollar": a currency, never where something happened
        if res.entry is not None and _names_time_zone(doc, m):
            rel = Relation(TIME_ZONE_RELATION, precision_of(res.entry))  # "4 a.m. Moscow time": a clock, not a place
        if ROAD_ENDS_RULE in m.rule:
            rel = Relation("road between", "near")  # "the Halba-Qoubaiyat road": on the road, near the town
        if m.part and res.entry is not None:
            rel = Relation(f"{m.part} part of", "region")
        places.append(_place(m, res, res.entry, article, doc, gazetteer, rule=m.rule, bounds=bounds,
                             relation=rel.relation if rel and res.entry else None,
                             precision=rel.precision if rel and res.entry and precision_of(res.entry) == "point" else None,
                             conf=confidence(res)))
    parts = {m.start for m in names if m.token_end < len(doc) and doc[m.token_end].lower_ in words("town_part_nouns")}
    sites = {m.start for m in names if FACILITY_LABEL in m.rule and _local_head(m.name)}
    inside = {_raw_start(article, m.start): _raw_start(article, names[c[0]].start)
              for m, c in zip(names, containers, strict=True) if c is not None}
    return _place_local_features(places, doc, gazetteer, parts={_raw_start(article, s) for s in parts},
                                 home=home.geonameid if home is not None else None,
                                 sites={_raw_start(article, s) for s in sites}, inside=inside)


#: spaCy's label of buildings, streets and squares, as the recognition rules write it.
FACILITY_LABEL = ":FAC"


def _local_head(text: str) -> bool:
    """The name ends in a word of a local feature ("Washington Square", "Frenchmen Street")."""
    tokens = text.lower().split()
    return bool(tokens) and tokens[-1].strip(".") in words("local_heads")


def _raw_start(article: Article, start: int) -> int:
    return article.span_to_raw(start, start)[0]




#: A part of a town ("Tijuca neighborhood") further than this from the text's town is a namesake.
TOWN_PART_KM = 40.0


def _place_local_features(places: list[Place], doc: Any, gazetteer: Gazetteer,
                          parts: Collection[int] = (), home: int | None = None,
                          sites: Collection[int] = (), inside: dict[int, int] | None = None) -> list[Place]:
    """Unresolved local features ("Frenchmen Street") → the document's main town, precision ``near``;
    likewise a part of a town ("Candelaria neighborhood", raw start offsets in ``parts``) that the gazetteer
    has only far from that town, and a square or street that spaCy calls a facility (``sites``) that matched a
    town named so, far from it ("Washington Square", a park of a New Orleans story, not the Pennsylvanian
    town). The main town is the outlet's home (``home``, a GeoNames id) when the text
    names it: a local paper's streets are its town's; else the town named most often, ties going to the town
    in the province most of the text's places lie in (New Orleans beside "Louisiana"), then to the first.
    A feature the text puts in a town or an area within a country (``inside``: raw start → the container's raw
    start; "Collins Avenue in Miami Beach", "Donington Park, Leicestershire") is placed there instead."""
    # the town named most often in the country the text names most ("Royal Street" in a New Orleans story
    # that names New Orleans once and a street named after Dubreuil, also a Mauritian village, twice)
    countries = Counter(p.country_code for p in places if p.country_code and p.relation != "demonym")
    main = countries.most_common(1)[0][0] if countries else None
    # a part of a town is not the town it is part of ("the Hill neighbourhood in Hobbiton city", each named once)
    towns = Counter(p.geonameid for p in places
                    if p.precision in ("point", "near") and p.geonameid is not None and p.relation != "demonym"
                    and p.feature_code and p.feature_code.startswith("PPL") and p.country_code == main
                    and p.start not in parts and p.start not in sites)
    if not towns:
        return places
    most = max(towns.values())
    provinces: Counter[tuple[str | None, str | None]] = Counter(
        (p.country_code, p.admin1) for p in places if p.admin1 and p.relation != "demonym"
        and p.start not in parts and p.start not in sites)
    tied = [p for p in places if p.geonameid is not None and towns.get(p.geonameid) == most
            and p.start not in parts and p.start not in sites]
    town = next((p for p in places if home is not None and p.geonameid == home and p.relation != "demonym"), None) \
        or max(tied, key=lambda p: provinces[(p.country_code, p.admin1)])  # ties: first
    by_start = {p.start: p for p in places}
    out = []
    for p in places:
        tokens = p.text.lower().split()
        far = p.lat is not None and p.lon is not None \
            and great_circle_km(p.lat, p.lon, town.lat, town.lon) > TOWN_PART_KM  # type: ignore[arg-type]
        part = p.start in parts and p.geonameid != town.geonameid and (p.precision == "unresolved" or far)
        part = part or (p.start in sites and far and bool(p.feature_code and p.feature_code.startswith("PPL"))
                        and norm(p.name or "") == norm(p.text))
        local = p.precision == "unresolved" and tokens and tokens[-1].strip(".") in words("local_heads")
        if (local or part) and p.evidence:
            at, how = town, "+document-town"
            stated = by_start.get((inside or {}).get(p.start, -1))
            if stated is not None and stated.geonameid is not None and stated.feature_code \
                    and (stated.feature_code.startswith("PPL") or stated.feature_code in words("area_codes")):
                at, how = stated, "+stated-town"
            ev = Evidence(p.evidence.article_id, p.evidence.sentence, p.evidence.start, p.evidence.end,
                          p.evidence.rule + how)
            area = bool(at.feature_code and at.feature_code in words("area_codes"))
            p = Place(p.text, p.start, p.end, at.name, at.geonameid, at.lat, at.lon, at.country_code,
                      at.admin1, at.feature_code, "region" if area else "near", 0.3, "in", at.name, ev, p.candidates)
        out.append(p)
    return out


def resolve_name(name: str, *, gazetteer: Gazetteer, country_hint: str | None = None) -> Place | None:
    """Resolve one place name with no document around it (``country_hint``: ISO alpha-2 code).

    >>> resolve_name("Deir ez-Zor", gazetteer=g, country_hint="SY")  # doctest: +SKIP
    """
    res = resolve_all([name], gazetteer, country_hint=country_hint)[0]
    if res.entry is None:
        return None
    e = res.entry
    admin1 = gazetteer.admin1_name(e.country_code, e.admin1) if e.feature_code != "ADM1" else e.name
    return Place(name, 0, len(name), e.name, e.geonameid, e.lat, e.lon, e.country_code, admin1,
                 e.feature_code, precision_of(e), confidence(res), None, None, None, res.candidates)  # type: ignore[arg-type]


#: Relations that keep a province whole ("the province of X"): the seat stands for it; "north of X" does not.
_WHOLE_PROVINCE = frozenset({None, *(f"{n} of" for n, level in _ADMIN_CUES.items() if level == "ADM1")})
SEAT_RULE = "province-seat"


def province_seat(place: Place, gazetteer: Gazetteer) -> Place | None:
    """A first-level area at the point of its seat, where ACLED codes an event it only places in the province
    (geo_precision 3): the largest town of the province named like it, as written ("Gondor province" → the
    town of Gondor in that province), else the province's largest town of known population (its capital,
    mostly). The place stays the province (its name, id, feature code and precision); its point is the
    town's, ``anchor`` the town's name. ``None`` when it is no province or no town inside it is known."""
    if place.feature_code != "ADM1" or place.geonameid is None or place.precision != "region" \
            or place.relation not in _WHOLE_PROVINCE:
        return None
    area = gazetteer.get(place.geonameid)
    if area is None or not area.admin1 or not area.country_code:
        return None
    names = {n for n in (place.name, place.text, area.name) if n}
    towns = [e for n in names for e in gazetteer.exact(n) if e.feature_class == "P" and e.kind < 2
             and e.country_code == area.country_code and e.admin1 == area.admin1]
    town = max(towns, key=lambda e: (e.population, e.kind == 0)) if towns \
        else gazetteer.largest_town(area.country_code, area.admin1)
    if town is None:
        return None
    ev = place.evidence
    evidence = Evidence(ev.article_id, ev.sentence, ev.start, ev.end, f"{ev.rule}; {SEAT_RULE} '{town.name}'") \
        if ev is not None else None
    return replace(place, lat=town.lat, lon=town.lon, anchor=town.name, evidence=evidence)
