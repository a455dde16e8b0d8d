"""Modality (asserted/claimed/planned/denied/speculative) and attribution of a trigger."""

from __future__ import annotations

import pytest

from frontlines.events.modality import read


@pytest.fixture(scope="module")
def reading(nlp):
    def at(sentence: str, trigger: str):
        doc = nlp(sentence)
        tok = next(t for t in doc if t.text == trigger)
        return read(tok)

    return at


def test_plain_report_is_asserted_without_attribution(reading):
    r = reading("Gunmen attacked a checkpoint near the airport.", "attacked")
    assert (r.modality, r.attribution) == ("asserted", None)


def test_reported_speech_is_claimed_by_its_speaker(reading):
    r = reading("The Syrian state TV reported that the army shelled the town.", "shelled")
    assert (r.modality, r.attribution) == ("claimed", "Syrian state TV")


def test_according_to_names_the_source(reading):
    r = reading("According to the field reports, the army shelled the town.", "shelled")
    assert (r.modality, r.attribution) == ("claimed", "field reports")


def test_reports_came_that(reading):
    r = reading("Meanwhile, reports came that rebels are fighting the army in the city.", "fighting")
    assert r.modality == "claimed"
    assert r.attribution == "reports"


def test_future_is_planned(reading):
    assert reading("The rebels will attack the base.", "attack").modality == "planned"


def test_awaiting_the_hour_to_attack_is_planned_and_attributed(reading):
    r = reading("One of the commanders said they are awaiting the zero hour to attack the town.", "attack")
    assert r.modality == "planned"
    assert r.attribution == "One of the commanders"


def test_threatened_to_is_planned(reading):
    assert reading("The militia threatened to storm the prison.", "storm").modality == "planned"


def test_denial_by_a_governing_verb(reading):
    r = reading("The ministry denied that its jets bombed the market.", "bombed")
    assert r.modality == "denied"


def test_a_refusal_denies_the_infinitive(reading):
    assert reading("The steward of Bree declined to sign the truce with the orcs.", "sign").modality == "denied"
    assert reading("The steward of Bree agreed to sign the truce with the orcs.", "sign").modality != "denied"


def test_negation_is_denied(reading):
    assert reading("The army did not shell the village.", "shell").modality == "denied"


def test_negation_does_not_cross_coordination(reading):
    r = reading("Operations are not finished and troops will advance tomorrow.", "advance")
    assert r.modality == "planned"


def test_it_is_said_is_speculative(reading):
    assert reading("It is said the battle will soon be over.", "battle").modality == "speculative"


def test_may_is_speculative(reading):
    assert reading("Militants may attack the convoy.", "attack").modality == "speculative"


def test_reportedly_is_claimed_without_a_source(reading):
    r = reading("Militants reportedly attacked the convoy.", "attacked")
    assert (r.modality, r.attribution) == ("claimed", None)


def test_every_reading_names_its_rules(reading):
    r = reading("The Syrian state TV reported that the army shelled the town.", "shelled")
    assert r.modality_rule.startswith("modality.yaml#")
    assert r.attribution_rule.startswith("modality.yaml#claimed:reporting-verb")


def test_the_next_battle_is_planned(reading):
    r = reading("The commander added the next major battle with the militants will be in the east.", "battle")
    assert r.modality == "planned"


def test_a_possible_attack_is_speculative(reading):
    assert reading("Officials warned of a possible attack on the airport.", "attack").modality == "speculative"


def test_should_be_destroyed_is_speculative(reading):
    r = reading("Any convoy that threatens Minas Tirith should be destroyed.", "destroyed")
    assert r.modality == "speculative" and "should" in r.modality_rule


def test_a_condition_is_speculative(reading):
    r = reading("If arrested in Osgiliath, the couriers lose their phones.", "arrested")
    assert r.modality == "speculative" and "condition 'If'" in r.modality_rule


def test_a_question_is_speculative(reading):
    r = reading("Why were the farmers of Bree attacked by the wardens?", "attacked")
    assert r.modality == "speculative" and r.modality_rule.endswith("question")


def test_a_past_attack_without_cues_stays_asserted(reading):
    assert reading("Orcs attacked Bree on Sunday.", "attacked").modality == "asserted"


