"""Build Event records from typings, actor mentions, places and dates: one event per incident.

For each sentence the classifier types (cheap, and most sentences stop there), the rest runs only
for sentences that report an event: actor mentions → roles (``roles.py``), modality and
attribution (``modality.py``), fatalities and quantities (``numbers.py``), the date, and the
place(s). Each (typing, place) is a mention (:class:`.coreference.Draft`); mentions that tell one
incident are collected together (``coreference.py``) and merged into one event (``merge.py``).
Totals and background ("the war has killed 400,000 since 2011") give no mention. Choices
(geo_precision mapping, date fallback, confidence, incident identity) are documented in
``docs/events-assembly.md``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..actors import find_actors, resolve_entry
from ..actors.held import HeldPlace, held_in_text, held_place, in_longer_name, load_held_ground
from ..actors.resolve import actors_in_text
from ..geo import SEAT_RULE, lies_in_gap, province_seat
from ..geo.distance import great_circle_km
from ..geo.names import norm
from ..records import Actor, Article, DateInfo, Event, Evidence, Place, Precision, RejectedEvent
from ..time import resolve_date
from . import carry, modality, numbers, roles
from .classify import EventTyper, SentenceTyping
from .coreference import (
    SHORT_REPORT_SENTENCES,
    VIOLENT,
    Draft,
    Incidents,
    Toll,
    days_of,
    refers_back,
    separate_cue,
    total_cue,
)
from .mainevent import headline_means
from .merge import incident_event
from .model import model_typing, overrule_rule, verdict
from .typings import backstory, retyped

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
class Stages:
    """The neighbouring stages assembly calls, injectable for tests.

    ``classify(sent)`` → typings (the lexicon's: a ``model`` here is asked about whole incidents,
    see :func:`overrule`); ``find_actors(sent, article, *, actors)`` → actor mentions with raw
    offsets; ``resolve_date(text, *, published)`` → DateInfo.
    """

    classify: Callable[..., list[Any]]
    find_actors: Callable[..., list[Actor]]
    resolve_date: Callable[..., DateInfo]
    model: Any = None  # a trained sub-event model (``frontlines train``): it may retype whole incidents
    #: an event's province at the point of its seat town (:func:`frontlines.geo.province_seat`), or None
    seat: Callable[[Place], Place | None] = lambda place: None


def typer_stages(typed: dict[int, SentenceTyping], model: Any, gazetteer: Any = None) -> Stages:
    """The real neighbouring stages, the sentences already typed (``typed``: by their first token).

    ``model`` (a trained sub-event model, or ``None``) types whole incidents, so the sentences
    are typed without it (see :func:`extract_events`). ``gazetteer``: where a province's seat is looked
    up (without one, a province keeps its own point).
    """
    seat = (lambda place: province_seat(place, gazetteer)) if gazetteer is not None else (lambda place: None)
    return Stages(classify=lambda sent: list(typed[sent.start].typings), find_actors=find_actors,
                  resolve_date=resolve_date, model=model, seat=seat)


def extract_events(doc: Any, article: Article, places: list[Place], *, actors: Any, typer: EventTyper,
                   readings: list[SentenceTyping] | None = None,
                   headline: Callable[[], list[Any]] | None = None,
                   gazetteer: Any = None) -> tuple[list[Event], list[RejectedEvent]]:
    """The pipeline stage: events of a parsed article, one per incident (and place), and the
    candidates rejected.

    ``doc`` is the spaCy Doc of ``article.clean_text``; ``places`` come from
    :func:`frontlines.geo.find_places` (raw offsets); ``actors`` is what
    :func:`frontlines.actors.load_actors` returns; ``typer`` types the sentences (the lexicon and
    the event gate; its trained model, if any, is asked about whole incidents instead).
    ``readings``: the sentences already typed by ``typer`` without its model, as
    :meth:`EventTyper.read_docs` gives them (``None``: typed here). ``headline``: the typings of
    the article's headline, asked for only when the lede's event is a bare killing (see
    :func:`headline_means`). ``gazetteer``: where an event placed in a province finds the province's
    seat (:func:`frontlines.geo.province_seat`).
    """
    sents = list(doc.sents)
    if readings is None:
        readings = replace(typer, model=None).read(sents)
    typed = {sent.start: t for sent, t in zip(sents, readings, strict=True)}
    stages = typer_stages(typed, typer.model, gazetteer)
    events = assemble(doc, article, places, actors=actors, stages=stages)
    if headline is not None:
        events = with_headline_means(events, headline)
    return events, rejected_events(doc, article, typed) + background_rejections(doc, article, typed, stages)


def with_headline_means(events: list[Event], headline: Callable[[], list[Any]]) -> list[Event]:
    """The lede's bare killing typed as the remote means its headline names (:func:`.mainevent.headline_means`)."""
    if not events:
        return events
    lede = min(e.start for e in events)
    if not any(e.start == lede and e.sub_event_type == "Attack" for e in events):
        return events
    typings = headline()
    out = []
    for e in events:
        means = headline_means(e, typings) if e.start == lede else None
        if means is not None:
            evidence = {**e.evidence, "event_type": means[1], "sub_event_type": means[1], "plover_type": means[1]}
            e = replace(retyped(e, means[0], means[1]), evidence=evidence)
        out.append(e)
    return out


