"""The loopback load script: a short mixed run with a concurrent writer has no errors and loses no writes.

Throughput is measured by running ``scripts/load_test.py`` by hand (docs/web.md);
here only correctness under load is asserted, since speed depends on the machine.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "load_test.py"


@pytest.fixture(scope="module")
def load_test():
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mixed_load_with_a_writer_loses_nothing(load_test, tmp_path):
    db = load_test.build_db(tmp_path / "load.db", 1000)
    summary = load_test.run(db, mode="mixed", duration=4, requests=5000, connections=4, writer=True, write_rate=20)
    assert summary["requests"] > 20
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["writes_reported"] > 0
    assert summary["lost_writes"] == 0


def test_events_endpoint_under_load(load_test, tmp_path):
    db = load_test.build_db(tmp_path / "load.db", 1000)
    summary = load_test.run(db, mode="events", duration=3, requests=3000, connections=4)
    assert summary["errors"] == 0 and summary["requests"] > 50
    assert summary["p99_ms"] >= summary["p50_ms"] > 0
