"""Event typing of one sentence: triggers propose, the event gate decides, a trained model may retype.

:class:`EventTyper` is the pipeline's typing stage. The lexicon (:mod:`.typings`, matching in
:mod:`.matching`, roles read from the parse in :mod:`.roles`) proposes candidate triggers and
types them; the event gate (:mod:`.gate`) decides whether the sentence reports an in-scope event
and of which sub-event type; the optional model of ``frontlines train --acled`` (:mod:`.model`)
may then retype. Every candidate that does not become an event is kept, with why, for
``--explain``. Heavy parts (gate, model) are passed in, never looked up here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from .gate import EventGate, GateVerdict
from .gate_features import main_verb_tense
from .matching import head_of, load_matching, padded_text, words_of
from .modality import dated_noun
from .model import apply_model
from .occurrence import names_year as _names_year
from .occurrence import occurrence_verb
from .ontology import Lexicon, load_lexicon, load_ontology
from .protest_by import protest_by
from .roles import classes_of
from .scope import VIOLENT_TYPES, context, dated, definite_noun, out_of_scope
from .typings import LexiconReading, Rejected, Typing, lexicon_typings

__all__ = ["EventTyper", "SentenceTyping", "Typing", "classify"]

#: Defaults of the ``event_threshold`` and ``event_threshold_alone`` settings (see docs/settings.md).
DEFAULT_THRESHOLD = 0.2
DEFAULT_THRESHOLD_ALONE = 0.6
#: A sentence's second (third ...) typing stands only if the gate gives its type at least this
#: probability among event types (one event per sentence is the common case).
SECOND_TYPE_MIN = 0.1
#: A candidate the lexicon did not type gets the clause "second look" only when the gate gives its
#: whole sentence at least this P(event): below it the look almost never reaches
#: ``threshold_alone`` and costs one encoder run per candidate (docs/scale.md, rounds 2 and 7b).
CLAUSE_LOOK_MIN_ALONE = 0.02
#: The same for a sentence the lexicon typed: below this P(event) its clause raised the verdict
#: only for false events on news (docs/scale.md, round 7b).
CLAUSE_LOOK_MIN_TYPED = 0.01
#: In a sentence with no date, the gate's type where no candidate trigger is of that type stands only
#: if the gate gives it at least this probability among event types ("the serviceman who died",
#: "responding to directions" are no event whatever type the gate likes best).
ALONE_UNNAMED_MIN = 0.35
#: A definite mention of one past incident (:func:`definite_mention`: "before the raid began", "the
#: Benghazi attack") stands at this P(event) where the lexicon typed it, and at
#: :data:`MENTION_MIN_ALONE` where its entry's conditions failed (the type then is the likeliest, by
#: the gate, of the noun's own entries): such later mentions are events under the rubric, and the gate
#: scores them low. Only where the gate's likeliest out-of-scope kind is "none": a mention of a crime,
#: a court case, an accident, a metaphor or a background total is no event ("at the time of the attack"
#: in a story of a car-jacking).
MENTION_MIN = 0.1
MENTION_MIN_ALONE = 0.15
#: In a sentence with no date whose candidate triggers are all of non-violent types (protests, strategic
#: developments), the gate's type where no candidate trigger is of its event type stands only if the gate
#: gives it at least this probability among event types ("they demanded ...", "he ordered the convicts to
#: be sent to ...", "bowed their heads": no attack, no abduction whatever the gate likes best).
ALONE_OTHER_TYPE_MIN = 0.6
#: A protest by named people (:func:`.protest_by.protest_by`: "teachers striking in Gondor", "nurses
#: demonstrated outside the virus ward") that the lexicon typed stands from this P(event): the gate reads
#: many such strikes as the word's metaphors or accidents ("struck a deal", "was struck by a car"), and
#: protests over a disease as the disease, which the parse tells apart.
PROTEST_BY_PEOPLE_MIN = 0.02


@dataclass(frozen=True)
class AloneRule:
    """A named rule that keeps a sentence the lexicon did not type from the gate-alone path
    (``applies(sent, reading) -> bool``): the gate is not asked, and its candidate is rejected as
    ``rule:<name>``. Each such rule saves one or two encoder runs per candidate."""

    name: str
    applies: Callable[[Any, LexiconReading], bool]


def _present_tense(sent: Any, reading: LexiconReading) -> bool:
    """No verb in the past tense, and the main verb under a modal, or in the present with no date
    named ("The riders will march on Isengard", "Gondor builds ships", "we must find him"): a plan,
    a habit or a judgement, not the report of an occurrence that the lexicon's conditions missed.
    A dated sentence in the present ("On 3 May, fighting erupts in ...") is still judged."""
    tense = main_verb_tense(sent.root)
    if tense not in ("present", "modal") or any(t.tag_ == "VBD" for t in sent):
        return False
    return tense == "modal" or not any(t.ent_type_ in ("DATE", "TIME") for t in sent)


def _long_ago(sent: Any, reading: LexiconReading) -> bool:
    """The sentence's dates name a year before ``matching.yaml#history_before`` and none since
    ("On 2 May 1778 the general charged his soldiers ...", "in the early 1900s"): history told, not news
    reported."""
    before = int(min(load_matching()["history_before"]))
    years = [int(t.text[:4]) for t in sent if t.ent_type_ == "DATE" and t.text[:4].isdigit() and
             (len(t.text) == 4 or t.text[4:] == "s")]  # "1778", "the early 1900s"
    return bool(years) and max(years) < before


def _described_person(sent: Any, reading: LexiconReading) -> bool:
    """Every candidate trigger heads a relative clause on a person or is inside one ("has named the
    soldier who died on Thursday as ...": a noun of ``matching.yaml#person_classes`` or a PERSON or
    NORP entity): it says who someone is, the sentence reports something else (issue 11, prec15)."""
    return bool(reading.hits) and all(_in_relative_clause(sent.doc[h.first]) for h in reading.hits)


def _in_relative_clause(tok: Any) -> bool:
    """The token, or a verb above it below the sentence's root, is a relative clause on a noun of a person."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "relcl":
            return t.head.ent_type_ in ("PERSON", "NORP") or bool(
                classes_of([t.head], load_lexicon()) & load_matching()["person_classes"])
        if t.dep_ == "ROOT":
            return False
    return False


