"""Event typing of one sentence: triggers propose, the event gate decides, a trained model may retype.

:class:`EventTyper` is the pipeline's typing stage. The lexicon (:mod:`.typings`, matching in
:mod:`.matching`, roles read from the parse in :mod:`.roles`) proposes candidate triggers and
types them; the event gate (:mod:`.gate`) decides whether the sentence reports an in-scope event
and of which sub-event type (what it may type where the lexicon typed nothing: :mod:`.alone`; a
definite mention of one incident: :mod:`.mentions`; a protest by named people: :mod:`.roles.protesters`;
a crowd punishing a suspect: :mod:`.justice`);
the optional model of ``frontlines train --acled`` (:mod:`.model`) may then retype. Every candidate
that does not become an event is kept, with why, for ``--explain``. Heavy parts (gate, model) are
passed in, never looked up here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..deptree import above, clause_verb
from .alone import ALONE_RULES, gate_typing
from .coreference import load_cues
from .gate import EventGate, GateVerdict
from .justice import mob_justice
from .matching import load_matching
from .mentions import (
    MENTION_MIN,
    MENTION_MIN_ALONE,
    PRESUPPOSED_MARK,
    TARGETED_MIN,
    attributed_mention,
    consequence_typing,
    definite_mention,
    mention_typing,
    mentions_beside,
    named_mention,
    participle_mention,
    political_mention,
    presupposed_mention,
    targeted_mention,
)
from .modality import dated_noun, presupposing_word
from .model import apply_model
from .occurrence import occurrence_verb
from .one_incident import ONE_INCIDENT_MARK, one_incident
from .ontology import Lexicon, load_lexicon, load_ontology
from .roles.agent_target import object_antecedent
from .roles.protesters import PROTEST_BY_PEOPLE_MIN, protests_by_people
from .scope import context, out_of_scope
from .scope.anchoring import placing_word
from .scope.modal import presupposed_under_modal
from .typings import SECOND_MARK, TERRITORY_WON, LexiconReading, Rejected, Typing, lexicon_typings

__all__ = ["EventTyper", "SentenceTyping", "Typing", "classify"]

#: Defaults of the ``event_threshold`` and ``event_threshold_alone`` settings (see docs/settings.md).
DEFAULT_THRESHOLD = 0.2
DEFAULT_THRESHOLD_ALONE = 0.6
#: A sentence's second (third ...) typing stands only if the gate gives its type at least this
#: probability among event types (one event per sentence is the common case).
SECOND_TYPE_MIN = 0.1
#: A second typing in a clause of its own (``own_clause``: "gunmen killed three farmers, and a roadside bomb
#: killed two soldiers") stands from this probability: the gate reads one sentence as one event and gives a
#: second, told in full, little (issue 11, typing23).
OWN_CLAUSE_MIN = 0.03
#: A candidate the lexicon did not type gets the clause "second look" only when the gate gives its
#: whole sentence at least this P(event): below it the look almost never reaches
#: ``threshold_alone`` and costs one encoder run per candidate (docs/scale.md, rounds 2 and 7b).
CLAUSE_LOOK_MIN_ALONE = 0.02
#: The same for a sentence the lexicon typed: below this P(event) its clause raised the verdict
#: only for false events on news (docs/scale.md, round 7b).
CLAUSE_LOOK_MIN_TYPED = 0.01


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
            mentions_beside(sents, readings, gated_all, gate=self.gate)
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
        :data:`.alone.ALONE_RULES` applies: those are returned apart, with the rule's name). A sentence
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
            elif alone and (r.hits or r.excluded):
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
            protests = protests_by_people(sent, typings, verdict)
            if protests:
                return protests, []
        if typings and verdict.p_event < self.threshold:
            punished = mob_justice(sent, typings, verdict, self.lexicon)
            if punished:
                return punished, []
        if typings and verdict.p_event < self.threshold and verdict.reason in load_matching()["one_incident_reasons"]:
            told = _one_incident(sent, typings, verdict)
            if told:
                return told, []
        if typings and verdict.p_event >= self.threshold:
            return self._kept(sent, typings, verdict, name)
        if not typings and not reading.hits:  # only matches whose entries' `without` words are there
            return self._excluded_alone(sent, reading, verdict, name)
        reason = f"model:{name}:{verdict.reason}"
        refused = False
        if not typings and verdict.p_event >= self.threshold_alone:
            alone = gate_typing(sent, reading, verdict, name)
            if isinstance(alone, Typing):
                return [alone], []
            reason = f"model:{name}:{alone}"
            refused = True
        # a definite mention stands where the gate doubts the sentence but reads no crime, court case,
        # accident, metaphor or total (MENTION_MIN_ALONE), or where it is sure of an event whose type it
        # was refused ("after last week's raid on the village" read as a mob's violence)
        if not typings and (mention_ok or refused) and verdict.p_event >= MENTION_MIN_ALONE:
            mention = mention_typing(sent, reading, verdict, name, refused=refused)
            if mention is not None:
                return [mention], []
        consequence = consequence_typing(sent, reading, typings, verdict, name)
        if consequence is None and verdict.p_event >= MENTION_MIN:
            consequence = consequence_typing(sent, reading, typings, verdict, name, occurrence_verb, "occurrence")
        if consequence is None and verdict.p_event >= TARGETED_MIN:
            consequence = consequence_typing(sent, reading, typings, verdict, name, targeted_mention(self.lexicon, verdict.reason),
                                             "targeted")
        if consequence is None and verdict.p_event >= TARGETED_MIN:
            consequence = consequence_typing(sent, reading, typings, verdict, name, attributed_mention(self.lexicon, verdict.reason),
                                             "attributed", "attributed_reasons")
        if consequence is None:  # a past incident named by its year or day
            consequence = consequence_typing(sent, reading, typings, verdict, name, named_mention, "named",
                                             "named_reasons")
        if consequence is None:  # an incident the sentence places in time ("since the raid", "the night of the attack")
            consequence = consequence_typing(sent, reading, typings, verdict, name, presupposed_mention, "presupposed",
                                             "named_reasons")
        if consequence is None:  # the same, read as crime, of violence against a political figure
            consequence = consequence_typing(sent, reading, typings, verdict, name, political_mention, "political-victim",
                                             "political_victim_reasons")
        if consequence is None and refused:  # the gate is sure of an event, its own type refused
            consequence = consequence_typing(sent, reading, typings, verdict, name, participle_mention, "participle",
                                             "participle_reasons")
        if consequence is not None:
            return [consequence], []
        if not typings:
            return [], [_candidate(sent, reading, reason, verdict.p_event)]
        return [], [Rejected(t.trigger, t.trigger_start, t.trigger_end, t.sub_event_type, reason, verdict.p_event)
                    for t in typings]

    def _kept(self, sent: Any, typings: list[Typing], verdict: GateVerdict,
              name: str) -> tuple[list[Typing], list[Rejected]]:
        """A sentence the gate reports an event in: its first typing stands, a second one where the gate gives its
        type a share of the sentence (or its own words are an event: :meth:`_own_words_look`)."""
        first = typings[0]
        kept = []
        for t in typings:
            if t is first or _second_p(sent, verdict, t, first) >= (
                    OWN_CLAUSE_MIN if told_apart(sent, t, first) else SECOND_TYPE_MIN):
                kept.append(t)
                continue
            looked = self._own_words_look(sent, t, first)
            if looked is not None:
                kept.append(looked)
        kept = [t if t is first else _second_marked(sent, t, first) for t in kept]
        reason = f"model:{name}:unlikely-type"
        return kept, [Rejected(t.trigger, t.trigger_start, t.trigger_end, t.sub_event_type, reason,
                               verdict.p_sub(t.sub_event_type)) for t in typings if t not in kept]

    def _own_words_look(self, sent: Any, t: Typing, lead: Typing) -> Typing | None:
        """A second typing the gate gave little share of the sentence (it reads one sentence as one event), judged
        again on its own words (:func:`own_words`): it stands, its rule marked ``own-words``, where the gate reports
        an event on them from ``threshold`` with ``t``'s sub-event type at ``SECOND_TYPE_MIN`` or more ("rebels
        kidnapped 16 advisers and exploded a series of bombs in the capital"); not a type that
        ``matching.yaml#own_words_skip`` gives as part of ``lead``'s event type (a mob "attacked and burned the houses",
        units "eliminated dozens of terrorists and destroyed their positions": the destruction is part of the riot or
        the fight). Issue 11, recall31."""
        if f"{t.sub_event_type} beside {lead.event_type}" in load_matching()["own_words_skip"]:
            return None
        span = own_words(sent, t, lead)
        if span is None or self.gate is None:
            return None
        v = self.gate.judge([span])[0]
        if v.p_event < self.threshold or v.p_sub(t.sub_event_type) < SECOND_TYPE_MIN:
            return None
        return replace(t, rule=f"{t.rule}; own-words '{span.text[:60]}' (P(event) {v.p_event:.3f})")

    def _excluded_alone(self, sent: Any, reading: LexiconReading, verdict: GateVerdict,
                        name: str) -> tuple[list[Typing], list[Rejected]]:
        """A sentence whose only matches are excluded by their entries' ``without`` words: the gate may confirm
        an excluded entry's own sub-event type (an RPG fired at a building is still shelling), from
        ``threshold_alone``, at that match; any other type it likes best is not the words' (a survivor who
        "experienced the bombing" typed as an abduction), and no mention rule takes such a match."""
        reason = f"model:{name}:{verdict.reason}"
        if verdict.p_event >= self.threshold_alone:
            alone = gate_typing(sent, replace(reading, hits=list(reading.excluded)), verdict, name)
            if isinstance(alone, Typing) and alone.sub_event_type in {h.entry.sub for h in reading.excluded}:
                return [alone], []
            reason = f"model:{name}:{alone if isinstance(alone, str) else 'excluded-type'}"
        return [], [_candidate(sent, reading, reason, verdict.p_event)]


def _one_incident(sent: Any, typings: list[Typing], verdict: GateVerdict) -> list[Typing]:
    """The first typing that tells one specific incident with its own toll (:func:`.one_incident.one_incident`:
    "the atomic bomb dropped on Osgiliath in 1945 killed more than 70,000 people"), marked ``rule:one-incident``,
    where the gate reads the sentence as a total or background; else nothing."""
    heads = {t.trigger_index for t in typings}
    for t in typings:
        toll = one_incident(sent.doc[t.trigger_index], sent, heads)
        if toll is not None:
            return [replace(t, rule=f"{t.rule}{ONE_INCIDENT_MARK} '{toll.text}' (P(event) {verdict.p_event:.3f})")]
    return []


def _candidate(sent: Any, reading: LexiconReading, reason: str, score: float | None = None) -> Rejected:
    """The rejected candidate of a sentence the lexicon did not type: its first candidate trigger (or match)."""
    hit = (reading.hits or reading.excluded)[0]
    span = sent.doc[hit.first:hit.last + 1]
    return Rejected(span.text, span.start_char, span.end_char, hit.entry.sub, reason, score)


def _in_scope(sent: Any, typings: list[Typing], lexicon: Lexicon) -> tuple[list[Typing], list[Rejected]]:
    """The typings no scope rule (:mod:`.scope`) rejects, and the rejected ones with the rule's name."""
    ctx = context(sent, lexicon)
    kept: list[Typing] = []
    out: list[Rejected] = []
    for t in typings:
        rule = out_of_scope(t, ctx)
        word = presupposed_under_modal(t, ctx) if rule is None else None
        placed = placing_word(t, ctx) if rule is None and word is None else None
        if word is not None:
            t = replace(t, rule=f"{t.rule}{PRESUPPOSED_MARK}'{word.text.lower()}' (under a modal)")
        elif placed is not None:
            t = replace(t, rule=f"{t.rule}{PRESUPPOSED_MARK}'{placed.text.lower()}' (placed)")
        if rule is None:
            kept.append(t)
        else:
            out.append(Rejected(t.trigger, t.trigger_start, t.trigger_end, t.sub_event_type, f"rule:scope:{rule}"))
    return kept, out


