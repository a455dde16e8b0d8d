"""The manual stays true: every command and every setting is documented."""

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

from frontlines.cli.docs import cli_reference
from frontlines.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_docs_cli_md_matches_the_commands_help():
    # A fresh process: click caches each command's help option on first use, so commands other tests
    # invoked on their own would render differently here.
    fresh = subprocess.run([sys.executable, "-m", "frontlines.cli.docs"], capture_output=True, text=True,
                           check=True).stdout
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == fresh, (
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
