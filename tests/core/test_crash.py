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


def _ingest(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "frontlines.cli", "--db", str(db), "ingest", str(corpus), "--workers", "1", "-q"]


def _seconds_to_first_article(db: Path, corpus: Path, env: dict[str, str]) -> float:
    """Run a whole ingest of ``corpus`` (which also makes what a first run makes: the gazetteer, the
    encoder's int8 file) and time how long its first article took to be stored."""
    start = time.monotonic()
    proc = subprocess.Popen(_ingest(db, corpus), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = None
    while proc.poll() is None:
        if first is None and db.exists() and _stored(db):
            first = time.monotonic() - start
        time.sleep(0.1)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    return first if first is not None else time.monotonic() - start


def _stored(db: Path) -> int:
    con = sqlite3.connect(db, timeout=5)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return 0
        return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_a_whole_database_and_a_rerun_completes_it(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    n = 6000  # large enough that no run finishes before it is killed
    _corpus(corpus, n)
    db = tmp_path / "crash.db"
    cmd = _ingest(db, corpus)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    warm = tmp_path / "warm.jsonl"
    warm.write_text("".join(corpus.read_text("utf-8").splitlines(keepends=True)[:40]), "utf-8")
    # Kills fall from 1 s to 5 s past the moment this machine stores its first article, so some land
    # while a run starts (schema, models) and most while it writes, on a fast machine or a slow one.
    # Timed on a second run: the first may make the gazetteer and the encoder's int8 file.
    _seconds_to_first_article(tmp_path / "warm.db", warm, env)
    latest = _seconds_to_first_article(tmp_path / "warm2.db", warm, env) + 5.0
    rng = random.Random(5)
    counts = []
    kills = 0
    while kills < KILLS and len(counts) < 3 * KILLS:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, latest))
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
