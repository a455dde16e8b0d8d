"""Runs parallel.process with slow fake workers and prints each worker's pid as it appears (for a test
that SIGKILLs this process and checks that no worker outlives it)."""

from __future__ import annotations

from scale_fakes import PidPipeline, docs

from frontlines import parallel
from frontlines.settings import load_settings

if __name__ == "__main__":
    seen = set()
    for r in parallel.process(docs(10**6), settings=load_settings(workers=2, batch_size=2), factory=PidPipeline):
        pid = r.errors[0]
        if pid not in seen:
            seen.add(pid)
            print(pid.split(":")[1], flush=True)
