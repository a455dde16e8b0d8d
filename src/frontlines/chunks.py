"""Chunked runs shared by both engines (local processes and Dask).

The parent side (:func:`ordered`) forms chunks of ``settings.batch_size`` documents, keeps at most a
window of them in flight and yields outputs in input order; the worker side (:func:`run_chunk`) runs
one chunk through the process's pipeline, built once (:func:`worker_pipeline`). Errors cross process
boundaries as plain tuples.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from functools import partial
from typing import Any

from .errors import InputError
from .ingest import build_article
from .records import Article, RawDoc, Result
from .settings import Settings
from .tuning import settle, thread_environment, tune_process

#: Builds the object workers run: ``factory(settings)`` with ``process(raws)`` and ``run(articles)``
#: like :class:`~frontlines.pipeline.Pipeline` (the default). Must be picklable (a module-level callable).
#: A factory with a ``build_article(raw)`` attribute builds articles that way (default: ``ingest.build_article``).
Factory = Callable[[Settings], Any]

#: Chunks in flight per worker: enough to keep every worker busy while the parent reads and yields.
WINDOW_PER_WORKER = 2

Item = RawDoc | Article
Output = Result | InputError


def ordered(raws: Iterator[RawDoc | InputError], *, submit: Callable[[list[Item]], Future[list[Any]]],
            settings: Settings, skip: Callable[[str], bool] | None, window: int,
            build: Callable[[RawDoc], Article]) -> Iterator[Output]:
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


def builder(factory: Factory | None, settings: Settings) -> Callable[[RawDoc], Article]:
    """How the parent builds articles (to learn ids for ``skip``): as the workers' pipeline would."""
    build = getattr(factory, "build_article", None)
    if build is None:
        return partial(build_article, default_language=settings.default_language)
    return build  # type: ignore[no-any-return]


def _build(raw: RawDoc, build: Callable[[RawDoc], Article]) -> Article | InputError:
    try:
        return build(raw)
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
        thread_environment()  # one process per core: no thread oversubscription
        if factory is None:
            from .pipeline import Pipeline

            tune_process()
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
    done = [_to_wire(o) for o in outs]
    settle()  # once, in a process frontlines started: what the first chunk loaded stays out of the gc
    return done


