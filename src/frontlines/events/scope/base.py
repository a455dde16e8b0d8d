"""The scope rules' shared parts: the rule type (:class:`ScopeRule`), what a rule reads of a sentence
(:class:`Context`, :func:`context`), the word lists of ``data/events/scope.yaml`` (:func:`load_scope`), the
actor classes and event types the rules name, and the parse helpers several rule families use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ... import yamlfile
from ...deptree import ascent
from ...fold import fold
from ..matching import padded_text, words_of
from ..modality import load_modality
from ..ontology import Lexicon
from ..roles import classes_of
from ..typings import Typing

#: Actor classes of the trigger lexicon that put a sentence in ACLED's scope whatever else it says.
CONFLICT_CLASSES = frozenset({"nonstate", "protester", "rioter"})

#: Actor classes of armed actors (a participle that describes one says what it does, not what happened).
ARMED_CLASSES = frozenset({"state", "nonstate", "armed"})

#: Event types of violence: a noun of these that is prevented did not happen ("to prevent attacks").
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})

#: The lists of ``scope.yaml`` matched against the sentence's folded words; the others hold lemmas or names.
SENTENCE_CUES = frozenset({"crime", "suspect", "court", "court_reporting", "forensic", "off_duty", "onlookers", "rights_reporters", "police_report", "police_report_weapons", "conflict", "conflict_exceptions",
                           "noncombat_aircraft",
                           "accident", "violence_signs", "body_signs",
                           "strike_cues", "idioms", "public_roles", "arson_cues", "training_cues"})


@cache
def load_scope() -> dict[str, tuple[str, ...]]:
    """The lists of ``data/events/scope.yaml`` (cached): sentence cues folded and padded (" robber",
    " war " for a cue written with a final space: the whole word), lemma lists as written."""
    text = resources.files("frontlines").joinpath("data/events/scope.yaml").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for key, vals in yamlfile.load(text).items():
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


def trigger_of(t: Typing, ctx: Context) -> Any:
    """The typing's trigger token."""
    return ctx.sent.doc[t.trigger_index]


def lemma(tok: Any) -> str:
    """A token's lemma, lower-cased."""
    return str(tok.lemma_).lower()


def verb_of(tok: Any) -> Any:
    """The verb a trigger tells of: a noun trigger's verb when it is that verb's subject or object
    ("attacks continued", "launched raids"), else the trigger itself."""
    return tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok


def armed_subject_above(tok: Any, ctx: Context, *, sources: bool = True) -> bool:
    """A state or armed subject of the trigger or of a verb above it ("police officers were accused
    of raping ..."; "the mother of a child who was raped says the police failed her" has none).
    ``sources=False``: the subject of a reporting verb above (``modality.yaml#claimed.reporting_verbs``:
    "..., the army said") is the source, no doer, and does not count."""
    said = set() if sources else set(load_modality()["claimed"]["reporting_verbs"])
    return any(c.dep_ in ("nsubj", "nsubjpass") and classes_of([c], ctx.lexicon) & ARMED_CLASSES
               for a in [tok, *tok.ancestors] if a.i == tok.i or a.lower_ not in said for c in a.children)


def clause_path(tok: Any) -> list[Any]:
    """The trigger and the verbs it is coordinated with or the complement of, up to its clause's head
    ("allowed to seize the port and arrest its captain": arrest, seize, allowed)."""
    return [tok, *ascent(tok, lambda t: t.dep_ in ("conj", "xcomp"), limit=5)]


def simple_present(tok: Any) -> bool:
    """A verb in the simple present, active ("arrest") or passive ("are detained")."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in ("VBP", "VBZ"):
        return not auxes
    return tok.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in ("VBP", "VBZ")


def bare(tok: Any) -> bool:
    """A noun with no determiner, number, possessive or predeterminer ("policemen", "forces")."""
    return not any(c.dep_ in ("det", "nummod", "poss", "predet") for c in tok.children)


def bare_plural(tok: Any) -> bool:
    """A plural common noun with no determiner, number, possessive or list (:func:`bare`)."""
    return tok.tag_ == "NNS" and bare(tok) and not any(c.dep_ == "conj" for c in tok.children)
