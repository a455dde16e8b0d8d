"""News-wire snippets, four per ACLED sub-event type, with fictional places and actors.

Written for frontlines' tests (no real reports copied), in three sets at different times
(SNIPPETS, LATER, LATEST). Each set's first run measured the lexicon on text it had not seen;
each was then used to fix general rules, so none of them is held out any more: they check that
all 25 types stay covered, by the lexicon alone and through the shipped event gate.
"""

from __future__ import annotations

import pytest

from frontlines.events.classify import classify
from frontlines.events.evaluate import label_scores
from frontlines.events.mainevent import main_typing
from frontlines.events.ontology import SUB_EVENT_TYPES, load_lexicon

SNIPPETS: dict[str, list[str]] = {
    "Armed clash": [
        "Heavy clashes broke out on Tuesday between the Gondor army and fighters of the Free Arnor Front near Vessa.",
        "Government troops and Umbar Brigade militants exchanged fire for several hours outside the town of Kell.",
        "Rebels attacked an army checkpoint north of Tarrow, sparking a gun battle that left four soldiers dead.",
        "Fighting raged overnight as Rohan Liberation Army insurgents battled security forces in the hills around Oskal.",
    ],
    "Government regains territory": [
        "The Gondor army said it had recaptured the town of Marsk from Free Arnor Front rebels after a week-long siege.",
        "Government forces retook control of the Belavan district on Sunday, driving out the insurgents.",
        "Troops liberated three villages near Dorin that had been held by the Umbar Brigade since March.",
        "Security forces regained the strategic Halun crossing from militants, the defence ministry said.",
    ],
    "Non-state actor overtakes territory": [
        "Free Arnor Front militants seized the town of Kell after government troops fled.",
        "Insurgents overran an army base near Tarrow and took control of the surrounding district.",
        "The Umbar Brigade captured the village of Ostrin following heavy fighting with the army.",
        "Rebels took over the provincial capital of Vessa on Friday, raising their flag over the governor's office.",
    ],
    "Non-violent transfer of territory": [
        "Rebel fighters withdrew from Marsk and handed the town over to the army without a fight under a local deal.",
        "Government troops entered the town of Belavan peacefully after the militia pulled out overnight.",
        "The Umbar Brigade handed over control of the Halun crossing to a tribal council, with no fighting reported.",
        "Army units took control of the base at Dorin without resistance after the rebels abandoned it.",
    ],
    "Chemical weapon": [
        "Dozens of people suffocated after a chlorine gas attack on the rebel-held town of Ostrin, doctors said.",
        "Witnesses said helicopters dropped barrels filled with toxic gas on residential areas of Kell.",
        "Investigators said sarin was used in the attack on the village of Tarrow that killed 40 people.",
        "Residents of Vessa reported a suspected chemical weapons attack that left children struggling to breathe.",
    ],
    "Air/drone strike": [
        "Warplanes bombed a market in the rebel-held town of Marsk, killing at least 12 civilians.",
        "A drone strike hit a car carrying two Umbar Brigade commanders near Belavan on Thursday.",
        "Coalition aircraft carried out a series of air raids on militant positions south of Dorin.",
        "Gondor air force jets struck a Free Arnor Front convoy on the highway to Oskal.",
    ],
    "Suicide bomb": [
        "A suicide bomber blew himself up at a police checkpoint in Kell, killing six officers.",
        "At least 20 worshippers were killed when a suicide attacker detonated an explosive vest inside a mosque in Tarrow.",
        "A suicide car bomb struck the gates of an army base near Vessa on Monday.",
        "Police said a woman wearing a suicide belt set off her explosives at a crowded bus station in Ostrin.",
    ],
    "Shelling/artillery/missile attack": [
        "Government artillery shelled the eastern suburbs of Marsk overnight, damaging dozens of homes.",
        "Rebels fired mortar rounds at an army position near Belavan, wounding three soldiers.",
        "A ballistic missile slammed into the port city of Dorin, killing five people.",
        "Rockets launched from across the border landed in a residential area of Oskal.",
    ],
    "Remote explosive/landmine/IED": [
        "A roadside bomb exploded next to an army patrol near Kell, killing two soldiers.",
        "Three children were wounded when a landmine went off in a field outside Tarrow.",
        "A car bomb tore through a busy street in central Vessa on Saturday evening.",
        "An improvised explosive device planted on a motorcycle detonated near the governor's convoy in Ostrin.",
    ],
    "Grenade": [
        "Unidentified attackers hurled a grenade into a crowded market in Marsk, injuring nine people.",
        "A hand grenade was thrown at a police station in Belavan late on Tuesday.",
        "Militants lobbed grenades at a security post in Dorin, wounding two guards.",
        "Two men on a motorbike tossed a grenade into a bar in Oskal, police said.",
    ],
    "Sexual violence": [
        "Soldiers raped at least five women during a raid on the village of Kell, a rights group said.",
        "Militiamen sexually assaulted two girls who were collecting firewood near Tarrow.",
        "Survivors described widespread sexual violence by armed men in camps around Vessa.",
        "A teenage girl was gang-raped by fighters of the Umbar Brigade near Ostrin.",
    ],
    "Attack": [
        "Gunmen shot dead a village chief and his son in Marsk on Sunday night.",
        "Armed men stormed the village of Belavan and killed 14 civilians, residents said.",
        "Unknown assailants stabbed a journalist to death outside his home in Dorin.",
        "The bodies of three farmers with gunshot wounds were found near Oskal.",
    ],
    "Abduction/forced disappearance": [
        "Gunmen kidnapped 30 students from a boarding school in Kell early on Friday.",
        "Militants abducted two aid workers on the road between Tarrow and Vessa.",
        "A prominent activist has been missing since he was taken away by unidentified men in Ostrin.",
        "Armed men seized five passengers from a bus near Marsk and took them hostage.",
    ],
    "Excessive force against protesters": [
        "Security forces opened fire on demonstrators in Belavan, killing at least seven protesters.",
        "Police shot dead two protesters during a rally against fuel prices in Dorin.",
        "Troops used live ammunition against a peaceful march in Oskal, leaving dozens wounded.",
        "Four demonstrators were killed when soldiers fired into a crowd of protesters in Kell.",
    ],
    "Protest with intervention": [
        "Police fired tear gas to disperse hundreds of students protesting against tuition fees in Tarrow.",
        "Riot police broke up a sit-in by teachers outside the ministry in Vessa and detained 12 of them.",
        "Officers used water cannon against opposition supporters who had gathered in central Ostrin.",
        "Authorities arrested dozens of demonstrators who took part in an unauthorised rally in Marsk.",
    ],
    "Peaceful protest": [
        "Thousands of people marched through Belavan on Saturday to demand the release of political prisoners.",
        "Nurses staged a protest outside the main hospital in Dorin over unpaid salaries.",
        "Farmers rallied peacefully in front of the parliament in Oskal against new taxes.",
        "Dock workers went on strike in Kell, demanding better pay and safety equipment.",
    ],
    "Violent demonstration": [
        "Protesters threw stones at police and set fire to tyres during a demonstration in Tarrow.",
        "Demonstrators torched a government building in Vessa after the election results were announced.",
        "Angry protesters smashed shop windows and blocked roads with burning barricades in Ostrin.",
        "Rioters clashed with police in Marsk during protests over bread prices.",
    ],
    "Mob violence": [
        "A mob lynched a man accused of theft in the market town of Belavan.",
        "Villagers armed with machetes attacked a neighbouring community near Dorin, burning several huts.",
        "Football fans fought with rival supporters outside the stadium in Oskal, injuring 15 people.",
        "A crowd beat two suspected kidnappers to death in Kell before police arrived.",
    ],
    "Agreement": [
        "The government and the Free Arnor Front signed a ceasefire agreement in Tarrow on Wednesday.",
        "The two sides agreed to exchange prisoners under a deal brokered by tribal elders in Vessa.",
        "Rival militias reached a truce to end weeks of fighting in Ostrin.",
        "The army and the Umbar Brigade concluded a peace accord that provides for the disarmament of fighters.",
    ],
    "Arrests": [
        "Police arrested a senior opposition leader at his home in Marsk on charges of treason.",
        "Security forces detained 25 people suspected of links to the Umbar Brigade in Belavan.",
        "The intelligence service took a journalist into custody in Dorin after he criticised the president.",
        "Soldiers rounded up dozens of young men during a search operation in Oskal.",
    ],
    "Change to group/activity": [
        "The army deployed thousands of troops to the northern border near Kell.",
        "Two rebel factions announced that they had merged to form a new group, the Southern Arnor Alliance.",
        "The government imposed a curfew in Tarrow after days of unrest.",
        "Militants sent reinforcements to their positions around Vessa ahead of an expected offensive.",
    ],
    "Disrupted weapons use": [
        "Bomb disposal experts defused an explosive device found near a school in Ostrin.",
        "Air defences intercepted two missiles fired at the city of Marsk, the military said.",
        "Police seized a large cache of weapons and ammunition in a raid on a farm near Belavan.",
        "Soldiers shot down a drone loaded with explosives over the army base in Dorin.",
    ],
    "Headquarters or base established": [
        "The Umbar Brigade set up a new headquarters in the abandoned school in Oskal.",
        "Foreign troops established a military base on the outskirts of Kell.",
        "The army built a new observation post on the hill overlooking Tarrow.",
        "Rebels opened a command centre in the village of Vessa, residents said.",
    ],
    "Looting/property destruction": [
        "Militiamen looted shops and houses in the market town of Ostrin before withdrawing.",
        "Unknown arsonists set fire to a church in Marsk overnight.",
        "Soldiers demolished dozens of homes in the village of Belavan, leaving families homeless.",
        "Armed men burned down the crops and granaries of farmers near Dorin.",
    ],
    "Other": [
        "A mass grave containing at least 50 bodies was discovered near the village of Oskal.",
        "Thousands of families fled Kell after fighting erupted in neighbouring districts.",
        "The government released 200 prisoners from the central jail in Tarrow as a goodwill gesture.",
        "Residents found unexploded ordnance scattered across the fields outside Vessa.",
    ],
}