#: Rules applied, in order, to the sentences where a trigger matched but the lexicon typed nothing.
ALONE_RULES: tuple[AloneRule, ...] = (
    AloneRule("present-tense", _present_tense),
    AloneRule("long-ago", _long_ago),
    AloneRule("described-person", _described_person),
)


@dataclass(frozen=True)
class SentenceTyping:
    """The typings of one sentence, the candidates rejected on the way, and the gate's verdict."""

    typings: tuple[Typing, ...]
    rejected: tuple[Rejected, ...] = ()
    verdict: GateVerdict | None = None


@dataclass(frozen=True)
class EventTyper:
    """Types sentences: ``typer(sent)`` → typings; ``typer.read(sents)`` also says what was rejected.

    ``gate``: the event gate (``None``: the lexicon alone decides); ``threshold``: the calibrated
    probability of an event below which the gate rejects the lexicon's typings of a sentence;
    ``threshold_alone``: the probability above which the gate reports an event at a candidate
    trigger whose entry's conditions failed; ``model``: a sub-event model from ``frontlines train
    --acled`` (``None``: none).
    """

    lexicon: Lexicon
    gate: EventGate | None = None
    threshold: float = DEFAULT_THRESHOLD
    threshold_alone: float = DEFAULT_THRESHOLD_ALONE
    model: Any = None

    def __call__(self, sent: Any) -> list[Typing]:
        return list(self.read([sent])[0].typings)

    def read(self, sents: Iterable[Any], *, actor_inter: int | None = None) -> list[SentenceTyping]:
        """For each sentence (a spaCy Span): its typings, best first, and the rejected candidates.

        The gate judges all candidate sentences in one run of the sentence encoder.
        """
        sents = list(sents)
        readings = [lexicon_typings(s, lexicon=self.lexicon, actor_inter=actor_inter) for s in sents]
        verdicts, screened = self._verdicts(sents, readings) if self.gate is not None else ({}, {})
        gated_all: list[tuple[list[Typing], list[Rejected]]] = []
        for n, (sent, reading) in enumerate(zip(sents, readings, strict=True)):
            typings, rejected = reading.typings, list(reading.rejected)
            verdict = verdicts.get(n)
            if verdict is not None:
                typings, gated = self._gated(sent, typings, reading, verdict)
                rejected += gated
            elif n in screened:
                rejected.append(_candidate(sent, reading, f"rule:{screened[n]}"))
            gated_all.append((list(typings), rejected))
        if self.gate is not None:
            self._mentions_beside(sents, readings, gated_all)
        out = []
        for n, (sent, (typings, rejected)) in enumerate(zip(sents, gated_all, strict=True)):
            verdict = verdicts.get(n)
            if typings:
                typings, scoped = _in_scope(sent, typings, self.lexicon)
                rejected += scoped
            if self.model is not None:
                typings = apply_model(sent, typings, self.model)
            out.append(SentenceTyping(tuple(typings), tuple(rejected), verdict))
        return out

    def read_docs(self, docs: list[list[Any]]) -> list[list[SentenceTyping]]:
        """:meth:`read` for the sentences of several documents at once (one list of sentences per
        document): the gate judges all their candidate sentences in one call (a sentence repeated across
        them is encoded once). The readings are those of :meth:`read`."""
        flat = self.read([sent for sents in docs for sent in sents])
        out, at = [], 0
        for sents in docs:
            out.append(flat[at:at + len(sents)])
            at += len(sents)
        return out

    def _verdicts(self, sents: list[Any], readings: list[LexiconReading]
                  ) -> tuple[dict[int, GateVerdict], dict[int, str]]:
        """The gate's verdicts on the sentences the lexicon typed (and, when ``threshold_alone`` is
        below 1, on those where a trigger matched but typed nothing, unless one of
        :data:`ALONE_RULES` applies: those are returned apart, with the rule's name). A sentence
        the gate would reject gets a second look at the clause of its first trigger ("Thanks to
        ..., the forces took control of ..."): the higher P(event) counts; not from far below the
        threshold (:func:`_second_look`)."""
        assert self.gate is not None
        alone = self.threshold_alone < 1.0
        screened: dict[int, str] = {}
        todo = []
        for n, r in enumerate(readings):
            if r.typings:
                todo.append(n)
            elif alone and r.hits:
                rule = next((a.name for a in ALONE_RULES if a.applies(sents[n], r)), None)
                if rule is None:
                    todo.append(n)
                else:
                    screened[n] = rule
        verdicts = dict(zip(todo, self.gate.judge([sents[n] for n in todo]), strict=True))
        again = [n for n in todo if _second_look(verdicts[n].p_event, bool(readings[n].typings),
                                                 self.threshold, self.threshold_alone)]
        clauses = [clause_span(sents[n], readings[n]) for n in again]
        for n, clause, v in zip(again, clauses, self.gate.judge(clauses), strict=True):
            if clause.text != sents[n].text and v.p_event > verdicts[n].p_event:
                verdicts[n] = v
        return verdicts, screened

    def _mentions_beside(self, sents: list[Any], readings: list[LexiconReading],
                         gated: list[tuple[list[Typing], list[Rejected]]]) -> None:
        """Adds, beside the events the gate accepted in a sentence, the definite mention of one past
        incident of another event type that the sentence names as a noun (:func:`definite_mention`:
        "the Benghazi attack had no relation to the Cairo protest"), beside no event of violence
        (``matching.yaml#violent_event_types``: "the raid" beside "gunmen killed" is the same incident), when the gate, judging the noun
        phrase alone, finds an event in it (P(event) at least :data:`MENTION_MIN_ALONE`, likeliest
        out-of-scope kind "none"); its type is the gate's likeliest of the noun's own types of violence, not one
        a word or a weapon must name (``matching.yaml#word_named_types``, ``#named_weapon_types``)."""
        assert self.gate is not None
        todo: list[tuple[int, Any, set[str]]] = []
        matching, onto = load_matching(), load_ontology()
        violent = matching["violent_event_types"]
        for n, (typings, _) in enumerate(gated):
            if not typings:
                continue
            sent, reading = sents[n], readings[n]
            have = {t.event_type for t in typings}
            if have & violent:
                continue
            named = {h.entry.sub for h in reading.proposals}
            unnamed = matching["word_named_types"] | (matching["named_weapon_types"] - named)
            nouns: dict[tuple[int, int], set[str]] = {}
            for r in reading.rejected:
                if r.reason == "rule:not-a-verb" and r.sub_event_type:
                    nouns.setdefault((r.trigger_start, r.trigger_end), set()).add(r.sub_event_type)
            for (start, end), subs in nouns.items():
                span = sent.doc.char_span(start, end)
                if span is None or any(t.trigger_start < end and start < t.trigger_end for t in typings):
                    continue
                tok = head_of(span)
                subs = {s for s in subs if onto.get(s).event_type in violent and s not in unnamed}
                if subs and definite_mention(tok, sent):
                    todo.append((n, tok, subs))
                    break
        phrases = [sents[n].doc[tok.left_edge.i:tok.right_edge.i + 1] for n, tok, _ in todo]
        for (n, tok, subs), phrase, v in zip(todo, phrases, self.gate.judge(phrases), strict=True):
            if v.reason != "none" or v.p_event < MENTION_MIN_ALONE:
                continue
            sub = load_ontology().get(max(sorted(subs), key=v.p_sub))
            text = tok.text
            gated[n][0].append(Typing(
                sub.event_type, sub.name, sub.plover_type, sub.plover_mode, tok.idx, tok.idx + len(text), text, tok.i,
                f"mention:beside:{self.gate.name}:{sub.name} (candidate '{text.lower()}', "
                f"P(event) of '{phrase.text}' {v.p_event:.3f})", round(v.p_event * v.p_sub(sub.name), 3)))

    def _gated(self, sent: Any, typings: list[Typing], reading: LexiconReading,
               verdict: GateVerdict) -> tuple[list[Typing], list[Rejected]]:
        """The gate's decision: the lexicon's typings stand when P(event) reaches ``threshold``;
        where the lexicon typed nothing, the gate's likeliest sub-event type is reported at a
        candidate trigger when P(event) reaches ``threshold_alone``; else all are rejected, with
        the likeliest out-of-scope kind."""
        name = self.gate.name if self.gate is not None else "gate"
        mention_ok = verdict.reason == "none"
        if typings and mention_ok and MENTION_MIN <= verdict.p_event < self.threshold:
            mentions = [replace(t, rule=f"{t.rule}; mention:definite (P(event) {verdict.p_event:.3f})")
                        for t in typings if definite_mention(sent.doc[t.trigger_index], sent)]
            if mentions:
                return mentions, []
        if typings and PROTEST_BY_PEOPLE_MIN <= verdict.p_event < self.threshold:
            protests = _protests_by_people(sent, typings, verdict)
            if protests:
                return protests, []
        if typings and verdict.p_event >= self.threshold:
            kept = [t for n, t in enumerate(typings) if not n or verdict.p_sub(t.sub_event_type) >= SECOND_TYPE_MIN]
            reason = f"model:{name}:unlikely-type"
            return kept, [Rejected(t.trigger, t.trigger_start, t.trigger_end, t.sub_event_type, reason,
                                   verdict.p_sub(t.sub_event_type)) for t in typings if t not in kept]
        reason = f"model:{name}:{verdict.reason}"
        if not typings and verdict.p_event >= self.threshold_alone:
            alone = _gate_typing(sent, reading, verdict, name)
            if isinstance(alone, Typing):
                return [alone], []
            reason = f"model:{name}:{alone}"
        elif not typings and mention_ok and verdict.p_event >= MENTION_MIN_ALONE:
            mention = _mention_typing(sent, reading, verdict, name)
            if mention is not None:
                return [mention], []
        consequence = _consequence_typing(sent, reading, typings, verdict, name)
        if consequence is None and verdict.p_event >= MENTION_MIN:
            consequence = _consequence_typing(sent, reading, typings, verdict, name, occurrence_verb, "occurrence")
        if consequence is not None:
            return [consequence], []
        if not typings:
            return [], [_candidate(sent, reading, reason, verdict.p_event)]
        return [], [Rejected(t.trigger, t.trigger_start, t.trigger_end, t.sub_event_type, reason, verdict.p_event)
                    for t in typings]


