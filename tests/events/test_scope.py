"""Scope rules: typed candidates outside ACLED's scope are rejected, with the rule's name."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typing_harness import lexicon_read

from frontlines.events.classify import EventTyper
from frontlines.events.ontology import load_lexicon
from frontlines.events.scope import SCOPE_RULES

ROOT = Path(__file__).resolve().parents[2]


def _read(nlp, text: str) -> tuple[list[str], list[str]]:
    """(sub-event types reported, scope rules that rejected a typing) of a text, lexicon alone."""
    typings, rejected = lexicon_read(nlp, text)
    return ([t.sub_event_type for t in typings],
            [r.reason.removeprefix("rule:scope:") for r in rejected if r.reason.startswith("rule:scope:")])


@pytest.mark.parametrize(("text", "rule"), [
    ("Police in Bree are investigating the shooting of a shopkeeper by a robber.", "ordinary-crime"),
    ("In his confession he said that he killed his neighbour in Bree alone.", "ordinary-crime"),
    ("The lawsuit alleged that officers in Bree arrested him without cause.", "court"),
    ("In Bree, a farmer with an axe attacked his neighbour and fled.", "lone-attacker"),
    ("The wardens of Gondor should be allowed to seize the port and arrest its captain.", "hypothetical"),
    ("The wardens of Arnor are as corrupt as the smugglers they arrest.", "hypothetical"),
    ("Allowing Rohan to retake the fortress was an unthinkable prospect.", "clausal-subject"),
    ("In many cases the farmers of Bree fought the raiders with pitchforks.", "habitual"),
    ("Rohan ignored the request by Gondor to send troops to Bree.", "intended"),
    ("If arrested for any activism, your phone in Bree will be searched.", "hypothetical"),
    ("Gondor sent spies into Umbar to prevent terrorist attacks.", "prevented"),
    ("The chancellor of Gondor shot down the proposal of a new tax.", "metaphor"),
    ("Police said the two men in Bree were captured on camera.", "metaphor"),
    ("Gondor agreed to buy 40 howitzers from Rohan.", "arms-trade"),
    ("The envoy of Arnor filed a protest with the ministry in Gondor.", "formal-complaint"),
    ("Oil prices rallied on Wednesday in Minas Tirith.", "markets"),
    ("The Gondor dollar extended this week's rally on Tuesday in Minas Tirith.", "markets"),
    ("Gondor was conducting surveillance drone operations over Umbar.", "noncombat-aircraft"),
    ("The clip shows the ranger tripping over a bench and hitting the protester in Bree.", "people-acted-on"),
    ("The steward gave farmers, innkeepers and vigilantes in Bree a week to hand in their swords.",
     "people-acted-on"),
    ("Last spring the steward rallied 500 merchants of Bree together to rebuild the bridge.", "rallied-others"),
    ("Gold from Umbar armed the gunmen fighting for the usurper in Pelargir.", "describes-actor"),
    ("Vagrants are taken to the guardhouse in Bree, where they are detained for weeks.", "hypothetical"),
    ("The ferry wardens of Bree never told the family why he had been detained.", "lone-arrest"),
    ("In Bree the warden's hound took the man to the ground and the warden arrested.", "lone-arrest"),
    ("The fire brigade of Bree was busy fighting two barn fires overnight.", "metaphor"),
    ("The motion against the steward was handed over to the council of Bree on Monday.", "metaphor"),
    ("The steward of Bree won the vote, beating the old mayor by a wide margin.", "metaphor"),
    ("Police officers in Bree break up any brawls that erupt at the market.", "habitual"),
    ("The innkeeper of Bree protested that he could not pay the new tax.", "protested-that"),
    ("The mother of a girl from Bree who was raped says the wardens failed her.", "ordinary-crime"),
    ("Two men were arrested in Bree and taken to the county jail on Monday.", "ordinary-crime"),
    ("Butterbur was arrested on Thursday at the market of Bree, the Bree Gazette reported.", "lone-arrest"),
    ("The bodies of two walkers were found on the cliff path near Bree on Sunday evening.", "bare-body"),
    ("Two hikers were reported missing on Friday and their bodies were found hours later.", "bare-body"),
    ("The steward said Gondor should end the truce talks until the Rohan troops are withdrawn.", "hypothetical"),
    ("During the war Gondor troops deployed numerous times to Ithilien and Harad.", "habitual"),
    ("Hamfast, a farmer from Bree who survived detention and torture in Umbar's jails, runs an inn.", "endured"),
    ("The steward, reacting in a statement he signed in Minas Tirith, said the peace deal stands.", "signed-paper"),
    ("The healers of Minas Tirith found the farmer 18 hours after he had disappeared from Bree.", "went-missing"),
    ("The town of Bree is surrounded by orc militants.", "state-described"),
    ("Police say Ted Sandyman was killed around 5 p.m. Wednesday on the Bree road.", "police-report"),
    ("Gondor is also looking at building a military base near Osgiliath.", "intended"),
    ("Hours before his detention expired, the wardens of Bree charged him with fraud.", "endured"),
    ("Two farmers, who were displaced from the village of Bree, were seen with a fever.", "displaced-described"),
    ("The town was the main centre of street protests against the steward of Bree.", "place-role"),
    ("A friend of the family had shot two men in Bree days before the brothers committed their murders.",
     "ordinary-crime"),
    ("\"In Bree we have had a large problem with shops being looted,\" the steward said.", "a-problem"),
    ("A neighbour tipped police off that Ted Sandyman had shot a farmer in Bree.", "ordinary-crime"),
    ("The steward told the council that wardens would be needed in Bree to guard the gate following an attack.",
     "under-modal"),
    ("There are no demonstrators in Bree to protest on their behalf.", "no-existence"),
    ("Battle lines are being drawn between the steward and the council of Bree.", "figurative-compound"),
    ("The council of Gondor will help villages at risk for radicalization and recruitment.", "listed-topic"),
    ("The new law of Gondor allows the wardens to arrest and detain travellers without a warrant.", "permitted"),
    ("The orc armies surrounding Gondor have pushed Rohan into an alliance with Arnor.", "actor-participle"),
    ("Gondor, beset with street protests and riots, has a new steward.", "beset"),
    ("Every single farmer in Bree was beaten, chased and robbed.", "sweeping-subject"),
    ("Gondor blamed Rohan for cyber attacks on its banks.", "figurative-modifier"),
    ("A cyber-attack hit the ministries of Gondor on Monday.", "figurative-modifier"),
    ("The fund of Gondor was set up in 1950 to help refugees displaced by the orc war.", "participle-described"),
    ("When wardens make arrests, they often split families.", "generic-present"),
    ("Orc raiders were beaten and chased away in more than one case.", "habitual"),
    ("In 2014 and 2015, when Gondor troops were fighting the orcs in Ithilien, Rohan sent no help.", "span-of-years"),
    ("Orc raiders slaughtered farmers in cold blood.", "unanchored"),
    ("Raiders looted farms and burned barns.", "unanchored"),
    ("Umbar blamed Gondor for the attack on the servers of the Bree council on Monday.", "cyber-target"),
    ("Orc hackers attacked the email of the steward of Bree.", "cyber-target"),
    # crime by computer (fncfp30): hacking and data theft are no ACLED event
    ("The treasury of Gondor was hacked of nine million coins in January.", "cyber-target"),
    ("Nobody knows what files the orc hackers were able to steal from the council of Bree.", "cyber-target"),
    # a condition under an imperative: advice, no occurrence (fncfp30)
    ("If you think the attacks are coming from the orcs of Bree, lock your doors at night.", "counterfactual"),
    # a business or an owner on its own affairs (fncfp30)
    ("The Bank of Gondor will impose the ban on orc coins from Monday, its spokeswoman said.", "private-party"),
    ("The owner of the mill in Bree wanted to demolish the buildings and sell the land.", "private-party"),
    ("If a bomb exploded in the market of Minas Tirith today, it would kill thousands.", "counterfactual"),
    # the dropped bomb (air.bomb_dropped, bombs30) in the condition of a modal main clause
    ("If a bomb was dropped on Minas Tirith today, it would kill thousands.", "counterfactual"),
    ("The wardens said those expelled were spies of Umbar.", "people-freed"),
    ("The trucks of the Gondor army were fitted with machine guns.", "equipped"),
    ("A court in Gondor released Hana, who had killed nine people in Bree in 1990.", "person-past"),
    ("The latest deal between Gondor and Rohan includes 40 howitzers and rocket launchers.", "arms-trade"),
    ("Gondor has grounds to attack Umbar, the steward said.", "intended"),
    ("The farmers of Bree still remember the massacre of 1990 in the market.", "remembered"),
    ("The orc wars killed millions of farmers in Gondor.", "millions"),
    ("Nine of those killed were rangers, the steward of Bree said.", "victims-counted"),
    ("The steward of Gondor pushes for the deployment of rangers to Ithilien.", "sought"),
    ("The council of Bree called for a ceasefire between Rohan and the orcs.", "sought"),
    ("The steward signed an order on Monday to allow the deployment of rangers.", "permitted"),
    ("Then they arrested the millers of Gondor and burned the mill …", "litany"),
    ("First they burned the barns of Gondor and beat the millers.", "litany"),
    ("An orc captain who plotted to kill farmers in a bomb attack on the mill of Bree was tried in Gondor.", "plotted"),
    ("On Monday, rangers on patrol in Bree answered a call about a fire.", "on-duty"),
    ("I was stabbed outside the inn at Bree in the spring of 1990.", "first-person-victim"),
    ("Ted Sandyman, a miller who found the bodies of two rangers, moved to Gondor in 1420.", "finder-described"),
    ("A mill collapsed in Bree on Friday, killing four farmers.", "accident"),
    ("Three farmers were killed in Bree on Monday when a ferry capsized.", "accident"),
    ("The steward of Bree died of a heart attack on Monday.", "figurative-modifier"),
    ("I say stay on strike!", "exhortation"),
    ("Join the march on Minas Tirith!", "exhortation"),
    ("The power the students of Bree have, not just in organizing rallies but in spurring the merchants to act.",
     "gerund-topic"),
    ("The wardens' team destroyed the door of the room where the gunman was.", "forced-entry"),
    ("A fire at the bakery in Bree destroyed the shop on Monday.", "natural-cause"),
    ("The granary of Bree was destroyed by fire on Monday.", "natural-cause"),
    ("Wardens arrested Ruffo and Sandyman during a buy-bust sale in Bree in 2016.", "ordinary-crime"),
    ("Wardens arrested Ruffo after a buy-bust sale in a flat used as a party drug laboratory.", "ordinary-crime"),
    # a flat's "unit" is no armed unit: the crime stays ordinary
    ("Wardens arrested Ruffo after a buy-bust sale, while two others were arrested inside a condo unit in Bree.",
     "ordinary-crime"),
    ("The steward said that without the number of rangers, the duration of their deployment and the cost, he was "
     "unwilling to commit.", "aspect-of"),
    ("Rohan said it would form three new companies to meet what it described as a dangerous military build-up.",
     "characterised"),
    ("Rohan was building in the far north an alternative naval base.", "under-construction"),
    ("It takes wardens hours to use the footage as an aid to apprehending an orc.", "means-gerund"),
    # issue 11, wire19: diplomacy is no event
    ("The envoy of Arnor demanded a truce with the orcs of Mordor on Monday.", "sought"),
    ("Rohan's council sought a prisoner exchange with the orcs of Mordor on Monday.", "sought"),
    ("The lords of Rohan and Gondor signed a treaty of friendship and trade in Edoras on Monday.",
     "diplomatic-accord"),
    ("Gondor agreed on Monday to reopen its border to the rangers who watch over the truce with Rohan.",
     "undertaking"),
    ("In a letter handed over to the council of Bree on Monday, Rohan said it would send grain.", "signed-paper"),
    ("Arnor halted its grain shipments to Rohan on Monday as part of efforts to end the fighting there.", "to-end"),
    ("The steward of Gondor urged both sides on Monday to end the clashes near Osgiliath.", "to-end"),
    ("The envoy of Arnor demanded on Monday that Gondor allow students to return to Osgiliath.", "one-voice"),
    ("The Bree Workers' Party issued a statement on Monday demanding news of its imprisoned leader.", "one-voice"),
    ("Rohan riders evacuated the wounded from the besieged town of Osgiliath on Friday.", "people-named"),
    ("The Gondor army announced on Monday that it will withdraw its troops from Osgiliath.", "announced-plan"),
    # issue 11, state20: a trial, a forensic finding, a police inquiry and an abstract target narrate no new event
    ("The prosecutor said the farmer was killed on the evening of 3 May on the Bree estate.", "court"),
    ("A gas explosion tore through a house in Bree early on Monday, killing three people.", "accident"),
    # issue 11, articles32: a blast the prosecutor reports is still court framing in a trial's own words
    ("The jury heard that the bomb exploded at the gate of Bree in May, prosecutors said.", "court"),
    ("A private autopsy found that Ted Sandyman was shot four times near Bree.", "forensic"),
    ("The coroner said the miller of Bree was stabbed twice in the chest.", "forensic"),
    ("Neighbours watched from their doors in Bree as police investigated the stabbing.", "ordinary-crime"),
    ("A tense crowd gathered in Bree as police investigated the shooting.", "under-investigation"),
    ("The senator accused the Gondor steward of an attack on free speech.", "metaphor"),
    ("The envoy called the new law an attack on democracy in Rohan.", "metaphor"),
    ("On Monday we heard from three mothers whose sons were killed by smugglers in Bree.", "bereaved-described"),
    ("Wardens in Arnor have tortured scores of refugees from Rohan, Human Rights Watch said on Thursday.",
     "practice-reported"),
    # issue 11, typing22: a protest a state makes is diplomacy
    ("The Rohan government protested to Gondor on Tuesday over the tolls at the fords.", "state-protest"),
    ("Gondor handed the envoy of Rohan a note of protest on Monday.", "formal-complaint"),
    ("Gondor handed the envoy of Rohan a protest note on Monday.", "formal-complaint"),
])
def test_a_scope_rule_rejects_an_out_of_scope_typing(nlp, text: str, rule: str) -> None:
    subs, rules = _read(nlp, text)
    assert rule in rules, (subs, rules)


@pytest.mark.parametrize("text", [
    "Gunmen shot a shopkeeper in Bree on Tuesday and police are investigating.",  # armed men: in scope
    "Villagers in Bree beat a suspected rustler on Monday.",  # a crowd's violence against a suspect: Mob violence
    "Residents of Bree attacked a farmer and burned his house.",  # more than one attacker
    "Orc militants attacked the village of Bree on Monday.",
    "Shelling kills two farmers in Osgiliath.",  # the trigger is the subject itself
    "Police arrested five protesters in Minas Tirith on Sunday.",
    "Rohan troops fought the rebels near Edoras.",
    "A bomb explosion tore through a market in Bree early on Monday, killing three people.",  # no gas: a bomb
    # issue 11, articles32: a prosecutor who reports a blast frames no trial
    "A cart hit an anti-tank mine near Osgiliath on Sunday, killing two farmers, the regional prosecutor's office said.",
    "Warplanes struck a weapons depot near Umbar.",
    "Wardens fired the shots that killed two protesters in Bree.",
    "Thousands marched through Minas Tirith on Saturday demanding pension reform.",
    "Farmers gathered in Bree during a visit of the steward to demand lower taxes.",  # a protest's aim
    "Orcs attacked the village of Bree, and the wardens have not confirmed if the raiders killed anyone.",
    "The wardens of Bree pushed back demonstrators outside the town hall on Friday.",  # protesters acted on
    "Rangers fighting the orcs near Bree killed two of them on Monday.",  # the fight is told by "killed"
    "Thousands rallied in Minas Tirith on Saturday against the new tax.",
    "Wardens in Bree detained an opposition activist on Monday.",  # an arrest with a political dimension
    "Whitfoot, the mayor of Bree, was arrested on Thursday.",  # a named person with a public role
    "Wardens arrested Butterbur in Bree on Thursday.",  # a named arrest said of the wardens
    "Rohan and Gondor signed a ceasefire agreement in Edoras on Monday.",
    "The battle for Osgiliath went on until the Rohan troops withdrew on Monday.",  # no modal: it happened
    "Orcs shelled the town of Bree several times on Monday.",  # a date: a specific day
    "Orc militants forcibly disappeared a street vendor in Bree on Monday.",
    "The town of Bree was surrounded by orc militants on Monday.",
    "Orc militants opened fire on a market in Bree on Monday.",  # "fire" is a word of the trigger
    "Orc militants raped two women in the village of Bree.",  # sexual violence by an armed group
    "Police officers in Bree were accused of raping two women held at the station.",  # by state forces
    "Thousands of farmers protested in Minas Tirith on Saturday.",
    "Police said officers shot Ted Sandyman dead in Bree on Wednesday.",  # the police's own officers shot him
    "An explosion at a mill in Bree killed two workers on Saturday, police said.",  # a blast is no crime news
    "The steward should publicise actions like last week's air strike on the orc camp near Bree.",  # stops at a noun
    "Orc militants attacked the village of Bree on Monday, and the wardens could not stop them.",
    "There were clashes in Bree on Monday between wardens and orcs.",  # no "no"
    "Fighting between Gondor and the orcs broke out in Bree on 3 May 2015 and went on into 2016.",  # a day named
    "Every house in Bree was destroyed by orcs on Monday.",  # a date: one occurrence
    "Orcs attacked the trade convoy near Bree on Monday.",  # "trade" is not before the trigger
    "When wardens arrested the orc chief on Monday, the farmers cheered.",  # a past occurrence
    "Orc raiders burn farms near Bree.",  # a place named
    "Raiders killed five farmers.",  # a number: one occurrence
    "Raiders burned the farms.",  # a definite object refers back to one occurrence
    "A fire set by orc raiders destroyed the town hall of Bree on Monday.",  # an arson: someone set it
    "Orc raiders destroyed the town hall of Bree on Monday.",
    "On Monday orcs crossed the river at Bree. Raiders burned farms.",  # anchored by the report's first sentence
    "Gunmen armed with rifles attacked the village of Bree on Monday.",  # the rifles are carried, the attack told
    "Rangers said Gondor troops fired shells fitted with a nerve agent into Bree on Monday.",  # shells used
    "The Gondor army expelled the orcs from Osgiliath on Monday.",  # a place they were expelled from
    "Gondor troops liberated Minas Tirith on Sunday.",  # a place, whatever the parser calls it
    "Orcs attacked the village of Bree, which the wardens had defended for weeks.",  # the attack is no relative clause
    "Rangers took out two orcs who had opened fire on the convoy near Bree on Monday.",  # the fight told
    "Rioters stormed the steward's office in Bree on Sunday, destroying computers.",  # damage, no hacking
    "Among those killed in Bree on Monday were two rangers.",  # no number counts "those"
    "Hundreds of farmers protested in Bree on Monday to commemorate the massacre of 1990.",  # the protest stays
    "Farmers in Bree protested on Monday to call for the release of the rangers.",  # the protest is told
    "Orc militants fought for the town of Bree on Monday.",  # "fight" asks for nothing
    "On Monday orcs crossed the river at Bree. Then they burned the farms.",  # a dated report's next step
    "Then the orcs burned the farms of Bree.",  # no "they": told of named doers
    "Rohan troops withdrew from Bree, then they shelled the town.",  # "then" does not open the sentence
    "An orc who plotted the raid killed two farmers in a bomb attack in Bree on Monday.",  # the attack is told
    "Gondor deployed troops on the border of Bree on Monday.",  # "on" a place, no bare activity noun
    "Dock workers in Bree have been on strike since Monday.",  # a strike is a protest
    "I was shot by orc militants in Bree on Monday, a farmer said.",  # an agent: the attack is told
    "I was beaten at the protest in Bree on Monday, a student said.",  # a protest: in scope
    "Wardens found the bodies of two rangers in Bree on Monday.",  # the finding is the news
    "Two bodies with gunshot wounds were found in Bree on Monday.",  # a sign of violence
    "The body of a farmer was found dumped by the road to Bree on Monday.",  # dumped: someone's doing
    "The body of a ranger was found near Bree on Monday. It had been burned.",  # the report tells the violence
    "The body of an opposition activist was found near Bree on Monday.",  # a conflict cue
    "Orc artillery shelled the mill of Bree on Friday and it collapsed, killing four farmers.",  # the shelling told
    "Troops moved into Bree and seized the town hall on Monday.",
    "Orc rebels established a base in Bree on Tuesday.",
    "The dockers of Bree stayed on strike on Monday.",  # a strike told, no call to strike
    "The students have been organizing rallies in Bree since Monday.",  # a date: rallies held
    "Orc raiders destroyed the town hall of Bree on Monday.",  # a building, no door forced
    "Rohan troops withdrew from Bree on Saturday.",  # troops, no envoys
    "Orc rebels were building a base near Bree on Monday.",  # a date: the work that day is told
    "Wardens in Bree arrested two orcs after apprehending their chief on Monday.",  # "after" is no means
    "Gondor deployed troops to Bree on Monday, which Rohan described as a dangerous build-up.",  # the move told
    "Wardens arrested Ruffo, a member of the Bree party, during a buy-bust sale in 2016.",  # a party member
    "The cost of the deployment of rangers to Bree on Monday was high, the steward said.",  # a date: it happened
    # issue 11, wire19: the real event beside each diplomacy negative
    "The Arnor and Gondor commanders signed a ceasefire in Bree on Monday.",  # an accord between the sides
    "Rohan and the orcs signed a peace and friendship treaty in Edoras on Monday.",  # a peace named
    "Rohan and the orcs agreed on Monday to exchange prisoners at the Fords of Isen.",  # an accord's act
    "Rohan and the orcs agreed on Monday to observe a truce near Osgiliath.",  # a truce in its phrase
    "Hundreds of students demanded on Monday that the steward of Bree resign.",  # a crowd's demand
    "A crowd gathered in Bree on Monday demanding the release of two rangers.",  # a crowd's demand
    "Orc militants shot the wounded rangers near Osgiliath on Friday.",  # "wounded" describes rangers
    "Gondor troops fought the orcs on Monday to end the siege of Osgiliath.",  # the fight is told
    "Orc militants threatened the farmers of Bree with knives on Monday.",  # a threat made with weapons
    "Gondor troops withdrew from Osgiliath on Monday, the steward announced.",  # the move told
    # issue 11, state20: the conflict event beside each trial, forensic and metaphor negative
    "Prosecutors said the orc militants bombed the market of Bree last week.",  # the militants: a conflict cue
    "Police said gunmen killed five farmers in Bree on Monday.",  # gunmen: organised violence
    "A crowd gathered in Bree as police investigated the shooting of a ranger by orc militants.",  # militants
    "Police in Bree are investigating the suicide bombing of the mill on Monday.",  # a blast is no crime news
    "Police in Bree investigated the shooting of two soldiers at the checkpoint on Monday.",  # soldiers: a conflict cue
    "A pathologist said the ranger died of torture in Gondor police custody in Bree on Monday.",  # by the state
    "Orc militants carried out an attack on the Gondor embassy in Bree on Monday.",  # a building, no abstraction
    "Orc militants killed dozens of farmers in Bree on Monday, Human Rights Watch said.",  # one occurrence told
    "The steward met the families whose sons were killed by orc militants near Bree on Monday.",  # militants
    "The steward met the farmers whose mill was burned by rioters in Bree on Monday.",  # rioters: in scope
    "Orc militants have killed twelve farmers in Bree, Human Rights Watch said.",  # a count, no vague one
    "Government employees protested outside the ministry in Minas Tirith on Monday.",  # people, not the state
    # fncfp30: hacking with a blade, and theft by people who are no hackers, stay
    "Orc raiders hacked three farmers to death with machetes in Bree on Monday.",  # a blade: violence
    "Orc raiders stole cattle from the farmers of Bree on Monday.",  # no hacker
    "Orc raiders wanted to demolish the mill of Bree and burned it on Monday.",  # raiders: no owner
    "Gondor troops demolished the houses of the owners of the mill in Bree on Monday.",  # the owners are acted on
    "When the orcs attacked the farm in Bree on Monday, the rangers fled.",  # a time, no condition
])
def test_scope_rules_keep_events_in_scope(nlp, text: str) -> None:
    subs, rules = _read(nlp, text)
    assert subs and not rules, (subs, rules)


@pytest.mark.parametrize(("text", "kept"), [
    # violence by state forces stays in scope whatever crime words the police's account holds
    ("Two officers shot and killed an unarmed farmer in Bree on Sunday, the police department said.", True),
    ("An unarmed farmer was shot dead by police in Bree on Sunday, the police department said.", True),
    # the hard negatives beside them: an officer as the victim, a man as the killer
    ("A police officer in Bree was shot by a burglar during a break-in, the police department said.", False),
    ("A man shot his neighbour in Bree on Sunday, the police department said.", False),
    # the subject the parser leaves on a participle ("officers responding ... shot") is who acted
    ("Two officers responding to a call about a burglary in Bree fatally shot a farmer carrying a rake, "
     "the police department said.", True),
    ("A man responding to a quarrel with his neighbour shot him dead in Bree on Sunday, the police department said.",
     False),
    ("An off-duty police officer shot his wife during a domestic dispute in Bree, the police department said.", False),
])
def test_violence_by_state_forces_is_no_ordinary_crime(nlp, text: str, kept: bool) -> None:
    subs, rules = _read(nlp, text)
    assert bool(subs) == kept, (subs, rules)
    assert kept == ("ordinary-crime" not in rules) or not rules, (subs, rules)


def test_the_time_of_a_plan_is_no_intention_the_scope_drops(nlp) -> None:
    text = "The rangers of Bree said they are awaiting for the \u201czero hour\u201d to attack the orcs in the city of Osgiliath."
    assert "intended" not in _read(nlp, text)[1]  # planned, as modality reads it
    assert "intended" in _read(nlp, "Gondor has grounds to attack Umbar, the steward said.")[1]


def test_every_scope_rule_is_named_once() -> None:
    names = [r.name for r in SCOPE_RULES]
    assert len(names) == len(set(names))


def test_every_scope_rule_is_documented() -> None:
    """Each rule has its row in docs/events.md's table and is listed among docs/contract.md's reasons."""
    events = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    contract = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    assert [r.name for r in SCOPE_RULES if f"| `{r.name}` |" not in events] == []
    assert [r.name for r in SCOPE_RULES if f"`{r.name}`" not in contract] == []


def test_the_scope_table_lists_the_rules_in_the_order_they_are_tried() -> None:
    """docs/events.md's table of scope rules reads in ``SCOPE_RULES`` order."""
    events = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    names = [r.name for r in SCOPE_RULES]
    rows = [m.group(1) for m in re.finditer(r"^\s*\| `([a-z-]+)` \|", events, re.MULTILINE) if m.group(1) in names]
    assert rows == names


