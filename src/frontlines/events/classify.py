"""Event typing: ACLED event / sub-event type (and PLOVER) for one sentence.

``classify(sent)`` matches the trigger lexicon (``data/events/triggers.yaml``) over the
sentence's tokens, checks each entry's cues (other words in the sentence, the class of
who acts and who is hit, read from the dependency parse) and returns one :class:`Typing`
per sub-event type found, best first. A trained model (``frontlines train --acled``),
when given, decides the sub-event type where it is confident.

The lexicon is compiled in :mod:`.ontology` (the lemmatizer is off in the frontlines
pipeline, so inflections are generated from the lexicon's base forms there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .ontology import (
    LEXICON_FILE,
    PLOVER_FILE,
    Entry,
    Lexicon,
    load_lexicon,
    load_ontology,
    load_plover_lexicon,
    norm_text,
    noun_forms,
    verb_forms,
)

__all__ = ["Typing", "PloverTyping", "classify", "plover_typings", "plover_coding", "load_lexicon", "load_model",
           "main_typing", "noun_forms", "verb_forms", "Entry", "Lexicon", "LEXICON_FILE"]

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


# ---------------------------------------------------------------------------- parse cues

_PASSIVE_DEPS = {"nsubjpass", "auxpass"}
_CLIMB = {"advcl", "xcomp", "conj", "pcomp", "ccomp"}
_AGENT_PREPS = {"by", "between", "among", "involving", "from"}
_TARGET_PREPS = {"on", "at", "against", "of", "into", "upon", "targeting"}


def _head_of(span: Any) -> Any:
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[-1]


#: Heads whose "of X" names who they are: "units of the army", "dozens of men", "control of the town".
_OF_HEADS = {"control", "part", "parts", "rest", "most", "some", "number", "group", "groups", "member", "members",
             "dozens", "hundreds", "thousands", "scores", "unit", "units", "body", "bodies", "elements", "element",
             "many", "several", "all", "each", "none", "couple", "team", "teams", "squad", "contingent",
             "residents", "remnants", "fighters", "supporters", "crowd", "hundred", "thousand", "dozen",
             "shipment", "cache", "consignment", "quantity", "quantities", "stockpile", "haul", "load", "batch",
             "boxes", "crates", "amount", "stock", "stocks", "kilograms", "tons", "tonnes", "pieces"}


def _core(tok: Any, depth: int = 0) -> list[Any]:
    """A noun phrase's head with its modifiers and conjuncts, not its clauses: in "civilians
    accused of spying for the army" the civilians are hit, not the army."""
    out = [tok]
    for c in tok.children:
        dep = c.dep_
        if dep in ("compound", "poss", "amod", "nummod", "nmod", "quantmod") and c.i < tok.i:
            out += list(c.subtree)  # "pro-Houthi fighters", not "posts critical of the army"
        elif dep in ("compound", "nummod"):
            out.append(c)
        elif dep == "conj" and depth < 4:
            out += _core(c, depth + 1)
        elif dep == "prep" and c.lower_ == "of" and depth < 3 and (tok.lower_ in _OF_HEADS or tok.like_num):
            out += [t for p in c.children if p.dep_ == "pobj" for t in _core(p, depth + 1)]
    return out


def _pobjs(prep: Any) -> list[Any]:
    return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in _core(c)]


