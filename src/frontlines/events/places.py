"""Where an event happened: the place(s) of an event in its sentence, the article's main place, precision.

:func:`choose_places` picks the places of the trigger's clause (one per listed place; a place the text
says another lies in is its container; a gazetteer namesake far from its stated container gives way to
the container); :func:`main_place` and :func:`fallback_place` stand in where the sentence names none;
:func:`geo_precision` maps a place to ACLED's geo_precision. Cue words are in ``data/events/places.yaml``.
Assembly (:mod:`.assemble`) calls them for each typed sentence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..deptree import climb, path_to, run_left, up_through
from ..geo import NOT_WHERE, lies_in_gap
from ..geo.distance import great_circle_km
from ..geo.names import norm
from ..geo.words import words
from ..records import Actor, Evidence, Place, Precision

#: Dependencies that open a new clause: a place across one is not "in the same clause".
CLAUSE_DEPS = ("relcl", "advcl", "ccomp", "csubj", "parataxis", "xcomp")
PRECISION_RANK = {"point": 0, "near": 1, "region": 2, "country": 3, "unresolved": 4}
#: Choosing among a clause's places: a place the text names, even unknown to the gazetteer, is finer
#: than a whole country ("took the Al Waleed border crossing with Syria" happened at the crossing).
CHOICE_RANK = {"point": 0, "near": 1, "region": 2, "unresolved": 3, "country": 4}
#: The evidence rule of a place read from the dateline (``geo``): where the report was filed.
DATELINE_RULE = "dateline"
#: Relations of a place list that names one area, not several ("between A and B").
JOINT_RELATIONS = ("between",)
#: Sub-event types that say a place changed hands: the place is the claim, so it is never borrowed.
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory")
#: Cue words for choosing an event's place (seat words, destination verbs).
PLACE_CUES = "events/places.yaml"


@dataclass(frozen=True)
class Located:
    """A place chosen for an event and the rule that chose it."""

    place: Place | None
    rule: str
    in_sentence: bool
    by: Place | None = None  # the resolved place that positions a named-but-unknown ``place``


def geo_precision(place: Place | None, *, fallback: bool = False) -> tuple[int | None, str]:
    """ACLED geo_precision (1 town/point, 2 near a town / part of a region, 3 region/province/country)."""
    if place is None or place.precision == "unresolved":
        return None, "geo:unknown"
    fc = place.feature_code or ""
    if place.precision == "point":
        if fc.startswith(("ADM1", "PCL")):
            value, rule = 3, f"geo:point-{fc}->3"
        elif fc.startswith(("ADM2", "ADM3", "RGN", "AREA", "DSRT", "MTS")):
            value, rule = 2, f"geo:point-{fc}->2"
        else:
            value, rule = 1, "geo:point->1"
    elif place.precision == "near":
        value, rule = 2, "geo:near->2"
    elif place.precision == "region":
        town = fc.startswith("PPL") or (place.relation is not None and not fc.startswith(("ADM", "PCL")))
        value, rule = (2, "geo:region-of-town->2") if town else (3, "geo:region->3")
    else:
        value, rule = 3, "geo:country->3"
    if fallback:
        return min(3, value + 1), f"{rule}, article-main-place +1"
    return value, rule


@cache
def place_cue_words(key: str) -> frozenset[str]:
    """A word list of ``data/events/places.yaml``: ``seat_words`` ("the Minas Tirith government"),
    ``destination_verbs`` (lemmas: "riders heading to Bree"), ``route_verbs`` (lemmas: "marched from Bree to X"),
    ``origin_prepositions`` / ``origin_verbs`` ("protesters from Bree"), ``road_words`` ("the Bree road")."""
    path = resources.files("frontlines") / "data" / PLACE_CUES
    return frozenset(yamlfile.load(path.read_text(encoding="utf-8"))[key])


def _next_word_in(last: Any, listed: frozenset[str]) -> bool:
    """Whether the word after ``last`` is in ``listed``."""
    return last.i + 1 < len(last.doc) and last.nbor(1).lower_ in listed


def names_seat(last: Any) -> bool:
    """A place naming the government seated there ("forces loyal to the Minas Tirith government"), not the
    event's place."""
    return _next_word_in(last, place_cue_words("seat_words"))


