"""Build Event records from typings, actor mentions, places and dates: one event per incident.

For each sentence the classifier types (cheap, and most sentences stop there), the rest runs only
for sentences that report an event: actor mentions → roles (``roles/parse.py``), modality and
attribution (``modality.py``), fatalities and quantities (``numbers.py``), the date, and the
place(s) (``places.py``). Each (typing, place) is a mention (:class:`.coreference.Draft`); mentions that tell one
incident are collected together (``coreference.py``) and merged into one event (``merge.py``);
the roles its sentences leave unnamed are ACLED's generic actors (``roles/unnamed.py``).
Totals and background ("the war has killed 400,000 since 2011") give no mention. Choices
(geo_precision mapping, date fallback, confidence, incident identity) are documented in
``docs/events-assembly.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..actors import find_actors
from ..geo import SEAT_RULE, province_seat
from ..records import Actor, Article, DateInfo, Event, Evidence, Place, RejectedEvent
from ..time import resolve_date
from ..titlecase import RULE as RECASED_RULE
from ..titlecase import recased_at
from . import carry, modality, numbers, roles
from .classify import EventTyper, SentenceTyping
from .coreference import (
    PASSING,
    SHORT_REPORT_SENTENCES,
    VIOLENT,
    Draft,
    Incidents,
    Toll,
    clause_separate_at,
    dating_anchor,
    days_of,
    earlier_year,
    refers_back,
    repeat_cue,
    separate_cue,
    split_by_cue,
    total_cue,
)
from .mainevent import headline_means
from .mentions import NAMED_RULE, earlier_reference, named_mention
from .merge import incident_event
from .model import model_typing, overrule_rule, verdict
from .places import (
    Located,
    choose_places,
    fallback_place,
    focus_country,
    geo_precision,
    main_place,
    modifies_noun,
    names_agent,
    names_destination,
    names_seat,
    names_thing_abroad,
    sentence_country,
    usable,
)
from .roles.conventions import coded_as_other, dated_names, participant_groups
from .roles.told import Told, told_roles
from .roles.unnamed import unnamed_roles
from .told_crime import crime_told_before
from .typings import backstory, retyped


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
    typed = crime_told_before(sents, {sent.start: t for sent, t in zip(sents, readings, strict=True)})
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
        text, s_start, s_end = _strip_span(sent, article.clean_text)
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
        text, cstart, cend = _strip_span(sent, article.clean_text)
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
    main: Place | None  # the article's main place (see :func:`.places.main_place`)
    country: str | None  # the article's focus country (see :func:`.places.focus_country`)
    actors: Any
    stages: Stages
    memory: carry.Memory  # what earlier sentences named (actors carried through the article)


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


def phrase_date(trigger: Any, article: Article, stages: Stages) -> DateInfo | None:
    """The date a noun trigger's own phrase states ("the March 4 poisoning of ...", "the Sept. 11, 2012 attack"):
    the incident's own date, also where the mention names an incident told before. None: no date in it."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.left_edge.i >= trigger.i - 1:
        return None
    words = trigger.doc[trigger.left_edge.i:trigger.i]
    info = stages.resolve_date(words.text, published=article.published)
    return info if own_date(info) and info.time_precision == 1 else None


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
    killed by an airstrike" (a bare death word beside a more specific violent event) are one event; not
    across a cue of another incident ("the army killed 12, and separately a bomb killed 3"), nor on the incident
    the sentence is dated by ("after the attack, gunmen killed two": :func:`.coreference.dating_anchor`).
    """
    lex = numbers.load_numbers()
    parts = set(lex.get("outcome_participles", ()))
    words = set(lex.get("outcome_words", ()))
    hosts = [m for m, (ty, t) in enumerate(zip(typings, triggers, strict=True))
             if ty.event_type in VIOLENT and t.lower_ not in words | parts and dating_anchor(t) is None]
    links: dict[int, int] = {}
    for n, t in enumerate(triggers):
        if n in hosts:
            continue
        if t.lower_ in parts and t.dep_ in ("advcl", "xcomp", "conj", "acl"):
            host = next((m for m, h in enumerate(triggers) if m != n and h.i == t.head.i), None)
            if host is not None and host not in links:
                links[n] = host
                continue
        near = [m for m in hosts if not _across_cue(triggers[m], t)]
        if t.lower_ in words and near:
            links[n] = min(near, key=lambda m: abs(triggers[m].i - t.i))
    return links


def _across_cue(a: Any, b: Any) -> bool:
    """Two triggers of a sentence on either side of a cue that opens the later one's clause."""
    first, second = sorted((a, b), key=lambda t: t.i)
    return split_by_cue(first.i, clause_separate_at(second))


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


