"""Assembly of Event records from typings, actor mentions, places and dates.

The neighbouring stages are replaced by small fakes (a word → sub-event typer, a phrase → actor
finder, places found by their text) so these tests pin the assembler's own rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import pytest

from frontlines.events.assemble import Stages, assemble, extract_events
from frontlines.events.evaluate import main_event
from frontlines.events.model import model_text
from frontlines.events.places import containers_named, geo_precision, main_place
from frontlines.pipeline import Pipeline
from frontlines.records import Actor, Article, Candidate, DateInfo, Evidence, OffsetMap, Place, RawDoc

PUBLISHED = dt.date(2017, 6, 18)

TRIGGERS = {
    "struck": ("Explosions/Remote violence", "Air/drone strike", "FIGHT"),
    "bombed": ("Explosions/Remote violence", "Air/drone strike", "FIGHT"),
    "clashed": ("Battles", "Armed clash", "FIGHT"),
    "fighting": ("Battles", "Armed clash", "FIGHT"),
    "control": ("Battles", "Government regains territory", "FIGHT"),
    "shelled": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "FIGHT"),
    "attacked": ("Violence against civilians", "Attack", "ASSAULT"),
    "killing": ("Violence against civilians", "Attack", "ASSAULT"),
    "killed": ("Violence against civilians", "Attack", "ASSAULT"),
    "targeted": ("Explosions/Remote violence", "Air/drone strike", "FIGHT"),
    "gunmen": ("Violence against civilians", "Attack", "ASSAULT"),
    "protest": ("Protests", "Peaceful protest", "PROTEST"),
    "protested": ("Protests", "Peaceful protest", "PROTEST"),
    "marched": ("Protests", "Peaceful protest", "PROTEST"),
    "clashes": ("Battles", "Armed clash", "FIGHT"),
}

ACTORS = {
    "Syrian Army": ("Military Forces of Syria", "sy-mil", 1),
    "Syrian": ("Military Forces of Syria", "sy-mil", 1),
    "Russian warplanes": ("Military Forces of Russia", "ru-mil", 1),
    "Russian jets": ("Military Forces of Russia", "ru-mil", 1, "RU"),
    "US forces": ("Military Forces of the United States", "us-mil", 1),
    "National Defense Forces": ("NDF: National Defense Forces", "ndf", 3),
    "Iraqi forces": ("Military Forces of Iraq", "iq-mil", 1),
    "rebels": ("Rebels", None, 2),
    "ISIS": ("Islamic State", "is", 2),
    "moderate rebel": ("Rebels", None, 2),
    "gunmen": ("Unidentified Armed Group", None, 3),
    "Dunland raiders": ("Dunland Militia and/or Rohan Ethnic Militia", "dun-or-rohan", 4),
    "Rohan clansmen": ("Rohan Ethnic Militia", "rohan-eth", 4),
}


@dataclass(frozen=True)
class FakeTyping:
    event_type: str
    sub_event_type: str
    plover_type: str
    trigger_start: int
    trigger_end: int
    trigger: str
    trigger_index: int
    rule: str
    confidence: float = 0.8
    agent_class: str | None = None
    target_class: str | None = None
    target_text: str | None = None


def fake_classify(sent):
    out = []
    for tok in sent:
        if tok.text in TRIGGERS:
            et, sub, plover = TRIGGERS[tok.text]
            out.append(FakeTyping(et, sub, plover, tok.idx, tok.idx + len(tok), tok.text, tok.i, f"fake#{tok.text}"))
    return out


def fake_find_actors(sent, article, *, actors, country=None):
    found = []
    for phrase, (name, aid, inter, *cc) in sorted(ACTORS.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", sent.text):
            s, e = article.span_to_raw(sent.start_char + m.start(), sent.start_char + m.end())
            if any(a.start < e and s < a.end for a in found):
                continue
            quoted = article.raw_text[s - 1:s] == "“"
            found.append(Actor(name, aid, inter, text=phrase, start=s, end=e, rule=f"fake#{phrase}",
                               scare_quotes=quoted, country=cc[0] if cc else None))
    return sorted(found, key=lambda a: a.start)


def no_date(text, *, published):
    return DateInfo(None, None, None, "none")


STAGES = Stages(classify=fake_classify, find_actors=fake_find_actors, resolve_date=no_date)


def place(text: str, name: str | None, gid: int | None, precision="point", *, fc="PPL", cc="SY", relation=None):
    return Place(text=text, start=0, end=0, name=name, geonameid=gid, lat=None, lon=None, country_code=cc,
                 admin1=None, feature_code=fc if gid else None, precision=precision, relation=relation)


def located(text: str, specs: list[Place]) -> list[Place]:
    """Put each spec place at every occurrence of its text."""
    out = []
    for p in specs:
        for m in re.finditer(rf"\b{re.escape(p.text)}\b", text):
            out.append(replace(p, start=m.start(), end=m.end()))
    return sorted(out, key=lambda p: p.start)


@pytest.fixture(scope="module")
def run(nlp):
    def go(text: str, places: list[Place] = (), stages: Stages = STAGES):
        article = Article(id="a1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                          published=PUBLISHED)
        return assemble(nlp(text), article, located(text, list(places)), actors=None, stages=stages)

    return go


#: Sentences that make a text longer than a short report (where every mention tells one incident).
QUIET = "All was quiet. " * 5


def one(events):
    assert len(events) == 1, events
    return events[0]


# ------------------------------------------------------------------ roles


def test_coordinated_demonyms_give_actor1_and_associate(run):
    e = one(run("Syrian and Russian warplanes struck a convoy of ISIS near the town."))
    assert e.actor1.id == "sy-mil"
    assert [a.id for a in e.assoc_actors] == ["ru-mil"]
    assert e.actor2.id == "is"


def test_passive_agent_is_actor1(run):
    e = one(run("The convoy of ISIS was bombed by Russian jets."))
    assert (e.actor1.id, e.actor2.id) == ("ru-mil", "is")
    assert e.evidence["actor1"].startswith("roles:passive-agent-by")


def test_pronoun_subject_takes_the_actor_named_before_it(run):
    e = one(run("The advance angered the US forces and as a result they struck Syrian Army several times."))
    assert (e.actor1.id, e.actor2.id) == ("us-mil", "sy-mil")
    assert "pronoun-antecedent" in e.evidence["actor1"]


def test_an_actor_inside_an_apposition_is_not_the_agent(run):
    e = one(run("National Defense Forces, a volunteer group supervised by the Syrian Army, took control of the hill."))
    assert e.actor1.id == "ndf"
    assert all(a.id != "sy-mil" for a in e.assoc_actors)


def test_clashed_with_gives_actor2(run):
    e = one(run("Iraqi forces clashed with ISIS in the old city."))
    assert (e.actor1.id, e.actor2.id) == ("iq-mil", "is")


def test_clashes_took_place_between(run):
    e = one(run("On Monday, clashes took place between Iraqi forces and ISIS near the town."))
    assert (e.actor1.id, e.actor2.id) == ("iq-mil", "is")


def test_under_control_of_is_the_agent(run):
    e = one(run("The hill fell under the control of the Syrian Army."))
    assert e.actor1.id == "sy-mil"


def test_backed_by_gives_an_associate(run):
    e = one(run("Syrian Army units, backed by Russian jets, shelled the positions of ISIS."))
    assert e.actor1.id == "sy-mil"
    assert [a.id for a in e.assoc_actors] == ["ru-mil"]


def test_the_operator_of_a_subject_weapon_is_actor1(run):
    e = one(run("Drones controlled by Russian jets targeted the base of ISIS."))
    assert e.actor1.id == "ru-mil"
    assert e.evidence["actor1"].startswith("roles:operator-of-subject")


def test_a_trigger_that_names_an_actor_is_actor1(run):
    e = one(run("Dozens of gunmen opened fire near the square."))
    assert e.actor1.name == "Unidentified Armed Group"


def test_a_mention_holding_the_trigger_is_never_the_target(run):
    stages = replace(STAGES, find_actors=lambda s, a, *, actors, country=None: [
        *fake_find_actors(s, a, actors=actors),
        *[Actor("Protesters", None, 6, text="a protest", start=m.start(), end=m.end(), rule="fake#protest")
          for m in re.finditer("a protest", s.text)]])
    e = one(run("Workers held a protest near the square.", stages=stages))
    assert e.actor2 is None or e.actor2.name != "Protesters"
    held = replace(stages, classify=lambda s: [FakeTyping("Protests", "Peaceful protest", "PROTEST", t.idx,
                                                          s.text.index("protest") + s.start_char + 7, "held a protest",
                                                          t.i, "fake") for t in s if t.text == "held"])
    e = one(run("Workers held a protest near the square.", stages=held))
    assert e.actor2 is None


def test_a_protest_subject_unknown_to_the_dictionary_is_coded_protesters(run):
    e = one(run("Medical interns protested in the square, demanding shorter shifts."))
    assert (e.actor1.name, e.actor1.inter, e.actor1.text) == ("Protesters", 6, "Medical interns")
    assert e.evidence["actor1"].startswith("roles:nsubj-of-protests")


def test_no_cue_leaves_roles_unknown(run):
    e = one(run("Heavy fighting was reported overnight."))
    assert (e.actor1, e.actor2, e.assoc_actors) == (None, None, ())


def test_scare_quotes_flag_is_kept(run):
    e = one(run("The Syrian Army shelled “moderate rebel” positions near the road."))
    assert e.actor2 is not None and e.actor2.scare_quotes


# ------------------------------------------------------------------ places

SUKHNA = place("Sukhna", "As Sukhnah", 1, relation="north of")
HAMA = place("Hama", "Hamah", 2)
RAQQAH = place("Raqqah", "Ar Raqqah", 3)


def test_place_in_the_same_clause_beats_places_in_relative_clauses(run):
    e = one(run("North of the town of Sukhna, Syrian and Russian warplanes struck a convoy that was traveling "
                "on the road that links Hama and Raqqah.", [SUKHNA, HAMA, RAQQAH]))
    assert e.place.text == "Sukhna"
    assert e.evidence["place"].startswith("place:same-clause")


def test_one_event_per_listed_place(run):
    villages = [place(v, None, None, "unresolved") for v in ("Jeb Saad", "Rasm Amun", "Hanitha", "Hasu Al Ablawi")]
    events = run("Apart from that, control over several villages, including Jeb Saad, Rasm Amun, Hanitha and "
                 "Hasu Al Ablawi, was established.", villages)
    assert [e.place.text for e in events] == ["Jeb Saad", "Rasm Amun", "Hanitha", "Hasu Al Ablawi"]
    assert len({e.id for e in events}) == 4
    assert all(e.geo_precision is None for e in events)  # unresolved: unknown, not guessed


TALILA = "The Syrian Army took control of Talila Natural Reserve, located in the eastern countryside of Palmyra."


def at(p: Place, lat: float, lon: float) -> Place:
    return replace(p, lat=lat, lon=lon)


def test_unresolved_place_keeps_its_name_when_a_nested_place_locates_it(run):
    talila = place("Talila Natural Reserve", None, None, "unresolved")
    palmyra = at(place("Palmyra", "Tadmur", 4, "region", relation="eastern countryside of"), 34.56, 38.28)
    e = one(run(TALILA, [talila, palmyra]))
    assert (e.place.text, e.place.name, e.place.geonameid) == ("Talila Natural Reserve", "Talila Natural Reserve", None)
    assert "located-by-nested 'Palmyra' for 'Talila Natural Reserve'" in e.evidence["place"]


def test_a_named_place_located_by_a_nested_one_takes_its_position_and_anchor(run):
    talila = replace(place("Talila Natural Reserve", None, None, "unresolved"),
                     evidence=Evidence("a", TALILA, 32, 54, "spacy:ner:ORG"))
    palmyra = at(place("Palmyra", "Tadmur", 4, "region", relation="eastern countryside of"), 34.56, 38.28)
    e = one(run(TALILA, [talila, palmyra]))
    assert (e.place.lat, e.place.lon, e.place.country_code, e.place.anchor) == (34.56, 38.28, "SY", "Tadmur")
    assert e.place.precision == "region" and e.place.relation is None
    assert e.geo_precision == 2  # the part of a town's surroundings it lies in
    assert "eastern countryside of Tadmur" in e.place.evidence.rule


def test_the_place_said_to_lie_in_another_is_the_event_place(run):
    sirwah = place("Sirwah", "Sirwah", 8, "region", fc="ADM2", cc="YE")
    marib = place("Marib", "Marib", 9, cc="YE")
    e = one(run("Coalition warplanes bombed Sirwah district (Marib) on Sunday.", [sirwah, marib]))
    assert e.place.text == "Sirwah"


def test_a_town_lies_in_a_hyphenated_province_written_after_it(lexicon_pipeline):
    e = one(analysed(lexicon_pipeline, "Drones struck a depot near al-Bukamal in Deir-ez-Zor on Monday."))
    assert e.place.text == "al-Bukamal"


def test_a_town_the_parse_puts_inside_its_province_is_still_the_event_place(lexicon_pipeline):
    e = one(analysed(lexicon_pipeline, "In Punta Arenas (Magallanes), nurses marched to demand better pay."))
    assert e.place.text == "Punta Arenas"


def test_the_state_after_a_town_is_the_state_that_holds_it(lexicon_pipeline):
    e = one(analysed(lexicon_pipeline, "In Uruara, Para, loggers blocked the highway to protest fines."))
    assert (e.place.text, e.place.admin1) == ("Uruara", "Pará")


def test_unknown_village_is_placed_near_the_town_named_after_it(run):
    village = place("Arimba", None, None, "unresolved")
    town = place("Quissanga", "Quissanga", 10, cc="MZ")
    e = one(run("Gunmen attacked Arimba village (Quissanga) at night.", [village, town]))
    assert (e.place.text, e.place.name, e.place.anchor, e.place.precision) == ("Arimba", "Arimba", "Quissanga", "near")
    assert e.geo_precision == 2
    assert "located-near-following 'Quissanga' for 'Arimba'" in e.evidence["place"]


def test_a_listed_sibling_does_not_locate_an_unknown_village(run):
    a = place("Al Jadaan", None, None, "unresolved", cc=None)
    b = place("Raghwan", "Raghwan", 11, cc="YE")
    c = place("Majzar", "Majzar", 12, cc="YE")
    events = run("Yemeni government forces took control of the villages of Al Jadaan, Raghwan and Majzar.", [a, b, c])
    assert [(e.place.text, e.place.name) for e in events] == [("Al Jadaan", None), ("Raghwan", "Raghwan"),
                                                              ("Majzar", "Majzar")]


def test_a_place_the_sentence_names_wins_over_a_country_even_when_unknown(run):
    waleed = place("Al Waleed", None, None, "unresolved", cc=None)
    syria = place("Syria", "Syria", 163843, "country", fc="PCLI")
    e = one(run("Iraqi forces took control of the Al Waleed border crossing with Syria on Sunday.", [waleed, syria]))
    assert (e.place.text, e.place.lat, e.place.precision) == ("Al Waleed", None, "unresolved")
    assert e.geo_precision is None  # unknown, not guessed: a country does not locate it


def test_a_country_naming_a_kind_of_thing_is_not_the_event_place(run):
    us = place("US", "United States", 6252001, "country", fc="PCLI", cc="US")
    e = one(run("Hundreds protested against the rising US dollar rate on Monday.", [us]))
    assert not e.evidence["place"].startswith(("place:same-clause", "place:nearest-in-sentence"))


def test_a_currency_country_is_not_the_articles_main_place_either(run):
    us = place("US", "United States", 6252001, "country", fc="PCLI", cc="US", relation="currency")
    e = one(run("Hundreds protested against the rising US dollar rate on Monday.", [us]))
    assert e.place is None  # unknown: not a protest in the United States


def test_between_two_places_is_one_event(run):
    a = place("Tanf", "At Tanf", 5, "near", relation="between")
    b = place("Abu Kamal", "Albu Kamal", 6, "near", relation="between")
    e = one(run("ISIS clashed with the Syrian Army in an area between Tanf and Abu Kamal.", [a, b]))
    assert e.place.text == "Tanf"


def test_sentence_without_place_falls_back_to_the_article_main_place_less_precisely(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    text = "Mosul is quiet. Mosul was calm yesterday. Iraqi forces shelled the positions of ISIS."
    events = run(text, [mosul])
    e = one(events)
    assert e.place.name == "Mosul"
    assert e.geo_precision == 2
    assert e.evidence["place"].startswith("place:article-main")


def test_a_territory_change_is_not_placed_on_the_article_main_place(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    e = one(run("Mosul is quiet. Mosul was calm. The army took control of 300 square kilometers.", [mosul]))
    assert e.place is None and e.geo_precision is None
    assert e.evidence["place"].startswith("place:none")


def test_main_place_is_not_given_to_a_foreign_actor(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    e = one(run("Mosul is quiet. Mosul was calm. Russian jets bombed the positions of ISIS.", [mosul]))
    assert e.place is None
    assert e.evidence["place"].startswith("place:none")


def test_demonyms_are_not_event_places(run):
    syrian = place("Syrian", "Syria", 163843, "country", fc="PCLI", relation="demonym")
    e = one(run("The Syrian Army shelled the positions of ISIS.", [syrian]))
    assert e.place is None or e.place.relation != "demonym"


@pytest.mark.parametrize(("precision", "fc", "relation", "expected"), [
    ("point", "PPL", None, 1), ("point", "ADM1", None, 3), ("near", "PPL", "north of", 2),
    ("region", "PPL", "eastern countryside of", 2), ("region", "ADM1", None, 3), ("country", "PCLI", None, 3),
    ("unresolved", None, None, None),
])
def test_geo_precision_mapping(precision, fc, relation, expected):
    p = place("X", "X", 1 if precision != "unresolved" else None, precision, fc=fc, relation=relation)
    assert geo_precision(p)[0] == expected


def test_main_place_is_the_country_when_no_town_dominates():
    syria = place("Syria", "Syria", 163843, "country", fc="PCLI")
    towns = [place("Hama", "Hamah", 2), place("Raqqah", "Ar Raqqah", 3)]
    assert main_place([syria, *towns]).name == "Syria"
    assert main_place([syria, *towns, towns[0]]).name == "Hamah"


# ------------------------------------------------------------------ fields, evidence, ids


def test_date_falls_back_to_publication_at_week_precision(run):
    e = one(run("Iraqi forces shelled the positions of ISIS."))
    assert (e.date, e.time_precision) == (PUBLISHED, 2)
    assert e.evidence["date"].startswith("date:article-published")


def test_date_from_the_sentence_is_used(run):
    def sunday(text, *, published):
        return DateInfo(dt.date(2017, 6, 18), 1, "on Sunday", "weekday") if "Sunday" in text else no_date(text, published=published)
    e = one(run("Iraqi forces shelled the positions of ISIS on Sunday.",
                stages=replace(STAGES, resolve_date=sunday)))
    assert (e.date, e.time_precision) == (dt.date(2017, 6, 18), 1)


def test_fatalities_and_quantities_are_kept(run):
    e = one(run("Syrian Army shelled the positions of ISIS, killing 5 and wounding 10, and regained 30 km of road."))
    assert e.fatalities == 5
    assert e.quantities == ("30 km of road",)


def test_death_toll_goes_to_the_nearest_trigger(run):
    events = run("Russian jets bombed the market of the town, and later ISIS attacked a village, killing 3 people.")
    assert {e.sub_event_type: e.fatalities for e in events} == {"Air/drone strike": 0, "Attack": 3}


def test_planned_attack_is_planned(run):
    e = one(run("A commander of the rebels said they are awaiting the zero hour to attack ISIS in the city.",
                stages=replace(STAGES, classify=lambda s: [t for t in fake_classify(s)] or
                               [FakeTyping("Battles", "Armed clash", "FIGHT", x.idx, x.idx + len(x), x.text, x.i, "fake")
                                for x in s if x.text == "attack"])))
    assert e.modality == "planned"
    assert e.attribution == "A commander of the rebels"


def test_every_field_has_evidence(run):
    e = one(run("Syrian and Russian warplanes struck a convoy of ISIS north of the town of Sukhna.", [SUKHNA]))
    for name in ("event_type", "sub_event_type", "plover_type", "actor1", "actor2", "assoc_actors", "place",
                 "geo_precision", "date", "time_precision", "fatalities", "modality", "attribution", "confidence"):
        assert e.evidence.get(name), name
    assert (e.mentions[0].start, e.mentions[0].end) == (e.start, e.end)


def test_sentence_offsets_index_the_raw_text(run):
    text = "Calm day.  Iraqi forces shelled the positions of ISIS."
    e = one(run(text))
    assert text[e.start:e.end] == e.sentence == "Iraqi forces shelled the positions of ISIS."


def test_ids_are_stable_across_runs(run):
    text = "Iraqi forces shelled the positions of ISIS."
    assert run(text)[0].id == run(text)[0].id


def test_confidence_grows_with_complete_roles(run):
    bare = one(run("Heavy fighting was reported overnight."))
    full = one(run("Iraqi forces clashed with ISIS in Mosul.", [place("Mosul", "Mosul", 7, cc="IQ")]))
    assert 0 <= bare.confidence < full.confidence <= 1


def test_sentences_without_events_are_not_searched_for_actors(run):
    calls = []

    def counting(sent, article, *, actors, country=None):
        calls.append(sent.text)
        return fake_find_actors(sent, article, actors=actors)

    run("The weather was fine. Nothing happened. Iraqi forces shelled ISIS.",
        stages=replace(STAGES, find_actors=counting))
    assert calls == ["Iraqi forces shelled ISIS."]


def test_a_failing_stage_is_an_error_not_an_empty_result(run):
    def stub(*args, **kwargs):
        raise NotImplementedError

    with pytest.raises(NotImplementedError):
        run("Iraqi forces shelled ISIS.", stages=replace(STAGES, classify=stub))
    with pytest.raises(NotImplementedError):
        run("Iraqi forces shelled ISIS.", stages=replace(STAGES, find_actors=stub))


# ------------------------------------------------------------------ merging


def test_mentions_of_one_event_merge_with_all_evidence(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    events = run("Iraqi forces clashed with ISIS in Mosul. Iraqi forces clashed with ISIS again, killing 4.", [mosul])
    e = one(events)
    assert len(e.mentions) == 2
    assert e.fatalities == 4
    assert e.evidence["fatalities"].startswith("numbers.yaml#fatalities:")


def test_different_places_do_not_merge(run):
    a, b = place("Mosul", "Mosul", 7, cc="IQ"), place("Tikrit", "Tikrit", 8, cc="IQ")
    assert len(run("Iraqi forces clashed with ISIS in Mosul. Iraqi forces clashed with ISIS in Tikrit.", [a, b])) == 2


def test_a_planned_event_does_not_merge_with_a_real_one(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    events = run("Iraqi forces clashed with ISIS in Mosul. Iraqi forces will clash with ISIS in Mosul.",
                 [mosul], stages=replace(STAGES, classify=lambda s: fake_classify(s) or [
                     FakeTyping("Battles", "Armed clash", "FIGHT", x.idx, x.idx + 5, x.text, x.i, "fake")
                     for x in s if x.text == "clash"]))
    assert sorted(e.modality for e in events) == ["asserted", "planned"]


def test_placeless_mentions_sharing_only_a_generic_actor_stay_apart(run):
    generic = replace(STAGES, find_actors=lambda s, a, *, actors, country=None: [
        replace(x, id=None, name="rebels") for x in fake_find_actors(s, a, actors=actors)])
    text = QUIET + "Iraqi forces shelled the camp. The weather was fine. Iraqi forces shelled the camp again."
    assert len(run(text, stages=generic)) == 2


def test_placeless_mention_sharing_a_dictionary_actor_merges(run):
    text = QUIET + "Iraqi forces shelled the camp. The weather was fine. Iraqi forces shelled the camp again."
    e = one(run(text))
    assert e.mentions[1].rule.endswith("incident:same-event")


def test_placeless_mentions_without_a_shared_actor_stay_apart(run):
    text = QUIET + "Heavy fighting was reported overnight. All was calm. Heavy fighting was reported again."
    assert len(run(text)) == 2


def test_a_killing_participle_is_the_outcome_of_the_event_it_hangs_on(run):
    events = run("Iraqi forces shelled the town, killing dozens of rebels.")
    e = one([x for x in events])
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.fatalities == 12
    assert e.actor2 is not None and e.actor2.name == "Rebels"
    assert "outcome" in e.evidence["actor2"]


def test_a_bare_death_word_beside_a_specific_event_is_its_outcome(run):
    e = one(run("Ten rebels were killed by Russian jets that bombed the camp."))
    assert (e.sub_event_type, e.fatalities) == ("Air/drone strike", 10)


def test_a_toll_alone_in_the_next_sentence_belongs_to_the_event(run):
    e = one(run("Iraqi forces shelled the positions of ISIS. Eight people died. The weather was fine."))
    assert e.fatalities == 8
    assert len(e.mentions) == 2
    assert e.evidence["fatalities"].startswith("numbers.yaml#fatalities:")
    assert e.mentions[1].rule.endswith("incident:toll-sentence")


def test_a_death_report_after_an_event_is_folded_into_it(run):
    e = one(run("Iraqi forces shelled the positions of ISIS. Two civilians were killed in the attack."))
    assert e.fatalities == 2


def test_a_toll_after_a_non_violent_sentence_is_not_borrowed(run):
    assert run("The weather was fine. Eight people died.") == []


def test_the_next_sentence_without_a_place_continues_the_event(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    e = one(run("Iraqi forces clashed with ISIS in Mosul. Heavy fighting left 3 dead.", [mosul]))
    assert (e.fatalities, len(e.mentions)) == (3, 2)


def test_a_later_sentence_after_another_does_not_continue_the_event(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    assert len(run(QUIET + "Iraqi forces clashed with ISIS in Mosul. The weather was fine. Heavy fighting left 3 dead.",
                   [mosul])) == 2


def test_an_actor_is_not_associated_with_itself_after_merging(run):
    e = one(run("Syrian Army and Iraqi forces clashed near the town. Syrian Army clashed with Iraqi forces again."))
    assert e.actor2 is not None and e.actor2.id == "iq-mil"
    assert all(a.id not in ("iq-mil", "sy-mil") for a in e.assoc_actors)


def test_an_actor_one_of_an_either_or_actor_is_not_associated_beside_it(run):
    e = one(run("Dunland raiders and Rohan clansmen attacked the farm."))
    assert e.actor1 is not None and e.actor1.id == "dun-or-rohan"
    assert e.assoc_actors == ()


def test_an_either_or_actor_does_not_drop_another_associate(run):
    e = one(run("Dunland raiders and Iraqi forces attacked the farm."))
    assert [a.id for a in e.assoc_actors] == ["iq-mil"]


def test_an_asserted_event_is_not_attributed_by_a_later_mention(run):
    e = one(run("Iraqi forces shelled the camp. According to field reports, Iraqi forces shelled the camp."))
    assert (e.modality, e.attribution) == ("asserted", None)


def test_no_publication_date_and_no_date_in_the_sentence_is_unknown(nlp):
    text = "Iraqi forces shelled the positions of ISIS."
    article = Article(id="a2", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)))
    e = one(assemble(nlp(text), article, [], actors=None, stages=STAGES))
    assert (e.date, e.time_precision) == (None, None)


@pytest.mark.property
def test_any_sentence_assembles_with_evidence_and_offsets_in_range(nlp):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["Syrian", "Army", "Russian", "jets", "struck", "shelled", "ISIS", "in", "Mosul", "and",
                             "killing", "5", "said", "will", "not", "the", "by", "with", "they", ",", ".", "“",
                             "rebels", "clashed", "control", "of", "north"])
    mosul = place("Mosul", "Mosul", 7, cc="IQ")

    @settings(max_examples=40, deadline=None)
    @given(st.lists(words, min_size=1, max_size=25).map(" ".join))
    def check(text):
        article = Article(id="p", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                          published=PUBLISHED)
        for e in assemble(nlp(text), article, located(text, [mosul]), actors=None, stages=STAGES):
            assert 0 <= e.start < e.end <= len(text)
            assert 0.0 <= e.confidence <= 1.0
            assert e.modality in ("asserted", "claimed", "planned", "denied", "speculative")
            assert e.fatalities is not None and e.fatalities >= 0
            assert all(e.evidence.get(k) for k in ("sub_event_type", "place", "date", "modality", "fatalities"))

    check()


def test_offsets_are_raw_when_the_clean_text_is_shifted(nlp):
    clean = "Iraqi forces clashed with ISIS in Mosul."
    raw = "<p>junk</p>" + clean
    article = Article(id="h", raw_text=raw, clean_text=clean, offsets=OffsetMap(((0, 11, len(clean)),)),
                      published=PUBLISHED)
    mosul = replace(place("Mosul", "Mosul", 7, cc="IQ"), start=raw.index("Mosul"), end=raw.index("Mosul") + 5)
    e = one(assemble(nlp(clean), article, [mosul], actors=None, stages=STAGES))
    assert raw[e.start:e.end] == clean
    assert (e.actor1.id, e.actor2.id, e.place.name) == ("iq-mil", "is", "Mosul")


def analysis(pipeline, text: str):
    """``text`` through the whole pipeline (real places and actors): its places and events."""
    article = Article(id="a1", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      published=PUBLISHED)
    return pipeline.analyse(article, pipeline.nlp(text))


def analysed(pipeline, text: str):
    """Events of ``text`` through the whole pipeline (real places and actors)."""
    return analysis(pipeline, text).events


def test_a_country_is_the_place_only_when_the_sentence_names_no_other(pipeline):
    text = ("On 4 June 2031, gunmen shot an elder who once helped to set up the "
            "Govt of Somalia near Baidoa town (Baidoa, Bay).")
    events = analysed(pipeline, text)
    assert events and all(e.place is not None and e.place.precision != "country" for e in events)


@pytest.fixture(scope="module")
def lexicon_pipeline(settings, nlp):
    """The whole pipeline with the trigger lexicon alone deciding (no event gate)."""
    return Pipeline(settings, nlp=nlp, event_gate=None, event_model=None)


def test_a_country_naming_a_currency_is_not_the_event_place(lexicon_pipeline):
    # The place is tested here, not the event gate (which judges this sentence out of scope).
    text = ("On 2 June 2031, drivers upset by the rising US dollar price blocked the main Sidon "
            "road in Lebanon.")
    events = analysed(lexicon_pipeline, text)
    assert events and all(e.place is not None and e.place.country_code == "LB" for e in events)


def test_a_town_naming_a_time_zone_is_not_the_event_place(lexicon_pipeline):
    text = "At 4 a.m. Moscow time on 2 June 2031, gunmen attacked a checkpoint near Sidon in Lebanon."
    result = analysis(lexicon_pipeline, text)
    assert [p.relation for p in result.places if p.text == "Moscow"] == ["time zone"]
    assert result.events and all(e.place is not None and e.place.country_code == "LB" for e in result.events)


def test_a_town_before_time_without_a_clock_is_still_a_place(lexicon_pipeline):
    text = "On 2 June 2031, gunmen attacked Sidon time and again, residents in Lebanon said."
    result = analysis(lexicon_pipeline, text)
    assert all(p.relation != "time zone" for p in result.places)


def test_a_namesake_far_from_the_place_the_text_puts_it_in_gives_way_to_that_place(pipeline):
    text = ("On 9 June 2031, Indian and Pakistani troops traded fire at a LoC post in Degwar sector "
            "area (Poonch district) at night.")
    [event] = analysed(pipeline, text)
    assert (event.place.text, event.place.name, event.place.precision, event.place.anchor) == \
        ("Degwar", "Degwar", "near", "Pūnch")
    # the gazetteer's Degwar is a look-alike far from the town of Poonch: left unresolved (geo), the event lies
    # near Poonch (a namesake of the very name would give way to it here, `namesake-far-from`)
    assert "located-near-following 'Poonch'" in event.evidence["place"]


def test_a_namesake_in_another_province_than_the_one_the_text_gives_gives_way_to_that_province(pipeline):
    # the gazetteer's only Heliwa lies in another Somali province than Banadir
    text = "On 3 March 2031, a policeman shot a driver at a market in Heliwa (Heliwa, Banadir)."
    [event] = analysed(pipeline, text)
    assert event.place.text == "Heliwa" and event.place.precision == "region"
    assert event.place.admin1 == "Banaadir"
    assert "namesake-in-another-province-than 'Banadir'" in event.evidence["place"]


def town(text: str, lat: float, lon: float, admin1: str, *, fc="PPL", population=1000) -> Place:
    """A resolved place at a point, with the candidate that gives its population."""
    gid = abs(hash(text)) % 10_000_000 + 1
    cand = Candidate(gid, text, lat, lon, "GD", fc, population, 5.0)
    return Place(text=text, start=0, end=0, name=text, geonameid=gid, lat=lat, lon=lon, country_code="GD",
                 admin1=admin1, feature_code=fc, precision="region" if fc == "ADM1" else "point",
                 evidence=Evidence("a1", "", 0, 0, "test"), candidates=(cand,))


ADMIN_LIST = "On 2 June 2031, gunmen killed two guards in the vicinity of Ethring village (Lossarnach, Anorien)."


def test_a_village_the_text_puts_in_a_town_is_the_place_not_the_town(run):
    places = [town("Ethring", 10.0, 10.0, "A"), town("Lossarnach", 10.2, 10.1, "A"),
              town("Anorien", 10.5, 10.5, "A", fc="ADM1")]
    assert one(run(ADMIN_LIST, places)).place.text == "Ethring"


def test_a_village_far_from_the_town_the_text_puts_it_in_gives_way_to_the_town(run):
    places = [town("Ethring", 14.0, 14.0, "A"), town("Lossarnach", 10.2, 10.1, "A"),
              town("Anorien", 10.5, 10.5, "A", fc="ADM1")]
    event = one(run(ADMIN_LIST, places))
    assert (event.place.lat, event.place.lon) == (10.2, 10.1)


def test_a_village_in_another_province_than_an_outer_container_is_a_namesake(run):
    # "Ethring village, Lossarnach Township, Pelargir District, Anorien State": the gazetteer's Ethring
    # lies in province B, Lossarnach (100 km away) in Anorien; the unknown district passes the chain on
    text = ("On 2 June 2031, gunmen killed two guards in Ethring village, Lossarnach Township, "
            "Pelargir District, Anorien State.")
    unknown = Place(text="Pelargir District", start=0, end=0, name=None, geonameid=None, lat=None, lon=None,
                    country_code=None, admin1=None, feature_code=None, precision="unresolved")
    places = [town("Ethring", 11.0, 10.1, "B"), town("Lossarnach", 10.2, 10.1, "C"), unknown,
              town("Anorien State", 10.5, 10.5, "C", fc="ADM1")]
    event = one(run(text, places))
    assert (event.place.text, event.place.lat, event.place.lon) == ("Ethring", 10.2, 10.1)
    assert "namesake-in-another-province-than 'Anorien State'" in event.evidence["place"]


def test_a_village_of_a_district_is_the_place_when_the_gazetteer_agrees(run):
    # "the Ethring village of Lossarnach district, Anorien": a place noun and "of" say the village lies there
    text = "On 2 June 2031, gunmen killed two guards in the Ethring village of Lossarnach district, Anorien."
    district = town("Lossarnach", 10.2, 10.1, "A", fc="ADM2")
    places = [town("Ethring", 10.0, 10.0, "A"), district, town("Anorien", 10.5, 10.5, "A", fc="ADM1")]
    assert one(run(text, places)).place.text == "Ethring"
    # the gazetteer's Ethring lies in another province: the words alone do not make it the finer place
    places = [town("Ethring", 14.0, 14.0, "B"), district, town("Anorien", 10.5, 10.5, "A", fc="ADM1")]
    assert one(run(text, places)).place.text != "Ethring"


def test_a_village_in_a_subdivision_lies_in_the_district_after_it(run):
    # "subdivision" between a village and its district is a container word like "district"
    text = "On 2 June 2031, gunmen raided houses in Ethring village, Pelargir subdivision (Lossarnach, Anorien)."
    places = [town("Ethring", 10.0, 10.0, "A"), town("Lossarnach", 10.2, 10.1, "A", fc="ADM2"),
              town("Anorien", 10.5, 10.5, "A", fc="ADM1")]
    assert one(run(text, places)).place.text == "Ethring"


def test_a_city_does_not_lie_in_a_smaller_town_named_after_it(nlp):
    doc = nlp("On 2 June 2031, gunmen cut the road to Osgiliath in Ethring area (Lossarnach, Anorien).")
    heads = {t.text: t for t in doc}
    places = [town("Osgiliath", 10.0, 10.0, "A", population=500_000), town("Ethring", 10.1, 10.0, "A"),
              town("Lossarnach", 10.2, 10.1, "A"), town("Anorien", 10.5, 10.5, "A", fc="ADM1")]
    holders = containers_named([(p, heads[p.text]) for p in places])
    assert heads["Lossarnach"].i in holders and heads["Ethring"].i not in holders


def test_in_a_short_report_the_first_town_named_is_the_main_place():
    syria = place("Syria", "Syria", 163843, "country", fc="PCLI")
    towns = [place("Hama", "Hamah", 2), place("Raqqah", "Ar Raqqah", 3)]
    assert main_place([syria, *towns], short=True).name == "Hamah"


# ------------------------------------------------------------------ one incident, one event

INCIDENT_TRIGGERS = {
    "attacked": ("Violence against civilians", "Attack"), "attack": ("Violence against civilians", "Attack"),
    "blast": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "exploded": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "bomb": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "shelled": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "killed": ("Violence against civilians", "Attack"), "died": ("Violence against civilians", "Attack"),
    "looted": ("Strategic developments", "Looting/property destruction"),
    "marched": ("Protests", "Peaceful protest"), "arrested": ("Strategic developments", "Arrests"),
    "clashes": ("Battles", "Armed clash"), "dispersed": ("Protests", "Protest with intervention"),
}


def incident_classify(sent):
    return [FakeTyping(et, sub, "X", t.idx, t.idx + len(t), t.text, t.i, f"fake#{t.text}")
            for t in sent if (et_sub := INCIDENT_TRIGGERS.get(t.text)) for et, sub in [et_sub]]


def dated(text, *, published):
    """Fake dates: "on Sunday" is a day, "last month" a month, "on Monday" the day after Sunday."""
    low = text.lower()
    if "last month" in low:
        return DateInfo(dt.date(2017, 5, 31), 3, "last month", "date:relative:last-month")
    for word, day in (("on sunday", 18), ("on saturday", 17), ("on monday", 19)):
        if word in low:
            return DateInfo(dt.date(2017, 6, day), 1, word, "date:weekday")
    return DateInfo(published, 2, None, "date:fallback:published")


INCIDENTS = Stages(classify=incident_classify, find_actors=fake_find_actors, resolve_date=dated)


def test_a_later_definite_mention_of_the_incident_joins_it(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. The blast looted nothing. " \
                   "Witnesses saw the attack from a roof."
    e = one([x for x in run(text, stages=INCIDENTS) if x.sub_event_type != "Looting/property destruction"])
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert [m.rule.rsplit("; ", 1)[-1] for m in e.mentions][1:] == ["incident:anaphora", "incident:anaphora"]
    assert "anaphora" in e.evidence["mentions"]


def test_the_incident_toll_is_the_latest_specific_figure_with_its_sentence(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing at least 9 people. Dozens of people were " \
                   "killed in the blast, witnesses said. The death toll rose to 13 on Monday."
    e = one(run(text, stages=INCIDENTS))
    assert e.fatalities == 13
    rule = e.evidence["fatalities"]
    assert rule.startswith("incident:latest-specific-toll") and "death-toll" in rule
    start = text.index("The death toll")
    assert f"[{start}:{start + len('The death toll rose to 13 on Monday.')}]" in rule


def _rejecting(word: str) -> Stages:
    """The incident stages, with a typer that rejects every sentence containing ``word`` (as the gate may)."""
    return replace(INCIDENTS, classify=lambda sent: [] if word in sent.text else incident_classify(sent))


def test_a_later_toll_the_typer_rejects_still_updates_the_incident(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Witnesses spoke of chaos. " \
                   "In a later update, officials said the blast had killed 14 people."
    e = one(run(text, stages=_rejecting("update")))
    assert e.fatalities == 14
    start = text.index("In a later update")
    assert e.evidence["fatalities"].startswith("incident:latest-specific-toll")
    assert any(m.start == start and m.rule.endswith("incident:toll-sentence") for m in e.mentions)


def test_a_toll_dated_before_the_incident_is_not_its_toll(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Last month, an attack on the " \
                   "road killed more than 200 people."
    e = one(run(text, stages=_rejecting("Last month")))
    assert (e.fatalities, len(e.mentions)) == (9, 1)


def test_a_vague_later_count_does_not_replace_a_specific_toll(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Dozens were killed in the blast."
    assert one(run(text, stages=INCIDENTS)).fatalities == 9


def test_part_of_a_toll_is_no_toll(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Five members of one family " \
                   "were among the dead."
    assert one(run(text, stages=INCIDENTS)).fatalities == 9


def test_an_undated_total_is_no_event_and_no_toll(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. The war has killed more than " \
                   "400,000 people since 2011."
    e = one(run(text, stages=INCIDENTS))
    assert e.fatalities == 9 and len(e.mentions) == 1


def test_background_since_a_year_is_no_event(run):
    assert run("Gunmen attacked villages repeatedly since 2019.", stages=INCIDENTS) == []


def test_an_earlier_incident_keeps_its_own_date(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Last month, gunmen attacked the " \
                   "same market, killing 4 people."
    first, earlier = run(text, stages=INCIDENTS)
    assert (first.date, first.fatalities) == (dt.date(2017, 6, 18), 9)
    assert (earlier.date, earlier.time_precision, earlier.fatalities) == (dt.date(2017, 5, 31), 3, 4)


def test_a_separate_incident_is_not_merged(run):
    text = QUIET + "Gunmen attacked the market on Sunday. In a separate attack, gunmen killed two farmers."
    assert len(run(text, stages=INCIDENTS)) == 2


def test_after_the_attack_dates_another_incident(run):
    text = QUIET + "Gunmen attacked the market on Sunday. After the attack, gunmen killed two farmers."
    assert len(run(text, stages=INCIDENTS)) == 2


def test_another_day_is_another_incident(run):
    text = QUIET + "Gunmen attacked the market on Saturday. Gunmen attacked the market on Monday."
    assert len(run(text, stages=INCIDENTS)) == 2


def test_another_place_is_another_incident(run):
    mosul, tikrit = place("Mosul", "Mosul", 7, cc="IQ"), place("Tikrit", "Tikrit", 8, cc="IQ")
    text = QUIET + "Gunmen attacked a market in Mosul. The attack in Tikrit was worse."
    assert len(run(text, [mosul, tikrit], stages=INCIDENTS)) == 2


def test_a_place_and_the_country_that_holds_it_are_one_place(run):
    mosul = place("Mosul", "Mosul", 7, cc="IQ")
    iraq = place("Iraq", "Iraq", 99237, "country", fc="PCLI", cc="IQ")
    text = QUIET + "Gunmen attacked a market in Mosul. The attack shocked Iraq."
    e = one(run(text, [mosul, iraq], stages=INCIDENTS))
    assert e.place.name == "Mosul"


def test_two_sides_in_one_sentence_are_two_incidents(run):
    events = run("Russian jets bombed the market of the town, and later ISIS attacked a village, killing 3 people.")
    assert len(events) == 2


def test_secondary_typings_of_one_happening_fold_into_its_event(run):
    text = QUIET + "Gunmen attacked the market and looted the shops."
    e = one(run(text, stages=INCIDENTS))
    assert e.sub_event_type == "Attack"
    assert "same-sentence" in e.evidence["mentions"]
    # the sentence reports both kinds: the one event keeps the other type, with its rule
    assert e.other_sub_event_types == ("Looting/property destruction",)
    assert e.evidence["other_sub_event_types"].startswith("Looting/property destruction: fake#looted")


def test_one_event_of_one_kind_keeps_no_other_type(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Witnesses saw the attack."
    assert one(run(text, stages=INCIDENTS)).other_sub_event_types == ()


def test_what_came_before_is_no_other_type(run):
    e = one(run(QUIET + "Gunmen attacked the market after clashes.", stages=INCIDENTS))
    assert e.sub_event_type == "Attack" and e.other_sub_event_types == ()


def test_a_riots_own_violence_is_no_other_type(run):
    def mob_classify(sent):
        mob = [FakeTyping("Riots", "Mob violence", "X", t.idx, t.idx + len(t), t.text, t.i, "fake#mob", 0.9)
               for t in sent if t.text == "mob"]
        return mob + incident_classify(sent)

    e = one(run(QUIET + "A mob attacked the market and looted the shops.", stages=replace(INCIDENTS,
                                                                                          classify=mob_classify)))
    assert e.sub_event_type == "Mob violence" and e.other_sub_event_types == ()


def test_the_stages_of_one_demonstration_are_no_other_type(run):
    e = one(run(QUIET + "Protesters marched to the square and police dispersed them.", stages=INCIDENTS))
    assert e.sub_event_type in ("Peaceful protest", "Protest with intervention")
    assert e.other_sub_event_types == ()


def test_in_a_short_report_later_sentences_tell_its_incident(run):
    e = one(run("Protesters marched to the square on Sunday. It rained. Police dispersed them.", stages=INCIDENTS))
    assert e.sub_event_type == "Protest with intervention"  # the intervention sharpens the protest
    assert e.mentions[1].rule.endswith("incident:short-report")


def test_a_long_report_keeps_other_happenings_apart(run):
    assert len(run(QUIET + "Protesters marched to the square. Police arrested 7 men.", stages=INCIDENTS)) == 2


def test_a_denied_role_in_the_attack_still_names_the_attack(run):
    denied = replace(INCIDENTS, classify=lambda s: incident_classify(s) or [
        FakeTyping("Violence against civilians", "Attack", "X", t.idx, t.idx + len(t), t.text, t.i, "fake")
        for t in s if t.text == "role"])
    text = QUIET + "Gunmen attacked the market on Sunday. The rebels did not play a role in the attack."
    assert len(run(text, stages=denied)) == 1


@dataclass
class FakeModel:
    label: str
    margin: float
    threshold: float = 0.0
    threshold_alone: float = float("inf")
    name: str = "fake.joblib"

    def predict_one(self, text, *, rule_labels=None):
        return self.label, self.margin


def test_the_trained_model_retypes_a_whole_incident_above_its_validated_margin(run):
    text = "Gunmen attacked the market on Sunday. The attack killed 3 people."
    e = one(run(text, stages=replace(INCIDENTS, model=FakeModel("Armed clash", 0.4, threshold=0.1))))
    assert e.sub_event_type == "Armed clash" and e.event_type == "Battles"
    assert e.evidence["sub_event_type"] == "model:fake.joblib margin 0.40 > validated 0.10"
    kept = one(run(text, stages=replace(INCIDENTS, model=FakeModel("Armed clash", 0.05, threshold=0.1))))
    assert kept.sub_event_type == "Attack"


def test_the_trained_model_never_reports_an_event_the_lexicon_did_not_see(run):
    assert run("The weather was fine on Sunday.", stages=replace(INCIDENTS, model=FakeModel("Attack", 9.0))) == []


def test_a_later_count_on_top_of_the_toll_adds_to_it(run):
    text = QUIET + "A bomb exploded at the market on Sunday, killing 9 people. Two more people had also died " \
                   "in the blast by Monday."
    e = one(run(text, stages=INCIDENTS))
    assert e.fatalities == 11
    assert " + [" in e.evidence["fatalities"]


@dataclass
class AskedModel(FakeModel):
    """A fake model that remembers the texts it was asked about and the rule cues it was given."""

    asked: list[str] = field(default_factory=list)
    cues: list = field(default_factory=list)

    def predict_one(self, text, *, rule_labels=None):
        self.asked.append(text)
        self.cues.append(rule_labels)
        return self.label, self.margin


MARKET = "Gunmen attacked the market in Minas Tirith on Sunday. The attack killed 3 people."


def _market_events(pipeline, model=None):
    """The parsed MARKET text and its events, typed by the pipeline's lexicon and, when given, ``model``."""
    article = Article(id="a1", raw_text=MARKET, clean_text=MARKET, offsets=OffsetMap.identity(len(MARKET)),
                      published=PUBLISHED)
    doc = pipeline.nlp(MARKET)
    typer = pipeline.typer if model is None else replace(pipeline.typer, model=model)
    events, _ = extract_events(doc, article, [], actors=pipeline.actors, typer=typer)
    return doc, events


