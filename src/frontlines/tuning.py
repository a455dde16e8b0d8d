"""Settings of a process that runs the pipeline over many documents (docs/scale.md, round 6).

glibc's ``malloc`` gives freed memory back to the system eagerly: blocks above its mmap threshold
are unmapped when freed, and free space above 128 KB at the top of the heap is trimmed. The spaCy
parse of a batch allocates and frees some hundred megabytes of arrays, so with the stock settings
each batch faults the same memory in again, page by page (system CPU time: about a tenth of the
pipeline's CPU on the bench corpus). :func:`tune_process` keeps that memory mapped: blocks up to
32 MB (the top of glibc's own adaptive range) come from the heap, and the heap is trimmed only when
more than 512 MB lie free at its top. Peak memory is unchanged (the same blocks are reused);
resident memory no longer falls between batches. Output does not depend on it.

It is applied to the processes that run :class:`~frontlines.pipeline.Pipeline` chunks
(:mod:`frontlines.parallel`, :mod:`frontlines.distributed`), never on import. Elsewhere than Linux
with glibc it does nothing.

A process frontlines starts itself to run the pipeline (a worker of :mod:`frontlines.parallel`, a pass
of ``frontlines bench``) is also declared with :func:`own_process` (round 7): before numpy loads, its
environment asks for one BLAS/OpenMP thread (one process per core; OpenBLAS's second thread only spun
beside the gate's matrix product) and no transparent huge pages for numpy's arrays
(``NUMPY_MADVISE_HUGEPAGE=0``: numpy's own switch, read on import; the kernel's huge-page faults cost
system time on every batch); and once its first batch is done (:func:`settle`), what is loaded by
then (model, gazetteer, lexicons, encoder, caches) is frozen out of the cyclic garbage collector
(``gc.freeze``) and young collections run less often, so full collections no longer walk the model's
objects again and again. None of this changes any output.
"""

from __future__ import annotations

import ctypes
import gc
import os
import platform
import sys

#: glibc's ``mallopt`` parameters (malloc.h) and the values set.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 512 << 20

#: The environment of a process frontlines owns, set (unless already set) before numpy loads.
OWN_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "NUMPY_MADVISE_HUGEPAGE": "0"}
#: ``gc.set_threshold`` once settled: a young collection every 10,000 allocations, not 700.
GC_THRESHOLDS = (10_000, 20, 20)

_tuned: bool | None = None
_owned = False
_settled = False


def tune_process() -> bool:
    """Apply the malloc settings above to this process (once); whether they are in force."""
    global _tuned
    if _tuned is None:
        _tuned = _set_malloc()
    return _tuned


def _set_malloc() -> bool:
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # Both or neither: setting either one turns glibc's adaptive mmap threshold off.
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def thread_environment() -> None:
    """One BLAS/OpenMP thread in this process (takes effect if numpy has not loaded yet): one process
    per core, no oversubscription."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, OWN_ENV[var])


def own_process() -> None:
    """Declare this process one that frontlines started to run the pipeline: :data:`OWN_ENV` is set
    (where unset; numpy reads it when it loads, so call this first) and :func:`settle` will act."""
    global _owned
    _owned = True
    thread_environment()
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", OWN_ENV["NUMPY_MADVISE_HUGEPAGE"])


def settle() -> bool:
    """In a process declared with :func:`own_process`, once (after its first batch, when everything
    the pipeline loads lazily is in): collect, freeze what is left out of the cyclic garbage
    collector and raise its thresholds to :data:`GC_THRESHOLDS`. Elsewhere it does nothing (a
    library user's objects are left alone). Whether it acted now."""
    global _settled
    if not _owned or _settled:
        return False
    _settled = True
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    return True
