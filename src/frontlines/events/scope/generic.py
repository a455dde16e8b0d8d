"""Totals, background and habits: what happens habitually or as a rule, a state described,
a sweeping claim, a period of years, a toll in millions, a statistic of victims, a rhetorical
enumeration."""

from __future__ import annotations

from ...deptree import first_conjunct
from ..roles import classes_of
from ..typings import Typing, backstory
from .base import (
    ARMED_CLASSES,
    Context,
    ScopeRule,
    bare,
    bare_plural,
    clause_path,
    lemma,
    load_scope,
    simple_present,
    trigger_of,
    verb_of,
)


def _habitual(t: Typing, ctx: Context) -> bool:
    """A trigger in a clause said to happen habitually ("wardens often detain vagrants", "in many
    cases the farmers fought", "deployed numerous times", no date named): an adverb of habit on the
    trigger or the verbs of its clause path (a noun trigger's: the verb it is the subject or object
    of; "in many cases" also on a verb coordinated after them: "were beaten and chased away in
    more than one case"); or any such occurrence ("police break up any brawls",
    "any attack on the convoy")."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    verb = verb_of(tok)
    generic = tok.children if tok.pos_ in ("NOUN", "PROPN") else (c for c in tok.children if c.dep_ == "dobj")
    if any(g.lower_ in lists["generic_determiners"] or
           any(d.dep_ == "det" and d.lower_ in lists["generic_determiners"] for d in g.children)
           for g in generic if g.dep_ in ("det", "dobj")):
        return True
    path = clause_path(verb)
    shared = [c for v in path for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for v in [*path, *shared]:
        for c in v.children:
            if c.dep_ == "advmod" and lemma(c) in lists["habitual_lemmas"] and v in path:
                return True
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and lemma(g) in lists["habitual_cases"] and any(
                    a.lower_ in lists["habitual_quantifiers"] for a in g.subtree) for g in c.children):
                return True
            if c.dep_ == "npadvmod" and v in path and lemma(c) == "time" and any(
                    a.lower_ in lists["habitual_times"] for a in c.children) and \
                    not ctx.dated:
                return True
    return False


def _state_described(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the simple present passive heading the sentence or a reported clause, in a
    sentence with no date ("Bree is surrounded by orcs", "the town is held by rebels"): a state
    described, no occurrence reported ("Bree was surrounded on Monday" stays)."""
    tok = trigger_of(t, ctx)
    return tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp") and simple_present(tok) and tok.tag_ == "VBN" and \
        not ctx.dated


def _generic_present(t: Typing, ctx: Context) -> bool:
    """A trigger whose clause is a generic present ("when police make arrests, they ...", "soldiers
    kill farmers to clear the land"), in a sentence with no date and no place: what happens as a
    rule, no occurrence. The clause is the trigger verb's, or the verb a noun trigger is the subject
    or object of; generic where it is a simple present with a bare plural subject, or a simple
    present under "when"/"whenever" (any tense under "whenever")."""
    tok = trigger_of(t, ctx)
    verb = verb_of(tok)
    if verb.pos_ not in ("VERB", "AUX") or ctx.dated or any(w.ent_type_ in ("GPE", "LOC", "FAC") for w in ctx.sent):
        return False
    marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")]
    if verb.dep_ == "advcl" and ("whenever" in marks or ("when" in marks and simple_present(verb))):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return simple_present(verb) and subj is not None and subj.i != tok.i and bare_plural(subj)


def _sweeping_subject(t: Typing, ctx: Context) -> bool:
    """A verb trigger whose subject is every or any one of a kind ("every single farmer was
    beaten", "any trader was robbed"), in a sentence with no date: a sweeping claim, no occurrence."""
    tok = trigger_of(t, ctx)
    if tok.pos_ != "VERB" or ctx.dated:
        return False
    generic = load_scope()["generic_determiners"]
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in generic for d in c.children)
               for v in clause_path(tok) for c in v.children)


def _span_of_years(t: Typing, ctx: Context) -> bool:
    """A sentence whose dates name two or more years and no month or day ("in 2014 and 2015, when
    ...", "between 2011 and 2013"): a period told, no specific occurrence."""
    dates = [w for w in ctx.sent if w.ent_type_ == "DATE"]
    years = {w.text for w in dates if w.like_num and len(w.text) == 4 and w.text[:2] in ("19", "20")}
    months = load_scope()["month_words"]
    return len(years) > 1 and not any(w.lower_.rstrip(".") in months for w in dates)


def _millions(t: Typing, ctx: Context) -> bool:
    """A trigger whose victims or doers are counted in millions ("millions of babies killed", "the
    wars killed millions"): a total, no specific occurrence. The count is the noun a participle
    trigger describes, a verb trigger's object or passive subject, or the noun above them after "of"."""
    tok = trigger_of(t, ctx)
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if tok.dep_ in ("acl", "amod"):
        nouns.append(tok.head)
    nouns += [n.head.head for n in nouns if n.dep_ == "pobj" and n.head.lower_ == "of"]
    return any(lemma(n) in load_scope()["multitude_lemmas"] for n in nouns)