def test_every_sub_event_type_has_snippets() -> None:
    assert set(SNIPPETS) == set(SUB_EVENT_TYPES) == set(LATER) == set(LATEST)
    assert all(len(v) == 4 for v in SNIPPETS.values())


def _predict(nlp, texts: list[str]) -> list[str | None]:
    lex = load_lexicon()
    out: list[str | None] = []
    for doc in nlp.pipe(texts):
        main = main_typing([classify(s, lexicon=lex) for s in doc.sents])
        out.append(main.sub_event_type if main else None)
    return out


@pytest.mark.parametrize("name", ["SNIPPETS", "LATER", "LATEST"])
def test_snippets_weighted_f1_at_least_070(nlp, name: str) -> None:
    sets = {"SNIPPETS": SNIPPETS, "LATER": LATER, "LATEST": LATEST}
    gold = [label for label, texts in sets[name].items() for _ in texts]
    pred = _predict(nlp, [t for texts in sets[name].values() for t in texts])
    f1, _acc, per = label_scores(gold, pred)
    missed = [f"{g} -> {p}" for g, p in zip(gold, pred, strict=True) if g != p]
    assert f1 >= 0.70, f"weighted F1 {f1:.3f}; misses: {missed}"


@pytest.fixture(scope="module")
def gated_typer():
    from frontlines.events.classify import EventTyper
    from frontlines.events.gate import load_gate
    from frontlines.settings import Settings

    defaults = Settings()
    return EventTyper(load_lexicon(), load_gate(), defaults.event_threshold, defaults.event_threshold_alone)


