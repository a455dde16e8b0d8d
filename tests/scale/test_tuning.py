"""The malloc settings of pipeline processes (frontlines.tuning)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from frontlines import tuning

glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or tuning.platform.libc_ver()[0] != "glibc",
                           reason="the settings are glibc's")

# Run in a fresh interpreter (the settings are process-wide): tune, then allocate and free a 20 MB
# block twice; print whether the settings took and how many pages the second round faulted in.
_ROUNDS = """
import ctypes, resource, sys
from frontlines.tuning import tune_process
tuned = tune_process() if sys.argv[1] == "tune" else False
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
size = 20 << 20
def touch():
    p = libc.malloc(size)
    ctypes.memset(p, 1, size)
    libc.free(p)
touch()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
touch()
print(tuned, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> tuple[str, int]:
    out = subprocess.run([sys.executable, "-c", _ROUNDS, mode], capture_output=True, text=True, check=True)
    tuned, faults = out.stdout.split()
    return tuned, int(faults)


@glibc
def test_a_freed_block_is_reused_without_faulting_its_pages_in_again():
    tuned, faults = _faults("tune")
    assert tuned == "True"
    assert faults < 100  # 20 MB is 5,120 pages of 4 KB


@glibc
def test_without_the_settings_the_freed_block_faults_in_again():
    tuned, faults = _faults("plain")
    assert tuned == "False"
    assert faults > 1000


def test_tuning_twice_gives_the_same_answer():
    assert tuning.tune_process() == tuning.tune_process()


# In a fresh interpreter: declare the process frontlines' own (or not), load numpy, settle twice.
_OWN = """
import gc, os, sys
from frontlines import tuning
if sys.argv[1] == "own":
    tuning.own_process()
import numpy
first, second = tuning.settle(), tuning.settle()
print(first, second, os.environ.get("NUMPY_MADVISE_HUGEPAGE", "-"), os.environ.get("OPENBLAS_NUM_THREADS", "-"),
      gc.get_freeze_count() > 0, gc.get_threshold()[0])
"""


def _own(mode: str) -> list[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in tuning.OWN_ENV}
    return subprocess.run([sys.executable, "-c", _OWN, mode], capture_output=True, text=True, check=True,
                          env=env).stdout.split()


def test_a_process_frontlines_owns_gets_its_environment_and_settles_once():
    assert _own("own") == ["True", "False", "0", "1", "True", str(tuning.GC_THRESHOLDS[0])]


def test_any_other_process_is_left_alone():
    assert _own("plain") == ["False", "False", "-", "-", "False", "700"]
