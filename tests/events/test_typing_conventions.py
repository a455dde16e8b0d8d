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
    "Observers in Osgiliath counted 40 rounds and bursts fired in both directions across the river front.",
    "On 3 May, Gondor forces exchanged artillery fire with Mordor forces on the Ithilien front.",
    "Mordor troops used small arms and a grenade launcher against Gondor trenches east of Osgiliath.",
])
def test_fire_exchanged_or_at_close_range_is_an_armed_clash(nlp, text: str) -> None:
    assert _report(nlp, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "Mordor gunners targeted Gondor trenches east of Osgiliath with heavy machine guns and a grenade launcher.",
    "Mordor gunners fired machine guns at farms and houses of Anorien district; nobody was hurt.",
    "Observers in Osgiliath heard 12 explosions from unknown weapons along the river front.",
])
def test_one_sided_heavy_weapon_fire_is_a_shelling(nlp, text: str) -> None:
    assert _report(nlp, text) == SHELLING


def test_artillery_traded_across_a_border_stays_a_shelling(nlp) -> None:
    assert _report(nlp, "Gondor and Rohan troops exchanged artillery fire across the border on Monday.") == SHELLING


def test_a_later_mention_of_small_arms_makes_the_shelling_a_clash(nlp) -> None:
    text = ("Mordor gunners pounded Gondor trenches east of Osgiliath with 120mm mortars. "
            "Observers also heard small arms on the same stretch that night.")
    assert _report(nlp, text) == "Armed clash"


def test_weapons_fired_at_someone_are_the_instrument_not_the_target(nlp) -> None:
    typings = classify(next(nlp("Easterling gunmen fired two machine guns at a Gondor army checkpoint.").sents))
    assert typings[0].sub_event_type == "Armed clash"
    assert typings[0].target_class != "weapon"


# ---------------------------------------------------------------- who is hit


@pytest.mark.parametrize("text", [
    "In Minas Tirith, Easterling gunmen murdered a constable (reportedly off-duty) outside a bakery.",
    "Two riders in Edoras opened fire on a Rohan sergeant who was off-duty and visiting his mother.",
])
def test_an_off_duty_officer_is_a_civilian_target(nlp, text: str) -> None:
    assert _report(nlp, text) == "Attack"


def test_assassinating_an_armed_man_is_a_clash(nlp) -> None:
    assert _report(nlp, "Easterling agents assassinated a Gondor army colonel outside Osgiliath.") == "Armed clash"


def test_an_attack_noun_with_no_armed_target_is_an_attack(nlp) -> None:
    assert _report(nlp, "Envoys of Gondor met in Dol Amroth a week after the attack on the Arnor consulate.") \
        == "Attack"


# ---------------------------------------------------------------- protests


@pytest.mark.parametrize("text", [
    "Market traders of Minas Tirith demonstrated at the harbour over new taxes. "
    "Later they clashed with the city guard near the gate.",
    "Six dockers of Edoras were hurt in a clash with the city guard during their demonstration for back pay.",
])
def test_a_clash_in_a_protest_report_makes_it_a_violent_demonstration(nlp, text: str) -> None:
    assert _report(nlp, text) == "Violent demonstration"


def test_police_dispersing_a_protest_is_an_intervention(nlp) -> None:
    text = "Weavers of Minas Tirith marched on the guildhall. The city guard broke up the march and detained forty."
    assert _report(nlp, text) == "Protest with intervention"


def test_a_protest_against_the_fighting_stays_peaceful(nlp) -> None:
    assert _report(nlp, "Hundreds of residents protested in Edoras against the fighting in Ithilien.") \
        == "Peaceful protest"


# ---------------------------------------------------------------- crowds and armed groups


def test_groups_clashing_with_firearms_are_an_armed_clash(nlp) -> None:
    assert _report(nlp, "Two feuding clans of Edoras clashed at the market, both sides using firearms.") \
        == "Armed clash"


def test_groups_clashing_with_machetes_and_sticks_are_a_mob(nlp) -> None:
    assert _report(nlp, "Supporters of two Gondor parties clashed with machetes and sticks in Edoras.") \
        == "Mob violence"


# ---------------------------------------------------------------- what the report's other mentions add


def test_an_abduction_whose_victim_is_killed_is_the_killing(nlp) -> None:
    text = "Raiders seized a shepherd from his hut in Anorien. Two days later herders found him shot dead."
    assert _report(nlp, text) == "Attack"


