"""A real (tiny) bench run: both passes, figures present, nothing written unless asked."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.cli import cli

pytestmark = pytest.mark.slow


def test_bench_times_the_pipeline_and_the_spacy_pass(sample_path, tmp_path):
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(cli, ["bench", "--articles", "4", "--workers", "1", "--corpus", str(sample_path),
                                      "--output", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(p["mode"], p["workers"], p["articles"]) for p in report["passes"]] == [
        ("pipeline", 1, 4), ("spacy", 1, 4)]
    assert all(p["articles_per_s"] > 0 and p["peak_rss_mb"] > 100 for p in report["passes"])
    assert report["passes"][0]["events"] > 0
    assert "1" in report["summary"]["ratio"]
    assert json.loads(out.read_text().splitlines()[-1])["commit"] == report["commit"]
