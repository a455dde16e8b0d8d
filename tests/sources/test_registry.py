"""The source registry: outlets as data, looked up by name, alias or domain; users add and override."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import ConfigError
from frontlines.settings import load_settings
from frontlines.sources import add_entry, load_registry
from frontlines.sources.credibility import category_score
from frontlines.sources.registry import import_opensources, opensources_path, read_opensources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


@pytest.fixture(scope="module")
def registry():
    return load_registry(user_file=None)


@pytest.fixture()
def imported(tmp_path):
    """Settings whose data directory holds the sample OpenSources list, imported."""
    settings = load_settings(data_dir=str(tmp_path / "data"))
    assert import_opensources(FIXTURES / "opensources-sample.csv", opensources_path(settings)) == 6
    return settings


def test_outlet_is_found_by_an_alias(registry):
    assert registry.lookup("Fort Russ").id == "fort-russ-news"


def test_outlet_is_found_by_its_name_whatever_the_punctuation(registry):
    assert registry.lookup("al-Mayadeen").id == "al-mayadeen"


def test_domain_lookup_ignores_www_and_finds_the_parent_domain(registry):
    assert registry.lookup(url="https://www.rt.com/news/1").id == "rt"
    assert registry.lookup(url="http://english.almayadeen.net/news/x").id == "al-mayadeen"


def test_no_opensources_tags_without_an_import(registry):
    assert all(e.origin != "opensources" for e in registry)
    assert not [r for e in registry for r in e.ratings if r.list == "opensources"]


def test_imported_opensources_tags_are_read_tidied_and_merged():
    tags = read_opensources((FIXTURES / "opensources-sample.csv").read_text(), "sample")
    assert tags == {"bree-gazette.example": ("bias",), "mordor-truth.example": ("fake", "conspiracy", "rumor"),
                    "isengard-daily.example": ("unreliable",), "shire-satire.example": ("satire",),
                    "rohan-state-radio.example": ("state", "bias"), "rt.com": ("state",)}


def test_imported_opensources_tags_attach_to_the_shipped_outlet_with_that_domain(imported):
    rt = load_registry(imported).get("rt")
    assert ("opensources", "state") in {(r.list, r.category) for r in rt.ratings}
    assert rt.origin == "shipped"


def test_a_domain_only_opensources_listing_is_its_own_entry(imported):
    entry = load_registry(imported).lookup(url="http://www.mordor-truth.example/story")
    assert entry.origin == "opensources"
    assert [r.category for r in entry.ratings] == ["fake", "conspiracy", "rumor"]


def test_a_file_that_is_not_the_opensources_list_is_refused(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("domain,tags\nbree-gazette.example,bias\n")
    with pytest.raises(ConfigError, match="not OpenSources' sources.csv"):
        import_opensources(bad, tmp_path / "out.csv")


def test_an_unknown_outlet_is_not_found_and_so_unrated(registry):
    assert registry.lookup("The Daily Nowhere", url="https://dailynowhere.example/x") is None


def test_an_outlet_without_a_rating_says_unrated(registry):
    assert registry.get("fort-russ-news").reliability == "unrated"


def test_state_affiliation_is_recorded(registry):
    assert registry.get("sana").state_affiliation == "SY"


def test_an_outlet_named_inside_an_attribution_is_found(registry):
    assert registry.find_in_text("The Syrian state TV reported").id == "syrian-state-tv"


def test_a_user_file_replaces_a_shipped_entry_by_id(tmp_path: Path):
    path = tmp_path / "sources.csv"
    path.write_text("id,name,domains,rating_list,rating,rating_as_of\n"
                    "fort-russ-news,Fort Russ News,fort-russ.com,my-desk,generally-unreliable,2030-01-01\n")
    entry = load_registry(user_file=path).lookup(url="https://fort-russ.com/2017/06/x")
    assert entry.reliability == "generally-unreliable (my-desk, 2030-01-01)"


def test_add_entry_writes_a_row_and_replaces_it_on_the_same_id(tmp_path: Path):
    path = tmp_path / "sources.csv"
    add_entry(path, {"name": "Bree Herald", "domains": "breeherald.example", "rating": "generally-reliable"})
    add_entry(path, {"name": "Bree Herald", "domains": "breeherald.example", "rating": "deprecated"})
    entry = load_registry(user_file=path).lookup("Bree Herald")
    assert entry.reliability == "deprecated (user)"
    assert path.read_text().count("Bree Herald") == 1


def test_add_entry_refuses_an_unknown_rating_category(tmp_path: Path):
    with pytest.raises(ConfigError, match="not a known category"):
        add_entry(tmp_path / "s.csv", {"name": "Bree Herald", "rating": "pretty good"})


def test_a_missing_user_file_is_an_error_naming_the_path(tmp_path: Path):
    with pytest.raises(ConfigError, match="nowhere.csv: sources file not found"):
        load_registry(user_file=tmp_path / "nowhere.csv")


def test_a_user_file_with_an_unknown_column_is_an_error(tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_text("name,score\nBree Herald,9\n")
    with pytest.raises(ConfigError, match="unknown column"):
        load_registry(user_file=path)


def test_every_shipped_rating_has_a_score(registry):
    missing = {(r.list, r.category) for e in registry for r in e.ratings if category_score(r.list, r.category) is None}
    assert missing == set()


def test_every_curated_entry_says_where_its_facts_come_from(registry):
    assert [e.id for e in registry if e.origin == "shipped" and not e.provenance] == []
