"""Who people are, not what happened: a participle or relative clause that describes people
or an armed actor, people named by the trigger noun, people set free or sent away, envoys who move,
people on duty, a business or an owner that acts on its own affairs."""

from __future__ import annotations

from typing import Any

from ...deptree import NOMINALS, ascent, climb, first_conjunct, of_head, of_object
from ..roles import classes_of
from ..typings import Typing
from .base import ARMED_CLASSES, VIOLENT_TYPES, Context, ScopeRule, lemma, load_scope, trigger_of, verb_of


def _displaced_described(t: Typing, ctx: Context) -> bool:
    """A displacement verb in a relative clause on people ("two siblings, who were displaced from
    Bree, were seen with ..."): it says who they are, the sentence reports something else."""
    tok = trigger_of(t, ctx)
    return t.sub_event_type == "Other" and tok.pos_ == "VERB" and tok.dep_ == "relcl" and \
        lemma(tok) in load_scope()["displacement_lemmas"] and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in tok.children)


def _afflicted_by(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "by" on a participle of displacement or harm (``afflicting_lemmas``) that
    describes a noun, with no date in the participle's phrase ("food for families displaced by the
    fighting", "aid to areas affected by the conflict"): who or what the noun is, the sentence reports
    something else ("families displaced by fighting on Monday" stays)."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ != "by":
        return False
    part = tok.head.head
    return part.tag_ == "VBN" and part.dep_ == "acl" and lemma(part) in load_scope()["afflicting_lemmas"] and \
        not any(w.ent_type_ in ("DATE", "TIME") for w in part.subtree)


def _refugees_from(t: Typing, ctx: Context) -> bool:
    """A trigger noun after "from" on a noun of people displaced (``refugee_nouns``), with no date in the phrase
    ("take in 2,000 refugees from the fighting in Esgaroth"): who the people are, the sentence reports something
    else."""
    tok = trigger_of(t, ctx)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ != "from":
        return False
    head = tok.head.head  # the noun, or the verb whose object it is ("take in refugees from the fighting")
    nouns = [head, *(c for c in head.children if c.dep_ == "dobj")] if head.pos_ == "VERB" else [head]
    return any(lemma(n) in load_scope()["refugee_nouns"] for n in nouns) and \
        not any(w.ent_type_ in ("DATE", "TIME") for w in tok.head.subtree)


def _people_named(t: Typing, ctx: Context) -> bool:
    """A violent trigger that is a participle or adjective used as a noun for people, after "the"
    ("helicopters evacuated the wounded", "the dead were buried on Friday"): who the people are; the
    sentence reports what was done for them, not the violence ("the wounded were shot" reports it at
    "shot")."""
    tok = trigger_of(t, ctx)
    return t.event_type in VIOLENT_TYPES and tok.tag_ in ("VBN", "JJ") and \
        tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _participle_described(t: Typing, ctx: Context) -> bool:
    """An "Other" typing at a past participle that describes a noun ("a fund for the refugees
    displaced by the war"): who the people are, no new event."""
    tok = trigger_of(t, ctx)
    return t.sub_event_type == "Other" and tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and \
        tok.head.pos_ in ("NOUN", "PROPN")


def _describes_actor(t: Typing, ctx: Context) -> bool:
    """A participle of fighting that describes an armed actor, no fight ("gunmen fighting for the
    regent", "forces battling the rebels"): what they do, not what happened."""
    tok = trigger_of(t, ctx)
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and lemma(tok) in load_scope()["ongoing_lemmas"] and \
        bool(classes_of([tok.head], ctx.lexicon) & ARMED_CLASSES)


def _actor_participle(t: Typing, ctx: Context) -> bool:
    """A present participle of holding or moving around that describes an armed actor ("forces
    surrounding the town", "troops occupying the valley"): where they are, no new move."""
    tok = trigger_of(t, ctx)
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and lemma(tok) in load_scope()["describing_lemmas"] and \
        bool(classes_of([tok.head], ctx.lexicon) & ARMED_CLASSES)


def _person_past(t: Typing, ctx: Context) -> bool:
    """A violent verb trigger in the past perfect in a relative clause on a named person who did it
    ("a court released Hana, who had killed nine people in the 1970s"): it says who the person is,
    the sentence reports something else ("took out two gunmen who had opened fire on the convoy"
    tells the fight; a move told so may be the news: "fighters, who had joined the mutiny, left it")."""
    tok = trigger_of(t, ctx)
    return t.event_type in VIOLENT_TYPES and tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.tag_ == "VBN" and \
        any(c.dep_ == "aux" and lemma(c) == "have" and c.tag_ == "VBD" for c in tok.children) and \
        tok.head.tag_ == "NNP" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in tok.children)