def rejected_events(doc: Any, article: Article, typed: dict[int, SentenceTyping]) -> list[RejectedEvent]:
    """The rejected candidates of each sentence, with raw offsets."""
    out: list[RejectedEvent] = []
    for sent in doc.sents:
        if not typed[sent.start].rejected:
            continue
        text, s_start, s_end = _strip_span(sent)  # Span.text joins the tokens anew on each call
        s_start, s_end = article.span_to_raw(s_start, s_end)
        for r in typed[sent.start].rejected:
            start, end = article.span_to_raw(r.trigger_start, r.trigger_end)
            out.append(RejectedEvent(r.trigger, start, end, text, s_start, s_end, r.sub_event_type, r.reason,
                                     r.score))
    return out


def background_cue(text: str, article: Article, stages: Stages) -> str | None:
    """The cue that makes a sentence a total or background ("since 2011"), given the date it states."""
    date, _ = date_of(text, article, stages)
    dated = own_date(date)
    return total_cue(text, dated=dated, day=dated and date.time_precision == 1)


def background_rejections(doc: Any, article: Article, typed: dict[int, SentenceTyping],
                          stages: Stages) -> list[RejectedEvent]:
    """The typed triggers of sentences that are totals or background (no event mention, see
    :func:`sentence_drafts`), with the cue as the reason ``rule:total-or-background '<cue>'``."""
    out: list[RejectedEvent] = []
    for sent in doc.sents:
        typings = [t for t in typed[sent.start].typings if getattr(t, "event_type", None)]
        if not typings:
            continue
        text, cstart, cend = _strip_span(sent)
        cue = background_cue(text, article, stages)
        if cue is None:
            continue
        s_start, s_end = article.span_to_raw(cstart, cend)
        for t in typings:
            start, end = article.span_to_raw(t.trigger_start, t.trigger_end)
            out.append(RejectedEvent(t.trigger, start, end, text, s_start, s_end, t.sub_event_type,
                                     f"rule:total-or-background '{cue}'", None))
    return out


@dataclass(frozen=True)
class Scene:
    """What every sentence of one article is assembled against."""

    article: Article
    places: list[Place]
    main: Place | None  # the article's main place (see :func:`main_place`)
    country: str | None  # the article's focus country (see :func:`focus_country`)
    actors: Any
    stages: Stages
    memory: carry.Memory  # what earlier sentences named (actors carried through the article)


@dataclass(frozen=True)
class Located:
    """A place chosen for an event and the rule that chose it."""

    place: Place | None
    rule: str
    in_sentence: bool
    by: Place | None = None  # the resolved place that positions a named-but-unknown ``place``


def raw_tokens(sent: Any, article: Article) -> list[tuple[Any, tuple[int, int]]]:
    """Each token of a sentence with its raw-text span."""
    return [(t, article.span_to_raw(t.idx, t.idx + len(t))) for t in sent]


def tokens_of(start: int, end: int, toks: list[tuple[Any, tuple[int, int]]]) -> list[Any]:
    return [t for t, (s, e) in toks if s < end and e > start]