def test_a_grenade_answered_with_gunfire_is_an_armed_clash(nlp) -> None:
    text = "An Easterling lobbed a hand grenade at a Gondor army checkpoint. The guards answered with gunfire."
    assert _report(nlp, text) == "Armed clash"


def test_an_earlier_killing_told_as_background_leaves_the_abduction(pipeline) -> None:
    import datetime as dt

    from frontlines.events.evaluate import main_event
    from frontlines.records import Article, OffsetMap

    text = ("Easterling raiders abducted four millers working near Edoras on Monday, Rohan officials said. "
            "In March, raiders had murdered two millers by the same river.")
    article = Article(id="t1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      published=dt.date(2019, 5, 15))
    main = main_event(pipeline.analyse(article, pipeline.nlp(text)).events)
    assert main is not None and main.sub_event_type == "Abduction/forced disappearance"


def test_what_a_protest_is_about_is_no_second_event(nlp) -> None:
    text = ("Students of Edoras marched to the town hall to demand freedom for a poet jailed for throwing stones at "
            "the mayor's carriage.")
    assert {t.sub_event_type for t in classify(next(nlp(text).sents))} == {"Peaceful protest"}


@pytest.mark.parametrize("text", [
    "Police shot and killed three people during protests in Minas Tirith on Monday, the steward said.",
    "On 5 May, soldiers opened fire on farmers protesting against the grain tax in Edoras, killing one.",
])
def test_state_forces_killing_people_at_a_protest_is_excessive_force(nlp, text: str) -> None:
    assert _report(nlp, text) == "Excessive force against protesters"


def test_tear_gas_fired_at_a_protest_is_an_intervention(nlp) -> None:
    text = "Gondor's police fired tear gas at protesters marching against the grain tax and arrested several."
    assert _report(nlp, text) == "Protest with intervention"


def test_people_protesting_who_are_removed_are_protesters(nlp) -> None:
    text = "About a hundred residents protesting against a landfill in Edoras were forcibly removed by police on Monday."
    assert _report(nlp, text) == "Protest with intervention"


def test_a_date_is_no_cue_word(nlp) -> None:
    """"On 8 March" names no march: an arrest that day is no protest's dispersal."""
    text = "On 8 March, in Osgiliath, Gondor security forces arrested 4 suspected Mordor militants at a checkpoint."
    assert _report(nlp, text) == "Arrests"


@pytest.mark.parametrize("text", [
    "Fighters of Mordor built a new camp on the hills above Osgiliath on Tuesday, residents said.",
    "On 4 February, Mordor forces established a new operations centre on Cair Andros island.",
])
def test_a_new_camp_or_operations_centre_is_a_base_established(nlp, text: str) -> None:
    assert _report(nlp, text) == "Headquarters or base established"


# ---------------------------------------------------------------- who is hit, read from the parse


def test_a_date_is_not_who_is_hit(nlp) -> None:
    from frontlines.events.roles import trigger_roles
    doc = nlp("On 6 May 2020, unidentified gunmen shot a shepherd near Bree.")
    shot = next(t for t in doc if t.lower_ == "shot")
    assert "May" not in {t.text for t in trigger_roles(shot)[1]}


@pytest.mark.parametrize("text", [
    "On 9 May, an Easterling sniper shot and killed a civilian in Bree whilst he was inspecting his house.",
    "On 8 May, masked riders shot and killed 2 farmers in Bree with hunting rifles.",
])
def test_a_verb_joined_to_a_killing_hits_the_same_civilians(nlp, text: str) -> None:
    assert _report(nlp, text) == "Attack"


@pytest.mark.parametrize("text, noun", [
    ("Gondor soldiers carried out an attack on Bree.", "attack"),
    ("The rebels staged an ambush near Osgiliath.", "ambush"),
])
def test_a_trigger_noun_is_not_its_own_target(nlp, text: str, noun: str) -> None:
    from frontlines.events.roles import trigger_roles
    doc = nlp(text)
    trigger = next(t for t in doc if t.lower_ == noun)
    assert noun not in {t.lower_ for t in trigger_roles(trigger)[1]}


def test_the_joined_verb_with_its_own_subject_keeps_its_own_object(nlp) -> None:
    from frontlines.events.roles import trigger_roles
    doc = nlp("Gondor troops fired and the rebels killed a farmer.")
    fired = next(t for t in doc if t.lower_ == "fired")
    assert trigger_roles(fired)[1] == []


def test_fire_at_a_part_of_a_town_is_fire_at_a_place(nlp) -> None:
    text = "On 7 May, Mordor forces fired heavy machine guns at the east of Minas Tirith. No one was hurt."
    assert _report(nlp, text) == SHELLING


# ---------------------------------------------------------------- who acts: civilians are no armed group


@pytest.mark.parametrize("text", [
    "On 9 May, in Bree, footage showed a crowd of townsfolk that attacked three police officers.",
    "On 9 May, about 250 people targeted police forces in Bree after a raid on a tavern.",
])
def test_civilians_attacking_police_are_a_mob(nlp, text: str) -> None:
    assert _report(nlp, text) == "Mob violence"


def test_gunmen_killing_an_officer_still_fight_an_armed_side(nlp) -> None:
    text = "On 6 May, unidentified gunmen shot and injured the police commander of Bree district."
    assert _report(nlp, text) == "Armed clash"


# ---------------------------------------------------------------- a protest the police broke up, told later


def _main_of_report(pipeline, text: str) -> str | None:
    from frontlines.events.evaluate import main_event
    from frontlines.records import Article, OffsetMap

    article = Article(id="t", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)))
    result = pipeline.analyse(article, pipeline.nlp(text))
    main = main_event(result.events, result.rejected, text)
    return main.sub_event_type if main is not None else None