def test_the_pipeline_types_sentences_without_its_model_and_asks_it_about_the_whole_incident(lexicon_pipeline):
    model = AskedModel("Armed clash", 0.4, threshold=0.1)
    doc, events = _market_events(lexicon_pipeline, model)
    whole = model_text(list(doc.sents))  # both sentences, as the model reads them (names masked)
    assert whole.startswith("Gunmen attacked the market in xx") and "The attack killed" in whole
    assert model.asked and all(asked == whole for asked in model.asked)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_the_model_is_given_the_type_and_entry_the_pipeline_gave_the_incident(lexicon_pipeline):
    model = AskedModel("Armed clash", 0.4, threshold=0.1)
    _, lexicon_only = _market_events(lexicon_pipeline)
    _market_events(lexicon_pipeline, model)
    (event,) = lexicon_only
    _, every = model.cues[0]
    assert f"incident {event.sub_event_type}" in every
    assert [c for c in every if c.startswith("incident rule ")] not in ([], ["incident rule none"])


def headlined(pipeline, title: str, body: str) -> list:
    raw = RawDoc("test", text=f"{title}\n\n{body}", hints={"published": "2031-06-03"})
    [result] = list(pipeline.run([pipeline.build_article(raw)]))
    return list(result.events)


LEDE = ("MINAS TIRITH (Wire) - Rockets slammed into a residential neighbourhood of Osgiliath on Monday, "
        "killing seven members of two families, the civil defence said.")