def _strip_span(sent: Any, source: str) -> tuple[str, int, int]:
    """The sentence's text without its outer spaces, and its offsets. ``source``: the text the doc was
    parsed from (the article's ``clean_text``), cut at the sentence's offsets (``Span.text`` would
    join its tokens anew on each call)."""
    text = source[sent.start_char:sent.end_char]
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
    context = article.clean_text if short else ""  # a short report tells one incident: all of it is its context
    named = []
    for event in events:
        event = unnamed_roles(event, actors, context=context)
        for convention in (dated_names, participant_groups, coded_as_other):  # roles/conventions.py
            event = convention(event, actors)
        named.append(event)
    return carry.claimed(named, sents, memory)


def _told_by(book: Incidents, sentences: int) -> list[list[int]]:
    """The sentences that tell each incident; a short report's first incident is told by the whole report."""
    return [list(range(sentences)) if book.short and k == 0 else sorted({d.sentence for d in inc.drafts})
            for k, inc in enumerate(book.items)]


def overrule(event: Event, sents: list[Any], typings: list[list[Any]], model: Any) -> Event:
    """``event`` retyped by the trained model where its margin passes the validated one (``model.threshold``)."""
    label, margin = verdict(model, sents, typings, event)
    if label is None or label == event.sub_event_type or margin <= model.threshold:
        return event
    rule = overrule_rule(model, margin)
    evidence = {**event.evidence, "event_type": rule, "sub_event_type": rule, "plover_type": rule}
    return replace(retyped(event, label, rule), evidence=evidence)


def _toll_sentence(book: Incidents, sent: Any, scene: Scene) -> None:
    """A sentence without an event that states a death toll ("The death toll rose to 13.") gives it to an incident."""
    text, cstart, cend = _strip_span(sent, scene.article.clean_text)
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
    text, cstart, cend = _strip_span(sent, scene.article.clean_text)
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
    grievance_types = frozenset(numbers.load_numbers()["grievance_event_types"])
    toks = raw_tokens(sent, scene.article)
    found_actors, in_sent, country, country_rule = _actors_of(sent, scene, toks)
    mentions = [m for m in (roles.mention_of(a, toks) for a in found_actors)
                if m is not None and not roles.in_label(m, sent)]
    context = _Sentence(text, *scene.article.span_to_raw(cstart, cend), date, date_rule,
                        numbers.quantities(text), mentions, in_sent, country, country_rule)
    # a death a protest or riot of the sentence is over is an earlier incident's: no event of the sentence takes it
    crowd = any(t.event_type in grievance_types for t, _ in kept)
    drafts = []
    for typing, trig in kept:
        own = [c for c in tolls if not (c.grievance and crowd)]
        count = toll_of(trig, [t for _, t in kept], own, cstart) if own else None
        r = _roles(n, trig, typing, sent, scene, mentions, victims.get(trig.i), country)
        scene.memory.remember(n, typing.event_type, r.actor1)
        told = context
        earlier = earlier_reference(str(getattr(typing, "rule", "")))
        if named_mention(trig, sent) is not None:
            earlier = NAMED_RULE
        if earlier and (not dated or earlier == NAMED_RULE) and date.date is not None:
            # an earlier incident: not on the article's date (one named by its year or day: nor the sentence's)
            told = replace(context, date=DateInfo(None, None, None, "unknown"),
                           date_rule=f"date:unknown (an earlier incident, {earlier})")
        if not dated and date.date is not None and earlier_year(text, date.date.year):
            # "Last year, a bombing killed eight": a year before the report's, which no ACLED date can hold
            told = replace(context, date=DateInfo(None, None, None, "unknown"),
                           date_rule="date:unknown (an earlier year: coreference.earlier_year)")
        own_phrase = phrase_date(trig, scene.article, scene.stages)
        if own_phrase is not None:
            told = replace(context, date=own_phrase,
                           date_rule=f"time:{own_phrase.rule} '{own_phrase.text}' (in the incident's own phrase)")
        anchor = dating_anchor(trig)
        for event in _events(typing, trig, r, count, told, scene):
            toll = Toll(count.value, not count.vague, f"{count.rule} '{count.text}'", event.start, event.end,
                        count.additive) if count is not None else None
            drafts.append(Draft(event, n, trig.i, refers=refers_back(trig), separate=separate_cue(trig, sent),
                                separate_at=clause_separate_at(trig), anchor=anchor[0] if anchor else None,
                                anchor_dated=bool(anchor and anchor[1]),
                                backstory=backstory(trig), passing=earlier in PASSING, again=repeat_cue(trig),
                                outcome=outcome, own_date=dated, toll=toll, phrase_dated=own_phrase is not None))
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
    ("a Syria analyst"), a town abroad naming a thing ("the Palma bridge" in a story on Lebanon), a country naming a currency ("the US dollar", relation ``currency``) and a place naming the
    government seated there ("the Minas Tirith government"), where someone was headed ("heading to Bree") or the doer
    of a passive verb ("developed by the Soviet Union").
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
        head = head_of(covered)
        if not modifies_noun(p, head) and not names_thing_abroad(p, head, scene.country, scene.places) \
                and not names_seat(covered[-1]) and not names_destination(head) and not names_agent(head):
            out.append((p, head_of(covered)))
    return out


