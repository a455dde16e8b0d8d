"""The main event of a short report (an ACLED note, a wire snippet) from its sentences' typings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .matching import load_matching
from .typings import INTER_CLASS, retyped

_INTERVENTION = {"Protest with intervention", "Excessive force against protesters", "Arrests"}
_PROTESTS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory",
              "Non-violent transfer of territory"}


def main_typing(sentences: Iterable[Sequence[Any]], rejected: Sequence[Any] = (), text: str = "") -> Any:
    """The main event of a short report (an ACLED note, a wire snippet).

    The first sentence that reports an event gives it (its most confident typing), and then, as
    ACLED codes them:
    - a chemical weapon beats the other explosions it names ("rockets loaded with toxic gas");
    - an abduction whose victims the report says were killed is the killing;
    - a shelling or grenade attack is an armed clash when a mention reports the fire exchanged or
      at close range (``matching.yaml#direct_fire_entries``: "fired back", small arms);
    - a clash or scuffle that a protest's report tells is a violent demonstration;
    - a clash is the territorial change another sentence reports (a battle that moves a front line);
    - later sentences can otherwise only sharpen a protest: police intervention makes it "Protest
      with intervention", lethal force "Excessive force against protesters", protester violence
      (or property destroyed by the protesters or by no one named) "Violent demonstration";
    - a peaceful protest is "Protest with intervention" where a later sentence's candidate of police
      intervention (``rejected``: the report's rejected candidates, :class:`~frontlines.records.RejectedEvent`) failed
      only for the protest its own sentence does not name, or was typed and the gate judged it alone
      (:func:`_told_intervention`: "Police intervened.", "Seven were detained by the police."), with no
      candidate of another incident beside it (:func:`_other_incident`: "police intervened in a brawl");
    - an attack whose victim a later sentence of the report's ``text`` says was a gang member, armed or
      charged with trafficking is an armed clash (:func:`_armed_victim`: ACLED codes violence between
      armed groups, gangs included, as battles).
    """
    sents = [s for s in sentences if s]
    if not sents:
        return None
    main = max(sents[0], key=lambda t: t.confidence)
    chemical = [t for t in sents[0] if t.sub_event_type == "Chemical weapon"]
    if chemical and main.event_type == "Explosions/Remote violence":
        return chemical[0]  # ACLED codes chemical agents as such whatever delivers them (shells, rockets, bombs)
    if main.sub_event_type == "Abduction/forced disappearance":
        # "kidnapped a man ... his body was found": ACLED codes the killing (not an earlier one told as background)
        killing = next((t for s in sents for t in s if t.sub_event_type in ("Attack", "Armed clash")
                        and not _earlier(t, main)), None)
        if killing is not None:
            main = killing
    if main.sub_event_type in ("Shelling/artillery/missile attack", "Grenade"):
        # fire exchanged or at close range makes the shelling a battle (ACLED's Armed clash)
        direct = next((t for s in sents for t in s if _entry(t) in load_matching()["direct_fire_entries"]), None)
        if direct is not None:
            main = retyped(main, "Armed clash", _rule(direct))
    if _protest_clash(main) and any(t.sub_event_type in _PROTESTS for t in sents[0]):
        # "workers were injured in a clash with the police during their demonstration": the demonstrators' clash
        return retyped(main, "Violent demonstration", _rule(main))
    if main.sub_event_type == "Attack" and _armed_victim(text, main):
        main = retyped(main, "Armed clash", "later:armed-victim")
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
            if _protest_clash(later):  # "clashes with the police broke out"
                sub = "Violent demonstration"
            if sub == "Looting/property destruction" and _agent_class(later) in ("protester", "rioter", None):
                sub = "Violent demonstration"  # "chairs were burnt and property destroyed": the demonstrators'
            if sub == "Violent demonstration" and (
                    _agent_class(later) not in ("protester", "rioter", None)
                    or "#riot.noun:" in _rule(later)):  # "riots in prisons" is background
                continue
            rule = _rule(later) or "later sentence"
            if sub == "Violent demonstration" and main.sub_event_type == "Peaceful protest":
                return retyped(main, sub, rule)
            if sub in rank and rank.index(sub) > rank.index(main.sub_event_type):
                main = retyped(main, sub, rule)
        if main.sub_event_type == "Peaceful protest":
            told = next((r for r in rejected if _told_intervention(r, main) and not _other_incident(r, rejected)), None)
            if told is not None:
                main = retyped(main, "Protest with intervention", f"later:{told.reason}:{told.trigger.lower()}")
    return main


_VICTIM = re.compile(r"(?:^|[.;] )(?:the |both |all )?victims? (?:\w+ ){0,2}(?:was|were|had|had been|is)\b([^.;]*)", re.I)


_CLAUSE = re.compile(r"\b(?:who|whom|which|that|after|before|because|when|while|by|with|since)\b")


def _armed_victim(text: str, main: Any) -> bool:
    """A sentence after the main event's (in the report's ``text``) opens with the victim and says they were
    of an armed group or a gang, armed, or charged with its crimes (``matching.yaml#armed_victim_words``:
    "The victim was involved in a gang", "The victim was wanted for drug trafficking"); an
    assembled event only (a typing has no sentence end)."""
    end = getattr(main, "end", None)
    if not text or end is None or not hasattr(main, "sentence"):
        return False
    words = load_matching()["armed_victim_words"]
    # what the victim was, up to a clause of its own ("a leader who denounced the armed groups", "a record,
    # which is why police suspect gangs", "killed after the group met the armed men")
    said = [_CLAUSE.split(m.group(1).lower())[0] for m in _VICTIM.finditer(text[end:].lstrip())]
    return any(re.search(rf"\b{re.escape(w)}", clause) for clause in said for w in words)  # not "unarmed"


def _other_incident(r: Any, rejected: Sequence[Any]) -> bool:
    """The sentence of a rejected candidate has a candidate of another kind than a protest, its policing or an
    arrest ("police intervened in a brawl"): the intervention may be in that other incident."""
    kinds = _PROTESTS | _INTERVENTION | {"Abduction/forced disappearance"}
    return any(o.sentence_start == r.sentence_start and o.sub_event_type and o.sub_event_type not in kinds
               for o in rejected)


def _told_intervention(r: Any, main: Any) -> bool:
    """A rejected candidate, after the protest's sentence, of police intervention that failed only for want of a
    protest named in its sentence (an entry of ``matching.yaml#intervention_entries``, its cues) or that the gate
    rejected (``model:``): the report's protest is the one the police broke up."""
    if r.sub_event_type != "Protest with intervention" or r.sentence_start < main.end:
        return False
    matching = load_matching()
    entry = r.reason.split(":")[1] if r.reason.startswith("lexicon:") else ""
    if not (r.reason.startswith("model:") or (entry in matching["intervention_entries"] and r.reason.endswith(":cues"))):
        return False
    # told of the protesters ("Seven were detained", "Several arrests were made") or by the police ("Police
    # intervened"), not of one person's earlier arrest ("He was arrested in a corruption case") or a measure
    opening = r.sentence.strip().lower()
    counted = bool(_SOME.match(opening)) and not opening.startswith(("they ", "them "))  # "They blocked the road"
    return counted or opening.startswith(tuple(f"{w} " for w in matching["intervening_subjects"]))


def headline_means(lede: Any, headline: Sequence[Any]) -> tuple[str, str] | None:
    """The sub-event type (and its rule) that the headline gives a lede told by a bare killing.

    A lede often tells only the killing ("Rockets slammed into a neighbourhood, killing seven";
    typed Attack, the means unnamed in its trigger) where the headline names the means ("Rocket
    fire kills 7", "Car bomb kills six"). ACLED codes an attack by remote means as that explosion,
    so the headline's Explosions/Remote violence type wins over the lede's Attack; any other
    pair keeps the lede's type.
    """
    if getattr(lede, "sub_event_type", None) != "Attack" or not headline:
        return None
    best = max(headline, key=lambda t: t.confidence)
    if best.event_type != "Explosions/Remote violence":
        return None
    return best.sub_event_type, f"headline:{_rule(best)}"


def _earlier(t: Any, main: Any) -> bool:
    """Whether an assembled event is dated before the main one ("In March, militants killed ...")."""
    a, b = getattr(t, "date", None), getattr(main, "date", None)
    return a is not None and b is not None and a < b


def _protest_clash(t: Any) -> bool:
    """A clash or scuffle (``matching.yaml#protest_clash_words``), which a protest's report tells of its demonstrators."""
    trigger = str(getattr(t, "trigger", None) or getattr(t, "evidence", {}).get("trigger", "")).strip("'").lower()
    return t.sub_event_type in ("Armed clash", "Mob violence") and trigger in load_matching()["protest_clash_words"]


def _entry(t: Any) -> str:
    """The id of the lexicon entry that typed a typing or an assembled event ("" for none)."""
    rule = _rule(t)
    return rule.split("#", 1)[1].split(":", 1)[0] if rule.startswith("lexicon:") and "#" in rule else ""


def _agent_class(t: Any) -> str | None:
    """Who acts, as a typing's actor class; for an assembled event, its actor1's ACLED inter code's."""
    if hasattr(t, "agent_class"):
        return t.agent_class  # type: ignore[no-any-return]
    actor = getattr(t, "actor1", None)
    return INTER_CLASS.get(actor.inter or 0) if actor is not None else None


def _rule(t: Any) -> str:
    """The rule that typed a typing, or an assembled event (its sub-event type's evidence)."""
    rule = getattr(t, "rule", None)
    if rule is None:
        rule = getattr(t, "evidence", {}).get("sub_event_type")
    return str(rule or "")


_SOME = re.compile(r"^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|some|many|"
                   r"hundreds|scores|they|them|most|all|at least|over|more than)\b", re.I)


def _arrested_at_protest(t: Any) -> bool:
    """An arrest reported after a protest that concerns its participants ("7 were detained")."""
    if getattr(t, "target_class", None) == "protester":
        return True
    text = getattr(t, "target_text", None)
    return bool(text and _SOME.match(text.strip()))