def test_the_headline_names_the_means_of_a_lede_that_tells_only_the_killing(lexicon_pipeline):
    events = headlined(lexicon_pipeline, "Rocket fire on Gondor town of Osgiliath kills 7", LEDE)
    main = main_event(events)
    assert main is not None and main.sub_event_type == "Shelling/artillery/missile attack"
    assert main.evidence["sub_event_type"].startswith("headline:")


def test_a_headline_that_names_no_remote_means_keeps_the_ledes_type(lexicon_pipeline):
    events = headlined(lexicon_pipeline, "Gunmen kill seven in Gondor town of Osgiliath", LEDE)
    main = main_event(events)
    assert main is not None and main.sub_event_type == "Attack"


def test_a_dateline_gives_way_to_a_town_the_sentence_names(run):
    text = ("PELARGIR (Wire) - A car packed with explosives blew up at a checkpoint run by fighters near the "
            "northern town of Osgiliath on Monday, killing six people, including three civilians.")
    filed = replace(place("PELARGIR", "Pelargir", 1), evidence=Evidence("a1", "", 0, 8, "dateline"))
    e = one(run(text, [filed, place("Osgiliath", "Osgiliath", 2)]))
    assert e.place.text == "Osgiliath"


def test_a_dateline_alone_is_the_place(run):
    text = "PELARGIR (Wire) - A car bomb blew up at a checkpoint on Monday, killing six people."
    filed = replace(place("PELARGIR", "Pelargir", 1), evidence=Evidence("a1", "", 0, 8, "dateline"))
    assert one(run(text, [filed])).place.text == "PELARGIR"