def _protests_by_people(sent: Any, typings: list[Typing], verdict: GateVerdict) -> list[Typing]:
    """The typings of a sentence that are protests by people (a trigger of
    ``matching.yaml#protest_by_people_entries`` told of people who protest, :func:`.protest_by.protest_by`),
    each with who protests in its rule."""
    entries = load_matching()["protest_by_people_entries"]
    out = []
    for t in typings:
        entry = t.rule.partition("#")[2].partition(":")[0]
        if t.sub_event_type != "Peaceful protest" or entry not in entries:
            continue
        who = protest_by(sent.doc[t.trigger_index], t.trigger_end)
        if who is not None:
            out.append(replace(t, rule=f"{t.rule}; rule:protest-by-people ({who.text.lower()}, "
                                       f"P(event) {verdict.p_event:.3f})"))
    return out


def _candidate(sent: Any, reading: LexiconReading, reason: str, score: float | None = None) -> Rejected:
    """The rejected candidate of a sentence the lexicon did not type: its first candidate trigger."""
    hit = reading.hits[0]
    span = sent.doc[hit.first:hit.last + 1]
    return Rejected(span.text, span.start_char, span.end_char, hit.entry.sub, reason, score)


def _in_scope(sent: Any, typings: list[Typing], lexicon: Lexicon) -> tuple[list[Typing], list[Rejected]]:
    """The typings no scope rule (:mod:`.scope`) rejects, and the rejected ones with the rule's name."""
    ctx = context(sent, lexicon)
    kept: list[Typing] = []
    out: list[Rejected] = []
    for t in typings:
        rule = out_of_scope(t, ctx)
        if rule is None:
            kept.append(t)
        else:
            out.append(Rejected(t.trigger, t.trigger_start, t.trigger_end, t.sub_event_type, f"rule:scope:{rule}"))
    return kept, out