def own_clause(sent: Any, t: Typing, lead: Typing) -> bool:
    """Whether typing ``t`` is told in a clause of its own beside ``lead``'s: the two clauses' verbs are
    conjuncts, or one is a clause of time on the other (a mark of ``matching.yaml#sequence_marks``: "thousands
    marched after police arrested the mayor"), each with its own subject, no pronoun in a clause of time ("after
    they stormed the gate" tells the same doers' acts), and neither subject is a definite incident noun
    (``matching.yaml#incident_nouns``, ``#retold_nouns``, with a determiner of
    ``incidents.yaml#anaphora_determiners``: "..., and the attack left nine guests dead" tells the same event)."""
    doc = sent.doc
    a, b = clause_verb(doc[lead.trigger_index]), clause_verb(doc[t.trigger_index])
    if a.i == b.i:
        return False
    sequence = _sequence_clause(a, b) or _sequence_clause(b, a)
    if not (sequence or (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)):
        return False
    if sequence and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for v in (a, b) for c in v.children):
        return False
    nouns = load_matching()["incident_nouns"] | load_matching()["retold_nouns"]
    definite = set(load_cues()["anaphora_determiners"])
    for verb in (a, b):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return False
        if any(s.lemma_.lower() in nouns and any(d.lower_ in definite for d in s.children) for s in subjects):
            return False
    return True


