"""The soak script runs end to end on a small synthetic corpus and reports its figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"


@pytest.mark.slow
def test_soak_script_stores_every_article_and_reports_memory(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), "--articles", "200", "--workers", "2", "--interval", "1",
                          "--db", str(tmp_path / "soak.db"), "--json"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["stored"] == 200 and report["errors"] == 0
    assert report["articles_per_s"] > 0 and report["peak_rss_parent_mb"] > 0
