"""The manual stays true: every command and every setting is documented."""

from dataclasses import fields
from pathlib import Path

from frontlines.cli.docs import cli_reference
from frontlines.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_docs_cli_md_matches_the_commands_help():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference(), (
        "docs/cli.md is stale: run `.venv/bin/python -m frontlines.cli.docs > docs/cli.md`")


def test_every_command_help_has_an_example():
    text = cli_reference()
    for block in text.split("\n## ")[1:]:
        name = block.split("`")[1]
        if name.count(" ") >= 1 and "Commands:" not in block:
            assert "Example" in block, f"{name} --help has no example"


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f"`{f.name}`" in doc, f"setting {f.name} is not in docs/settings.md"
