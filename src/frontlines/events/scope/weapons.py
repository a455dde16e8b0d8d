"""Weapons not used on anyone: explosives laid, arms traded or carried, aircraft on a
mission that strikes nothing, an attack on a computer."""

from __future__ import annotations

from typing import Any

from ...deptree import NOMINALS, above, first_conjunct, path, up_through
from ..matching import load_matching
from ..typings import Typing
from .base import VIOLENT_TYPES, Context, ScopeRule, lemma, load_scope, trigger_of


def _arms_trade(t: Typing, ctx: Context) -> bool:
    """A weapon noun that is traded, built or shown, not used ("bought 40 howitzers", "a drone
    deal"): a trade word up to four heads above the trigger noun (or the trigger modifier:
    "rocket-firing vehicles") of an explosion or strike, or the subject of a verb of contents above it
    ("the deal includes 40 howitzers")."""
    tok = trigger_of(t, ctx)
    if t.event_type != "Explosions/Remote violence" or \
            (tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound")):
        return False
    trade = load_scope()["trade_lemmas"]
    for node in above(tok, limit=4):
        if lemma(node) in trade:
            return True
        if lemma(node) in load_scope()["contents_lemmas"] and any(
                c.dep_ == "nsubj" and lemma(c) in trade for c in node.children):  # "the deal includes 40 howitzers"
            return True
    return False


def _equipped(t: Typing, ctx: Context) -> bool:
    """A weapon noun after "with" on a verb of equipping that heads a clause ("the vehicles were
    fitted with machine guns", "Gondor armed them with rockets", "pledged to provide Gondor with patrol boats"): what
    someone carries or is given, no use of it (a participle on a noun stays: "fired rockets fitted with a toxic gas";
    so does support given, ``support_acts``: "provided the militias with air support")."""
    tok = trigger_of(t, ctx)
    verb = tok.head.head
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "with" and \
        lemma(verb) in load_scope()["equipping_lemmas"] and verb.dep_ not in ("acl", "amod") and \
        lemma(tok) not in load_scope()["support_acts"]


def _noncombat_aircraft(t: Typing, ctx: Context) -> bool:
    """Aircraft or drones on a surveillance, search or delivery mission, and nothing struck."""
    return t.sub_event_type == "Air/drone strike" and ctx.has("noncombat_aircraft") and not ctx.has("strike_cues")


def _cyber_target(t: Typing, ctx: Context) -> bool:
    """An attack on a computer, a server or an account ("the attack on the party's servers", "hacked
    and attacked her email"): a cyber attack, no violence. The trigger is a word of attacking
    (`cyber_attack_lemmas`: "destroying computers" is damage done); the target is the noun after "on"
    or "against" on a trigger noun, or a trigger verb's object. Crime by computer as well: a trigger verb
    whose subject, on its clause path, is a hacker (``cyber_agents``: "what data hackers were able to
    steal"), and "hack" with no blade or death in its phrase (``blade_words``: "the exchange was hacked of
    its coins"; "hacked three farmers to death" stays)."""
    tok = trigger_of(t, ctx)
    lists = load_scope()
    targets = lists["cyber_targets"]
    if tok.pos_ in ("VERB", "AUX") and _hacker_subject(tok, lists["cyber_agents"]):
        return True
    if tok.pos_ == "VERB" and lemma(tok) in lists["cyber_hack_lemmas"] and \
            not any(w.lower_ in lists["blade_words"] for w in tok.subtree):
        return True
    if lemma(tok) not in lists["cyber_attack_lemmas"]:
        return False
    if tok.pos_ in ("VERB", "AUX"):
        hit = [c for c in tok.children if c.dep_ == "dobj"]
    else:
        hit = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for g in c.children if g.dep_ == "pobj"]
    return any(lemma(h) in targets for h in hit)


def _hacker_subject(tok: Any, agents: tuple[str, ...]) -> bool:
    """A subject in ``agents`` on the verb ``tok``, on a verb it is the complement of, or on the verb an adjective
    it completes stands on ("hackers were capable to steal")."""
    return any(c.dep_ in ("nsubj", "agent") and (lemma(c) in agents or any(
        g.dep_ == "pobj" and lemma(g) in agents for g in c.children))
        for node in path(tok, lambda t: t.dep_ in ("xcomp", "conj", "acomp"), limit=3) for c in node.children)