def _second_look(p_event: float, typed: bool, threshold: float, threshold_alone: float) -> bool:
    """Whether a sentence's clause is judged again: the gate would reject the sentence, and it is
    not far below the threshold (:data:`CLAUSE_LOOK_MIN_TYPED`, :data:`CLAUSE_LOOK_MIN_ALONE`)."""
    if typed:
        return CLAUSE_LOOK_MIN_TYPED <= p_event < threshold
    return CLAUSE_LOOK_MIN_ALONE <= p_event < threshold_alone


def definite_mention(tok: Any, sent: Any) -> bool:
    """A singular trigger noun that names one past incident (``matching.yaml#incident_nouns``): with a
    definite or possessive determiner, a date (:func:`dated_noun`) or a proper noun before it ("before
    the raid began", "our first strike", "Sunday's bombing", "the Benghazi attack"), in a sentence with
    a verb in the past. Not a plural, bare or indefinite noun ("attacks on civilians", "an attack would
    ..."), nor a sentence with no past verb ("the attack will come")."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in load_matching()["incident_nouns"]:
        return False
    if not any(t.tag_ in ("VBD", "VBN") for t in sent):
        return False
    return definite_noun(tok) or dated_noun(tok) or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _mention_typing(sent: Any, reading: LexiconReading, verdict: GateVerdict, name: str) -> Typing | None:
    """A typing at the first candidate trigger that is a definite mention (:func:`definite_mention`),
    of the type the gate likes best among the types of that noun's own entries (those whose
    conditions failed or that want a verb too: "the raid" may be an attack, a clash or an arrest);
    ``None`` if there is none."""
    doc = sent.doc
    hit = next((h for h in reading.hits if definite_mention(head_of(doc[h.first:h.last + 1]), sent)), None)
    if hit is None:
        return None
    span = doc[hit.first:hit.last + 1]
    subs = {h.entry.sub for h in reading.hits if (h.first, h.last) == (hit.first, hit.last)}
    subs |= {r.sub_event_type for r in reading.rejected
             if r.sub_event_type and (r.trigger_start, r.trigger_end) == (span.start_char, span.end_char)}
    sub = load_ontology().get(max(sorted(subs), key=verdict.p_sub))
    return Typing(sub.event_type, sub.name, sub.plover_type, sub.plover_mode, span.start_char, span.end_char,
                  span.text, head_of(span).i, f"mention:definite:{name}:{sub.name} (candidate '{span.text.lower()}', "
                  f"{hit.entry.id}, P(event) {verdict.p_event:.3f})", round(verdict.p_event * verdict.p_sub(sub.name), 3))


def consequence_mention(tok: Any, sent: Any) -> Any | None:
    """The verb by which a definite mention of one incident (:func:`definite_mention`) is told as
    having happened, or ``None``: the mention is the subject of a verb of
    ``matching.yaml#consequence_verbs`` in the past whose object holds a number (and, after "left" or
    "claimed", a word of ``#consequence_words``: "the ambush claimed five lives", "Tuesday's raid left
    two dead", "the 3 May attack destroyed two houses"), or the
    object of "in"/"during" under a verb of ``#casualty_verbs`` in the past ("three people died in the
    bombing", "two soldiers were wounded in Sunday's attack"). Not in a sentence that names a year
    ("the 2015 attack killed 130": an earlier incident retold), nor after a modal ("the attack would
    have killed dozens")."""
    if not definite_mention(tok, sent) or _names_year(sent):
        return None
    matching = load_matching()
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ in ("in", "during"):
        verb = verb.head
        wanted = matching["casualty_verbs"]
        counted = True
    elif tok.dep_ == "nsubj":
        wanted = matching["consequence_verbs"]
        after = [t for t in verb.subtree if t.i > verb.i]
        counted = any((t.like_num or t.ent_type_ == "CARDINAL") and t.ent_type_ not in ("DATE", "TIME") for t in after)
        if verb.lemma_.lower() in matching["consequence_wide_verbs"]:
            counted = counted and any(t.lower_ in matching["consequence_words"] for t in after)
    else:
        return None
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.tag_ == "MD"
                                                                 for c in verb.children))
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in wanted or not past or not counted:
        return None
    return verb