@pytest.mark.parametrize("name", ["SNIPPETS", "LATER", "LATEST"])
def test_snippets_through_the_shipped_gate_weighted_f1_at_least_075(nlp, gated_typer, name: str) -> None:
    sets = {"SNIPPETS": SNIPPETS, "LATER": LATER, "LATEST": LATEST}
    gold = [label for label, texts in sets[name].items() for _ in texts]
    pred = []
    for doc in nlp.pipe([t for texts in sets[name].values() for t in texts]):
        main = main_typing([list(r.typings) for r in gated_typer.read(list(doc.sents))])
        pred.append(main.sub_event_type if main else None)
    f1, _acc, _per = label_scores(gold, pred)
    missed = [f"{g} -> {p}" for g, p in zip(gold, pred, strict=True) if g != p]
    assert f1 >= 0.75, f"weighted F1 {f1:.3f}; misses: {missed}"


@pytest.mark.parametrize("label", list(SNIPPETS))
def test_each_type_is_recognised_at_least_once(nlp, label: str) -> None:
    pred = _predict(nlp, SNIPPETS[label])
    assert label in pred, f"{label}: predicted {pred}"


#: A second set, written after the lexicon and never used to tune it: wire style, attribution,
#: passive voice. Its score is reported in docs/events.md as the honest held-out estimate.
LATER: dict[str, list[str]] = {
    "Armed clash": [
        "At least nine fighters were killed when rival militias battled for control of a bridge near Arvel, a monitor said.",
        "Soldiers came under fire from insurgents hiding in an orchard outside Temur and returned fire, the army said.",
    ],
    "Government regains territory": [
        "Pro-government forces have wrested back control of the district of Salem from the rebels, state media reported.",
        "The town of Qaryat Nur was recaptured by the army on Monday after three days of fighting, officials said.",
    ],
    "Non-state actor overtakes territory": [
        "Jihadists overran a military outpost in the north and seized the nearby town of Duma Vale, residents said.",
        "The provincial capital fell to the insurgents late on Sunday after government troops withdrew, officials said.",
    ],
    "Non-violent transfer of territory": [
        "Under the deal, the rebels handed over the town of Krasno to the national army and left for the north.",
        "Troops moved into the border post of Sarak unopposed after the separatists abandoned their positions.",
    ],
    "Chemical weapon": [
        "Medics treated dozens of people for symptoms consistent with exposure to a nerve agent after the shelling of Ilva.",
        "The opposition accused government forces of using chlorine bombs in an attack on the suburb of Narin.",
    ],
    "Air/drone strike": [
        "An air strike on a wedding party in the village of Hamra killed at least 20 people, local officials said.",
        "Unmanned aerial vehicles targeted a militant hideout in the mountains near Ghor Tal, the ministry said.",
    ],
    "Suicide bomb": [
        "The attacker drove an explosives-laden vehicle into the compound and detonated it, in what police called a suicide attack.",
        "A bomber wearing a suicide vest killed 11 people at a funeral in the city of Zaril.",
    ],
    "Shelling/artillery/missile attack": [
        "Artillery shells rained down on the old quarter of Brenn overnight, setting several buildings ablaze.",
        "A missile fired by the rebels hit an oil depot on the outskirts of the capital, the coalition said.",
    ],
    "Remote explosive/landmine/IED": [
        "Two soldiers were killed when their vehicle struck a landmine on the road to Kerat, the army said.",
        "A bomb hidden in a parked car exploded outside a bank in central Lusa, wounding six passers-by.",
    ],
    "Grenade": [
        "An assailant threw a hand grenade at a group of worshippers leaving a church in Malo, injuring seven.",
        "Police said a grenade was hurled into the courtyard of the district office in Raneh.",
    ],
    "Sexual violence": [
        "The UN said it had documented dozens of cases of rape by soldiers in the Kiro region.",
        "Two women said they were sexually abused by militiamen at a checkpoint outside Vell.",
    ],
    "Attack": [
        "Gunmen on motorcycles killed 12 villagers in a raid on the hamlet of Tessit, local officials said.",
        "A local councillor was shot and killed outside his home in Danel by unidentified assailants.",
    ],
    "Abduction/forced disappearance": [
        "Relatives said the activist was taken from his home by men in plain clothes and has not been seen since.",
        "Bandits kidnapped a priest and two parishioners on the highway near Ubel, police said.",
    ],
    "Excessive force against protesters": [
        "Witnesses said troops fired live rounds at a crowd of demonstrators in Harun, killing at least three people.",
        "Two protesters died after being beaten by police during a march in the capital, a rights group said.",
    ],
    "Protest with intervention": [
        "Riot police used batons to break up a demonstration by opposition supporters in central Marro.",
        "More than 40 people were detained as police dispersed a rally against the new labour law in Sivan.",
    ],
    "Peaceful protest": [
        "Hundreds of mothers held a silent vigil outside the parliament in Lorr to demand news of their missing sons.",
        "Taxi drivers staged a demonstration in the capital on Tuesday against rising fuel prices.",
    ],
    "Violent demonstration": [
        "Demonstrators hurled rocks and petrol bombs at security forces during a protest over power cuts in Varna Nova.",
        "Angry protesters set fire to the local police station in Tarik after a young man died in custody.",
    ],
    "Mob violence": [
        "A crowd of residents dragged a suspected thief from a police car and beat him to death in Orun.",
        "Supporters of two rival candidates clashed with sticks and machetes in the village of Kemba, leaving one dead.",
    ],
    "Agreement": [
        "Negotiators for the government and the rebels signed a deal in Orla to release all prisoners of war.",
        "The warring parties agreed to a 72-hour truce to allow aid deliveries into the besieged city of Ras Min.",
    ],
    "Arrests": [
        "Security forces arrested the mayor of Pella on corruption charges, the prosecutor's office said.",
        "Police detained three suspected members of the Falcon Brigade in a dawn operation in Kessa.",
    ],
    "Change to group/activity": [
        "The rebel commander announced that his fighters would join the Northern Alliance, effective immediately.",
        "Thousands of troops were moved to the frontier region on Friday, the defence ministry said.",
    ],
    "Disrupted weapons use": [
        "Engineers safely defused a roadside bomb discovered on the main highway near Tarn, the army said.",
        "The air defence system intercepted a rocket launched towards the city of Asher, the military said.",
    ],
    "Headquarters or base established": [
        "The militia has set up a new base in a former police compound in the town of Hume, residents said.",
        "Foreign forces established a forward operating base near the border town of Mazra.",
    ],
    "Looting/property destruction": [
        "Soldiers looted livestock and burned homes in the village of Wuro Bali, residents said.",
        "Bulldozers demolished a dozen homes in the village of Karm, leaving more than 60 people homeless.",
    ],
    "Other": [
        "Forensic teams exhumed remains from a mass grave near the town of Istoki.",
        "More than 5,000 people have been displaced from their homes in the Luri valley, the UN said.",
    ],
}


