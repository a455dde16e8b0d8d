"""Run the pipeline over many documents: one process, all cores, or a Dask cluster.

(Owner: scale. Single-process fallback until filled in.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .errors import InputError
from .records import RawDoc, Result
from .settings import Settings


def process(raws: Iterable[RawDoc | InputError], *, settings: Settings,
            skip: Callable[[str], bool] | None = None) -> Iterator[Result | InputError]:
    """Results (or reader errors) in input order, using ``settings.n_workers`` / ``settings.engine``.

    ``skip(article_id)`` lets the caller drop articles already stored before any NLP is done
    (resume after interruption).
    """
    from .pipeline import Pipeline

    pipe = Pipeline(settings)
    yield from pipe.process(raws, skip=skip)