def test_a_place_naming_its_government_is_not_the_event_place(run):
    text = "Fighting between forces loyal to the Osgiliath government and rebels near the town of Ethring killed 21."
    e = one(run(text, [place("Osgiliath", "Osgiliath", 2), place("Ethring", "Ethring", 3)]))
    assert e.place.text == "Ethring"


def test_the_clashes_go_back_to_the_clash_not_to_a_strike_told_in_between(run):
    text = (QUIET + "Iraqi forces clashed with ISIS near Ethring on Monday. Russian jets also struck the airport "
            "of Osgiliath on Monday. Later 25 fighters had been killed in the clashes.")
    events = run(text, [place("Ethring", "Ethring", 3), place("Osgiliath", "Osgiliath", 2)])
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert any("in the clashes" in m.sentence for m in clash.mentions)


def test_a_speaker_saying_its_own_force_struck_owns_the_unclaimed_strike(run):
    text = (QUIET + "A drone struck a factory in Osgiliath on Monday. "
            "A spokesman for ISIS said its aircraft had hit an arms depot, not a factory.")
    e = one(run(text, [place("Osgiliath", "Osgiliath", 2)]))
    assert e.actor1 is not None and e.actor1.id == "is" and "carry:claim" in e.evidence["actor1"]


def test_a_speaker_denying_its_force_struck_owns_nothing(run):
    text = (QUIET + "A drone struck a factory in Osgiliath on Monday. "
            "A spokesman for ISIS said its aircraft had not hit the factory.")
    e = one(run(text, [place("Osgiliath", "Osgiliath", 2)]))
    assert e.actor1 is None


