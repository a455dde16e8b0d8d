"""What could, should or is meant to happen: hypotheses and conditions, modals above the
trigger, intentions, plots, requests, powers given, prevention, purposes, work under way and plans
discussed."""

from __future__ import annotations

from typing import Any

from ...deptree import NOMINALS, VERBS, ascent, first_conjunct, is_root, path
from ..modality import presupposing_word
from ..typings import Typing
from .base import (
    VIOLENT_TYPES,
    Context,
    ScopeRule,
    clause_path,
    lemma,
    load_scope,
    simple_present,
    trigger_of,
)
from .described import TERRITORY_TYPES


def _hypothetical(t: Typing, ctx: Context) -> bool:
    """A verb trigger in a hypothetical clause: a modal on it or on the verb it is coordinated with
    or the complement of ("should be allowed to seize the port and arrest its captain"), a
    condition before it ("If arrested, ..."; "not confirmed if anyone was killed" asks and sets
    none), or a simple present in a relative clause ("the poachers the wardens arrest", "the
    station where vagrants are detained": a habit, no occurrence)."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lists = load_scope()
    if tok.dep_ == "relcl" and simple_present(tok):
        return True
    return any((c.dep_ == "aux" and lemma(c) in lists["modal_lemmas"]) or
               (c.dep_ == "mark" and v.dep_ == "advcl" and v.i < v.head.i and lemma(c) in lists["condition_lemmas"]) or
               (c.dep_ == "mark" and v.dep_ == "advcl" and lemma(c) in lists["pending_lemmas"] and
                any(a.dep_ == "aux" and lemma(a) in lists["modal_lemmas"] for a in v.head.children))
               for v in clause_path(tok) for c in v.children)


def _counterfactual(t: Typing, ctx: Context) -> bool:
    """A trigger (noun or verb) inside a condition whose main clause has a modal ("if any bomb was
    dropped today it would cause ...", "unless the army withdrew, rebels could take the town") or is an
    imperative ("if you find these attacks come from one person, limit their presence": advice, fncfp30):
    a hypothesis, no occurrence."""
    lists = load_scope()
    for a in [trigger_of(t, ctx), *trigger_of(t, ctx).ancestors]:
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and lemma(c) in lists["condition_lemmas"] for c in a.children):
            return any(c.dep_ == "aux" and lemma(c) in lists["modal_lemmas"] for c in a.head.children) or \
                _imperative(a.head)
    return False


def _imperative(verb: Any) -> bool:
    """A verb in the base form that heads the sentence with no subject and no auxiliary ("limit their presence")."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


def _under_modal(t: Typing, ctx: Context) -> bool:
    """A trigger (noun or verb) in a phrase or adverbial clause under a verb with a modal auxiliary
    ("troops would be needed to hold the fort following an attack", "they might split families when
    making arrests"): what could happen, no occurrence. The walk goes up through objects,
    prepositions, adverbial and complement clauses to the first clause head, and stops at a noun
    ("should publicise actions like last week's air strike" tells one) but one an infinitive of purpose
    is on ("would send a frigate to join the patrol"); the trigger's own modal is :func:`_hypothetical`'s.
    A definite incident noun the sentence presupposes is left to :func:`presupposed_under_modal`."""
    return _modal_above(t, ctx) and presupposed_under_modal(t, ctx) is None


def presupposed_under_modal(t: Typing, ctx: Context) -> Any | None:
    """The word that presupposes a trigger (:func:`presupposing_word`) of violence (``VIOLENT_TYPES``, no
    ``TERRITORY_TYPES``: an incident noun names no ground won) that a modal
    above it would otherwise make what could happen (:func:`_under_modal`: "the envoy would resign after the
    attack", "how it would be perceived during the attack"): the incident happened whatever could follow it;
    ``None`` otherwise. The typing keeps it as evidence (``; presupposed:'<word>'``) and is an earlier incident
    (no publication date); not ground won that the gate typed at the noun ("would travel after the raid")."""
    if t.event_type not in VIOLENT_TYPES or t.sub_event_type in TERRITORY_TYPES or not _modal_above(t, ctx):
        return None
    return presupposing_word(trigger_of(t, ctx))


def _modal_above(t: Typing, ctx: Context) -> bool:
    """The walk of :func:`_under_modal`: a verb with a modal auxiliary above the trigger."""
    modals = load_scope()["modal_lemmas"]
    return any(node.pos_ in VERBS and any(c.dep_ == "aux" and lemma(c) in modals for c in node.children)
               for node in ascent(trigger_of(t, ctx), _modal_step, hop=_past_noun, limit=8))


def _modal_step(node: Any) -> bool:
    """Whether the walk of :func:`_modal_above` goes on up from ``node``: along ``modal_walk_deps``, or from an
    infinitive of purpose on a noun ("a plan to strike"); past a noun only from such an infinitive."""
    walk = load_scope()["modal_walk_deps"]
    purpose = node.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    if node.dep_ not in walk and not purpose:
        return False
    up = node.head
    return up.pos_ not in ("NOUN", "PROPN", "PRON") or (purpose and up.dep_ in walk and not is_root(up))


def _past_noun(node: Any) -> Any:
    """The head of ``node``, or the head's head when the head is a noun or pronoun (see :func:`_modal_step`)."""
    up = node.head
    return up.head if up.pos_ in ("NOUN", "PROPN", "PRON") else up


def _intended(t: Typing, ctx: Context) -> bool:
    """A verb trigger that is the infinitive of a noun ("a request to deploy troops", "a bid to storm
    the gate", "grounds to attack", which the parser may take for a relative clause), or the gerund
    of a verb of considering ("looking at building a fort", "considered deploying troops"): an
    intention, a request or an attempt, not an occurrence (a protest's is its aim: "rallied at the
    palace to demand bread"). The infinitive of a time noun ("the zero hour to attack") dates a plan:
    modality reads it as planned."""
    tok = trigger_of(t, ctx)
    if t.event_type == "Protests":
        return False
    if tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "pcomp"):
        above = tok.head.head if tok.dep_ == "pcomp" else tok.head
        return lemma(above) in load_scope()["considering_lemmas"]
    return tok.tag_ == "VB" and tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and \
        lemma(tok.head) not in load_scope()["plan_time_nouns"] and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _plotted(t: Typing, ctx: Context) -> bool:
    """A trigger in the infinitive of a verb of plotting, or in a phrase under it ("an orc who
    plotted to kill farmers in a bomb attack", "conspired to bomb the bridge"), or a trigger noun with no
    definite determiner that is the object of a verb of plotting or planning in the gerund, the infinitive or
    the present (``planning_lemmas``: "men it accuses of planning attacks on its ships"; "the man who planned a
    terrorist attack", "planning Monday's bombing" name one that happened): a plan, no occurrence."""
    lists = load_scope()
    a = trigger_of(t, ctx)
    if a.pos_ == "NOUN" and ((a.dep_ == "dobj" and lemma(a.head) in lists["planning_lemmas"]
                              and a.head.tag_ in ("VBG", "VB", "VBZ", "VBP")) or any(
            c.dep_ == "compound" and c.lower_ in lists["planning_gerunds"] for c in a.children)):
        return not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                       for c in a.children)
    for node in path(a, lambda t: t.dep_ in ("prep", "pobj", "dobj", "compound", "conj"), limit=7):
        if node.dep_ == "xcomp" and node.tag_ == "VB":
            return lemma(node.head) in load_scope()["plotting_lemmas"]
    return False


