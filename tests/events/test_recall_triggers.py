"""Lexicon entries that bring events the lexicon used to miss, and the sentences they must leave alone."""

from __future__ import annotations

import pytest

from frontlines.events.classify import classify
from frontlines.pipeline import extract


def _types(nlp, text: str) -> list[str]:
    return [t.sub_event_type for s in nlp(text).sents for t in classify(s)]


@pytest.mark.parametrize("text", [
    "Army units eliminated dozens of militants near Osgiliath on Monday.",
    "Gondor's soldiers neutralised twelve insurgents at the Minas Tirith checkpoint.",
    "Twelve rebels were neutralized in the hills above Bree.",
])
def test_an_army_eliminating_fighters_is_an_armed_clash(nlp, text: str) -> None:
    assert "Armed clash" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The ministry eliminated the fee for farmers in Arnor.",
    "The new filter neutralises the smell of the river in Bree.",
])
def test_eliminating_no_fighters_is_no_clash(nlp, text: str) -> None:
    assert "Armed clash" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The fence around the school in Bree was pulled down by youths of the village on Monday.",
    "An angry crowd tore down the statue of the governor in Minas Tirith.",
])
def test_youths_or_a_crowd_pulling_down_property_is_mob_violence(nlp, text: str) -> None:
    assert "Mob violence" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Workers pulled down the old cinema in Bree to build flats.",
    "Protesters tore down the statue of the governor in Minas Tirith.",  # a demonstration, not a mob
    "The youth club knocked down prices for its summer camp in Arnor.",
])
def test_pulling_down_without_a_mob_is_no_mob_violence(nlp, text: str) -> None:
    assert "Mob violence" not in _types(nlp, text)



def test_air_support_given_is_an_air_strike(nlp) -> None:
    assert "Air/drone strike" in _types(nlp, "Gondor gave close air support to the Rohan militias near Edoras.")
    assert "Air/drone strike" not in _types(nlp, "The Rohan militias asked Gondor for air support near Edoras.")


@pytest.mark.parametrize("text", [
    "About 200 members of the black bloc charged the police line in Minas Tirith.",
    "Protesters charged the police lines outside the Gondor parliament.",
])
def test_demonstrators_charging_a_police_line_are_a_violent_demonstration(nlp, text: str) -> None:
    assert "Violent demonstration" in _types(nlp, text)


def test_police_charging_a_crowd_is_no_violent_demonstration(nlp) -> None:
    assert "Violent demonstration" not in _types(nlp, "Police charged the crowd behind the police line in Bree.")


def test_bombs_an_aircraft_expended_are_an_air_strike(nlp) -> None:
    assert "Air/drone strike" in _types(nlp, "The Gondor jets expended all their bombs on the Orc column near Osgiliath.")
    assert "Air/drone strike" not in _types(nlp, "Workers unloaded the bombs from the Gondor trucks at the depot.")


@pytest.mark.parametrize("text", [
    "Gondor police dismantled an orc cell in Pelargir on Tuesday.",
    "The Bree police busted a smuggling ring that armed the raiders.",
])
def test_security_forces_breaking_up_a_cell_is_an_arrest(nlp, text: str) -> None:
    assert "Arrests" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The engineers of Bree dismantled the old mill wheel.",
    "Police dismantled the stage after the concert in Bree.",
])
def test_dismantling_no_cell_or_ring_is_no_arrest(nlp, text: str) -> None:
    assert "Arrests" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The army overthrew President Denethor of Gondor in a coup on Tuesday.",
    "Mutinous soldiers toppled Denethor in Minas Tirith last year.",
    "Gondor's generals seized power in a military coup on Monday.",
])
def test_a_government_overthrown_by_force_is_other(nlp, text: str) -> None:
    assert "Other" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Protesters toppled a statue of Denethor in Minas Tirith.",
    "Denethor was ousted as party leader by the Gondor senate.",
    "Officers of the Gondor army plotted to overthrow the steward.",
    "The riders of Rohan objected to the coup in Edoras that had overthrown the king.",
    "The trade deal was a diplomatic coup for Gondor.",
])
def test_a_plot_a_vote_or_a_statue_is_no_coup(nlp, text: str) -> None:
    assert "Other" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Rohan's riders have held the orc army from advancing beyond the Fords of Isen since Monday.",
    "Gondor's soldiers beat back a rebel assault on the garrison at Osgiliath overnight.",
])
def test_holding_off_an_armed_enemy_is_an_armed_clash(nlp, text: str) -> None:
    assert "Armed clash" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The mayor of Bree held back tears as she thanked the firefighters.",
    "The champion from Arnor held off a late challenge to win the marathon in Minas Tirith.",
])
def test_holding_back_no_armed_enemy_is_no_clash(nlp, text: str) -> None:
    assert "Armed clash" not in _types(nlp, text)


def test_aircraft_taking_out_a_target_is_an_air_strike(nlp) -> None:
    assert "Air/drone strike" in _types(nlp, "Gondor's jets took out 40 fuel trucks of the rebels near Osgiliath on Monday.")
    assert _types(nlp, "She took out a loan in Bree to pay for the new roof.") == []


def test_workers_walking_off_the_job_is_a_peaceful_protest(nlp) -> None:
    assert "Peaceful protest" in _types(nlp, "Dock workers in Pelargir walked off their jobs on Friday over unpaid wages.")
    assert _types(nlp, "The striker walked off the pitch after the match in Edoras.") == []