def _in_noun_phrase(tok: Any) -> bool:
    """An object of "in", "at" or "of" on a noun that is itself an object ("Archet" in "to the town hall in Archet")."""
    return bool(tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "of") and tok.head.head.dep_ == "pobj")


def names_destination(head: Any) -> bool:
    """ "riders heading to Bree", "a convoy bound for X": the place someone was going to; and where a march
    went when the text names where it set out from ("marched from Bree to Archet", "marched from the square
    in Bree to the town hall in Archet"): a march is one event, placed where it started."""
    # "to the town hall in Archet": the place of the noun the march went to
    goal = climb(head, _in_noun_phrase, hop=lambda g: g.head.head, limit=2)
    prep = goal.head
    if goal.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("to", "for", "towards", "toward"):
        return False
    verb = prep.head
    if goal is head and prep.lower_ in ("to", "for") and verb.lemma_ in place_cue_words("destination_verbs"):
        return True
    return verb.lemma_ in place_cue_words("route_verbs") and prep.lower_ != "for" and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def names_agent(head: Any) -> bool:
    """The doer of a passive verb, not where anything happened: "a nerve agent developed by the Soviet Union",
    "the town was shelled by Gondor" (the object of an ``agent`` "by")."""
    tok = _coordinated_root(head)
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def names_origin(head: Any) -> bool:
    """Where people came from, not where they acted: "protesters from Bree", "students who came from Bree"
    (``origin_prepositions`` after a noun or after one of ``origin_verbs``)."""
    tok = _coordinated_root(head)
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in place_cue_words("origin_prepositions"):
        return False
    return prep.head.pos_ in ("NOUN", "PROPN", "PRON") or prep.head.lemma_ in place_cue_words("origin_verbs")


def road_named(head: Any) -> Any | None:
    """The road a place names ("the Bree-Archet highway", "the Bree road"; ``road_words``), or None."""
    tok = up_through(head, ("compound", "nmod"))
    return tok if tok.i != head.i and tok.lemma_.lower() in place_cue_words("road_words") else None


def names_road(head: Any) -> bool:
    """A place naming a road: the event may be anywhere along it."""
    return road_named(head) is not None


def holds_road(place: Place, head: Any, passed: Any) -> bool:
    """Whether ``place`` is where a road between two towns lies, and also the name of a province: "on the
    Bree - Archet road in Eriador", Eriador a city and its province. A road between two other towns lies in
    the province, so the city does not beat the road's towns (a road named by one town, "the Bree road in
    Archet", may be a street of the town)."""
    road = road_named(passed)
    if road is None or head.dep_ != "pobj" or head.head.lower_ != "in" or head.head.head.i != road.i:
        return False
    between = any(t.text in ("-", "–", "—") for t in road.subtree if t.i < road.i)
    return between and any(c.feature_code == "ADM1" and c.name == place.name for c in place.candidates)


def passed_over(head: Any) -> bool:
    """A place a town of its clause beats: where people came from, or a road's name."""
    return names_origin(head) or names_road(head)


def _town(place: Place) -> bool:
    """A town or finer place: what beats a passed-over place (a province does not: "on the Bree-Archet road in
    Eriador" names the road's towns more precisely than the province)."""
    return place.precision in ("point", "near") and not (place.feature_code or "").startswith(("ADM", "PCL", "RGN",
                                                                                               "AREA"))


def _beaten(head: Any, trigger: Any, top: list[tuple[Place, Any]]) -> bool:
    """Whether a passed-over place has a town of the same clause (not itself passed over) to give way to."""
    if not passed_over(head):
        return False
    depth = _clause_distance(trigger, head)[0]
    return any(g.i != head.i and _town(q) and not passed_over(g) and not holds_road(q, g, head)
               and _clause_distance(trigger, g)[0] == depth for q, g in top)


def modifies_noun(place: Place, head: Any) -> bool:
    """A country naming a kind of thing, not where it happened: "the US dollar", "a Syria analyst"."""
    return place.precision == "country" and head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN"


