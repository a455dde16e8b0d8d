#!/usr/bin/env python3
"""Soak run: ingest a synthetic corpus of N articles and report throughput over time and peak memory.

The corpus is generated from fixture sentences (fictional names mixed with real places), streamed to a
JSONL file, then ingested with the normal library call. Memory is sampled every few seconds for the
parent and its worker processes. Two phases: ingest (read, extract, store) and derived (link incidents, score
credibility over the whole store). Memory is flat when, in each phase, the last quarter's peak RSS is
within 10% of the second quarter's (the derived phase holds a moving window of open incidents: it
rises while the window fills, then must stay level).

Example:
    .venv/bin/python scripts/soak.py --articles 100000 --db /tmp/soak.db
    .venv/bin/python scripts/soak.py --articles 300 --json      # a short run (the slow test does this)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

SUBJECTS = ["Government forces", "Rebel fighters", "Unidentified gunmen", "Protesters", "Police",
            "Militants of the Northern Front", "Army units", "Residents"]
VERBS = ["clashed with militants near", "shelled positions outside", "took control of", "protested in",
         "attacked a checkpoint in", "arrested three men in", "struck a convoy north of", "withdrew from"]
PLACES = ["Aleppo", "Mosul", "Kabul", "Sanaa", "Tripoli", "Gao", "Kharkiv", "Idlib", "Marib", "Benghazi",
          "Kandahar", "Maiduguri", "Deir ez-Zor", "Homs", "Taiz", "Donetsk"]
FILLER = ["The situation remained tense, local sources said.", "No casualties were reported.",
          "Officials did not comment on the reports.", "The area has seen repeated fighting this year."]


def article(i: int, rng: random.Random) -> dict[str, str]:
    sents = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(PLACES)} on Sunday, killing {rng.randint(0, 9)}."
             for _ in range(rng.randint(2, 5))]
    sents += rng.sample(FILLER, 2)
    rng.shuffle(sents)
    day = 1 + i % 28
    return {"id": f"soak-{i}", "text": f"Report {i}.\n\n" + "\n\n".join(sents),
            "published": f"2020-05-{day:02d}", "outlet": f"Outlet {i % 13}"}


def write_corpus(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(article(i, rng)) + "\n")


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def quarter_growth(values: list[float]) -> float:
    """How much the last quarter's peak exceeds the second quarter's, relative to it (0.0 when too short)."""
    q = len(values) // 4
    if q == 0:
        return 0.0
    early, late = max(values[q:2 * q]), max(values[-q:])
    return (late - early) / max(early, 1.0)


def tree_rss_mb(pid: int) -> tuple[float, float]:
    """(parent RSS, largest child RSS) in MB."""
    children: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                children += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return rss_mb(pid), max((rss_mb(c) for c in children), default=0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="database [default: a temp file]")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--interval", type=float, default=5.0, help="seconds between samples")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)

    from frontlines.jobs import ingest_paths, update_derived
    from frontlines.settings import load_settings
    from frontlines.store import open_store

    tmp = Path(tempfile.mkdtemp(prefix="frontlines-soak-"))
    corpus = tmp / "corpus.jsonl"
    write_corpus(corpus, args.articles)
    db = args.db or str(tmp / "soak.db")
    settings = load_settings(db=db, workers=args.workers)
    samples: list[dict[str, Any]] = []
    done = threading.Event()
    state: dict[str, Any] = {"n": 0, "phase": "ingest"}
    t0 = time.monotonic()

    def sample() -> None:
        while not done.wait(args.interval):
            parent, child = tree_rss_mb(os.getpid())
            samples.append({"t": round(time.monotonic() - t0, 1), "phase": state["phase"], "articles": state["n"],
                            "rss_parent_mb": round(parent, 1), "rss_worker_mb": round(child, 1)})

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    store = open_store(db)
    report = ingest_paths([str(corpus)], store=store, settings=settings, derived=False,
                          progress=lambda n, _msg: state.__setitem__("n", n))
    ingest_s = time.monotonic() - t0
    state["phase"] = "derived"
    update_derived(store, settings)
    done.set()
    elapsed = time.monotonic() - t0
    stored = store.stats()["articles"]
    store.close()
    ingest = [s["rss_parent_mb"] + s["rss_worker_mb"] for s in samples if s["phase"] == "ingest"]
    derived = [s["rss_parent_mb"] for s in samples if s["phase"] == "derived"]
    growth = quarter_growth(ingest)
    plateau = quarter_growth(derived)
    out = {
        "articles": args.articles, "stored": stored, "errors": len(report.errors),
        "seconds": round(elapsed, 1), "ingest_seconds": round(ingest_s, 1),
        "articles_per_s": round(report.read / ingest_s, 2), "derived_seconds": round(elapsed - ingest_s, 1),
        "peak_rss_parent_mb": max((s["rss_parent_mb"] for s in samples), default=0.0),
        "peak_rss_worker_mb": max((s["rss_worker_mb"] for s in samples), default=0.0),
        "rss_growth_late_vs_early": round(growth, 3),
        "derived_peak_rss_mb": max(derived, default=0.0), "derived_growth_late_vs_early": round(plateau, 3),
        "flat_memory": growth < 0.10 and plateau < 0.10,
        "samples": samples,
    }
    if args.json:
        print(json.dumps(out))
    else:
        for s in samples:
            print(f"{s['t']:8.1f}s {s['phase']:8s} {s['articles']:8d} articles  parent {s['rss_parent_mb']:7.1f} MB  "
                  f"worker {s['rss_worker_mb']:7.1f} MB")
        print(f"{out['stored']}/{args.articles} stored in {out['ingest_seconds']} s ({out['articles_per_s']}/s); "
              f"peak RSS parent {out['peak_rss_parent_mb']} MB, worker {out['peak_rss_worker_mb']} MB; "
              f"ingest late/early growth {out['rss_growth_late_vs_early']:+.1%}; incidents in "
              f"{out['derived_seconds']} s, peak {out['derived_peak_rss_mb']} MB, late/early "
              f"{out['derived_growth_late_vs_early']:+.1%} → {'flat' if out['flat_memory'] else 'GROWING'}")
    return 0 if stored == args.articles and not report.errors else 1


if __name__ == "__main__":
    sys.exit(main())