def _person_backstory(t: Typing, ctx: Context) -> bool:
    """A violent trigger noun that is the object of a verb in a relative clause on a person ("the minister, who
    survived an assassination attempt in 2019, resigned") dated by a year and nothing finer: it says who the person is,
    the sentence reports something else ("the mayor, who survived an attack on Monday, ..." stays, and so does an undated
    clause: "his parents, who lived through the bombing", a later mention of the incident)."""
    tok = trigger_of(t, ctx)
    verb = tok.head
    if t.event_type not in VIOLENT_TYPES or tok.pos_ not in NOMINALS or tok.dep_ != "dobj" or verb.dep_ != "relcl":
        return False
    dates = [w for w in verb.subtree if w.ent_type_ in ("DATE", "TIME")]
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in verb.children) and bool(dates) and \
        all(w.like_num and len(w.text) == 4 for w in dates)


def _bereaved_described(t: Typing, ctx: Context) -> bool:
    """A violent verb trigger in a relative clause on people opened by "whose" ("three mothers whose
    sons were killed by smugglers"), with no date in the clause and no conflict cue, non-state, protester
    or rioter actor in the sentence: it says who the bereaved are, the sentence reports something else
    ("families whose sons were killed by militants on Monday" stays)."""
    tok = trigger_of(t, ctx)
    if t.event_type not in VIOLENT_TYPES or tok.pos_ != "VERB" or tok.dep_ != "relcl" or ctx.in_conflict:
        return False
    whose = any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "whose" for g in c.children)
                for c in tok.children)
    return whose and not any(w.ent_type_ in ("DATE", "TIME") for w in tok.subtree)


def _finder_described(t: Typing, ctx: Context) -> bool:
    """A verb of finding in a relative clause whose subject is the relative pronoun ("the miller
    who found the bodies of the rangers moved to Bree"): it says who found them, the sentence
    reports something else ("bodies that were found in Bree" stays: the bodies are the subject)."""
    tok = trigger_of(t, ctx)
    return tok.pos_ == "VERB" and tok.dep_ == "relcl" and lemma(tok) in load_scope()["finding_lemmas"] and \
        any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children)


def _people_acted_on(t: Typing, ctx: Context) -> bool:
    """A noun for people as the trigger ("protester", "vigilantes") that names no event: one
    person acted on (the object of a verb or of a preposition other than "of" or "by": "hitting
    the protester"), or people in a list with others ("a deadline for farmers, traders and
    vigilantes to hand in their guns"). Protesters acted on stay ("pushing demonstrators")."""
    tok = trigger_of(t, ctx)
    people = load_scope()["people_triggers"]
    if tok.pos_ not in ("NOUN", "PROPN") or lemma(tok) not in people:
        return False
    first = min([tok, *tok.conjuncts], key=lambda c: c.i)
    listed = [first, *(c for c in first.conjuncts if c.pos_ in ("NOUN", "PROPN"))]
    if len(listed) > 1 and any(lemma(c) not in people for c in listed):
        return True
    acted_on = first.dep_ in ("dobj", "nsubjpass", "dative") or \
        (first.dep_ == "pobj" and first.head.lower_ not in load_scope()["agent_prepositions"])
    return tok.tag_ == "NN" and acted_on