def head_of(tokens: list[Any]) -> Any:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def trigger_token(sent: Any, typing: Any) -> Any:
    """The trigger token of a typing: from its token index if it has one, else its char offsets."""
    doc = sent.doc
    for name in ("trigger_i", "trigger_index", "trigger_token", "token_i"):
        i = getattr(typing, name, None)
        if isinstance(i, int) and sent.start <= i < sent.end:
            return doc[i]
    start = getattr(typing, "trigger_start", None)
    end = getattr(typing, "trigger_end", None)
    if isinstance(start, int):
        span = doc.char_span(start, end if isinstance(end, int) and end > start else start + 1,
                             alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    return sent.root


def trigger_tokens(sent: Any, typing: Any) -> frozenset[int]:
    """Doc indices of every token of a (possibly multi-word) trigger."""
    start, end = getattr(typing, "trigger_start", None), getattr(typing, "trigger_end", None)
    if not isinstance(start, int) or not isinstance(end, int) or end <= start:
        return frozenset()
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return frozenset(t.i for t in span) if span is not None else frozenset()


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
    ``destination_verbs`` (lemmas: "riders heading to Bree")."""
    path = resources.files("frontlines") / "data" / PLACE_CUES
    return frozenset(yaml.safe_load(path.read_text(encoding="utf-8"))[key])


def _next_word_in(last: Any, listed: frozenset[str]) -> bool:
    """Whether the word after ``last`` is in ``listed``."""
    return last.i + 1 < len(last.doc) and last.nbor(1).lower_ in listed


def names_seat(last: Any) -> bool:
    """A place naming the government seated there ("forces loyal to the Minas Tirith government"), not the
    event's place."""
    return _next_word_in(last, place_cue_words("seat_words"))


def names_destination(head: Any) -> bool:
    """ "riders heading to Bree", "a convoy bound for X": the place someone was going to."""
    prep = head.head
    return head.dep_ in ("pobj", "pcomp") and prep.lower_ in ("to", "for") and prep.head.lemma_ in place_cue_words("destination_verbs")


def modifies_noun(place: Place, head: Any) -> bool:
    """A country naming a kind of thing, not where it happened: "the US dollar", "a Syria analyst"."""
    return place.precision == "country" and head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN"


def usable(place: Place) -> bool:
    """Places an event can be pinned on (not a demonym such as "Syrian", nor a currency's country, "the US dollar")."""
    return place.relation not in ("demonym", "currency")


def focus_country(places: list[Place]) -> str | None:
    """The country an article is about: the one its resolved places name most often (demonyms count)."""
    named = Counter(p.country_code for p in places if p.country_code and p.precision != "unresolved"
                    and p.geonameid is not None and p.relation != "currency")
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
             and p.relation != "currency"]
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
    while _listed(tok) and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _describes(outer: Any, inner: Any) -> bool:
    """Whether ``inner`` sits in ``outer``'s phrase as a description, not as a coordinated item."""
    tok = inner
    while tok.i != outer.i:
        if _listed(tok) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


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
    start = nxt.i
    while start - 1 > head.i and not doc[start - 1].whitespace_ and doc[start - 1].is_alpha | (doc[start - 1].text == "-"):
        start -= 1
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
                                         ph[1].i in holders,
                                         not finer_than_next(ph[0], ph[1], heads, top),
                                         CHOICE_RANK[ph[0].precision],
                                         _clause_distance(trigger, ph[1])[1], abs(ph[1].i - trigger.i)))
    best, best_head = scored[0]
    rule = "place:same-clause" if _clause_distance(trigger, best_head)[0] == 0 else "place:nearest-in-sentence"
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


def confidence(typing_conf: float, r: roles.Roles, located: Located, dated: bool) -> float:
    """Typing confidence × completeness (0.55 + 0.2 actor1 + 0.1 actor2 + 0.1 place in sentence + 0.05 date)."""
    completeness = 0.55 + 0.2 * (r.actor1 is not None) + 0.1 * (r.actor2 is not None) \
        + 0.1 * located.in_sentence + 0.05 * dated
    return max(0.0, min(1.0, float(typing_conf) * completeness))


def event_id(article_id: str, start: int, end: int, sub_event: str | None, place: Place | None, trigger: int) -> str:
    """Stable id: hash of article id, sentence offsets, sub-event type, place and trigger offset."""
    where = str(place.geonameid) if place is not None and place.geonameid is not None else (place.text if place else "")
    key = f"{article_id}|{start}|{end}|{sub_event}|{where}|{trigger}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def date_of(text: str, article: Article, stages: Stages) -> tuple[DateInfo, str]:
    """The event date the sentence states; else the publication date at week precision (ACLED 2)."""
    info = stages.resolve_date(text, published=article.published)
    if info is not None and info.date is not None:
        return info, f"time:{info.rule}" + (f" '{info.text}'" if info.text else "")
    if article.published is not None:
        return DateInfo(article.published, 2, None, "published-fallback"), "date:article-published, week precision"
    return DateInfo(None, None, None, "unknown"), "date:unknown"


def own_date(info: DateInfo) -> bool:
    """Whether a sentence's date is stated in it: not the publication date, not the start of a span ("since May")."""
    stated = info.date is not None and "fallback" not in info.rule and info.rule not in ("unknown", "date:unknown")
    return stated and not (info.text or "").lower().startswith("since")


def toll_of(trig: Any, triggers: list[Any], counts: list[numbers.Count], offset: int) -> numbers.Count | None:
    """The death count of the event at ``trig``: the largest of the counts nearer to it than to any other trigger."""
    mine = [c for c in counts if min(triggers, key=lambda t: abs(t.idx - (offset + c.start))).i == trig.i]
    return max(mine, key=lambda c: (not c.additive, c.value)) if mine else None


