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
"""

from __future__ import annotations

import ctypes
import platform
import sys

#: glibc's ``mallopt`` parameters (malloc.h) and the values set.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 512 << 20

_tuned: bool | None = None


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
