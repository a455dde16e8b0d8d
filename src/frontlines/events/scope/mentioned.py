"""An incident or a practice mentioned in passing, not reported: an incident that only dates something else,
what a group is known for, a practice alleged or meant, a sweeping claim about all of a kind, a linked headline."""

from __future__ import annotations

from typing import Any

from ..typings import Typing
from .base import Context, ScopeRule, bare, lemma, load_scope, trigger_of


def _time_measure(t: Typing, ctx: Context) -> bool:
    """A trigger noun after a preposition of time (``time_anchor_preps``) that a span of time measures (a noun of
    ``time_units`` under it: "rushed through a mere 45 days after the 9/11 attacks", "weeks after the raid"): an
    incident that dates something else, no new event of the sentence."""
    tok = trigger_of(t, ctx)
    prep = tok.head
    lists = load_scope()
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and prep.lower_ in lists["time_anchor_preps"] and \
        any(c.dep_ == "npadvmod" and lemma(c) in lists["time_units"] for c in prep.children)


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


def _means_of_attempt(t: Typing, ctx: Context) -> bool:
    """A gerund trigger after "by" on an infinitive that a noun of attempt governs (``attempt_nouns``: "the allies'
    attempts to prolong their presence by dispatching heavy weaponry"), in a sentence with no date: how an aim is
    pursued, said of a practice, no occurrence ("seized the bridge by storming it on Monday" stays)."""
    tok = trigger_of(t, ctx)
    prep = tok.head
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or prep.lower_ != "by" or ctx.dated:
        return False
    verb = prep.head
    return verb.dep_ in ("xcomp", "acl") and lemma(verb.head) in load_scope()["attempt_nouns"]


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


#: Words of a linked headline: at least this many before the address, each of them capitalised.
HEADLINE_WORDS = 3


def _linked_headline(t: Typing, ctx: Context) -> bool:
    """A sentence that ends with a web address after at least :data:`HEADLINE_WORDS` words of title case
    ("Orcs Burn Farms in Ithilien https://..."; short words like "in", "of" may be lower case): a headline of
    another story linked, no report (a sentence that cites its source, "orcs burned farms, https://...", stays)."""
    words = [w for w in ctx.sent if not w.is_punct and not w.is_space]
    if not words or not words[-1].like_url:
        return False
    before = [w for w in words[:-1] if w.is_alpha]
    return len(before) >= HEADLINE_WORDS and all(w.text[0].isupper() for w in before if len(w.text) > 3)


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
TIME_MEASURE = ScopeRule("time-measure", _time_measure)
GROUP_KNOWN_FOR = ScopeRule("group-known-for", _group_known_for)
ALLEGED_PRACTICE = ScopeRule("alleged-practice", _alleged_practice)
MEANS_OF_ATTEMPT = ScopeRule("means-of-attempt", _means_of_attempt)
TARGETS_DESCRIBED = ScopeRule("targets-described", _targets_described)
ALL_OF_A_KIND = ScopeRule("all-of-a-kind", _all_of_a_kind)
LINKED_HEADLINE = ScopeRule("linked-headline", _linked_headline)