@pytest.mark.parametrize("text", [
    "Gondor planes destroyed 116 tanker trucks of the rebels near Osgiliath on 15 May.",
    "Drones destroyed three armoured vehicles of the militia outside Bree on Sunday.",
])
def test_aircraft_destroying_a_target_is_an_air_strike(nlp, text: str) -> None:
    assert "Air/drone strike" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Militants destroyed the jet engines factory in Bree.",
    "The rebels destroyed two planes parked at the airport of Minas Tirith.",
    "The storm destroyed several planes at the airfield in Bree.",
    "Engineers demolished the old aircraft hangar in Bree.",
])
def test_destroying_an_aircraft_or_by_no_aircraft_is_no_air_strike(nlp, text: str) -> None:
    assert "Air/drone strike" not in _types(nlp, text)


def test_a_recovery_of_firearms_is_disrupted_weapons_use(nlp) -> None:
    assert "Disrupted weapons use" in _types(nlp, "He said the firearms recovery in Bree was done on the orders of the police chief.")
    assert _types(nlp, "The police praised the firearms recovery amnesty in Bree.") == []
    assert _types(nlp, "The recovery of the economy in Gondor was slow.") == []


def test_bombs_dropped_on_a_place_are_an_air_strike_not_a_roadside_bomb(nlp) -> None:
    types = _types(nlp, "Gondor forces dropped bombs on rebel positions near Osgiliath on Monday.")
    assert "Air/drone strike" in types and "Remote explosive/landmine/IED" not in types


@pytest.mark.parametrize("text", [
    "Sales of the game dropped after the bomb scare in Bree.",
    "Gondor dropped its plan to buy new bombs from Rohan.",
    "The minister dropped a bombshell in Minas Tirith on Tuesday.",
])
def test_dropping_no_bomb_is_no_air_strike(nlp, text: str) -> None:
    assert "Air/drone strike" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Orc fighters shot down a Gondor jet near Osgiliath on Tuesday.",
    "A Gondor fighter jet was shot down over Ithilien on Monday.",
    "Rohan condemned the downing of its helicopter over Mordor on Tuesday.",
])
def test_a_crewed_military_aircraft_brought_down_is_an_armed_clash(nlp, text: str) -> None:
    types = _types(nlp, text)
    assert "Armed clash" in types and "Attack" not in types


@pytest.mark.parametrize("text,absent", [
    ("Gondor soldiers shot down a drone over Osgiliath on Monday.", "Armed clash"),  # Disrupted weapons use
    ("The council of Bree shot down the proposal for a new helicopter pad.", "Armed clash"),
    ("The pilots downed a few beers at the Prancing Pony after their jets landed.", "Armed clash"),
])
def test_downing_a_drone_a_proposal_or_a_beer_is_no_armed_clash(nlp, text: str, absent: str) -> None:
    assert absent not in _types(nlp, text)


def test_a_mortar_attack_is_shelling_and_a_mortar_and_pestle_is_no_event(nlp) -> None:
    types = _types(nlp, "Rebels blamed the army for recent mortar attacks on Osgiliath.")
    assert "Shelling/artillery/missile attack" in types and "Armed clash" not in types
    assert _types(nlp, "She ground the spices with a mortar and pestle in Bree on Monday.") == []
    assert _types(nlp, "The bricks-and-mortar shops of Bree closed early on Monday.") == []



@pytest.mark.parametrize("text", [
    "Rangers blew up an orc supply truck on the road to Minas Morgul on Tuesday.",
    "Rohan handed over two men suspected of blowing up a Gondor airliner over Bree.",
])
def test_a_vehicle_blown_up_is_a_remote_explosive(nlp, text: str) -> None:
    assert "Remote explosive/landmine/IED" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Orc raiders blew up three houses belonging to Rohan farmers near Edoras before driving their cars away.",
    "Gondor engineers blew up the dam at Osgiliath as they retreated on Monday.",
])
def test_a_house_or_a_dam_blown_up_stays_destruction(nlp, text: str) -> None:
    types = _types(nlp, text)
    assert "Remote explosive/landmine/IED" not in types
    assert "Looting/property destruction" in types


@pytest.mark.parametrize("text", [
    "A bombing at the bus station in Umbar killed six travellers on Friday.",
    "The bombing of the bridge at Osgiliath on Thursday cut the road to the east.",
])
def test_a_bombing_with_no_aircraft_or_shell_is_a_remote_explosive(nlp, text: str) -> None:
    assert "Remote explosive/landmine/IED" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Gondor warplanes carried out a bombing of the orc camp near Minas Morgul on Friday.",  # from the air
    "A suicide bombing at the gate of Minas Tirith killed nine guards on Monday.",  # a suicide bomb
    "The bombing campaign against Mordor lasted three months.",  # a campaign, no one incident
    "Rangers fired mortar rounds in a bombing of the orc camp at Dol Guldur.",  # a shelling
])
def test_a_bombing_from_the_air_by_a_suicide_attacker_or_a_campaign_is_no_remote_explosive(nlp, text: str) -> None:
    assert "Remote explosive/landmine/IED" not in _types(nlp, text)


def test_the_pipeline_reports_a_later_mention_of_a_bombing(pipeline) -> None:
    text = "The death toll from the bombing in Pelargir rose to 40 on Sunday, hospital officials said."
    assert [e.sub_event_type for e in extract(text, pipeline=pipeline).events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    "Bombings in the capital of Gondor are rare, analysts say.",
    # court news, the court frame of scope.yaml ("trial of", "on trial")
    "The trial of two Haradrim charged with the bombing of the Umbar ferry began in Pelargir on Wednesday.",
    "Four men accused of the bombing of a Gondor ferry went on trial in Dol Amroth on Monday.",
])
def test_the_pipeline_reports_no_bombing_in_a_generic_plural_or_a_trial(pipeline, text: str) -> None:
    assert not extract(text, pipeline=pipeline).events
