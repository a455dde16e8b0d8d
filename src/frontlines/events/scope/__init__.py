"""Scope rules: named rules that reject a typed candidate as outside ACLED's scope.

The ACLED codebook leaves out ordinary crime and its arrests and trials, court proceedings,
metaphors, and anything that is not a specific conflict occurrence. The event gate learns this
from written sentences, but on real news it scores many such sentences high; these rules say it
explicitly where the parse and a word list can. Each rule is a :class:`ScopeRule`; its word lists
are in ``data/events/scope.yaml``; :func:`out_of_scope` gives the first rule that rejects a typing
(``rule:scope:<name>`` in ``--explain``).

The rules by family, one module each (:data:`SCOPE_RULES` orders them all):

- ``base.py``: the rule type, what a rule reads of a sentence (:class:`Context`), the word lists,
  the shared parse helpers;
- ``crime.py``: ordinary crime and justice (crime news, police reports, courts, one person's violence
  or arrest);
- ``accidents.py``: accidents and nature (a death or damage that is nobody's act, a body found, a door
  forced);
- ``weapons.py``: weapons not used on anyone (mines laid, arms traded or carried, flights that strike
  nothing, cyber attacks);
- ``figurative.py``: metaphor, sport and markets (a trigger word in another sense);
- ``speech.py``: words, not acts (a protest that is a complaint or an objection, a call to act);
- ``modal.py``: what could, should or is meant to happen (hypotheses, intentions, plans, powers,
  prevention);
- ``generic.py``: totals, background and habits (habits, generic statements, periods, tolls);
- ``anchoring.py``: what ties a typing to one occurrence (:func:`anchors`), and the rule for none;
- ``topics.py``: an event named as a topic, not reported;
- ``described.py``: who people are, not what happened (participles and relative clauses on people);
- ``mentioned.py``: an incident or practice mentioned in passing (what a group is known for, a practice alleged,
  targets of a campaign, a sweeping claim, a kind disliked; a civil body founded).
"""

from __future__ import annotations

from ..typings import Typing
from . import (
    accidents,
    anchoring,
    crime,
    described,
    figurative,
    generic,
    mentioned,
    modal,
    speech,
    topics,
    weapons,
)
from .anchoring import ANCHOR_ENTITIES, DEFINITE, FIRST_PERSON, anchors, definite_noun
from .base import (
    ARMED_CLASSES,
    CONFLICT_CLASSES,
    SENTENCE_CUES,
    VIOLENT_TYPES,
    Context,
    ScopeRule,
    context,
    dated,
    load_scope,
)
from .described import TERRITORY_TYPES

__all__ = ["ANCHOR_ENTITIES", "ARMED_CLASSES", "CONFLICT_CLASSES", "DEFINITE", "FIRST_PERSON", "SCOPE_RULES",
           "SENTENCE_CUES", "TERRITORY_TYPES", "VIOLENT_TYPES", "Context", "ScopeRule", "anchors", "context",
           "dated", "definite_noun", "load_scope", "out_of_scope"]

