"""Crash safety: SIGKILL an ingest at random moments; the database stays whole and a re-run completes it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

KILLS = int(os.environ.get("FRONTLINES_CRASH_KILLS", "50"))


def _corpus(path: Path, n: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from soak import write_corpus

    write_corpus(path, n, seed=11)


def _check_whole(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return 0
        broken = con.execute(
            "SELECT COUNT(*) FROM articles a WHERE a.n_events != (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)"
            " OR a.n_places != (SELECT COUNT(*) FROM places p WHERE p.article_id = a.id)").fetchone()[0]
        assert broken == 0, f"{broken} partly written articles"
        return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_a_whole_database_and_a_rerun_completes_it(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    n = 6000  # large enough that no run finishes before it is killed
    _corpus(corpus, n)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "frontlines.cli", "--db", str(db), "ingest", str(corpus), "--workers", "1", "-q"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    rng = random.Random(5)
    counts = []
    kills = 0
    while kills < KILLS and len(counts) < 3 * KILLS:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 6.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        counts.append(_check_whole(db))
    assert kills == KILLS, f"only {kills} runs were still going when killed"
    assert counts == sorted(counts), "a kill lost articles that were stored"
    assert 0 < counts[-1] < n, "the kills should interrupt the corpus part-way"
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert _check_whole(db) == n
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(DISTINCT external_id) FROM articles").fetchone()[0] == n
    con.close()