def test_the_pipeline_keeps_a_scope_rejection_for_explain(pipeline) -> None:
    from frontlines.records import Article, OffsetMap

    text = "Oil prices rallied on Wednesday in Minas Tirith."
    article = Article(id="scope", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)), source="test")
    result = pipeline.analyse(article, pipeline.nlp(text))
    assert not result.events
    assert any(r.reason == "rule:scope:markets" and r.trigger == "rallied" for r in result.rejected)


def test_envoys_leaving_are_diplomacy_not_a_move(pipeline) -> None:
    from frontlines.records import Article, OffsetMap

    text = "The steward said the first group of expelled envoys and their families left the embassy compound in " \
           "Bree on Saturday."
    article = Article(id="envoys", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)), source="test")
    result = pipeline.analyse(article, pipeline.nlp(text))
    assert not result.events
    assert any(r.reason == "rule:scope:diplomatic-move" for r in result.rejected)


def test_a_total_it_drops_is_explained(nlp) -> None:
    from frontlines.actors import load_actors
    from frontlines.events.assemble import extract_events
    from frontlines.records import Article, OffsetMap

    text = "Arnorian rebels have killed 300 Gondorian soldiers in attacks on army posts since January."
    article = Article(id="total", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)), source="test",
                      published=dt.date(2020, 5, 1))
    events, rejected = extract_events(nlp(text), article, [], actors=load_actors(), typer=EventTyper(load_lexicon()))
    assert not events
    assert any(r.reason == "rule:total-or-background 'since january'" and r.trigger == "killed" for r in rejected)


