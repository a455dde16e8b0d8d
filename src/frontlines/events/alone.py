"""What the event gate may type alone, where a trigger matched but the lexicon typed nothing.

Before the gate is asked, :data:`ALONE_RULES` keep such a sentence from it (a plan, history, a
description of a person); after it, :func:`gate_typing` reports the gate's likeliest sub-event type
at a candidate trigger unless that type is one the words do not name or one of
:data:`ALONE_TYPE_RULES` keeps it. :class:`.classify.EventTyper` applies them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .gate import GateVerdict
from .gate_features import main_verb_tense
from .matching import NO_TOLL_TYPES, head_of, load_matching, padded_text, toll_named, words_of
from .mentions import named_mention
from .ontology import load_lexicon, load_ontology, plover_of
from .roles import classes_of
from .scope import VIOLENT_TYPES, dated
from .typings import LexiconReading, Typing

#: In a sentence with no date, the gate's type where no candidate trigger is of that type stands only
#: if the gate gives it at least this probability among event types ("the serviceman who died",
#: "responding to directions" are no event whatever type the gate likes best).
ALONE_UNNAMED_MIN = 0.35
#: In a sentence with no date whose candidate triggers are all of non-violent types (protests, strategic
#: developments), the gate's type where no candidate trigger is of its event type stands only if the gate
#: gives it at least this probability among event types ("they demanded ...", "he ordered the convicts to
#: be sent to ...", "bowed their heads": no attack, no abduction whatever the gate likes best).
ALONE_OTHER_TYPE_MIN = 0.6
#: Dated or not, a violent type where every candidate trigger is a non-violent act told with its doer
#: (:func:`non_violent_act`: "the envoy arrived", "Harad closed its border") stands only if the gate gives it at
#: least this probability among event types ("the riders met the orcs at the fords" may be a fight).
ALONE_SURE_MIN = 0.9


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
    reported; unless a candidate trigger is a past incident named by its date (:func:`.mentions.named_mention`:
    "the anniversary of the 1942 Battle of the Pelennor"), which the rubric codes however long ago."""
    doc = sent.doc
    if any(named_mention(head_of(doc[h.first:h.last + 1]), sent) is not None for h in reading.hits):
        return False
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

def protest_named(sent: Any) -> bool:
    """A protest is named in the sentence (a word of ``matching.yaml#protest_words``): "police fired
    on the crowd" may be force against protesters, "four officers fired ten rounds" is not."""
    padded = padded_text(words_of(sent))
    return any(f" {w}" in padded for w in load_matching()["protest_words"])


def gate_typing(sent: Any, reading: LexiconReading, verdict: GateVerdict, name: str) -> Typing | str:
    """A typing the gate reports where the lexicon's conditions typed nothing: its likeliest
    sub-event type, at the candidate trigger of that type (or the first candidate); else the name of
    the rule that keeps it: one of :data:`ALONE_TYPE_RULES`, or ``type-not-named`` when
    that type is one a word must name (``matching.yaml#word_named_types``: an arrest, a seizure, a
    mob's violence) and no candidate trigger is of that type ("requests to the police were sent
    back" is no arrest, "a tense crowd gathered" no mob violence), and in a sentence with no date
    when no candidate trigger is of that type and the gate is unsure of it (:data:`ALONE_UNNAMED_MIN`),
    or none is of its event type nor a violent one (:data:`ALONE_OTHER_TYPE_MIN`; for a strategic
    development, :func:`sub_named`, none of that sub-event type nor a violent one, however sure the gate is:
    "they met the enemy" names no looting). Dated or not, ``non-violent-act`` keeps a violent type where
    every candidate trigger is a non-violent act told with its doer and the gate is not very sure
    (:func:`non_violent_act`, :data:`ALONE_SURE_MIN`: "the envoy of Umbar arrived on Thursday" is no attack).

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
    if p_sub < ALONE_SURE_MIN and non_violent_act(best, sent, reading):
        return "non-violent-act"
    rule = next((r.name for r in ALONE_TYPE_RULES if r.applies(best, sent, reading)), None)
    if rule is not None:
        return rule
    hit = hit or reading.hits[0]
    span = sent.doc[hit.first:hit.last + 1]
    sub = load_ontology().get(best)
    head = head_of(span)
    return Typing(sub.event_type, sub.name, *plover_of(hit.entry, sub), span.start_char, span.end_char,
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
    gathering (``matching.yaml#gathering_entries``, with the entry's cue words: police converging is no
    gathering of people) and no protest named in the text (:func:`protest_named`; "police reached the spot"
    after a sentence that names the protest may be its dispersal): "volunteers took up a project in
    February", "the group established an office in Bree in May", "police converged on the square"."""
    onto, matching = load_ontology(), load_matching()
    kind = onto.get(sub).event_type
    return kind == "Protests" and not protest_named(sent.doc[:]) and not any(
        onto.get(h.entry.sub).event_type == kind for h in reading.hits) and not any(
        h.entry.id in matching["gathering_entries"] for h in reading.proposals)