def names_thing_abroad(place: Place, head: Any, focus: str | None, places: list[Place]) -> bool:
    """A town naming a thing ("the Palma bridge", "the Geneva talks"; not a place noun, "the Palma area"), of a
    country the article names nowhere else while it is about another one: a namesake of the thing's own place,
    or a thing elsewhere; not the event's place either way."""
    if focus is None or place.precision != "point" or place.country_code in (None, focus) \
            or head.dep_ != "compound" or head.head.pos_ != "NOUN":
        return False
    noun = head.head.lemma_.lower()
    if noun in words("place_nouns") | words("container_gap") | place_cue_words("road_words"):
        return False
    return not any(q is not place and q.country_code == place.country_code for q in places)


def usable(place: Place) -> bool:
    """Places an event can be pinned on (not a demonym such as "Syrian", nor a currency's country, "the US dollar",
    nor a time zone's town, "4 a.m. Moscow time")."""
    return place.relation != "demonym" and place.relation not in NOT_WHERE


def focus_country(places: list[Place]) -> str | None:
    """The country an article is about: the one its resolved places name most often (demonyms count)."""
    named = Counter(p.country_code for p in places if p.country_code and p.precision != "unresolved"
                    and p.geonameid is not None and p.relation not in NOT_WHERE)
    return named.most_common(1)[0][0] if named else None


def sentence_country(in_sent: list[tuple[Place, Any]], focus: str | None) -> tuple[str | None, str]:
    """The country that names a sentence's generic actors ("Protesters (Mexico)"): the country of a place
    the sentence names (the focus country when it is one of them), else the article's focus country."""
    here = [p.country_code for p, _ in in_sent if p.country_code and p.precision != "unresolved"]
    if focus in here or (not here and focus):
        return focus, f"country:{focus} (article focus)" if focus not in here else f"country:{focus} (place)"
    if here:
        return here[0], f"country:{here[0]} (place)"
    return None, "country:unknown"


def main_place(places: list[Place], *, short: bool = False) -> Place | None:
    """The article's main place, for events whose sentence names none.

    The focus country is the one most often named (demonyms count); the main place is the most
    often named town or area in it when one is named more often than any other; else, in a short
    report (``short``), the first town named in it ("On 2 June, in Minas Tirith, Gondor, guards raided a
    workshop in the Rath Dinen quarter. Two smiths were detained."); else the country.
    """
    named = [p for p in places if p.country_code and p.precision != "unresolved" and p.geonameid is not None
             and p.relation not in NOT_WHERE]
    if not named:
        return None
    focus = Counter(p.country_code for p in named).most_common(1)[0][0]
    local = [p for p in named if usable(p) and p.country_code == focus and p.precision != "country"]
    counts = Counter(p.geonameid for p in local).most_common(2)
    if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        return min((p for p in local if p.geonameid == counts[0][0]),
                   key=lambda p: (p.relation is not None, PRECISION_RANK[p.precision]))
    towns = [p for p in local if p.precision == "point" and p.relation is None]
    if short and towns:
        return min(towns, key=lambda p: p.start)
    return next((p for p in named if p.country_code == focus and p.precision == "country" and usable(p)), None)


def _listed(tok: Any) -> bool:
    """A list item: a conjunct, or an apposition heading a conjunction ("A, B and C" parsed B appos A)."""
    return tok.dep_ == "conj" or (tok.dep_ == "appos" and any(c.dep_ == "conj" for c in tok.children))


def _coordinated_root(tok: Any) -> Any:
    return climb(tok, _listed)


def _describes(outer: Any, inner: Any) -> bool:
    """Whether ``inner`` sits in ``outer``'s phrase as a description, not as a coordinated item."""
    return path_to(inner, outer, lambda t: not _listed(t)) is not None