def _consequence_typing(sent: Any, reading: LexiconReading, typings: list[Typing], verdict: GateVerdict,
                        name: str, told_by: Callable[[Any, Any], Any | None] | None = None,
                        label: str = "consequence") -> Typing | None:
    """A typing at an incident noun the gate would reject, told by what the incident did
    (:func:`consequence_mention`), where the gate's likeliest out-of-scope kind is one of
    ``matching.yaml#consequence_reasons``; its type is the gate's likeliest of the noun's own types of
    violence (``#violent_event_types``), not one a word or a weapon must name (as for
    :meth:`EventTyper._mentions_beside`). ``None`` where there is none. ``told_by`` (default
    :func:`consequence_mention`) and ``label`` give another way an incident noun is told as having
    happened (:func:`.occurrence.occurrence_verb`, rule ``mention:occurrence``)."""
    told_by = told_by or consequence_mention
    matching, onto = load_matching(), load_ontology()
    if verdict.reason not in matching["consequence_reasons"]:
        return None
    doc = sent.doc
    named = {h.entry.sub for h in reading.proposals}
    unnamed = matching["word_named_types"] | (matching["named_weapon_types"] - named)
    nouns: dict[tuple[int, int], set[str]] = {}
    for h in reading.hits:
        span = doc[h.first:h.last + 1]
        nouns.setdefault((span.start_char, span.end_char), set()).add(h.entry.sub)
    for r in reading.rejected:
        if r.sub_event_type and r.reason == "rule:not-a-verb":
            nouns.setdefault((r.trigger_start, r.trigger_end), set()).add(r.sub_event_type)
    for t in typings:
        nouns.setdefault((t.trigger_start, t.trigger_end), set()).add(t.sub_event_type)
    for (start, end), subs in sorted(nouns.items()):
        span = doc.char_span(start, end)
        if span is None:
            continue
        tok = head_of(span)
        subs = {s for s in subs if not s.startswith("PLOVER:") and s not in unnamed and
                onto.get(s).event_type in matching["violent_event_types"]}
        told = told_by(tok, sent) if subs else None
        if told is None:
            continue
        sub = onto.get(max(sorted(subs), key=verdict.p_sub))
        return Typing(sub.event_type, sub.name, sub.plover_type, sub.plover_mode, span.start_char, span.end_char,
                      span.text, tok.i, f"mention:{label}:{name}:{sub.name} (candidate '{span.text.lower()}', "
                      f"told by '{told.text.lower()}', P(event) {verdict.p_event:.3f})",
                      round(verdict.p_event * verdict.p_sub(sub.name), 3))
    return None


