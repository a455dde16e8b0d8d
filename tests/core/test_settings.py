"""Settings layer: shipped defaults → user file → FRONTLINES_* environment → flags."""

import pytest

from frontlines.errors import ConfigError
from frontlines.settings import load_settings


def test_shipped_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FRONTLINES_DB", raising=False)
    assert load_settings().db == "frontlines.db"


def test_a_config_file_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frontlines.toml").write_text('db = "war.db"\nbatch_size = 8\n')
    s = load_settings()
    assert (s.db, s.batch_size) == ("war.db", 8)


def test_environment_overrides_the_file_and_flags_override_both(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frontlines.toml").write_text('workers = 3\n')
    monkeypatch.setenv("FRONTLINES_WORKERS", "2")
    assert load_settings().workers == 2
    assert load_settings(workers=1).workers == 1


def test_an_unknown_key_in_a_file_names_the_file(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frontlines.toml").write_text('wrokers = 3\n')
    with pytest.raises(ConfigError, match="frontlines.toml.*wrokers"):
        load_settings()


def test_a_bad_environment_value_says_which_variable(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FRONTLINES_WORKERS", "many")
    with pytest.raises(ConfigError, match="FRONTLINES_WORKERS"):
        load_settings()