def test_a_body_found_after_a_drowning_stays_no_event(nlp) -> None:
    subs, _ = _read(nlp, "The body of a fisherman who drowned in the Brandywine was found near Bree on Monday.")
    assert subs == []


# issue 11, wire22: frames of the wire register (diplomacy, verdicts, tests, denials), each with a hard negative
# (a typing the rule takes) and a kept positive (a real event in the same frame's words)
@pytest.mark.parametrize(("text", "rule", "kept"), [
    ("Gondor recalled its envoy from Umbar on Friday in protest at the arrest of a Gondorian merchant.",
     "in-protest", False),
    ("Dockers in Pelargir walked out on Friday in protest at the arrest of a union leader.", "in-protest", True),
    ("Arnor handed a formal letter of protest to the envoy of Rhun on Monday.", "formal-complaint", False),
    ("The steward said on Monday he was ready to discuss a truce with the orcs of the hills.", "talks-topic", False),
    ("Gondor and the hill tribes signed a truce in Osgiliath on Monday.", "talks-topic", True),
    ("The truce between Gondor and the hill tribes has mostly held since it began in May, monitors said.",
     "accord-state", False),
    ("Envoys of Gondor said on Monday that the truce with the hill tribes is still in force.", "accord-state", False),
    ("Arnor shut its border with Gondor because of fighting between orcs and rangers, officials said.",
     "reason-given", False),
    ("The school in Bree closed owing to heavy shelling on Monday.", "reason-given", True),
    ("Hundreds gathered in Bree on Sunday to mark the anniversary of the massacre at the ford.", "remembered", False),
    ("Orc raiders carried out a massacre at the ford near Bree on Sunday.", "remembered", True),
    ("The guild will send grain to farmers displaced by the fighting in Ithilien, it said on Monday.",
     "afflicted-by", False),
    ("The council of Arnor passed a decree on Monday allowing the army to be deployed beyond the river.",
     "permitted", False),
    ("A tribunal in Edoras acquitted a Rohan captain on Monday of ordering the shooting of farmers in the war.",
     "verdict", False),
    ("Rohan soldiers shot two farmers near the tribunal in Edoras on Monday.", "verdict", True),
    ("Mordor test-fired a long-range rocket into the sea on Tuesday, the envoy of Gondor said.", "weapon-test", False),
    ("Mordor fired rockets at Osgiliath on Tuesday, the envoy of Gondor said.", "weapon-test", True),
    ("The embassy of Rhun said the reports of troop movements near the river were baseless.", "report-denied", False),
    ("Reports of shelling came from Osgiliath on Monday, the steward said.", "report-denied", True),
    ("A Gondor transport helicopter crashed on a training flight on Monday, killing its crew, the army said.",
     "accident", False),
    ("Wardens of Umbar have detained farmers without trial, Human Rights Watch said on Monday.",
     "practice-reported", False),
])
def test_wire_register_frames(nlp, text: str, rule: str, kept: bool) -> None:
    subs, rules = _read(nlp, text)
    if kept:
        assert subs and rule not in rules, (subs, rules)
    else:
        assert rule in rules, (subs, rules)


