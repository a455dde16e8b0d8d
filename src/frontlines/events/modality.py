"""Modality (asserted / claimed / planned / denied / speculative) and attribution of an event.

Both are read from the dependency parse around the event's trigger token, with the cue words of
``data/events/modality.yaml``. Precedence: denied > speculative > planned > claimed > asserted
(a threat reported by a spokesman is *planned*, attributed to the spokesman). Attribution is the
text of whoever the sentence says reported it ("according to X", "X said ...", "reports came
that ..."); a sentence without a reporting frame has none: it is never borrowed from a neighbour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import yamlfile
from ..deptree import VERBS, ascent, path
from ..records import Modality
from .coreference import load_cues
from .matching import load_matching

LEXICON = "events/modality.yaml"
#: Dependencies that hang a clause on a noun: cues above them do not govern the trigger,
#: unless the clause is an infinitive ("the zero hour to attack", "a plan to strike").
NOUN_CLAUSES = ("relcl", "acl")
#: Dependencies along which a verb chain shares auxiliaries and negation with the trigger.
CHAIN = ("xcomp", "conj", "dobj", "attr", "nsubj", "nsubjpass", "aux", "prep", "pobj", "pcomp")


@dataclass(frozen=True)
class Reading:
    """Modality and attribution of one trigger, with the rules that gave them."""

    modality: Modality
    modality_rule: str
    attribution: str | None
    attribution_rule: str


@lru_cache(maxsize=1)
def load_modality() -> dict[str, Any]:
    """The modality lexicon (cached), with its lists turned into sets."""
    path = resources.files("frontlines") / "data" / LEXICON
    raw: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    return {k: ({kk: set(vv) if isinstance(vv, list) else vv for kk, vv in v.items()} if isinstance(v, dict) else v)
            for k, v in raw.items()}


def governors(trigger: Any) -> list[Any]:
    """Tokens above the trigger that can govern its modality, nearest first."""
    return list(ascent(trigger, lambda t: t.dep_ not in NOUN_CLAUSES or
                       any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)))


def verb_chain(trigger: Any) -> list[Any]:
    """The trigger and the verbs it shares auxiliaries with ("will continue to attack", "launched an attack")."""
    chain = [trigger]
    for tok in ascent(trigger, lambda t: t.dep_ in CHAIN, limit=4):
        chain.append(tok)
        if tok.pos_ in VERBS:
            break
    return chain


def subject_of(verb: Any) -> Any | None:
    """The subject token of a verb, looking up through conj/advcl/xcomp when it has none."""
    clause = path(verb, lambda t: t.dep_ in ("conj", "advcl", "xcomp"), limit=3)
    return next((c for t in clause for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def phrase(token: Any) -> str:
    """The text of a token's subtree, leading determiners stripped: "The Syrian state TV" → "Syrian state TV"."""
    strip = load_modality()["attribution"]["strip_leading"]
    words = [t for t in token.subtree if t.dep_ != "punct" or t.text in ("-", "'")]
    while words and words[0].lower_ in strip:
        words = words[1:]
    return " ".join(" ".join(t.text_with_ws for t in words).split()).replace(" - ", "-")


def read(trigger: Any) -> Reading:
    """Modality and attribution of the event whose trigger token is ``trigger``."""
    lex = load_modality()
    modality, mrule = _modality(trigger, lex)
    attribution, arule = _attribution(trigger, lex)
    if modality == "asserted" and attribution is not None:
        modality, mrule = "claimed", f"{arule} (reported speech)"
    return Reading(modality, mrule, attribution, arule)


def _cue(tokens: Any, dep: str | None, words: Any) -> Any:
    """The first token with dependency ``dep`` (any, if None) whose lower form is one of ``words`` (any, if None)."""
    return next((t for t in tokens if (dep is None or t.dep_ == dep) and (words is None or t.lower_ in words)), None)


