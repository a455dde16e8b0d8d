"""SIGKILL a writer at random points: PostgreSQL keeps only whole articles, and a re-run completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import pg_schema_url

pytestmark = pytest.mark.postgres

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = int(os.environ.get("FRONTLINES_CRASH_KILLS", "50"))
ARTICLES = 600 * KILLS  # more than the killed runs can write (at most ~400/s), so every kill lands mid-run


def counts(url: str) -> tuple[int, int, int]:
    """(articles, articles whose places/events rows disagree with their counts, duplicate rows)."""
    import psycopg

    with psycopg.connect(url) as conn:
        if conn.execute("SELECT to_regclass('articles')").fetchone()[0] is None:
            return 0, 0, 0  # killed before the schema was made
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        torn = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE "
            "a.n_places <> (SELECT COUNT(*) FROM places p WHERE p.article_id = a.id) OR "
            "a.n_events <> (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)").fetchone()[0]
        dups = conn.execute("SELECT (SELECT COUNT(*) - COUNT(DISTINCT id) FROM articles) + "
                            "(SELECT COUNT(*) - COUNT(DISTINCT id) FROM events)").fetchone()[0]
    return n, torn, dups


def test_sigkill_during_writes_leaves_whole_articles_and_a_rerun_completes(pg_schema):
    url = pg_schema_url(pg_schema)
    rng = random.Random(20170618)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(WRITER.parent), os.environ.get("PYTHONPATH", "")])}
    seen = []
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, str(WRITER), url, str(ARTICLES), "0.0025"], env=env)
        time.sleep(rng.uniform(0.5, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        n, torn, dups = counts(url)
        assert (torn, dups) == (0, 0)
        seen.append(n)
    assert seen[-1] < ARTICLES, "the writer finished before the last kill: raise ARTICLES"
    assert len(set(seen)) > KILLS // 2, "too few kills landed while articles were being written"
    subprocess.run([sys.executable, str(WRITER), url, str(ARTICLES)], env=env, check=True, timeout=600)
    assert counts(url) == (ARTICLES, 0, 0)
