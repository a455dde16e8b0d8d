"""ACLED's typing conventions for fire, clashes and protests (lexicon + main typing; invented places and forces)."""

from __future__ import annotations

import pytest

from frontlines.events.classify import classify
from frontlines.events.mainevent import main_typing

SHELLING = "Shelling/artillery/missile attack"


def _report(nlp, text: str) -> str | None:
    """The main sub-event type of a short report, typed by the lexicon sentence by sentence."""
    main = main_typing([classify(s) for s in nlp(text).sents])
    return main.sub_event_type if main is not None else None


# ---------------------------------------------------------------- fire: a battle or a shelling


@pytest.mark.parametrize("text", [
    "On 3 May, monitors observed 40 projectiles and bursts of fire in both directions of the frontline near Osgiliath.",
    "On 3 May, Gondor forces exchanged artillery fire with Mordor forces on the Ithilien front.",
    "On 3 May, Mordor forces fired grenade launchers and small arms at the positions of the Gondor army near Osgiliath.",
])
def test_fire_exchanged_or_at_close_range_is_an_armed_clash(nlp, text: str) -> None:
    assert _report(nlp, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "On 3 May, Mordor forces fired grenade launchers and heavy machine guns at the positions of the Gondor army "
    "near Osgiliath.",
    "On 3 May, Mordor forces reportedly fired machine guns at residential areas of Anorien district. "
    "No fatalities were reported.",
    "On 3 May, monitors observed 12 explosions involving unknown weapons near Osgiliath.",
])
def test_one_sided_heavy_weapon_fire_is_a_shelling(nlp, text: str) -> None:
    assert _report(nlp, text) == SHELLING


def test_artillery_traded_across_a_border_stays_a_shelling(nlp) -> None:
    assert _report(nlp, "Gondor and Rohan troops exchanged artillery fire across the border on Monday.") == SHELLING


def test_a_later_mention_of_small_arms_makes_the_shelling_a_clash(nlp) -> None:
    text = ("On 7 May, Mordor forces fired 120mm mortars at the positions of the Gondor army near Osgiliath. "
            "Monitors observed 7 shots involving small arms near Osgiliath.")
    assert _report(nlp, text) == "Armed clash"


def test_weapons_fired_at_someone_are_the_instrument_not_the_target(nlp) -> None:
    typings = classify(next(nlp("Gunmen fired machine guns at the checkpoint of the Gondor army.").sents))
    assert typings[0].sub_event_type == "Armed clash"
    assert typings[0].target_class != "weapon"


# ---------------------------------------------------------------- who is hit


@pytest.mark.parametrize("text", [
    "Gunmen shot and killed a police officer (assumed off-duty) in Minas Tirith.",
    "Armed men carried out a drive-by shooting against a police officer who was off-duty in Edoras.",
])
def test_an_off_duty_officer_is_a_civilian_target(nlp, text: str) -> None:
    assert _report(nlp, text) == "Attack"


def test_assassinating_an_armed_man_is_a_clash(nlp) -> None:
    assert _report(nlp, "Unidentified gunmen assassinated a colonel of the Gondor army in Osgiliath.") == "Armed clash"


def test_an_attack_noun_with_no_armed_target_is_an_attack(nlp) -> None:
    assert _report(nlp, "The meeting was not convened until four hours after the attack on the consulate began.") \
        == "Attack"


# ---------------------------------------------------------------- protests


@pytest.mark.parametrize("text", [
    "On 29 April, about 500 traders demonstrated outside the ministry in Minas Tirith. "
    "Clashes with the police broke out when the police tried to disperse them.",
    "On 7 May, at least 5 workers were injured in a clash with police forces in Edoras during their "
    "demonstration demanding unpaid wages.",
])
def test_a_clash_in_a_protest_report_makes_it_a_violent_demonstration(nlp, text: str) -> None:
    assert _report(nlp, text) == "Violent demonstration"


def test_police_dispersing_a_protest_is_an_intervention(nlp) -> None:
    text = "On 9 May, around 500 workers staged a protest in Minas Tirith. Police dispersed them and arrested 60 of them."
    assert _report(nlp, text) == "Protest with intervention"


def test_a_protest_against_the_fighting_stays_peaceful(nlp) -> None:
    assert _report(nlp, "Hundreds of residents protested in Edoras against the fighting in Ithilien.") \
        == "Peaceful protest"


# ---------------------------------------------------------------- crowds and armed groups


def test_groups_clashing_with_firearms_are_an_armed_clash(nlp) -> None:
    assert _report(nlp, "Clashes took place between two armed families in Edoras, both using firearms.") \
        == "Armed clash"


def test_groups_clashing_with_machetes_and_sticks_are_a_mob(nlp) -> None:
    assert _report(nlp, "Supporters of two Gondor parties clashed with machetes and sticks in Edoras.") \
        == "Mob violence"


# ---------------------------------------------------------------- what the report's other mentions add


def test_an_abduction_whose_victim_is_killed_is_the_killing(nlp) -> None:
    text = "Armed men kidnapped a farmer in Anorien. The next day his body was found with signs of torture."
    assert _report(nlp, text) == "Attack"


def test_a_grenade_answered_with_gunfire_is_an_armed_clash(nlp) -> None:
    text = "Mordor militants threw a hand grenade at a Gondor army checkpoint in Osgiliath. Soldiers responded with gunfire."
    assert _report(nlp, text) == "Armed clash"


def test_an_earlier_killing_told_as_background_leaves_the_abduction(pipeline) -> None:
    import datetime as dt

    from frontlines.events.evaluate import main_event
    from frontlines.records import Article, OffsetMap

    text = ("Suspected militants kidnapped seven men who were hunting near the town of Edoras on Monday, "
            "Gondor officials said. In March, militants killed five hunters in the same area.")
    article = Article(id="t1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      published=dt.date(2019, 5, 15))
    main = main_event(pipeline.analyse(article, pipeline.nlp(text)).events)
    assert main is not None and main.sub_event_type == "Abduction/forced disappearance"


def test_what_a_protest_is_about_is_no_second_event(nlp) -> None:
    text = ("Protesters gathered outside the court in Edoras against the detention of two activists accused of "
            "hurling a Molotov cocktail at a bank.")
    assert [t.sub_event_type for t in classify(next(nlp(text).sents))] == ["Peaceful protest"]