def _modality(trigger: Any, lex: dict[str, Any]) -> tuple[Modality, str]:
    word = presupposing_word(trigger)
    if word is not None:  # "would be perceived during the attack": the attack happened
        return "asserted", f"modality.yaml#asserted:presupposed '{word.text.lower()}'"
    chain = verb_chain(trigger)
    above = [g for g in _own_clause(trigger, governors(trigger)) if not _attributive(g, lex["speculative"]["attributive"])
             and not _infinitive_elsewhere(g, trigger)]
    kids = [c for t in chain for c in t.children]
    # a doubt or a denial of the predicate a noun trigger is the object of ("most likely responsible
    # for the attack", "denied any role in the bombing") is about who did it, not whether it happened
    adverb_kids = [c for t in _below_predicate(trigger, chain) for c in t.children]
    presupposed = _below_predicate(trigger, above)
    den, spec, plan, claim = lex["denied"], lex["speculative"], lex["planned"], lex["claimed"]
    # negation is not shared across coordination: "not finished and will continue", nor with the
    # predicate a noun trigger is the time of ("were not there at the time of the attack")
    own = chain[: next((i + 1 for i, t in enumerate(chain) if t.dep_ == "conj"), len(chain))]
    own = own[: next((i + 1 for i, t in enumerate(own) if _time_adjunct(t, trigger, den)), len(own))]
    own_kids = [c for t in own for c in t.children]
    impersonal = _impersonal(trigger, above, spec["impersonal_frames"])
    cond = conditional_mark(trigger, above, spec["conditional_marks"])
    asked = [trigger] if is_question(trigger.sent) else []
    # (modality, cue kind, where to look, the dependency it must hang by, the cue words), in precedence order
    cues: tuple[tuple[Modality, str, Any, str | None, Any], ...] = (
        ("denied", "negation", own_kids, "neg", den["negations"]),
        ("denied", "governor", presupposed, None, den["governors"]),
        ("denied", "refusal", _refused(trigger), None, den["refusals"]),
        ("denied", "cancelled", _cancelled(trigger, den["cancellations"], den["cancelling_phrasal"]), None, None),
        ("speculative", "aux", kids, "aux", spec["aux"]),
        ("speculative", "adverb", adverb_kids, "advmod", spec["adverbs"]),
        ("speculative", "modifier", trigger.children, "amod", spec["modifiers"]),
        ("speculative", "condition", [cond] if cond is not None else [], None, None),
        ("speculative", "question", asked, None, None),
        ("speculative", "impersonal", impersonal, None, spec["impersonal_frames"]),
        ("speculative", "governor", presupposed, None, spec["governors"]),
        ("planned", "aux", kids, "aux", plan["aux"]),
        ("planned", "modifier", trigger.children, "amod", plan["modifiers"]),
        ("planned", "governor", _planning(trigger, above, plan["infinitive_governors"],
                                          plan["own_infinitive_governors"]), None, plan["governors"]),
        ("planned", "call", _called_for(trigger, plan["calls"]), None, None),
        ("planned", "headline", _headline_future(chain), None, None),
        ("claimed", "adverb", kids, "advmod", claim["adverbs"]),
    )
    dated = dated_noun(trigger)
    going_on = _ongoing(chain, plan)
    for modality, kind, tokens, dep, words in cues:
        if going_on and modality == "planned" and kind == "aux":
            continue
        if dated and modality == "planned" and kind == "governor":
            continue  # "was set to visit weeks after the Sept. 11 attack": the visit is the plan
        found = _cue(tokens, dep, words)
        if found is not None:
            if kind == "question":
                return modality, f"modality.yaml#{modality}:question"
            said = f"it is {found.text}" if kind == "impersonal" and subject_of(found) is not None else found.text
            return modality, f"modality.yaml#{modality}:{kind} '{said}'"
    return "asserted", "modality.yaml#asserted:no-cue"


def _own_clause(trigger: Any, above: list[Any]) -> list[Any]:
    """The governors up to a finite adverbial clause on the way (one with a subject of its own:
    "warned residents to flee while jets bombed the town"): a warning, plan, doubt or denial above
    it is not about what that clause tells. An infinitive of purpose ("ordered troops north to
    attack the town") stays governed."""
    for i, tok in enumerate([trigger, *above][:-1]):
        if tok.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children) and \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return above[:i]
    return above


def _time_adjunct(prep: Any, trigger: Any, den: dict[str, Any]) -> bool:
    """A preposition that hangs a noun trigger's phrase on a verb as its time or circumstance
    (``denied.adjunct_prepositions``; "at" before a noun of ``denied.adjunct_time_nouns``)."""
    if trigger.pos_ not in ("NOUN", "PROPN") or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if prep.lower_ in den["adjunct_prepositions"]:
        return True
    return prep.lower_ == "at" and any(c.dep_ == "pobj" and c.lower_ in den["adjunct_time_nouns"] for c in prep.children)


