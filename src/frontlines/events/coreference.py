"""Incident identity within an article: which event mentions tell the same incident.

A conflict report tells one incident several times: the lede ("warplanes struck a market in
Ariha on Sunday, killing nine"), later sentences that name it again ("the raid hit the market
at noon", "Islamic State claimed the attack"), follow-ups that only give the toll ("the death
toll rose to 13"), and a background paragraph with other incidents ("last month, a strike on a
hospital killed 11") and totals ("the war has killed 370,000 people since 2011").

:class:`Incidents` collects an article's mentions (:class:`Draft`, one per event candidate, in
text order) into incidents. A mention joins the first incident that a rule of :data:`RULES`
accepts (rules in their declared order, the most recent incident first), unless something
says it is another incident (:func:`blocked`): another kind of reality (planned, denied ...),
a place or a date that disagrees (a dateline or a passing mention's place does not: :func:`firm`), or a cue such
as "another attack", "separately". Totals and
background (:func:`total_cue`) are no mentions at all. Cue words live in
``data/events/incidents.yaml``; what each rule does is documented in ``docs/events-assembly.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..deptree import climb
from ..geo.distance import great_circle_km
from ..records import Actor, Event, Evidence, Place
from .places import DATELINE_RULE

LEXICON = "events/incidents.yaml"
#: ACLED event types whose events can have a death toll of their own.
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
REAL = ("asserted", "claimed")
#: Two resolved places this close (km) are one place (a town and the district seat of the same name).
SAME_PLACE_KM = 10.0

#: The stages of one demonstration: its report tells one protest, which :func:`.mainevent.main_typing` sharpens by them.
DEMONSTRATION = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                 "Violent demonstration", "Arrests")
#: A riot's own violence: what a mob or rioters attack, loot or burn is the riot ("a mob attacked shops, looting").
RIOTS = ("Mob violence", "Violent demonstration")
RIOT_VIOLENCE = ("Mob violence", "Violent demonstration", "Looting/property destruction", "Attack", "Armed clash")
#: ACLED inter codes of a crowd: rioters (5) and protesters (6).
CROWD_INTER = (5, 6)
#: A report of at most this many sentences (a wire brief, an ACLED-style note) is about one happening.
SHORT_REPORT_SENTENCES = 5
#: The join rule of an earlier incident named again where it dates its sentence (:func:`_named_incident`).
NAMED = "named-incident"
#: The mention rules (``mentions.earlier_reference``) of a typing that names its incident in passing, beside what its
#: sentence tells ("the poisoned spy dispute", "would resign after the attack", "the anniversary of the 1942 battle").
PASSING = ("mention:participle", "mention:presupposed", "presupposed", "mention:named")
#: Dependencies through which a trigger names an incident noun: "the raid hit", "claimed the attack", "in the blast".
_NOUN_DEPS = ("nsubj", "nsubjpass", "dobj")


@dataclass(frozen=True)
class Toll:
    """A death count one sentence states for an incident, with the sentence's raw offsets."""

    value: int
    specific: bool  # digits or number words, not a vague count ("dozens")
    rule: str
    start: int
    end: int
    additive: bool = False  # on top of the toll given before ("two more officers died")


@dataclass(frozen=True)
class Draft:
    """One event mention: the event its sentence gives, and what says which incident it tells."""

    event: Event
    sentence: int  # index of the sentence in the article
    trigger: int  # Doc index of the trigger token
    refers: str | None = None  # "the attack": it names an incident the article has told
    separate: str | None = None  # "another attack", "Separately,": it tells another incident
    separate_at: int | None = None  # Doc index of a cue opening its clause mid-sentence ("..., and separately a bomb")
    outcome: bool = False  # it only reports deaths ("two of the wounded died")
    own_date: bool = False  # its sentence states its date (not the publication date)
    toll: Toll | None = None
    joined: str = ""  # the rule by which it joined its incident
    backstory: bool = False  # what led to another event of its sentence ("after two days of fighting")
    anchor: str | None = None  # "the Benghazi attack" in "weeks after the Benghazi attack": an earlier incident named
    anchor_dated: bool = False  # ... by a date in its description ("after the Sept. 11 attack")
    phrase_dated: bool = False  # its trigger's own phrase states a day ("the March 4 poisoning"): the incident's date
    again: bool = False  # it says its incident happened again ("shelled the camp again"): :func:`repeat_cue`
    passing: bool = False  # it names its incident in passing, beside what its sentence is about ("the poisoned spy
    # dispute", "weeks after the attack"): its sentence's place is that other thing's