def outcome_links(typings: list[Any], triggers: list[Any]) -> dict[int, int]:
    """Typings that only report another's outcome: index → index of the event they belong to.

    "shelled the town, killing 12" (a participle hanging on another trigger) and "10 militants were
    killed by an airstrike" (a bare death word beside a more specific violent event) are one event.
    """
    lex = numbers.load_numbers()
    parts = set(lex.get("outcome_participles", ()))
    words = set(lex.get("outcome_words", ()))
    hosts = [m for m, (ty, t) in enumerate(zip(typings, triggers, strict=True))
             if ty.event_type in VIOLENT and t.lower_ not in words | parts]
    links: dict[int, int] = {}
    for n, t in enumerate(triggers):
        if n in hosts:
            continue
        if t.lower_ in parts and t.dep_ in ("advcl", "xcomp", "conj", "acl"):
            host = next((m for m, h in enumerate(triggers) if m != n and h.i == t.head.i), None)
            if host is not None and host not in links:
                links[n] = host
                continue
        if t.lower_ in words and hosts:
            links[n] = min(hosts, key=lambda m: abs(triggers[m].i - t.i))
    return links


def is_outcome_only(triggers: list[Any]) -> bool:
    """Whether a sentence's triggers all just report deaths ("Two civilians were killed in the attack.")."""
    words = set(numbers.load_numbers().get("outcome_words", ()))
    return bool(triggers) and all(t.lower_ in words for t in triggers)


def _actors_of(sent: Any, scene: Scene, toks: list[tuple[Any, tuple[int, int]]]
               ) -> tuple[list[Actor], list[tuple[Place, Any]], str | None, str]:
    """A sentence's actor mentions, named for the sentence's country (:func:`sentence_country`), and its
    places. Actors are found first without a country, so a place inside a mention ("US forces") is not
    taken for the sentence's place."""
    found = list(scene.stages.find_actors(sent, scene.article, actors=scene.actors, country=None))
    in_sent = _sentence_places(sent, scene, found, toks)
    country, rule = sentence_country(in_sent, scene.country)
    if country is None:
        return found, in_sent, None, rule
    found = list(scene.stages.find_actors(sent, scene.article, actors=scene.actors, country=country))
    return found, _sentence_places(sent, scene, found, toks), country, rule


