"""Ordinary crime and justice: crime news, police reports, court proceedings, one person's
violence, one person's arrest or own story (the ACLED codebook leaves ordinary crime and its arrests and
trials out)."""

from __future__ import annotations

from typing import Any

from ..roles import classes_of, trigger_roles
from ..typings import Typing
from .base import (
    ARMED_CLASSES,
    VIOLENT_TYPES,
    Context,
    ScopeRule,
    armed_subject_above,
    clause_path,
    lemma,
    load_scope,
    trigger_of,
)


def _ordinary_crime(t: Typing, ctx: Context) -> bool:
    """Ordinary crime: a crime or police-procedure frame ("the accused", "a burglar", "police are
    investigating") and nothing political, organised or armed in the sentence (a crowd's violence
    against suspected criminals stays: ``crime_exempt_types``)."""
    lists = load_scope()
    without_cue = t.sub_event_type in lists["crime_without_cue_types"] and t.agent_class not in ARMED_CLASSES and \
        not armed_subject_above(trigger_of(t, ctx), ctx)
    return t.sub_event_type not in lists["crime_exempt_types"] and (ctx.has("crime") or without_cue) and \
        not ctx.in_conflict and not _state_violence(t, ctx) and not political_victim(t, ctx)


#: Dependencies of the words that only describe a victim's head noun ("the mayor's nephew", "a party official").
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "nummod", "quantmod", "det", "case", "punct", "prep"})


def political_victim(t: Typing, ctx: Context) -> bool:
    """Violence whose victim, a head noun of who the trigger hits, holds a public role of
    ``scope.yaml#political_victims`` (by its lemma, or a modifier and its lemma: "a party official"): ACLED
    codes the killing of a mayor, a candidate or a journalist as political violence ("the mayor of Bree was
    shot dead, police said"; "the mayor's nephew died" names a nephew)."""
    return t.event_type in VIOLENT_TYPES and political_target(trigger_of(t, ctx))


def political_target(trigger: Any) -> bool:
    """Whether a head noun of who a trigger hits holds a public role of ``scope.yaml#political_victims``
    (:func:`political_victim`; a definite incident noun: "the poisoning of a former double agent")."""
    roles = set(load_scope()["political_victims"])
    target = trigger_roles(trigger)[1]
    within = {tok.i for tok in target}
    for tok in target:
        if tok.dep_ in _MODIFIER_DEPS or any(a.dep_ in _MODIFIER_DEPS for a in tok.ancestors if a.i in within):
            continue
        head = lemma(tok)
        mods = [lemma(c) for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        if head in roles or any(f"{m} {head}" in roles for m in mods):
            return True
    return False


def _state_violence(t: Typing, ctx: Context) -> bool:
    """Violence whose clause names state forces as who acted: an active subject or a "by" agent whose
    noun is of the lexicon's ``state`` class ("two officers shot and killed an unarmed man, the police
    department said", "was shot by police"; a verb with no subject that the parser hangs on a participle
    as ``dep`` takes that participle's: "officers responding to a call shot a man"; an officer "off duty"
    acts as no state force: ``off_duty``): violence by state forces is ACLED's whatever crime words
    the police's account holds ("a constable was stabbed by a burglar", "police say a man shot his
    neighbour" and police arrests name no such violence)."""
    if t.event_type not in VIOLENT_TYPES or ctx.has("off_duty"):
        return False
    path = clause_path(trigger_of(t, ctx))
    if path[-1].dep_ == "dep" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in path[-1].children):
        path.append(path[-1].head)  # a subject the parser left on a participle ("officers responding ... shot")
    heads = [c for v in path for c in v.children if c.dep_ == "nsubj"]
    heads += [p for v in path for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any("state" in classes_of([h, *(c for c in h.children if c.dep_ == "compound")], ctx.lexicon) for h in heads)


def _police_report(t: Typing, ctx: Context) -> bool:
    """A killing or assault the police report ("police say Ted was killed on Elm Street", "..., police
    said"), with no state or armed subject or agent in the trigger's clause (the police who say it
    are none) and nothing political, organised or armed in the sentence: crime news ("police said
    the officers shot a man" stays: the police are the agent; so does a blast: ``police_report_weapons``;
    so does the killing of a mayor or a journalist: :func:`political_victim`)."""
    if t.sub_event_type not in load_scope()["police_report_types"] or not ctx.has("police_report") or \
            ctx.in_conflict or ctx.has("police_report_weapons") or political_victim(t, ctx):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent") and classes_of(list(c.subtree), ctx.lexicon) & ARMED_CLASSES
                   for v in clause_path(trigger_of(t, ctx)) for c in v.children)