def _roles(n: int, trig: Any, typing: Any, sent: Any, scene: Scene, mentions: list[roles.Mention],
           outcome: Any | None, country: str | None) -> roles.Roles:
    """The roles of the event at ``trig`` in sentence ``n``; an actor1 named only in earlier sentences
    (:func:`carry.carry_actor1`); the victims of a folded outcome ("..., killing 12 rebels") are actor2;
    a protest's or riot's roles as ACLED codes them (:func:`roles.crowd_roles`); the text the sentence names
    them with (:func:`.roles.told.told_roles`)."""
    cname = scene.actors.countries[country].name if scene.actors is not None and country in scene.actors.countries \
        else None
    to_raw = scene.article.span_to_raw
    r = roles.assign(trig, mentions, trigger_tokens=trigger_tokens(sent, typing), to_raw=to_raw)
    r = carry.carry_actor1(trig, typing.event_type, n, r, scene.memory)
    if r.actor1 is None:
        generic, grule = roles.subject_actor(trig, typing.event_type, scene.article.span_to_raw, cname)
        if generic is not None:
            r = replace(r, actor1=generic, rules={**r.rules, "actor1": grule})
    if r.actor2 is None and outcome is not None:
        folded = roles.assign(outcome, mentions, to_raw=to_raw)
        if folded.actor2 is not None:
            r = replace(r, actor2=folded.actor2,
                        rules={**r.rules, "actor2": f"roles:outcome-'{outcome.text}'+{folded.rules['actor2']}"})
        elif "actor2" in folded.phrases:  # who the outcome says died, before what the trigger hit
            phrase = folded.phrases["actor2"]
            r = replace(r, phrases={**r.phrases, "actor2": replace(
                phrase, rule=f"roles:outcome-'{outcome.text}'+{phrase.rule}")})
    r = roles.crowd_roles(r, typing.event_type, typing.sub_event_type, cname)
    return told_roles(r, Told(trig, typing.event_type, typing.sub_event_type, cname, mentions, scene.actors,
                              scene.article.span_to_raw))


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
    if recased_at(trig.doc, trig.idx, trig.idx + len(trig)):
        evidence["parse"] = RECASED_RULE
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
            phrases=r.phrases,
        ))
    return out
