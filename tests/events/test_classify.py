"""Event typing: lexicon, inflections, parse cues, document-level choice, model hook."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from frontlines.events.classify import Typing, classify
from frontlines.events.mainevent import main_typing
from frontlines.events.ontology import (
    SUB_EVENT_TYPES,
    event_type_of,
    load_lexicon,
    load_ontology,
)


def _types(nlp, text: str, **kw) -> list[str]:
    doc = nlp(text)
    return [t.sub_event_type for s in doc.sents for t in classify(s, **kw)]


def _first(nlp, text: str, **kw) -> Typing:
    doc = nlp(text)
    typings = [t for s in doc.sents for t in classify(s, **kw)]
    assert typings, f"no event found in {text!r}"
    return typings[0]


# ---------------------------------------------------------------- data


def test_ontology_has_the_25_acled_sub_event_types() -> None:
    onto = load_ontology()
    assert sorted(onto.sub_events) == sorted(SUB_EVENT_TYPES)
    assert len(onto.event_types) == 6


def test_sub_event_type_knows_its_event_type() -> None:
    assert event_type_of("Air/drone strike") == "Explosions/Remote violence"
    assert event_type_of("Looting/property destruction") == "Strategic developments"


def test_old_plover_names_map_to_current_ones() -> None:
    assert load_ontology().plover("disapprove") == "ACCUSE"
    assert load_ontology().plover("FIGHT") == "FIGHT"


def test_lexicon_covers_every_sub_event_type() -> None:
    covered = {e.sub for e in load_lexicon().entries.values()}
    assert covered == set(SUB_EVENT_TYPES)


@pytest.mark.parametrize("text", ["Rebels seized the town.", "Rebels are seizing the town.",
                                  "Rebels have taken the town.", "Rebels took the town."])
def test_verb_triggers_match_every_inflection_through_the_lemma(nlp, text: str) -> None:
    assert "Non-state actor overtakes territory" in _types(nlp, text)


def test_noun_triggers_match_plurals_and_hyphenated_forms(nlp) -> None:
    assert "Armed clash" in _types(nlp, "Clashes between rebels and soldiers were reported in Gondor.")
    assert "Air/drone strike" in _types(nlp, "Two air-strikes hit Osgiliath on Monday.")


def test_a_month_name_is_not_a_protest(nlp) -> None:
    assert _types(nlp, "The meeting is scheduled for March 31 in Minas Tirith.") == []


def test_warplanes_striking_is_an_air_strike(nlp) -> None:
    t = _first(nlp, "Syrian and Russian warplanes struck a convoy north of the town of Varda.")
    assert (t.event_type, t.sub_event_type, t.plover_type) == ("Explosions/Remote violence", "Air/drone strike", "FIGHT")
    assert t.trigger == "struck"


def test_trigger_offsets_and_index_point_at_the_trigger(nlp) -> None:
    doc = nlp("Gunmen abducted three aid workers near Kell.")
    t = classify(next(doc.sents))[0]
    assert doc.text[t.trigger_start:t.trigger_end] == "abducted"
    assert doc[t.trigger_index].text == "abducted"
    assert t.rule.startswith("lexicon:events/triggers.yaml#abduction.")


def test_army_taking_a_town_is_government_regaining_territory(nlp) -> None:
    assert _types(nlp, "The army took control of the town of Marsk.") == ["Government regains territory"]


def test_militants_taking_a_town_is_non_state_takeover(nlp) -> None:
    assert _types(nlp, "Militants took control of the town of Marsk.") == ["Non-state actor overtakes territory"]


def test_actor_inter_hint_overrides_the_parse(nlp) -> None:
    got = _types(nlp, "The Falcons took control of the town of Marsk.", actor_inter=2)
    assert got == ["Non-state actor overtakes territory"]


def test_handover_without_a_fight_is_non_violent_transfer(nlp) -> None:
    t = _first(nlp, "Government troops entered Belavan without a fight after the rebels withdrew.")
    assert t.sub_event_type == "Non-violent transfer of territory"


def test_negated_trigger_reports_nothing(nlp) -> None:
    assert "Armed clash" not in _types(nlp, "The convoy crossed the border without fighting.")


def test_killing_civilians_is_an_attack(nlp) -> None:
    assert _first(nlp, "Gunmen shot dead two farmers in the village.").sub_event_type == "Attack"


def test_killing_soldiers_is_an_armed_clash(nlp) -> None:
    assert _first(nlp, "Gunmen shot dead two soldiers at a checkpoint.").sub_event_type == "Armed clash"


def test_a_soldier_a_participle_says_was_killed_is_the_target(nlp) -> None:
    t = _first(nlp, "Brave soldier killed in Harad by orcs named as Beregond by the Gondor army.")
    assert t.sub_event_type == "Armed clash" and t.target_class == "state"


@pytest.mark.parametrize("text", ["Last week the crown prince detained Gondor's Prime Minister Faramir Hurin.",
                                  "The king of Rohan detained two ministers of Gondor in Edoras."])
def test_a_ruler_detaining_an_office_holder_is_an_arrest(nlp, text: str) -> None:
    t = _first(nlp, text)
    assert (t.sub_event_type, t.target_class) == ("Arrests", "civilian")


@pytest.mark.parametrize(("text", "sub"), [
    ("Gunmen hijacked a bus with thirty passengers on board near Edoras on Monday.",
     "Abduction/forced disappearance"),  # people taken with the vehicle
    ("Bandits hijacked two carts loaded with grain on the Edoras road on Monday.", "Looting/property destruction"),
    ("Orc militants commandeered three fuel wagons near Osgiliath on Monday.", "Looting/property destruction"),
])
def test_a_hijacking_by_an_armed_group_abducts_the_people_aboard_or_loots_the_goods(nlp, text: str, sub: str) -> None:
    assert _first(nlp, text).sub_event_type == sub


@pytest.mark.parametrize("text", ["The envoys of Rohan hijacked the debate in Edoras on Monday.",
                                  "Hackers hijacked the email accounts of the steward's people on Monday."])
def test_a_hijacked_debate_or_account_is_no_event(nlp, text: str) -> None:
    assert _types(nlp, text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Angry villagers burned alive a suspected cattle thief in Archet on Monday.", "Mob violence"),
    ("Residents of Archet set ablaze two men accused of stealing a goat on Monday.", "Mob violence"),
    ("Orc militants burned alive two farmers in Archet on Monday.", "Attack"),
])
def test_a_crowd_burning_someone_is_mob_violence_an_armed_group_an_attack(nlp, text: str, sub: str) -> None:
    assert _first(nlp, text).sub_event_type == sub


def test_protest_dispersed_by_police_is_protest_with_intervention(nlp) -> None:
    t = _first(nlp, "Police fired tear gas to disperse protesters outside the ministry.")
    assert t.sub_event_type == "Protest with intervention"


def test_rioters_throwing_stones_is_violent_demonstration(nlp) -> None:
    assert _first(nlp, "Protesters threw stones at the police station.").sub_event_type == "Violent demonstration"


def test_ceasefire_violation_is_not_an_agreement(nlp) -> None:
    assert "Agreement" not in _types(nlp, "Both sides accused each other of violating the ceasefire.")


def test_group_names_are_not_triggers(nlp) -> None:
    doc = nlp("Leaders of the Popular Mobilization Forces met in Baghdad.")
    assert all(t.trigger.lower() != "mobilization" for s in doc.sents for t in classify(s))


def test_sentence_without_event_gives_nothing(nlp) -> None:
    assert _types(nlp, "The minister said the economy grew by two percent last year.") == []


# ---------------------------------------------------------------- documents


def _typing(sub: str, conf: float = 0.8, **kw) -> Typing:
    o = load_ontology().get(sub)
    return Typing(o.event_type, sub, o.plover_type, o.plover_mode, 0, 1, "x", 0, f"lexicon:test#{sub}", conf, **kw)


def test_main_typing_takes_the_first_sentence_with_an_event() -> None:
    got = main_typing([[], [_typing("Armed clash", 0.7)], [_typing("Attack", 0.9)]])
    assert got.sub_event_type == "Armed clash"


def test_later_police_intervention_sharpens_a_protest() -> None:
    got = main_typing([[_typing("Peaceful protest")], [_typing("Protest with intervention", 0.6)]])
    assert got.sub_event_type == "Protest with intervention"


def test_later_arrest_of_someone_else_leaves_the_protest_peaceful() -> None:
    got = main_typing([[_typing("Peaceful protest")], [_typing("Arrests", target_class="civilian")]])
    assert got.sub_event_type == "Peaceful protest"


def test_property_a_protest_s_report_says_was_destroyed_makes_it_violent() -> None:
    got = main_typing([[_typing("Peaceful protest")], [_typing("Looting/property destruction", agent_class=None)]])
    assert got.sub_event_type == "Violent demonstration"
    by_soldiers = [[_typing("Peaceful protest")], [_typing("Looting/property destruction", agent_class="state")]]
    assert main_typing(by_soldiers).sub_event_type == "Peaceful protest"


def test_clash_that_moved_the_front_is_coded_as_the_territory_change() -> None:
    got = main_typing([[_typing("Armed clash")], [_typing("Government regains territory", 0.86)]])
    assert got.sub_event_type == "Government regains territory"


def test_main_typing_of_nothing_is_none() -> None:
    assert main_typing([[], []]) is None


# ---------------------------------------------------------------- trained model hook


@dataclass
class FakeModel:
    label: str
    score: float
    name: str = "fake.joblib"
    threshold: float = 0.0
    threshold_alone: float = 0.5

    def predict_one(self, text: str, *, rule_labels=None) -> tuple[str, float]:
        return self.label, self.score


def test_confident_model_decides_the_sub_event_type(nlp) -> None:
    t = _first(nlp, "Gunmen shot dead two farmers in the village.", model=FakeModel("Armed clash", 1.2))
    assert t.sub_event_type == "Armed clash"
    assert "model:fake.joblib" in t.rule


def test_unsure_model_leaves_the_lexicon_typing(nlp) -> None:
    t = _first(nlp, "Gunmen shot dead two farmers in the village.", model=FakeModel("Armed clash", -0.3))
    assert t.sub_event_type == "Attack"


@pytest.mark.parametrize("text", ["The weather was fine.", "Talks are planned for June."])
def test_unsure_model_alone_reports_nothing(nlp, text: str) -> None:
    assert _types(nlp, text, model=FakeModel("Armed clash", 0.2)) == []


# ---------------------------------------------------------------- PLOVER second coding


def test_acled_typing_carries_its_plover_coding(nlp) -> None:
    from frontlines.events.plover import plover_coding

    doc = nlp("Rebels shelled the town of Marsk overnight.")
    assert plover_coding(next(doc.sents))[0] == "FIGHT"


def test_verbal_event_governing_a_violent_one_is_coded_verbal(nlp) -> None:
    from frontlines.events.plover import plover_coding

    doc = nlp("Gondor accused Rohan of shelling the border town of Marsk.")
    assert plover_coding(next(doc.sents))[0] == "ACCUSE"


@pytest.mark.parametrize(("text", "plover"), [
    # forces that stand down: ACLED's change of activity, PLOVER's retreat (the entry's own coding)
    ("The Rohirrim troops ended their pullout from Aldburg on Sunday.", ("RETREAT", "withdraw")),
    ("The Gondor army withdrew its battalions from the hills above Osgiliath.", ("RETREAT", "withdraw")),
    # a deployment keeps its type's coding
    ("The Gondor army deployed two battalions to the hills above Osgiliath.", ("MOBILIZE", "troops")),
])
def test_a_trigger_entry_may_carry_its_own_plover_coding(nlp, text: str, plover: tuple[str, str]) -> None:
    from frontlines.events.plover import plover_coding

    typing = _first(nlp, text)
    assert typing.sub_event_type == "Change to group/activity"
    assert (typing.plover_type, typing.plover_mode) == plover
    assert plover_coding(next(nlp(text).sents))[0] == plover[0]


def test_a_plover_coding_beside_a_sub_event_type_is_checked() -> None:
    from frontlines.errors import ConfigError
    from frontlines.events.ontology import _compile

    entry = {"id": "change.ride_home", "sub": "Change to group/activity", "verbs": ["ride home"]}
    lex = _compile({"entries": [{**entry, "plover": ["RETREAT", "withdraw"]}]})
    assert lex.entries["change.ride_home"].sub == "Change to group/activity"
    assert (lex.entries["change.ride_home"].plover_type, lex.entries["change.ride_home"].plover_mode) == (
        "RETREAT", "withdraw")
    with pytest.raises(ConfigError, match="unknown PLOVER type 'GALLOP'"):
        _compile({"entries": [{**entry, "plover": "GALLOP"}]})


def test_plover_only_categories_have_triggers(nlp) -> None:
    from frontlines.events.plover import plover_typings

    doc = nlp("The government rejected the rebels' proposal for talks.")
    assert plover_typings(next(doc.sents))[0].plover_type == "REJECT"


# ---------------------------------------------------------------- background and parse repairs


def test_background_clause_yields_to_the_news(nlp) -> None:
    text = "Families whose sons were kidnapped by the militia held a sit-in outside the governor's office."
    assert _first(nlp, text).sub_event_type == "Peaceful protest"


def test_pronoun_subject_of_a_report_takes_the_reporters_class(nlp) -> None:
    text = "The rebels said they had captured the airport of Kenu."
    assert _first(nlp, text).sub_event_type == "Non-state actor overtakes territory"


def test_responding_fire_makes_a_grenade_attack_a_clash(nlp) -> None:
    text = "Militants threw a hand grenade at a police checkpoint and the officers responded with gunfire."
    assert _first(nlp, text).sub_event_type == "Armed clash"


def test_a_chemical_weapon_beats_the_explosion_that_delivers_it() -> None:
    got = main_typing([[_typing("Shelling/artillery/missile attack", 0.9), _typing("Chemical weapon", 0.5)]])
    assert got.sub_event_type == "Chemical weapon"
    got = main_typing([[_typing("Arrests", 0.9), _typing("Chemical weapon", 0.5)]])
    assert got.sub_event_type == "Arrests"  # only explosions give way to it


@pytest.mark.parametrize(("text", "sub"), [
    # "opened fire": the object only completes the phrase, so "on X" names who is hit
    ("Gondor police opened fire on demonstrators in Minas Tirith, killing at least four.",
     "Excessive force against protesters"),
    # a crowd that protests is protesters, not a mob
    ("Troops killed two people when they fired into a crowd protesting peacefully in Edoras.",
     "Excessive force against protesters"),
    # a retired or former officer is a civilian target
    ("Free Arnor Front gunmen killed a former police officer at his home in Bree.", "Attack"),
    ("Gondor troops pulled out of the town of Tharbad, and Arnor fighters moved in within hours.",
     "Non-violent transfer of territory"),
    ("Engineers cleared 40 anti-personnel mines planted around a village near Bree.", "Disrupted weapons use"),
    ("An attacker detonated a bomb strapped to his body at a checkpoint in Osgiliath.", "Suicide bomb"),
    # forms the small model does not lemmatise ("retook" stays "retook", "raping" becomes "rap")
    ("Gondor government forces retook the village of Dorin from the rebels on Thursday.",
     "Government regains territory"),
    ("Witnesses said soldiers were raping women in the villages around Vessa.", "Sexual violence"),
    ("Unidentified men bundled a journalist into a car in Minas Tirith and drove away.",
     "Abduction/forced disappearance"),
    # a person burned alive is attacked, not property destroyed
    ("Raiders beat the farmer, doused him with petrol and burned him alive near Bree.", "Attack"),
    # a terrorist attack is violence against civilians unless a weapon says more
    ("The man who planned a terrorist attack in Minas Tirith was seen in Bree.", "Attack"),
])
def test_snippet_wordings_are_typed_by_general_rules(nlp, text: str, sub: str) -> None:
    assert _first(nlp, text).sub_event_type == sub


def test_an_arrest_before_a_planned_protest_is_no_intervention_in_one(nlp) -> None:
    types = _types(nlp, "Gondor police arrested an opposition leader in Minas Tirith ahead of planned protests.")
    assert "Arrests" in types
    assert "Protest with intervention" not in types


def test_a_move_something_prevented_is_no_event(nlp) -> None:
    types = _types(nlp, "Gondor troops prevented an Arnor patrol from entering the town of Bree on Monday.")
    assert "Government regains territory" not in types and "Non-violent transfer of territory" not in types


def test_opening_fire_near_a_base_establishes_no_base(nlp) -> None:
    types = _types(nlp, "Gondor soldiers opened fire on a civilian car passing near their base in Bree.")
    assert "Headquarters or base established" not in types


def test_a_place_a_participle_says_is_held_was_not_taken(nlp) -> None:
    text = "Army operations continued near the town of Bree, controlled by the Dunland militia."
    assert "Non-state actor overtakes territory" not in _types(nlp, text)
    assert _types(nlp, "The Dunland militia captured the town of Bree on Sunday.") == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize("text, expected", [
    ("The riders of Rohan responded to the orcs' fire and killed two of them near Edoras.", ["Armed clash"]),
    ("Five officers responded after callers reported a man pointing a firearm at people in Bree.", []),
    ("The unit worked with the Bree Fire Department and responded to shots fired at the market.", []),
    ("Guards responding to a report of a man with a gun shot the miller of Bree on Monday.", []),
])
def test_a_response_is_a_clash_only_where_fire_is_named(nlp, text: str, expected: list[str]) -> None:
    assert [t for t in _types(nlp, text) if t == "Armed clash"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rohan troops set up a camp near the Fords of Isen on Monday.", ["Headquarters or base established"]),
    ("The charity set up a camp for displaced families near Bree.", []),
])
def test_a_camp_set_up_by_forces_is_a_base(nlp, text: str, expected: list[str]) -> None:
    assert [t for t in _types(nlp, text) if t == "Headquarters or base established"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Gondor deployed tanks and artillery along the Anduin on Sunday.", ["Change to group/activity"]),
    ("Rohan dispatched heavy weaponry to the border near Edoras on Monday.", ["Change to group/activity"]),
    ("Forty howitzers were sent to the Arnor border this week.", ["Change to group/activity"]),
    ("Gondor artillery shelled Osgiliath on Monday, killing four.", ["Shelling/artillery/missile attack"]),
])
def test_a_weapon_moved_is_a_deployment_not_its_use(nlp, text: str, expected: list[str]) -> None:
    types = _types(nlp, text)
    assert types[:1] == expected
    if expected == ["Change to group/activity"]:
        assert "Shelling/artillery/missile attack" not in types


def test_a_weapon_moved_is_rejected_by_a_named_rule(nlp) -> None:
    from frontlines.events.classify import EventTyper
    sent = next(nlp("Rohan dispatched heavy weaponry to the border near Edoras on Monday.").sents)
    reading = EventTyper(load_lexicon()).read([sent])[0]
    assert any(r.reason == "rule:moved" and r.trigger == "heavy weaponry" for r in reading.rejected)


def test_who_acts_after_a_preposition_is_the_clause_s_subject_not_the_nouns_before(nlp) -> None:
    text = ("The elves called on the wardens to bring food to the frightened villagers of Bree after "
            "liberating the town from the orcs.")
    assert "Government regains territory" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The men, members of the Dunland militia, attacked the village of Bree on Monday.",
    "The Dunland clan, a militia of some 300 fighters, attacked the village of Bree on Monday.",
])
def test_who_acts_includes_what_an_apposition_says_they_are(nlp, text: str) -> None:
    first = _first(nlp, text)
    assert (first.sub_event_type, first.agent_class) == ("Attack", "nonstate")


@pytest.mark.parametrize("text, expected", [
    ("Agents of Mordor poisoned a defector and his daughter in Bree on Sunday, Gondor said.", ["Attack"]),
    ("Gondor expelled twenty envoys over the poisoning of a former spy in Bree.", ["Attack"]),
    ("Twelve guests at the wedding in Bree were treated for food poisoning on Saturday.", []),
    ("The farmer was charged with poisoning his neighbour's dogs.", []),
])
def test_a_person_poisoned_on_purpose_is_an_attack(nlp, text: str, expected: list[str]) -> None:
    assert [t for t in _types(nlp, text) if t == "Attack"] == expected


def test_a_jihadist_attack_is_a_terror_attack(nlp) -> None:
    doc = nlp("The council investigating the Bree jihadist attack met again on Monday.")
    rules = [t.rule for s in doc.sents for t in classify(s)]
    assert any("#attack.terror_noun:jihadist attack" in r for r in rules)


@pytest.mark.parametrize("text, expected", [
    ("The Rohan militia and the Dunland clans agreed a ceasefire deal in Edoras on Monday.", ["Agreement"]),
    ("The Bree police agreed to pay damages as part of a deal to settle claims brought by three traders.", []),
    ("The mayor of Bree agreed to a plea deal on Tuesday.", []),
])
def test_a_settled_lawsuit_is_no_agreement(nlp, text: str, expected: list[str]) -> None:
    assert [t for t in _types(nlp, text) if t == "Agreement"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Arnor and Gondor completed an exchange of 30 Gondorian prisoners for 10 hostages on Thursday.", ["Agreement"]),
    ("Rebels and the Gondor army carried out a swap of 12 captives near Bree on Monday.", ["Agreement"]),
    ("An exchange of fire with the hostage takers left two officers dead in Bree.", []),
    ("The Bree stock exchange fell on Monday.", []),
])
def test_an_exchange_of_prisoners_told_with_numbers_is_an_agreement(nlp, text: str, expected: list[str]) -> None:
    assert [t for t in _types(nlp, text) if t == "Agreement"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Some 3,000 fighters and their families left Bree in buses given safe passage to Arnor on Tuesday.", ["Other"]),
    ("Gondor secured the exit of 500 civilians besieged by orcs through a humanitarian corridor.", ["Other"]),
    ("The council of Gondor called for a humanitarian corridor to Bree.", []),
    ("Thousands left the coast through a safe corridor as the hurricane neared Bree.", []),
])
def test_an_evacuation_by_safe_passage_is_other_not_a_deployment(nlp, text: str, expected: list[str]) -> None:
    types = _types(nlp, text)
    assert [t for t in types if t == "Other"] == expected
    assert "Change to group/activity" not in types


def test_people_a_participle_says_are_besieged_report_no_siege(nlp) -> None:
    text = "Food ran out for the families besieged by the Dunland militia in Bree."
    assert "Change to group/activity" not in _types(nlp, text)
    assert _types(nlp, "The Dunland militia besieged Bree on Sunday.") == ["Change to group/activity"]


def test_a_noun_subject_is_not_the_first_word_of_a_verb_phrase(nlp) -> None:
    from frontlines.events.classify import EventTyper
    sent = next(nlp("Tears streamed down her face as the steward of Bree spoke on Monday.").sents)
    reading = EventTyper(load_lexicon()).read([sent])[0]
    assert reading.typings == ()
    assert any(r.reason == "rule:not-a-verb" and r.trigger.startswith("Tears") for r in reading.rejected)
    assert _types(nlp, "Rioters tore down the statue of the steward in Bree on Monday.")


@pytest.mark.parametrize("text, chemical", [
    # the dev file's judges code a person poisoned with a named agent as an Attack (violence against a
    # civilian), chemical warfare only where the agent is used as a weapon of war
    ("Gondor said the nerve agent poisoning of a defector in Bree on Sunday was ordered by Mordor.", False),
    ("Gondor said a defector had been poisoned with a nerve agent in Bree on Sunday.", False),
    ("Four soldiers were poisoned when a drone dropped a canister of chlorine gas on their post near Bree.", True),
])
def test_a_person_poisoned_with_an_agent_is_no_chemical_weapon(nlp, text: str, chemical: bool) -> None:
    types = _types(nlp, text)
    assert ("Chemical weapon" in types) == chemical
    assert chemical or "Attack" in types


@pytest.mark.parametrize("text", [
    "More than forty guests at a feast in Bree were treated for food poisoning on Sunday.",
    "The quarrel over the ford poisoned relations between Gondor and Rohan for a decade.",
    "Nerve agents were banned under the convention Gondor signed in Minas Tirith.",
])
def test_a_poisoning_with_no_agent_of_war_is_no_chemical_weapon(nlp, text: str) -> None:
    assert _types(nlp, text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Gondor troops killed three orcs in a gunbattle near Osgiliath on Friday.", "Armed clash"),
    ("A minefield explosion near Bree killed two shepherds on Sunday.", "Remote explosive/landmine/IED"),
    ("A roadside bombing near Bree on Sunday killed one Gondor soldier.", "Remote explosive/landmine/IED"),
    ("The wardens of Gondor jailed twenty members of the banned Bree guild on Monday.", "Arrests"),
    ("Orc militants demobilized two hundred of their fighters near Bree on Monday.", "Change to group/activity"),
])
def test_wire_news_words_name_their_types(nlp, text: str, sub: str) -> None:
    """issue 11, wire19: a gunbattle is a clash, a minefield or roadside bombing a remote explosive."""
    assert _first(nlp, text).sub_event_type == sub


@pytest.mark.parametrize(("text", "sub"), [
    # fire at crewed aircraft is missile fire; a missile or drone stopped in the air is disrupted weapons use
    ("Rohan air defences repelled Gondor warplanes over Osgiliath by firing surface-to-air missiles.",
     "Shelling/artillery/missile attack"),
    ("Rohan air defences intercepted two missiles fired by Gondor jets over Osgiliath.", "Disrupted weapons use"),
    ("Rohan air defences shot down a Gondor drone over Osgiliath.", "Disrupted weapons use"),
])
def test_air_defences_firing_at_aircraft_shell_them(nlp, text: str, sub: str) -> None:
    assert _first(nlp, text).sub_event_type == sub