def _sought(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "for" on a verb of asking or pressing ("the steward pushes for the deployment
    of rangers", "called for a ceasefire", "pressed for the release of the prisoners"), or the direct
    object of a verb of demanding (``demanding_lemmas``: "demanded a truce", "sought the withdrawal of the
    troops"): what someone wants, no occurrence."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = first_conjunct(tok, head_pos=NOMINALS)
    if tok.dep_ == "dobj":
        return tok.head.pos_ in ("VERB", "AUX") and lemma(tok.head) in load_scope()["demanding_lemmas"]
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and lemma(verb) in load_scope()["seeking_lemmas"]


def _undertaking(t: Typing, ctx: Context) -> bool:
    """A strategic development at a verb of agreeing (``agreeing_lemmas``) whose complement is an
    infinitive that names no accord ("agreed to reopen its borders to the envoys", "agreed to resign"): a
    promise, no agreement between conflict parties nor the move promised. An infinitive of ``agreement_verbs`` ("agreed to exchange
    prisoners") or a word of ``accord_conflict_words`` in its phrase, relative clauses left out
    ("agreed to observe a truce"), or after "to" or "on" on the verb of agreeing ("agreed to a truce to
    allow convoys in"), keeps it."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type != "Strategic developments" or lemma(tok) not in lists["agreeing_lemmas"]:
        return False
    comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    if comp is None or lemma(comp) in lists["agreement_verbs"]:
        return False
    accord = set(lists["accord_conflict_words"])
    if any(c.dep_ == "prep" and c.lower_ in ("to", "on") and {lemma(w) for w in c.subtree} & accord
           for c in tok.children):  # "agreed to a truce to allow aid in": the accord itself is named
        return False
    skip = {w.i for c in comp.subtree if c.dep_ in ("relcl", "acl") for w in c.subtree}
    words = {lemma(w) for w in comp.subtree if w.i not in skip} | {w.lower_ for w in comp.subtree if w.i not in skip}
    return not words & set(lists["accord_conflict_words"])


def _to_end(t: Typing, ctx: Context) -> bool:
    """A violent trigger noun named as what is to end: the object of the infinitive of a verb of ending
    (``ending_lemmas``) on a noun or under a verb of urging or promising (``urging_lemmas``: "efforts to end
    the fighting there", "urged both sides to stop the clashes"), the object of its gerund after a
    preposition ("talks on ending the fighting"), or after "to" or "of" on a noun of ending (``ending_nouns``:
    "called for an end to hostilities", "a cessation of hostilities"): an aim, the fighting background, no
    occurrence reported."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type not in VIOLENT_TYPES or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = first_conjunct(tok, head_pos=NOMINALS)
    if tok.dep_ == "pobj":
        return tok.head.lower_ in ("to", "of") and lemma(tok.head.head) in lists["ending_nouns"]
    verb = tok.head
    if tok.dep_ != "dobj" or lemma(verb) not in lists["ending_lemmas"]:
        return False
    if verb.tag_ == "VBG":
        return verb.dep_ == "pcomp"
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return (verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN") or (
        verb.dep_ in ("xcomp", "ccomp", "advcl") and
        lemma(verb.head) in (*lists["urging_lemmas"], *lists["promising_lemmas"]))


def _demanded(t: Typing, ctx: Context) -> bool:
    """A typing other than a protest at a verb of demanding or calling (``demanding_lemmas``,
    ``urging_lemmas``): "the envoys demanded the withdrawal of the troops" withdraws nobody; a demand
    reports at most a protest."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    return t.event_type != "Protests" and tok.pos_ in ("VERB", "AUX") and \
        lemma(tok) in (*lists["demanding_lemmas"], *lists["urging_lemmas"])


def _urged_to(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the infinitive (or coordinated with one) under a verb of urging
    (``urging_lemmas``: "a paper called on the riders to unite and mobilize", "urged the farmers to
    march on the capital"): a call to act, no act."""
    tok = trigger_of(t, ctx)
    if tok.pos_ != "VERB" or tok.tag_ != "VB":
        return False
    tok = first_conjunct(tok, head_pos=("VERB",))
    return tok.dep_ in ("xcomp", "ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and lemma(tok.head) in load_scope()["urging_lemmas"]


def _demanded_that(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the base form (or coordinated with one) in the clause of a verb of demanding or urging
    (``demanding_lemmas``, ``urging_lemmas``: "the council demanded that all foreign forces leave the provinces",
    "demanded that Angmar release the journalists"): what is demanded, no act."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if tok.pos_ != "VERB" or tok.tag_ not in ("VB", "VBP"):
        return False
    tok = first_conjunct(tok, head_pos=("VERB",))
    return tok.dep_ == "ccomp" and lemma(tok.head) in (*lists["demanding_lemmas"], *lists["urging_lemmas"])


def _permitted(t: Typing, ctx: Context) -> bool:
    """A verb trigger that is the infinitive of a verb of permitting ("laws that allow the army to
    arrest citizens", "empowers police to detain", "allowing the army to be deployed abroad"), or a trigger noun that is its object ("signed
    an order to allow the deployment of rangers"): a power given, no occurrence."""
    tok = trigger_of(t, ctx)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
        return lemma(tok.head) in load_scope()["permitting_lemmas"]
    if tok.pos_ != "VERB" or not (tok.tag_ == "VB" or (tok.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.tag_ == "VB" for c in tok.children))):
        return False
    path = clause_path(tok)
    if path[-1].dep_ in ("ccomp", "oprd"):
        path.append(path[-1].head)
    return any(lemma(v) in load_scope()["permitting_lemmas"] for v in path[1:])


def _prevented(t: Typing, ctx: Context) -> bool:
    """A violent trigger noun that is the object of a verb of preventing ("to prevent attacks"); a
    strategic development may be the prevention itself ("prevented a patrol from entering")."""
    tok = trigger_of(t, ctx)
    return t.event_type in VIOLENT_TYPES and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
        lemma(tok.head) in load_scope()["prevented_lemmas"]


def _means_gerund(t: Typing, ctx: Context) -> bool:
    """A gerund trigger after a preposition on a noun of purpose or means (``means_nouns``: "the
    footage is an aid to apprehending a suspect", "a tool for capturing towns"): what something is
    for, no occurrence ("in the course of storming the village" stays)."""
    tok = trigger_of(t, ctx)
    prep = tok.head
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and \
        lemma(prep.head) in load_scope()["means_nouns"]


def _under_construction(t: Typing, ctx: Context) -> bool:
    """A base (``construction_types``) at a verb in the progressive, in a sentence with no date
    ("Rohan was building an alternative naval base in the north"): work going on, no base
    established yet ("orcs were setting up a camp near Bree on Monday" stays)."""
    tok = trigger_of(t, ctx)
    return t.sub_event_type in load_scope()["construction_types"] and tok.tag_ == "VBG" and \
        any(c.dep_ == "aux" and lemma(c) == "be" for c in tok.children) and not ctx.dated


def _aspect_of(t: Typing, ctx: Context) -> bool:
    """A strategic development (``aspect_types``) named after "of" under a noun of one of its
    aspects (``aspect_nouns``: "the number of troops, the duration of their deployment and the
    cost"), in a sentence with no date: a plan's terms discussed, no move reported."""
    tok = trigger_of(t, ctx)
    lists = load_scope()
    return t.sub_event_type in lists["aspect_types"] and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "of" and lemma(tok.head.head) in lists["aspect_nouns"] and not ctx.dated


def _characterised(t: Typing, ctx: Context) -> bool:
    """A strategic development (``aspect_types``) named after "as" on a verb of describing
    (``describing_verbs``: "to meet what it described as a dangerous military build-up"): how
    someone calls a state of things, no move reported ("Gondor deployed troops, described as a
    build-up" reports the deployment at "deployed")."""
    tok = trigger_of(t, ctx)
    lists = load_scope()
    return t.sub_event_type in lists["aspect_types"] and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "as" and lemma(tok.head.head) in lists["describing_verbs"]


def _capable_of(t: Typing, ctx: Context) -> bool:
    """A trigger (or the verb a trigger noun is the object of) that completes a word of ability (``ability_words``:
    "his forces were capable of crushing the rebellion within weeks", "the army is able to retake the town"): a
    power claimed, no occurrence. "Able" in the past tells what was done (``past_ability_words``: "protesters were able
    to break through the police line" stays)."""
    tok = trigger_of(t, ctx)
    verb = tok.head if tok.pos_ in NOMINALS and tok.dep_ == "dobj" else tok
    lists = load_scope()
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
        return verb.head.head.lower_ in lists["ability_words"]
    word = verb.head
    if verb.dep_ != "xcomp" or word.lower_ not in lists["ability_words"] + lists["past_ability_words"]:
        return False
    return word.lower_ in lists["ability_words"] or word.head.tag_ not in ("VBD", "VBN")


def _approved_plan(t: Typing, ctx: Context) -> bool:
    """A trigger noun of a strategic development that is the object of a verb of approving (``approving_lemmas``:
    "the government approved the deployment of 200 police officers", "parliament ratified the peace treaty"): a
    decision on the move, not the move itself."""
    tok = first_conjunct(trigger_of(t, ctx), head_pos=NOMINALS)
    return t.event_type == "Strategic developments" and tok.pos_ in NOMINALS and tok.dep_ == "dobj" and \
        lemma(tok.head) in load_scope()["approving_lemmas"]


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
HYPOTHETICAL = ScopeRule("hypothetical", _hypothetical)
COUNTERFACTUAL = ScopeRule("counterfactual", _counterfactual)
UNDER_MODAL = ScopeRule("under-modal", _under_modal)
INTENDED = ScopeRule("intended", _intended)
PLOTTED = ScopeRule("plotted", _plotted)
SOUGHT = ScopeRule("sought", _sought)
UNDERTAKING = ScopeRule("undertaking", _undertaking)
TO_END = ScopeRule("to-end", _to_end)
DEMANDED = ScopeRule("demanded", _demanded)
URGED_TO = ScopeRule("urged-to", _urged_to)
DEMANDED_THAT = ScopeRule("demanded-that", _demanded_that)
PERMITTED = ScopeRule("permitted", _permitted)
PREVENTED = ScopeRule("prevented", _prevented)
MEANS_GERUND = ScopeRule("means-gerund", _means_gerund)
UNDER_CONSTRUCTION = ScopeRule("under-construction", _under_construction)
ASPECT_OF = ScopeRule("aspect-of", _aspect_of)
CHARACTERISED = ScopeRule("characterised", _characterised)
CAPABLE_OF = ScopeRule("capable-of", _capable_of)
APPROVED_PLAN = ScopeRule("approved-plan", _approved_plan)
