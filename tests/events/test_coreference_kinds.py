"""coreference (issue 11, dup31): a dateline is where the report was filed, a passing mention's place is what it
stands beside, and a mention with no date of its own tells the article's only incident of its kind
(only-of-its-kind; a poisoning is a chemical-weapon incident) -- and what keeps two incidents apart still does."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontlines.events.coreference import Draft, Incidents, filed, kind
from frontlines.events.merge import incident_event
from frontlines.records import Actor, Event, Evidence, Place

TYPES = {"Attack": "Violence against civilians", "Air/drone strike": "Explosions/Remote violence",
         "Chemical weapon": "Explosions/Remote violence", "Armed clash": "Battles",
         "Change to group/activity": "Strategic developments"}
MINAS_TIRITH = Place("MINAS TIRITH", 0, 12, "Minas Tirith", 101, 31.0, 35.0, "GO", "01", "PPLC", "point")
OSGILIATH = Place("Osgiliath", 40, 49, "Osgiliath", 103, 32.5, 36.5, "GO", "02", "PPL", "point")
PELARGIR = Place("Pelargir", 40, 48, "Pelargir", 104, 29.5, 33.5, "GO", "03", "PPL", "point")
BREE = Place("Bree", 40, 44, "Bree", 105, 45.0, 20.0, "AR", "01", "PPLC", "point")
GONDOR_COUNTRY = Place("Gondor", 40, 49, "Gondor", 100, 32.5, 36.5, "GO", None, "PCLI", "country")
MORDOR = Actor("Mordor", "mordor", 1)
GONDOR = Actor("Gondor", "gondor", 1)
WARPLANES = Actor("warplanes", None, 8)


def _draft(sub: str, n: int, *, place: Place | None = None, day: int | None = None, actor1: Actor | None = None,
           trigger: str = "attacked", target: str | None = None, **kw: object) -> Draft:
    """Sentence ``n`` (raw offsets n*100 ...), one mention of ``sub``; a place lies at its own offsets in it."""
    if place is not None:
        place = replace(place, start=n * 100 + place.start, end=n * 100 + place.end)
    event = Event(f"e{n}", "a1", TYPES[sub], sub, None, actor1, None, (), place, None,
                  dt.date(2024, 5, day) if day else None, 1 if day else None, 0, "asserted", None,
                  f"sentence {n}", n * 100, n * 100 + 90, 0.9,
                  {"place": "place:same-clause" if place else "place:none", "trigger": f"'{trigger}'"},
                  mentions=(Evidence("a1", f"sentence {n}", n * 100, n * 100 + 90, "rule"),),
                  phrases={"actor2": Actor(target, None, None, text=target)} if target else {})
    return Draft(event, n, n * 20, own_date=day is not None, **kw)  # type: ignore[arg-type]


def _book(*drafts: Draft) -> Incidents:
    book = Incidents(short=False)
    for d in drafts:
        book.add(d)
    return book


def _incidents(*drafts: Draft) -> list[list[str]]:
    return [[d.joined or "first" for d in inc.drafts] for inc in _book(*drafts).items]


# ---------------------------------------------------------------------------- a dateline

def test_a_capitalised_place_opening_the_sentence_is_its_dateline():
    assert filed(_draft("Attack", 0, place=MINAS_TIRITH).event)
    assert not filed(_draft("Attack", 0, place=replace(MINAS_TIRITH, text="Minas Tirith")).event)
    assert not filed(_draft("Attack", 0, place=OSGILIATH).event)  # not at the sentence's start


def test_a_dateline_does_not_keep_the_incident_from_a_town_of_its_country():
    lede = _draft("Attack", 0, place=MINAS_TIRITH, refers="the poisoning", trigger="poisoning")
    later = _draft("Attack", 5, place=OSGILIATH, refers="the poisoning", trigger="poisoning")
    book = _book(lede, later)
    assert [[d.joined or "first" for d in inc.drafts] for inc in book.items] == [["first", "anaphora"]]
    event = incident_event(book.items[0])
    assert event.place is not None and event.place.name == "Osgiliath"  # the dateline gives way
    assert event.evidence["place"].startswith("merge:")


def test_a_dateline_keeps_the_incident_from_a_town_abroad_and_a_town_is_no_dateline():
    lede = _draft("Attack", 0, place=MINAS_TIRITH, refers="the attack")
    assert len(_incidents(lede, _draft("Attack", 5, place=BREE, refers="the attack"))) == 2
    town = _draft("Attack", 0, place=replace(MINAS_TIRITH, text="Minas Tirith"), refers="the attack")
    assert len(_incidents(town, _draft("Attack", 5, place=OSGILIATH, refers="the attack"))) == 2


# ---------------------------------------------------------------------------- a passing mention

def test_a_passing_mentions_place_says_nothing_against_the_incident():
    lede = _draft("Attack", 0, place=OSGILIATH, actor1=MORDOR, trigger="poisoning")
    passing = _draft("Attack", 3, place=BREE, actor1=MORDOR, passing=True, trigger="poisoned")  # "in Bree, ... in the poisoned spy dispute"
    assert _incidents(lede, passing) == [["first", "only-of-its-kind"]]
    # the incident's place stays Osgiliath: a later mention at Pelargir is still another incident
    assert len(_incidents(lede, passing, _draft("Attack", 6, place=PELARGIR, actor1=MORDOR))) == 2


def test_a_mention_told_at_another_place_is_another_incident():
    lede = _draft("Attack", 0, place=OSGILIATH, actor1=MORDOR)
    assert len(_incidents(lede, _draft("Attack", 3, place=BREE, actor1=MORDOR))) == 2


# ---------------------------------------------------------------------------- only of its kind

def test_later_undated_mentions_of_the_same_target_tell_the_only_air_strike():
    lede = _draft("Air/drone strike", 0, actor1=GONDOR, trigger="destroyed", target="116 tanker trucks")
    near = _draft("Air/drone strike", 1, place=OSGILIATH, actor1=WARPLANES, trigger="targeted",
                  target="a group of about 300 trucks near Osgiliath")
    ours = _draft("Air/drone strike", 17, trigger="strike", target="tanker trucks")
    ours = replace(ours, event=replace(ours.event, modality="claimed"))
    assert _incidents(lede, near, ours) == [["first", "only-of-its-kind", "only-of-its-kind"]]
    bombs = _draft("Air/drone strike", 9, actor1=Actor("aircraft", None, 8), trigger="expended",
                   target="24 500-pound bombs")  # another target: its own incident, which cannot take the trucks
    assert _incidents(lede, near, bombs, ours) == [["first", "only-of-its-kind", "only-of-its-kind"], ["first"]]


def test_an_undated_mention_of_another_target_or_none_is_another_incident():
    lede = _draft("Air/drone strike", 0, actor1=GONDOR, trigger="destroyed", target="116 tanker trucks")
    assert len(_incidents(lede, _draft("Air/drone strike", 9, trigger="bombed", target="a group of orcs"))) == 2
    assert len(_incidents(lede, _draft("Air/drone strike", 9, trigger="bombed"))) == 2
    # "a group of" names no target
    group = _draft("Air/drone strike", 0, trigger="bombed", target="a group of farmers")
    assert len(_incidents(group, _draft("Air/drone strike", 9, trigger="bombed", target="a group of orcs"))) == 2


def test_a_mention_that_says_it_happened_again_is_not_joined_by_its_kind():
    lede = _draft("Air/drone strike", 0, trigger="shelled", target="the camp")
    assert len(_incidents(lede, _draft("Air/drone strike", 9, trigger="shelled", target="the camp", again=True))) == 2
    assert len(_incidents(lede, _draft("Air/drone strike", 9, trigger="shelled", target="the camp"))) == 1


def test_a_poisoning_and_a_nerve_agent_are_one_chemical_incident():
    poisoning = _draft("Attack", 0, place=OSGILIATH, trigger="poisoning")
    agent = _draft("Chemical weapon", 8, trigger="agent")
    assert kind(poisoning.event) == kind(agent.event) == "Chemical weapon"
    assert _incidents(poisoning, agent) == [["first", "only-of-its-kind"]]


def test_an_attack_on_a_farm_is_not_a_chemical_incident():
    gas = _draft("Chemical weapon", 0, place=OSGILIATH, actor1=MORDOR, trigger="gas")
    farm = _draft("Attack", 4, actor1=MORDOR, trigger="attacked")
    assert len(_incidents(gas, farm)) == 2


def test_two_incidents_of_its_kind_take_no_undated_mention():
    first = _draft("Air/drone strike", 0, place=OSGILIATH, trigger="struck", target="the market")
    second = _draft("Air/drone strike", 3, place=BREE, trigger="struck", target="the market")
    assert len(_incidents(first, second)) == 2
    later = _draft("Air/drone strike", 7, trigger="bombed", target="the market")
    assert len(_incidents(first, second, later)) == 3
    assert len(_incidents(first, later)) == 1


def test_what_keeps_two_incidents_apart_still_does():
    lede = _draft("Attack", 0, place=OSGILIATH, day=20, actor1=MORDOR, target="the farm")
    assert len(_incidents(lede, _draft("Attack", 3, actor1=MORDOR, target="the farm"))) == 1  # nothing keeps it apart
    # "a day after the Osgiliath attack, gunmen attacked a farm"
    assert len(_incidents(lede, _draft("Attack", 3, actor1=MORDOR, separate="after the attack", target="the farm"))) == 2
    # an attack on another town the same day
    assert len(_incidents(lede, _draft("Attack", 3, place=PELARGIR, day=20, actor1=MORDOR, target="the farm"))) == 2
    # a past incident told as background, with its own date
    assert len(_incidents(lede, _draft("Attack", 3, day=2, actor1=MORDOR, target="the farm"))) == 2
    # other sides: Gondor's attack is not Mordor's
    assert len(_incidents(lede, _draft("Attack", 3, actor1=GONDOR, target="the farm"))) == 2
    # another kind of violence, and a planned attack
    assert len(_incidents(lede, _draft("Armed clash", 3, actor1=MORDOR, trigger="clashed", target="the farm"))) == 2
    planned = _draft("Attack", 3, actor1=MORDOR, target="the farm")
    planned = replace(planned, event=replace(planned.event, modality="planned"))
    assert len(_incidents(lede, planned)) == 2


def test_a_development_is_no_incident_of_a_kind():
    lede = _draft("Change to group/activity", 0, place=OSGILIATH, trigger="deployed")
    assert kind(lede.event) is None
    assert len(_incidents(lede, _draft("Change to group/activity", 5, trigger="arrived"))) == 2


def test_an_incident_only_named_in_passing_takes_no_undated_mention():
    named = _draft("Attack", 0, place=OSGILIATH, passing=True, target="the tower")  # "45 days after the attacks"
    assert len(_incidents(named, _draft("Attack", 6, trigger="threatened", target="the tower"))) == 2


def test_the_merged_event_is_placed_by_a_firm_place_not_a_dateline_nor_a_passing_one():
    lede = _draft("Attack", 0, place=MINAS_TIRITH, refers="the poisoning", trigger="poisoning")
    passing = _draft("Attack", 2, place=BREE, passing=True, trigger="poisoned")
    told = _draft("Attack", 6, place=GONDOR_COUNTRY, refers="the poisoning", trigger="poisoning")
    town = _draft("Attack", 16, place=OSGILIATH, refers="the poisoning", trigger="poisoning")
    book = _book(lede, passing, told, town)
    assert len(book.items) == 1
    event = incident_event(book.items[0])
    assert event.place is not None and event.place.name == "Osgiliath"  # Gondor, then the town in it


def test_a_place_a_mention_of_the_incident_named_is_the_incidents():
    riot = _draft("Armed clash", 0, place=replace(MINAS_TIRITH, text="Minas Tirith"), day=20, trigger="clashed")
    square = replace(OSGILIATH, text="Citadel Square", name="Citadel Square", geonameid=106)
    march = _draft("Armed clash", 3, place=square, day=20, trigger="fought", refers="the fighting")
    unresolved = replace(square, name=None, geonameid=None, lat=None, lon=None, precision="unresolved")
    later = _draft("Armed clash", 5, place=unresolved, refers="the fighting")
    assert len(_incidents(riot, march)) == 2  # 31.0,35.0 vs 32.5,36.5: not one place
    book = _incidents(riot, later)
    assert len(book) == 2  # an unresolved name is still another place ...
    assert _incidents(march, later) == [["first", "anaphora"]]  # ... unless the incident named it


def test_the_doer_of_a_passive_verb_is_no_place_of_the_event(nlp):
    from frontlines.events.places import names_agent
    doc = nlp("The envoy was poisoned by a nerve agent developed by Gondor.")
    assert names_agent(next(t for t in doc if t.text == "Gondor"))
    doc = nlp("The envoy was poisoned by a nerve agent in Gondor.")
    assert not names_agent(next(t for t in doc if t.text == "Gondor"))


def test_one_actor_is_not_both_sides_of_the_merged_incident():
    lede = _draft("Attack", 0, place=OSGILIATH, actor1=MORDOR, trigger="poisoned")
    blamed = _draft("Attack", 5, refers="the attack")  # "Gondor blamed Mordor for the attack": Mordor read as target
    blamed = replace(blamed, event=replace(blamed.event, actor1=GONDOR, actor2=MORDOR))
    other = _draft("Attack", 7, refers="the attack")
    other = replace(other, event=replace(other.event, actor2=Actor("Gondor", "gondor", 1)))
    book = _book(lede, blamed, other)
    assert len(book.items) == 1
    event = incident_event(book.items[0])
    assert event.actor1 == MORDOR and event.actor2 is not None and event.actor2.id == "gondor"


def test_again_says_a_mention_happened_again(nlp):
    from frontlines.events.coreference import repeat_cue
    doc = nlp("Orcs shelled the camp near Osgiliath again.")
    assert repeat_cue(next(t for t in doc if t.text == "shelled"))
    doc = nlp("Orcs shelled the camp near Osgiliath.")
    assert not repeat_cue(next(t for t in doc if t.text == "shelled"))


def test_the_country_that_holds_the_dateline_town_does_not_place_the_incident():
    # "MINAS TIRITH, Gondor - orcs killed 43 farm workers near Minas Tirith": the lede read at the town and at Gondor
    lede = _draft("Attack", 0, place=MINAS_TIRITH, trigger="killed")
    later = _draft("Attack", 4, place=GONDOR_COUNTRY, refers="the attack")
    book = _book(lede, later)
    assert len(book.items) == 1
    event = incident_event(book.items[0])
    assert event.place is not None and event.place.name == "Minas Tirith"