#: Sub-event types of territory changing hands.
TERRITORY_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _people_freed(t: Typing, ctx: Context) -> bool:
    """A territory typing at a verb whose object is people, not a place ("the court freed nine
    prisoners", "those expelled were diplomats"), with no place after a preposition on the verb
    ("expelled the militants from Bree" stays): people set free or sent away, no ground taken.
    People: a plural of a people or a creed (spaCy's NORP: "Islamists"), a pronoun, or a civilian of
    the trigger lexicon's classes (a person's name is not asked: the parser takes places for people)."""
    tok = trigger_of(t, ctx)
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


def _diplomatic_move(t: Typing, ctx: Context) -> bool:
    """A strategic development (``diplomatic_types``) whose subjects are all envoys or their families
    ("the first group of expelled envoys and their families left the embassy"; a group's members after
    "of"): diplomacy, no move of a conflict party ("Gondor troops left the fort" stays)."""
    lists = load_scope()
    if t.sub_event_type not in lists["diplomatic_types"]:
        return False
    verb = verb_of(trigger_of(t, ctx))
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [g for s in list(subjects) for g in s.conjuncts]
    people = [next((g for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), s) if lemma(s) in lists["collective_lemmas"] else s for s in subjects]
    return bool(people) and all(lemma(p) in lists["envoy_lemmas"] for p in people)


def _on_duty(t: Typing, ctx: Context) -> bool:
    """A bare trigger noun after "on" ("rangers on patrol answered a call about a fire", "soldiers on
    deployment"): what the people are doing, no deployment or move reported (only for the types of
    ``duty_types``: "workers on strike" is a protest)."""
    tok = trigger_of(t, ctx)
    return t.sub_event_type in load_scope()["duty_types"] and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "on" and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)


def _diplomatic_measure(t: Typing, ctx: Context) -> bool:
    """A strategic development (``diplomatic_types``) at a verb whose direct object is a measure of diplomacy
    (``diplomatic_measures``: "imposed sanctions on three commanders", "extended the arms embargo"): a state's
    measure against another, no move of a conflict party ("imposed a curfew" stays)."""
    lists = load_scope()
    if t.sub_event_type not in lists["diplomatic_types"]:
        return False
    verb = verb_of(trigger_of(t, ctx))
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(lemma(o) in lists["diplomatic_measures"] for o in objects)


