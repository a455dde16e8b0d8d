"""Run the pipeline over many documents: one process, all cores, or a Dask cluster.

``process(raws, settings=...)`` is the one entry point. With ``settings.n_workers``
> 1 it starts that many worker processes ("spawn" context); each loads the
:class:`~frontlines.pipeline.Pipeline` (spaCy, gazetteer, actors) once and runs
chunks of ``settings.batch_size`` documents through ``Pipeline.process`` (the
single-process code itself, so output is identical by construction). The
parent stays light: it reads input, forms chunks and yields results in input
order. At most ``2 × workers`` chunks are in flight, so input is pulled only as
fast as workers finish (bounded memory on endless streams).

Resume: with a ``skip`` callback the parent builds each article (cheap: no NLP)
to learn its id, drops stored ones, and sends only the rest to the workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .chunks import WINDOW_PER_WORKER, Factory, Item, Output, builder, ordered, run_chunk, worker_pipeline
from .distributed import process_dask
from .errors import ConfigError, InputError
from .records import RawDoc, Result
from .settings import Settings
from .tuning import own_process, settle, tune_process

ENGINES = ("local", "dask")

#: Articles a worker process handles before it is replaced by a fresh one (flat memory on long runs).
RECYCLE_ARTICLES = 20_000

__all__ = ["ENGINES", "RECYCLE_ARTICLES", "WINDOW_PER_WORKER", "process", "worker_pipeline"]


def process(raws: Iterable[RawDoc | InputError], *, settings: Settings,
            skip: Callable[[str], bool] | None = None, factory: Factory | None = None,
            address: str | None = None) -> Iterator[Result | InputError]:
    """Results (or reader errors) in input order, using ``settings.n_workers`` / ``settings.engine``.

    ``skip(article_id)`` lets the caller drop articles already stored before any NLP is done
    (resume after interruption). ``address`` is a Dask scheduler (``tcp://host:8786``) for
    ``engine = "dask"``; without one a local cluster is started.
    """
    if settings.engine not in ENGINES:
        raise ConfigError(f"unknown engine {settings.engine!r} (use one of: {', '.join(ENGINES)})")
    if settings.engine == "dask":
        yield from process_dask(raws, settings=settings, skip=skip, factory=factory,
                                address=address or settings.address or None)
        return
    n = settings.n_workers
    it = iter(raws)
    if n <= 1:
        yield from _in_process(it, settings=settings, skip=skip, factory=factory)
        return
    # Small inputs (one chunk or less) are not worth starting workers for.
    head = _take(it, settings.batch_size + 1)
    if len(head) <= settings.batch_size:
        yield from _in_process(iter(head), settings=settings, skip=skip, factory=factory)
        return
    with _Pool(n, settings, factory) as pool:
        yield from ordered(_chain(head, it), submit=pool.submit, settings=settings, skip=skip,
                           window=WINDOW_PER_WORKER * n, build=builder(factory, settings))


def _init_worker(settings: Settings, factory: Factory | None) -> None:
    own_process()
    _exit_with_parent()
    worker_pipeline(settings, factory)


def _exit_with_parent(interval: float = 1.0) -> None:
    """Exit this worker when its parent dies (SIGKILL, OOM killer): no orphan keeps a core busy.

    On Linux the kernel does it (``PR_SET_PDEATHSIG``: SIGKILL when the parent's thread that
    started the worker ends; the pool starts its workers from the thread that submits chunks), so
    the worker keeps one thread: a second one makes spaCy's parse slower (docs/scale.md, round 8).
    Elsewhere a thread watches the parent.
    """
    parent = os.getppid()
    if _kill_with_parent():
        if os.getppid() != parent:  # it died before the signal was asked for
            os._exit(1)
        return
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="frontlines-parent-watch", daemon=True).start()


#: ``prctl`` option (linux/prctl.h): the signal this process gets when its parent ends.
PR_SET_PDEATHSIG = 1


def _kill_with_parent() -> bool:
    """Ask the kernel for SIGKILL when the parent ends; whether it was granted (Linux only)."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


# -- local processes ---------------------------------------------------------------------------


class _Pool:
    """Worker processes that each hold one pipeline; closed (and cancelled) on exit.

    Every ``RECYCLE_ARTICLES`` articles per worker the pool is replaced by a fresh one
    (the old one finishes its chunks, then exits), so whatever a long run accumulates
    in a worker (spaCy's string store, caches) is given back: memory stays flat.
    ``max_tasks_per_child`` would do this, but hangs on Python 3.11.
    """

    def __init__(self, n: int, settings: Settings, factory: Factory | None) -> None:
        self.n = n
        self.settings = settings
        self.factory = factory
        self.recycle_after = max(1, RECYCLE_ARTICLES * n // max(1, settings.batch_size))
        self.retired: list[ProcessPoolExecutor] = []
        self.submitted = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing

        return ProcessPoolExecutor(max_workers=self.n, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.settings, self.factory))

    def submit(self, items: list[Item]) -> Future[list[Any]]:
        if self.submitted >= self.recycle_after:
            self.executor.shutdown(wait=False)  # its queued chunks still run
            self.retired.append(self.executor)
            self.executor = self._start()
            self.submitted = 0
        self.submitted += 1
        return self.executor.submit(run_chunk, self.settings, self.factory, items)

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        # Normal end or the consumer stopped early: wait for workers to exit; on errors, don't.
        wait = exc[0] in (None, GeneratorExit)
        for ex in (*self.retired, self.executor):
            ex.shutdown(wait=wait, cancel_futures=True)


def _in_process(raws: Iterator[RawDoc | InputError], *, settings: Settings,
                skip: Callable[[str], bool] | None, factory: Factory | None) -> Iterator[Output]:
    pipe = worker_pipeline(settings, factory) if factory is not None else None
    if pipe is None:
        from .pipeline import Pipeline

        tune_process()
        pipe = Pipeline(settings)
    for n, out in enumerate(pipe.process(raws, skip=skip), 1):
        yield out
        if n == settings.batch_size:
            settle()  # in a process frontlines started (a bench pass), once the first batch is done


def _take(it: Iterator[Any], n: int) -> list[Any]:
    out = []
    for x in it:
        out.append(x)
        if len(out) >= n:
            break
    return out


def _chain(head: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from head
    yield from rest