def clause_span(sent: Any, reading: LexiconReading) -> Any:
    """The clause of the sentence's first typing (or candidate trigger): the subtree of the verb
    heading it, the whole sentence at most ("..., the forces took control of the crossing"); for a
    trigger noun named by its date (:func:`dated_noun`), its noun phrase ("... actions like last
    week's air strike on the camp": the strike is reported whatever the sentence around it says)."""
    doc = sent.doc
    tok = doc[reading.typings[0].trigger_index] if reading.typings else doc[reading.hits[0].first]
    if dated_noun(tok):
        return doc[tok.left_edge.i:tok.right_edge.i + 1]
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    span = doc[tok.left_edge.i:tok.right_edge.i + 1]
    return span if sent.start <= span.start and span.end <= sent.end else sent


def protest_named(sent: Any) -> bool:
    """A protest is named in the sentence (a word of ``matching.yaml#protest_words``): "police fired
    on the crowd" may be force against protesters, "four officers fired ten rounds" is not."""
    padded = padded_text(words_of(sent))
    return any(f" {w}" in padded for w in load_matching()["protest_words"])


def _gate_typing(sent: Any, reading: LexiconReading, verdict: GateVerdict, name: str) -> Typing | str:
    """A typing the gate reports where the lexicon's conditions typed nothing: its likeliest
    sub-event type, at the candidate trigger of that type (or the first candidate); else the name of
    the rule that keeps it: one of :data:`ALONE_TYPE_RULES`, or ``type-not-named`` when
    that type is one a word must name (``matching.yaml#word_named_types``: an arrest, a seizure, a
    mob's violence) and no candidate trigger is of that type ("requests to the police were sent
    back" is no arrest, "a tense crowd gathered" no mob violence), and in a sentence with no date
    when no candidate trigger is of that type and the gate is unsure of it (:data:`ALONE_UNNAMED_MIN`),
    or none is of its event type nor a violent one (:data:`ALONE_OTHER_TYPE_MIN`; for a strategic
    development, :func:`sub_named`, none of that sub-event type nor a violent one, however sure the gate is:
    "they met the enemy" names no looting).

    A type defined by the weapon used (``matching.yaml#named_weapon_types``: an air strike needs
    an aircraft named) is the gate's only where a trigger of that type matched with its cue words:
    "Gondor fired on Osgiliath", no aircraft named, is no air strike. A type that needs a protest
    named (``matching.yaml#protest_named_types``) is, with none named, the same violence away from a
    protest (:func:`protest_named`).
    """
    matching = load_matching()
    named = {h.entry.sub for h in reading.proposals}
    best, p_sub = next((s, p) for s, p in verdict.sub_events if s not in matching["named_weapon_types"] or s in named)
    if best in matching["protest_named_types"] and not protest_named(sent):
        best = next(iter(matching["away_from_protest_type"]))
    hit = next((h for h in reading.hits if h.entry.sub == best), None)
    if hit is None and (best in matching["word_named_types"] or (p_sub < ALONE_UNNAMED_MIN and not dated(sent))):
        return "type-not-named"
    if hit is None and not dated(sent) and _other_type(best, reading) and (
            p_sub < ALONE_OTHER_TYPE_MIN or sub_named(best)):
        return "type-not-named"
    rule = next((r.name for r in ALONE_TYPE_RULES if r.applies(best, sent, reading)), None)
    if rule is not None:
        return rule
    hit = hit or reading.hits[0]
    span = sent.doc[hit.first:hit.last + 1]
    sub = load_ontology().get(best)
    head = head_of(span)
    return Typing(sub.event_type, sub.name, sub.plover_type, sub.plover_mode, span.start_char, span.end_char,
                  span.text, head.i, f"model:{name}:{best} (candidate '{span.text.lower()}', {hit.entry.id})",
                  round(verdict.p_event * p_sub, 3))