def _called_for(trigger: Any, verbs: Any) -> list[Any]:
    """The verb that calls for the noun trigger, the object of its "for" or its own object with no definite
    or possessive determiner ("called for a ceasefire", "called a general strike"); not one that names it
    something ("called the attack cowardly", "called the strike a success")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    verb = trigger.head
    if trigger.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif trigger.dep_ not in ("dobj", "obj") or any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that", "these",
                                                                                     "those") for c in trigger.children):
        return []
    if verb.lower_ not in verbs or any(c.dep_ in ("oprd", "attr", "acomp", "xcomp", "ccomp") for c in verb.children):
        return []
    return [verb]


def _headline_future(chain: list[Any]) -> list[Any]:
    """The "to" of a headline's future: a root verb of the trigger's chain in the base form with a subject and "to",
    no finite verb ("Gondor to send 500 troops to Rohan border")."""
    return [c for t in chain if t.dep_ == "ROOT" and t.tag_ == "VB" and any(s.dep_ == "nsubj" for s in t.children)
            for c in t.children if c.dep_ == "aux" and c.lower_ == "to"]


def _cancelled(trigger: Any, verbs: Any, phrasal: Any) -> list[Any]:
    """The verb that cancels the trigger, its object ("cancelled the march", "the strike was called off",
    "postponed their walkout"; not its subject: "the air strike cancelled the talks")."""
    head = trigger.head
    if trigger.dep_ not in ("dobj", "obj", "nsubjpass", "xcomp") or head.i == trigger.i:
        return []
    if head.lower_ in verbs or any(c.dep_ == "prt" and f"{head.lower_} {c.lower_}" in phrasal for c in head.children):
        return [head]
    return []


def _refused(trigger: Any) -> list[Any]:
    """The verb whose infinitive the trigger verb is ("declined to sign the agreement", "refused to
    withdraw"): a refusal, if that verb is one (``denied.refusals``), says it did not happen."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ != "xcomp" or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return []
    return [trigger.head]


def presupposing_word(tok: Any) -> Any | None:
    """The word by which a sentence presupposes that a definite incident noun happened, or ``None``: a singular
    noun of ``matching.yaml#incident_nouns`` with a definite or possessive determiner
    (``incidents.yaml#anaphora_determiners``) or a date (:func:`dated_noun`: "the attack", "Sunday's raid") that
    is the object of a preposition of ``modality.yaml#presupposed.preps`` ("during the attack", "after the raid")
    or the "of"/"to"/"with" of a noun of ``#presupposed.nouns`` ("on the night of the raid", "the handling of the
    attack", "in connection with the poisoning"), or such a noun or one of ``#presupposed.counted_nouns`` counted
    by its length (:func:`counted_period`: "after two days of fierce fighting"), under no verb with an auxiliary
    of the future (``#planned.aux``: "troops will deploy after the attack" names one to come). A definite
    description presupposes its referent, whatever else the clause
    around it says ("the envoy would resign after the attack"); not a bare, plural or indefinite noun ("after an
    attack", "after attacks"), nor a gathering announced ahead (``#presupposed.announced``: "a vigil after the
    rally"). The one test of a definite incident noun placed in time: modality (``asserted:presupposed``),
    scope (:func:`.scope.modal.presupposed_under_modal`) and recall (:func:`.mentions.presupposed_mention`:
    "since the raid", "in the aftermath of the ambush", "on the night of the raid")."""
    lex = load_modality()
    presupposing = lex["presupposed"]
    phrase = _object_phrase(tok)
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or phrase is None:
        return None
    prep, determiners = phrase
    lemma = tok.lemma_.lower()
    incident = lemma in load_matching()["incident_nouns"] - presupposing["announced"]
    period = counted_period(tok) if incident or lemma in presupposing["counted_nouns"] else None
    definite = load_cues()["anaphora_determiners"]
    if period is None and not (incident and (dated_noun(tok) or any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite) for c in determiners))):
        return None
    if any(c.dep_ == "aux" and c.lower_ in lex["planned"]["aux"] for g in governors(tok) for c in g.children):
        return None
    if period is not None:
        prep = period.head
    if prep.lower_ in presupposing["preps"]:
        return prep
    if prep.lower_ in ("of", "to", "with") and prep.head.pos_ == "NOUN" and \
            prep.head.lemma_.lower() in presupposing["nouns"]:
        return prep.head
    return None


