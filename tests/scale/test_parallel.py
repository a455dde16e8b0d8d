"""parallel.process: all cores, same output as one process, in order, bounded, resumable."""

from __future__ import annotations

import os

import pytest
from scale_fakes import FakePipeline, PidPipeline, ThreadsPipeline

from frontlines import parallel
from frontlines.contract import to_record
from frontlines.errors import ConfigError, InputError
from frontlines.settings import load_settings


def settings(workers: int, batch: int = 4, engine: str = "local"):
    return load_settings(workers=workers, batch_size=batch, engine=engine)


def records(outputs) -> list:
    return [str(o) if isinstance(o, InputError) else to_record(o) for o in outputs]


def test_one_worker_runs_in_this_process(make_docs):
    out = list(parallel.process(make_docs(20), settings=settings(1), factory=PidPipeline))
    assert {r.errors for r in out} == {(f"pid:{os.getpid()}",)}


def test_two_workers_give_the_same_records_as_one(make_docs):
    one = records(parallel.process(make_docs(50, bad_every=7), settings=settings(1), factory=FakePipeline))
    two = records(parallel.process(make_docs(50, bad_every=7), settings=settings(2), factory=FakePipeline))
    assert two == one
    assert len(one) == 50


def test_two_workers_share_the_work_in_other_processes(make_docs):
    out = list(parallel.process(make_docs(40), settings=settings(2), factory=PidPipeline))
    pids = {r.errors[0] for r in out}
    assert len(pids) == 2
    assert f"pid:{os.getpid()}" not in pids


def test_results_come_back_in_input_order(make_docs):
    out = list(parallel.process(make_docs(60), settings=settings(2, batch=3), factory=FakePipeline))
    assert [r.article.source for r in out] == [f"doc{i}" for i in range(60)]


def test_reader_errors_keep_their_place(make_docs):
    inputs = list(make_docs(20))
    inputs.insert(9, InputError("broken.csv#row 9", "bad quoting", "fix the row"))
    out = list(parallel.process(inputs, settings=settings(2), factory=FakePipeline))
    assert isinstance(out[9], InputError)
    assert str(out[9]) == "broken.csv#row 9: bad quoting (hint: fix the row)"
    assert out[10].article.source == "doc9"


def test_build_errors_in_workers_come_back_as_input_errors(make_docs):
    out = list(parallel.process(make_docs(20, bad_every=5), settings=settings(2), factory=FakePipeline))
    bad = [i for i, o in enumerate(out) if isinstance(o, InputError)]
    assert bad == [4, 9, 14, 19]
    assert out[4].source == "doc4"


@pytest.mark.parametrize("workers", [1, 2])
def test_skip_drops_stored_articles_before_processing(make_docs, workers):
    stored = {FakePipeline.build_article(d).id for d in make_docs(30) if int(d.source[3:]) < 25}
    asked = []

    def skip(article_id: str) -> bool:
        asked.append(article_id)
        return article_id in stored

    out = list(parallel.process(make_docs(30), settings=settings(workers), skip=skip, factory=FakePipeline))
    assert [r.article.source for r in out] == [f"doc{i}" for i in range(25, 30)]
    assert len(asked) == 30


def test_input_is_pulled_only_as_fast_as_workers_finish(make_docs):
    pulled = 0

    def endless():
        nonlocal pulled
        for doc in make_docs(10**9):
            pulled += 1
            yield doc

    s = settings(2, batch=4)
    out = parallel.process(endless(), settings=s, factory=FakePipeline)
    for _ in zip(range(40), out, strict=False):
        pass
    out.close()
    window_items = parallel.WINDOW_PER_WORKER * 2 * s.batch_size
    assert pulled <= 40 + window_items + s.batch_size + 1


def test_stopping_early_shuts_the_workers_down(make_docs):
    out = parallel.process(make_docs(200), settings=settings(2), factory=PidPipeline)
    first = next(out)
    out.close()
    pid = int(first.errors[0].split(":")[1])
    import psutil

    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_a_small_input_stays_in_this_process(make_docs):
    out = list(parallel.process(make_docs(3), settings=settings(2), factory=PidPipeline))
    assert {r.errors for r in out} == {(f"pid:{os.getpid()}",)}


def test_an_unknown_engine_is_a_config_error(make_docs):
    with pytest.raises(ConfigError, match="unknown engine 'ray'"):
        list(parallel.process(make_docs(3), settings=settings(2, engine="ray")))


def test_workers_are_replaced_on_long_runs_without_losing_a_result(make_docs, monkeypatch):
    monkeypatch.setattr(parallel, "RECYCLE_ARTICLES", 8)
    out = list(parallel.process(make_docs(48), settings=settings(2), factory=PidPipeline))
    assert [r.article.source for r in out] == [f"doc{i}" for i in range(48)]
    assert len({r.errors[0] for r in out}) > 2


def test_workers_exit_when_their_parent_is_killed():
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    import psutil

    here = Path(__file__).parent
    proc = subprocess.Popen([sys.executable, str(here / "killed_parent.py")], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(here)})
    assert proc.stdout is not None
    pids = {int(proc.stdout.readline()), int(proc.stdout.readline())}
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(psutil.pid_exists(p) for p in pids):
        time.sleep(0.2)
    alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    for p in alive:
        os.kill(p, signal.SIGKILL)
    assert alive == []


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="Linux: the kernel ends a worker with its parent")
def test_a_worker_runs_one_thread(make_docs):
    """No thread watches the parent (PR_SET_PDEATHSIG does): a second thread slows spaCy's parse."""
    out = list(parallel.process(make_docs(16), settings=settings(2), factory=ThreadsPipeline))
    assert {r.errors[0] for r in out} == {"threads:1"}
