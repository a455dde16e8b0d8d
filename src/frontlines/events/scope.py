"""Scope rules: named rules that reject a typed candidate as outside ACLED's scope.

The ACLED codebook leaves out ordinary crime and its arrests and trials, court proceedings,
metaphors, and anything that is not a specific conflict occurrence. The event gate learns this
from written sentences, but on real news it scores many such sentences high; these rules say it
explicitly where the parse and a word list can. Each rule is a :class:`ScopeRule`; its word lists
are in ``data/events/scope.yaml``; :func:`out_of_scope` gives the first rule that rejects a typing
(``rule:scope:<name>`` in ``--explain``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..fold import fold
from .matching import padded_text, words_of
from .modality import subject_of
from .ontology import Lexicon
from .roles import classes_of
from .typings import Typing

#: Actor classes of the trigger lexicon that put a sentence in ACLED's scope whatever else it says.
CONFLICT_CLASSES = frozenset({"nonstate", "protester", "rioter"})
#: Actor classes of armed actors (a participle that describes one says what it does, not what happened).
ARMED_CLASSES = frozenset({"state", "nonstate", "armed"})
#: Event types of violence: a noun of these that is prevented did not happen ("to prevent attacks").
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
#: The lists of ``scope.yaml`` matched against the sentence's folded words; the others hold lemmas or names.
SENTENCE_CUES = frozenset({"crime", "suspect", "court", "police_report", "police_report_weapons", "conflict", "conflict_exceptions",
                           "noncombat_aircraft",
                           "accident", "violence_signs", "body_signs",
                           "strike_cues", "idioms", "public_roles", "arson_cues"})


@cache
def load_scope() -> dict[str, tuple[str, ...]]:
    """The lists of ``data/events/scope.yaml`` (cached): sentence cues folded and padded (" robber",
    " war " for a cue written with a final space: the whole word), lemma lists as written."""
    text = resources.files("frontlines").joinpath("data/events/scope.yaml").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for key, vals in yaml.safe_load(text).items():
        if key in SENTENCE_CUES:
            out[key] = tuple(f" {fold(str(v))}" + (" " if str(v).endswith(" ") else "") for v in vals)
        else:
            out[key] = tuple(str(v) for v in vals)
    return out


@dataclass(frozen=True)
class Context:
    """What the rules read of one sentence: the span, its padded folded words, the trigger lexicon."""

    sent: Any
    padded: str
    lexicon: Lexicon

    def has(self, key: str) -> bool:
        """The sentence contains one of the cues of list ``key``."""
        return any(c in self.padded for c in load_scope()[key])

    @property
    def in_conflict(self) -> bool:
        """A conflict cue, or a non-state, protester or rioter actor, is in the sentence (a cue inside
        a phrase of ``conflict_exceptions`` is none: "a party drug laboratory", "a search party")."""
        text = self.padded
        for phrase in load_scope()["conflict_exceptions"]:
            text = text.replace(phrase, " ")
        return any(c in text for c in load_scope()["conflict"]) or \
            bool(classes_of(list(self.sent), self.lexicon) & CONFLICT_CLASSES)

    @property
    def dated(self) -> bool:
        """The sentence names a date or a time (:func:`dated`)."""
        return dated(self.sent)


def dated(sent: Any) -> bool:
    """The sentence names a date or a time (spaCy's DATE and TIME entities)."""
    return any(w.ent_type_ in ("DATE", "TIME") for w in sent)


def context(sent: Any, lexicon: Lexicon) -> Context:
    """The :class:`Context` of a sentence (a spaCy Span)."""
    return Context(sent, padded_text(words_of(sent)), lexicon)


@dataclass(frozen=True)
class ScopeRule:
    """A named rule that says a typing reports nothing in ACLED's scope (``applies(typing, ctx)``)."""

    name: str
    applies: Callable[[Typing, Context], bool]


def _trigger(t: Typing, ctx: Context) -> Any:
    return ctx.sent.doc[t.trigger_index]


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _verb_of(tok: Any) -> Any:
    """The verb a trigger tells of: a noun trigger's verb when it is that verb's subject or object
    ("attacks continued", "launched raids"), else the trigger itself."""
    return tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok


def _ordinary_crime(t: Typing, ctx: Context) -> bool:
    """Ordinary crime: a crime or police-procedure frame ("the accused", "a burglar", "police are
    investigating") and nothing political, organised or armed in the sentence (a crowd's violence
    against suspected criminals stays: ``crime_exempt_types``)."""
    lists = load_scope()
    without_cue = t.sub_event_type in lists["crime_without_cue_types"] and t.agent_class not in ARMED_CLASSES and \
        not _armed_subject_above(_trigger(t, ctx), ctx)
    return t.sub_event_type not in lists["crime_exempt_types"] and (ctx.has("crime") or without_cue) and \
        not ctx.in_conflict


def _armed_subject_above(tok: Any, ctx: Context) -> bool:
    """A state or armed subject of the trigger or of a verb above it ("police officers were accused
    of raping ..."; "the mother of a child who was raped says the police failed her" has none)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and classes_of([c], ctx.lexicon) & ARMED_CLASSES
               for a in [tok, *tok.ancestors] for c in a.children)


def _police_report(t: Typing, ctx: Context) -> bool:
    """A killing or assault the police report ("police say Ted was killed on Elm Street", "..., police
    said"), with no state or armed subject or agent in the trigger's clause (the police who say it
    are none) and nothing political, organised or armed in the sentence: crime news ("police said
    the officers shot a man" stays: the police are the agent; so does a blast: ``police_report_weapons``)."""
    if t.sub_event_type not in load_scope()["police_report_types"] or not ctx.has("police_report") or \
            ctx.in_conflict or ctx.has("police_report_weapons"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent") and classes_of(list(c.subtree), ctx.lexicon) & ARMED_CLASSES
                   for v in _clause_path(_trigger(t, ctx)) for c in v.children)


def _court(t: Typing, ctx: Context) -> bool:
    """Court proceedings: a lawsuit or trial frame ("the suit alleged", "told jurors") and nothing
    political, organised or armed in the sentence."""
    return t.sub_event_type not in load_scope()["crime_exempt_types"] and ctx.has("court") and not ctx.in_conflict


def _clause_path(tok: Any) -> list[Any]:
    """The trigger and the verbs it is coordinated with or the complement of, up to its clause's head
    ("allowed to seize the port and arrest its captain": arrest, seize, allowed)."""
    path = [tok]
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i and len(path) < 6:
        tok = tok.head
        path.append(tok)
    return path


def _simple_present(tok: Any) -> bool:
    """A verb in the simple present, active ("arrest") or passive ("are detained")."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in ("VBP", "VBZ"):
        return not auxes
    return tok.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in ("VBP", "VBZ")


def _hypothetical(t: Typing, ctx: Context) -> bool:
    """A verb trigger in a hypothetical clause: a modal on it or on the verb it is coordinated with
    or the complement of ("should be allowed to seize the port and arrest its captain"), a
    condition before it ("If arrested, ..."; "not confirmed if anyone was killed" asks and sets
    none), or a simple present in a relative clause ("the poachers the wardens arrest", "the
    station where vagrants are detained": a habit, no occurrence)."""
    tok = _trigger(t, ctx)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lists = load_scope()
    if tok.dep_ == "relcl" and _simple_present(tok):
        return True
    return any((c.dep_ == "aux" and _lemma(c) in lists["modal_lemmas"]) or
               (c.dep_ == "mark" and v.dep_ == "advcl" and v.i < v.head.i and _lemma(c) in lists["condition_lemmas"]) or
               (c.dep_ == "mark" and v.dep_ == "advcl" and _lemma(c) in lists["pending_lemmas"] and
                any(a.dep_ == "aux" and _lemma(a) in lists["modal_lemmas"] for a in v.head.children))
               for v in _clause_path(tok) for c in v.children)


def _state_described(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the simple present passive heading the sentence or a reported clause, in a
    sentence with no date ("Bree is surrounded by orcs", "the town is held by rebels"): a state
    described, no occurrence reported ("Bree was surrounded on Monday" stays)."""
    tok = _trigger(t, ctx)
    return tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp") and _simple_present(tok) and tok.tag_ == "VBN" and \
        not ctx.dated


def _habitual(t: Typing, ctx: Context) -> bool:
    """A trigger in a clause said to happen habitually ("wardens often detain vagrants", "in many
    cases the farmers fought", "deployed numerous times", no date named): an adverb of habit on the
    trigger or the verbs of its clause path (a noun trigger's: the verb it is the subject or object
    of; "in many cases" also on a verb coordinated after them: "were beaten and chased away in
    more than one case"); or any such occurrence ("police break up any brawls",
    "any attack on the convoy")."""
    lists = load_scope()
    tok = _trigger(t, ctx)
    verb = _verb_of(tok)
    generic = tok.children if tok.pos_ in ("NOUN", "PROPN") else (c for c in tok.children if c.dep_ == "dobj")
    if any(g.lower_ in lists["generic_determiners"] or
           any(d.dep_ == "det" and d.lower_ in lists["generic_determiners"] for d in g.children)
           for g in generic if g.dep_ in ("det", "dobj")):
        return True
    path = _clause_path(verb)
    shared = [c for v in path for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for v in [*path, *shared]:
        for c in v.children:
            if c.dep_ == "advmod" and _lemma(c) in lists["habitual_lemmas"] and v in path:
                return True
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and _lemma(g) in lists["habitual_cases"] and any(
                    a.lower_ in lists["habitual_quantifiers"] for a in g.subtree) for g in c.children):
                return True
            if c.dep_ == "npadvmod" and v in path and _lemma(c) == "time" and any(
                    a.lower_ in lists["habitual_times"] for a in c.children) and \
                    not ctx.dated:
                return True
    return False


def _intended(t: Typing, ctx: Context) -> bool:
    """A verb trigger that is the infinitive of a noun ("a request to deploy troops", "a bid to storm
    the gate", "grounds to attack", which the parser may take for a relative clause), or the gerund
    of a verb of considering ("looking at building a fort", "considered deploying troops"): an
    intention, a request or an attempt, not an occurrence (a protest's is its aim: "rallied at the
    palace to demand bread"). The infinitive of a time noun ("the zero hour to attack") dates a plan:
    modality reads it as planned."""
    tok = _trigger(t, ctx)
    if t.event_type == "Protests":
        return False
    if tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "pcomp"):
        above = tok.head.head if tok.dep_ == "pcomp" else tok.head
        return _lemma(above) in load_scope()["considering_lemmas"]
    return tok.tag_ == "VB" and tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and \
        _lemma(tok.head) not in load_scope()["plan_time_nouns"] and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _clausal_subject(t: Typing, ctx: Context) -> bool:
    """A trigger inside a clause that is the subject of "be" ("letting Rohan retake the fort was a
    mistake", "joining a brawl is a crime in Bree"): a topic, not a report. The
    trigger itself may be the subject ("Shelling kills two in Osgiliath")."""
    node = _trigger(t, ctx)
    for _ in range(16):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.dep_ in ("csubj", "csubjpass") and _lemma(node.head) == "be":
            return True
    return False


def _lone_attacker(t: Typing, ctx: Context) -> bool:
    """Mob violence by one person ("a man with a knife attacked ...") is no mob's: ordinary crime."""
    if t.sub_event_type != "Mob violence":
        return False
    tok = _trigger(t, ctx)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ == "NN" and _lemma(subj) not in load_scope()["collective_lemmas"] and \
        not any(c.dep_ == "conj" for c in subj.children)


def _prevented(t: Typing, ctx: Context) -> bool:
    """A violent trigger noun that is the object of a verb of preventing ("to prevent attacks"); a
    strategic development may be the prevention itself ("prevented a patrol from entering")."""
    tok = _trigger(t, ctx)
    return t.event_type in VIOLENT_TYPES and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
        _lemma(tok.head) in load_scope()["prevented_lemmas"]


def _endured(t: Typing, ctx: Context) -> bool:
    """An arrest or abduction noun that someone survived or endured ("who survived detention and
    torture"), or one that ends or is prolonged ("before his detention expired", "her detention was
    extended"): a person's past told, no new event."""
    tok = _trigger(t, ctx)
    if t.sub_event_type not in ("Arrests", "Abduction/forced disappearance") or tok.pos_ != "NOUN":
        return False
    lists = load_scope()
    return (tok.dep_ == "dobj" and _lemma(tok.head) in lists["endured_lemmas"]) or \
        (tok.dep_ in ("nsubj", "nsubjpass") and _lemma(tok.head) in lists["lapsing_lemmas"])


def _displaced_described(t: Typing, ctx: Context) -> bool:
    """A displacement verb in a relative clause on people ("two siblings, who were displaced from
    Bree, were seen with ..."): it says who they are, the sentence reports something else."""
    tok = _trigger(t, ctx)
    return t.sub_event_type == "Other" and tok.pos_ == "VERB" and tok.dep_ == "relcl" and \
        _lemma(tok) in load_scope()["displacement_lemmas"] and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in tok.children)


def _went_missing(t: Typing, ctx: Context) -> bool:
    """An abduction at "disappear" with no object, not passive: someone went missing or got away
    ("some 18 hours after he had disappeared"), nobody was made to disappear; not where the verb says
    the person vanished in the state's hands (``scope.yaml#vanishing_in_lemmas``: "disappeared in a
    police sweep")."""
    tok = _trigger(t, ctx)
    lists = load_scope()
    in_hands = any(c.dep_ == "prep" and c.lower_ in lists["vanishing_in_preps"] and
                   any(o.dep_ == "pobj" and _lemma(o) in lists["vanishing_in_lemmas"] for o in c.children)
                   for c in tok.children)
    return t.sub_event_type == "Abduction/forced disappearance" and tok.pos_ == "VERB" and \
        _lemma(tok) in lists["vanishing_lemmas"] and not in_hands and \
        not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.children)


def _signed_paper(t: Typing, ctx: Context) -> bool:
    """An agreement at a verb of signing whose object is no agreement ("a statement he signed",
    "signed a petition"): the object, the noun a relative clause of signing describes, or the
    passive subject."""
    lists = load_scope()
    tok = _trigger(t, ctx)
    if t.sub_event_type != "Agreement" or _lemma(tok) not in lists["signing_lemmas"]:
        return False
    signed = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("relcl", "acl"):
        signed.append(tok.head)
    return any(_lemma(c) in lists["signed_papers"] for c in signed)


def _laid_mines(t: Typing, ctx: Context) -> bool:
    """Explosives laid, not set off ("Gondor mined the ford"): an IED typing at a laying verb."""
    tok = _trigger(t, ctx)
    return t.sub_event_type == "Remote explosive/landmine/IED" and tok.pos_ == "VERB" and \
        _lemma(tok) in load_scope()["laying_lemmas"]


def _adjective(t: Typing, ctx: Context) -> bool:
    """A trigger word used as a plain adjective, not a participle ("stayed free", "an offensive
    remark"): it reports nothing. One-word triggers only ("small arms fire" is a phrase)."""
    tok = _trigger(t, ctx)
    return " " not in t.trigger.strip() and tok.tag_ == "JJ" and tok.dep_ in ("amod", "acomp", "oprd")


def _metaphor(t: Typing, ctx: Context) -> bool:
    """A verb trigger used figuratively or of no event: one with an abstract object ("shot down the
    proposal", "fought the bill", "the motion was handed over"; a protest's or an agreement's object
    is its topic), a fight against fires or ills ("fighting two fires"), one "captured on video", one
    won "by a margin" ("beating the rival by a wide margin"), or one followed by a set phrase
    ("marched in lockstep")."""
    lists = load_scope()
    tok = _trigger(t, ctx)
    if tok.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        for c in tok.children:
            if (c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")) and t.event_type != "Protests" and \
                    t.sub_event_type != "Agreement" and _lemma(c) in lists["abstract_objects"] and \
                    not t.trigger_start <= c.idx < t.trigger_end:
                return True
            if c.dep_ == "dobj" and _lemma(tok) in lists["ongoing_lemmas"] and _lemma(c) in lists["fought_objects"]:
                return True
            if c.dep_ == "prep" and c.lower_ == "on" and any(
                    _lemma(g) in lists["recording_media"] for g in c.children if g.dep_ == "pobj"):
                return True
            if c.dep_ == "prep" and c.lower_ == "by" and any(
                    _lemma(g) in lists["contest_margins"] for g in ctx.sent.doc[c.i + 1:min(c.i + 5, ctx.sent.end)]):
                return True
    after = padded_text(words_of(ctx.sent.doc[tok.i + 1:min(tok.i + 4, ctx.sent.end)]))
    return any(after.startswith(i) for i in lists["idioms"])


def _place_role(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "of" under a noun of a place's role ("the town was the centre of the
    protests", "the cradle of the revolt"): it says what the place is known for, no occurrence."""
    tok = _trigger(t, ctx)
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        _lemma(tok.head.head) in load_scope()["role_nouns"]


def _a_problem(t: Typing, ctx: Context) -> bool:
    """A trigger inside the phrase that names a problem ("we have had a problem with murals being
    destroyed", "the scourge of cattle raids"): a state of things, no occurrence."""
    node = _trigger(t, ctx)
    for _ in range(3):
        if node.dep_ in ("pcomp", "pobj") and node.head.lower_ in ("with", "of") and \
                _lemma(node.head.head) in load_scope()["problem_nouns"]:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _arms_trade(t: Typing, ctx: Context) -> bool:
    """A weapon noun that is traded, built or shown, not used ("bought 40 howitzers", "a drone
    deal"): a trade word up to four heads above the trigger noun (or the trigger modifier:
    "rocket-firing vehicles") of an explosion or strike, or the subject of a verb of contents above it
    ("the deal includes 40 howitzers")."""
    tok = _trigger(t, ctx)
    if t.event_type != "Explosions/Remote violence" or \
            (tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound")):
        return False
    trade = load_scope()["trade_lemmas"]
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if _lemma(node) in trade:
            return True
        if _lemma(node) in load_scope()["contents_lemmas"] and any(
                c.dep_ == "nsubj" and _lemma(c) in trade for c in node.children):  # "the deal includes 40 howitzers"
            return True
    return False


def _formal_complaint(t: Typing, ctx: Context) -> bool:
    """A protest that is a formal complaint ("filed a protest", "lodged a protest with the embassy")."""
    tok = _trigger(t, ctx)
    return t.event_type == "Protests" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
        _lemma(tok.head) in load_scope()["complaint_verbs"]


def _markets(t: Typing, ctx: Context) -> bool:
    """A rally or march of prices, not people ("oil prices rallied", "stocks marched higher", "the
    dollar extended its rally")."""
    if t.event_type != "Protests":
        return False
    tok = _trigger(t, ctx)
    markets = load_scope()["market_subjects"]
    heads = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
    return any(c.dep_ in ("nsubj", "nsubjpass") and (_lemma(c) in markets or c.lower_.rstrip("s") in markets)
               for h in heads for c in h.children)


def _people_acted_on(t: Typing, ctx: Context) -> bool:
    """A noun for people as the trigger ("protester", "vigilantes") that names no event: one
    person acted on (the object of a verb or of a preposition other than "of" or "by": "hitting
    the protester"), or people in a list with others ("a deadline for farmers, traders and
    vigilantes to hand in their guns"). Protesters acted on stay ("pushing demonstrators")."""
    tok = _trigger(t, ctx)
    people = load_scope()["people_triggers"]
    if tok.pos_ not in ("NOUN", "PROPN") or _lemma(tok) not in people:
        return False
    first = min([tok, *tok.conjuncts], key=lambda c: c.i)
    listed = [first, *(c for c in first.conjuncts if c.pos_ in ("NOUN", "PROPN"))]
    if len(listed) > 1 and any(_lemma(c) not in people for c in listed):
        return True
    acted_on = first.dep_ in ("dobj", "nsubjpass", "dative") or \
        (first.dep_ == "pobj" and first.head.lower_ not in load_scope()["agent_prepositions"])
    return tok.tag_ == "NN" and acted_on


def _protested_that(t: Typing, ctx: Context) -> bool:
    """One person who protests with a "that" clause objects in words, no demonstration ("he
    protested that he could not attend"; "workers protested that they were unpaid" stays)."""
    lists = load_scope()
    tok = _trigger(t, ctx)
    if t.event_type != "Protests" or tok.pos_ != "VERB" or _lemma(tok) not in lists["speech_lemmas"] or not any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in lists["speech_marks"] for m in c.children)
            for c in tok.children):
        return False
    subj = subject_of(tok)
    return subj is not None and subj.tag_ in ("PRP", "NNP", "NN") and subj.lower_ not in ("they", "we") and \
        _lemma(subj) not in lists["collective_lemmas"]


def _rallied_others(t: Typing, ctx: Context) -> bool:
    """A protest verb with a direct object mobilises others, it is no protest ("rallied his
    supporters", "rallied a thousand churches together")."""
    tok = _trigger(t, ctx)
    return t.event_type == "Protests" and tok.pos_ == "VERB" and _lemma(tok) in load_scope()["mobilising_lemmas"] \
        and any(c.dep_ == "dobj" for c in tok.children)


def _describes_actor(t: Typing, ctx: Context) -> bool:
    """A participle of fighting that describes an armed actor, no fight ("gunmen fighting for the
    regent", "forces battling the rebels"): what they do, not what happened."""
    tok = _trigger(t, ctx)
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and _lemma(tok) in load_scope()["ongoing_lemmas"] and \
        bool(classes_of([tok.head], ctx.lexicon) & ARMED_CLASSES)


def _lone_arrest(t: Typing, ctx: Context) -> bool:
    """An arrest of one person ("the man", "him", or a name: "Nuiry was arrested") in a sentence with
    nothing political, organised or armed in it (nor a public role, for a name): an ordinary arrest
    ("the dog took the man to the ground and he was arrested")."""
    if t.sub_event_type != "Arrests" or ctx.in_conflict:
        return False
    tok = _trigger(t, ctx)
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
    return _lemma(tok) in load_scope()["one_person_lemmas"] and tok.tag_ in ("NN", "PRP")


def _noncombat_aircraft(t: Typing, ctx: Context) -> bool:
    """Aircraft or drones on a surveillance, search or delivery mission, and nothing struck."""
    return t.sub_event_type == "Air/drone strike" and ctx.has("noncombat_aircraft") and not ctx.has("strike_cues")


def _under_modal(t: Typing, ctx: Context) -> bool:
    """A trigger (noun or verb) in a phrase or adverbial clause under a verb with a modal auxiliary
    ("troops would be needed to hold the fort following an attack", "they might split families when
    making arrests"): what could happen, no occurrence. The walk goes up through objects,
    prepositions, adverbial and complement clauses to the first clause head, and stops at a noun
    ("should publicise actions like last week's air strike" tells one); the trigger's own modal is
    :func:`_hypothetical`'s."""
    lists = load_scope()
    node = _trigger(t, ctx)
    for _ in range(8):
        if node.dep_ not in lists["modal_walk_deps"] or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and _lemma(c) in lists["modal_lemmas"]
                                                for c in node.children):
            return True
    return False


def _no_existence(t: Typing, ctx: Context) -> bool:
    """A trigger in a sentence that says there is none ("there are no demonstrators to protest",
    "there was no fighting"): "there" + "be" with a noun under "no" above or at the trigger."""
    node = _trigger(t, ctx)
    for a in [node, *node.ancestors]:
        if _lemma(a) == "be" and any(c.dep_ == "expl" for c in a.children) and any(
                c.dep_ in ("attr", "nsubj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in a.children):
            return True
    return False


def _figurative_compound(t: Typing, ctx: Context) -> bool:
    """A trigger noun in a compound whose head makes it a figure of speech ("battle lines are
    drawn", "a battle cry"): no fight."""
    tok = _trigger(t, ctx)
    return tok.dep_ == "compound" and _lemma(tok.head) in load_scope()["figurative_heads"]


def _listed_topic(t: Typing, ctx: Context) -> bool:
    """A bare trigger noun (no determiner, number, possessive or modifier) listed with nouns that
    name no event ("at risk for radicalization and recruitment", "talk guns, gear and shooting"):
    a topic, no occurrence ("shelling and gunfire" stays: both are triggers)."""
    tok = _trigger(t, ctx)
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or any(c.dep_ != "cc" and c.dep_ != "punct" for c in tok.children):
        return False
    listed = [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    doc = ctx.sent.doc
    return len(listed) > 0 and all(not ctx.lexicon.matches(doc[c.i:c.i + 1]) for c in listed)


def _permitted(t: Typing, ctx: Context) -> bool:
    """A verb trigger that is the infinitive of a verb of permitting ("laws that allow the army to
    arrest citizens", "empowers police to detain"), or a trigger noun that is its object ("signed
    an order to allow the deployment of rangers"): a power given, no occurrence."""
    tok = _trigger(t, ctx)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
        return _lemma(tok.head) in load_scope()["permitting_lemmas"]
    if tok.pos_ != "VERB" or tok.tag_ != "VB":
        return False
    path = _clause_path(tok)
    if path[-1].dep_ in ("ccomp", "oprd"):
        path.append(path[-1].head)
    return any(_lemma(v) in load_scope()["permitting_lemmas"] for v in path[1:])


def _bare(tok: Any) -> bool:
    """A noun with no determiner, number, possessive or predeterminer ("policemen", "forces")."""
    return not any(c.dep_ in ("det", "nummod", "poss", "predet") for c in tok.children)


def _bare_plural(tok: Any) -> bool:
    """A plural common noun with no determiner, number, possessive or list (:func:`_bare`)."""
    return tok.tag_ == "NNS" and _bare(tok) and not any(c.dep_ == "conj" for c in tok.children)


def _actor_participle(t: Typing, ctx: Context) -> bool:
    """A present participle of holding or moving around that describes an armed actor ("forces
    surrounding the town", "troops occupying the valley"): where they are, no new move."""
    tok = _trigger(t, ctx)
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and _lemma(tok) in load_scope()["describing_lemmas"] and \
        bool(classes_of([tok.head], ctx.lexicon) & ARMED_CLASSES)


def _beset(t: Typing, ctx: Context) -> bool:
    """A bare plural trigger noun (or one listed after it) under a participle of affliction, in a
    sentence with no date ("Gondor, beset with street protests and riots", "a region plagued by
    attacks"): a state described."""
    tok = _trigger(t, ctx)
    first = min([tok, *tok.conjuncts], key=lambda c: c.i)
    if tok.pos_ != "NOUN" or first.tag_ != "NNS" or first.dep_ != "pobj" or ctx.dated or \
            any(c.dep_ in ("det", "nummod", "poss") for c in first.children):
        return False
    verb = first.head.head
    return verb.tag_ == "VBN" and _lemma(verb) in load_scope()["afflicted_lemmas"]


def _span_of_years(t: Typing, ctx: Context) -> bool:
    """A sentence whose dates name two or more years and no month or day ("in 2014 and 2015, when
    ...", "between 2011 and 2013"): a period told, no specific occurrence."""
    dates = [w for w in ctx.sent if w.ent_type_ == "DATE"]
    years = {w.text for w in dates if w.like_num and len(w.text) == 4 and w.text[:2] in ("19", "20")}
    months = load_scope()["month_words"]
    return len(years) > 1 and not any(w.lower_.rstrip(".") in months for w in dates)


def _sweeping_subject(t: Typing, ctx: Context) -> bool:
    """A verb trigger whose subject is every or any one of a kind ("every single farmer was
    beaten", "any trader was robbed"), in a sentence with no date: a sweeping claim, no occurrence."""
    tok = _trigger(t, ctx)
    if tok.pos_ != "VERB" or ctx.dated:
        return False
    generic = load_scope()["generic_determiners"]
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in generic for d in c.children)
               for v in _clause_path(tok) for c in v.children)


def _figurative_modifier(t: Typing, ctx: Context) -> bool:
    """A trigger noun whose modifier makes it no act of violence ("cyber attacks", "a cyber-attack",
    "a trade war", "a legal battle", "a charm offensive"): the modifier is a child of the noun or
    the word before it, across a hyphen."""
    tok = _trigger(t, ctx)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    words = load_scope()["figurative_modifiers"]
    before = [ctx.sent.doc[tok.i - 2]] if tok.i >= 2 and ctx.sent.doc[tok.i - 1].text == "-" else []
    return any(c.lower_ in words for c in [*tok.children, *before] if c.i < tok.i)


def _participle_described(t: Typing, ctx: Context) -> bool:
    """An "Other" typing at a past participle that describes a noun ("a fund for the refugees
    displaced by the war"): who the people are, no new event."""
    tok = _trigger(t, ctx)
    return t.sub_event_type == "Other" and tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and \
        tok.head.pos_ in ("NOUN", "PROPN")


def _generic_present(t: Typing, ctx: Context) -> bool:
    """A trigger whose clause is a generic present ("when police make arrests, they ...", "soldiers
    kill farmers to clear the land"), in a sentence with no date and no place: what happens as a
    rule, no occurrence. The clause is the trigger verb's, or the verb a noun trigger is the subject
    or object of; generic where it is a simple present with a bare plural subject, or a simple
    present under "when"/"whenever" (any tense under "whenever")."""
    tok = _trigger(t, ctx)
    verb = _verb_of(tok)
    if verb.pos_ not in ("VERB", "AUX") or ctx.dated or any(w.ent_type_ in ("GPE", "LOC", "FAC") for w in ctx.sent):
        return False
    marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")]
    if verb.dep_ == "advcl" and ("whenever" in marks or ("when" in marks and _simple_present(verb))):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _simple_present(verb) and subj is not None and subj.i != tok.i and _bare_plural(subj)


def _cyber_target(t: Typing, ctx: Context) -> bool:
    """An attack on a computer, a server or an account ("the attack on the party's servers", "hacked
    and attacked her email"): a cyber attack, no violence. The trigger is a word of attacking
    (`cyber_attack_lemmas`: "destroying computers" is damage done); the target is the noun after "on"
    or "against" on a trigger noun, or a trigger verb's object."""
    tok = _trigger(t, ctx)
    targets = load_scope()["cyber_targets"]
    if _lemma(tok) not in load_scope()["cyber_attack_lemmas"]:
        return False
    if tok.pos_ in ("VERB", "AUX"):
        hit = [c for c in tok.children if c.dep_ == "dobj"]
    else:
        hit = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for g in c.children if g.dep_ == "pobj"]
    return any(_lemma(h) in targets for h in hit)


def _counterfactual(t: Typing, ctx: Context) -> bool:
    """A trigger (noun or verb) inside a condition whose main clause has a modal ("if any bomb was
    dropped today it would cause ...", "unless the army withdrew, rebels could take the town"): a
    hypothesis, no occurrence."""
    lists = load_scope()
    for a in [_trigger(t, ctx), *_trigger(t, ctx).ancestors]:
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and _lemma(c) in lists["condition_lemmas"] for c in a.children):
            return any(c.dep_ == "aux" and _lemma(c) in lists["modal_lemmas"] for c in a.head.children)
    return False


#: Sub-event types of territory changing hands.
TERRITORY_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _people_freed(t: Typing, ctx: Context) -> bool:
    """A territory typing at a verb whose object is people, not a place ("the court freed nine
    prisoners", "those expelled were diplomats"), with no place after a preposition on the verb
    ("expelled the militants from Bree" stays): people set free or sent away, no ground taken.
    People: a plural of a people or a creed (spaCy's NORP: "Islamists"), a pronoun, or a civilian of
    the trigger lexicon's classes (a person's name is not asked: the parser takes places for people)."""
    tok = _trigger(t, ctx)
    if t.sub_event_type not in TERRITORY_TYPES or tok.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "DET"):
        objects.append(tok.head)
    placed = any(w.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children if c.dep_ in ("prep", "advmod")
                 for w in c.subtree)
    return bool(objects) and not placed and all(_people(o, ctx) for o in objects)


def _people(tok: Any, ctx: Context) -> bool:
    """People, no place (:func:`_people_freed`)."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    return (tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")) or tok.lower_ in load_scope()["people_pronouns"] or \
        "civilian" in classes_of([tok], ctx.lexicon, as_target=True)


def _equipped(t: Typing, ctx: Context) -> bool:
    """A weapon noun after "with" on a verb of equipping that heads a clause ("the vehicles were
    fitted with machine guns", "Gondor armed them with rockets"): what someone carries, no use of it
    (a participle on a noun stays: "fired rockets fitted with a toxic gas")."""
    tok = _trigger(t, ctx)
    verb = tok.head.head
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "with" and \
        _lemma(verb) in load_scope()["equipping_lemmas"] and verb.dep_ not in ("acl", "amod")


def _person_past(t: Typing, ctx: Context) -> bool:
    """A violent verb trigger in the past perfect in a relative clause on a named person who did it
    ("a court released Hana, who had killed nine people in the 1970s"): it says who the person is,
    the sentence reports something else ("took out two gunmen who had opened fire on the convoy"
    tells the fight; a move told so may be the news: "fighters, who had joined the mutiny, left it")."""
    tok = _trigger(t, ctx)
    return t.event_type in VIOLENT_TYPES and tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.tag_ == "VBN" and \
        any(c.dep_ == "aux" and _lemma(c) == "have" and c.tag_ == "VBD" for c in tok.children) and \
        tok.head.tag_ == "NNP" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in tok.children)


def _remembered(t: Typing, ctx: Context) -> bool:
    """A trigger noun that is the object of a verb of remembering ("we all remember the protest of
    2014", "to commemorate the massacre"): a past event recalled, the sentence reports no new one."""
    tok = _trigger(t, ctx)
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and _lemma(tok.head) in load_scope()["remembering_lemmas"]


def _millions(t: Typing, ctx: Context) -> bool:
    """A trigger whose victims or doers are counted in millions ("millions of babies killed", "the
    wars killed millions"): a total, no specific occurrence. The count is the noun a participle
    trigger describes, a verb trigger's object or passive subject, or the noun above them after "of"."""
    tok = _trigger(t, ctx)
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if tok.dep_ in ("acl", "amod"):
        nouns.append(tok.head)
    nouns += [n.head.head for n in nouns if n.dep_ == "pobj" and n.head.lower_ == "of"]
    return any(_lemma(n) in load_scope()["multitude_lemmas"] for n in nouns)


def _victims_counted(t: Typing, ctx: Context) -> bool:
    """A participle trigger on "those" counted by a number ("149 of those killed were unarmed"): who
    the victims were, a statistic told of an event reported elsewhere."""
    tok = _trigger(t, ctx)
    those = tok.head
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and those.lower_ == "those" and those.dep_ == "pobj" and \
        those.head.lower_ == "of" and those.head.head.like_num


def _sought(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "for" on a verb of asking or pressing ("the steward pushes for the deployment
    of rangers", "called for a ceasefire", "pressed for the release of the prisoners"): what someone wants, no
    occurrence."""
    tok = _trigger(t, ctx)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and _lemma(verb) in load_scope()["seeking_lemmas"]


def _litany(t: Typing, ctx: Context) -> bool:
    """A verb trigger whose clause opens the sentence with "First they" or "Then they" ("Then they
    burned the barns of the farmers ..."), in a text that names no date or time up to it: a
    rhetorical enumeration of what "they" do, no specific occurrence (a dated report stays: "On
    Monday orcs crossed the river. Then they burned the farms.")."""
    tok = _trigger(t, ctx)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    verb = tok
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    lists = load_scope()
    opener = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lists["litany_openers"]]
    subject = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in lists["litany_subjects"]]
    first = ctx.sent.start + (1 if ctx.sent[0].lower_ in ("and", "but") else 0)
    if not opener or not subject or opener[0].i != first:
        return False
    return not any(w.ent_type_ in ("DATE", "TIME") for w in ctx.sent.doc[:ctx.sent.end])


def _plotted(t: Typing, ctx: Context) -> bool:
    """A trigger in the infinitive of a verb of plotting, or in a phrase under it ("an orc who
    plotted to kill farmers in a bomb attack", "conspired to bomb the bridge"): a plan, no
    occurrence."""
    a = _trigger(t, ctx)
    for _ in range(8):
        if a.dep_ == "xcomp" and a.tag_ == "VB":
            return _lemma(a.head) in load_scope()["plotting_lemmas"]
        if a.dep_ not in ("prep", "pobj", "dobj", "compound", "conj") or a.head.i == a.i:
            return False
        a = a.head
    return False


def _on_duty(t: Typing, ctx: Context) -> bool:
    """A bare trigger noun after "on" ("rangers on patrol answered a call about a fire", "soldiers on
    deployment"): what the people are doing, no deployment or move reported (only for the types of
    ``duty_types``: "workers on strike" is a protest)."""
    tok = _trigger(t, ctx)
    return t.sub_event_type in load_scope()["duty_types"] and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "on" and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)


def _first_person_victim(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the passive whose subject is "I", with no agent, in a sentence with no
    conflict cue, non-state, protester or rioter actor ("I was stabbed in Bree in the
    spring of 1990", "I was arrested outside the inn"): one person's own story, no political violence told ("I was
    shot by soldiers" and "I was shot at the protest" stay)."""
    tok = _trigger(t, ctx)
    if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(s.lower_ in load_scope()["first_person_victims"] for s in subjects) and \
        not ctx.in_conflict


def _finder_described(t: Typing, ctx: Context) -> bool:
    """A verb of finding in a relative clause whose subject is the relative pronoun ("the miller
    who found the bodies of the rangers moved to Bree"): it says who found them, the sentence
    reports something else ("bodies that were found in Bree" stays: the bodies are the subject)."""
    tok = _trigger(t, ctx)
    return tok.pos_ == "VERB" and tok.dep_ == "relcl" and _lemma(tok) in load_scope()["finding_lemmas"] and \
        any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children)


def _verb_above(tok: Any) -> Any:
    """The verb a trigger noun is the object of, directly or after a preposition ("stay on strike":
    stay; "join the march": join), else the trigger itself."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return _verb_of(tok)


def _exhortation(t: Typing, ctx: Context) -> bool:
    """A trigger in an imperative clause: a bare verb with no subject and no auxiliary heading the
    sentence or a reported clause ("I say stay on strike!", "Join the march on Minas Tirith!"): a
    call to act, no occurrence ("the dockers stayed on strike" stays)."""
    verb = _verb_above(_trigger(t, ctx))
    return verb.tag_ == "VB" and verb.dep_ in ("ROOT", "ccomp") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


def _gerund_topic(t: Typing, ctx: Context) -> bool:
    """A bare plural trigger noun that is the object of a gerund after a preposition of topic, in a
    sentence with no date ("the power they have in organizing rallies", "known for staging raids"):
    an activity named, no occurrence ("after storming the gate on Monday", "by firing rockets" stay)."""
    tok = _trigger(t, ctx)
    gerund = tok.head
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _bare_plural(tok) and gerund.tag_ == "VBG" and \
        gerund.dep_ == "pcomp" and gerund.head.lower_ in load_scope()["topic_prepositions"] and not ctx.dated


def _diplomatic_move(t: Typing, ctx: Context) -> bool:
    """A strategic development (``diplomatic_types``) whose subjects are all envoys or their families
    ("the first group of expelled envoys and their families left the embassy"; a group's members after
    "of"): diplomacy, no move of a conflict party ("Gondor troops left the fort" stays)."""
    lists = load_scope()
    if t.sub_event_type not in lists["diplomatic_types"]:
        return False
    verb = _verb_of(_trigger(t, ctx))
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [g for s in list(subjects) for g in s.conjuncts]
    people = [next((g for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), s) if _lemma(s) in lists["collective_lemmas"] else s for s in subjects]
    return bool(people) and all(_lemma(p) in lists["envoy_lemmas"] for p in people)


def _forced_entry(t: Typing, ctx: Context) -> bool:
    """Property destruction whose objects are all doors or locks ("the tactical team destroyed the door
    of the room where the gunman was"): a way in forced, no destruction of property ("burned the town
    hall" stays)."""
    if t.sub_event_type != "Looting/property destruction":
        return False
    verb = _verb_of(_trigger(t, ctx))
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(_lemma(o) in load_scope()["entry_nouns"] for o in objects)


def _natural_cause(t: Typing, ctx: Context) -> bool:
    """Property destruction whose doer is a fire or a force of nature (``natural_forces``: "a fire at the
    bakery destroyed the shop", "the storm damaged homes") in a sentence naming no arson (``arson_cues``:
    "a fire set by the raiders destroyed the hall" stays): an accident or a disaster, nobody's act."""
    if t.sub_event_type != "Looting/property destruction" or ctx.has("arson_cues"):
        return False
    verb = _verb_of(_trigger(t, ctx))
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return bool(doers) and all(_lemma(d) in load_scope()["natural_forces"] for d in doers)


def _aspect_of(t: Typing, ctx: Context) -> bool:
    """A strategic development (``aspect_types``) named after "of" under a noun of one of its
    aspects (``aspect_nouns``: "the number of troops, the duration of their deployment and the
    cost"), in a sentence with no date: a plan's terms discussed, no move reported."""
    tok = _trigger(t, ctx)
    lists = load_scope()
    return t.sub_event_type in lists["aspect_types"] and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "of" and _lemma(tok.head.head) in lists["aspect_nouns"] and not ctx.dated


def _characterised(t: Typing, ctx: Context) -> bool:
    """A strategic development (``aspect_types``) named after "as" on a verb of describing
    (``describing_verbs``: "to meet what it described as a dangerous military build-up"): how
    someone calls a state of things, no move reported ("Gondor deployed troops, described as a
    build-up" reports the deployment at "deployed")."""
    tok = _trigger(t, ctx)
    lists = load_scope()
    return t.sub_event_type in lists["aspect_types"] and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "as" and _lemma(tok.head.head) in lists["describing_verbs"]


def _under_construction(t: Typing, ctx: Context) -> bool:
    """A base (``construction_types``) at a verb in the progressive, in a sentence with no date
    ("Rohan was building an alternative naval base in the north"): work going on, no base
    established yet ("orcs were setting up a camp near Bree on Monday" stays)."""
    tok = _trigger(t, ctx)
    return t.sub_event_type in load_scope()["construction_types"] and tok.tag_ == "VBG" and \
        any(c.dep_ == "aux" and _lemma(c) == "be" for c in tok.children) and not ctx.dated


def _means_gerund(t: Typing, ctx: Context) -> bool:
    """A gerund trigger after a preposition on a noun of purpose or means (``means_nouns``: "the
    footage is an aid to apprehending a suspect", "a tool for capturing towns"): what something is
    for, no occurrence ("in the course of storming the village" stays)."""
    tok = _trigger(t, ctx)
    prep = tok.head
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and \
        _lemma(prep.head) in load_scope()["means_nouns"]


#: Entity labels that anchor an event to one occurrence: a date or time, a place, a named person or organisation.
ANCHOR_ENTITIES = {"DATE": "date", "TIME": "date", "GPE": "place", "LOC": "place", "FAC": "place",
                   "PERSON": "named", "ORG": "named", "CARDINAL": "count", "QUANTITY": "count"}
#: Pronouns of a first-person account (a witness).
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
#: Determiners that refer back to one incident ("the attack", "this raid").
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def anchors(t: Typing, ctx: Context) -> frozenset[str]:
    """What ties a typing to one specific occurrence: in the sentence a date or time, a place, a named
    person or organisation (or any proper noun), a number, a first-person account; a trigger, object or
    prepositional object that refers back to one thing ("the attack", "Sunday's raid", "dispersed the
    crowd"); or a date or place in an earlier sentence of the text (a report's later sentences).
    Empty: a narrative or generic statement."""
    out = {ANCHOR_ENTITIES[w.ent_type_] for w in ctx.sent if w.ent_type_ in ANCHOR_ENTITIES}
    if any(w.like_num and not w.ent_type_ for w in ctx.sent):
        out.add("count")
    if any(w.pos_ == "PROPN" and w.ent_type_ not in ("DATE", "TIME") for w in ctx.sent):
        out.add("named")
    if any(w.lower_ in FIRST_PERSON and w.pos_ == "PRON" for w in ctx.sent):
        out.add("first-person")
    tok = _trigger(t, ctx)
    verb = _verb_of(tok)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(definite_noun(w) for w in [tok, *objects]):
        out.add("definite")
    doc = ctx.sent.doc
    if any(w.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for w in doc[:ctx.sent.start]):
        out.add("context")
    return frozenset(out)


def definite_noun(tok: Any) -> bool:
    """A noun that refers back to one thing: "the attack", "this raid", "Sunday's raid", "the crowd"."""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE)
                                                 for c in tok.children)


def _unanchored(t: Typing, ctx: Context) -> bool:
    """A typing with nothing that ties it to one occurrence (:func:`anchors`) whose doer or victim is
    a bare plural ("terrorists slaughtered policemen", "sent in forces to occupy the region"): a
    narrative or generic statement, no specific occurrence."""
    tok = _trigger(t, ctx)
    verb = _verb_of(tok)
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [g for c in verb.children if c.dep_ in ("agent", "prt") for g in c.children if g.dep_ == "pobj"]
    return any(a.tag_ in ("NNS", "NNPS") and _bare(a) for a in args) and not anchors(t, ctx)


def _violence_named(text: str) -> bool:
    """A sign that a death was dealt by someone (``scope.yaml#violence_signs``) in padded folded words,
    not counting the accident cues themselves ("a heart attack" is no attack)."""
    lists = load_scope()
    for cue in lists["accident"]:
        text = text.replace(cue, " ")
    return any(c in text for c in lists["violence_signs"])


def _accident(t: Typing, ctx: Context) -> bool:
    """An act of violence (``accident_types``) in a sentence that names an accident, a disaster or a
    natural death (``scope.yaml#accident``: "a building collapsed, killing four people", "three
    drowned when the ferry capsized") with no sign of violence in it (``violence_signs``) and no state
    or armed subject of the trigger or a verb above it: ACLED codes no accident."""
    if t.event_type not in load_scope()["accident_types"] or not ctx.has("accident"):
        return False
    return not _violence_named(ctx.padded) and not _armed_subject_above(_trigger(t, ctx), ctx)


def _bare_body(t: Typing, ctx: Context) -> bool:
    """An Attack told only by a body found (``scope.yaml#body_lemmas``: "the bodies of two walkers were
    found on the path") in a sentence with no conflict cue, in a report that tells no sign of violence
    anywhere (``violence_signs``, ``body_signs``: "... a body was found. It was burned." stays): a death
    nobody is yet told to have dealt (an accident, an illness, a crime unsolved)."""
    tok = _trigger(t, ctx)
    if t.sub_event_type != "Attack" or tok.pos_ not in ("NOUN", "PROPN") or \
            _lemma(tok) not in load_scope()["body_lemmas"] or ctx.in_conflict:
        return False
    report = padded_text(words_of(ctx.sent.doc[:]))
    return not _violence_named(report) and not any(c in report for c in load_scope()["body_signs"])


#: The rules, in the order they are tried; the first that applies rejects the typing.
SCOPE_RULES: tuple[ScopeRule, ...] = (
    ScopeRule("ordinary-crime", _ordinary_crime),
    ScopeRule("police-report", _police_report),
    ScopeRule("court", _court),
    ScopeRule("lone-attacker", _lone_attacker),
    ScopeRule("hypothetical", _hypothetical),
    ScopeRule("habitual", _habitual),
    ScopeRule("state-described", _state_described),
    ScopeRule("intended", _intended),
    ScopeRule("clausal-subject", _clausal_subject),
    ScopeRule("adjective", _adjective),
    ScopeRule("prevented", _prevented),
    ScopeRule("laid-mines", _laid_mines),
    ScopeRule("endured", _endured),
    ScopeRule("signed-paper", _signed_paper),
    ScopeRule("went-missing", _went_missing),
    ScopeRule("displaced-described", _displaced_described),
    ScopeRule("metaphor", _metaphor),
    ScopeRule("place-role", _place_role),
    ScopeRule("a-problem", _a_problem),
    ScopeRule("arms-trade", _arms_trade),
    ScopeRule("formal-complaint", _formal_complaint),
    ScopeRule("markets", _markets),
    ScopeRule("noncombat-aircraft", _noncombat_aircraft),
    ScopeRule("people-acted-on", _people_acted_on),
    ScopeRule("describes-actor", _describes_actor),
    ScopeRule("lone-arrest", _lone_arrest),
    ScopeRule("rallied-others", _rallied_others),
    ScopeRule("protested-that", _protested_that),
    ScopeRule("under-modal", _under_modal),
    ScopeRule("no-existence", _no_existence),
    ScopeRule("figurative-compound", _figurative_compound),
    ScopeRule("listed-topic", _listed_topic),
    ScopeRule("permitted", _permitted),
    ScopeRule("actor-participle", _actor_participle),
    ScopeRule("beset", _beset),
    ScopeRule("span-of-years", _span_of_years),
    ScopeRule("sweeping-subject", _sweeping_subject),
    ScopeRule("figurative-modifier", _figurative_modifier),
    ScopeRule("participle-described", _participle_described),
    ScopeRule("generic-present", _generic_present),
    ScopeRule("unanchored", _unanchored),
    ScopeRule("cyber-target", _cyber_target),
    ScopeRule("counterfactual", _counterfactual),
    ScopeRule("people-freed", _people_freed),
    ScopeRule("equipped", _equipped),
    ScopeRule("person-past", _person_past),
    ScopeRule("remembered", _remembered),
    ScopeRule("millions", _millions),
    ScopeRule("victims-counted", _victims_counted),
    ScopeRule("sought", _sought),
    ScopeRule("litany", _litany),
    ScopeRule("plotted", _plotted),
    ScopeRule("on-duty", _on_duty),
    ScopeRule("first-person-victim", _first_person_victim),
    ScopeRule("finder-described", _finder_described),
    ScopeRule("accident", _accident),
    ScopeRule("bare-body", _bare_body),
    ScopeRule("exhortation", _exhortation),
    ScopeRule("gerund-topic", _gerund_topic),
    ScopeRule("diplomatic-move", _diplomatic_move),
    ScopeRule("forced-entry", _forced_entry),
    ScopeRule("natural-cause", _natural_cause),
    ScopeRule("aspect-of", _aspect_of),
    ScopeRule("characterised", _characterised),
    ScopeRule("under-construction", _under_construction),
    ScopeRule("means-gerund", _means_gerund),
)


def out_of_scope(t: Typing, ctx: Context) -> str | None:
    """The name of the first scope rule that rejects the typing, if any."""
    return next((r.name for r in SCOPE_RULES if r.applies(t, ctx)), None)
