"""Metaphor, sport and markets: a trigger word in another sense (an abstract object, a
contest won by a margin, an adjective, a figure of speech, prices that rally, a paper signed, someone
who went missing)."""

from __future__ import annotations

from ...deptree import NOMINALS, of_head, of_object, up_through
from ..matching import padded_text, words_of
from ..typings import Typing
from .base import VIOLENT_TYPES, Context, ScopeRule, lemma, load_scope, trigger_of


def _metaphor(t: Typing, ctx: Context) -> bool:
    """A verb trigger used figuratively or of no event: one with an abstract object ("shot down the
    proposal", "fought the bill", "the motion was handed over"; a protest's or an agreement's object
    is its topic), a noun trigger on or against an abstract target ("an attack on free speech"), a fight against fires or ills ("fighting two fires"), one "captured on video", one
    won "by a margin" ("beating the rival by a wide margin"), or one followed by a set phrase
    ("marched in lockstep")."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if tok.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        for c in tok.children:
            if (c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")) and t.event_type != "Protests" and \
                    t.sub_event_type != "Agreement" and lemma(c) in lists["abstract_objects"] and \
                    not t.trigger_start <= c.idx < t.trigger_end:
                return True
            if c.dep_ == "dobj" and lemma(tok) in lists["ongoing_lemmas"] and lemma(c) in lists["fought_objects"]:
                return True
            if c.dep_ == "prep" and c.lower_ == "on" and any(
                    lemma(g) in lists["recording_media"] for g in c.children if g.dep_ == "pobj"):
                return True
            if c.dep_ == "prep" and c.lower_ == "by" and any(
                    lemma(g) in lists["contest_margins"] for g in ctx.sent.doc[c.i + 1:min(c.i + 5, ctx.sent.end)]):
                return True
    elif tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
            g.dep_ == "pobj" and lemma(g) in lists["abstract_targets"] for g in c.children) for c in tok.children):
        return True
    after = padded_text(words_of(ctx.sent.doc[tok.i + 1:min(tok.i + 4, ctx.sent.end)]))
    return any(after.startswith(i) for i in lists["idioms"])


def _fought_to(t: Typing, ctx: Context) -> bool:
    """A Mob violence typing at a verb of ``ongoing_lemmas`` that fights "to" do something and fights nobody (no
    object, no "with" or "against"): "these men fought to protect their families", "parents fought to keep the
    school open" strove for something; no brawl is told ("villagers fought with orcs to keep their cattle" stays)."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Mob violence" or tok.pos_ != "VERB" or lemma(tok) not in load_scope()["ongoing_lemmas"]:
        return False
    infinitive = any(c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)
    opponent = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "against")) for c in tok.children)
    return infinitive and not opponent


def _adjective(t: Typing, ctx: Context) -> bool:
    """A trigger word used as a plain adjective, not a participle ("stayed free", "an offensive
    remark"), or a participle coordinated with one ("flew sick and injured civilians out": patients described):
    it reports nothing. One-word triggers only ("small arms fire" is a phrase)."""
    tok = trigger_of(t, ctx)
    if tok.tag_ == "VBN" and tok.dep_ == "conj" and tok.head.tag_ == "JJ":
        tok = tok.head
    return " " not in t.trigger.strip() and tok.tag_ == "JJ" and tok.dep_ in ("amod", "acomp", "oprd")


def _figurative_compound(t: Typing, ctx: Context) -> bool:
    """A trigger noun in a compound whose head makes it a figure of speech ("battle lines are
    drawn", "a battle cry"): no fight."""
    tok = trigger_of(t, ctx)
    return tok.dep_ == "compound" and lemma(tok.head) in load_scope()["figurative_heads"]