def sub_named(sub: str) -> bool:
    """The event type of ``sub`` is one whose sub-event types share little but the name
    (``matching.yaml#sub_named_event_types``: strategic developments): a word must name the sub-event type."""
    return load_ontology().get(sub).event_type in load_matching()["sub_named_event_types"]


@dataclass(frozen=True)
class AloneTypeRule:
    """A named rule that keeps the gate's likeliest type from a sentence the lexicon did not type
    (``applies(sub, sent, reading) -> bool``): the candidate is rejected as ``model:<gate>:<name>``."""

    name: str
    applies: Callable[[str, Any, LexiconReading], bool]


def _protest_not_named(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A protest (event type Protests) with no candidate trigger of that event type nor of people
    gathering (``matching.yaml#gathering_entries``) and no protest named in the text (:func:`protest_named`;
    "police reached the spot" after a sentence that names the protest may be its dispersal): "volunteers
    took up a project in February", "the group established an office in Bree in May"."""
    onto, matching = load_ontology(), load_matching()
    kind = onto.get(sub).event_type
    return kind == "Protests" and not protest_named(sent.doc[:]) and not any(
        onto.get(h.entry.sub).event_type == kind or h.entry.id in matching["gathering_entries"] for h in reading.hits)


def _weak_type_elsewhere(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A non-violent strategic development (``matching.yaml#weak_alone_types``) where every candidate
    trigger is of an event type of violence (:data:`.scope.VIOLENT_TYPES`), dated or not: a word of
    violence whose entry's conditions failed names no other development ("forces secured the site on
    Friday", a candidate of taking territory, is no Other)."""
    onto = load_ontology()
    return sub in load_matching()["weak_alone_types"] and bool(reading.hits) and all(
        onto.get(h.entry.sub).event_type in VIOLENT_TYPES for h in reading.hits)


#: Rules applied, in order, to the gate's likeliest type where the lexicon typed nothing (issue 11, prec15).
ALONE_TYPE_RULES: tuple[AloneTypeRule, ...] = (
    AloneTypeRule("protest-not-named", _protest_not_named),
    AloneTypeRule("weak-type-elsewhere", _weak_type_elsewhere),
)


def _other_type(sub: str, reading: LexiconReading) -> bool:
    """No candidate trigger of the sentence is of the event type of ``sub`` nor of a violent one
    (:data:`.scope.VIOLENT_TYPES`): the gate's type comes from words that name no such event. For a
    strategic development (:func:`sub_named`) the candidate must be of ``sub`` itself ("handing out visas"
    names no "Other")."""
    onto = load_ontology()
    kind = onto.get(sub).event_type
    kinds = {onto.get(h.entry.sub).event_type for h in reading.hits}
    if sub_named(sub) and all(h.entry.sub != sub for h in reading.hits):
        kinds = kinds - {kind}  # a candidate of another strategic development names nothing of this one
    return kind not in kinds and not kinds & VIOLENT_TYPES


def classify(sent: Any, *, lexicon: Lexicon | None = None, model: Any = None, gate: EventGate | None = None,
             threshold: float = DEFAULT_THRESHOLD, threshold_alone: float = DEFAULT_THRESHOLD_ALONE,
             actor_inter: int | None = None) -> list[Typing]:
    """Typings of the events a sentence (a spaCy Span) reports, best first; ``[]`` for none.

    ``gate`` and ``model`` (the event gate, the ``train --acled`` sub-event model) are used only
    when given; ``actor_inter`` (ACLED inter code of the acting actor, if the caller knows it)
    overrides the agent class read from the parse.
    """
    typer = EventTyper(lexicon or load_lexicon(), gate, threshold, threshold_alone, model)
    return list(typer.read([sent], actor_inter=actor_inter)[0].typings)