def _weak_type_elsewhere(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A non-violent strategic development (``matching.yaml#weak_alone_types``) where every candidate
    trigger is of an event type of violence (:data:`.scope.VIOLENT_TYPES`), dated or not: a word of
    violence whose entry's conditions failed names no other development ("forces secured the site on
    Friday", a candidate of taking territory, is no Other)."""
    onto = load_ontology()
    return sub in load_matching()["weak_alone_types"] and bool(reading.hits) and all(
        onto.get(h.entry.sub).event_type in VIOLENT_TYPES for h in reading.hits)


def _toll_of_no_protest(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A Peaceful protest (:data:`.matching.NO_TOLL_TYPES`) where the sentence names a death toll (:func:`.matching.toll_named`):
    a peaceful protest has no dead, so "the death toll from Tuesday's strike rose to five" tells the dead of an attack, not a walkout."""
    return sub in NO_TOLL_TYPES and toll_named(sent)


def _civilians_moved(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A change of territory (``matching.yaml#territory_types``) where every candidate trigger of such a type is a
    verb whose subjects are all civilians ("people left the town as orcs advanced", "families abandoned their
    homes"): people who leave or flee move, they hand over or take no ground."""
    territory = load_matching()["territory_types"]
    if sub not in territory:
        return False
    lexicon = load_lexicon()
    hits = [h for h in reading.hits if h.entry.sub in territory]
    subjects = [[g for c in sent.doc[h.first].children if c.dep_ == "nsubj" for g in (c, *c.conjuncts)]
                for h in hits]
    return bool(hits) and all(h.verb and people and all(classes_of([p], lexicon) == {"civilian"} for p in people)
                              for h, people in zip(hits, subjects, strict=True))


def _crowd_moved(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A change of a group's activity (``matching.yaml#group_change_types``) where every candidate trigger is a verb
    whose subjects are all crowds, protesters or civilians (``#crowd_classes``, read from the subject and the words
    before it: "a black bloc moved south from the square"): people on the move, no armed group's deployment."""
    matching = load_matching()
    if sub not in matching["group_change_types"]:
        return False
    lexicon = load_lexicon()
    subjects = [[g for c in sent.doc[h.first].children if c.dep_ == "nsubj" for g in (c, *c.conjuncts)]
                for h in reading.hits]
    crowd = set(matching["crowd_classes"])
    phrases = [[set(classes_of(sent.doc[p.left_edge.i:p.i + 1], lexicon)) for p in people] for people in subjects]
    return bool(reading.hits) and all(h.verb and found and all(c and c <= crowd for c in found)
                                      for h, found in zip(reading.hits, phrases, strict=True))


def non_violent_act(sub: str, sent: Any, reading: LexiconReading) -> bool:
    """A violent type (``matching.yaml#violent_event_types``) where every candidate trigger is of a non-violent
    event type and is a verb in the active voice with a subject of its own that is no event
    (:func:`_acting_subject`), dated or not: the words say what the doer did, and it was no violence ("the envoy
    of Umbar arrived in Minas Tirith on Thursday", "Harad closed its border", "the healers transferred twenty
    wounded riders"). A passive or subjectless candidate leaves the gate its reading ("three traders were found
    on the road on Monday", "fighting broke out, leaving five dead"), as does a subject that names an event
    ("the fighting reached the walls"). :func:`gate_typing` applies it below :data:`ALONE_SURE_MIN`."""
    matching, onto = load_matching(), load_ontology()
    violent = set(matching["violent_event_types"])
    return onto.get(sub).event_type in violent and bool(reading.hits) and all(
        onto.get(h.entry.sub).event_type not in VIOLENT_TYPES and h.verb and _acting_subject(sent.doc[h.first])
        for h in reading.hits)


def _acting_subject(verb: Any) -> bool:
    """The verb has a nominal subject (active voice) that names no event: not a noun of
    ``matching.yaml#incident_nouns`` or ``#retold_nouns`` ("the fighting reached the town" may be violence)."""
    matching = load_matching()
    events = set(matching["incident_nouns"]) | set(matching["retold_nouns"])
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(s.lower_ in events or s.lemma_.lower() in events for s in subjects)


#: Rules applied, in order, to the gate's likeliest type where the lexicon typed nothing (issue 11, prec15).
ALONE_TYPE_RULES: tuple[AloneTypeRule, ...] = (
    AloneTypeRule("protest-not-named", _protest_not_named),
    AloneTypeRule("weak-type-elsewhere", _weak_type_elsewhere),
    AloneTypeRule("toll-of-no-protest", _toll_of_no_protest),
    AloneTypeRule("civilians-moved", _civilians_moved),
    AloneTypeRule("crowd-moved", _crowd_moved),
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
