"""An event named as a topic, not reported: the subject of "be", "there is no ...", a list of
topics, an activity named, a state of affliction, a place's role, a problem, an event remembered."""

from __future__ import annotations

from typing import Any

from ...deptree import NOMINALS, above, ascent, first_conjunct, of_head, of_object
from ..matching import year_of
from ..typings import Typing
from .base import VIOLENT_TYPES, Context, ScopeRule, bare_plural, lemma, load_scope, trigger_of


def _clausal_subject(t: Typing, ctx: Context) -> bool:
    """A trigger inside a clause that is the subject of "be" ("letting Rohan retake the fort was a
    mistake", "joining a brawl is a crime in Bree"): a topic, not a report. The
    trigger itself may be the subject ("Shelling kills two in Osgiliath")."""
    return any(node.dep_ in ("csubj", "csubjpass") and lemma(node.head) == "be"
               for node in above(trigger_of(t, ctx), limit=16))


#: A "sentence" holding this many web addresses is a list of links, each a headline ("... chemical attacks
#: https://... recent mortar attacks https://..."): it reports nothing of its own.
LINK_LIST_URLS = 2


def _link_list(t: Typing, ctx: Context) -> bool:
    """The sentence holds :data:`LINK_LIST_URLS` web addresses or more: a list of linked headlines that the
    sentence splitter left as one sentence, no report (one address after a sentence stays: its source)."""
    return sum(1 for tok in ctx.sent if tok.like_url) >= LINK_LIST_URLS