@dataclass
class Incident:
    """An incident being collected: its mentions, and toll-only sentences ("the toll rose to 13")."""

    drafts: list[Draft]
    tolls: list[tuple[Toll, Evidence]] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Any]:
    """The incident-identity cue lexicon (cached)."""
    path = resources.files("frontlines") / "data" / LEXICON
    data: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _total_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    cues = load_cues()
    return (tuple(re.compile(p) for p in cues["total_patterns"]),
            tuple(re.compile(p) for p in cues["undated_total_patterns"]))


# ---------------------------------------------------------------------------- cues in one sentence

def total_cue(text: str, *, dated: bool, day: bool) -> str | None:
    """The cue that makes a sentence a total or background ("since 2011", "so far"), else None.

    ``dated``: the sentence states a date of its own; ``day``: a day-precise one ("On 3 May"),
    which makes it an occurrence whatever else it says.
    """
    if day:
        return None
    low = text.lower()
    strong, undated = _total_patterns()
    for pat in (*strong, *(() if dated else undated)):
        m = pat.search(low)
        if m is not None:
            return m.group(0)
    return None


def _nouns(trigger: Any) -> list[Any]:
    """The trigger and the nouns it governs that may name the incident ("the raid hit", "in the attack")."""
    out = [trigger]
    for c in trigger.children:
        if c.dep_ in _NOUN_DEPS:
            out.append(c)
        elif c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ == "pobj":  # "killed in the attack": the trigger is itself the object
        out.append(trigger)
    return out