def _roles(trig: Any) -> tuple[list[Any], list[Any]]:
    """Tokens of who acts and of who/what is hit, for a trigger token (both may be empty).

    Verbs: subject (or passive agent "by X") and object (direct object, passive subject,
    "on/at/against/of X"); a verb with no subject of its own borrows its head clause's
    ("..., killing five": the killers are the main clause's subject). Nouns: modifiers
    ("rebel attack"), "by/between X", "on/against X", then the verb they hang on.
    """
    agent: list[Any] = []
    target: list[Any] = []
    verb = trig
    if trig.pos_ not in ("VERB", "AUX"):
        for child in trig.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
                agent += list(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in _AGENT_PREPS:
                agent += _pobjs(child)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                target += _pobjs(child)
        if trig.dep_ not in ("dobj", "nsubj", "attr", "pobj", "conj", "appos") or trig.head.pos_ not in ("VERB", "AUX"):
            return agent, target
        verb = trig.head
    passive = any(c.dep_ in _PASSIVE_DEPS for c in verb.children)
    node = verb
    prep_targets: list[Any] = []
    for _ in range(3):
        for child in node.children:
            dep = child.dep_
            if dep == "nsubj" and not agent:
                agent += _core(child)
            elif dep == "agent":
                agent += _pobjs(child)
            elif node is verb and child is not trig and dep in ("nsubjpass", "dobj"):
                target += _core(child)
            elif node is verb and dep == "prep" and child.lower_ in ("between", "among"):
                agent += _pobjs(child)
            elif node is verb and dep == "prep" and child.lower_ in _TARGET_PREPS:
                prep_targets += _pobjs(child)
        if agent or node.dep_ not in _CLIMB | {"relcl", "acl"}:
            break
        if node.dep_ in ("relcl", "acl"):
            (target if passive and node.dep_ == "acl" else agent).append(node.head)
            break
        node = node.head
    if len(agent) == 1 and agent[0].pos_ == "PRON" and verb.dep_ == "ccomp":
        # "The rebels said they had captured ...": they = the reporting verb's subject
        agent = [t for c in verb.head.children if c.dep_ == "nsubj" for t in _core(c)] or agent
    if not agent and not passive and verb.i > verb.sent.start:
        agent = _left_context(verb)
    # "fired at positions", "attacked a civilian at a police station": an object beats a place
    if not target or all(t.lower_ in _OF_HEADS for t in target):  # "took control" + "of X"
        target = target + prep_targets
    return agent, target


def _left_context(verb: Any) -> list[Any]:
    """When the parse gives a verb no subject: the nouns before it, back to the previous verb
    (dates and numbers left out)."""
    out: list[Any] = []
    for tok in reversed(verb.sent[: verb.i - verb.sent.start]):
        if tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod"):
            break
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
            out.append(tok)
    return out[::-1]


def _classes(tokens: Sequence[Any], lexicon: Lexicon, *, as_target: bool = False) -> set[str]:
    """Actor/object classes whose cues the tokens contain."""
    if not tokens:
        return set()
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    words = [w for t in tokens for w in norm_text(t.text).split()]
    vocab = set(words)
    padded = " " + " ".join(words) + " "
    found = {name for name, (single, multi) in lexicon.classes.items()
             if not vocab.isdisjoint(single) or any(m in padded for m in multi)}
    if "irregular" in found:  # "gunmen", "fighters": non-state unless state forces are named too
        found.discard("irregular")
        if "state" not in found:
            found.add("nonstate")
    if "armed" in found and not found & {"state", "nonstate"}:
        # "Syrian forces" are a state's; a named armed group ("the Umbar Brigade") is not
        if any(t.ent_type_ == "NORP" for t in tokens):
            found.add("state")
        elif any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in tokens):
            found.add("nonstate")
    if as_target:
        if found & {"state", "nonstate"}:
            found.add("armed")
        if "armed" in found:  # "a soldier", "a police officer": not a civilian target
            found.discard("civilian")
        if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tokens):
            found.add("place")
        elif any(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" for t in tokens):
            # the small model tags many place names as ORG/PERSON or none: a proper noun
            # may be a place, or anything else ("unknown" keeps both readings open)
            found |= {"place"} if found else {"place", "unknown"}
    return found


def _agent_class(found: set[str]) -> str | None:
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


# ---------------------------------------------------------------------------- matching

@dataclass(frozen=True)
class _Hit:
    entry: Entry
    first: int  # token indexes in the doc, inclusive
    last: int
    at: int  # word positions (in the sentence's word list) of the match, inclusive
    to: int


def _words_of(sent: Any, lexicon: Lexicon) -> list[tuple[str, int]]:
    """The sentence's words in lower case with their token index; hyphenated words split
    ("air-strike" → air, strike) unless the joined form is a trigger ("re-captured")."""
    out: list[tuple[str, int]] = []
    index = lexicon.index
    for tok in sent:
        if tok.is_punct and tok.text in {"-", "–", "—"} or tok.is_space:
            continue
        low = tok.lower_.replace("\u2019", "'")
        joined = low.replace("-", "")
        if "-" in low and joined in index:  # "re-captured" → "recaptured"
            out.append((joined, tok.i))
            continue
        for part in low.split("-"):
            if part:
                out.append((part, tok.i))
    return out


_VERB_POS = {"VERB", "AUX", "ADJ"}
_NAME_ENTS = {"ORG", "PERSON", "NORP", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
#: Head nouns that make a trigger noun a mere modifier: "artillery units", "protest leaders".
_NOT_EVENT_HEADS = {"unit", "units", "battalion", "brigade", "regiment", "division", "factory", "factories",
                    "leader", "leaders", "organiser", "organisers", "organizer", "organizers", "committee",
                    "movement", "group", "groups", "company", "commander", "commanders", "crew", "crews", "system",
                    "systems", "expert", "experts", "team", "teams", "official", "officials", "programme",
                    "program", "school", "academy", "museum", "law", "laws", "ban", "policy", "season"}


def _modifies_other(last: Any) -> bool:
    """True when a matched noun only modifies another noun ("artillery units")."""
    return last.dep_ == "compound" and last.head.lower_ in _NOT_EVENT_HEADS


_NEGATORS = {"without", "no", "not", "never", "nor", "n't", "denied", "deny", "denies", "avoid", "avoided"}


def _match(words: list[tuple[str, int]], lexicon: Lexicon, doc: Any) -> list[_Hit]:
    """Every lexicon pattern found in the words (negated and name-internal triggers skipped)."""
    hits: list[_Hit] = []
    n = len(words)
    for i, (w, ti) in enumerate(words):
        pats = lexicon.index.get(w, ())
        if not pats or any(words[k][0] in _NEGATORS for k in range(max(0, i - 2), i)):
            continue
        tok = doc[ti]
        if tok.ent_type_ in _NAME_ENTS:  # "Popular Mobilization Forces" names a group, not an event
            continue
        is_verb = tok.pos_ in _VERB_POS and tok.dep_ != "amod"  # "liberated areas" reports nothing new
        for pat in pats:
            if pat.verb and not is_verb and len(pat.slots) == 1:  # "shot dead" is a verb whatever the tagger says
                continue
            j, ok = i, True
            for slot in pat.slots[1:]:
                for k in range(j + 1, min(n, j + 2 + pat.gap)):
                    if words[k][0] in slot:
                        j = k
                        break
                else:
                    ok = False
                    break
            if ok and not (not pat.verb and _modifies_other(doc[words[j][1]])):
                hits.append(_Hit(pat.entry, words[i][1], words[j][1], i, j))
    return hits


def _cue_ok(entry: Entry, padded: str) -> bool:
    """The entry's with/also/without cues against the text (cues match word beginnings)."""
    if entry.with_ and not any(f" {c}" in padded for c in entry.with_):
        return False
    if entry.also and not any(f" {c}" in padded for c in entry.also):
        return False
    return not any(f" {c}" in padded for c in entry.without)


#: ``classify(..., model=AUTO)``: use the model ``frontlines train`` saved, if there is one.
AUTO: Any = "auto"


def classify(sent: Any, *, lexicon: Lexicon | None = None, model: Any = AUTO,
             actor_inter: int | None = None) -> list[Typing]:
    """Typings of the events a sentence (a spaCy Span) reports, best first; ``[]`` for none.

    ``actor_inter`` (ACLED inter code of the acting actor, if the caller knows it) overrides
    the agent class read from the parse. ``model`` is what :func:`load_model` returns; the
    default, :data:`AUTO`, uses the model saved by ``frontlines train`` in the configured data
    directory when there is one (loaded once), and ``None`` means the lexicon alone.
    """
    if model is AUTO:
        model = installed_model()
    lex = lexicon or load_lexicon()
    words = _words_of(sent, lex)
    doc = sent.doc
    hits = _match(words, lex, doc)
    if not hits and model is None:
        return []
    padded = " " + " ".join(w for w, _ in words) + " "
    onto = load_ontology()
    found: list[tuple[float, int, int, bool, Typing]] = []
    role_cache: dict[int, tuple[set[str], set[str], str | None]] = {}
    for hit in hits:
        entry = hit.entry
        text = padded if entry.window is None else \
            " " + " ".join(w for w, _ in words[hit.at:hit.to + 1 + entry.window]) + " "
        if not _cue_ok(entry, text):
            continue
        span = doc[hit.first:hit.last + 1]
        head = _head_of(span)
        if head.i not in role_cache:
            agent_toks, target_toks = _roles(head)
            target_text = " ".join(t.text for t in sorted(set(target_toks), key=lambda t: t.i)) or None
            role_cache[head.i] = (_classes(agent_toks, lex), _classes(target_toks, lex, as_target=True),
                                  target_text)
        agent_set, target_set, target_text = role_cache[head.i]
        primary = INTER_CLASS.get(actor_inter or 0) or _agent_class(agent_set)
        agent_set = {primary} if primary else set()
        if not _ok(entry.agent, agent_set) or not _ok(entry.target, target_set):
            continue
        sub = onto.sub_events[entry.sub]
        typing = Typing(
            event_type=sub.event_type, sub_event_type=sub.name, plover_type=sub.plover_type,
            plover_mode=sub.plover_mode, trigger_start=span.start_char, trigger_end=span.end_char,
            trigger=span.text, trigger_index=head.i,
            rule=f"lexicon:{LEXICON_FILE}#{entry.id}:{span.text.lower()}", confidence=round(entry.weight, 3),
            agent_class=_agent_class(agent_set), target_class=_agent_class(target_set) or
            next(iter(sorted(target_set)), None), target_text=target_text,
        )
        weight = entry.weight - (BACKGROUND_PENALTY if _background(head) else 0.0)
        if weight != entry.weight:
            typing = replace(typing, confidence=round(weight, 3))
        found.append((weight, hit.last - hit.first, _clause(head), entry.generic, typing))
    out = _select(found)
    if model is not None:
        out = _apply_model(sent, out, model)
    return out


#: Confidence taken off a trigger in a background clause (see :func:`_background`).
BACKGROUND_PENALTY = 0.12
_BACKGROUND_PREPS = {"against", "over", "about", "after", "following", "despite", "since"}
#: "activists accused of attacking ...", "demanding the arrest of people who set fire ...".
_BACKGROUND_ACL = {"accused", "suspected", "charged", "alleged", "detained", "arrested", "convicted", "involved",
                   "responsible", "blamed", "sentenced", "wanted", "jailed"}
_BACKGROUND_FOR = {"arrest", "arrested", "detained", "detention", "release", "punishment", "justice", "demanding",
                   "demand", "demanded", "calling", "called", "call", "protest", "protested", "protesting", "jailed",
                   "sentenced", "accused", "charged", "convicted", "responsible"}


def _background(tok: Any) -> bool:
    """True for a trigger that reports background, not the sentence's news: inside a relative
    clause ("families whose children were kidnapped protested") or the object of "against",
    "over", "after" ("protested against the arrest of")."""
    node = tok
    for _ in range(8):
        if node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX"):
            return True
        if node.dep_ == "acl" and node.lower_ in _BACKGROUND_ACL:
            return True
        if node.dep_ in ("pobj", "pcomp") and (node.head.lower_ in _BACKGROUND_PREPS or (
                node.head.lower_ in ("for", "of") and node.head.head.lower_ in _BACKGROUND_FOR)):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _clause(tok: Any) -> int:
    """Index of the verb heading the clause a token is in (the sentence root at most)."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return int(node.i)


def _select(found: list[tuple[float, int, int, bool, Typing]]) -> list[Typing]:
    """Typings to report, best first.

    Overlapping triggers keep the strongest (then the longest); generic triggers yield to
    any specific one; a sub-event type is reported once per clause.
    """
    found.sort(key=lambda f: (-f[0], f[3], -f[1], f[4].trigger_start))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, bool, Typing]] = []
    for _, _, clause, generic, t in found:
        if any(t.trigger_start < e and s < t.trigger_end for s, e in taken):
            continue
        taken.append((t.trigger_start, t.trigger_end))
        kept.append((clause, generic, t))
    if any(not g for _, g, _ in kept):
        kept = [k for k in kept if not k[1]]
    seen: set[tuple[str, int]] = set()
    out: list[Typing] = []
    for clause, _, t in kept:
        if (t.sub_event_type, clause) not in seen:
            seen.add((t.sub_event_type, clause))
            out.append(t)
    return out


# ---------------------------------------------------------------------------- PLOVER second coding

@dataclass(frozen=True)
class PloverTyping:
    """A PLOVER category a trigger reports, for categories ACLED does not code (ACCUSE, REJECT ...)."""

    plover_type: str
    trigger_start: int
    trigger_end: int
    trigger: str
    trigger_index: int
    rule: str
    confidence: float


def plover_typings(sent: Any, *, lexicon: Lexicon | None = None) -> list[PloverTyping]:
    """Verbal and other non-ACLED PLOVER triggers of a sentence (``data/events/plover.yaml``), best first."""
    lex = lexicon or load_plover_lexicon()
    words = _words_of(sent, lex)
    doc = sent.doc
    padded = " " + " ".join(w for w, _ in words) + " "
    out: list[PloverTyping] = []
    for hit in _match(words, lex, doc):
        if not _cue_ok(hit.entry, padded):
            continue
        span = doc[hit.first:hit.last + 1]
        head = _head_of(span)
        out.append(PloverTyping(hit.entry.sub.removeprefix("PLOVER:"), span.start_char, span.end_char, span.text,
                                head.i, f"lexicon:{PLOVER_FILE}#{hit.entry.id}:{span.text.lower()}",
                                hit.entry.weight))
    out.sort(key=lambda t: (_depth(doc[t.trigger_index]), -t.confidence, t.trigger_start))
    return out


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def plover_coding(sent: Any, typings: Sequence[Typing] | None = None) -> tuple[str | None, str | None]:
    """(PLOVER type, rule) of a sentence's main happening.

    The ACLED typing's PLOVER coding, unless a verbal trigger governs it: in "X accused Y of
    shelling Z" the accusation (nearer the root of the parse) is the event.
    """
    acled = list(typings) if typings is not None else classify(sent)
    verbal = plover_typings(sent)
    doc = sent.doc
    best = min(acled, key=lambda t: (_depth(doc[t.trigger_index]), -t.confidence), default=None)
    if best is not None and best.plover_type and (
            not verbal or _depth(doc[best.trigger_index]) <= _depth(doc[verbal[0].trigger_index])):
        return best.plover_type, best.rule
    if verbal:
        return verbal[0].plover_type, verbal[0].rule
    return (best.plover_type, best.rule) if best is not None else (None, None)


# ---------------------------------------------------------------------------- documents

_INTERVENTION = {"Protest with intervention", "Excessive force against protesters", "Arrests"}
_PROTESTS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory",
              "Non-violent transfer of territory"}


def main_typing(sentences: Iterable[Sequence[Any]]) -> Any:
    """The main event of a short report (an ACLED note, a wire snippet).

    The first sentence that reports an event gives it (its most confident typing); a clash
    becomes the territorial change another sentence reports (as ACLED codes battles that move
    a front line); later sentences can otherwise only sharpen a protest: police intervention makes it "Protest with
    intervention", lethal force "Excessive force against protesters", protester violence
    "Violent demonstration".
    """
    sents = [s for s in sentences if s]
    if not sents:
        return None
    main = max(sents[0], key=lambda t: t.confidence)
    if main.sub_event_type == "Armed clash":
        # a battle that changed who holds ground is coded as the change of territory
        won = [t for s in sents for t in s if t.sub_event_type in _TERRITORY and t.confidence >= 0.8]
        if won:
            return won[0]
    if main.sub_event_type in _PROTESTS:
        rank = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
        for later in (t for s in sents for t in s):
            sub = later.sub_event_type
            if sub == "Arrests" and _arrested_at_protest(later):
                sub = "Protest with intervention"
            if sub == "Violent demonstration" and (
                    getattr(later, "agent_class", None) not in ("protester", "rioter", None)
                    or "#riot.noun:" in getattr(later, "rule", "")):  # "riots in prisons" is background
                continue
            rule = getattr(later, "rule", "later sentence")
            if sub == "Violent demonstration" and main.sub_event_type == "Peaceful protest":
                return _retyped(main, sub, rule)
            if sub in rank and rank.index(sub) > rank.index(main.sub_event_type):
                main = _retyped(main, sub, rule)
    return main


_SOME = re.compile(r"^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|some|many|"
                   r"hundreds|scores|they|them|most|all|at least|over|more than)\b", re.I)


def _arrested_at_protest(t: Any) -> bool:
    """An arrest reported after a protest that concerns its participants ("7 were detained")."""
    if getattr(t, "target_class", None) == "protester":
        return True
    text = getattr(t, "target_text", None)
    return bool(text and _SOME.match(text.strip()))


def _retyped(t: Any, sub_event_type: str, rule: str) -> Any:
    """``t`` (a Typing, or an Event) with another sub-event type."""
    sub = load_ontology().get(sub_event_type)
    if isinstance(t, Typing):
        return replace(t, event_type=sub.event_type, sub_event_type=sub.name, plover_type=sub.plover_type,
                       plover_mode=sub.plover_mode, rule=f"{t.rule}+{rule}")
    return replace(t, event_type=sub.event_type, sub_event_type=sub.name, plover_type=sub.plover_type)


# ---------------------------------------------------------------------------- trained model

def load_model(settings: Any) -> Any:
    """The trained sub-event model in ``settings.data_path/models``, or ``None`` when there is none."""
    from .train import load_trained

    return load_trained(settings)


_INSTALLED: list[Any] = []  # [model or None] once looked up


def installed_model() -> Any:
    """The model in the configured data directory, looked up once per process (``None`` if none)."""
    if not _INSTALLED:
        from ..settings import load_settings

        _INSTALLED.append(load_model(load_settings()))
    return _INSTALLED[0]


def forget_installed_model() -> None:
    """Forget the cached model (after ``frontlines train`` saved a new one)."""
    _INSTALLED.clear()


def _apply_model(sent: Any, typings: list[Typing], model: Any) -> list[Typing]:
    from .train import cues_of

    label, prob = model.predict_one(sent.text, rule_labels=cues_of([typings]))
    if label is None or prob < model.threshold:
        return typings
    if typings:
        first = typings[0]
        if first.sub_event_type == label:
            return typings
        return [_retyped(first, label, f"model:{model.name}"), *typings[1:]]
    if prob < model.threshold_alone:
        return []
    root = sent.root
    sub = load_ontology().get(label)
    conf = round(min(0.95, 0.5 + prob / 2), 3)
    return [Typing(sub.event_type, sub.name, sub.plover_type, sub.plover_mode, root.idx,
                   root.idx + len(root.text), root.text, root.i, f"model:{model.name}", conf)]
