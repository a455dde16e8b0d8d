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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .errors import ConfigError, InputError
from .records import Article, RawDoc, Result
from .settings import Settings

#: Builds the object workers run: ``factory(settings)`` with ``process(raws)`` and ``run(articles)``
#: like :class:`~frontlines.pipeline.Pipeline` (the default). Must be picklable (a module-level callable).
#: A factory with a ``build_article(raw)`` attribute builds articles that way (default: ``ingest.build_article``).
Factory = Callable[[Settings], Any]

ENGINES = ("local", "dask")

#: Chunks in flight per worker: enough to keep every worker busy while the parent reads and yields.
WINDOW_PER_WORKER = 2

#: Articles a worker process handles before it is replaced by a fresh one (flat memory on long runs).
RECYCLE_ARTICLES = 20_000

Item = RawDoc | Article
Output = Result | InputError


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
        from .distributed import process_dask

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
                           window=WINDOW_PER_WORKER * n, build=builder(factory))


# -- the parent side, shared with the Dask engine ------------------------------------------------


def ordered(raws: Iterator[RawDoc | InputError], *, submit: Callable[[list[Item]], Future[list[Any]]],
            settings: Settings, skip: Callable[[str], bool] | None, window: int,
            build: Callable[[RawDoc], Article] | None = None) -> Iterator[Output]:
    """Chunk the input, ``submit`` chunks (at most ``window`` in flight) and yield outputs in input order.

    ``submit(items)`` returns a future of that chunk's outputs (``Result`` or an error tuple).
    Reader errors and build errors found in the parent keep their place in the order.
    """
    pending: deque[Future[list[Any]] | list[Any]] = deque()
    chunk: list[Item] = []
    size = max(1, settings.batch_size)

    def flush() -> None:
        nonlocal chunk
        if chunk:
            pending.append(submit(chunk))
            chunk = []

    def drain(block_above: int) -> Iterator[Output]:
        """Yield finished chunks at the head; wait on the head while more than ``block_above`` are pending."""
        while pending and (len(pending) > block_above or _ready(pending[0])):
            head = pending.popleft()
            for out in head if isinstance(head, list) else head.result():
                yield _from_wire(out)

    for raw in raws:
        item: Item | InputError = raw
        if skip is not None and isinstance(raw, RawDoc):
            item = _build(raw, build)
            if isinstance(item, Article) and skip(item.id):
                continue
        if isinstance(item, InputError):
            flush()
            pending.append([item])
        else:
            chunk.append(item)
            if len(chunk) >= size:
                flush()
        yield from drain(window)
    flush()
    yield from drain(0)


def _ready(entry: Future[list[Any]] | list[Any]) -> bool:
    return isinstance(entry, list) or entry.done()


def builder(factory: Factory | None) -> Callable[[RawDoc], Article]:
    """How the parent builds articles (to learn ids for ``skip``)."""
    build = getattr(factory, "build_article", None)
    if build is None:
        from .ingest import build_article

        return build_article
    return build  # type: ignore[no-any-return]


def _build(raw: RawDoc, build: Callable[[RawDoc], Article] | None) -> Article | InputError:
    try:
        return (build or builder(None))(raw)
    except InputError as err:
        return err


def _from_wire(out: Any) -> Output:
    """A worker output back to a record: ("error", source, problem, hint) tuples become InputErrors."""
    if isinstance(out, tuple) and out and out[0] == "error":
        return InputError(out[1], out[2], out[3])
    return out  # type: ignore[no-any-return]


def _to_wire(out: Any) -> Any:
    if isinstance(out, InputError):
        return ("error", out.source, out.problem, out.hint)
    return out


# -- the worker side ---------------------------------------------------------------------------

_PIPELINES: dict[tuple[Settings, Any], Any] = {}


def worker_pipeline(settings: Settings, factory: Factory | None = None) -> Any:
    """This process's pipeline for ``settings``, built (and warmed up) once."""
    key = (settings, factory)
    pipe = _PIPELINES.get(key)
    if pipe is None:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # one process per core: no thread oversubscription
        if factory is None:
            from .pipeline import Pipeline

            pipe = Pipeline(settings)
            pipe.nlp, pipe.gazetteer, pipe.actors  # noqa: B018 - load now, not inside the first chunk
        else:
            pipe = factory(settings)
        _PIPELINES[key] = pipe
    return pipe


def run_chunk(settings: Settings, factory: Factory | None, items: list[Item]) -> list[Any]:
    """One chunk through the pipeline (all RawDocs, or all Articles built by the parent)."""
    pipe = worker_pipeline(settings, factory)
    if items and isinstance(items[0], Article):
        outs: Iterable[Any] = pipe.run(items)
    else:
        outs = pipe.process(items)
    return [_to_wire(o) for o in outs]


def _init_worker(settings: Settings, factory: Factory | None) -> None:
    _exit_with_parent()
    worker_pipeline(settings, factory)


def _exit_with_parent(interval: float = 1.0) -> None:
    """Exit this worker when its parent dies (SIGKILL, OOM killer): no orphan keeps a core busy."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="frontlines-parent-watch", daemon=True).start()


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

        pipe = Pipeline(settings)
    yield from pipe.process(raws, skip=skip)


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