def own_verb(sent: Any, t: Typing, lead: Typing) -> bool:
    """Whether typing ``t`` is told by a verb of its own joined to ``lead``'s: the two triggers are verbs (or
    their direct objects, or the "of" of one: "a series of bombs") whose verbs are conjuncts sharing one subject, both in the active voice, with
    different lemmas ("orcs kidnapped twelve farmers and exploded a series of bombs", "soldiers beat and
    detained the villagers")."""
    doc = sent.doc
    verbs = []
    for typing in (lead, t):
        tok = doc[typing.trigger_index]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
            tok = tok.head.head  # "exploded a series of bombs"
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
        if verb is None or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return False
        verbs.append(verb)
    a, b = verbs
    first, second = (a, b) if a.i < b.i else (b, a)
    if second.dep_ != "conj" or second.head.i != first.i or first.lemma_ == second.lemma_:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in second.children)


def joined_protest(sent: Any, t: Typing, lead: Typing) -> Any:
    """The verb of joining, if a protest typing ``t`` is told in a clause of joining (``matching.yaml#joining_lemmas``) that
    ``lead``'s trigger is not in, whose direct object names a protest or those in one
    (``#joined_protest_words``): "prisoners rioted, joining thousands of demonstrators in demanding a vote" reports
    the protest they joined; "joining the talks in demanding a truce" names none. Else None. Issue 11, second29b."""
    if t.event_type != "Protests":
        return None
    doc = sent.doc
    words = load_matching()
    trigger = doc[t.trigger_index]
    node = next((v for v in (trigger, *above(trigger, limit=3))
                 if v.pos_ == "VERB" and v.lemma_.lower() in words["joining_lemmas"]), None)
    if node is None:
        return None
    if node.left_edge.i <= lead.trigger_index <= node.right_edge.i:
        return None
    objects = " ".join(w.lower_ for c in node.children if c.dep_ == "dobj" for w in c.subtree)
    return node if any(w in f"{objects} " for w in words["joined_protest_words"]) else None


