"""Words, not acts: a protest that is a complaint, an objection in words or a mobilising of
others, and a call to act."""

from __future__ import annotations

from typing import Any

from ...deptree import NOMINALS, ascent
from ..modality import load_modality, subject_of
from ..typings import Typing
from .base import Context, ScopeRule, lemma, load_scope, trigger_of, verb_of


def _formal_complaint(t: Typing, ctx: Context) -> bool:
    """A protest that is a formal complaint ("filed a protest", "lodged a protest with the embassy"), or
    the paper that carries one ("sent a note of protest", "a letter of protest", "a protest note")."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type != "Protests" or tok.pos_ != "NOUN":
        return False
    papers = lists["complaint_papers"]
    if lemma(tok.head) in papers or any(c.dep_ == "compound" and lemma(c) in papers for c in tok.children):
        return True  # "a protest note", whichever of the two nouns spaCy makes the head
    if tok.dep_ == "dobj":
        return lemma(tok.head) in lists["complaint_verbs"]
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma(tok.head.head) in papers


def _one_voice_subject(subj: Any) -> bool:
    """A subject that is one voice: a singular noun or pronoun that is no crowd and no list (a person,
    an organisation, a state)."""
    lists = load_scope()
    return subj is not None and subj.tag_ in ("PRP", "NNP", "NN") and subj.lower_ not in ("they", "we") and \
        lemma(subj) not in lists["collective_lemmas"] and not any(c.dep_ == "conj" for c in subj.children)


def _in_protest(t: Typing, ctx: Context) -> bool:
    """A bare protest noun after "in" on a verb whose subject is one voice ("Gondor suspended aid to
    Umbar in protest at the vote", "the minister resigned in protest"): the measure is the protest, a
    state's or a person's act, no demonstration ("dockers walked out in protest", "activists blocked
    the road in protest" stay: people protest)."""
    tok = trigger_of(t, ctx)
    if t.event_type != "Protests" or tok.pos_ != "NOUN" or lemma(tok) not in load_scope()["speech_lemmas"] or \
            tok.dep_ != "pobj" or tok.head.lower_ != "in" or any(c.dep_ in ("det", "poss", "nummod", "amod")
                                                                   for c in tok.children):
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and _one_voice_subject(subject_of(verb))


def _rallied_others(t: Typing, ctx: Context) -> bool:
    """A protest verb with a direct object mobilises others, it is no protest ("rallied his
    supporters", "rallied a thousand churches together")."""
    tok = trigger_of(t, ctx)
    return t.event_type == "Protests" and tok.pos_ == "VERB" and lemma(tok) in load_scope()["mobilising_lemmas"] \
        and any(c.dep_ == "dobj" for c in tok.children)


def _protested_that(t: Typing, ctx: Context) -> bool:
    """One person who protests with a "that" clause objects in words, no demonstration ("he
    protested that he could not attend"; "workers protested that they were unpaid" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type != "Protests" or tok.pos_ != "VERB" or lemma(tok) not in lists["speech_lemmas"] or not any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in lists["speech_marks"] for m in c.children)
            for c in tok.children):
        return False
    subj = subject_of(tok)
    return subj is not None and subj.tag_ in ("PRP", "NNP", "NN") and subj.lower_ not in ("they", "we") and \
        lemma(subj) not in lists["collective_lemmas"]


def _state_voice(tok: Any | None) -> bool:
    """A subject or agent that is a state: a word of ``state_voices`` ("the government", "the ambassadors").
    A country's name is none: the parser takes the place that opens a report for the subject ("in Bree, Arnor,
    200 workers demonstrated": Arnor), which cost two right ACLED dev protests."""
    return tok is not None and lemma(tok) in load_scope()["state_voices"]


def _state_protest(t: Typing, ctx: Context) -> bool:
    """A peaceful protest a state makes is diplomacy ("the government of Gondor protested to Mordor", "the
    government protested against the arrest", "a ceremony boycotted by the ambassadors"); "farmers of Gondor
    protested" and "thousands protested in Gondor" stay. A protest note is ``formal-complaint``'s and "in
    protest" on one voice's measure is ``in-protest``'s."""
    if t.sub_event_type != "Peaceful protest":
        return False
    tok = trigger_of(t, ctx)
    if tok.pos_ != "VERB":
        return False
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return _state_voice(subject_of(tok)) or any(_state_voice(a) for a in agents)


def _one_voice(t: Typing, ctx: Context) -> bool:
    """A protest at a verb of words (``voiced_protest_lemmas``: demanding, denouncing, boycotting) said
    by one voice: a singular subject that is no crowd (a person, an organisation, a state), or the
    singular noun its present participle describes ("the envoy demanded that ...", "the party issued a statement
    demanding ..."): words, no demonstration ("workers demanded ...", "a crowd demanding ...", "gathered during a
    visit of the steward to demand ..." stay)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type != "Protests" or tok.pos_ != "VERB" or lemma(tok) not in lists["voiced_protest_lemmas"]:
        return False
    subj = subject_of(tok)
    if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG":
        subj = tok.head
    return subj is not None and subj.tag_ in ("PRP", "NNP", "NN") and subj.lower_ not in ("they", "we") and \
        lemma(subj) not in lists["collective_lemmas"] and not any(c.dep_ == "conj" for c in subj.children)


def _threatened_to(t: Typing, ctx: Context) -> bool:
    """A trigger verb of threatening (``threatening_lemmas``) with an infinitive or a clause of what
    is threatened ("the council threatened on Monday to break relations with Rohan"): words, no attack
    ("orcs threatened the farmers with knives" stays)."""
    tok = trigger_of(t, ctx)
    return tok.pos_ == "VERB" and lemma(tok) in load_scope()["threatening_lemmas"] and any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                for a in c.children))
        for c in tok.children)  # "threatened on Tuesday to close": the infinitive parsed as an adverbial clause


def _announced_plan(t: Typing, ctx: Context) -> bool:
    """A trigger verb of announcing (``announcing_lemmas``) whose complement clause has a modal
    ("the envoy announced on Monday that he will withdraw the monitors"): a plan announced, no move
    made ("announced that it had withdrawn" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    return tok.pos_ == "VERB" and lemma(tok) in lists["announcing_lemmas"] and any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and lemma(a) in lists["announced_modals"] for a in c.children)
        for c in tok.children)


def _verb_above(tok: Any) -> Any:
    """The verb a trigger noun is the object of, directly or after a preposition ("stay on strike":
    stay; "join the march": join), else the trigger itself."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return verb_of(tok)


def _exhortation(t: Typing, ctx: Context) -> bool:
    """A trigger in an imperative clause: a bare verb with no subject and no auxiliary heading the
    sentence or a reported clause ("I say stay on strike!", "Join the march on Minas Tirith!"): a
    call to act, no occurrence ("the dockers stayed on strike" stays)."""
    verb = _verb_above(trigger_of(t, ctx))
    return verb.tag_ == "VB" and verb.dep_ in ("ROOT", "ccomp") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)



def _report_denied(t: Typing, ctx: Context) -> bool:
    """A trigger after "of" (or in the clause, also as its verb's object: "denied reports that it had used cluster
    bombs") on a noun of report or claim (``claim_nouns``) that is the
    object of a verb of denying (``modality.yaml#denied.governors``: "dismissed reports of troop
    movements") or the subject of "be" with a word of falsehood (``falsehood_words``: "said the reports of
    troop movements were groundless"): a report denied, no event told ("reports of shelling came from the
    town" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    node = next((n for start in (tok, verb_of(tok))
                 for n in ascent(start, lambda w: w.dep_ in ("pobj", "prep", "acl", "ccomp", "relcl"), limit=4)
                 if n.pos_ in NOMINALS and lemma(n) in lists["claim_nouns"]), None)
    if node is None:
        return False
    verb = node.head
    if node.dep_ == "dobj":
        return verb.lower_ in load_modality()["denied"]["governors"]
    return node.dep_ == "nsubj" and lemma(verb) == "be" and any(
        c.dep_ in ("acomp", "attr") and any(w.lower_ in lists["falsehood_words"] for w in c.subtree)
        for c in verb.children)

#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
FORMAL_COMPLAINT = ScopeRule("formal-complaint", _formal_complaint)
IN_PROTEST = ScopeRule("in-protest", _in_protest)
RALLIED_OTHERS = ScopeRule("rallied-others", _rallied_others)
PROTESTED_THAT = ScopeRule("protested-that", _protested_that)
ONE_VOICE = ScopeRule("one-voice", _one_voice)
STATE_PROTEST = ScopeRule("state-protest", _state_protest)
THREATENED_TO = ScopeRule("threatened-to", _threatened_to)
ANNOUNCED_PLAN = ScopeRule("announced-plan", _announced_plan)
REPORT_DENIED = ScopeRule("report-denied", _report_denied)
EXHORTATION = ScopeRule("exhortation", _exhortation)
