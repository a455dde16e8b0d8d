"""Definite mentions of one past incident ("the raid", "Sunday's bombing"): events the gate scores low.

:func:`definite_mention` tells such a noun; :func:`mention_typing` types it where the lexicon's
conditions failed, :func:`consequence_typing` where the incident is told by what it did ("the ambush
claimed five lives") or by what it hit (:func:`targeted_mention`: "the raid on the consulate"), and
:func:`mentions_beside` adds it beside the events of a sentence of another type. :class:`.classify.EventTyper` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..deptree import ascent
from .gate import EventGate, GateVerdict
from .matching import NO_TOLL_TYPES, head_of, load_matching, toll_named, year_of
from .modality import dated_noun, presupposing_word
from .occurrence import names_year
from .one_incident import ONE_INCIDENT_MARK
from .ontology import Lexicon, load_lexicon, load_ontology
from .roles import classes_of, trigger_roles
from .scope import ARMED_CLASSES, definite_noun
from .scope.crime import political_target
from .typings import LexiconReading, Rejected, Typing

#: A definite mention of one past incident (:func:`definite_mention`: "before the raid began", "the
#: Benghazi attack") stands at this P(event) where the lexicon typed it, and at
#: :data:`MENTION_MIN_ALONE` where its entry's conditions failed (the type then is the likeliest, by
#: the gate, of the noun's own entries): such later mentions are events under the rubric, and the gate
#: scores them low. Only where the gate's likeliest out-of-scope kind is "none": a mention of a crime,
#: a court case, an accident, a metaphor or a background total is no event ("at the time of the attack"
#: in a story of a car-jacking).
MENTION_MIN = 0.1
MENTION_MIN_ALONE = 0.15
#: A mention beside another event (:func:`mentions_beside`) has at most this share of that event's confidence:
#: the event it stands beside stays the sentence's first ("demonstrated over the killing of a driver" is a protest).
BESIDE_SHARE = 0.99


def definite_mention(tok: Any, sent: Any) -> bool:
    """A singular trigger noun that names one past incident (``matching.yaml#incident_nouns``): with a
    definite or possessive determiner, a date (:func:`dated_noun`) or a proper noun before it ("before
    the raid began", "our first strike", "Sunday's bombing", "the Benghazi attack"), or naming what a
    definite inquiry is into ("the bombing probe"), in a sentence with a verb in the past, or a date of
    the past before it (:func:`past_dated`: "after last week's raid, residents say ..."). Not a plural,
    bare or indefinite noun ("attacks on civilians", "an attack would ..."), nor a sentence with no past
    verb ("the attack will come", "Sunday's rally will go ahead")."""
    if not any(t.tag_ in ("VBD", "VBN") for t in sent) and not past_dated(tok):
        return False
    return _definite_incident(tok)


def _definite_incident(tok: Any) -> bool:
    """:func:`definite_mention` but for the tense of its sentence: a singular noun of
    ``matching.yaml#incident_nouns`` with a definite or possessive determiner, a date or a proper noun
    before it, or naming what a definite inquiry is into."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in load_matching()["incident_nouns"]:
        return False
    return definite_noun(tok) or dated_noun(tok) or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children) \
        or _inquiry_into(tok)


def _inquiry_into(tok: Any) -> bool:
    """The noun names the incident a definite inquiry is into: it modifies a noun of
    ``matching.yaml#inquiry_nouns`` that has a definite determiner ("the bombing probe", "the
    shooting investigation")."""
    head = tok.head
    return tok.dep_ in ("compound", "amod") and head.lemma_.lower() in load_matching()["inquiry_nouns"] and \
        definite_noun(head)


def past_dated(tok: Any) -> bool:
    """A noun named by a date of the past (:func:`dated_noun` with a word of
    ``matching.yaml#past_date_words``: "last week's raid", "yesterday's attack"; not "Sunday's rally")."""
    past = load_matching()["past_date_words"]
    return dated_noun(tok) and any(t.ent_type_ in ("DATE", "TIME") and t.lower_ in past
                                   for t in tok.subtree if t.i < tok.i)


def mention_typing(sent: Any, reading: LexiconReading, verdict: GateVerdict, name: str, *,
                   refused: bool = False) -> Typing | None:
    """A typing at the first candidate trigger that is a definite mention (:func:`definite_mention`),
    of the type the gate likes best among the types of that noun's own entries (those whose
    conditions failed or that want a verb too: "the raid" may be an attack, a clash or an arrest), not
    one a word must name (``matching.yaml#word_named_types``: where the gate's likeliest type was kept for
    that, "after last week's raid" is the noun's next type); where the gate's own typing was ``refused``
    (:func:`.alone.gate_typing`), not one defined by a weapon no candidate names either (an air strike needs
    an aircraft named, as there); ``None`` if there is none."""
    doc = sent.doc
    hit = next((h for h in reading.hits if definite_mention(head_of(doc[h.first:h.last + 1]), sent)), None)
    if hit is None:
        return None
    span = doc[hit.first:hit.last + 1]
    subs = {h.entry.sub for h in reading.hits if (h.first, h.last) == (hit.first, hit.last)}
    subs |= {r.sub_event_type for r in reading.rejected
             if r.sub_event_type and (r.trigger_start, r.trigger_end) == (span.start_char, span.end_char)}
    subs -= _unnamed(reading) if refused else load_matching()["word_named_types"]
    if toll_named(sent):  # "the death toll from Tuesday's strike": no walkout (rule toll-of-no-protest)
        subs -= set(NO_TOLL_TYPES)
    if not subs:
        return None
    sub = load_ontology().get(max(sorted(subs), key=verdict.p_sub))
    return Typing(sub.event_type, sub.name, sub.plover_type, sub.plover_mode, span.start_char, span.end_char,
                  span.text, head_of(span).i, f"mention:definite:{name}:{sub.name} (candidate '{span.text.lower()}', "
                  f"{hit.entry.id}, P(event) {verdict.p_event:.3f})", round(verdict.p_event * verdict.p_sub(sub.name), 3))


#: A definite mention that names what the incident hit (:func:`targeted_mention`: "the handling of the
#: attack on the consulate", "since the bombing in Bree") stands from this P(event), under the gate's
#: out-of-scope kinds of ``matching.yaml#consequence_reasons``: the gate scores such mentions in opinion
#: text about 0.01.
TARGETED_MIN = 0.005
#: Entity kinds of an object that names no target of an incident ("the attack of April 15th").
_NOT_TARGETS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def targeted_mention(lexicon: Lexicon, reason: str, classes: frozenset[str] | None = None, *,
                     past: bool = True) -> Callable[[Any, Any], Any | None]:
    """``told_by`` for :func:`consequence_typing`: the object that tells a definite mention
    (:func:`definite_mention`) is of one incident by naming what it hit or where (an object of
    ``matching.yaml#target_preps`` on the noun, of a class of ``#target_classes``: "the raid on the
    Arnor consulate", "the bombing of the bus station", "the massacre at the crossing"), or ``None``.
    Not an object that is itself an incident noun or a date ("the attack of the Bree massacre", "the
    attack of April 15th"), nor one of no such
    class ("the attack on free speech", "the president's attack on the journalists"), nor, where the gate's out-of-scope ``reason`` is a metaphor, forces (``#target_metaphor_classes``:
    "the senator's attack on the police"). ``classes``: other classes to read (:func:`attributed_mention`),
    ``past=False``: a noun that is definite in a sentence of any tense (:func:`_definite_incident`)."""
    matching = load_matching()
    wanted = classes if classes is not None else \
        matching["target_metaphor_classes"] if reason == "metaphor" else matching["target_classes"]

    def told(tok: Any, sent: Any) -> Any | None:
        if not (definite_mention(tok, sent) if past else _definite_incident(tok)):
            return None
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in matching["target_preps"]:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() in matching["incident_nouns"] or obj.ent_type_ in _NOT_TARGETS:
                    continue  # "the attack of the Bree massacre", "the attack of April 15th" name no target
                named = [obj] + [c for c in obj.children if c.dep_ in ("compound", "amod")]
                if classes_of(named, lexicon, as_target=True) & wanted:
                    return obj
        return None

    return told


#: A date written with a slash ("9/11", "7/7"): a day that names an incident.
_SLASH_DATE = re.compile(r"^\d{1,2}/\d{1,2}$")


def named_mention(tok: Any, sent: Any) -> Any | None:
    """``told_by`` for :func:`consequence_typing`: the word that names a definite incident noun (one of
    ``matching.yaml#incident_nouns``, or its plural: "the attacks" of one day are one incident; or, in a name, one
    of ``#named_incident_nouns``: "the 1942 Battle of ...") as one past occurrence, or ``None``: a year
    (:func:`.matching.year_of`) or a date written with a slash before it ("the 1999 raid on Bree", "the 9/11
    attacks"). A determiner "the" (or a possessive) is needed: "attacks in 2015", "1999 raids" name no one
    incident."""
    matching = load_matching()
    lemma = tok.lemma_.lower()
    noun = tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS") and lemma in matching["incident_nouns"]
    name = tok.pos_ == "PROPN" and lemma in matching["named_incident_nouns"]
    if not (noun or name) or not definite_noun(tok):
        return None
    year = year_of(tok)
    if year is not None or name:
        return year
    return next((m for m in tok.children if m.i < tok.i and m.dep_ in ("nummod", "compound", "amod", "npadvmod")
                 and _SLASH_DATE.match(m.text)), None)


def presupposed_mention(tok: Any, sent: Any) -> Any | None:
    """``told_by`` for :func:`consequence_typing`: the word by which a definite mention of one past incident
    (:func:`.modality.presupposing_word` in a sentence with a past verb or of a past date, as for
    :func:`definite_mention`) is placed in time and so presupposed to have happened
    (:func:`.modality.presupposing_word`: "since the raid, the farmers have slept in the fields", "in the
    aftermath of the ambush", "officials met during the attack", "on the night of the raid", "drew conclusions
    about the handling of the terror attack", "would resign after the raid"); ``None`` otherwise."""
    if not any(t.tag_ in ("VBD", "VBN") for t in sent) and not past_dated(tok):
        return None
    return presupposing_word(tok)


def political_mention(tok: Any, sent: Any) -> Any | None:
    """``told_by`` for :func:`consequence_typing` where the gate reads crime: the word by which the sentence
    presupposes a definite mention of one past incident (:func:`presupposed_mention`) whose victim holds a
    public role (:func:`.scope.crime.political_target`, ``scope.yaml#political_victims``: "questions to answer
    in connection with the poisoning of a former double agent", "expelled diplomats over the shooting of the
    opposition leader"): the rubric codes violence against a political figure as political; ``None``
    otherwise ("arrested in connection with the poisoning of his wife")."""
    word = presupposed_mention(tok, sent)
    return word if word is not None and political_target(tok) else None


#: Entity kinds of an accused that is a country, a city's government or a people ("accuses Mordor of ...").
_POLITIES = frozenset({"GPE", "NORP"})


def attributed_mention(lexicon: Lexicon, reason: str) -> Callable[[Any, Any], Any | None]:
    """``told_by`` for :func:`consequence_typing`: the verb that lays a definite incident noun
    (:func:`_definite_incident`; an accusation needs no past verb: "Gondor accuses Mordor of involvement in
    the poisoning of the envoy") at the door of a state, a country or people, or a non-state armed group
    (``matching.yaml#attribution_classes``): the noun is the object of "of"/"for" under a verb of
    ``#attribution_verbs`` (through nouns of ``#attribution_nouns``: "involvement in", "role in") whose
    object or passive subject is the accused, or the object or passive subject of such a verb whose "on"
    names the accused ("blamed the bombing on the rebels"); ``None`` otherwise. Not an accused person
    ("police accused the man of involvement in the killing of his wife": crime), nor one armed man ("the
    gunman", a singular noun of the ``irregular`` class);
    where the gate's out-of-scope ``reason`` is a metaphor, only a noun that names whom or what it hit
    (``#attribution_metaphor_classes``: "the poisoning of a former spy", not "the attack on free speech")."""
    matching = load_matching()
    hit = targeted_mention(lexicon, reason, matching["attribution_metaphor_classes"], past=False)

    irregular = lexicon.classes["irregular"][0]

    def accused(arg: Any) -> bool:
        if arg.tag_ == "NN" and arg.lemma_.lower() in irregular:  # "the gunman": one person
            return False
        named = [arg] + [c for c in arg.children if c.dep_ == "compound"]
        return arg.ent_type_ in _POLITIES or bool(classes_of(named, lexicon) & matching["attribution_classes"])

    def told(tok: Any, sent: Any) -> Any | None:
        if not _definite_incident(tok) or (reason == "metaphor" and hit(tok, sent) is None):
            return None
        verbs = matching["attribution_verbs"]
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in verbs:  # "blamed the ambush on ..."
            ons = [p for p in (*tok.head.children, *tok.children) if p.dep_ == "prep" and p.lower_ == "on"]
            return tok.head if any(accused(o) for p in ons for o in p.children if o.dep_ == "pobj") else None
        # up from the noun through prepositions, nouns of attribution and the accused to the verb
        for up in ascent(tok, lambda t: _prep_object(t) or (t.i != tok.i and t.dep_ in ("dobj", "nsubjpass")),
                         hop=lambda t: t.head.head if _prep_object(t) else t.head):
            if up.pos_ == "VERB":
                if up.lemma_.lower() not in verbs:
                    return None
                return up if any(accused(a) for a in up.children if a.dep_ in ("dobj", "nsubjpass")) else None
            if up.pos_ != "NOUN" and up.pos_ != "PROPN":
                return None
            if up.lemma_.lower() not in matching["attribution_nouns"] and up.dep_ not in ("dobj", "nsubjpass"):
                return None
        return None

    return told


def _prep_object(tok: Any) -> bool:
    """Whether ``tok`` is the object of a preposition ("the killing" in "role in the killing")."""
    return bool(tok.dep_ == "pobj" and tok.head.dep_ == "prep")


def participle_mention(tok: Any, sent: Any) -> Any | None:
    """``told_by`` for :func:`consequence_typing`: a past participle trigger that modifies a definite noun
    ("in the poisoned spy dispute", "the ambushed convoy's driver"), in a sentence with another verb in the
    past, names an incident as one that happened (the rule ``not-a-verb`` takes it for no verb); the noun
    it modifies is returned. Not a participle of a state (``matching.yaml#state_verbs``: "the besieged
    town")."""
    head = tok.head
    if tok.tag_ != "VBN" or tok.dep_ != "amod" or tok.lemma_.lower() in load_matching()["state_verbs"]:
        return None
    if not definite_noun(head) and not any(c.dep_ == "poss" for c in head.head.children if head.dep_ == "compound"):
        return None
    if not any(t.tag_ in ("VBD", "VBN") and t.i != tok.i and t.pos_ in ("VERB", "AUX") for t in sent):
        return None
    return head


#: The mention rule of an incident named by its year or day (:func:`named_mention`): its date is unknown
#: even in a dated sentence ("in May they marked the anniversary of the 1942 battle").
NAMED_RULE = "mention:named"
#: Mention rules whose incident is one before the sentence's news (:func:`earlier_reference`).
EARLIER_RULES = ("mention:attributed", "mention:participle", "mention:targeted", "mention:presupposed",
                 "mention:political-victim", "mention:named")


#: What a typing's rule says when a modal above its trigger did not reject it because the sentence presupposes
#: the incident (:func:`.scope.modal.presupposed_under_modal`: "would resign after the attack"), or when the
#: sentence places a noun named only so in time (:func:`.scope.anchoring.placing_word`: "since the invasion").
PRESUPPOSED_MARK = "; presupposed:"


def earlier_reference(rule: str) -> str | None:
    """The mention rule (of :data:`EARLIER_RULES`) by which a typing's ``rule`` names an incident that came
    before its sentence's news ("accuses Mordor of involvement in the poisoning of ...", "since the raid on
    the consulate"), or ``None``: such an incident does not take the article's publication date
    (:func:`.assemble.sentence_drafts`: with no date in its sentence its date is unknown); a typing kept under a
    modal because its sentence presupposes it (:data:`PRESUPPOSED_MARK`) is one too, and so is one incident told with
    its own toll in a sentence the gate read as background (:data:`.one_incident.ONE_INCIDENT_MARK`)."""
    if PRESUPPOSED_MARK in rule:
        return "presupposed"
    if ONE_INCIDENT_MARK in rule:
        return "one-incident"
    return next((r for r in EARLIER_RULES if rule.startswith(r + ":")), None)


def _unnamed(reading: LexiconReading) -> set[str]:
    """Sub-event types a mention may not take: those a word must name (``matching.yaml#word_named_types``)
    and those defined by a weapon (``#named_weapon_types``) that no candidate trigger of the sentence names."""
    matching = load_matching()
    named = {h.entry.sub for h in reading.proposals}
    return set(matching["word_named_types"] | (matching["named_weapon_types"] - named))


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
    if not definite_mention(tok, sent) or names_year(sent):
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


def consequence_typing(sent: Any, reading: LexiconReading, typings: list[Typing], verdict: GateVerdict,
                       name: str, told_by: Callable[[Any, Any], Any | None] | None = None,
                       label: str = "consequence", reasons: str = "consequence_reasons") -> Typing | None:
    """A typing at an incident noun the gate would reject, told by what the incident did
    (:func:`consequence_mention`), where the gate's likeliest out-of-scope kind is one of
    ``matching.yaml#consequence_reasons``; its type is the gate's likeliest of the noun's own types of
    violence (``#violent_event_types``), not one a word or a weapon must name (as for
    :func:`mentions_beside`). ``None`` where there is none. ``told_by`` (default
    :func:`consequence_mention`) and ``label`` give another way an incident noun is told as having
    happened (:func:`.occurrence.occurrence_verb`, rule ``mention:occurrence``), ``reasons`` the list of
    ``matching.yaml`` that names the out-of-scope kinds it stands under."""
    told_by = told_by or consequence_mention
    matching, onto = load_matching(), load_ontology()
    if verdict.reason not in matching[reasons]:
        return None
    doc = sent.doc
    unnamed = _unnamed(reading)
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


def _mention_in_scope(tok: Any, verdict: GateVerdict) -> bool:
    """The gate's likeliest out-of-scope kind for a mention's noun phrase leaves it in scope: "none", or
    "crime" for a noun of killing or hurting (``matching.yaml#armed_violence_nouns``) whose own agent is
    armed or the state's ("the police killing of a farmer": what the state's forces do to people is no
    ordinary crime; "a police raid on their home" may be a search)."""
    if verdict.reason == "none":
        return True
    if verdict.reason != "crime" or tok.lemma_.lower() not in load_matching()["armed_violence_nouns"]:
        return False
    agents, _ = trigger_roles(tok)
    return bool(classes_of(agents, load_lexicon()) & ARMED_CLASSES)


def mentions_beside(sents: list[Any], readings: list[LexiconReading],
                    gated: list[tuple[list[Typing], list[Rejected]]], *, gate: EventGate) -> None:
    """Adds, beside the events the gate accepted in a sentence, the definite mention of one past
    incident of another event type that the sentence names as a noun (:func:`definite_mention`:
    "the Benghazi attack had no relation to the Cairo protest"; a noun that is no verb, or one the lexicon
    let give way to the sentence's other trigger: "the killing of a farmer on 3 May sparked protests"), beside no event of violence
    (``matching.yaml#violent_event_types``: "the raid" beside "gunmen killed" is the same incident), when the gate, judging the noun
    phrase alone, finds an event in it (P(event) at least :data:`MENTION_MIN_ALONE`, likeliest
    out-of-scope kind "none"); its type is the gate's likeliest of the noun's own types of violence, not one
    a word or a weapon must name (``matching.yaml#word_named_types``, ``#named_weapon_types``)."""
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
        for h in reading.proposals:  # a noun the lexicon let give way (generic, or what a protest is about)
            span = sent.doc[h.first:h.last + 1]
            if not h.verb:
                nouns.setdefault((span.start_char, span.end_char), set()).add(h.entry.sub)
        for (start, end), subs in sorted(nouns.items()):
            span = sent.doc.char_span(start, end)
            if span is None or any(t.trigger_start < end and start < t.trigger_end for t in typings):
                continue
            tok = head_of(span)
            subs = {s for s in subs if onto.get(s).event_type in violent and s not in unnamed}
            if subs and definite_mention(tok, sent):
                todo.append((n, tok, subs))
    phrases = [sents[n].doc[tok.left_edge.i:tok.right_edge.i + 1] for n, tok, _ in todo]
    added: set[int] = set()
    for (n, tok, subs), phrase, v in zip(todo, phrases, gate.judge(phrases) if todo else [], strict=True):
        if n in added or v.p_event < MENTION_MIN_ALONE or not _mention_in_scope(tok, v):
            continue
        added.add(n)
        sub = load_ontology().get(max(sorted(subs), key=v.p_sub))
        text = tok.text
        # the event it stands beside stays the sentence's first (a report's main event: the protest)
        below = min(t.confidence for t in gated[n][0]) * BESIDE_SHARE
        gated[n][0].append(Typing(
            sub.event_type, sub.name, sub.plover_type, sub.plover_mode, tok.idx, tok.idx + len(text), text, tok.i,
            f"mention:beside:{gate.name}:{sub.name} (candidate '{text.lower()}', "
            f"P(event) of '{phrase.text}' {v.p_event:.3f})", round(min(v.p_event * v.p_sub(sub.name), below), 3)))