def test_the_strike_carried_out_by_a_named_force_names_its_perpetrator(run):
    text = (QUIET + "A drone struck a car near Osgiliath on Sunday. "
            "The strike, believed to have been carried out by ISIS, destroyed the vehicle.")
    e = one(run(text, [place("Osgiliath", "Osgiliath", 2)]))
    assert e.actor1 is not None and e.actor1.id == "is" and "carry:claim" in e.evidence["actor1"]


def test_a_strike_not_carried_out_by_a_named_force_names_nobody(run):
    text = (QUIET + "A drone struck a car near Osgiliath on Sunday. "
            "ISIS said the strike was not carried out by its fighters.")
    e = one(run(text, [place("Osgiliath", "Osgiliath", 2)]))
    assert e.actor1 is None


def test_a_place_someone_was_headed_to_is_not_the_event_place(run):
    text = "Gunmen attacked minibuses waiting for passengers heading to Ethring at the bus station of Osgiliath."
    e = one(run(text, [place("Ethring", "Ethring", 3), place("Osgiliath", "Osgiliath", 2)]))
    assert e.place.text == "Osgiliath"


@pytest.mark.parametrize("text", ["Farmers marched from Bree to Archet to protest against the tax on Monday.",
                                  "Farmers protested on Monday, marching from Bree to Archet."])
