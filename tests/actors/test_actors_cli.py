"""The actors and date commands (thin wrappers: JSON out, one-line errors)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from frontlines.cli.actors import actors_group, date_cmd


def test_actors_resolve_prints_one_json_object_per_phrase():
    result = CliRunner().invoke(actors_group, ["resolve", "Hashd al-Shaabi", "gunmen", "--country", "IQ"])
    assert result.exit_code == 0
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert (first["id"], second["name"]) == ("pmf", "Unidentified Armed Group (Iraq)")


def test_actors_list_filters_by_country():
    result = CliRunner().invoke(actors_group, ["list", "--country", "Yemen"])
    assert result.exit_code == 0
    assert all(line.split("\t")[2] == "YE" for line in result.output.splitlines())


def test_actors_list_names_a_bad_country():
    result = CliRunner().invoke(actors_group, ["list", "--country", "Atlantis"])
    assert result.exit_code == 2
    assert "Atlantis" in result.output


def test_date_resolves_against_the_publication_date():
    result = CliRunner().invoke(date_cmd, ["They met on Sunday.", "--published", "2017-06-18"])
    assert json.loads(result.output)["date"] == "2017-06-18"


def test_date_rejects_a_bad_publication_date_with_the_fix():
    result = CliRunner().invoke(date_cmd, ["x", "--published", "18/06/2017"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
