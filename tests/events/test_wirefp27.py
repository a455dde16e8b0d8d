"""Issue 11 (wirefp27): wire diplomacy, aid and cooperation that report no event: a threat, a demand, an accord
as the frame of another act, refugees named by the fight they fled, a measure's history, patients described, aid
suspended, a person handed over (lexicon alone; invented people and places)."""

from __future__ import annotations

import pytest
from typing_harness import subs_and_reasons

from frontlines.events.ontology import load_lexicon
from frontlines.events.scope import context, out_of_scope
from frontlines.events.typings import Typing


def _rule_at(nlp, text: str, word: str, sub: str, event_type: str) -> str | None:
    """The scope rule that rejects a ``sub`` typed at ``word`` of ``text``, if any."""
    doc = nlp(text)
    tok = next(w for w in doc if w.lower_ == word)
    t = Typing(event_type=event_type, sub_event_type=sub, plover_type=None, plover_mode=None, trigger_start=tok.idx,
               trigger_end=tok.idx + len(tok), trigger=tok.text, trigger_index=tok.i, rule="test", confidence=0.7)
    return out_of_scope(t, context(doc[:], load_lexicon()))


# ---------------------------------------------------------------- threatened-to, demanded-that


def test_a_threat_with_its_infinitive_parsed_as_an_adverbial_clause_is_words(nlp) -> None:
    assert _rule_at(nlp, "Mordor threatened on Tuesday to close its border with Rhun to all trucks unless transit fees were cut.",
                    "threatened", "Attack", "Violence against civilians") == "threatened-to"


@pytest.mark.parametrize("text", [
    "The council of Arnor demanded on Wednesday that all Angmar forces leave the northern provinces within six months.",
    "The steward demanded that Harad release the detained rangers within 48 hours.",
])
def test_what_is_demanded_in_a_that_clause_is_no_act(nlp, text: str) -> None:
    subs, reasons = subs_and_reasons(nlp, text)
    assert subs == []
    assert any(r.endswith("demanded-that") for r in reasons)


def test_a_release_reported_stays(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "The steward said that Harad released the detained rangers on Monday.")
    assert not any(r.endswith("demanded-that") for r in reasons)


# ---------------------------------------------------------------- accord-backstory


def test_an_accord_that_frames_another_act_is_backstory(nlp) -> None:
    subs, reasons = subs_and_reasons(
        nlp, "The steward granted an amnesty on Wednesday to 300 orcs who had surrendered their weapons under the peace deal.")
    assert "Agreement" not in subs
    assert any(r.endswith("accord-backstory") for r in reasons)


def test_an_accord_that_describes_a_scheme_is_backstory(nlp) -> None:
    assert _rule_at(nlp, "Rohan will take in 3,000 refugees from the war in Ithilien under a resettlement scheme agreed "
                    "with the Council, the ministry said.", "agreed", "Agreement", "Strategic developments") == \
        "accord-backstory"


def test_a_new_deal_acted_under_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "The two hosts agreed on Sunday to pull back their siege engines from the river "
                                    "under a deal signed in Dol Amroth.")
    assert "Agreement" in subs


def test_an_act_done_under_a_deal_brokered_by_others_is_no_agreement(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "The orcs withdrew from the fords of Isen on Monday under a deal brokered "
                                          "by the elves of Lindon.")
    assert "Agreement" not in subs
    assert any(r.endswith("accord-backstory") for r in reasons)


def test_an_accord_signed_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Gondor and Harad signed a peace deal in Dol Amroth on Monday.")
    assert subs == ["Agreement"]


# ---------------------------------------------------------------- refugees-from, measure-history


def test_refugees_named_by_the_fight_they_fled_report_no_fight(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "Rohan agreed to take in 2,000 refugees from the fighting in Ithilien.")
    assert subs == []
    assert any(r.endswith("refugees-from") for r in reasons)


def test_a_fight_reported_beside_refugees_stays(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Refugees from Ithilien said heavy fighting broke out in Osgiliath on Monday.")
    assert "Armed clash" in subs


def test_a_fight_before_a_lifted_measure_stays(nlp) -> None:
    """Judged wire codes the clashes a lifted state of emergency was imposed after (measure-history takes verbs only)."""
    subs, _ = subs_and_reasons(
        nlp, "Gondor lifted the state of emergency in Anorien on Monday, three months after it was declared following clashes.")
    assert "Armed clash" in subs


# ---------------------------------------------------------------- adjective, diplomatic-measure, transfer.peaceful


def test_a_participle_coordinated_with_an_adjective_describes_patients(nlp) -> None:
    assert _rule_at(nlp, "Eagles of the White Council flew sick and injured civilians out of the besieged town of Bree on Sunday.",
                    "injured", "Attack", "Violence against civilians") == "adjective"


def test_aid_suspended_is_diplomacy(nlp) -> None:
    assert _rule_at(nlp, "Gondor suspended all military aid to Harad on Tuesday.", "suspended",
                    "Change to group/activity", "Strategic developments") == "diplomatic-measure"
    assert _rule_at(nlp, "Gondor suspended all patrols in Ithilien on Tuesday.", "suspended",
                    "Change to group/activity", "Strategic developments") is None


def test_a_person_handed_over_is_no_territory(nlp) -> None:
    subs, _ = subs_and_reasons(nlp, "Gondor handed over a suspected orc spy to Rohan on Tuesday under an extradition treaty.")
    assert "Non-violent transfer of territory" not in subs


# ---------------------------------------------------------------- body-dissolved, evidence-seized, protesters-freed


@pytest.mark.parametrize("text,word", [
    ("The ruling council of Harad issued a decree on Sunday dissolving the town councils of three eastern provinces.",
     "dissolving"),
    ("The military government of Harad dissolved the main opposition party on Thursday.", "dissolved"),
])
def test_a_civil_body_dissolved_is_a_political_measure(nlp, text: str, word: str) -> None:
    assert _rule_at(nlp, text, word, "Change to group/activity", "Strategic developments") == "body-dissolved"


def test_a_militia_disbanded_stays(nlp) -> None:
    assert _rule_at(nlp, "The rangers of Ithilien disbanded the orc militia on Thursday.", "disbanded",
                    "Change to group/activity", "Strategic developments") != "body-dissolved"


def test_documents_seized_in_a_raid_are_no_looting(nlp) -> None:
    assert _rule_at(nlp, "Investigators raided the offices of the Gondor grain company on Monday and seized documents.",
                    "seized", "Looting/property destruction", "Strategic developments") == "evidence-seized"
    assert _rule_at(nlp, "Orcs raided the farms of Anorien on Monday and seized cattle.", "seized",
                    "Looting/property destruction", "Strategic developments") != "evidence-seized"


def test_protesters_released_report_no_protest(nlp) -> None:
    subs, reasons = subs_and_reasons(nlp, "The steward released 50 protesters detained during last month's marches, "
                                          "the rangers said.")
    assert "Peaceful protest" not in subs
    assert any(r.endswith("protesters-freed") for r in reasons)