@pytest.mark.parametrize("text", [
    "On 4 May, about 40 mill workers demonstrated outside the mill in Bree, demanding their wages. Police intervened.",
    "On 3 May, around 15 people held a protest in Bree in solidarity with the millers. Three marchers were "
    "detained by the police for blocking the bridge.",
])
def test_police_intervening_in_a_later_sentence_makes_a_protest_with_intervention(pipeline, text: str) -> None:
    assert _main_of_report(pipeline, text) == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "On 4 May, about 40 mill workers demonstrated outside the mill in Bree, demanding their wages. The protest was "
    "peaceful.",
    "On 4 May, about 40 mill workers demonstrated outside the mill in Bree. The police said the gathering ended "
    "without incident.",
])
def test_a_protest_with_no_police_intervention_told_stays_peaceful(pipeline, text: str) -> None:
    assert _main_of_report(pipeline, text) == "Peaceful protest"


def test_a_relative_pronoun_of_a_clause_above_the_trigger_names_no_actor(nlp) -> None:
    text = "The inquiry centred on Orc militants, which used wiretaps and undercover agents to gather evidence."
    assert classify(next(nlp(text).sents)) == []


@pytest.mark.parametrize("text", [
    "On 9 May, millers protested in Bree against the arrest of their guild master. He was arrested in connection "
    "with a tax case.",
    "On 9 May, nurses staged a demonstration in Bree to demand masks. This happened while measures were in place "
    "to stop the fever from spreading.",
])
def test_an_arrest_or_a_measure_told_as_background_leaves_the_protest_peaceful(pipeline, text: str) -> None:
    assert _main_of_report(pipeline, text) == "Peaceful protest"


# ---------------------------------------------------------------- a victim of an armed group: a clash


@pytest.mark.parametrize("text", [
    "On 7 May, in Bree, a man was shot dead by two armed men. The victim was involved in a gang.",
    "On 7 May, in Bree, a man was shot dead by two armed men. The victim was wanted in Gondor for drug "
    "trafficking.",
])
def test_an_attack_on_a_gang_member_is_a_clash(pipeline, text: str) -> None:
    assert _main_of_report(pipeline, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "On 7 May, in Bree, a man was shot dead by two armed men. The victim was unarmed.",
    "On 7 May, in Bree, a man was shot dead by two armed men. The victim was a baker.",
    "On 7 May, in Bree, a man was shot dead by two armed men. The police suspect a gang.",
])
def test_an_attack_on_a_man_not_said_to_be_armed_stays_an_attack(pipeline, text: str) -> None:
    assert _main_of_report(pipeline, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 7 May, in Bree, a man was shot dead by two armed men. The victim was a carter, which is why the "
    "watch suspect a feud between gangs.",
    "On 7 May, in Bree, a miller was killed by armed men. The victim was a leader who had denounced the armed "
    "groups of the hills.",
])
def test_gangs_named_in_a_clause_of_its_own_leave_the_attack(pipeline, text: str) -> None:
    assert _main_of_report(pipeline, text) == "Attack"