def _object_phrase(tok: Any) -> tuple[Any, list[Any]] | None:
    """The preposition a noun is the object of and the words that may determine it (its children), or ``None``.
    A noun the parser hung as a modifier on a noun after a comma is the object of the preposition two words
    before it, determined by the word between ("on the night of the raid, officials gathered": "raid" parsed as
    an adjective of "officials", its "the" and its "of" as theirs; the comma ends its phrase)."""
    if tok.dep_ == "pobj":
        return tok.head, list(tok.children)
    doc = tok.doc
    if tok.dep_ in ("amod", "compound") and 2 <= tok.i < len(doc) - 1 and doc[tok.i + 1].text == "," and \
            tok.head.i > tok.i + 1 and doc[tok.i - 1].dep_ == "det" and doc[tok.i - 2].dep_ == "prep" and \
            all(c.i == tok.head.i for c in doc[tok.i - 2].children if c.dep_ == "pobj"):
        return doc[tok.i - 2], [doc[tok.i - 1]]
    return None


def counted_period(tok: Any) -> Any | None:
    """The counted period a noun is the "of" of ("after two days of fierce fighting", "after several hours of
    fighting": a noun of ``modality.yaml#presupposed.periods`` with a number or a word of ``#presupposed.counts``),
    when that period is itself the object of a preposition; ``None`` otherwise. Counting how long it lasted
    places one incident in time as a definite article does."""
    presupposing = load_modality()["presupposed"]
    of, period = tok.head, tok.head.head
    if of.lower_ != "of" or of.dep_ != "prep" or period.dep_ != "pobj" or \
            period.lemma_.lower() not in presupposing["periods"]:
        return None
    counts = presupposing["counts"]
    counted = any(c.dep_ in ("nummod", "amod", "det") and (c.like_num or c.lower_ in counts) for c in period.children)
    return period if counted else None


