"""The actor dictionary as data: entries, names over time, generated state forces."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.actors import load_actors, resolve_entry
from frontlines.actors.dictionary import norm, tokens

INTER_CODES = set(range(1, 9))


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def test_every_entry_has_an_inter_code_from_the_acled_codebook(actors):
    assert all(e.inter in INTER_CODES for e in actors.entries.values())


def test_entry_ids_are_slugs(actors):
    assert all(e.id == e.id.lower() and " " not in e.id for e in actors.entries.values())


def test_every_country_gets_military_and_police_forces(actors):
    for iso2 in ("TD", "KE", "FR", "BR"):
        name = actors.countries[iso2].forces_of
        assert actors.get(f"military-forces-of-{name.lower().replace(' ', '-')}").inter == 1
    assert actors.get("police-forces-of-uruguay").name == "Police Forces of Uruguay"


def test_acled_writes_the_before_some_country_names(actors):
    assert actors.get("military-forces-of-the-democratic-republic-of-congo") is not None


def test_a_hand_written_entry_completes_the_generated_one(actors):
    syria = actors.get("military-forces-of-syria")
    assert "Syrian Arab Army" in syria.aliases
    assert syria.source == "actors.yaml"


def test_names_follow_the_date(actors):
    ukraine = actors.get("military-forces-of-ukraine")
    _, before, _ = resolve_entry(ukraine, actors, on=dt.date(2017, 6, 1))
    _, after, _ = resolve_entry(ukraine, actors, on=dt.date(2020, 5, 1))
    assert before == "Military Forces of Ukraine (2014-2019)"
    assert after == "Military Forces of Ukraine (2019-)"


def test_the_taliban_become_the_state_forces_of_afghanistan_in_august_2021(actors):
    taliban = actors.get("taliban")
    entry, name, inter = resolve_entry(taliban, actors, on=dt.date(2020, 5, 1))
    assert (entry.id, name, inter) == ("taliban", "Taliban", 2)
    entry, name, inter = resolve_entry(taliban, actors, on=dt.date(2022, 1, 1))
    assert (entry.id, name, inter) == ("military-forces-of-afghanistan", "Military Forces of Afghanistan (2021-)", 1)


def test_a_unit_takes_its_parents_name_on_the_date(actors):
    _, name, _ = resolve_entry(actors.get("pmf"), actors, on=dt.date(2017, 6, 18))
    assert name == "Military Forces of Iraq (2014-2018) Popular Mobilization Forces"


def test_islamic_state_is_coded_per_country(actors):
    entry, name, _ = resolve_entry(actors.get("islamic-state"), actors, country="IQ")
    assert (entry.id, name) == ("islamic-state-iraq", "Islamic State (Iraq)")
    entry, _, _ = resolve_entry(actors.get("islamic-state"), actors, country="Nigeria")
    assert entry.id == "islamic-state-west-africa"


def test_state_forces_abroad_are_external_forces(actors):
    russia = actors.get("military-forces-of-russia")
    assert resolve_entry(russia, actors, country="SY")[2] == 8
    assert resolve_entry(russia, actors, country="RU")[2] == 1


def test_country_codes_from_names_demonyms_and_codes(actors):
    assert actors.country_code("Democratic Republic of Congo") == "CD"
    assert actors.country_code("syria") == "SY"
    assert actors.country_code("ye") == "YE"
    assert actors.country_code("Atlantis") is None


def test_normalised_keys_ignore_apostrophes_and_doubled_letters():
    assert norm("Sha'abi") == norm("Shabi") == norm("Shaabi")
    assert norm("Hizbollah") == norm("Hizbolah")


def test_tokens_keep_offsets_and_mark_possessives():
    toks = tokens("Turkey's army", offset=10)
    assert [(t.start, t.end, t.exact, t.possessive) for t in toks] == [(10, 18, "Turkey", True), (19, 23, "army", False)]


def test_a_broken_data_directory_is_a_config_error(tmp_path):
    from frontlines.errors import ConfigError

    with pytest.raises(ConfigError, match="actor dictionary"):
        load_actors(tmp_path)


def test_an_alias_shared_by_two_entries_is_told_apart_by_country(actors):
    for index in (actors.alias_index, actors.acronym_index):
        for key, hits in index.items():
            ids = {eid for eid, _ in hits}
            countries = [actors.entries[eid].country for eid in ids]
            redirects = {p.redirect for eid in ids for p in actors.entries[eid].periods if p.redirect}
            assert len(ids) == 1 or len(set(countries)) == len(ids) or ids & redirects, key


def test_state_periods_follow_each_other_without_overlap(actors):
    for e in actors.entries.values():
        for before, after in zip(e.periods, e.periods[1:], strict=False):
            assert before.end is not None and after.start is not None and before.end <= after.start, e.id


def test_every_entry_country_is_a_known_country(actors):
    assert all(e.country is None or e.country in actors.countries for e in actors.entries.values())


def test_variants_and_parents_point_at_existing_entries(actors):
    for e in actors.entries.values():
        assert all(target in actors.entries for _, target in e.variants), e.id
        assert e.parent is None or e.parent in actors.entries, e.id
        assert all(p.redirect in actors.entries for p in e.periods if p.redirect), e.id


def test_a_unit_name_in_the_data_is_one_of_its_parents_names_and_its_suffix(actors):
    for e in actors.entries.values():
        if e.parent and e.suffix and not e.periods:
            parent = actors.get(e.parent)
            names = {p.name for p in parent.periods} | {parent.name}
            assert e.name in {f"{n} {e.suffix}" for n in names}, e.id


def test_state_period_labels_say_the_years_of_their_dates():
    from frontlines.actors.dictionary import _read_text, _state_periods

    for iso2, periods in _state_periods(_read_text("state_periods.csv", None)).items():
        for start, end, label in periods:
            first, _, last = label.partition("-")
            assert start is not None and int(first) == start.year, (iso2, label)
            if end is None:
                assert last == "", (iso2, label)
            else:
                assert int(last) in {end.year, (end - dt.timedelta(days=1)).year}, (iso2, label)


def test_a_police_unit_is_named_after_the_police_of_the_date(actors):
    _, name, inter = resolve_entry(actors.get("bsf-india"), actors, on=dt.date(2020, 5, 1))
    assert (name, inter) == ("Police Forces of India (2014-) Border Security Force", 1)
    _, name, _ = resolve_entry(actors.get("nds-afghanistan"), actors, on=dt.date(2019, 3, 1))
    assert name == "Police Forces of Afghanistan (2014-2021) National Directorate of Security"


def test_boko_haram_is_one_group_before_the_2016_split_and_either_faction_after(actors):
    entry, name, _ = resolve_entry(actors.get("iswap-or-boko-haram"), actors, on=dt.date(2015, 1, 1))
    assert (entry.id, name) == ("boko-haram", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad")
    _, name, _ = resolve_entry(actors.get("iswap-or-boko-haram"), actors, on=dt.date(2020, 1, 1))
    assert name.startswith("Islamic State (West Africa) and/or Boko Haram")


def test_a_coalition_members_forces_take_the_coalitions_name_where_acled_codes_it(actors):
    saudi = actors.get("military-forces-of-saudi-arabia")
    assert resolve_entry(saudi, actors, country="YE")[0].id == "operation-restoring-hope"
    assert resolve_entry(saudi, actors, country="SA")[0].id == "military-forces-of-saudi-arabia"


def test_periods_that_ended_are_closed_in_todays_spelling(actors):
    lebanon = actors.get("military-forces-of-lebanon")
    assert resolve_entry(lebanon, actors, on=dt.date(2019, 6, 1))[1] == "Military Forces of Lebanon (2019-2020)"
    venezuela = actors.get("police-forces-of-venezuela")
    assert resolve_entry(venezuela, actors, on=dt.date(2005, 1, 1))[1] == "Police Forces of Venezuela (1999-)"


def test_every_state_period_row_has_five_columns():
    import csv

    from frontlines.actors.dictionary import _read_text

    lines = [ln for ln in _read_text("state_periods.csv", None).splitlines() if ln.strip() and not ln.startswith("#")]
    assert all(len(row) == 5 for row in csv.reader(lines)), "a note with a comma splits the row"
