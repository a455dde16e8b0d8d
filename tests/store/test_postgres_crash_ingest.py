"""SIGKILL a real two-worker `frontlines ingest` into PostgreSQL: whole articles only, no orphan workers,
and a re-run completes the corpus with no duplicates."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from store_helpers import pg_schema_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

KILLS = int(os.environ.get("FRONTLINES_PG_INGEST_KILLS", "4"))
ROOT = Path(__file__).resolve().parents[2]


def whole_articles(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        if conn.execute("SELECT to_regclass('articles')").fetchone()[0] is None:
            return 0
        torn = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE "
            "a.n_places <> (SELECT COUNT(*) FROM places p WHERE p.article_id = a.id) OR "
            "a.n_events <> (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)").fetchone()[0]
        assert torn == 0, f"{torn} partly written articles"
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_sigkill_a_two_worker_ingest_into_postgres(pg_schema, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from soak import write_corpus

    n = 120
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, n, seed=3)
    url = pg_schema_url(pg_schema)
    cmd = [sys.executable, "-m", "frontlines.cli", "--db", url, "ingest", str(corpus), "--workers", "2", "-q"]
    rng = random.Random(8)
    counts = []
    for _ in range(KILLS):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(8.0, 20.0))
        workers = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)] if proc.poll() is None else []
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(psutil.pid_exists(p) for p in workers):
            time.sleep(0.2)
        assert [p for p in workers if psutil.pid_exists(p)] == [], "workers outlived the killed ingest"
        counts.append(whole_articles(url))
        if counts[-1] == n:
            break
    assert counts == sorted(counts)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert whole_articles(url) == n
    import psycopg

    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT COUNT(DISTINCT external_id) FROM articles").fetchone()[0] == n