def _second_marked(sent: Any, t: Typing, lead: Typing) -> Typing:
    """A kept second typing, its rule marked (``typings.SECOND_MARK``) where it is an event of its own the incident
    keeps beside its main one: :func:`joined_protest`, :func:`changed_hands`."""
    joined = joined_protest(sent, t, lead)
    if joined is not None:
        return replace(t, rule=f"{t.rule}{SECOND_MARK}joined-protest '{joined.text.lower()}'")
    if changed_hands(sent, t, lead):
        return replace(t, rule=f"{t.rule}{SECOND_MARK}changed-hands 'it'")
    return t


def told_apart(sent: Any, t: Typing, lead: Typing) -> bool:
    """Whether a second typing ``t`` is told with words of its own beside ``lead``'s, so that the gate's low
    share for it (it reads one sentence as one event) is no reason to drop it: in a clause of its own
    (:func:`own_clause`); an act of another event type by a verb of its own (:func:`own_verb`: "soldiers beat
    and detained the villagers"); a protest the subject joined (:func:`joined_protest`); or a past incident the
    sentence presupposes (:func:`.modality.presupposing_word`: "agreed to a ceasefire after two days of fierce
    fighting"). Issue 11, multi29."""
    if own_clause(sent, t, lead) or (t.event_type != lead.event_type and own_verb(sent, t, lead)):
        return True
    if joined_protest(sent, t, lead) is not None:
        return True
    return presupposing_word(sent.doc[t.trigger_index]) is not None


def own_words(sent: Any, t: Typing, lead: Typing) -> Any | None:
    """The words that tell a second typing ``t`` apart from ``lead``'s, as a span the gate can judge alone, or None:
    either of two conjoined verbs with what hangs on it (:func:`own_verb`, :func:`own_clause`: "... and exploded a
    series of bombs in the capital", "orcs carried off five shepherds" before "and set off three bombs"), or a phrase of time whose preposition is one of ``matching.yaml#reason_preps`` over ``t``'s trigger
    noun where ``lead``'s trigger is not ("reimposed the blockade following the shooting deaths of two settlers")."""
    doc = sent.doc
    tok = doc[t.trigger_index]
    if told_apart(sent, t, lead):
        verb, other = clause_verb(tok), clause_verb(doc[lead.trigger_index])
        if verb.dep_ == "conj" and verb.head.i == other.i:
            return doc[verb.left_edge.i:verb.right_edge.i + 1]
        if other.dep_ == "conj" and other.head.i == verb.i:  # the first of the two: up to the second's "and"
            end = min(c.left_edge.i for c in verb.children if c.dep_ in ("cc", "conj") and c.i > verb.i)
            return doc[verb.left_edge.i:end] if end > verb.i else None
        return None
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in load_matching()["reason_preps"]:
        return None
    prep = tok.head
    if prep.left_edge.i <= lead.trigger_index <= prep.right_edge.i:
        return None
    return doc[prep.left_edge.i:prep.right_edge.i + 1]