def dated_noun(tok: Any) -> bool:
    """A noun that names one past occurrence by its date ("last week's air strike on ...", "the
    March 4 poisoning", "Tuesday's raid"): a date or time among the words before it in its phrase,
    none of them a word of the future (``matching.yaml#future_date_words``: "next week's protest")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    before = [t for t in tok.subtree if t.i < tok.i]
    dated = [t for t in before if t.ent_type_ in ("DATE", "TIME")]
    future = load_matching()["future_date_words"]
    return bool(dated) and not any(t.lower_ in future for t in dated)


def _ongoing(chain: list[Any], plan: dict[str, Any]) -> bool:
    """The trigger's verb goes on into another day or week ("will continue for a fourth straight day",
    "will enter its second week"): the occurrence has begun (``modality.yaml#planned.ongoing_*``)."""
    for verb in chain:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in plan["ongoing_verbs"]:
            return any(t.lower_ in plan["ongoing_periods"] and any(c.lower_ in plan["ongoing_counts"] for c in t.children)
                       for t in verb.subtree)
    return False


def _below_predicate(trigger: Any, tokens: list[Any]) -> list[Any]:
    """The tokens above a noun or gerund trigger (nearest first) up to the preposition it hangs from
    ("for the attack", "in the bombing", "suspected of blowing up"; not "of" under a noun: "reports of
    an attack" tell its content, nor any preposition under a noun for a gerund: "an appeal for deploying
    troops"; nor "to", often an infinitive the parser took for one: "expects to clear mines"); all of
    them for another verb."""
    gerund = _gerund_object(trigger)
    if trigger.pos_ not in ("NOUN", "PROPN") and not gerund:
        return tokens
    cut = next((i + 1 for i, t in enumerate(tokens) if t.dep_ == "prep" and t.lower_ != "to" and
                ((t.lower_ != "of" and not gerund) or t.head.pos_ not in ("NOUN", "PROPN"))), len(tokens))
    return tokens[:cut]


def _gerund_object(tok: Any) -> bool:
    """A gerund that is the object of a preposition ("accused of attacking", "responsible for shelling"):
    it names an act, as a noun does."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep"


def _planning(trigger: Any, above: list[Any], infinitive_only: Any, own_only: Any) -> list[Any]:
    """Governors that can make the trigger a plan: one of ``infinitive_only`` only over an infinitive, one of
    ``own_only`` only over the trigger as its own infinitive."""
    below = [trigger, *above]  # the token on the path just under each governor
    return [g for i, g in enumerate(above) if (g.lower_ not in infinitive_only or _infinitive(below[i]))
            and (g.lower_ not in own_only or (i == 0 and _infinitive(trigger)))]


def _infinitive(tok: Any) -> bool:
    """The token is the infinitive a verb takes ("set to march"; "to" itself where the parser made it a preposition)."""
    return tok.dep_ == "xcomp" or tok.lower_ == "to"


def _attributive(tok: Any, words: Any) -> bool:
    """A word of ``words`` the parser took for a verb with no subject of its own, right before the
    subject of the clause it heads ("On 9 May, suspected Dunland militants killed ...": the word
    says who is thought to have done it, not whether it happened)."""
    if tok.lower_ not in words or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children):
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == tok.i + 1 for t in tok.subtree)


def _infinitive_elsewhere(tok: Any, trigger: Any) -> bool:
    """A governor whose doubt or plan is about an infinitive of its own that the trigger is not in
    ("gunmen believed to belong to the militia shot a man", parsed with "believed" over "shot": what
    is believed is whom they belong to)."""
    return any(c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) and
               trigger not in c.subtree and c.i < trigger.i for c in tok.children)


def _impersonal(trigger: Any, above: list[Any], frames: Any) -> list[Any]:
    """Governors that frame the event impersonally: "it is likely that ...", "likely" with no subject; not
    a participle that describes a noun and takes the trigger after a preposition ("two men suspected of
    bombing the station": the doubt is who did it; "troops rumoured to have shelled the town" stays); not a root
    verb in the simple past with no subject found ("..., killing seven civilians including two children, residents and an
    aid group said": the parse hung the speakers on the victims; "it is said" is a participle)."""
    out = []
    for g, below in zip(above, [trigger, *above], strict=False):
        if g.lower_ in frames and not (g.dep_ == "acl" and g.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                                       and below.dep_ in ("prep", "agent")):
            subj = subject_of(g)
            if (subj is None and not (g.tag_ == "VBD" and g.dep_ == "ROOT")) or (subj is not None and subj.lower_ == "it"):
                out.append(g)
    return out


def conditional_mark(trigger: Any, above: list[Any], marks: set[str]) -> Any | None:
    """The "if"/"unless" that makes the trigger's clause (or a clause above it) a condition, if any."""
    for tok in [trigger, *above]:
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in marks:
                return c
    return None


def is_question(sent: Any) -> bool:
    """The sentence asks a question (ends with "?", closing quotes aside): it reports nothing."""
    text = sent.text.rstrip().rstrip("\"'”’)»")
    return text.endswith("?")


def _attribution(trigger: Any, lex: dict[str, Any]) -> tuple[str | None, str]:
    claim = lex["claimed"]
    for g in governors(trigger):
        if g.lower_ in claim["reporting_verbs"]:
            subj = subject_of(g)
            if subj is not None and subj.lower_ not in ("it", "this", "that", "which"):
                return phrase(subj), f"modality.yaml#claimed:reporting-verb '{g.text}'"
        if g.lower_ in claim["report_frame_verbs"]:
            subj = subject_of(g)
            if subj is not None and subj.lower_ in claim["report_nouns"]:
                return phrase(subj), f"modality.yaml#claimed:report-frame '{subj.text} {g.text}'"
    for tok in trigger.sent:
        if tok.lower_ in claim["source_preps"] and tok.dep_ in ("prep", "advcl", "acl"):
            src = _source_of(tok)
            if src is not None:
                return phrase(src), f"modality.yaml#claimed:source-prep '{tok.text}'"
    return None, "modality.yaml#attribution:none"


def _source_of(prep: Any) -> Any | None:
    """The noun a source preposition names: "according to the field reports" → "reports"."""
    for c in prep.children:
        if c.dep_ in ("pobj", "dobj"):
            return c
        if c.dep_ == "prep":
            for cc in c.children:
                if cc.dep_ == "pobj":
                    return cc
    return None
