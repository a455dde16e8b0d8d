"""Issue 11 (wirefp31): wire leads of kinds that report no event: a drill, an honour or a duty as a development's
object, an accord of civil works, the toll of a past event remembered, a death by mishap, a
march-past, a disaster's damage told by a participle,
a meeting of officials, reports denied, rescue in a disaster, a person's past, a violent topic of talk,
an ability, an approval, a walk-out, a dismissal;
a headline's future "X to send" is planned (typings built by hand at a word; invented people and places)."""

from __future__ import annotations

import pytest

from frontlines.events.modality import read
from frontlines.events.ontology import load_lexicon
from frontlines.events.scope import context, out_of_scope
from frontlines.events.typings import Typing

_TYPES = {"Armed clash": "Battles", "Attack": "Violence against civilians", "Agreement": "Strategic developments",
          "Change to group/activity": "Strategic developments", "Looting/property destruction": "Strategic developments",
          "Shelling/artillery/missile attack": "Explosions/Remote violence",
          "Remote explosive/landmine/IED": "Explosions/Remote violence", "Other": "Strategic developments",
          "Government regains territory": "Battles", "Violent demonstration": "Riots", "Non-state actor overtakes territory": "Battles"}


def _rule_at(nlp, text: str, word: str, sub: str) -> str | None:
    """The scope rule that rejects a ``sub`` typed at ``word`` of ``text``, if any."""
    doc = nlp(text)
    tok = next(w for w in doc if w.lower_ == word)
    t = Typing(event_type=_TYPES[sub], sub_event_type=sub, plover_type=None, plover_mode=None, trigger_start=tok.idx,
               trigger_end=tok.idx + len(tok), trigger=tok.text, trigger_index=tok.i, rule="test", confidence=0.7)
    return out_of_scope(t, context(doc[:], load_lexicon()))


@pytest.mark.parametrize(("text", "word", "sub", "rule"), [
    ("Rangers of Arnor staged a mock assault on a hill fort during the spring drills.", "assault", "Armed clash",
     "mock-action"),
    ("The marines of Dol Amroth rehearsed an assault on the beach near Pelargir.", "assault", "Armed clash",
     "mock-action"),
    ("The steward toured the garrison at Cair Andros on Friday and handed out medals.", "handed",
     "Change to group/activity", "nonforce-object"),
    ("Harad lifted its grain ban on Umbar, saying the new council had met the conditions it set.", "met",
     "Change to group/activity", "nonforce-object"),
    ("The marshal of Rohan met his Gondorian counterpart at the border on Saturday to discuss the fords.", "met",
     "Change to group/activity", "nonforce-object"),
    ("The host of Angmar denied reports that it had used fire bombs in the north.", "bombs",
     "Remote explosive/landmine/IED", "report-denied"),
    ("Arnor and Rohan signed an agreement on Friday to build a bridge over the Isen.", "signed", "Agreement",
     "civil-accord"),
    ("Crowds gathered in Bree to mark the anniversary of the raid that killed 40 farmers.", "killed", "Attack",
     "remembered-clause"),
    ("Three soldiers of Gondor were killed when their truck overturned on a mountain road.", "killed", "Armed clash",
     "mishap-clause"),
    ("Thousands of soldiers and rocket launchers rolled through Edoras in a parade on Sunday.", "rocket",
     "Shelling/artillery/missile attack", "march-past"),
    ("A storm hit the coast of Belfalas on Monday, destroying dozens of homes.", "destroying",
     "Looting/property destruction", "natural-cause"),
    ("The wardens said the fire that destroyed the granary at Bree on Tuesday began in the kitchen.", "destroyed",
     "Looting/property destruction", "natural-cause"),
    ("Eagles of the Misty Mountains evacuated wounded rangers and farmers from the flooded valley on Sunday.",
     "evacuated", "Other", "disaster-relief"),
    ("The steward, who survived an assassination attempt in 2019, announced his resignation on Friday.", "attempt",
     "Attack", "person-backstory"),
    ("The White Council will meet on Friday to discuss the fighting in eastern Ithilien.", "fighting",
     "Armed clash", "discussed-topic"),
    ("The council of Bree held an emergency session on the shelling of the east gate.", "shelling",
     "Shelling/artillery/missile attack", "discussed-topic"),
    ("The host of Gondor and the orcs resumed talks at Cair Andros on Monday after a six-month break.", "resumed",
     "Change to group/activity", "nonforce-object"),
    ("Dale expelled the military attache of Esgaroth on Friday, accusing him of spying.", "expelled",
     "Government regains territory", "nonforce-object"),
    ("The marshal said his riders were capable of crushing the orc bands within weeks.", "crushing",
     "Non-state actor overtakes territory", "capable-of"),
    ("The council of Dale approved the deployment of 200 guards to the fords on Tuesday.", "deployment",
     "Change to group/activity", "approved-plan"),
    ("Rohan and Gondor signed a defence pact on Friday, pledging to come to each other's aid.", "signed",
     "Agreement", "diplomatic-accord"),
    ("Opposition lords in Arnor stormed out of the council hall in protest at the tax vote.", "stormed",
     "Violent demonstration", "stormed-out"),
    ("The guild of Dale fired 200 staff on Tuesday as losses mounted.", "fired", "Attack", "dismissed"),
])
def test_a_wire_lead_of_no_event_is_rejected_by_its_rule(nlp, text: str, word: str, sub: str, rule: str) -> None:
    assert _rule_at(nlp, text, word, sub) == rule


