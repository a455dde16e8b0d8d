"""Who's On First: importing an admin repository folder, a bundle or a GeoJSON file (invented places)."""

from __future__ import annotations

import pytest

from frontlines.errors import GazetteerError
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.importer import import_wof
from frontlines.geo.wof import feature_row, is_wof_source, keep_names

from .conftest import FIXTURES

WOF = FIXTURES.parent / "wof"


def test_repository_folder_brings_its_current_places(tiny_gazetteer_file):
    assert import_wof(tiny_gazetteer_file, WOF / "repo") == 2
    names = {e.name for e in Gazetteer(tiny_gazetteer_file).lookup("Minas Tirith")}
    assert names == {"Minas Tirith"}


def test_a_place_no_longer_current_is_left_out(tiny_gazetteer_file):
    import_wof(tiny_gazetteer_file, WOF / "repo")
    assert not Gazetteer(tiny_gazetteer_file).lookup("Old Anorien")


def test_a_geonames_concordance_keeps_the_geonames_id(tiny_gazetteer_file):
    import_wof(tiny_gazetteer_file, WOF / "repo")
    assert [e.geonameid for e in Gazetteer(tiny_gazetteer_file).lookup("Osgiliath")] == [99000001]


def test_a_place_without_one_gets_minus_its_wof_id(tiny_gazetteer_file):
    import_wof(tiny_gazetteer_file, WOF / "repo")
    assert [e.geonameid for e in Gazetteer(tiny_gazetteer_file).lookup("Mundburg")] == [-101001]


def test_arabic_script_and_cyrillic_names_find_the_place(tiny_gazetteer_file):
    import_wof(tiny_gazetteer_file, WOF / "repo")
    gaz = Gazetteer(tiny_gazetteer_file)
    assert [e.name for e in gaz.lookup("ميناس تيريث")] == ["Minas Tirith"]
    assert [e.name for e in gaz.lookup("Минас Тирит")] == ["Minas Tirith"]


def test_the_label_point_is_the_place_point(tiny_gazetteer_file):
    import_wof(tiny_gazetteer_file, WOF / "repo")
    entry = Gazetteer(tiny_gazetteer_file).lookup("Minas Tirith")[0]
    assert (entry.lat, entry.lon) == (31.501, 35.201)


def test_a_bundle_reads_like_the_folder(tiny_gazetteer_file):
    assert import_wof(tiny_gazetteer_file, WOF / "gondor-bundle.tar.gz") == 2


def test_a_feature_collection_brings_provinces_too(tiny_gazetteer_file):
    assert import_wof(tiny_gazetteer_file, WOF / "rohan.geojson") == 2
    westfold = Gazetteer(tiny_gazetteer_file).lookup("Westfold")
    assert [e.feature_code for e in westfold] == ["ADM1"]


def test_superseded_records_are_left_out():
    feature = {"properties": {"wof:id": 1, "wof:name": "Isengard Tower", "wof:placetype": "locality",
                              "geom:latitude": 1.0, "geom:longitude": 2.0, "wof:superseded_by": [2]}}
    assert feature_row(feature) is None


def test_a_file_with_no_places_is_a_clear_error(tiny_gazetteer_file, tmp_path):
    empty = tmp_path / "empty.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(GazetteerError, match="no current Who's On First places"):
        import_wof(tiny_gazetteer_file, empty)


def test_wof_sources_are_told_from_geonames_dumps():
    assert is_wof_source(WOF / "repo") and is_wof_source(WOF / "gondor-bundle.tar.gz")
    assert not is_wof_source(FIXTURES / "SY-sample.txt")


def test_kept_names_drop_other_scripts_and_folded_repeats():
    name, alts = keep_names("Minas Tirith", ["Mínas Tírith", "Mundburg", "ミナス・ティリス", "ميناس تيريث"])
    assert name == "Minas Tirith" and alts == ("Mundburg", "ميناس تيريث")


def test_a_cyrillic_only_name_gets_a_latin_display_name():
    name, alts = keep_names("Іванківці", [])
    assert name == "Ivankivtsi" and alts == ("Іванківці",)