def _figurative_modifier(t: Typing, ctx: Context) -> bool:
    """A trigger noun whose modifier makes it no act of violence ("cyber attacks", "a cyber-attack",
    "a trade war", "a legal battle", "a charm offensive"): the modifier is a child of the noun or
    the word before it, across a hyphen."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    words = load_scope()["figurative_modifiers"]
    before = [ctx.sent.doc[tok.i - 2]] if tok.i >= 2 and ctx.sent.doc[tok.i - 1].text == "-" else []
    return any(c.lower_ in words for c in [*tok.children, *before] if c.i < tok.i)


def _markets(t: Typing, ctx: Context) -> bool:
    """A rally or march of prices, not people ("oil prices rallied", "stocks marched higher", "the
    dollar extended its rally")."""
    if t.event_type != "Protests":
        return False
    tok = trigger_of(t, ctx)
    markets = load_scope()["market_subjects"]
    heads = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
    return any(c.dep_ in ("nsubj", "nsubjpass") and (lemma(c) in markets or c.lower_.rstrip("s") in markets)
               for h in heads for c in h.children)


def _signed_paper(t: Typing, ctx: Context) -> bool:
    """An agreement at a verb of signing whose object is no agreement ("a statement he signed",
    "signed a petition"), or a transfer of territory at a verb of handing over whose object is a paper
    ("in a letter handed over to the envoys"): the object, the noun a relative clause or participle of
    the verb describes, or the passive subject."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if not ((t.sub_event_type == "Agreement" and lemma(tok) in lists["signing_lemmas"]) or
            (t.sub_event_type == "Non-violent transfer of territory" and lemma(tok) in lists["handing_lemmas"])):
        return False
    signed = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("relcl", "acl"):
        signed.append(tok.head)
    return any(lemma(c) in lists["signed_papers"] for c in signed)


def _diplomatic_accord(t: Typing, ctx: Context) -> bool:
    """An agreement whose accord (a noun of ``accord_nouns`` at the trigger, its object or its
    passive subject) is named for a matter of diplomacy (``diplomatic_matters``, a modifier or an
    "of" phrase: "signed a treaty of friendship and cooperation", "a trade pact") and its phrase names
    no ceasefire or peace (``accord_conflict_words``): relations between states, no agreement between
    conflict parties ("a peace and friendship treaty" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Agreement":
        return False
    accords = [tok] if tok.pos_ in ("NOUN", "PROPN") else [
        c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    accords = [a for a in accords if lemma(a) in lists["accord_nouns"]]
    for accord in accords:
        words = {lemma(w) for w in accord.subtree} | {w.lower_ for w in accord.subtree}
        if words & set(lists["accord_conflict_words"]):
            continue
        if words & set(lists["diplomatic_matters"]):
            return True
    return False


def _civil_accord(t: Typing, ctx: Context) -> bool:
    """An agreement whose accord (as in :func:`_diplomatic_accord`) or agreeing verb has a purpose clause ("to" and a
    verb) of civil work or trade (``civil_purposes``: "signed an agreement to build a railway", "agreed to boost
    trade") and names no ceasefire or peace (``accord_conflict_words``): relations between states, no agreement between
    conflict parties ("agreed to exchange prisoners" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Agreement":
        return False
    holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and lemma(c) in lists["accord_nouns"])]
    purposes = [c for h in holders for c in h.children if c.dep_ in ("acl", "xcomp", "advcl") and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    words = {w.lower_ for h in holders for w in h.subtree} | {lemma(w) for h in holders for w in h.subtree}
    return bool(purposes) and all(lemma(p) in lists["civil_purposes"] for p in purposes) and \
        not words & set(lists["accord_conflict_words"])


def _stormed_out(t: Typing, ctx: Context) -> bool:
    """A violent trigger verb of rushing (``rushing_lemmas``) with "out" or "off" after it ("opposition lawmakers stormed
    out of parliament in protest"): someone left in anger, no assault ("stormed the parliament" stays)."""
    tok = trigger_of(t, ctx)
    return t.event_type in VIOLENT_TYPES and tok.pos_ == "VERB" and lemma(tok) in load_scope()["rushing_lemmas"] and \
        any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "off") for c in tok.children)


def _dismissed(t: Typing, ctx: Context) -> bool:
    """A violent trigger at a verb of dismissing (``dismissing_lemmas``: fire, sack) whose direct objects are all people
    in a job (``job_nouns``: "the bank fired 2,000 staff", "fired his coach"): a dismissal, no shot ("fired shots",
    "fired on the workers" stay)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return t.event_type in VIOLENT_TYPES and lemma(tok) in lists["dismissing_lemmas"] and bool(objects) and \
        all(lemma(o) in lists["job_nouns"] for o in objects)


def _went_missing(t: Typing, ctx: Context) -> bool:
    """An abduction at "disappear" with no object, not passive: someone went missing or got away
    ("some 18 hours after he had disappeared"), nobody was made to disappear; not where the verb says
    the person vanished in the state's hands (``scope.yaml#vanishing_in_lemmas``: "disappeared in a
    police sweep")."""
    tok = trigger_of(t, ctx)
    lists = load_scope()
    in_hands = any(c.dep_ == "prep" and c.lower_ in lists["vanishing_in_preps"] and
                   any(o.dep_ == "pobj" and lemma(o) in lists["vanishing_in_lemmas"] for o in c.children)
                   for c in tok.children)
    return t.sub_event_type == "Abduction/forced disappearance" and tok.pos_ == "VERB" and \
        lemma(tok) in lists["vanishing_lemmas"] and not in_hands and \
        not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.children)


def _march_past(t: Typing, ctx: Context) -> bool:
    """A trigger (or the noun it modifies) that is the subject of a verb of parading (``parading_lemmas``), or
    that verb itself (a noun after "of" on a subject counts as it), with "in", "during" or "at" a noun of ceremony (``ceremony_nouns``): "missile launchers
    rolled through the capital in a parade": a march-past, no weapon used ("a bomb exploded during the parade"
    stays: no verb of parading). A protest needs the march past someone too ("veterans marched past the king in a
    parade"; "activists marched in the pride parade" stays a protest)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    tok = up_through(tok, ("compound", "amod", "conj"), head_pos=NOMINALS)
    if of_object(tok):
        tok = of_head(tok)  # "thousands of troops, tanks and rocket launchers rolled through ..."
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" else tok
    if verb.pos_ != "VERB" or lemma(verb) not in lists["parading_lemmas"]:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if t.event_type == "Protests" and not any(c.lower_ == "past" for c in preps):
        return False
    return any(c.lower_ in ("in", "during", "at") and lemma(g) in lists["ceremony_nouns"]
               for c in preps for g in c.children if g.dep_ == "pobj")

#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
METAPHOR = ScopeRule("metaphor", _metaphor)
ADJECTIVE = ScopeRule("adjective", _adjective)
FOUGHT_TO = ScopeRule("fought-to", _fought_to)
FIGURATIVE_COMPOUND = ScopeRule("figurative-compound", _figurative_compound)
FIGURATIVE_MODIFIER = ScopeRule("figurative-modifier", _figurative_modifier)
MARKETS = ScopeRule("markets", _markets)
SIGNED_PAPER = ScopeRule("signed-paper", _signed_paper)
DIPLOMATIC_ACCORD = ScopeRule("diplomatic-accord", _diplomatic_accord)
WENT_MISSING = ScopeRule("went-missing", _went_missing)
MARCH_PAST = ScopeRule("march-past", _march_past)
CIVIL_ACCORD = ScopeRule("civil-accord", _civil_accord)
STORMED_OUT = ScopeRule("stormed-out", _stormed_out)
DISMISSED = ScopeRule("dismissed", _dismissed)
