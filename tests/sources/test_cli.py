"""The CLI verbs: thin wrappers with examples, one-line errors, escaped article text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.cli import cli


@pytest.fixture()
def db(fictional_store, tmp_db):
    return tmp_db


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.mark.parametrize("command", [["control"], ["incidents"], ["sources"], ["sources", "list"],
                                     ["sources", "show"], ["sources", "add"], ["sources", "explain"]])
def test_every_command_has_an_example_in_its_help(command):
    assert "Example:" in run(*command, "--help").output


def test_control_prints_a_table_with_contested_places(db):
    out = run("--db", db, "control", "--date", "2031-03-15").output
    assert "Osgiliath" in out and "CONTESTED" in out


def test_control_json_lists_claims(db):
    records = json.loads(run("--db", db, "control", "--date", "2031-04-05", "--format", "json").output)
    osg = next(r for r in records if r["place"] == "Osgiliath")
    assert osg["controller"] == "Angmar Legion" and len(osg["claims"]) == 3


def test_control_geojson_is_a_feature_collection(db, tmp_path):
    out = tmp_path / "control.geojson"
    run("--db", db, "control", "--date", "2031-03-15", "--format", "geojson", "-o", str(out))
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def test_control_with_a_bad_date_is_one_line_naming_the_fix(db):
    result = CliRunner().invoke(cli, ["--db", db, "control", "--date", "15/03/2031"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_control_with_a_bad_bbox_says_the_format(db):
    result = CliRunner().invoke(cli, ["--db", db, "control", "--date", "2031-03-15", "--bbox", "1,2,3"])
    assert result.exit_code == 2 and "W,S,E,N" in result.output


def test_control_without_a_database_says_how_to_make_one(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "control", "--date", "2031-03-15"])
    assert result.exit_code == 2 and "frontlines ingest" in result.output


def test_incidents_lists_the_merged_and_contested_ones(db):
    out = run("--db", db, "incidents").output
    assert "3 reports, 2 independent source(s)" in out and "CONTESTED" in out


def test_incidents_contested_json(db):
    incidents = json.loads(run("--db", db, "incidents", "--contested", "--format", "json").output)
    assert len(incidents) == 2 and all(i["contested"] for i in incidents)


def test_sources_show_finds_an_outlet_by_domain():
    assert json.loads(run("sources", "show", "fort-russ.com").output)["name"] == "Fort Russ News"


def test_sources_show_an_unknown_outlet_says_it_is_unrated():
    result = CliRunner().invoke(cli, ["sources", "show", "The Daily Nowhere"])
    assert result.exit_code == 2 and "unrated" in result.output


def test_sources_add_then_show_uses_the_users_file(tmp_path):
    path = str(tmp_path / "mine.csv")
    env = {"FRONTLINES_SOURCES_FILE": path}
    run("sources", "add", "--name", "Bree Herald", "--domain", "breeherald.example", "--rating",
        "generally-reliable", env=env)
    shown = json.loads(run("sources", "show", "breeherald.example", env=env).output)
    assert shown["reliability"] == "generally-reliable (user)"


def test_sources_explain_shows_the_chain_and_the_parts(db):
    out = run("--db", db, "sources", "explain", "ev-radio-bree-taken").output
    assert "Annuminas Radio" in out and "a Legion commander" in out and "corroboration" in out


def test_article_text_with_control_characters_is_escaped_in_tables(db):
    from frontlines.cli.sources import _safe

    assert _safe("Bree\x1b[31m\u202eHerald") == "Bree?[31m?Herald"