#: The rules, in the order they are tried; the first that applies rejects the typing.
SCOPE_RULES: tuple[ScopeRule, ...] = (
    topics.LINK_LIST,
    crime.ORDINARY_CRIME,
    crime.POLICE_REPORT,
    crime.COURT,
    crime.VERDICT,
    crime.FORENSIC,
    crime.UNDER_INVESTIGATION,
    crime.LONE_ATTACKER,
    modal.HYPOTHETICAL,
    generic.HABITUAL,
    generic.STATE_DESCRIBED,
    modal.INTENDED,
    topics.CLAUSAL_SUBJECT,
    figurative.ADJECTIVE,
    modal.PREVENTED,
    crime.ENDURED,
    crime.FACED,
    figurative.SIGNED_PAPER,
    figurative.WENT_MISSING,
    described.DISPLACED_DESCRIBED,
    described.AFFLICTED_BY,
    described.REFUGEES_FROM,
    figurative.METAPHOR,
    figurative.FOUGHT_TO,
    topics.PLACE_ROLE,
    topics.A_PROBLEM,
    weapons.ARMS_TRADE,
    speech.FORMAL_COMPLAINT,
    speech.IN_PROTEST,
    figurative.MARKETS,
    weapons.NONCOMBAT_AIRCRAFT,
    described.PEOPLE_ACTED_ON,
    described.DESCRIBES_ACTOR,
    crime.LONE_ARREST,
    speech.RALLIED_OTHERS,
    speech.PROTESTED_THAT,
    modal.UNDER_MODAL,
    topics.NO_EXISTENCE,
    figurative.FIGURATIVE_COMPOUND,
    topics.LISTED_TOPIC,
    modal.PERMITTED,
    described.ACTOR_PARTICIPLE,
    topics.BESET,
    generic.SPAN_OF_YEARS,
    generic.SWEEPING_SUBJECT,
    generic.KIND_OF_PEOPLE,
    figurative.FIGURATIVE_MODIFIER,
    described.PARTICIPLE_DESCRIBED,
    generic.GENERIC_PRESENT,
    anchoring.UNANCHORED,
    anchoring.UNPLACED_INVASION,
    weapons.CYBER_TARGET,
    weapons.WEAPON_TEST,
    weapons.TRAINING_FIRE,
    weapons.WEAPONS_MOVED,
    weapons.LET_OFF,
    weapons.GOVERNMENT_SENT,
    figurative.MARCH_PAST,
    modal.COUNTERFACTUAL,
    described.PEOPLE_FREED,
    weapons.EQUIPPED,
    described.PERSON_PAST,
    described.BEREAVED_DESCRIBED,
    topics.REMEMBERED,
    topics.TALKS_TOPIC,
    topics.ACCORD_STATE,
    topics.SANCTION_REASON,
    generic.MILLIONS,
    generic.VICTIMS_COUNTED,
    generic.PRACTICE_REPORTED,
    modal.SOUGHT,
    generic.LITANY,
    generic.PAST_WAR,
    generic.BACKSTORY_OTHER,
    modal.PLOTTED,
    described.ON_DUTY,
    described.MEASURE_LIFTED,
    described.MEASURE_HISTORY,
    described.ACCORD_BACKSTORY,
    described.BODY_DISSOLVED,
    described.EVIDENCE_SEIZED,
    described.PROTESTERS_FREED,
    crime.FIRST_PERSON_VICTIM,
    described.FINDER_DESCRIBED,
    accidents.ACCIDENT,
    accidents.BLAMED_ON_ACCIDENT,
    accidents.BARE_BODY,
    speech.EXHORTATION,
    topics.GERUND_TOPIC,
    described.DIPLOMATIC_MOVE,
    described.DIPLOMATIC_MEASURE,
    described.RELIEF_CARGO,
    accidents.FORCED_ENTRY,
    accidents.NATURAL_CAUSE,
    modal.ASPECT_OF,
    modal.CHARACTERISED,
    modal.UNDER_CONSTRUCTION,
    modal.MEANS_GERUND,
    figurative.DIPLOMATIC_ACCORD,
    modal.UNDERTAKING,
    modal.TO_END,
    modal.DEMANDED,
    modal.URGED_TO,
    modal.DEMANDED_THAT,
    speech.ONE_VOICE,
    speech.STATE_PROTEST,
    described.PEOPLE_NAMED,
    speech.THREATENED_TO,
    speech.ANNOUNCED_PLAN,
    speech.REPORT_DENIED,
    described.PRIVATE_PARTY,
    mentioned.GROUP_KNOWN_FOR,
    mentioned.ALLEGED_PRACTICE,
    mentioned.TARGETS_DESCRIBED,
    mentioned.ALL_OF_A_KIND,
    mentioned.DISLIKED_KIND,
    mentioned.BODY_CREATED,
    weapons.MOCK_ACTION,
    described.NONFORCE_OBJECT,
    figurative.CIVIL_ACCORD,
    topics.REMEMBERED_CLAUSE,
    accidents.MISHAP_CLAUSE,
    accidents.DISASTER_RELIEF,
    described.PERSON_BACKSTORY,
    topics.DISCUSSED_TOPIC,
    modal.CAPABLE_OF,
    modal.APPROVED_PLAN,
    figurative.STORMED_OUT,
    figurative.DISMISSED,
    topics.REASON_GIVEN,
)


def out_of_scope(t: Typing, ctx: Context) -> str | None:
    """The name of the first scope rule that rejects the typing, if any."""
    return next((r.name for r in SCOPE_RULES if r.applies(t, ctx)), None)