def _court(t: Typing, ctx: Context) -> bool:
    """Court proceedings: a lawsuit or trial frame ("the suit alleged", "told jurors", "the prosecutor
    said") and nothing political, organised or armed in the sentence ("prosecutors said the militants
    bombed the market" reports the bombing: the militants are a conflict cue). A prosecutor who only reports
    a blast (``court_reporting`` in a sentence with a weapon of ``police_report_weapons``: "a car hit an
    anti-tank mine, the prosecutor's office said") frames no trial."""
    scope = load_scope()
    if t.sub_event_type in scope["crime_exempt_types"] or ctx.in_conflict:
        return False
    text = ctx.padded
    if ctx.has("police_report_weapons"):
        for phrase in scope["court_reporting"]:
            text = text.replace(f"{phrase} ", " ")
    return any(c in text for c in scope["court"])


def _forensic(t: Typing, ctx: Context) -> bool:
    """A forensic finding: an autopsy, a coroner or a pathologist tells how someone died ("the autopsy
    found he was hit by three bullets") and nothing political, organised or armed is in the sentence,
    state forces included ("died of torture in police custody, a pathologist's report said" lays a death
    at the state's door): the finding narrates a death already known, no new event."""
    return t.event_type in VIOLENT_TYPES and ctx.has("forensic") and not ctx.in_conflict and \
        not classes_of(list(ctx.sent), ctx.lexicon) & ARMED_CLASSES


def _under_investigation(t: Typing, ctx: Context) -> bool:
    """A violent incident named as what the police investigate ("a crowd gathered as police investigated
    the shooting"): the inquiry is told, not the incident, and the sentence names no conflict cue, no
    non-state or armed actor and no blast (``police_report_weapons``: "police are investigating the
    bombing of the mosque" stays), whatever crowd looks on (``onlookers``)."""
    tok = trigger_of(t, ctx)
    if t.event_type not in VIOLENT_TYPES or tok.pos_ != "NOUN" or tok.dep_ != "dobj" or \
            lemma(tok.head) not in load_scope()["investigating_lemmas"]:
        return False
    police = [c for c in tok.head.children if c.dep_ == "nsubj" and "state" in classes_of([c], ctx.lexicon)]
    lists = load_scope()
    cues = [c for c in lists["conflict"] if c in ctx.padded and c not in lists["onlookers"]]
    return bool(police) and not cues and not ctx.has("police_report_weapons") and \
        not classes_of(list(ctx.sent), ctx.lexicon) & {"nonstate", "armed"}


def _lone_attacker(t: Typing, ctx: Context) -> bool:
    """Mob violence by one person ("a man with a knife attacked ...") is no mob's: ordinary crime."""
    if t.sub_event_type != "Mob violence":
        return False
    tok = trigger_of(t, ctx)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ == "NN" and lemma(subj) not in load_scope()["collective_lemmas"] and \
        not any(c.dep_ == "conj" for c in subj.children)


def _lone_arrest(t: Typing, ctx: Context) -> bool:
    """An arrest of one person ("the man", "him", or a name: "Nuiry was arrested") in a sentence with
    nothing political, organised or armed in it (nor a public role, for a name; nor a bombing,
    ``political_suspect_cues``: "arrested a man suspected of the bombing"): an ordinary arrest ("the dog
    took the man to the ground and he was arrested")."""
    if t.sub_event_type != "Arrests" or ctx.in_conflict or ctx.has("political_suspect_cues"):
        return False
    tok = trigger_of(t, ctx)
    hit = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        hit.append(tok.head)
    if not hit and tok.dep_ == "conj":  # "took the man to the ground and arrested (him)"
        hit = [c for c in tok.head.children if c.dep_ == "dobj"]
    return bool(hit) and all(_one_person(h, ctx) for h in hit)


