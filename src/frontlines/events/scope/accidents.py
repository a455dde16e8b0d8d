"""Accidents and nature: a death or damage that is nobody's act (an accident, a disaster, a
fire or a storm) or not yet told to be anyone's (a body found), or no damage at all (a door forced to get
in)."""

from __future__ import annotations

from ..matching import padded_text, words_of
from ..typings import Typing
from .base import Context, ScopeRule, armed_subject_above, lemma, load_scope, trigger_of, verb_of


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
    or armed subject of the trigger or a verb above it, a reporting verb's source aside ("a military
    helicopter crashed, killing its crew, the army said"): ACLED codes no accident."""
    if t.event_type not in load_scope()["accident_types"] or not ctx.has("accident"):
        return False
    return not _violence_named(ctx.padded) and not armed_subject_above(trigger_of(t, ctx), ctx, sources=False)


def _bare_body(t: Typing, ctx: Context) -> bool:
    """An Attack told only by a body found (``scope.yaml#body_lemmas``: "the bodies of two walkers were
    found on the path") in a sentence with no conflict cue, in a report that tells no sign of violence
    anywhere (``violence_signs``, ``body_signs``: "... a body was found. It was burned." stays): a death
    nobody is yet told to have dealt (an accident, an illness, a crime unsolved)."""
    tok = trigger_of(t, ctx)
    if t.sub_event_type != "Attack" or tok.pos_ not in ("NOUN", "PROPN") or \
            lemma(tok) not in load_scope()["body_lemmas"] or ctx.in_conflict:
        return False
    report = padded_text(words_of(ctx.sent.doc[:]))
    return not _violence_named(report) and not any(c in report for c in load_scope()["body_signs"])


def _natural_cause(t: Typing, ctx: Context) -> bool:
    """Property destruction whose doer is a fire or a force of nature (``natural_forces``: "a fire at the
    bakery destroyed the shop", "the storm damaged homes"; a participle's doer is its clause's subject, a relative clause's the noun it is on: "an earthquake struck,
    destroying homes", "the fire that destroyed a warehouse")
    in a sentence naming no arson (``arson_cues``:
    "a fire set by the raiders destroyed the hall" stays): an accident or a disaster, nobody's act."""
    if t.sub_event_type != "Looting/property destruction" or ctx.has("arson_cues"):
        return False
    verb = verb_of(trigger_of(t, ctx))
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not doers and verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "an earthquake struck ..., destroying homes"
        doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(d.tag_ in ("WDT", "WP") for d in doers):  # "the fire that destroyed a warehouse"
        doers = [verb.head]
    return bool(doers) and all(lemma(d) in load_scope()["natural_forces"] for d in doers)


def _forced_entry(t: Typing, ctx: Context) -> bool:
    """Property destruction whose objects are all doors or locks ("the tactical team destroyed the door
    of the room where the gunman was"): a way in forced, no destruction of property ("burned the town
    hall" stays)."""
    if t.sub_event_type != "Looting/property destruction":
        return False
    verb = verb_of(trigger_of(t, ctx))
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(lemma(o) in load_scope()["entry_nouns"] for o in objects)


def _blamed_on_accident(t: Typing, ctx: Context) -> bool:
    """An act of violence (``accident_types``) or a weapon disrupted in a sentence that blames what happened on a
    cause that is nobody's act (``blaming_lemmas`` with an object, or one after "on" or "to", of
    ``accidental_causes``: "an explosion at an ammunition depot killed two soldiers, officials said, blaming the
    heat"; "the blast was blamed on a gas leak"), with no state or armed subject above the trigger but a
    reporting verb's source: an accident."""
    lists = load_scope()
    if t.event_type not in lists["accident_types"] and t.sub_event_type != "Disrupted weapons use":
        return False
    causes = [g for v in ctx.sent if v.pos_ == "VERB" and lemma(v) in lists["blaming_lemmas"] for c in v.children
              for g in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"]
                        if c.dep_ == "prep" and c.lower_ in ("on", "to") else [])]
    return any(lemma(c) in lists["accidental_causes"] for c in causes) and \
        not armed_subject_above(trigger_of(t, ctx), ctx, sources=False)


def _mishap_clause(t: Typing, ctx: Context) -> bool:
    """An act of violence (``accident_types``) whose trigger verb has a clause of "when", "as" or "after" whose verb
    is a mishap (``mishap_lemmas``: "two soldiers were killed when their armoured vehicle overturned") in a sentence
    with no sign of violence (``violence_signs``): the victims being soldiers, :func:`_accident`'s armed subject says
    nothing here ("killed when their vehicle hit a mine" stays: no mishap verb)."""
    tok = trigger_of(t, ctx)
    if t.event_type not in load_scope()["accident_types"] or tok.pos_ != "VERB" or _violence_named(ctx.padded):
        return False
    return any(c.dep_ == "advcl" and lemma(c) in load_scope()["mishap_lemmas"] and
               any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after") for m in c.children)
               for c in tok.children)


def _disaster_relief(t: Typing, ctx: Context) -> bool:
    """A strategic development at a verb of rescue (``rescue_lemmas``: "helicopters evacuated wounded soldiers and
    civilians from the flooded valley") in a sentence that names an accident or a disaster (``accident``) and no sign
    of violence (``violence_signs``): relief work, no move of a conflict party."""
    return t.event_type == "Strategic developments" and lemma(trigger_of(t, ctx)) in load_scope()["rescue_lemmas"] \
        and ctx.has("accident") and not _violence_named(ctx.padded)


#: The rules of this family (``SCOPE_RULES`` in ``__init__.py`` orders them all).
ACCIDENT = ScopeRule("accident", _accident)
BARE_BODY = ScopeRule("bare-body", _bare_body)
NATURAL_CAUSE = ScopeRule("natural-cause", _natural_cause)
FORCED_ENTRY = ScopeRule("forced-entry", _forced_entry)
BLAMED_ON_ACCIDENT = ScopeRule("blamed-on-accident", _blamed_on_accident)
MISHAP_CLAUSE = ScopeRule("mishap-clause", _mishap_clause)
DISASTER_RELIEF = ScopeRule("disaster-relief", _disaster_relief)