def _nonforce_object(t: Typing, ctx: Context) -> bool:
    """A strategic development (``diplomatic_types``) or a territory taken at a verb whose direct objects are all no
    force or place (``nonforce_objects``: "handed out medals", "had met the conditions set two years ago", "met his
    counterpart", "resumed peace talks", "expelled the military attache"): an honour, a duty, a word, a meeting or an
    envoy, no move of a conflict party ("sent troops", "expelled the rebels from the town" stay)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if (t.sub_event_type not in lists["diplomatic_types"] and t.sub_event_type not in TERRITORY_TYPES) or \
            tok.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(lemma(o) in lists["nonforce_objects"] for o in objects)


def _measure_lifted(t: Typing, ctx: Context) -> bool:
    """A strategic development (``diplomatic_types``) that is a measure of control (``lifted_measures``: a curfew,
    a lockdown) lifted or eased (``lifting_lemmas``): the object or subject of such a verb ("authorities lifted the
    curfew", "the curfew was lifted", "the lockdown ended"), the object of "of" after such a noun ("the easing of the
    lockdown"), or such a verb trigger whose objects are all measures: a return to normal, no new occurrence
    ("imposed a curfew" stays)."""
    lists = load_scope()
    if t.sub_event_type not in lists["diplomatic_types"]:
        return False
    tok = trigger_of(t, ctx)
    measures, lifting = lists["lifted_measures"], lists["lifting_lemmas"]
    if tok.pos_ in ("VERB", "AUX"):  # "lifted the curfew"; "announced the lifting of the curfew"
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma(tok) not in lifting:
            objects = [g for o in objects if lemma(o) in lifting for p in o.children if p.dep_ == "prep" and
                       p.lower_ == "of" for g in p.children if g.dep_ == "pobj"] if objects else []
        return bool(objects) and all(lemma(o) in measures for o in objects)
    head = tok
    for head in ascent(tok, lambda t: t.dep_ in ("compound", "pobj", "prep")):
        if head.pos_ == "NOUN" and lemma(head) in lifting:  # "the lifting of the curfew"
            return lemma(tok) in measures
    return lemma(tok) in measures and head.dep_ in ("dobj", "nsubj", "nsubjpass") and lemma(head.head) in lifting


def _measure_history(t: Typing, ctx: Context) -> bool:
    """A strategic development (``diplomatic_types``) at a verb in a clause that tells the past of what is lifted or
    eased (``lifting_lemmas``): an adverbial clause on such a verb ("lifted the curfew, a month after it was imposed")
    or a participle or relative clause on its object ("removing the checkpoints set up last month"): the measure's
    backstory, no new occurrence."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.sub_event_type not in lists["diplomatic_types"] or tok.pos_ != "VERB" or \
            not (tok.dep_ in ("advcl", "acl", "relcl") or (tok.dep_ == "ccomp" and tok.tag_ == "VBN")):
        return False  # a participle parsed as a complement ("removing the checkpoints set up last week")
    head = climb(tok.head, lambda t: t.pos_ != "VERB" and t.dep_ in ("pobj", "prep", "dobj", "nsubjpass"),
                 limit=4)  # up from the object the clause is on ("some of the checkpoints") to its verb
    return head.pos_ == "VERB" and lemma(head) in lists["lifting_lemmas"]


def _accord_backstory(t: Typing, ctx: Context) -> bool:
    """An Agreement trigger that frames another act: a noun after "under" ("granted an amnesty under the peace
    deal", "withdrew its troops under a deal brokered by Dale"; ``accord_frame_preps``), or a participle describing
    a noun that is no accord ("a resettlement scheme agreed with the UN"; one describing an accord, ``accord_nouns``,
    is judged as that noun): the accord is the backstory, no agreement reached. It stays where the act it frames is
    one agreed (``agreeing_lemmas``: "agreed to pull back under a deal signed in Esgaroth") and where it is an
    exchange or swap."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Agreement":
        return False
    lists = load_scope()
    if tok.pos_ == "VERB":
        if not (tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl"):  # VBD: a misparse of the participle
            return False
        if lemma(tok.head) not in lists["accord_nouns"]:
            return True
        tok = tok.head
    tok = climb(tok, lambda t: t.dep_ == "compound" or of_object(t, head_pos=("NOUN",)),
                hop=lambda t: t.head if t.dep_ == "compound" else of_head(t))  # "under the terms of the peace deal"
    if tok.dep_ != "pobj" or tok.head.lower_ not in lists["accord_frame_preps"]:
        return False
    agreed = any(lemma(v) in lists["agreeing_lemmas"] for v in [tok.head.head, *tok.head.head.ancestors])
    return not agreed and not any(lemma(w) in lists["exchange_nouns"] for w in tok.subtree)


def _objects_of(verb: Any) -> list[Any]:
    """The direct objects of a verb, with their conjuncts ("seized documents and computers")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    return found + [c for o in found for c in o.conjuncts]


def _body_dissolved(t: Typing, ctx: Context) -> bool:
    """A Change to group/activity at a verb of dissolving or banning (``dissolving_lemmas``) whose objects are all
    civil bodies (``civil_bodies``: "dissolved the main opposition party", "a decree dissolving the municipal
    councils"): a political measure, no armed group changed ("disbanded the militia" stays)."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Change to group/activity" or tok.pos_ != "VERB" or lemma(tok) not in lists["dissolving_lemmas"]:
        return False
    objects = _objects_of(tok)
    return bool(objects) and all(lemma(o) in lists["civil_bodies"] for o in objects)


def _evidence_seized(t: Typing, ctx: Context) -> bool:
    """Looting at a verb of seizing whose objects are all papers or evidence (``evidence_nouns``: "raided the offices
    and seized documents"): an inquiry's search, no property taken in a conflict."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Looting/property destruction" or tok.pos_ != "VERB":
        return False
    objects = _objects_of(tok)
    return bool(objects) and all(lemma(o) in load_scope()["evidence_nouns"] for o in objects)


def _protesters_freed(t: Typing, ctx: Context) -> bool:
    """A protest trigger noun that a verb of freeing (``freeing_lemmas``) takes as its object ("the junta released 50
    protesters detained during last month's demonstrations"): people set free, no protest reported."""
    tok = trigger_of(t, ctx)
    if t.event_type != "Protests" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = first_conjunct(tok, head_pos=NOMINALS)
    return tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in load_scope()["freeing_lemmas"]


def _relief_cargo(t: Typing, ctx: Context) -> bool:
    """A convoy or vehicles noun (the trigger, or the noun after "of" on it) described by a participle of
    carrying (``cargo_lemmas``) whose object is relief (``relief_nouns``: "a convoy of 40 trucks carrying food
    and medicine"): aid on the road, no force moved."""
    lists = load_scope()
    tok = trigger_of(t, ctx)
    if t.event_type != "Strategic developments" or tok.pos_ != "NOUN":
        return False
    nouns = [tok, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj")]
    cargo = [o for n in nouns for p in n.children if p.dep_ == "acl" and lemma(p) in lists["cargo_lemmas"]
             for o in p.children if o.dep_ == "dobj"]
    return bool(cargo) and all(lemma(c) in lists["relief_nouns"] for o in cargo for c in (o, *o.conjuncts))


def _private_party(t: Typing, ctx: Context) -> bool:
    """A Change to group/activity or a Looting/property destruction at a verb whose subject, on the verb or a verb
    it is the complement of, is a business or an owner (``private_parties``, the subject's head or a compound of it:
    "Nordea Bank AB will impose the ban", "the owner wanted to demolish the buildings"): a firm's rule or an owner's
    work on what it owns, no act of a party to a conflict."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type not in ("Change to group/activity", "Looting/property destruction") or tok.pos_ != "VERB":
        return False
    parties = load_scope()["private_parties"]
    for verb in [tok, *ascent(tok, lambda v: v.dep_ in ("xcomp", "conj"), limit=3)]:
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            if lemma(subj) in parties or any(c.dep_ == "compound" and lemma(c) in parties for c in subj.children):
                return True
    return False


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
AFFLICTED_BY = ScopeRule("afflicted-by", _afflicted_by)
REFUGEES_FROM = ScopeRule("refugees-from", _refugees_from)
DISPLACED_DESCRIBED = ScopeRule("displaced-described", _displaced_described)
PARTICIPLE_DESCRIBED = ScopeRule("participle-described", _participle_described)
PEOPLE_NAMED = ScopeRule("people-named", _people_named)
DESCRIBES_ACTOR = ScopeRule("describes-actor", _describes_actor)
ACTOR_PARTICIPLE = ScopeRule("actor-participle", _actor_participle)
PERSON_PAST = ScopeRule("person-past", _person_past)
BEREAVED_DESCRIBED = ScopeRule("bereaved-described", _bereaved_described)
FINDER_DESCRIBED = ScopeRule("finder-described", _finder_described)
PEOPLE_ACTED_ON = ScopeRule("people-acted-on", _people_acted_on)
PEOPLE_FREED = ScopeRule("people-freed", _people_freed)
DIPLOMATIC_MOVE = ScopeRule("diplomatic-move", _diplomatic_move)
DIPLOMATIC_MEASURE = ScopeRule("diplomatic-measure", _diplomatic_measure)
RELIEF_CARGO = ScopeRule("relief-cargo", _relief_cargo)
MEASURE_LIFTED = ScopeRule("measure-lifted", _measure_lifted)
MEASURE_HISTORY = ScopeRule("measure-history", _measure_history)
ACCORD_BACKSTORY = ScopeRule("accord-backstory", _accord_backstory)
BODY_DISSOLVED = ScopeRule("body-dissolved", _body_dissolved)
EVIDENCE_SEIZED = ScopeRule("evidence-seized", _evidence_seized)
PROTESTERS_FREED = ScopeRule("protesters-freed", _protesters_freed)
ON_DUTY = ScopeRule("on-duty", _on_duty)
PRIVATE_PARTY = ScopeRule("private-party", _private_party)
NONFORCE_OBJECT = ScopeRule("nonforce-object", _nonforce_object)
PERSON_BACKSTORY = ScopeRule("person-backstory", _person_backstory)