def _sequence_clause(verb: Any, main: Any) -> bool:
    """``verb`` heads a clause of time on ``main`` ("after police arrested the mayor"): an adverbial clause whose
    mark is one of ``matching.yaml#sequence_marks``."""
    return verb.dep_ == "advcl" and verb.head.i == main.i and any(
        c.dep_ == "mark" and c.lower_ in load_matching()["sequence_marks"] for c in verb.children)


def changed_hands(sent: Any, t: Typing, lead: Typing) -> bool:
    """Whether typing ``t`` tells the other side winning the place ``lead`` won, named by "it": both of
    ``TERRITORY_WON`` and of different sub-event types, ``t``'s trigger the verb of a relative clause on the other
    side whose direct object "it" stands for ``lead``'s trigger's direct object
    (:func:`.roles.agent_target.object_antecedent`: "forces retook the village after fighting with rebels who overran
    it"). A clause of time ("regained the town after rebels seized it") tells how the retaking came about, as our
    labelled wire sentences count it: not this. Issue 11, second29b."""
    if t.sub_event_type == lead.sub_event_type or not {t.sub_event_type, lead.sub_event_type} <= TERRITORY_WON:
        return False
    doc = sent.doc
    verb = doc[t.trigger_index]
    if verb.dep_ != "relcl":
        return False
    pronoun = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if pronoun is None:
        return False
    place = object_antecedent([pronoun], verb)
    return place[0] is not pronoun and place[0].head.i == lead.trigger_index


def _second_p(sent: Any, verdict: GateVerdict, t: Typing, first: Typing) -> float:
    """What the gate gives a sentence's second typing: its sub-event type's probability, or, for the fighting
    beside a first typing of territory won (``TERRITORY_WON``) and for the other side's winning of that place
    (:func:`changed_hands`), the probability of its event type (Battles): the gate splits "retook the village after
    fierce fighting" between the territory and the clash (issue 11, typing22: judged by its event type for every
    second typing, it added a false shelling beside a chemical attack, a mob beside a riot and a territory beside a
    territory)."""
    if not ((t.sub_event_type == "Armed clash" and first.sub_event_type in TERRITORY_WON)
            or changed_hands(sent, t, first)):
        return verdict.p_sub(t.sub_event_type)
    onto = load_ontology()
    return sum(p for s, p in verdict.sub_events if onto.sub_events[s].event_type == t.event_type)


def _second_look(p_event: float, typed: bool, threshold: float, threshold_alone: float) -> bool:
    """Whether a sentence's clause is judged again: the gate would reject the sentence, and it is
    not far below the threshold (:data:`CLAUSE_LOOK_MIN_TYPED`, :data:`CLAUSE_LOOK_MIN_ALONE`)."""
    if typed:
        return CLAUSE_LOOK_MIN_TYPED <= p_event < threshold
    return CLAUSE_LOOK_MIN_ALONE <= p_event < threshold_alone

def clause_span(sent: Any, reading: LexiconReading) -> Any:
    """The clause of the sentence's first typing (or candidate trigger): the subtree of the verb
    heading it, the whole sentence at most ("..., the forces took control of the crossing"); for a
    trigger noun named by its date (:func:`dated_noun`), its noun phrase ("... actions like last
    week's air strike on the camp": the strike is reported whatever the sentence around it says)."""
    doc = sent.doc
    first = (reading.hits or reading.excluded)[0].first if not reading.typings else reading.typings[0].trigger_index
    tok = doc[first]
    if dated_noun(tok):
        return doc[tok.left_edge.i:tok.right_edge.i + 1]
    tok = clause_verb(tok)
    span = doc[tok.left_edge.i:tok.right_edge.i + 1]
    return span if sent.start <= span.start and span.end <= sent.end else sent




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