def test_set_off_on_a_march_is_no_plan_but_set_to_march_is(reading):
    r = reading("Thousands of farmers set off on a march from Edoras to Minas Tirith on Monday.", "march")
    assert r.modality == "asserted"
    assert reading("The miners of Erebor are set to march on Dale next week.", "march").modality == "planned"


def test_about_a_past_attack_is_no_plan_but_about_to_attack_is(reading):
    assert reading("Officials in Bree spoke about the attack on the mill.", "attack").modality == "asserted"
    assert reading("The orcs are about to attack the town of Bree.", "attack").modality == "planned"


def test_doubt_about_who_did_it_leaves_the_attack_asserted(reading):
    r = reading("Mordor is most likely responsible for the attack on the Gondor embassy.", "attack")
    assert r.modality == "asserted"
    assert reading("Mordor troops possibly shelled the village of Bree.", "shelled").modality == "speculative"


def test_a_denial_of_what_the_strikes_did_leaves_them_asserted(reading):
    text = "Mordor denies that civilians were killed in air strikes on Osgiliath."
    assert reading(text, "strikes").modality == "asserted"
    assert reading("Gondor denied reports of an attack on the Rohan embassy.", "attack").modality == "denied"
    assert reading("The orcs denied that they attacked the mill.", "attacked").modality == "denied"


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str]):
    """A Doc with the parse given (the tagger's reading of such sentences varies)."""
    from spacy.tokens import Doc
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_suspected_before_the_subject_describes_who_not_whether(nlp):
    # "suspected" parsed as the root verb (no subject) over "killed", right before its subject
    words = ["On", "9", "May", ",", "suspected", "Dunland", "militants", "killed", "six", "farmers", "."]
    heads = [4, 2, 0, 4, 4, 6, 7, 4, 9, 7, 4]
    deps = ["prep", "nummod", "pobj", "punct", "ROOT", "compound", "nsubj", "ccomp", "nummod", "dobj", "punct"]
    doc = _parsed(nlp, words, heads, deps)
    assert read(doc[7]).modality == "asserted"
    # a verb of suspecting with its own subject still makes a guess
    words = ["Police", "suspected", "Dunland", "militants", "killed", "six", "farmers", "."]
    heads = [1, 1, 3, 4, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "compound", "nsubj", "ccomp", "nummod", "dobj", "punct"]
    assert read(_parsed(nlp, words, heads, deps)[4]).modality == "speculative"


def test_a_past_tense_said_whose_speakers_the_parse_hung_elsewhere_is_no_rumour(nlp):
    # issue 11, articles32: "..., killing two farmers including a child, residents and a rights group said."
    words = ["Jets", "bombed", "Bree", ",", "killing", "two", "farmers", "including", "a", "child", ",", "residents",
             "and", "rangers", "said", "."]
    heads = [1, 14, 1, 1, 1, 6, 4, 6, 9, 7, 9, 9, 11, 11, 14, 14]
    deps = ["nsubj", "ccomp", "dobj", "punct", "advcl", "nummod", "dobj", "prep", "det", "pobj", "punct", "conj",
            "cc", "conj", "ROOT", "punct"]
    tags = ["NNS", "VBD", "NNP", ",", "VBG", "CD", "NNS", "VBG", "DT", "NN", ",", "NNS", "CC", "NNS", "VBD", "."]
    from spacy.tokens import Doc
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert read(doc[1]).modality in ("asserted", "claimed")
    # "it is said" (a participle with no subject of its own) still makes a rumour
    tags[14] = "VBN"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert read(doc[1]).modality == "speculative"


def test_a_belief_about_who_the_attackers_are_is_no_doubt_that_they_attacked(reading):
    r = reading("On 30 April, gunmen believed to belong to the Dunland militia shot and killed a man near Bree.", "shot")
    assert r.modality == "asserted"
    assert reading("The rebels are believed to have shot two men near Bree.", "shot").modality == "speculative"


@pytest.mark.parametrize(("sentence", "trigger", "modality"), [
    ("The wardens of Bree didn’t succeed in killing the orc chief.", "killing", "denied"),
    ("The orcs won’t attack Bree.", "attack", "denied"),
    ("They’ll attack Bree at dawn, the orcs said.", "attack", "planned"),
])
def test_a_typographic_apostrophe_negates_and_plans(reading, sentence: str, trigger: str, modality: str) -> None:
    assert reading(sentence, trigger).modality == modality