def test_a_march_from_one_place_to_another_is_one_protest_where_it_started(run, text):
    e = one(run(text, [place("Bree", "Bree", 3), place("Archet", "Archet", 4)]))
    assert e.place.text == "Bree"


def test_a_march_to_a_place_with_no_start_named_is_there(run):
    e = one(run("Farmers marched to Archet to protest against the tax on Monday.", [place("Archet", "Archet", 4)]))
    assert e.place.text == "Archet"


@pytest.mark.parametrize("text", ["Two gunmen from Bree attacked a farm near Archet on Monday.",
                                  "On Monday, in Archet, two gunmen from Bree attacked a farm."])
def test_where_the_attackers_came_from_is_not_the_event_place(run, text):
    events = run(text, [place("Bree", "Bree", 3), place("Archet", "Archet", 4)])
    assert {e.place.text for e in events} == {"Archet"}
    assert all("over origin/road 'Bree'" in e.evidence["place"] for e in events)


def test_a_place_naming_a_road_gives_way_to_another_place_of_the_clause(run):
    text = "Rebels shelled a bus on the Bree-Archet highway near Osgiliath on Monday."
    e = one(run(text, [place("Bree", "Bree", 3), place("Archet", "Archet", 4), place("Osgiliath", "Osgiliath", 2)]))
    assert e.place.text == "Osgiliath"


