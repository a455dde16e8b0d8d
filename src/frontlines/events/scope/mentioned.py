"""An incident or a practice mentioned in passing, not reported: what a group is known for, a practice alleged,
targets of a campaign, a sweeping claim about all of a kind, a kind of behaviour someone dislikes; and a civil body
founded, no conflict party's base.

Not here, by the judged sets: an incident that dates something else ("45 days after the 9/11 attacks": a dated
past incident, an event) and a linked headline ("Orcs Use Chemical Weapons in Ithilien https://...") both count as
events in the judged FNC sentences (half A); so does a means of an attempt ("attempts to prolong their presence
by dispatching heavy weaponry to ...") in the judged GWN sentences, and a force that came to carry people ("arrived
with a motorcade of 50 vehicles to transport the personnel to the airport") in the judged dev sentences."""

from __future__ import annotations

from typing import Any

from ..typings import Typing
from .base import Context, ScopeRule, bare, lemma, load_scope, trigger_of


def _group_known_for(t: Typing, ctx: Context) -> bool:
    """A verb trigger in a relative clause (its subject a relative pronoun) on an indefinite noun of a group
    (``group_nouns``: "the ex-leader of an Islamist group that fought the regime"), with no date in the clause:
    what the group is known for, no occurrence ("a militia that stormed the fort on Monday" stays)."""
    tok = trigger_of(t, ctx)
    group = tok.head
    if tok.pos_ != "VERB" or tok.dep_ != "relcl" or lemma(group) not in load_scope()["group_nouns"]:
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in group.children)
    relative = any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children)
    return indefinite and relative and not any(w.ent_type_ in ("DATE", "TIME") for w in tok.subtree)


def _gerunds_after(tok: Any) -> list[Any]:
    """A gerund and the gerund it is coordinated after ("of using power and targeting civilians": targeting, using)."""
    return [tok, tok.head] if tok.dep_ == "conj" and tok.head.tag_ == "VBG" else [tok]


def _alleged_practice(t: Typing, ctx: Context) -> bool:
    """A gerund trigger whose object is a bare plural, after "of" on a noun of allegation (``allegation_nouns``:
    "the allegations against the government of targeting civilians"), in a sentence with no date: a practice
    alleged, no specific occurrence ("accused of shelling the market on Monday" stays)."""
    tok = trigger_of(t, ctx)
    if tok.tag_ != "VBG" or ctx.dated or not any(c.dep_ == "dobj" and c.tag_ == "NNS" and bare(c) for c in tok.children):
        return False
    nouns = load_scope()["allegation_nouns"]
    return any(g.dep_ == "pcomp" and g.head.lower_ == "of" and lemma(g.head.head) in nouns for g in _gerunds_after(tok))


def _targets_described(t: Typing, ctx: Context) -> bool:
    """A verb trigger in the present perfect progressive in a relative clause on a plural noun ("one of these oil
    facilities that we've been striking"): the targets described by a campaign going on, no one strike told."""
    tok = trigger_of(t, ctx)
    auxes = [lemma(c) for c in tok.children if c.dep_ == "aux"]
    return tok.tag_ == "VBG" and tok.dep_ == "relcl" and tok.head.tag_ == "NNS" and "have" in auxes and "be" in auxes


def _all_of_a_kind(t: Typing, ctx: Context) -> bool:
    """A passive verb trigger whose subject is a bare plural under "all", with no number ("that "all" synagogues
    were demolished"), in a sentence with no date: a sweeping claim about a kind, no specific occurrence ("all
    three posts were shelled on Monday" stays)."""
    tok = trigger_of(t, ctx)
    if tok.tag_ != "VBN" or ctx.dated:
        return False
    return any(c.dep_ == "nsubjpass" and c.tag_ == "NNS" and
               [d.lower_ for d in c.children if d.dep_ in ("det", "predet", "nummod", "poss")] == ["all"]
               for c in tok.children)


def _disliked_kind(t: Typing, ctx: Context) -> bool:
    """A verb trigger whose subject is a bare plural (adjectives aside), in a clause that a verb of liking takes
    (``liking_lemmas``: "she did not like that teenagers set fire to cars"), in a sentence with no date: a kind of
    behaviour someone likes or resents, no occurrence ("she saw that orcs set fire to the mill on Monday" stays). A
"that" the parser takes for the plural's determiner is the clause's conjunction ("that" takes no plural)."""
    tok = trigger_of(t, ctx)
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or lemma(tok.head) not in load_scope()["liking_lemmas"] or ctx.dated:
        return False
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and not any(
        d.dep_ in ("det", "nummod", "poss", "predet") and d.lower_ != "that" for d in c.children) for c in tok.children)


def _body_created(t: Typing, ctx: Context) -> bool:
    """A base established at a verb or participle whose object, or the noun it describes, is a civil body
    (``civil_creations``: "the housing agency created by the archbishop", "founded a charity"): a body founded, no
    armed group's base ("the rebels set up a base near Bree" stays)."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Headquarters or base established" or tok.pos_ != "VERB":
        return False
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl":
        nouns.append(tok.head)
    return bool(nouns) and all(lemma(n) in load_scope()["civil_creations"] for n in nouns)


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
GROUP_KNOWN_FOR = ScopeRule("group-known-for", _group_known_for)
ALLEGED_PRACTICE = ScopeRule("alleged-practice", _alleged_practice)
TARGETS_DESCRIBED = ScopeRule("targets-described", _targets_described)
ALL_OF_A_KIND = ScopeRule("all-of-a-kind", _all_of_a_kind)
DISLIKED_KIND = ScopeRule("disliked-kind", _disliked_kind)
BODY_CREATED = ScopeRule("body-created", _body_created)