def _one_person(tok: Any, ctx: Context) -> bool:
    """One person: a word of ``one_person_lemmas`` ("the man", "him"), or a singular proper noun that
    names no organisation or group, said to be arrested by no one named ("Nuiry was arrested";
    "police arrested Orujov" reports what the police did), in a sentence that names no public role;
    none listed with others."""
    if any(c.dep_ == "conj" for c in tok.children):
        return False
    if tok.tag_ == "NNP":
        return tok.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.head.children) and \
            tok.ent_type_ not in ("ORG", "NORP", "FAC") and not ctx.has("public_roles")
    return lemma(tok) in load_scope()["one_person_lemmas"] and tok.tag_ in ("NN", "PRP")


def _first_person_victim(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the passive whose subject is "I", with no agent, in a sentence with no
    conflict cue, non-state, protester or rioter actor ("I was stabbed in Bree in the
    spring of 1990", "I was arrested outside the inn"): one person's own story, no political violence told ("I was
    shot by soldiers" and "I was shot at the protest" stay)."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(s.lower_ in load_scope()["first_person_victims"] for s in subjects) and \
        not ctx.in_conflict


def _endured(t: Typing, ctx: Context) -> bool:
    """An arrest or abduction noun that someone survived or endured ("who survived detention and
    torture"), or one that ends or is prolonged ("before his detention expired", "her detention was
    extended"): a person's past told, no new event."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type not in ("Arrests", "Abduction/forced disappearance") or tok.pos_ != "NOUN":
        return False
    lists = load_scope()
    return (tok.dep_ == "dobj" and lemma(tok.head) in lists["endured_lemmas"]) or \
        (tok.dep_ in ("nsubj", "nsubjpass") and lemma(tok.head) in lists["lapsing_lemmas"])



def _verdict(t: Typing, ctx: Context) -> bool:
    """A trigger under a verb of judging whose subject is a court (``verdict_lemmas``, ``court_subjects``: "a
    court acquitted the colonel of ordering the shooting of villagers", "the supreme court ruled that the
    detention of the suspects was unlawful"; a passive with a court as agent too): a court's verdict on what
    happened before, no new event, whoever the accused are ("the army shelled the court" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    for verb in tok.ancestors:
        if verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in lists["verdict_lemmas"]:
            continue
        judges = [c for c in verb.children if c.dep_ == "nsubj"]
        judges += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(lemma(j) in lists["court_subjects"] for j in judges):
            return True
    return False

def _faced(t: Typing, ctx: Context) -> bool:
    """An arrest or abduction noun in the list of what someone faces or risks (``facing_words`` right before the list,
    its words nouns, adjectives, determiners, commas and "and": "journalists face harassment, arbitrary arrest and
    violence", "protesters risk arrest"): a danger named, no arrest made. Read off the words: the parser often
    takes "face" for a noun."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type not in ("Arrests", "Abduction/forced disappearance") or tok.pos_ != "NOUN":
        return False
    facing = load_scope()["facing_words"]
    for w in reversed(ctx.sent.doc[max(ctx.sent.start, tok.i - 8):tok.i]):
        if w.lower_ in facing:
            return True
        if w.pos_ not in ("NOUN", "ADJ", "DET", "CCONJ") and w.text != ",":
            return False
    return False


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
ORDINARY_CRIME = ScopeRule("ordinary-crime", _ordinary_crime)
POLICE_REPORT = ScopeRule("police-report", _police_report)
COURT = ScopeRule("court", _court)
VERDICT = ScopeRule("verdict", _verdict)
FORENSIC = ScopeRule("forensic", _forensic)
UNDER_INVESTIGATION = ScopeRule("under-investigation", _under_investigation)
LONE_ATTACKER = ScopeRule("lone-attacker", _lone_attacker)
LONE_ARREST = ScopeRule("lone-arrest", _lone_arrest)
FIRST_PERSON_VICTIM = ScopeRule("first-person-victim", _first_person_victim)
ENDURED = ScopeRule("endured", _endured)
FACED = ScopeRule("faced", _faced)