def test_a_road_named_for_a_town_still_places_the_event_when_no_other_place_is_named(run):
    e = one(run("Rebels shelled a bus on the Archet road on Monday.", [place("Archet", "Archet", 4)]))
    assert e.place.text == "Archet"


def test_a_road_named_for_a_town_is_finer_than_the_province_it_runs_through(run):
    eriador = place("Eriador", "Eriador", 9, "region", fc="ADM1")
    e = one(run("Rebels shelled a bus on the Bree - Archet road in Eriador on Monday.",
                [place("Bree", "Bree", 3), place("Archet", "Archet", 4), eriador]))
    assert e.place.text in ("Bree", "Archet")


def test_a_city_that_shares_its_province_name_does_not_beat_the_towns_of_a_road_it_holds(run):
    """ "the Bree - Archet road in Eriador": a road between two other towns lies in the province Eriador, not in
    its city, so the event lies on the road, at one of its towns."""
    province = Candidate(9, "Eriador", 0.0, 0.0, "SY", "ADM1", 0, 4.0)
    city = replace(place("Eriador", "Eriador", 8), candidates=(province,))
    e = one(run("Gunmen attacked a patrol on the Bree - Archet road in Eriador on Monday.",
                [place("Bree", "Bree", 3), place("Archet", "Archet", 4), city]))
    assert e.place.text in ("Bree", "Archet")


def test_a_city_holding_a_road_beats_its_towns_when_it_names_no_province(run):
    e = one(run("Gunmen attacked a patrol on the Bree - Archet road in Eriador on Monday.",
                [place("Bree", "Bree", 3), place("Archet", "Archet", 4), place("Eriador", "Eriador", 8)]))
    assert e.place.text == "Eriador"


def test_a_road_named_for_one_town_may_be_a_street_of_the_city_it_lies_in(run):
    province = Candidate(9, "Eriador", 0.0, 0.0, "SY", "ADM1", 0, 4.0)
    city = replace(place("Eriador", "Eriador", 8), candidates=(province,))
    e = one(run("Gunmen attacked a patrol on the Archet road in Eriador on Monday.", [place("Archet", "Archet", 4), city]))
    assert e.place.text == "Eriador"


def test_a_town_abroad_naming_a_thing_is_not_the_event_place(run):
    """ "the Pelargir bridge" in a story on Gondor, the gazetteer's only Pelargir abroad: the bridge's town is a
    namesake; the event lies at the town of the story's country."""
    text = "Drivers from Minas Tirith protested at the Pelargir bridge on Monday, Minas Tirith officials said."
    gondor = place("Minas Tirith", "Minas Tirith", 3, cc="GG")
    e = one(run(text, [gondor, place("Pelargir", "Pelargir", 4, cc="ES")]))
    assert e.place.text == "Minas Tirith"
    e = one(run(text, [gondor, place("Pelargir", "Pelargir", 4, cc="GG")]))
    assert e.place.text == "Pelargir"