#: A third set, one per type, written last and scored once before any further change.
LATEST: dict[str, list[str]] = {
    "Armed clash": ["Two soldiers and five militants died in a firefight that erupted at dawn near the Sorel dam."],
    "Government regains territory": ["After weeks of siege, national forces have reclaimed the river port of Ambo from the insurgents."],
    "Non-state actor overtakes territory": ["The rebels said they had captured the airport of Kenu after the garrison surrendered."],
    "Non-violent transfer of territory": ["The militia peacefully handed the town hall of Ritz over to the police, ending its two-year rule."],
    "Chemical weapon": ["The watchdog concluded that mustard gas had been used against fighters in the village of Oster."],
    "Air/drone strike": ["Fighter jets pounded positions held by the insurgents east of Gara for a third straight day."],
    "Suicide bomb": ["The bombing at the police academy in Ferro was carried out by a suicide bomber, the interior ministry said."],
    "Shelling/artillery/missile attack": ["Mortar fire hit a crowded bus station in the government-held part of Lek, killing four."],
    "Remote explosive/landmine/IED": ["An explosive device hidden in a rubbish bin went off outside the courthouse in Pola."],
    "Grenade": ["Attackers threw grenades into a crowded nightclub in the port city of Sava, wounding 20."],
    "Sexual violence": ["Human rights investigators documented the rape of at least 30 women by soldiers in the district of Omo."],
    "Attack": ["Militants executed six villagers accused of collaborating with the government in the hamlet of Dabo."],
    "Abduction/forced disappearance": ["Armed men abducted the headmaster of the secondary school in Kuru on his way home."],
    "Excessive force against protesters": ["At least 12 demonstrators were shot dead by security forces during protests in the capital on Friday."],
    "Protest with intervention": ["Police used pepper spray and detained dozens of climate activists blocking a bridge in Vell."],
    "Peaceful protest": ["Several hundred residents of Marn gathered in the main square to denounce rising electricity prices."],
    "Violent demonstration": ["Protesters pelted the governor's convoy with stones and burned two police vehicles in Karsh."],
    "Mob violence": ["An angry mob set upon two men accused of cattle theft and burned them alive in the village of Obi."],
    "Agreement": ["Tribal leaders and the militia signed an accord in Lusa ending a feud that had killed dozens."],
    "Arrests": ["Authorities arrested a well-known blogger in the capital over posts critical of the army."],
    "Change to group/activity": ["The militia announced it was dissolving and that its fighters would join the national army."],
    "Disrupted weapons use": ["Customs officers seized a shipment of rifles and ammunition hidden in a truck at the Dara border crossing."],
    "Headquarters or base established": ["The insurgents have established a new headquarters in the forest near Tamu, residents said."],
    "Looting/property destruction": ["Gunmen set fire to dozens of houses in the village of Biri after its residents fled."],
    "Other": ["Thousands of residents have fled the town of Zan, fearing an imminent offensive, aid agencies said."],
}
