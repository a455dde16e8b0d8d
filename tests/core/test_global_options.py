"""Global options (--db, --config) work before or after the command."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from frontlines.cli import cli, hoist_global_options


@pytest.mark.parametrize(("args", "expected"), [
    (["ingest", "x.txt", "--db", "a.db"], ["--db", "a.db", "ingest", "x.txt"]),
    (["ingest", "--db=a.db", "x.txt"], ["--db=a.db", "ingest", "x.txt"]),
    (["--config", "c.toml", "stats", "--db", "a.db"], ["--config", "c.toml", "--db", "a.db", "stats"]),
    (["gazetteer", "info", "--config", "c.toml"], ["--config", "c.toml", "gazetteer", "info"]),
    (["ingest", "--", "--db"], ["ingest", "--", "--db"]),  # after -- a word is a path
    (["--db", "a.db", "stats"], ["--db", "a.db", "stats"]),
])
def test_global_options_after_the_command_move_before_it(args, expected):
    assert hoist_global_options(args) == expected


def test_an_option_the_command_defines_itself_stays():
    assert hoist_global_options(["cmd", "--db", "x"], keep=frozenset({"--db"})) == ["cmd", "--db", "x"]


def _ids(db: str) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")]
    finally:
        con.close()


def test_db_before_and_after_ingest_do_the_same(tmp_path):
    text = tmp_path / "x.txt"
    text.write_text("Riders of Rohan attacked an orc camp near Edoras on Sunday, the marshal said.\n")
    before, after = str(tmp_path / "before.db"), str(tmp_path / "after.db")
    one = CliRunner().invoke(cli, ["--db", before, "ingest", "-q", "-j", "1", str(text)])
    two = CliRunner().invoke(cli, ["ingest", "-q", "-j", "1", str(text), "--db", after])
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert one.output.replace(before, "DB") == two.output.replace(after, "DB")
    assert _ids(before) == _ids(after) and len(_ids(before)) == 1


def test_config_after_a_subcommand_is_read(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('db = "from-config.db"\n')
    result = CliRunner().invoke(cli, ["stats", "--config", str(config)])
    assert "from-config.db" in result.output
