"""The gazetteer: the embedded default, GeoNames import, an analyst's CSV, info."""

from __future__ import annotations

import time

import pytest

from frontlines.errors import GazetteerError
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.importer import add_places, import_alternate_names, import_geonames

from .conftest import FIXTURES


def test_embedded_default_loads_fast(gazetteer):
    started = time.perf_counter()
    Gazetteer(gazetteer.path).lookup("Aleppo")
    assert time.perf_counter() - started < 1.0


def test_country_carries_geonames_id(gazetteer):
    syria = gazetteer.country("SY")
    assert syria is not None and syria.geonameid == 163843 and syria.feature_code == "PCLI"


def test_province_carries_geonames_id_and_a_point_inside(gazetteer):
    raqqa = [e for e in gazetteer.lookup("Ar Raqqah") if e.feature_code == "ADM1"]
    assert raqqa and raqqa[0].geonameid == 172957
    assert 35 < raqqa[0].lat < 37 and 38 < raqqa[0].lon < 40


def test_exonym_found_through_alternate_names(gazetteer):
    assert any(e.name == "Tadmur" and e.kind == 1 for e in gazetteer.lookup("Palmyra"))


def test_transliteration_found_through_loose_key(gazetteer):
    assert any(e.name == "As Sukhnah" and e.country_code == "SY" for e in gazetteer.lookup("Sukhna"))


def test_codes_match_only_when_written_in_capitals(gazetteer):
    assert any(e.feature_code == "PCLI" and e.country_code == "US" for e in gazetteer.lookup("US"))
    assert not any(e.feature_code == "PCLI" and e.country_code == "US" for e in gazetteer.lookup("us"))


def test_gazetteer_pickles_by_path(gazetteer):
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path and copy.lookup("Mosul")


def test_import_zip_brings_every_feature_class(tiny_gazetteer_file):
    assert import_geonames(tiny_gazetteer_file, FIXTURES / "SY-sample.zip") == 5
    classes = Gazetteer(tiny_gazetteer_file).info()["by_feature_class"]
    assert {"S", "L", "T", "P"} <= set(classes)


def test_import_txt_and_lookup_by_alternate_name(tiny_gazetteer_file):
    import_geonames(tiny_gazetteer_file, FIXTURES / "SY-sample.txt")
    entries = Gazetteer(tiny_gazetteer_file).lookup("Al-Tanf")
    assert [e.feature_code for e in entries] == ["PSTB"]


def test_import_is_idempotent(tiny_gazetteer_file):
    import_geonames(tiny_gazetteer_file, FIXTURES / "SY-sample.txt")
    import_geonames(tiny_gazetteer_file, FIXTURES / "SY-sample.txt")
    assert Gazetteer(tiny_gazetteer_file).info()["places"] == 5


def test_import_rejects_wrong_column_count_naming_the_line(tiny_gazetteer_file):
    with pytest.raises(GazetteerError, match=r"bad-columns.txt:1: 7 columns"):
        import_geonames(tiny_gazetteer_file, FIXTURES / "bad-columns.txt")


def test_import_of_missing_file_says_so(tiny_gazetteer_file):
    with pytest.raises(GazetteerError, match="no such file"):
        import_geonames(tiny_gazetteer_file, FIXTURES / "nope.zip")


def test_alternate_names_skip_links_and_unknown_ids(tiny_gazetteer_file):
    import_geonames(tiny_gazetteer_file, FIXTURES / "SY-sample.txt")
    added = import_alternate_names(tiny_gazetteer_file, FIXTURES / "alternateNamesV2-sample.txt")
    gaz = Gazetteer(tiny_gazetteer_file)
    assert added == 2  # one name: its norm and loose keys
    assert [e.name for e in gaz.lookup("Laja Plateau")] == ["Al Lajat"]
    assert not gaz.lookup("Not Loaded")


def test_add_csv_places_with_aliases(tiny_gazetteer_file):
    assert add_places(tiny_gazetteer_file, FIXTURES / "analyst-places.csv") == 2
    entries = Gazetteer(tiny_gazetteer_file).lookup("Jubb Saad")
    assert len(entries) == 1 and entries[0].geonameid < 0 and entries[0].country_code == "SY"


def test_add_csv_twice_adds_nothing_new(tiny_gazetteer_file):
    add_places(tiny_gazetteer_file, FIXTURES / "analyst-places.csv")
    add_places(tiny_gazetteer_file, FIXTURES / "analyst-places.csv")
    assert Gazetteer(tiny_gazetteer_file).info()["by_source"] == {"analyst": 2}


def test_add_csv_missing_column_names_it(tiny_gazetteer_file):
    with pytest.raises(GazetteerError, match="missing column.*lon"):
        add_places(tiny_gazetteer_file, FIXTURES / "analyst-bad.csv")


def test_info_lists_imports(tiny_gazetteer_file):
    import_geonames(tiny_gazetteer_file, FIXTURES / "SY-sample.zip")
    info = Gazetteer(tiny_gazetteer_file).info()
    assert info["places"] == 5 and "meta.import:SY-sample.zip" in info


def test_not_a_gazetteer_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "gazetteer.sqlite"
    bad.write_text("hello")
    with pytest.raises(GazetteerError, match="not a gazetteer"):
        Gazetteer(bad)


def test_info_says_how_large_the_data_and_index_are_and_credits_the_sources(gazetteer):
    info = gazetteer.info()
    assert info["size_mb"] > 0 and float(info["meta.shipped_data_mb"]) > 0
    assert "Who's On First" in info["meta.attribution"] and "GeoNames" in info["meta.attribution"]


def test_conflict_country_villages_are_in_the_default(gazetteer):
    assert any(e.country_code == "SY" and e.name == "Jubb as Sa`d" for e in gazetteer.lookup("Jeb Saad"))


def test_air_bases_are_in_the_default(gazetteer):
    assert any(e.feature_code == "AIRB" and e.country_code == "SY" for e in gazetteer.lookup("Shayrat Airbase"))


def test_a_province_of_a_conflict_country_takes_the_wof_label_point(gazetteer):
    hama = [e for e in gazetteer.lookup("Hama") if e.feature_code == "ADM1"][0]
    assert (round(hama.lat, 2), round(hama.lon, 2)) == (35.24, 37.29)
