"""`frontlines serve`: help with an example, a clear error for a missing database."""

from __future__ import annotations

from click.testing import CliRunner

from frontlines.cli import cli


def test_serve_help_has_an_example():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--allow-writes" in result.output


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.output


def test_serve_refuses_a_tile_url_that_is_not_http(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--tiles", "javascript:alert(1)"])
    assert result.exit_code == 2
    assert "--tiles" in result.output