@pytest.mark.parametrize(("text", "word", "sub", "rule"), [
    ("Rangers of Arnor staged an assault on an orc hill fort near Fornost on Monday.", "assault", "Armed clash",
     "mock-action"),
    ("The steward handed over the fort at Cair Andros to the rangers of Arnor.", "handed",
     "Change to group/activity", "nonforce-object"),
    ("The riders of Rohan met the host of Gondor at the border on Saturday.", "met", "Change to group/activity",
     "nonforce-object"),
    ("The rangers said the host of Angmar had used fire bombs in the north.", "bombs", "Remote explosive/landmine/IED",
     "report-denied"),
    ("Arnor and Angmar signed an agreement on Friday to exchange prisoners.", "signed", "Agreement", "civil-accord"),
    ("Orcs carried out a raid that killed 40 farmers near Bree on Sunday.", "killed", "Attack", "remembered-clause"),
    ("Three soldiers of Gondor were killed when orcs ambushed their truck on a mountain road.", "killed",
     "Armed clash", "mishap-clause"),
    ("Orcs raided the coast of Belfalas on Monday, destroying dozens of homes.", "destroying",
     "Looting/property destruction", "natural-cause"),
    ("The orcs that destroyed the granary at Bree on Tuesday fled north.", "destroyed",
     "Looting/property destruction", "natural-cause"),
    ("Orcs evacuated their wounded from the valley on Sunday after the rangers' ambush.", "evacuated", "Other",
     "disaster-relief"),
    ("The steward, who survived an assassination attempt on Monday, left Bree on Friday.", "attempt", "Attack",
     "person-backstory"),
    ("The old ranger offered a prayer for his parents, who lived through the burning of Bree.", "burning", "Attack",
     "person-backstory"),
    ("Letters discussing the raid and the fords were hidden in the tower of Orthanc.", "raid", "Attack",
     "discussed-topic"),
    ("Some orcs were able to break through the line of the rangers at the ford.", "break", "Armed clash",
     "capable-of"),
    ("The orcs renewed the fighting in eastern Ithilien on Friday.", "fighting", "Armed clash", "discussed-topic"),
    ("The host of Gondor and the orcs resumed fighting at Cair Andros on Monday after a six-month lull.", "resumed",
     "Change to group/activity", "nonforce-object"),
    ("The riders of Rohan expelled the orcs from the fords of Isen on Friday.", "expelled",
     "Government regains territory", "nonforce-object"),
    ("The marshal said his riders had crushed the orc bands within weeks.", "crushed",
     "Non-state actor overtakes territory", "capable-of"),
    ("The council of Dale completed the deployment of 200 guards to the fords on Tuesday.", "deployment",
     "Change to group/activity", "approved-plan"),
    ("Rohan and Dunland signed a peace pact on Friday, pledging to end the war.", "signed", "Agreement",
     "diplomatic-accord"),
    ("Orc bands stormed the council hall in Arnor on Tuesday.", "stormed", "Violent demonstration", "stormed-out"),
    ("Orcs fired arrows at the staff of the inn at Bree on Tuesday.", "fired", "Attack", "dismissed"),
])
def test_the_event_told_in_the_same_frame_stays(nlp, text: str, word: str, sub: str, rule: str) -> None:
    assert _rule_at(nlp, text, word, sub) != rule


def test_a_headline_with_to_and_no_finite_verb_is_a_plan(nlp) -> None:
    tok = next(w for w in nlp("Gondor to send 500 riders to Rohan border") if w.text == "send")
    assert read(tok).modality == "planned"
    assert "headline" in read(tok).modality_rule


def test_a_headline_in_the_present_is_no_plan(nlp) -> None:
    tok = next(w for w in nlp("Gondor sends 500 riders to Rohan border") if w.text == "sends")
    assert read(tok).modality == "asserted"
