"""Writes synthetic articles into a store, one transaction each, until killed (for the SIGKILL test).

    python crash_writer.py STORE_URL N [PAUSE_SECONDS]
Article i has i % 3 events, each with its place; already stored articles are skipped. The pause
between articles stands for the NLP work an ingest does between two writes.
"""

from __future__ import annotations

import sys
import time

from store_helpers import make_result

from frontlines.store import open_store


def article(i: int):
    events = [{"type": "Battles", "place": f"Place {i}-{j}", "lat": 10.0 + j, "lon": 20.0 + j,
               "date": "2017-06-18", "actor": f"Actor {j}"} for j in range(i % 3)]
    return make_result(f"Synthetic report number {i}. " * 20, events=events)


def main(url: str, n: int, pause: float = 0.0) -> None:
    store = open_store(url)
    for i in range(n):
        r = article(i)
        if not store.has_article(r.article.id):
            store.save(r)
            time.sleep(pause)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 0.0)