@pytest.mark.parametrize("sentence, trigger, modality", [
    ("The protests in Bree will continue for a third straight day on Friday.", "protests", "asserted"),
    ("The strike by dock workers in Pelargir will enter its second week on Monday.", "strike", "asserted"),
    ("The protest in Bree will continue until the tax is withdrawn.", "protest", "planned"),
    ("Farmers will march in Bree for two days next week.", "march", "planned"),
])
def test_an_occurrence_that_goes_on_into_another_day_has_begun(reading, sentence, trigger, modality):
    assert reading(sentence, trigger).modality == modality


@pytest.mark.parametrize("sentence, trigger, modality", [
    ("The envoy was set to visit Bree weeks after the March 4 attack on the garrison.", "attack", "asserted"),
    ("The riders are set to attack Bree on Monday.", "attack", "planned"),
    ("The March 31 rally in Bree will go ahead, organisers said.", "rally", "planned"),
])
def test_a_noun_named_by_its_past_date_is_no_plan_of_what_is_planned_around_it(reading, sentence, trigger, modality):
    assert reading(sentence, trigger).modality == modality


@pytest.mark.parametrize("sentence, trigger, modality", [
    ("The two envoys were not in the embassy at the time of the raid on Minas Tirith.", "raid", "asserted"),
    ("The guards of the Arnor consulate were not at their posts during the attack.", "attack", "asserted"),
    ("Nobody from the Rohan delegation was hurt in the bombing of the hotel.", "bombing", "asserted"),
    ("The Gondor army did not carry out the raid on the village.", "raid", "denied"),
    ("The attack on the Edoras market did not happen.", "attack", "denied"),
])
def test_a_negation_of_what_was_happening_at_the_time_of_an_attack_leaves_it_asserted(
        reading, sentence: str, trigger: str, modality: str) -> None:
    assert reading(sentence, trigger).modality == modality


@pytest.mark.parametrize("sentence, trigger, modality", [
    ("Gondor officials sent leaflets to the camp, warning the guards that a raid was coming, while Gondor pilots "
     "bombed the road to Minas Morgul.", "bombed", "asserted"),
    ("The ministry in Edoras denied the report as its troops shelled the town of Aldburg.", "shelled", "asserted"),
    ("The rebels threatened to attack the Rohan base after soldiers shelled their village.", "attack", "planned"),
    ("Officials in Bree fear the militia will attack the camp when the rains end.", "attack", "speculative"),
])
def test_a_warning_or_denial_does_not_govern_a_finite_adverbial_clause_below_it(
        reading, sentence: str, trigger: str, modality: str) -> None:
    assert reading(sentence, trigger).modality == modality


@pytest.mark.parametrize("sentence, trigger, modality", [
    # fncfp30: a threat or a wish is planned at most, never asserted; the attack after a threat is told as done
    ("The farmers told the rangers that the orc threatened to stab them.", "stab", "planned"),
    ("The orcs wanted to burn the granary at Edoras and drive the farmers away.", "burn", "planned"),
    ("The orcs stabbed two farmers in Bree on Monday after threatening them for weeks.", "stabbed", "asserted"),
])
def test_a_threat_or_a_wish_is_planned_and_the_attack_after_it_asserted(
        reading, sentence: str, trigger: str, modality: str) -> None:
    assert reading(sentence, trigger).modality == modality


def test_a_suspect_of_an_act_leaves_the_act_asserted(reading):
    text = "Rohan handed over two orcs suspected of burning the granary at Edoras in March."
    assert reading(text, "burning").modality == "asserted"
    text = "Gondor police detained a man suspected of bombing the bus station in Minas Tirith."
    assert reading(text, "bombing").modality == "asserted"


def test_a_doubt_about_the_act_itself_stays_speculative(reading):
    assert reading("Rohan officials suspect that orcs burned the granary at Edoras.", "burned").modality \
        == "speculative"
    assert reading("It is suspected that orcs burned the granary at Edoras.", "burned").modality == "speculative"
    text = "Two orcs suspected of planning to burn the granary at Edoras were held."
    assert reading(text, "burn").modality != "asserted"
    text = "Rohan arrested two orcs rumoured to have shelled the village of Bree."
    assert reading(text, "shelled").modality == "speculative"


def test_a_rejected_appeal_for_an_act_is_no_act(reading):
    text = "Dale again rejected on Thursday an appeal for deploying army troops along its border with Rhun."
    assert reading(text, "deploying").modality == "denied"
