"""Typing by the lexicon: ACLED event / sub-event type (and PLOVER) for one sentence.

:func:`lexicon_typings` matches the trigger lexicon (``data/events/triggers.yaml``, see
:mod:`.matching`) over the sentence, checks each entry's cues (other words in the sentence,
the class of who acts and who is hit, read from the parse by :mod:`.roles`) and returns one
:class:`Typing` per sub-event type found, best first.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..deptree import above, clause_verb
from .matching import (
    Hit,
    cue_ok,
    cue_words_of,
    excluded,
    head_of,
    load_matching,
    match,
    padded_text,
    pattern_spans,
    words_of,
)
from .ontology import LEXICON_FILE, Entry, Lexicon, load_ontology, plover_of
from .roles import classes_of, conjunct_classes, trigger_roles

#: ACLED inter code → actor class used by the lexicon's ``agent`` conditions.
INTER_CLASS: dict[int, str] = {1: "state", 2: "nonstate", 3: "nonstate", 4: "nonstate", 5: "rioter",
                               6: "protester", 7: "civilian", 8: "state"}


@dataclass(frozen=True)
class Typing:
    """The type of the event one trigger reports.

    Offsets are character offsets in the Doc (clean text); ``trigger_index`` is the Doc
    index of the trigger's head token, where the assembler starts looking for roles.
    """

    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    trigger_start: int
    trigger_end: int
    trigger: str
    trigger_index: int
    rule: str
    confidence: float
    agent_class: str | None = None
    target_class: str | None = None
    target_text: str | None = None  # the words read as who/what is hit, if any


def agent_class(found: set[str]) -> str | None:
    """The one class that names an actor, of those found (non-state first)."""
    for name in ("nonstate", "state", "protester", "rioter", "civilian", "armed"):
        if name in found:
            return name
    return None


def _ok(want: tuple[str, ...], have: set[str]) -> bool:
    if not want:
        return True
    if not have:
        return "unknown" in want
    return bool(set(want) & have)


_Found = tuple[float, int, int, bool, Typing, bool]  # weight, length, clause, generic, typing, in background
_RoleCache = dict[int, "Roles"]


@dataclass(frozen=True)
class Roles:
    """The actor classes around one trigger head: ``agents``, the class of each conjunct of who acts
    ("police and demonstrators clashed": state and protester); ``target``, the classes of who is hit;
    ``target_conjuncts``, those of each conjunct of it; ``target_text``, the words read as who is hit."""

    agents: frozenset[str]
    target: frozenset[str]
    target_conjuncts: tuple[frozenset[str], ...]
    target_text: str | None


def _role_classes(head: Any, lex: Lexicon, cache: _RoleCache) -> Roles:
    """The :class:`Roles` of a trigger head, read once per head."""
    if head.i not in cache:
        agent_toks, target_toks = trigger_roles(head)
        target_text = " ".join(t.text for t in sorted(set(target_toks), key=lambda t: t.i)) or None
        agents = {agent_class(c) for c in conjunct_classes(agent_toks, lex)}
        cache[head.i] = Roles(frozenset(a for a in agents if a), frozenset(classes_of(target_toks, lex, as_target=True)),
                              tuple(frozenset(c) for c in conjunct_classes(target_toks, lex, as_target=True)),
                              target_text)
    return cache[head.i]


@dataclass(frozen=True)
class Rejected:
    """A candidate trigger that did not become an event, and why (for ``--explain``).

    ``reason``: ``rule:<name>`` (a rule of :mod:`.matching`), ``lexicon:<entry id>:<condition>``
    (a cue or actor-class condition of the entry failed) or ``model:<name>:<kind>`` (the event
    gate's likeliest out-of-scope kind; ``score`` is its probability that an event is reported).
    """

    trigger: str
    trigger_start: int  # character offsets in the Doc
    trigger_end: int
    sub_event_type: str | None
    reason: str
    score: float | None = None


@dataclass(frozen=True)
class LexiconReading:
    """What the lexicon found in a sentence: typings, the matches that may be triggers, rejections.

    ``hits``: the candidate triggers (a light verb whose entry's cue words are missing, "the
    militants are using civilians as shields", is none); ``proposals``: the hits whose entry's cue
    words are in the sentence (only who acts or who is hit may have failed): a hit whose cues
    failed ("fired" with no aircraft named, for an air strike) does not propose its type. ``excluded``: the
    matches whose entry's ``without`` words are in the sentence ("food poisoning", an RPG for shelling): no
    candidates; the gate may only confirm their own type (:meth:`.classify.EventTyper`).
    """

    typings: list[Typing]
    hits: list[Hit]
    rejected: list[Rejected]
    proposals: list[Hit] = field(default_factory=list)
    excluded: list[Hit] = field(default_factory=list)


def _rejected(doc: Any, hit: Hit, reason: str) -> Rejected:
    span = doc[hit.first:hit.last + 1]
    sub = hit.entry.sub if not hit.entry.sub.startswith("PLOVER:") else None
    return Rejected(span.text, span.start_char, span.end_char, sub, reason)


def _failed_roles(entry: Entry, agent_set: set[str], roles: Roles) -> str | None:
    """The entry's actor-class condition the trigger fails, if any: who acts, who is hit, then who must
    not be hit (``target_not``: every conjunct of the target is of one of those classes and of no class
    ``target`` asks for or protester; "detained three journalists covering the protests")."""
    if not _ok(entry.agent, agent_set):
        return "agent-class"
    if not _ok(entry.target, set(roles.target)):
        return "target-class"
    keep = set(entry.target) | {"protester"}
    if entry.target_not and roles.target_conjuncts and all(
            c & set(entry.target_not) and not c & keep for c in roles.target_conjuncts):
        return "target-not"
    return None


def lexicon_typings(sent: Any, *, lexicon: Lexicon, actor_inter: int | None = None) -> LexiconReading:
    """Typings of the events a sentence (a spaCy Span) reports by the lexicon, best first, with the
    candidate triggers and the matches rejected on the way.

    ``actor_inter`` (ACLED inter code of the acting actor, if the caller knows it) overrides
    the agent class read from the parse.
    """
    lex = lexicon
    spans = pattern_spans(sent, lex)
    if not spans:  # most sentences: no word of the sentence needs reading
        return LexiconReading([], [], [], [])
    words = words_of(sent)
    hits = match(sent, words, lex, spans)
    doc = sent.doc
    padded = padded_text(cue_words_of(words, doc))
    onto = load_ontology()
    found: list[_Found] = []
    role_cache: _RoleCache = {}
    rejected = [_rejected(doc, h, f"rule:{h.rejected_by}") for h in hits if h.rejected_by]
    hits = [h for h in hits if not h.rejected_by]
    candidates: list[Hit] = []
    proposals: list[Hit] = []
    left_out: list[Hit] = []
    for hit in hits:
        entry = hit.entry
        text = padded if entry.window is None else padded_text(
            cue_words_of(words[hit.at:hit.to + 1 + entry.window], doc))
        if not cue_ok(entry, text):
            # a trigger whose entry's `without` words are there is no candidate ("food poisoning"); the gate
            # may only confirm its entry's own type (EventTyper._excluded_alone)
            out = excluded(entry, text)
            rejected.append(_rejected(doc, hit, f"lexicon:{entry.id}:{'excluded' if out else 'cues'}"))
            if out:
                left_out.append(hit)
            elif not _light_verb(doc, hit):
                candidates.append(hit)
            continue
        candidates.append(hit)
        proposals.append(hit)
        span = doc[hit.first:hit.last + 1]
        head = head_of(span)
        if entry.id in load_matching()["cause_entries"] and _cause_of_its_cue(head, entry):
            rejected.append(_rejected(doc, hit, "rule:cause-of-protest"))
            continue
        roles = _role_classes(head, lex, role_cache)
        target_set = set(roles.target)
        known = INTER_CLASS.get(actor_inter or 0)
        agent_set = {known} if known else set(roles.agents)
        failed = _failed_roles(entry, agent_set, roles)
        if failed:
            rejected.append(_rejected(doc, hit, f"lexicon:{entry.id}:{failed}"))
            continue
        sub = onto.sub_events[entry.sub]
        typing = Typing(
            event_type=sub.event_type, sub_event_type=sub.name, plover_type=plover_of(entry, sub)[0],
            plover_mode=plover_of(entry, sub)[1], trigger_start=span.start_char, trigger_end=span.end_char,
            trigger=span.text, trigger_index=head.i,
            rule=f"lexicon:{LEXICON_FILE}#{entry.id}:{span.text.lower()}", confidence=round(entry.weight, 3),
            agent_class=agent_class(agent_set & set(entry.agent)) or agent_class(agent_set),
            target_class=agent_class(target_set) or next(iter(sorted(target_set)), None),
            target_text=roles.target_text,
        )
        background = _background(head)
        weight = entry.weight - (BACKGROUND_PENALTY if background else 0.0)
        if weight != entry.weight:
            typing = replace(typing, confidence=round(weight, 3))
        found.append((weight, hit.last - hit.first, int(clause_verb(head).i), entry.generic, typing, background))
    return LexiconReading(_select(found), candidates, rejected, proposals, left_out)


def _light_verb(doc: Any, hit: Hit) -> bool:
    """A verb phrase that says nothing of an event without its entry's cue words ("used", "carried
    out": ``matching.yaml#light_verbs``)."""
    lemmas = " ".join(t.lemma_.lower() for t in doc[hit.first:hit.last + 1])
    return hit.verb and lemmas in load_matching()["light_verbs"]


#: Changes of hands won by fighting: the fighting that came before one is a second event of its sentence ("retook
#: the town after two days of fighting": an armed clash and the territory regained, as our judges code it; used by
#: the typer's second typings and the incident's other types).
TERRITORY_WON = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
#: Marks the rule of a second typing told as an event of its own that the incident keeps beside its main one
#: (``merge.other_types``): a protest the sentence's subject joined (``classify.joined_protest``: "prisoners rioted,
#: joining demonstrators in demanding a vote", not a stage of the riot) or the other side's winning of a place the
#: lead typing won (``classify.changed_hands``: "... with rebels who overran it", not the backstory of the retaking).
SECOND_MARK = "; second-event:"
#: Confidence taken off a trigger in a background clause (see :func:`_background`).
BACKGROUND_PENALTY = 0.12
def _background(tok: Any) -> bool:
    """True for a trigger that reports background, not the sentence's news: inside a relative
    clause ("families whose children were kidnapped protested") or the object of "against",
    "over", "after" ("protested against the arrest of"); word lists in ``data/events/matching.yaml``."""
    words = load_matching()
    for node in (tok, *above(tok, limit=7)):
        if node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX"):
            return True
        if node.dep_ == "acl" and node.lower_ in words["background_acl"]:
            return True
        if node.dep_ in ("pobj", "pcomp") and (node.head.lower_ in words["background_preps"] or (
                node.head.lower_ in ("for", "of") and node.head.head.lower_ in words["background_for"])):
            return True
    return False


def _after_clause(tok: Any) -> Any:
    """The clause that "after", "following" or "since" introduces and the token stands in
    (``matching.yaml#background_preps``), else None."""
    words = load_matching()["background_preps"]
    return next((node for node in (tok, *above(tok, limit=7))
                 if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words for c in node.children)), None)


def _cause_of_its_cue(tok: Any, entry: Entry) -> bool:
    """A trigger in an "after" clause (:func:`_after_clause`) none of whose words is a cue of its entry: the event
    the cue names came after it ("thousands marched after police arrested the mayor": the arrest is what the
    march was over, not an intervention in it; ``matching.yaml#cause_entries``)."""
    clause = _after_clause(tok)
    if clause is None:
        return False
    text = padded_text(words_of(tok.doc[clause.left_edge.i:clause.right_edge.i + 1]))
    return not any(f" {c}" in text for c in entry.with_)


def backstory(tok: Any) -> bool:
    """True for a trigger that tells what came before its sentence's news: a background trigger
    (:func:`_background`) or one in a clause that "after", "following" or "since" introduces
    ("the army retook the town after rebels withdrew"), or a noun that is the subject of a verb of
    ``causing_verbs`` ("the arrest of the mayor sparked protests")."""
    if _background(tok):
        return True
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in load_matching()["causing_verbs"]:
        return True
    return _after_clause(tok) is not None


def _select(found: list[_Found]) -> list[Typing]:
    """Typings to report, best first.

    Overlapping triggers keep the strongest (then the longest); generic triggers yield to
    any specific one; beside a protest its main clause reports, triggers in background clauses
    (what it is about) are dropped; a sub-event type is reported once per clause.
    """
    found.sort(key=lambda f: (-f[0], f[3], -f[1], f[4].trigger_start))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, bool, Typing, bool]] = []
    for _, _, clause, generic, t, background in found:
        if any(t.trigger_start < e and s < t.trigger_end for s, e in taken):
            continue
        taken.append((t.trigger_start, t.trigger_end))
        kept.append((clause, generic, t, background))
    if any(not g for _, g, _, _ in kept):
        kept = [k for k in kept if not k[1]]
    if any(not b and t.event_type == "Protests" for _, _, t, b in kept):
        # what a protest is about is no second event ("marched for a poet jailed for throwing stones")
        kept = [k for k in kept if not k[3]]
    seen: set[tuple[str, int]] = set()
    out: list[Typing] = []
    for clause, _, t, _ in kept:
        if (t.sub_event_type, clause) not in seen:
            seen.add((t.sub_event_type, clause))
            out.append(t)
    return out


def retyped(t: Any, sub_event_type: str, rule: str) -> Any:
    """``t`` (a Typing, or an Event) with another sub-event type."""
    sub = load_ontology().get(sub_event_type)
    if sub.name == t.sub_event_type:  # the same type keeps its trigger's PLOVER coding
        return replace(t, rule=f"{t.rule}+{rule}") if isinstance(t, Typing) else t
    if isinstance(t, Typing):
        return replace(t, event_type=sub.event_type, sub_event_type=sub.name, plover_type=sub.plover_type,
                       plover_mode=sub.plover_mode, rule=f"{t.rule}+{rule}")
    return replace(t, event_type=sub.event_type, sub_event_type=sub.name, plover_type=sub.plover_type)