def _clause_distance(a: Any, b: Any) -> tuple[int, int]:
    """(clause boundaries crossed, tree distance) between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            path = up_a[:n] + up_b[: ids_b[t.i]]
            return sum(1 for x in path if x.dep_ in CLAUSE_DEPS), n + ids_b[t.i]
    return 99, 99


def lies_in_next(head: Any, heads: list[Any]) -> bool:
    """Whether the text says this place lies in the next place named ("Sirwah district (Marib)",
    "Darbasiyah in Al-Hasakeh", "Vasylivka, Donetsk"): the inner place is the finer location."""
    gap = _gap_after(head, heads)
    return gap is not None and lies_in_gap(gap)


def _gap_after(head: Any, heads: list[Any]) -> list[str] | None:
    """The lower-case words between a place and the next one named (None when none follows)."""
    nxt = min((h for h in heads if h.i > head.i), default=None, key=lambda h: h.i)
    if nxt is None:
        return None
    doc = head.doc
    # the gap ends where the next name is written, hyphens and all: "in al-Hasakeh", "in Deir-ez-Zor" (head "Zor")
    start = run_left(doc, nxt.i, lambda t: not t.whitespace_ and t.is_alpha | (t.text == "-"), start=head.i + 1)
    return [t.lower_ for t in doc[head.i + 1:start] if not t.text[:1].isupper()]


def finer_than_next(place: Place, head: Any, heads: list[Any], found: list[tuple[Place, Any]]) -> bool:
    """Whether the text makes this place the finer location inside the next one (``lies_in_next``); said with
    "of" alone ("Combe area of Archet district"), only when the gazetteer agrees (``outside_container``)."""
    if place.precision == "country" or not lies_in_next(head, heads):
        return False
    gap = _gap_after(head, heads) or []
    return any(g in {",", "(", "in"} for g in gap) or not outside_container(place, head, found)


def containers_named(found: list[tuple[Place, Any]]) -> set[int]:
    """The token indices of the places the text says another place lies in, when the gazetteer's place
    agrees ("Lossarnach village (Edhellond, Belfalas)": Edhellond, Lossarnach being a village near Edhellond).

    A place left unresolved, or one the gazetteer has far from its container (a namesake), does not
    displace its container: the container is the better-known location.
    """
    out: set[int] = set()
    for p, h in found:
        chain = _containers(h, found)
        if not chain or not _direct(h, chain[0], found) or p.precision in ("unresolved", "country") \
                or p.lat is None or p.lon is None or _area(p) or stated_container(p, h, found) is not None:
            continue
        q = chain[0]
        if not _area(q) and population(p) > population(q):
            continue  # "the road linking Minas Tirith to Osgiliath in Cair Andros area": a city does not lie in a smaller town
        if q.feature_code == "ADM1":
            inside = p.country_code == q.country_code and bool(p.admin1) and p.admin1 == q.admin1
        else:
            inside = great_circle_km(p.lat, p.lon, q.lat, q.lon) <= INNER_KM["area" if _area(q) else "town"]  # type: ignore[arg-type]
        if inside:
            out.update(g.i for r, g in found if r is q)
    return out


def outside_container(place: Place, head: Any, found: list[tuple[Place, Any]]) -> bool:
    """Whether the gazetteer's place lies away from the place the text says holds it: further than
    ``INNER_KM`` from a town or district, or in another province than one the text names ("Combe area of
    Archet city, Bree-land" where the gazetteer's only Combe lies in another province)."""
    chain = _containers(head, found)
    if not chain or not _direct(head, chain[0], found) or place.precision in ("unresolved", "country") \
            or place.lat is None or place.lon is None or _area(place):
        return False
    if any(_other_province(place, q) for q in chain if q.feature_code == "ADM1"):
        return True
    q = chain[0]
    if q.feature_code == "ADM1":
        return place.country_code != q.country_code
    return great_circle_km(place.lat, place.lon, q.lat, q.lon) > INNER_KM["area" if _area(q) else "town"]  # type: ignore[arg-type]


def _direct(head: Any, container: Place, found: list[tuple[Place, Any]]) -> bool:
    """Whether ``container`` is the place named right after ``head``'s."""
    nxt = min((g.i for _, g in found if g.i > head.i), default=None)
    return any(q is container and g.i == nxt for q, g in found)


def dateline(place: Place) -> bool:
    """Whether the place was read from the report's dateline (where it was filed)."""
    return place.evidence is not None and place.evidence.rule == DATELINE_RULE


def choose_places(trigger: Any, found: list[tuple[Place, Any]]) -> list[Located]:
    """The place(s) of an event in its sentence: those in the trigger's clause, one per listed place.

    ``found`` pairs each usable place of the sentence with its head token. Places nested in another
    place's phrase ("Talila, located in the countryside of Palmyra") describe it: an unresolved
    outer place takes the resolved nested one's location.
    """
    if not found:
        return []
    ids = {id(p): h for p, h in found}
    nested: dict[int, Place] = {}
    top: list[tuple[Place, Any]] = []
    heads = [h for _, h in found]
    for p, h in found:
        # A country is never described by a town in its phrase: "the Govt of Somalia near Gaduud" is a parse
        # attaching the village to the country, not a village that says where Somalia lies. Nor is the
        # place the text says the town lies in: "in Punta Arenas (Magallanes)" parsed with the town inside.
        # Nor is a dateline, which the parse may make the subject of the lede ("BEIRUT - Rebels clashed ...").
        outer = next((q for q, g in found if q is not p and g.i != h.i and q.precision != "country"
                      and not dateline(q) and _describes(g, h) and not (h.i < g.i and lies_in_next(h, heads))), None)
        if outer is None:
            top.append((p, h))
        elif id(outer) not in nested and p.precision != "unresolved":
            nested[id(outer)] = p
    # A country stands in only when the sentence names no other place ("the Govt of Somalia ... near
    # Gaduud village": the village, even when the parse puts it in another clause). A place the text
    # says another one lies in is that one's container, not the event's place ("in the vicinity of
    # Lossarnach village (Edhellond, Belfalas)": Lossarnach, not Edhellond).
    # A dateline says where the report was filed: a town or village the sentence names beside it is
    # where the event happened ("AMMAN - A car bomb blew up near the town of Ras al-Ain").
    holders = containers_named(top)
    towns = any(not dateline(p) and p.precision in ("point", "near") for p, _ in top)
    scored = sorted(top, key=lambda ph: (ph[0].precision == "country", towns and dateline(ph[0]),
                                         _clause_distance(trigger, ph[1])[0],
                                         _beaten(ph[1], trigger, top), ph[1].i in holders,
                                         not finer_than_next(ph[0], ph[1], heads, top),
                                         CHOICE_RANK[ph[0].precision],
                                         _clause_distance(trigger, ph[1])[1], abs(ph[1].i - trigger.i)))
    best, best_head = scored[0]
    rule = "place:same-clause" if _clause_distance(trigger, best_head)[0] == 0 else "place:nearest-in-sentence"
    over = [p.text for p, h in top if p is not best and _beaten(h, trigger, top) and not _beaten(best_head, trigger, top)
            and _clause_distance(trigger, h)[0] == _clause_distance(trigger, best_head)[0]]
    if over:
        rule += ", over origin/road " + ", ".join(f"'{t}'" for t in over)
    group = [best]
    if best.relation not in JOINT_RELATIONS:
        root = _coordinated_root(best_head)
        group = [p for p, h in top if _coordinated_root(h).i == root.i and p.relation not in JOINT_RELATIONS]
        group.sort(key=lambda p: ids[id(p)].i)
    out = []
    for p in group:
        r = rule if len(group) == 1 else f"{rule}, one-per-listed-place"
        inner = nested.get(id(p))
        others = [(q, h) for q, h in found if all(q is not g for g in group)]  # a listed sibling is no container
        after = following_place(p, ids[id(p)], others) if p.precision == "unresolved" and inner is None else None
        container = stated_container(p, ids[id(p)], others)
        if container is not None:
            # "San Juan, Lagunillas, Merida": the gazetteer's San Juan lies far from the place the text
            # says it is in, so it is a namesake; the event is near the stated container instead.
            unknown = replace(p, name=None, geonameid=None, country_code=None, admin1=None, feature_code=None,
                              candidates=())
            rule = namesake_rule(p, ids[id(p)], others, container)
            out.append(Located(positioned(unknown, container, rule), f"{r}, {rule}", True, by=container))
        elif p.precision == "unresolved" and inner is not None:
            rule = f"located-by-nested '{inner.text}' for '{p.text}'"
            out.append(Located(positioned(p, inner, rule), f"{r}, {rule}", True, by=inner))
        elif after is not None:
            rule = f"located-near-following '{after.text}' for '{p.text}'"
            out.append(Located(positioned(p, after, rule), f"{r}, {rule}", True, by=after))
        else:
            out.append(Located(p, r, True))
    return out


FOLLOWING_TOKENS = 8
#: How far a place may lie from the town (or area) the text says it is in before it counts as a namesake.
CONTAINER_KM = {"town": 250.0, "district": 600.0, "province": 600.0}
#: How near a town or village must lie to the place the text says it is in to be the finer location.
INNER_KM = {"town": 60.0, "area": 150.0}


def stated_container(place: Place, head: Any, found: list[tuple[Place, Any]]) -> Place | None:
    """The resolved place the text says ``place`` lies in, when the gazetteer's ``place`` is a namesake:
    too far from it, or in another province or country than a province or country the text says holds it.

    "Degwar sector area (Poonch district)": the gazetteer's only Degwar is 600 km from Poonch. "Bywater
    village, Hobbiton Township, Westfarthing District, Shire State": a Bywater in another state is a namesake,
    and the event lies at Hobbiton. A well-known place (a capital, a town of 100,000) is no namesake.
    """
    if place.precision in ("unresolved", "country") or place.lat is None or place.lon is None or _area(place) \
            or place.relation in JOINT_RELATIONS or _well_known(place):
        return None
    chain = _containers(head, found)
    towns = [q for q in chain if q.precision != "country"]
    if not towns:
        return None
    first = towns[0]
    kind = "town" if not _area(first) else "province" if first.feature_code == "ADM1" else "district"
    direct = first is chain[0] and _direct(head, first, found)
    far = direct and great_circle_km(place.lat, place.lon, first.lat, first.lon) > CONTAINER_KM[kind]  # type: ignore[arg-type]
    outer = [q for q in chain if q.feature_code == "ADM1" and q is not first]
    if far and any(_other_province(first, q) for q in outer) and not any(_other_province(place, q) for q in outer):
        far = False  # "Bywater (Archet, Shire)": the gazetteer's Archet lies outside the Shire, Bywater inside it
    if direct and not far and first.country_code == place.country_code and first.admin1 and first.admin1 == place.admin1:
        return None  # "Goniri (Gujba LGA, Borno)": the district the text names holds it; an outer province may be a slip
    if far or any(_other_province(place, q) or (_other_country(place, q) and (q is first and direct or _area(q)))
                  for q in chain):
        return first
    return None


def namesake_rule(place: Place, head: Any, found: list[tuple[Place, Any]], container: Place) -> str:
    """The evidence for a namesake: the province or country it is not in, else the container it is far from."""
    chain = _containers(head, found)
    other = next((q for q in chain if _other_province(place, q)), None)
    if other is not None:
        return f"namesake-in-another-province-than '{other.text}' for '{place.text}'"
    other = next((q for q in chain if _other_country(place, q)), None)
    if other is not None:
        return f"namesake-in-another-country-than '{other.text}' for '{place.text}'"
    return f"namesake-far-from '{container.text}' for '{place.text}'"


def _well_known(place: Place) -> bool:
    """A capital or a city of a million people, named as the text writes it."""
    if norm(place.name or "") != norm(place.text):
        return False
    return place.feature_code == "PPLC" or population(place) >= 1_000_000


def population(place: Place) -> int:
    """The population of the gazetteer entry a place resolved to (0 when unknown)."""
    return next((c.population for c in place.candidates if c.geonameid == place.geonameid), 0)


def _containers(head: Any, found: list[tuple[Place, Any]]) -> list[Place]:
    """The resolved places the text says ``head``'s place lies in, innermost first ("Bywater village, Hobbiton
    Township, Westfarthing District, Shire State": Hobbiton, Westfarthing, Shire); unresolved ones pass the chain on."""
    out: list[Place] = []
    at = head
    for q, h in sorted(((q, h) for q, h in found if h.i > head.i), key=lambda qh: qh[1].i):
        if h.i == at.i:
            continue
        if not lies_in_next(at, [at, h]):
            break
        if q.precision != "unresolved" and q.lat is not None and q.lon is not None:
            out.append(q)
        at = h
    return out


def _other_country(place: Place, container: Place) -> bool:
    return bool(place.country_code and container.country_code) and place.country_code != container.country_code


def _other_province(place: Place, province: Place) -> bool:
    """ "Wadajir (Banadir)": the gazetteer's Wadajir lies in another province of the same country. A town named
    like the province it lies in stands for it ("(Al Hali, Al Hudaydah)": the city or the governorate)."""
    return ((province.feature_code == "ADM1" or _province_town(province)) and place.feature_code != "ADM1"
            and bool(place.admin1) and bool(province.admin1) and place.country_code == province.country_code
            and place.admin1 != province.admin1)


def _province_town(place: Place) -> bool:
    """A town the gazetteer also has as a province of that very name (Al Hudaydah, Marib, Idlib); not a capital,
    which often lies in a district of its own (Buenos Aires, Sanaa)."""
    return (place.feature_code or "").startswith("PPL") and place.feature_code != "PPLC" and any(
        c.feature_code == "ADM1" and c.country_code == place.country_code and norm(c.name) == norm(place.name or "")
        for c in place.candidates)


def following_place(place: Place, head: Any, found: list[tuple[Place, Any]]) -> Place | None:
    """For an unresolved place, the resolved one named right after it, which says where it lies.

    "Arimba village (Quissanga, Cabo Delgado)", "Kudzokope in Adaklu District (Volta)": the event
    is near the first resolved place within a few tokens after the unknown name, else near the
    closest one the sentence names (precision ``near`` for a town, the area's own otherwise).
    Countries are too coarse to stand in; a sentence naming no other place keeps the name unresolved.
    """
    known = [(q, h) for q, h in found if q.precision not in ("unresolved", "country")]
    after = sorted(((q, h) for q, h in known if 0 < h.i - head.i <= FOLLOWING_TOKENS), key=lambda qh: qh[1].i)
    # else the closest place the sentence names: "in Belford Roxo, ... a shoot-out in Gogo da Ema neighborhood"
    ranked = after or sorted(known, key=lambda qh: abs(qh[1].i - head.i))
    if not ranked:
        return None
    q = ranked[0][0]
    return replace(q, precision="near", relation="near", anchor=q.name) if q.precision == "point" else q


def positioned(named: Place, by: Place, rule: str) -> Place:
    """The place the sentence names, unknown to the gazetteer, at the position of the place that locates it.

    "Talila Natural Reserve, located in the eastern countryside of Palmyra": the event's place stays
    Talila Natural Reserve (its text and name; no GeoNames id), with Palmyra's point, country and
    province, ``anchor`` the locating place's resolved name and precision ``near`` (next to a town)
    or ``region`` (somewhere in an area, or in a part of a town's surroundings). ``relation`` stays
    None: the mention is the place itself, not a relative phrase; how it was placed is in the evidence.
    """
    precision: Precision = "near" if by.precision in ("point", "near") and not _area(by) else "region"
    how = f"{by.relation} {by.name or by.text}" if by.relation and by.relation != "near" else (by.name or by.text)
    ev = named.evidence
    evidence = Evidence(ev.article_id, ev.sentence, ev.start, ev.end,
                        f"{ev.rule}; {rule} ({how})") if ev is not None else None
    return replace(named, name=named.name or named.text, lat=by.lat, lon=by.lon,
                   country_code=named.country_code or by.country_code, admin1=named.admin1 or by.admin1,
                   precision=precision, confidence=min(named.confidence or by.confidence, by.confidence),
                   relation=None, anchor=by.anchor or by.name, evidence=evidence)


def _area(place: Place) -> bool:
    """A resolved place that is an area (province, district, region, desert), not a town or site."""
    return (place.feature_code or "").startswith(("ADM", "PCL", "RGN", "AREA", "DSRT", "MTS"))


def fallback_place(main: Place | None, actor1: Actor | None, sub_event_type: str | None = None) -> Located:
    """The article's main place for an event whose sentence names none, unless its actor is foreign to it.

    "Iraqi forces took the crossing" in an article about Syria is not pinned on the Syrian main place.
    A territory change ("the Army regained 25,000 square kilometres") is not either: its place is what
    changed hands, and the article's main town would become a false claim of control over that town.
    """
    if main is None:
        return Located(None, "place:none", False)
    if sub_event_type in TERRITORY:
        return Located(None, "place:none (a territory change is not placed on the article's main place)", False)
    country = (actor1.country or "").upper() if actor1 is not None else ""
    if len(country) == 2 and main.country_code and country != main.country_code.upper():
        return Located(None, f"place:none (actor1 country {country} is not the main place's)", False)
    return Located(main, "place:article-main", False)