def _no_existence(t: Typing, ctx: Context) -> bool:
    """A trigger in a sentence that says there is none ("there are no demonstrators to protest",
    "there was no fighting"): "there" + "be" with a noun under "no" above or at the trigger."""
    node = trigger_of(t, ctx)
    for a in [node, *node.ancestors]:
        if lemma(a) == "be" and any(c.dep_ == "expl" for c in a.children) and any(
                c.dep_ in ("attr", "nsubj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in a.children):
            return True
    return False


def _listed_topic(t: Typing, ctx: Context) -> bool:
    """A bare trigger noun (no determiner, number, possessive or modifier) listed with nouns that
    name no event ("at risk for radicalization and recruitment", "talk guns, gear and shooting"):
    a topic, no occurrence ("shelling and gunfire" stays: both are triggers)."""
    tok = trigger_of(t, ctx)
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or any(c.dep_ != "cc" and c.dep_ != "punct" for c in tok.children):
        return False
    listed = [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    doc = ctx.sent.doc
    return len(listed) > 0 and all(not ctx.lexicon.matches(doc[c.i:c.i + 1]) for c in listed)


def _gerund_topic(t: Typing, ctx: Context) -> bool:
    """A bare plural trigger noun that is the object of a gerund after a preposition of topic, in a
    sentence with no date ("the power they have in organizing rallies", "known for staging raids"):
    an activity named, no occurrence ("after storming the gate on Monday", "by firing rockets" stay)."""
    tok = trigger_of(t, ctx)
    gerund = tok.head
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and bare_plural(tok) and gerund.tag_ == "VBG" and \
        gerund.dep_ == "pcomp" and gerund.head.lower_ in load_scope()["topic_prepositions"] and not ctx.dated


def _beset(t: Typing, ctx: Context) -> bool:
    """A bare plural trigger noun (or one listed after it) under a participle of affliction, in a
    sentence with no date ("Gondor, beset with street protests and riots", "a region plagued by
    attacks"): a state described."""
    tok = trigger_of(t, ctx)
    first = min([tok, *tok.conjuncts], key=lambda c: c.i)
    if tok.pos_ != "NOUN" or first.tag_ != "NNS" or first.dep_ != "pobj" or ctx.dated or \
            any(c.dep_ in ("det", "nummod", "poss") for c in first.children):
        return False
    verb = first.head.head
    return verb.tag_ == "VBN" and lemma(verb) in load_scope()["afflicted_lemmas"]


def _place_role(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "of" under a noun of a place's role ("the town was the centre of the
    protests", "the cradle of the revolt"): it says what the place is known for, no occurrence."""
    tok = trigger_of(t, ctx)
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        lemma(tok.head.head) in load_scope()["role_nouns"]


def _a_problem(t: Typing, ctx: Context) -> bool:
    """A trigger inside the phrase that names a problem ("we have had a problem with murals being
    destroyed", "the scourge of cattle raids"): a state of things, no occurrence."""
    tok = trigger_of(t, ctx)
    return any(node.dep_ in ("pcomp", "pobj") and node.head.lower_ in ("with", "of") and
               lemma(node.head.head) in load_scope()["problem_nouns"] for node in (tok, *above(tok, limit=2)))


def _remembered(t: Typing, ctx: Context) -> bool:
    """A trigger noun that is the object of a verb of remembering ("we all remember the protest of
    2014", "to commemorate the massacre"), or after "of" on that object or on a noun of memory
    (``memory_nouns``: "gathered to commemorate the victims of the massacre", "on the anniversary of the
    bombing"): a past event recalled, the sentence reports no new one. Not one named by its year ("the
    anniversary of the 1942 Battle of the Pelennor": the rubric codes that incident, with a date of its own)."""
    tok = trigger_of(t, ctx)
    return tok.pos_ in ("NOUN", "PROPN") and _recalled(tok)


def _remembered_clause(t: Typing, ctx: Context) -> bool:
    """A trigger verb in a relative clause on a noun that is recalled as in :func:`_remembered` ("to mark the
    anniversary of the siege that killed 3,000 people"): the past event's toll, no new event."""
    tok = trigger_of(t, ctx)
    return tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and _recalled(tok.head)


def _recalled(tok: Any) -> bool:
    """The noun ``tok`` (not named by its year) is what a verb of remembering takes, or sits after "of" on it or on a
    noun of memory."""
    lists = load_scope()
    if year_of(tok) is not None:
        return False
    for noun in ascent(tok, of_object, hop=of_head):
        if lemma(noun) in lists["memory_nouns"]:
            return True
        tok = noun
    return tok.dep_ == "dobj" and lemma(tok.head) in lists["remembering_lemmas"]


def _discussed_topic(t: Typing, ctx: Context) -> bool:
    """A violent trigger noun that is the object of an infinitive of discussing (``discussing_lemmas``: "the Council
    will meet on Friday to discuss the fighting in the east"; "emails discussing the attack" stays: a later mention of
    the incident) or after "on" or "about" on a noun of meeting
    (``meeting_nouns``: "an emergency session on the shelling", "held talks on the raid"): a topic of talk, no occurrence reported."""
    lists = load_scope()
    tok = first_conjunct(trigger_of(t, ctx), head_pos=NOMINALS)
    if t.event_type not in VIOLENT_TYPES or tok.pos_ not in NOMINALS:
        return False
    if tok.dep_ == "dobj":
        return lemma(tok.head) in lists["discussing_lemmas"] and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children)
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "about"):
        return False
    host = tok.head.head  # the noun of meeting, or the verb it is the object of ("held a session on the shelling")
    return lemma(host) in lists["meeting_nouns"] or any(
        c.dep_ == "dobj" and lemma(c) in lists["meeting_nouns"] for c in host.children)


def _talks_topic(t: Typing, ctx: Context) -> bool:
    """An accord noun that is what talks are about: the object of a verb of considering
    (``considering_lemmas``: "willing to discuss a ceasefire", "proposed a truce") or after "on", "about",
    "over" or "for" on a noun of talks (``talks_nouns``: "talks on a ceasefire", "a proposal for a truce"): a
    topic, no accord reached ("agreed a ceasefire", "the talks ended with a truce" stay)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Agreement" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = first_conjunct(tok, head_pos=NOMINALS)
    if tok.dep_ == "dobj":
        return tok.head.pos_ == "VERB" and lemma(tok.head) in lists["considering_lemmas"]
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "over", "for") and \
        tok.head.head.pos_ == "NOUN" and lemma(tok.head.head) in lists["talks_nouns"]


def _accord_state(t: Typing, ctx: Context) -> bool:
    """An accord noun that is the subject of a verb of lasting or failing (``holding_lemmas``: "the
    ceasefire has largely held", "the truce collapsed") or of "be" in force (``in_force_nouns``: "the
    ceasefire agreements are still in power"): the state of an accord made before, no new one."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Agreement" or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "nsubj":
        return False
    lists = load_scope()
    if lemma(tok.head) in lists["holding_lemmas"]:
        return True
    return lemma(tok.head) == "be" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and o.lower_ in lists["in_force_nouns"]
                                                      for o in c.children)
        for c in tok.head.children)


def _sanction_reason(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "over" or "for" on a verb whose object is a sanction (``sanction_nouns``: "imposed an
    asset freeze and travel ban on 14 officials over the crackdown on dissent"), with no date or number in its
    phrase: the reason a state gives for a sanction, named, not reported ("over Monday's killing of 12 protesters"
    stays)."""
    tok = trigger_of(t, ctx)
    prep = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or prep.lower_ not in ("over", "for") or prep.head.pos_ != "VERB":
        return False
    sanctions = load_scope()["sanction_nouns"]
    objects = [o for c in prep.head.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    return any(lemma(o) in sanctions for o in objects) and \
        not any(w.ent_type_ in ("DATE", "TIME") or w.like_num for w in tok.subtree)


def _reason_given(t: Typing, ctx: Context) -> bool:
    """A trigger noun that is the reason a clause gives (``reason_words``: "closed its borders because of fighting
    between Azerbaijanis and Armenians", "due to clashes", "owing to shelling"), with no number or place in its
    phrase and no date in its sentence: why something else happened, not a report of the fighting ("due to
    clashes near the airport", "owing to shelling on Monday" stay)."""
    tok = trigger_of(t, ctx)
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    prep = tok.head.head if tok.head.lower_ in ("of", "to") and tok.head.dep_ in ("pcomp", "prep") else tok.head
    return prep.lower_ in load_scope()["reason_words"] \
        and not any(w.ent_type_ in ("GPE", "LOC", "FAC") or w.like_num for w in tok.subtree) \
        and not any(w.ent_type_ in ("DATE", "TIME") for w in tok.sent)


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
CLAUSAL_SUBJECT = ScopeRule("clausal-subject", _clausal_subject)
LINK_LIST = ScopeRule("link-list", _link_list)
NO_EXISTENCE = ScopeRule("no-existence", _no_existence)
LISTED_TOPIC = ScopeRule("listed-topic", _listed_topic)
GERUND_TOPIC = ScopeRule("gerund-topic", _gerund_topic)
BESET = ScopeRule("beset", _beset)
PLACE_ROLE = ScopeRule("place-role", _place_role)
A_PROBLEM = ScopeRule("a-problem", _a_problem)
REMEMBERED = ScopeRule("remembered", _remembered)
TALKS_TOPIC = ScopeRule("talks-topic", _talks_topic)
ACCORD_STATE = ScopeRule("accord-state", _accord_state)
SANCTION_REASON = ScopeRule("sanction-reason", _sanction_reason)
REMEMBERED_CLAUSE = ScopeRule("remembered-clause", _remembered_clause)
DISCUSSED_TOPIC = ScopeRule("discussed-topic", _discussed_topic)
REASON_GIVEN = ScopeRule("reason-given", _reason_given)