@pytest.mark.parametrize(("text", "rule"), [
    # one person or thing hit, told in the simple past, is one occurrence (issue 11, recall22)
    ("Wardens shot dead a student during a protest.", None),
    ("Orc raiders burned a mill and fled.", None),
    ("A ranger was shot by orc raiders.", None),
    # the hard negatives: bare plurals hit, an indefinite noun only after a preposition, or a present
    ("Orc raiders slaughtered farmers in a village.", "unanchored"),
    ("Orc raiders burned mills in a village and fled.", "unanchored"),
])
def test_one_of_a_kind_hit_in_the_past_anchors_a_bare_plural_doer(nlp, text: str, rule: str | None) -> None:
    subs, rules = _read(nlp, text)
    if rule is None:
        assert subs and "unanchored" not in rules, (subs, rules)
    else:
        assert rule in rules, (subs, rules)


@pytest.mark.parametrize(("text", "kept"), [
    ("Gondor demanded that Umbar hand over two corsairs it accuses of planning attacks on its ships.", False),
    ("Umbar arrested two corsairs on Monday who planned the attack on the harbour of Pelargir.", True),
])
def test_an_attack_planned_is_no_attack(nlp, text: str, kept: bool) -> None:
    subs, rules = _read(nlp, text)
    assert ("plotted" not in rules) == kept, (subs, rules)