def test_a_protest_does_not_take_the_toll_of_the_death_it_protests(run):
    e = one(run("Students protested in Osgiliath against the death of a classmate.", [place("Osgiliath", "Osgiliath", 2)]))
    assert e.fatalities == 0
    # the killing itself typed too (the fake typer reads "killing" as an attack): neither takes the toll
    events = run("Students protested in Osgiliath against the killing of a classmate.", [place("Osgiliath", "Osgiliath", 2)])
    assert events and all(e.fatalities == 0 for e in events)
    e = one(run("Rohan condemned the death of three herders when rebels shelled Osgiliath.",
                [place("Osgiliath", "Osgiliath", 2)]))
    assert e.fatalities == 3


# ------------------------------------------------------------------ a province at its seat

def test_an_event_placed_in_a_province_stands_at_its_seat(run):
    province = replace(place("Lossarnach", "Lossarnach", 5, "region", fc="ADM1", cc="GG"), lat=10.0, lon=10.0)

    def seat(p):
        return replace(p, lat=10.4, lon=10.3, anchor="Lossarnach") if p.feature_code == "ADM1" else None

    event = one(run("Gunmen attacked a convoy in Lossarnach province.", [province], replace(STAGES, seat=seat)))
    assert (event.place.lat, event.place.lon, event.place.feature_code) == (10.4, 10.3, "ADM1")
    assert event.geo_precision == 3
    assert "province-seat" in event.evidence["place"]


def test_a_container_outside_the_province_the_text_names_does_not_make_a_namesake(run):
    # "Bywater town (Archet, Shire)": the gazetteer's only Archet lies far away in another province, so it is
    # a namesake itself; Bywater, which lies in the Shire, stays the place.
    bywater = replace(place("Bywater", "Bywater", 1, cc="GG"), lat=10.0, lon=10.0, admin1="Shire")
    archet = replace(place("Archet", "Archet", 2, cc="GG"), lat=20.0, lon=20.0, admin1="Rhudaur")
    shire = replace(place("Shire", "Shire", 3, "region", fc="ADM1", cc="GG"), lat=10.2, lon=10.2, admin1="Shire")
    event = one(run("Gunmen attacked a market in Bywater town (Archet, Shire).", [bywater, archet, shire]))
    assert event.place.name == "Bywater" and "namesake" not in event.evidence["place"]



# ------------------------------------------------------------------ an earlier incident named again

def _named_classify(sent, *, nouns_first=False):
    extra = {"attack": ("Violence against civilians", "Attack", "ASSAULT"),
             "raid": ("Battles", "Armed clash", "FIGHT")}
    nouns = [FakeTyping(*extra[t.lower_], t.idx, t.idx + len(t), t.text, t.i, f"fake#{t.text}")
             for t in sent if t.lower_ in extra]
    return nouns + fake_classify(sent) if nouns_first else fake_classify(sent) + nouns


def _dated(text, *, published):
    m = re.search(r"\b(\d+) (May|June)\b", text)
    if m is None:
        return DateInfo(None, None, None, "none")
    return DateInfo(dt.date(2017, 5 if m.group(2) == "May" else 6, int(m.group(1))), 1, m.group(0), "fake")


NAMED = replace(STAGES, classify=_named_classify, resolve_date=_dated)
OSGILIATH = place("Osgiliath", "Osgiliath", 11, cc="GO")
MINAS_TIRITH = place("Minas Tirith", "Minas Tirith", 12, cc="GO")
BETWEEN = "The weather was fine. Traders reopened their stalls. "


def test_an_earlier_incident_named_again_by_its_place_is_one_event(run):
    text = (QUIET + "Gunmen attacked the market in Osgiliath, killing 12 traders. " + BETWEEN
            + "Gondor's riders clashed with orcs in Minas Tirith. " + BETWEEN
            + "Weeks after the Osgiliath attack, the killers were still at large.")
    events = run(text, [OSGILIATH, MINAS_TIRITH], stages=NAMED)
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Attack"]
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert len(attack.mentions) == 2
    assert attack.mentions[1].rule.endswith("incident:named-incident")
    assert "named-incident" in attack.evidence["mentions"]


def test_an_earlier_incident_told_as_a_raid_joins_the_attack_it_names(run):
    text = (QUIET + "Gunmen attacked the market in Osgiliath, killing 12 traders. " + BETWEEN
            + "Days after the Osgiliath raid, the killers were still at large.")
    e = one(run(text, [OSGILIATH], stages=NAMED))
    assert (e.sub_event_type, e.fatalities, len(e.mentions)) == ("Attack", 12, 2)


@pytest.mark.parametrize("later", [
    "Weeks after the Minas Tirith attack, the killers were still at large.",  # another place
    "Weeks after the second Osgiliath attack, the killers were still at large.",  # a cue for another one
    "Weeks after the 9 June Osgiliath attack, the killers were still at large.",  # another date
])
def test_an_incident_the_text_keeps_apart_is_not_merged(run, later):
    text = QUIET + "Gunmen attacked the market in Osgiliath on 3 May, killing 12 traders. " + BETWEEN + later
    events = run(text, [OSGILIATH, MINAS_TIRITH], stages=NAMED)
    assert len(events) == 2
    first = next(e for e in events if e.fatalities == 12)
    assert first.date == dt.date(2017, 5, 3) and len(first.mentions) == 1


@pytest.mark.parametrize("nouns_first", [False, True])  # whichever mention of the sentence comes first
def test_the_incident_a_sentence_is_dated_by_is_not_the_one_it_reports(run, nouns_first):
    text = (QUIET + "Gunmen attacked the market in Osgiliath, killing 12 traders. " + BETWEEN
            + "A day after the Osgiliath attack, gunmen attacked a farm, killing 3 farmers.")
    stages = replace(NAMED, classify=lambda s: _named_classify(s, nouns_first=nouns_first))
    events = run(text, [OSGILIATH], stages=stages)
    assert sorted(e.fatalities for e in events) == [3, 12]
    first = next(e for e in events if e.fatalities == 12)
    assert first.mentions[-1].rule.endswith("incident:named-incident")


def test_an_earlier_incident_named_without_a_place_is_not_guessed(run):
    text = (QUIET + "Gunmen attacked the market in Osgiliath, killing 12 traders. " + BETWEEN
            + "Weeks after the attack, the killers were still at large.")
    events = run(text, [OSGILIATH], stages=NAMED)
    assert not any(m.rule.endswith("incident:named-incident") for e in events for m in e.mentions)


@pytest.mark.parametrize("nouns_first", [False, True])
def test_the_incident_told_just_before_and_the_one_dated_by_it_stay_apart(run, nouns_first):
    text = QUIET + "Gunmen attacked the market, killing 12 traders. A day after the attack, gunmen attacked a farm."
    stages = replace(NAMED, classify=lambda s: _named_classify(s, nouns_first=nouns_first))
    events = run(text, stages=stages)
    assert sorted(e.fatalities or 0 for e in events) == [0, 12]  # the farm is not the market


def test_a_day_in_a_later_mentions_own_phrase_dates_the_incident(run):
    text = (QUIET + "Gunmen attacked the market in Osgiliath, killing 12 traders. " + BETWEEN
            + "The 3 May attack was the worst in years.")
    e = one(run(text, [OSGILIATH], stages=NAMED))
    assert (e.date, e.time_precision, len(e.mentions)) == (dt.date(2017, 5, 3), 1, 2)
    assert "in the incident's own phrase" in e.evidence["date"]


def test_a_day_the_later_sentence_states_elsewhere_does_not_date_the_incident(run):
    text = (QUIET + "Gunmen attacked the market in Osgiliath, killing 12 traders. " + BETWEEN
            + "On 9 June, officials said the attack was the worst in years.")
    e = one(run(text, [OSGILIATH], stages=NAMED))
    assert e.date != dt.date(2017, 6, 9) and len(e.mentions) == 2


def test_an_earlier_incident_kept_apart_keeps_the_day_its_phrase_names(run):
    text = (QUIET + "Gunmen attacked the market in Osgiliath on 3 May, killing 12 traders. " + BETWEEN
            + "Weeks after the 9 June Osgiliath attack, the killers were still at large.")
    events = run(text, [OSGILIATH, MINAS_TIRITH], stages=NAMED)
    assert sorted(e.date for e in events) == [dt.date(2017, 5, 3), dt.date(2017, 6, 9)]