def _practice_reported(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the present perfect whose object is a vague count or a bare plural ("have
    tortured scores of refugees", ``vague_counts``; "have recruited child soldiers") in a sentence a rights group reports (``rights_reporters``: "Human
    Rights Watch said"): a practice over time that the group documents, no specific occurrence ("killed
    dozens of farmers on Monday, Amnesty said" stays: a simple past tells one)."""
    tok = trigger_of(t, ctx)
    lists = load_scope()
    if tok.tag_ != "VBN" or not any(c.dep_ == "aux" and lemma(c) == "have" for c in tok.children) or \
            not ctx.has("rights_reporters"):
        return False
    return any(c.dep_ == "dobj" and (lemma(c) in lists["vague_counts"] or bare_plural(c)) for c in tok.children)


def _victims_counted(t: Typing, ctx: Context) -> bool:
    """A participle trigger on "those" counted by a number ("149 of those killed were unarmed"): who
    the victims were, a statistic told of an event reported elsewhere."""
    tok = trigger_of(t, ctx)
    those = tok.head
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and those.lower_ == "those" and those.dep_ == "pobj" and \
        those.head.lower_ == "of" and those.head.head.like_num


def _litany(t: Typing, ctx: Context) -> bool:
    """A verb trigger whose clause opens the sentence with "First they" or "Then they" ("Then they
    burned the barns of the farmers ..."), in a text that names no date or time up to it: a
    rhetorical enumeration of what "they" do, no specific occurrence (a dated report stays: "On
    Monday orcs crossed the river. Then they burned the farms.")."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    verb = first_conjunct(tok)
    lists = load_scope()
    opener = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lists["litany_openers"]]
    subject = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in lists["litany_subjects"]]
    first = ctx.sent.start + (1 if ctx.sent[0].lower_ in ("and", "but") else 0)
    if not opener or not subject or opener[0].i != first:
        return False
    return not any(w.ent_type_ in ("DATE", "TIME") for w in ctx.sent.doc[:ctx.sent.end])


def _past_war(t: Typing, ctx: Context) -> bool:
    """A participle or relative clause trigger on a noun placed "in" or "during" a war named with a year or
    years (``war_nouns``; "last year's", "the 1998", "in 2011" in its phrase: "families whose homes were damaged in
    last year's fighting", "soldiers killed in the 1998 border war"): who or what the noun is, by a past war's
    toll; background, no occurrence. The war noun itself as the trigger is that toll's war, no more."""
    tok = trigger_of(t, ctx)
    lists = load_scope()
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during"):
        verb, wars = tok.head.head, [tok]
    else:
        verb = tok
        wars = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during") for g in p.children
                if g.dep_ == "pobj"]
    wars = [w for w in wars if lemma(w) in lists["war_nouns"]]
    if verb.dep_ not in ("relcl", "acl") or verb.pos_ != "VERB":
        return False
    return any(w.ent_type_ == "DATE" and (lemma(w) == "year" or (w.like_num and len(w.text) == 4))
               for g in wars for w in g.subtree)


def _backstory_other(t: Typing, ctx: Context) -> bool:
    """An "Other" typing (a flight, a release, a displacement) in a clause that tells what came before the
    sentence's news (:func:`..typings.backstory`: "sworn in two weeks after the president fled the country"):
    the catch-all type names no event as background. Armed doers stay: "seized the town after government troops
    fled" tells a retreat in the fight."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Other" or not backstory(tok):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") and classes_of(list(c.subtree), ctx.lexicon) & ARMED_CLASSES
                   for c in tok.children)


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
def _kind_of_people(t: Typing, ctx: Context) -> bool:
    """A bare trigger noun that is the object of a present participle describing a bare plural noun of people in
    general (``kind_people``), in a sentence with no date ("photos of persons committing civil disobedience", "laws
    against people staging protests"): a kind of people named by what they do, no occurrence ("detained people staging
    protests on Monday" stays: dated; "militants firing rockets" names who)."""
    tok = trigger_of(t, ctx)
    verb = tok.head
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and bare(tok) and verb.tag_ == "VBG" and verb.dep_ == "acl" \
        and bare_plural(verb.head) and lemma(verb.head) in load_scope()["kind_people"] and not ctx.dated


HABITUAL = ScopeRule("habitual", _habitual)
KIND_OF_PEOPLE = ScopeRule("kind-of-people", _kind_of_people)
STATE_DESCRIBED = ScopeRule("state-described", _state_described)
GENERIC_PRESENT = ScopeRule("generic-present", _generic_present)
SWEEPING_SUBJECT = ScopeRule("sweeping-subject", _sweeping_subject)
SPAN_OF_YEARS = ScopeRule("span-of-years", _span_of_years)
MILLIONS = ScopeRule("millions", _millions)
PRACTICE_REPORTED = ScopeRule("practice-reported", _practice_reported)
VICTIMS_COUNTED = ScopeRule("victims-counted", _victims_counted)
LITANY = ScopeRule("litany", _litany)
PAST_WAR = ScopeRule("past-war", _past_war)
BACKSTORY_OTHER = ScopeRule("backstory-other", _backstory_other)