def _strip_span(sent: Any) -> tuple[str, int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return body, start, start + len(body)


def assemble(doc: Any, article: Article, places: list[Place], *, actors: Any, stages: Stages) -> list[Event]:
    """Events of a parsed article, one per incident, each with every sentence that told it as a mention."""
    sents = list(doc.sents)
    short = len(sents) <= SHORT_REPORT_SENTENCES
    focus = focus_country(places)
    memory = carry.Memory(lambda k: list(stages.find_actors(sents[k], article, actors=actors, country=focus)))
    scene = Scene(article, places, main_place(places, short=short), focus, actors, stages, memory)
    book = Incidents(short=short)
    typed: list[list[Any]] = []
    for n, sent in enumerate(sents):
        typings = [t for t in stages.classify(sent) if getattr(t, "event_type", None)]
        typed.append(typings)
        if typings:
            for draft in sentence_drafts(n, sent, typings, scene):
                book.add(draft)
        else:
            _toll_sentence(book, sent, scene)
    model = stages.model
    if model is not None and short and not book.items and sents:
        label, margin = verdict(model, sents, typed)
        if label is not None and margin > model.threshold_alone:
            for draft in sentence_drafts(0, sents[0], [model_typing(sents[0], label, margin, model)], scene):
                book.add(draft)
    events = [incident_event(inc) for inc in book.items]
    if model is not None:
        events = [overrule(e, [sents[i] for i in told], [typed[i] for i in told], model)
                  for e, told in zip(events, _told_by(book, len(sents)), strict=True)]
    return carry.claimed([unnamed_roles(e, actors) for e in events], sents, memory)


def unnamed_roles(event: Event, actors: Any) -> Event:
    """ACLED's actors for an incident of violence against civilians whose sentences leave a role unnamed
    (:func:`roles.by_event_type`).

    A protest or riot whose sentences name no participant has ACLED's crowd as actor1 ("Protesters
    (Country)"). A civilian parsed as the actor1 of violence against civilians is its victim ("the body of a man was
    found"); unnamed victims are Civilians (Country), also those of looting or property destruction
    (``victims_by_sub_event_type``); civilian victims of a sentence that names nobody who
    attacked (a passive without agent: "a man was shot dead"), and violence against civilians whose sentences
    name neither victim nor any armed or state actor ("bodies were found"), have an Unidentified Armed Group
    (Country) as perpetrator. The country is the event's place's, else its actors'; the evidence is the sentence.
    """
    data = roles.load_roles()
    victims, kind = ("victims_by_sub_event_type", event.sub_event_type) \
        if event.sub_event_type in data["victims_by_sub_event_type"] else ("victims_by_event_type", event.event_type)
    if event.sub_event_type in data["held_ground_by_sub_event_type"] and event.actor1 is None and event.actor2 is None:
        held = _held_ground(event, actors)
        if held is not event:
            return held
    if event.sub_event_type in data["unnamed_sides_by_sub_event_type"]:
        return _unnamed_sides(event, actors) if event.actor1 is None and event.actor2 is None else event
    if event.sub_event_type in data["unnamed_perpetrator_by_sub_event_type"]:
        return _unnamed_perpetrator(event, actors) if event.actor1 is None else event
    if kind not in data[victims] and event.event_type not in data["crowd_by_event_type"]:
        return event
    a1, a2, evidence = event.actor1, event.actor2, dict(event.evidence)
    agentless = "nsubjpass" in evidence.get("actor2", "").split(";")[0]
    if a1 is not None and a1.inter == 7 and a2 is None and victims == "victims_by_sub_event_type":
        return event  # civilians who loot or burn are not their own victims
    if a1 is not None and a1.inter == 7 and a2 is None:
        a1, a2, agentless = None, a1, True
        evidence["actor2"] = f"roles:civilian-actor1-is-the-victim; {evidence.pop('actor1', '')}"
    named = [a.country for a in (a1, a2) if a is not None and a.country]
    iso = event.place.country_code if event.place is not None and event.place.country_code else \
        (named[0] if named else None)
    if actors is None or iso is None or iso not in actors.countries:
        return event
    name_of = _generic_names(actors, iso)
    told = Actor(name=event.sentence, id=None, inter=None, text=event.sentence, country=iso, start=event.start,
                 end=event.end)
    if event.event_type in data["crowd_by_event_type"]:
        if a2 is not None and not roles.actor2_allowed(event.sub_event_type, a2):  # merged from another mention
            a2 = None
            evidence["actor2"] = ""
        if a1 is None:
            a1 = roles.by_event_type("crowd_by_event_type", event.event_type, name_of, told, " (no participant named)")
            evidence["actor1"] = f"roles:unnamed-crowd; {a1.rule}" if a1 else ""
    elif a2 is None:
        a2 = roles.by_event_type(victims, kind, name_of, told, " (no victim named)")
        evidence["actor2"] = f"roles:unnamed-victims; {a2.rule}" if a2 else ""
        if a1 is None and a2 is not None and not _names_a_force(event, actors):
            a1 = roles.by_event_type("unnamed_perpetrator_by_event_type", event.event_type, name_of, told,
                                     " (nobody named)")
            evidence["actor1"] = f"roles:unnamed-perpetrator; {a1.rule}" if a1 else ""
    elif a1 is None and a2.inter == 7 and agentless:
        a1 = roles.by_event_type("unnamed_perpetrator_by_event_type", event.event_type, name_of, told,
                                 f" (victim '{a2.text}', no perpetrator named)")
        evidence["actor1"] = f"roles:unnamed-perpetrator; {a1.rule}" if a1 else ""
    elif a1 is not None and a1.inter == 7 and a1.generic_type == "civilians" and victims == "victims_by_event_type":
        # "two men shot at people", "the body of a man was found": who attacks civilians is an armed
        # group ACLED does not name, never a civilian
        old = a1.text
        a1 = roles.by_event_type("unnamed_perpetrator_by_event_type", event.event_type, name_of, told,
                                 f" (civilian '{old}' as the attacker)")
        evidence["actor1"] = f"roles:civilian-attacker-is-unidentified; {a1.rule}" if a1 else ""
    return replace(event, actor1=a1, actor2=a2, evidence={k: v for k, v in evidence.items() if v})


def _names_a_force(event: Event, actors: Any) -> bool:
    """Whether the event's sentences name an armed or state actor anywhere (the parse may have missed its role)."""
    texts = {event.sentence, *(m.sentence for m in event.mentions)}
    return any(a.inter in (1, 2, 3, 4, 8) or a.generic_type in ("military", "police", "armed group")
               for t in texts for a in actors_in_text(t, actors=actors, on=event.date))


def _generic_names(actors: Any, iso: str) -> Callable[[str], str | None]:
    """generic type → that generic actor's name in the country ``iso`` (``generic.yaml``: "Civilians (Mexico)")."""
    country = actors.countries[iso]

    def name_of(generic_type: str) -> str | None:
        gtype = actors.types.get(generic_type)
        return None if gtype is None or not gtype.name else \
            dict(gtype.names_by_country).get(iso) or gtype.name.format(country=country.name)

    return name_of


def _unnamed_perpetrator(event: Event, actors: Any) -> Event:
    """A device that went off with nobody named as setting it (``roles.yaml#unnamed_perpetrator_by_sub_event_type``):
    actor1 is that generic actor of the event's place's country (none: unchanged)."""
    iso = event.place.country_code if event.place is not None else None
    if actors is None or iso is None or iso not in actors.countries:
        return event
    told = Actor(name=event.sentence, id=None, inter=None, text=event.sentence, country=iso, start=event.start,
                 end=event.end)
    a1 = roles.by_event_type("unnamed_perpetrator_by_sub_event_type", event.sub_event_type,
                             _generic_names(actors, iso), told, " (nobody named)")
    if a1 is None:
        return event
    return replace(event, actor1=a1, evidence={**event.evidence, "actor1": f"roles:unnamed-perpetrator; {a1.rule}"})


def _held_ground(event: Event, actors: Any) -> Event:
    """Fire or a clash at a settlement of a long-standing front line, the text naming no actor
    (``roles.yaml#held_ground_by_sub_event_type``): actor1 is the force facing the side that held the
    settlement on the event's date (``data/actors/held_ground.yaml``), actor2 the holder for a clash.

    The settlement is the event's place, unless its name is part of a longer one ("Donetsk Filtration
    Station"); an event without a place takes the one listed settlement its sentence names. Unchanged
    when none is listed, the date is outside the list's or there is no date.
    """
    found = _held_settlement(event) if actors is not None else None
    if found is None:
        return event
    held, text, start, end = found
    rule = f"{held.rule}+roles.yaml#held_ground_by_sub_event_type:{event.sub_event_type}"

    def side(actor_id: str, why: str) -> Actor | None:
        entry = actors.get(actor_id)
        if entry is None:
            return None
        entry, name, inter = resolve_entry(entry, actors, on=event.date, country=held.country)
        return Actor(name=name, id=entry.id, inter=inter, text=text, country=held.country, start=start, end=end,
                     rule=f"{rule} ({why})")

    a1 = side(held.opponent_id, f"facing {text}, held by the {held.holder}")
    if a1 is None:
        return event
    spec = roles.load_roles()["held_ground_by_sub_event_type"][event.sub_event_type]
    a2 = side(held.holder_id, f"{text} held by the {held.holder}") if spec.get("actor2") == "holder" else None
    evidence = {**event.evidence, "actor1": f"roles:held-ground; {a1.rule}"}
    if a2 is not None:
        evidence["actor2"] = f"roles:held-ground; {a2.rule}"
    return replace(event, actor1=a1, actor2=a2, evidence=evidence)


def _held_settlement(event: Event) -> tuple[HeldPlace, str, int, int] | None:
    """The listed settlement of :func:`_held_ground` with its text and raw offsets, or None."""
    ground, place = load_held_ground(), event.place
    if event.date is None:
        return None
    if place is None or not place.text:
        found = held_in_text(ground, event.sentence, on=event.date)
        return None if found is None else \
            (found[0], event.sentence[found[1]:found[2]], event.start + found[1], event.start + found[2])
    at = place.start - event.start
    after = event.sentence[at + len(place.text):] if event.sentence[at:at + len(place.text)] == place.text else ""
    held = None if in_longer_name(after) else \
        held_place(ground, place.text, country=place.country_code, admin1=place.admin1, on=event.date)
    return None if held is None else (held, place.text, place.start, place.end)


def _unnamed_sides(event: Event, actors: Any) -> Event:
    """A clash whose sentences name neither side ("a shoot-out took place in X"): both are the generic actor
    ``roles.yaml#unnamed_sides_by_sub_event_type`` gives, named for the event's place's country (none: unchanged)."""
    iso = event.place.country_code if event.place is not None else None
    if actors is None or iso is None or iso not in actors.countries:
        return event
    name_of = _generic_names(actors, iso)
    told = Actor(name=event.sentence, id=None, inter=None, text=event.sentence, country=iso, start=event.start,
                 end=event.end)
    side = roles.by_event_type("unnamed_sides_by_sub_event_type", event.sub_event_type, name_of, told,
                               " (no side named)")
    if side is None:
        return event
    why = f"roles:unnamed-sides; {side.rule}"
    return replace(event, actor1=side, actor2=side, evidence={**event.evidence, "actor1": why, "actor2": why})


def _told_by(book: Incidents, sentences: int) -> list[list[int]]:
    """The sentences that tell each incident; a short report's first incident is told by the whole report."""
    return [list(range(sentences)) if book.short and k == 0 else sorted({d.sentence for d in inc.drafts})
            for k, inc in enumerate(book.items)]


def overrule(event: Event, sents: list[Any], typings: list[list[Any]], model: Any) -> Event:
    """``event`` retyped by the trained model where its margin passes the validated one (``model.threshold``)."""
    label, margin = verdict(model, sents, typings)
    if label is None or label == event.sub_event_type or margin <= model.threshold:
        return event
    rule = overrule_rule(model, margin)
    evidence = {**event.evidence, "event_type": rule, "sub_event_type": rule, "plover_type": rule}
    return replace(retyped(event, label, rule), evidence=evidence)


def _toll_sentence(book: Incidents, sent: Any, scene: Scene) -> None:
    """A sentence without an event that states a death toll ("The death toll rose to 13.") gives it to an incident."""
    text, cstart, cend = _strip_span(sent)
    counts = [c for c in numbers.fatality_counts(text) if not c.subset]
    if not counts:
        return
    article = scene.article
    date, _ = date_of(text, article, scene.stages)
    dated = own_date(date)
    if total_cue(text, dated=dated, day=dated and date.time_precision == 1) is not None:
        return
    best = max(counts, key=lambda c: (not c.additive, not c.vague, c.value))
    start, end = article.span_to_raw(cstart, cend)
    rule = f"{best.rule} '{best.text}'"
    here = [p for p in scene.places if start <= p.start < end and usable(p) and p.precision != "unresolved"]
    days = days_of(date.date, date.time_precision) if dated and date.date is not None else None
    book.add_toll(Toll(best.value, not best.vague, rule, start, end, best.additive),
                  Evidence(article.id, text, start, end, f"{rule}; incident:toll-sentence"),
                  places=here, separate=separate_cue(sent.root, sent), days=days)


def sentence_drafts(n: int, sent: Any, typings: list[Any], scene: Scene) -> list[Draft]:
    """The event mentions of sentence ``n``: one per (typing, place); none in a total or background sentence."""
    text, cstart, cend = _strip_span(sent)
    date, date_rule = date_of(text, scene.article, scene.stages)
    dated = own_date(date)
    if total_cue(text, dated=dated, day=dated and date.time_precision == 1) is not None:
        return []
    triggers = [trigger_token(sent, t) for t in typings]
    outcome = is_outcome_only(triggers)
    links = outcome_links(typings, triggers)
    victims = {triggers[host].i: triggers[k] for k, host in links.items()}
    kept = [(t, trig) for k, (t, trig) in enumerate(zip(typings, triggers, strict=True)) if k not in links]
    counts = numbers.fatality_counts(text)
    tolls = [c for c in counts if not c.subset]
    toks = raw_tokens(sent, scene.article)
    found_actors, in_sent, country, country_rule = _actors_of(sent, scene, toks)
    mentions = [m for m in (roles.mention_of(a, toks) for a in found_actors) if m is not None]
    context = _Sentence(text, *scene.article.span_to_raw(cstart, cend), date, date_rule,
                        numbers.quantities(text), mentions, in_sent, country, country_rule)
    drafts = []
    for typing, trig in kept:
        count = toll_of(trig, [t for _, t in kept], tolls, cstart) if tolls else None
        r = _roles(n, trig, typing, sent, scene, mentions, victims.get(trig.i), country)
        scene.memory.remember(n, typing.event_type, r.actor1)
        for event in _events(typing, trig, r, count, context, scene):
            toll = Toll(count.value, not count.vague, f"{count.rule} '{count.text}'", event.start, event.end,
                        count.additive) if count is not None else None
            drafts.append(Draft(event, n, trig.i, refers=refers_back(trig), separate=separate_cue(trig, sent),
                                backstory=backstory(trig),
                                outcome=outcome, own_date=dated, toll=toll))
    return drafts


@dataclass(frozen=True)
class _Sentence:
    """What one sentence gives every event it reports."""

    text: str
    start: int  # raw offsets
    end: int
    date: DateInfo
    date_rule: str
    quantities: tuple[str, ...]
    mentions: list[roles.Mention]
    places: list[tuple[Place, Any]]  # usable places of the sentence with their head tokens
    country: str | None  # ISO2 of the country naming its generic actors ...
    country_rule: str  # ... and where it came from


def _sentence_places(sent: Any, scene: Scene, found_actors: list[Actor],
                     toks: list[tuple[Any, tuple[int, int]]]) -> list[tuple[Place, Any]]:
    """The sentence's places an event can be pinned on, with their head tokens.

    Left out: places inside an actor mention ("US forces"), a country naming a kind of thing
    ("a Syria analyst"), a country naming a currency ("the US dollar", relation ``currency``) and a place naming the
    government seated there ("the Minas Tirith government") or where someone was headed ("heading to Bree").
    """
    start, end = toks[0][1][0], toks[-1][1][1]
    out: list[tuple[Place, Any]] = []
    for p in scene.places:
        if not (start <= p.start < end and usable(p)):
            continue
        covered = tokens_of(p.start, p.end, toks)
        if not covered or any(a.start is not None and a.end is not None and a.start < p.end and a.end > p.start
                              for a in found_actors):
            continue
        if not modifies_noun(p, head_of(covered)) \
                and not names_seat(covered[-1]) and not names_destination(head_of(covered)):
            out.append((p, head_of(covered)))
    return out


def _roles(n: int, trig: Any, typing: Any, sent: Any, scene: Scene, mentions: list[roles.Mention],
           outcome: Any | None, country: str | None) -> roles.Roles:
    """The roles of the event at ``trig`` in sentence ``n``; an actor1 named only in earlier sentences
    (:func:`carry.carry_actor1`); the victims of a folded outcome ("..., killing 12 rebels") are actor2;
    a protest's or riot's roles as ACLED codes them (:func:`roles.crowd_roles`)."""
    cname = scene.actors.countries[country].name if scene.actors is not None and country in scene.actors.countries \
        else None
    r = roles.assign(trig, mentions, trigger_tokens=trigger_tokens(sent, typing))
    r = carry.carry_actor1(trig, typing.event_type, n, r, scene.memory)
    if r.actor1 is None:
        generic, grule = roles.subject_actor(trig, typing.event_type, scene.article.span_to_raw, cname)
        if generic is not None:
            r = replace(r, actor1=generic, rules={**r.rules, "actor1": grule})
    if r.actor2 is None and outcome is not None:
        folded = roles.assign(outcome, mentions)
        if folded.actor2 is not None:
            r = replace(r, actor2=folded.actor2,
                        rules={**r.rules, "actor2": f"roles:outcome-'{outcome.text}'+{folded.rules['actor2']}"})
    return roles.crowd_roles(r, typing.event_type, typing.sub_event_type, cname)


def _evidence(typing: Any, trig: Any, r: roles.Roles, loc: Located, gp_rule: str, fat_rule: str,
              reading: modality.Reading, s: _Sentence) -> dict[str, str]:
    """Field → the rule that produced it, for one event."""
    rule = str(getattr(typing, "rule", "classify"))
    evidence = {
        "event_type": rule, "sub_event_type": rule, "plover_type": rule, "trigger": f"'{trig.text}'",
        "place": loc.rule + (f"; {loc.place.evidence.rule}" if loc.place and loc.place.evidence else ""),
        "geo_precision": gp_rule, "date": s.date_rule, "time_precision": s.date_rule, "fatalities": fat_rule,
        "modality": reading.modality_rule, "attribution": reading.attribution_rule,
        "confidence": "typing confidence x completeness(actor1, actor2, place, date)",
    }
    for role in ("actor1", "actor2", "assoc_actors"):
        if role in r.rules:
            who = getattr(r, role if role != "assoc_actors" else "assoc")
            what = who.rule if isinstance(who, Actor) else "; ".join(a.rule for a in who)
            evidence[role] = f"{r.rules[role]}; {what}; {s.country_rule}"
    if s.quantities:
        evidence["quantities"] = "numbers.yaml#quantity_units"
    return evidence


def _events(typing: Any, trig: Any, r: roles.Roles, count: numbers.Count | None, s: _Sentence,
            scene: Scene) -> list[Event]:
    """One event per place the typing's sentence gives it (see :func:`choose_places`)."""
    article = scene.article
    fat, fat_rule = (count.value, f"{count.rule} '{count.text}'") if count is not None \
        else (0, "numbers.yaml#fatalities:none-reported")
    reading = modality.read(trig)
    located = choose_places(trig, s.places) or [fallback_place(scene.main, r.actor1, typing.sub_event_type)]
    out = []
    for loc in located:
        seat = scene.stages.seat(loc.place) if loc.place is not None and loc.by is None else None
        if seat is not None:  # "in Gondor province": at the province's seat town, as ACLED codes it
            loc = replace(loc, place=seat, rule=f"{loc.rule}, {SEAT_RULE}")
        gp, gp_rule = geo_precision(loc.by or loc.place, fallback=not loc.in_sentence)
        if loc.by is not None:
            gp_rule = f"{gp_rule} (of '{loc.by.text}', which locates '{loc.place.text if loc.place else ''}')"
        evidence = _evidence(typing, trig, r, loc, gp_rule, fat_rule, reading, s)
        conf = confidence(float(getattr(typing, "confidence", 0.5)), r, loc, s.date.time_precision == 1)
        out.append(Event(
            id=event_id(article.id, s.start, s.end, typing.sub_event_type, loc.place, article.to_raw(trig.idx)),
            article_id=article.id, event_type=typing.event_type, sub_event_type=typing.sub_event_type,
            plover_type=getattr(typing, "plover_type", None),
            actor1=r.actor1, actor2=r.actor2, assoc_actors=r.assoc,
            place=loc.place, geo_precision=gp, date=s.date.date, time_precision=s.date.time_precision,
            fatalities=fat, modality=reading.modality, attribution=reading.attribution,
            sentence=s.text, start=s.start, end=s.end, confidence=conf, evidence=evidence,
            quantities=s.quantities, mentions=(Evidence(article.id, s.text, s.start, s.end, evidence["event_type"]),),
        ))
    return out
