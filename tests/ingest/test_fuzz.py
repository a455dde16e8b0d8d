"""The atheris fuzz target (fuzz/fuzz_ingest.py) runs for a bounded time without a crash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "fuzz" / "fuzz_ingest.py"
#: The fuzzer runs as a grandchild, forked by sh: a process exec'd straight from pytest inherits
#: pytest's peak RSS (Linux keeps ru_maxrss across exec), which libFuzzer's -rss_limit_mb reads.
FRESH_PROCESS = ["sh", "-c", '"$@"; exit $?', "sh"]


@pytest.mark.slow
def test_atheris_fuzz_readers_and_cleaner_for_30_seconds(tmp_path):
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "fuzz" / "seeds", corpus)
    env = {**os.environ, "FRONTLINES_DATA_DIR": os.environ.get("FRONTLINES_DATA_DIR", str(tmp_path))}
    proc = subprocess.run(
        [*FRESH_PROCESS, sys.executable, str(TARGET), "-max_total_time=30", "-rss_limit_mb=2048", "-timeout=20",
         f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, (proc.stdout[-3000:] + proc.stderr[-1500:])
    assert "Done" in proc.stderr