@pytest.mark.parametrize(("text", "kept"), [
    ("Harbour guards seized a tonne of cocaine hidden in a grain ship at Pelargir on Friday.", False),
    ("Orc militants looted the grain stores of Pelargir on Friday.", True),
])
def test_a_drug_seizure_is_ordinary_crime(nlp, text: str, kept: bool) -> None:
    subs, rules = _read(nlp, text)
    assert ("ordinary-crime" not in rules) == kept, (subs, rules)
    assert bool(subs) == kept, (subs, rules)


def test_an_attack_someone_planned_in_the_past_stays(nlp) -> None:
    subs, rules = _read(nlp, "The orc who planned a bomb attack on the mill of Bree was seen in Minas Tirith.")
    assert "plotted" not in rules, (subs, rules)


@pytest.mark.parametrize(("text", "rule"), [
    # issue 11, recall22: the suspect of a bombing is no ordinary one; a truce named after "agreed to" is the accord
    ("Wardens in Bree said they had arrested a man suspected of planning the bombing of the mill.", None),
    ("Rohan and the orcs agreed on Monday to a two-day truce to let healers into Osgiliath.", None),
    # the hard negatives beside them: a thief arrested, a deal of no conflict parties agreed to
    ("Wardens in Bree said they had arrested a man suspected of stealing a horse from the mill.", "lone-arrest"),
    ("Rohan agreed on Monday to a deal to let merchants into Osgiliath.", "undertaking"),
])
def test_a_bombing_suspect_and_a_truce_agreed_to_stay_in_scope(nlp, text: str, rule: str | None) -> None:
    subs, rules = _read(nlp, text)
    if rule is None:
        assert subs and not rules, (subs, rules)
    else:
        assert rule in rules, (subs, rules)