def _weapon_test(t: Typing, ctx: Context) -> bool:
    """A trigger verb of firing joined to a word of testing ("test-fired a missile into the sea", "test
    launched a rocket": ``test_words`` before it, hyphened or as its compound): a weapon tested, no one
    struck."""
    tok = trigger_of(t, ctx)
    words = load_scope()["test_words"]
    before = ctx.sent.doc[max(tok.i - 2, 0):tok.i]
    return tok.pos_ == "VERB" and (any(c.dep_ in ("compound", "advmod", "npadvmod") and c.lower_ in words
                                       for c in tok.children)
                                   or (len(before) == 2 and before[0].lower_ in words and before[1].text == "-"))

def _training_fire(t: Typing, ctx: Context) -> bool:
    """A weapon fired, or a verb of firing (``firing_lemmas``), in a sentence of training (``training_cues``: "fired
    artillery at targets on a range as part of war games", "held exercises, firing rockets"): guns fired in
    training, no one struck."""
    tok = trigger_of(t, ctx)
    return (t.event_type == "Explosions/Remote violence" or lemma(tok) in load_scope()["firing_lemmas"]) and \
        ctx.has("training_cues")


def _weapons_moved(t: Typing, ctx: Context) -> bool:
    """A weapon noun that is the direct object of a verb of moving (``moving_lemmas``: "agreed to pull back heavy
    weapons from the front line", "deployed rocket launchers to the border"): weapons moved, none fired."""
    tok = trigger_of(t, ctx)
    tok = first_conjunct(tok, head_pos=NOMINALS)
    return t.event_type == "Explosions/Remote violence" and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" \
        and lemma(tok.head) in load_scope()["moving_lemmas"]


def _government_sent(t: Typing, ctx: Context) -> bool:
    """A Change to group/activity at a verb of moving (``matching.yaml#moving_verbs``) whose direct object is a government
    (``government_nouns``: "proponents of sending the Arnor government advanced weapons", where the parser took the
    government for what is sent): no force is sent to or moved by it, something is supplied ("sent government troops
    to the border" stays: troops are the object)."""
    tok = trigger_of(t, ctx)
    return t.sub_event_type == "Change to group/activity" and tok.pos_ == "VERB" and \
        lemma(tok) in load_matching()["moving_verbs"] and any(
            c.dep_ == "dobj" and lemma(c) in load_scope()["government_nouns"] for c in tok.children)


def _let_off(t: Typing, ctx: Context) -> bool:
    """A weapon noun that is the object or the passive subject of a phrasal verb of ``let_off_verbs`` ("after the
    missiles were let off about an hour before kick-off", "fans let off rockets in the stands"): fireworks or flares
    set off, no weapon fired at anyone."""
    tok = up_through(trigger_of(t, ctx), ("conj", "compound"), head_pos=NOMINALS)
    verb = tok.head
    phrasal = " ".join([lemma(verb), *(c.lower_ for c in verb.children if c.dep_ == "prt")])
    return t.event_type == "Explosions/Remote violence" and tok.pos_ in ("NOUN", "PROPN") and \
        tok.dep_ in ("dobj", "nsubjpass") and phrasal in load_scope()["let_off_verbs"]


def _mock_action(t: Typing, ctx: Context) -> bool:
    """A violent trigger noun that is a pretence (``mock_words``: "staged a mock assault on an airfield", "a
    simulated air strike") or the object of a verb of rehearsing (``rehearsing_lemmas``: "practised an amphibious
    assault"): a drill, no one attacked."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type not in VIOLENT_TYPES or tok.pos_ not in NOMINALS:
        return False
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lists["mock_words"] for c in tok.children) or \
        (tok.dep_ == "dobj" and lemma(tok.head) in lists["rehearsing_lemmas"])


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
ARMS_TRADE = ScopeRule("arms-trade", _arms_trade)
EQUIPPED = ScopeRule("equipped", _equipped)
NONCOMBAT_AIRCRAFT = ScopeRule("noncombat-aircraft", _noncombat_aircraft)
CYBER_TARGET = ScopeRule("cyber-target", _cyber_target)
WEAPON_TEST = ScopeRule("weapon-test", _weapon_test)
TRAINING_FIRE = ScopeRule("training-fire", _training_fire)
LET_OFF = ScopeRule("let-off", _let_off)
GOVERNMENT_SENT = ScopeRule("government-sent", _government_sent)
WEAPONS_MOVED = ScopeRule("weapons-moved", _weapons_moved)
MOCK_ACTION = ScopeRule("mock-action", _mock_action)