def _definite(tok: Any) -> str | None:
    """"the attack" for a noun with a definite or demonstrative determiner, or a date as its possessive ("Tuesday's
    raid", "last week's attack": the day names one incident), else None."""
    dets = set(load_cues()["anaphora_determiners"])
    det = next((c for c in tok.children if c.dep_ in ("det", "poss") and (
        c.lower_ in dets or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")))), None)
    return tok.doc[det.left_edge.i:tok.i + 1].text if det is not None else None


def _time_reference(tok: Any) -> bool:
    """A noun that only dates another happening: "after the attack", "ahead of the raid"."""
    preps = set(load_cues()["reference_prepositions"])
    if tok.dep_ != "pobj":
        return False
    head = climb(tok.head, lambda t: t.dep_ == "prep" and t.lower_ == "of")  # "ahead of the raid"
    return head.lower_ in preps


def refers_back(trigger: Any) -> str | None:
    """The phrase by which a mention names an incident already told ("the attack", "this blast"), else None.

    The trigger or a noun it governs ("the raid hit", "claimed the attack"), or a noun that names the
    incident anywhere in the sentence ("... and would review the incident"), unless that noun only
    dates something else ("after the attack").
    """
    cues = load_cues()
    nouns, anywhere = set(cues["anaphora_nouns"]), set(cues["sentence_anaphora_nouns"])
    near = [t for t in _nouns(trigger) if t.lower_ in nouns]
    far = [t for t in trigger.sent if t.lower_ in anywhere and t.i != trigger.i]
    for tok in (*near, *far):
        phrase = _definite(tok)
        if phrase is not None and not _time_reference(tok):
            return phrase
    return None


def dating_anchor(trigger: Any) -> tuple[str, bool] | None:
    """The definite description the trigger itself is when it only dates its sentence ("weeks after *the
    Benghazi attack*", "after *the Sept. 11 attack*"), and whether a date stands in it; else None.

    Such a mention names an earlier incident (:func:`_named_incident` joins it to one told before); it is no
    cue that it is another incident itself (:func:`separate_cue`), while the sentence's other events are.
    """
    phrase = _definite(trigger)
    if phrase is None or trigger.lower_ not in load_cues()["anaphora_nouns"] or not _time_reference(trigger):
        return None
    left = [t for t in trigger.subtree if t.i < trigger.i]
    start = min((t.i for t in left if t.dep_ in ("det", "poss")), default=trigger.i)
    words = trigger.doc[start:trigger.i + 1]
    return words.text, any(t.ent_type_ in ("DATE", "TIME") for t in left)


def separate_cue(trigger: Any, sent: Any) -> str | None:
    """What says the mention tells another incident: "another attack", "in separate clashes", "Separately,",
    "a day after the attack" (not for that attack itself: :func:`dating_anchor`)."""
    cues = load_cues()
    mods = set(cues["separate_modifiers"])
    for tok in _nouns(trigger):
        mod = next((c for c in tok.children if c.dep_ in ("amod", "det", "advmod") and c.lower_ in mods), None)
        if mod is not None:
            return f"{mod.text} {tok.text}"
    dated = None if dating_anchor(trigger) is not None else next(
        (t for t in sent if t.lower_ in cues["anaphora_nouns"] and _time_reference(t) and _definite(t) is not None),
        None)
    if dated is not None:
        return f"{dated.head.text} {_definite(dated)}"
    opening = " ".join(t.lower_ for t in sent[:4] if not t.is_punct)
    return next((o for o in cues["separate_openers"] if opening == o or opening.startswith(o + " ")), None)


def repeat_cue(trigger: Any) -> bool:
    """Whether the trigger's sentence says it happened again ("shelled the camp again", ``incidents.yaml#repeat_words``
    as an adverb): no cue for another incident by itself, but only a rule that has evidence joins it to one told."""
    words = set(load_cues()["repeat_words"])
    return any(t.dep_ == "advmod" and t.lower_ in words for t in trigger.sent)


def clause_separate_at(trigger: Any) -> int | None:
    """The Doc index of the last cue of ``separate_openers`` before the trigger that opens a clause after the
    sentence's start (after a comma, a semicolon or a conjunction: "..., and separately a roadside bomb killed",
    "..., while in another attack gunmen shot"): what follows it tells another incident than what comes before."""
    openers = load_cues()["separate_openers"]
    sent = trigger.sent
    found = None
    for tok in sent[1:trigger.i - sent.start]:
        prev = tok.doc[tok.i - 1]
        if not (prev.dep_ in ("cc", "mark") or prev.text in (",", ";")):
            continue
        words = " ".join(t.lower_ for t in tok.doc[tok.i:min(tok.i + 4, sent.end)])
        if any(words == o or words.startswith(o + " ") for o in openers):
            found = int(tok.i)
    return found


def split_by_cue(first: int, cue: int | None) -> bool:
    """A trigger at Doc index ``first`` stands before the cue (:func:`clause_separate_at`) of a later trigger's clause."""
    return cue is not None and first < cue


def _apart(x: Draft, d: Draft) -> bool:
    """Two mentions of one sentence on either side of a cue that opens the later one's clause."""
    first, second = (x, d) if x.trigger < d.trigger else (d, x)
    return x.sentence == d.sentence and split_by_cue(first.trigger, second.separate_at)


# ---------------------------------------------------------------------------- agreement

def own_place(e: Event) -> bool:
    """Whether the event's place comes from its own sentence (not the article's main place)."""
    return e.place is not None and not e.evidence.get("place", "").startswith(("place:article-main", "place:none"))


def filed(e: Event) -> bool:
    """Whether the event's own place is its report's dateline, where the report was filed, not where the incident
    happened: a place the dateline rule read (``places.dateline``: "SAN DIEGO —"), or a name in capitals that opens
    its sentence ("LONDON The latest on the poisoning ...", a dateline whose dash the page lost)."""
    p = e.place
    if p is None or not own_place(e):
        return False
    if p.evidence is not None and p.evidence.rule == DATELINE_RULE:
        return True
    return p.start == e.start and len(p.text) > 1 and p.text.replace(" ", "").isalpha() and p.text.isupper()


def place_key(e: Event) -> str | None:
    """The event's own place as a key (GeoNames id, or the mention's text), None when it has none."""
    if not own_place(e) or e.place is None:
        return None
    return str(e.place.geonameid) if e.place.geonameid is not None else " ".join(e.place.text.lower().split())


def _loose_place(e: Event) -> bool:
    """A place taken from another clause than the trigger's ("the explosion tore through buses heading to X")."""
    return e.evidence.get("place", "").startswith("place:nearest-in-sentence")


def _coarse(p: Place) -> bool:
    return p.precision in ("region", "country") or (p.feature_code or "").startswith(("ADM", "PCL", "RGN"))


def _contains(big: Place, small: Place) -> bool:
    """Whether ``big`` (a province, a country) is an area that holds ``small``."""
    if not _coarse(big) or not big.country_code or big.country_code != small.country_code:
        return False
    if big.precision == "country" or (big.feature_code or "").startswith("PCL"):
        return True
    return big.admin1 is not None and big.admin1 == small.admin1


def _nested(a: Event, b: Event) -> bool:
    """One event's place holds the other's ("in Maiduguri, Nigeria" read as two listed places)."""
    return a.place is not None and b.place is not None and (_contains(a.place, b.place) or _contains(b.place, a.place))


def places_agree(a: Event, b: Event) -> bool:
    """Whether two events' own places can be one incident's (either has none, same, close, or one holds the other;
    a dateline (:func:`filed`) agrees with any place in its country: the report was filed there)."""
    ka, kb = place_key(a), place_key(b)
    if ka is None or kb is None or ka == kb:
        return True
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return True
    if (filed(a) or filed(b)) and pa.country_code is not None and pa.country_code == pb.country_code:
        return True
    if None not in (pa.lat, pa.lon, pb.lat, pb.lon) \
            and great_circle_km(pa.lat, pa.lon, pb.lat, pb.lon) <= SAME_PLACE_KM:  # type: ignore[arg-type]
        return True
    return _contains(pa, pb) or _contains(pb, pa)


def same_place(a: Event, b: Event) -> bool:
    """Both events are placed (by their own sentence or the article's main place) at one place: the same
    GeoNames id or text, or within :data:`SAME_PLACE_KM`."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if (pa.geonameid is not None and pa.geonameid == pb.geonameid) or (
            pa.geonameid is None and pb.geonameid is None and pa.text.lower().split() == pb.text.lower().split()):
        return True
    return None not in (pa.lat, pa.lon, pb.lat, pb.lon) \
        and great_circle_km(pa.lat, pa.lon, pb.lat, pb.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]


def actor_key(a: Actor | None) -> str | None:
    return None if a is None else (a.id or a.name.lower())


def actors_agree(a: Event, b: Event) -> bool:
    """Same actor in each role, or one side unknown."""
    return all(ka is None or kb is None or ka == kb
               for ka, kb in ((actor_key(a.actor1), actor_key(b.actor1)), (actor_key(a.actor2), actor_key(b.actor2))))


def sides_agree(a: Event, b: Event, *, unidentified: bool = True) -> bool:
    """The same sides, whatever role each has: one's dictionary actors are all among the other's.

    "Police fired tear gas at protesters who threw stones" tells one incident; "jets bombed the
    market and later rebels attacked a village" tells two. Actors the dictionary does not know
    ("eight soldiers", "protesters") say too little to tell two incidents apart; with ``unidentified=False`` nor do
    unidentified ones ("the attackers").
    """
    ka = {x.id for x in (a.actor1, a.actor2) if x is not None and x.id and (unidentified or not _unidentified(x))}
    kb = {x.id for x in (b.actor1, b.actor2) if x is not None and x.id and (unidentified or not _unidentified(x))}
    return ka <= kb or kb <= ka


def _unidentified(a: Actor) -> bool:
    """An actor the text names by no one ("the attackers": an unidentified armed group of the country)."""
    return (a.id or "").startswith("unidentified-")


def date_span(d: Draft) -> tuple[dt.date, dt.date] | None:
    """The days a mention's own date covers (ACLED time_precision 1 day, 2 week, 3 month); None if it states none."""
    e = d.event
    if not d.own_date or e.date is None:
        return None
    return days_of(e.date, e.time_precision)


def days_of(date: dt.date, time_precision: int | None) -> tuple[dt.date, dt.date]:
    """The days a date of ACLED time_precision 1 (day), 2 (week) or 3 (month) covers."""
    if time_precision == 1:
        return date, date
    if time_precision == 2:
        return date - dt.timedelta(days=6), date + dt.timedelta(days=6)
    first = date.replace(day=1)
    return first, date.replace(day=monthrange(date.year, date.month)[1])


def _reality(e: Event) -> str:
    return "real" if e.modality in REAL else e.modality


def family(e: Event) -> str:
    """Violent events form one family (an "attack" may name a bombing); others stay by event type."""
    return "violent" if e.event_type in VIOLENT else (e.event_type or "")


# ---------------------------------------------------------------------------- rules

def _span_of(inc: Incident) -> tuple[dt.date, dt.date] | None:
    return next((s for s in (date_span(d) for d in inc.drafts) if s is not None), None)


def firm(d: Draft) -> bool:
    """Whether the mention's own place says where its incident happened: neither a dateline nor the place of what
    it names the incident beside (:attr:`Draft.passing`)."""
    return own_place(d.event) and not filed(d.event) and not d.passing


def gives_place(a: Event, d: Draft) -> bool:
    """Whether mention ``d`` places the incident whose merged event is ``a``: ``a`` has no place of its own, or
    only its dateline or a country, and ``d`` a firm place (in that country): "LONDON The latest on the
    poisoning in Britain ... in the English city of Salisbury" is Salisbury's. An area that holds the dateline
    ("MAIDUGURI, Nigeria - ... killed 43 farm workers" read at Nigeria too) is no firmer than the town."""
    if not own_place(a):
        return own_place(d.event)
    if not firm(d) or a.place is None or d.event.place is None:
        return False
    if filed(a):
        return not _contains(d.event.place, a.place)
    return a.place.precision == "country" and _contains(a.place, d.event.place)


def _place_draft(inc: Incident) -> Draft:
    """The mention that places the incident: the first whose own place is neither a dateline nor the place of what
    its sentence names the incident beside (:attr:`Draft.passing`); else the first with a place of its own."""
    return next((d for d in inc.drafts if firm(d)), next((d for d in inc.drafts if own_place(d.event)), inc.drafts[0]))


def _place_event(inc: Incident) -> Event:
    return _place_draft(inc).event


def _another_place(inc: Incident, d: Draft) -> bool:
    """Both the incident and the mention have places of their own that cannot be one incident's (a place one of
    the incident's mentions named is the incident's). A place that names what the mention stands beside (:attr:`Draft.passing`), or one the parse takes from another clause than
    an anaphoric mention's ("the explosion tore through buses heading to X"), says nothing against it."""
    host = _place_draft(inc)
    if d.passing or host.passing or (d.refers is not None and _loose_place(d.event)):
        return False
    return not places_agree(host.event, d.event) and not _named_before(inc, d)


def _named_before(inc: Incident, d: Draft) -> bool:
    """The mention's own place is one a firm mention of the incident named ("met in Logan Circle to march" ...
    "within minutes of leaving Logan Circle, they began to destroy property"), resolved or not."""
    words = d.event.place.text.lower().split() if own_place(d.event) and d.event.place is not None else None
    return words is not None and any(
        firm(x) and x.event.place is not None and x.event.place.text.lower().split() == words for x in inc.drafts)


def blocked(inc: Incident, d: Draft) -> str | None:
    """Why mention ``d`` cannot tell incident ``inc`` (None when nothing says so)."""
    host = inc.drafts[0]
    # "denied any role in the attack" still names the attack: only a mention that tells an incident
    # of its own must share its reality (a planned attack is not the one that happened)
    if _reality(host.event) != _reality(d.event) and d.refers is None and not d.outcome:
        return "another reality"
    if any(x.sentence == d.sentence and x.trigger == d.trigger and not _nested(x.event, d.event) for x in inc.drafts):
        return "the same trigger at another place"  # one event per listed place
    # the incident its sentence is dated by ("after the attack"), joined to one told before, is no mention of it
    if d.separate is not None and all(x.sentence != d.sentence or (x.anchor is not None and x is not host)
                                      for x in inc.drafts):
        return f"separate: '{d.separate}'"
    if any(_apart(x, d) for x in inc.drafts):
        return "separate: a cue opens one of the sentence's clauses"
    if _another_place(inc, d):
        return "another place"
    mine, theirs = date_span(d), _span_of(inc)
    if mine is None and theirs is not None and earlier_year(d.event.sentence, theirs[0].year):
        return "another year"
    if mine is not None and theirs is not None:
        later_report = (d.refers is not None or d.outcome) and mine[1] >= theirs[0]
        if not later_report and (mine[1] < theirs[0] or mine[0] > theirs[1]):
            return "another date"
    return None


def earlier_year(text: str, year: int) -> bool:
    """The sentence dates what it tells to a year before ``year`` ("Last year, a bombing killed eight", "in 2019",
    "two years ago"; ``incidents.yaml#earlier_year_patterns``, ``#year_patterns``)."""
    low = text.lower()
    cues = load_cues()
    if any(re.search(p, low) for p in cues["earlier_year_patterns"]):
        return True
    return any(int(m.group(1)) < year for p in cues["year_patterns"] for m in re.finditer(p, low))


@dataclass(frozen=True)
class JoinRule:
    """A reason a mention tells an incident already collected: ``joins(incident, mention, context)``."""

    name: str
    joins: Callable[[Incident, Draft, Context], bool]


@dataclass(frozen=True)
class Context:
    """What the rules know of the article: whether it is a short report, its first incident, and all collected."""

    short: bool
    first: Incident | None
    incidents: tuple[Incident, ...] = ()


def _same_sentence(inc: Incident, d: Draft, ctx: Context) -> bool:
    return any(x.sentence == d.sentence and sides_agree(x.event, d.event) for x in inc.drafts)


def _repeated_text(inc: Incident, d: Draft, ctx: Context) -> bool:
    """A sentence the page repeats word for word (a scraped paragraph told twice) tells the same event again."""
    return any(x.event.sentence == d.event.sentence and x.event.sub_event_type == d.event.sub_event_type
               for x in inc.drafts)


def _anaphora_same_type(inc: Incident, d: Draft, ctx: Context) -> bool:
    """"the clashes" goes back to the clash told before, not to an air strike told in between."""
    return d.refers is not None and any(x.event.sub_event_type == d.event.sub_event_type for x in inc.drafts)


def _anaphora(inc: Incident, d: Draft, ctx: Context) -> bool:
    return d.refers is not None and family(inc.drafts[0].event) == family(d.event)


def _named_incident(inc: Incident, d: Draft, ctx: Context) -> bool:
    """An incident that dates its sentence ("weeks after the Benghazi attack") is one told in earlier sentences
    at the same place, of the same family; one named by a date ("the Sept. 11 attack") only an incident of
    unknown date. Tried first: the sentence's own events are another incident ("after the attack, gunmen
    killed two"); one it joins by no rule stays with them, as any mention does."""
    return (d.anchor is not None and own_place(d.event) and family(inc.drafts[0].event) == family(d.event)
            and all(x.sentence < d.sentence for x in inc.drafts)
            and any(same_place(x.event, d.event) for x in inc.drafts)
            and not (d.anchor_dated and _span_of(inc) is not None))


def _outcome(inc: Incident, d: Draft, ctx: Context) -> bool:
    return d.outcome and family(inc.drafts[0].event) == "violent"


def _same_event(inc: Incident, d: Draft, ctx: Context) -> bool:
    """Same sub-event type and actors, and the same own place or a dictionary actor in common."""
    for x in inc.drafts:
        a, b = x.event, d.event
        if a.sub_event_type != b.sub_event_type or not actors_agree(a, b):
            continue
        ka, kb = place_key(a), place_key(b)
        if ka is not None and kb is not None:
            if ka == kb:
                return True
            continue
        shared = {y.id for y in (a.actor1, a.actor2) if y} & {y.id for y in (b.actor1, b.actor2) if y}
        if shared - {None}:  # two placeless "the army took ..." are not enough to be one event
            return True
    return False


def _one_demonstration(inc: Incident, d: Draft, ctx: Context) -> bool:
    """A demonstration told in stages is one (ACLED codes one event a demonstration, day and place): a stage
    dated the same single day at the same place ("the rioting on 20 May in Minas Tirith" ... "On 20 May,
    hundreds met in its Citadel square to march"), and property that its participants or no one named
    destroyed, in a sentence with no date of its own ("the crowd began to destroy shop windows")."""
    host = inc.drafts[0].event
    if host.sub_event_type not in DEMONSTRATION:
        return False
    if d.event.sub_event_type in DEMONSTRATION:
        mine = date_span(d)
        return mine is not None and mine[0] == mine[1] and mine == _span_of(inc) \
            and any(same_place(x.event, d.event) for x in inc.drafts)
    doer = d.event.actor1
    return (d.event.sub_event_type == "Looting/property destruction" and host.sub_event_type in RIOTS
            and not d.own_date and (doer is None or doer.inter in CROWD_INTER))


def _raid_damage(inc: Incident, d: Draft, ctx: Context) -> bool:
    """Property that the violent incident's named doer looted or destroyed, told with no date or place of its own, is
    that raid's ("RSF fighters stormed the village ... Survivors said the fighters looted the market"): ACLED codes
    the raid, one event; an unidentified doer ("gunmen") names no one."""
    doer = d.event.actor1
    if d.event.sub_event_type != "Looting/property destruction" or d.own_date or place_key(d.event) is not None \
            or doer is None or not doer.id or _unidentified(doer):
        return False
    return any(family(x.event) == "violent" and x.event.actor1 is not None and x.event.actor1.id == doer.id
               for x in inc.drafts)


def _next_sentence(inc: Incident, d: Draft, ctx: Context) -> bool:
    """The very next sentence, of the same family, with no place or date of its own, goes on telling it.

    "... ambushed an IS base near X. One militant was killed in the clash."; "Three rockets struck
    near the airport. One rocket landed in a parking area."; "RSF fighters stormed the village ... The attackers
    arrived at dawn and opened fire": same actors, or sides that agree (:func:`sides_agree`: the dictionary actors of
    one are all the other's; "the attackers", an unidentified group, names none).
    """
    last = inc.drafts[-1]
    return (d.sentence == last.sentence + 1 and family(d.event) == family(last.event) and not d.own_date
            and place_key(d.event) is None and (actors_agree(last.event, d.event)
                                                 or sides_agree(last.event, d.event, unidentified=False)))


def _short_report(inc: Incident, d: Draft, ctx: Context) -> bool:
    """In a short report a later sentence goes on telling its first incident (its own sentence's are judged above)."""
    return ctx.short and inc is ctx.first and all(x.sentence != d.sentence for x in inc.drafts)


def kind(e: Event) -> str | None:
    """The kind of violent incident a mention tells: its sub-event type, or the kind its trigger word names
    (``incidents.yaml#trigger_kinds``: an attack told as a "poisoning" is a chemical-weapon incident); None for a
    non-violent event."""
    if family(e) != "violent":
        return None
    word = (e.evidence.get("trigger") or "").strip("'").lower()
    kinds: dict[str, list[str]] = load_cues()["trigger_kinds"]
    return next((k for k, words in kinds.items() if word in words), e.sub_event_type)


def _kind_of(inc: Incident, d: Draft) -> bool:
    """The incident has a mention of the mention's kind whose sides agree with it, and none whose sides do not."""
    k = kind(d.event)
    return k is not None and any(kind(x.event) == k for x in inc.drafts) \
        and all(sides_agree(x.event, d.event) for x in inc.drafts)


def _named_kind(e: Event) -> bool:
    """The mention's kind is one its trigger word names (``trigger_kinds``: "poisoning"), not only its type."""
    return kind(e) != e.sub_event_type


def target_words(e: Event) -> set[str]:
    """The words that name what the event hit: its target actor's or target phrase's words ("116 tanker trucks" →
    {"tanker", "trucks"}), of four letters or more, not ``incidents.yaml#target_filler_words`` ("a group of")."""
    filler = set(load_cues()["target_filler_words"])
    texts = [a.text or a.name for a in (e.actor2, e.phrases.get("actor2")) if a is not None]
    return {w for t in texts for w in t.lower().split() if len(w) >= 4 and w.isalpha() and w not in filler}


def _evidence(inc: Incident, d: Draft) -> bool:
    """What says a mention of the incident's kind tells it: the same target ("destroyed 116 tanker trucks" ...
    "targeted a group of about 300 trucks"), or a kind that a trigger word names ("the poisoning of a spy" ...
    "poisoned by a nerve agent")."""
    k, words = kind(d.event), target_words(d.event)
    return any(kind(x.event) == k and ((words & target_words(x.event)) or _named_kind(x.event) or _named_kind(d.event))
               for x in inc.drafts)


def _only_of_its_kind(inc: Incident, d: Draft, ctx: Context) -> bool:
    """A violent mention with no date of its own tells the article's only incident of its kind (same sub-event type,
    or the kind its trigger names) that nothing keeps it from, when it names the same target or its kind by a
    trigger word (:func:`_evidence`): "U.S. planes destroyed 116 tanker trucks ... warplanes targeted a group of
    about 300 trucks near Abu Kamal"; "the nerve agent poisoning of a former spy" ... "poisoned by a nerve agent".
    Not a mention with neither ("Heavy fighting left 3 dead" two sentences on), not when two
    incidents of that kind could take it by such evidence, nor one that says it happened again, nor across a cue for another
    incident, another place or date
    (:func:`blocked`), nor an incident only named in passing ("the 9/11 attacks" in a story of a law)."""
    if d.own_date or d.again or all(x.passing for x in inc.drafts) or not _kind_of(inc, d) or not _evidence(inc, d):
        return False
    return not any(other is not inc and blocked(other, d) is None and _kind_of(other, d) and _evidence(other, d)
                   for other in ctx.incidents)


#: The rules, in the order they are tried (see docs/events-assembly.md, "One incident, one event").
RULES: tuple[JoinRule, ...] = (
    JoinRule(NAMED, _named_incident),
    JoinRule("same-sentence", _same_sentence),
    JoinRule("repeated-text", _repeated_text),
    JoinRule("anaphora", _anaphora_same_type),
    JoinRule("anaphora", _anaphora),
    JoinRule("outcome", _outcome),
    JoinRule("same-event", _same_event),
    JoinRule("one-demonstration", _one_demonstration),
    JoinRule("raid-damage", _raid_damage),
    JoinRule("next-sentence", _next_sentence),
    JoinRule("short-report", _short_report),
    JoinRule("only-of-its-kind", _only_of_its_kind),
)


class Incidents:
    """An article's incidents, collected mention by mention in text order."""

    def __init__(self, *, short: bool) -> None:
        self.short = short
        self.items: list[Incident] = []

    def add(self, d: Draft) -> None:
        """Add a mention to the incident it tells, or start a new incident with it."""
        ctx = Context(self.short, self.items[0] if self.items else None, tuple(self.items))
        # the most recent incident first; of one sentence's incidents (one per listed place), the first
        order = sorted(range(len(self.items)), key=lambda k: (-self.items[k].drafts[0].sentence, k))
        for rule in RULES:
            for inc in (self.items[k] for k in order):
                if blocked(inc, d) is None and rule.joins(inc, d, ctx):
                    inc.drafts.append(replace(d, joined=rule.name))
                    return
        self.items.append(Incident([d]))

    def add_toll(self, toll: Toll, mention: Evidence, *, places: list[Place], separate: str | None,
                 days: tuple[dt.date, dt.date] | None = None) -> bool:
        """A sentence that only gives a toll ("the death toll rose to 13") joins the latest violent incident
        that its place and its own date (``days``, None when it states none) allow: a toll dated before an
        incident began ("In July last year, an attack killed 200") is another incident's; a later one
        ("by Monday the toll rose to 13") updates it."""
        if separate is not None:
            return False
        for inc in reversed(self.items):
            host = _place_event(inc)
            if family(host) != "violent" or host.modality in ("planned", "denied"):
                continue
            theirs = _span_of(inc)
            if days is not None and theirs is not None and days[1] < theirs[0]:
                continue
            if own_place(host) and not all(places_agree(host, _at(host, p)) for p in places):
                return False
            inc.tolls.append((toll, mention))
            return True
        return False


def _at(e: Event, p: Place) -> Event:
    """``e`` as if it happened at ``p`` (to compare a sentence's place with an incident's)."""
    return replace(e, place=p, evidence={"place": "place:in-sentence"})
