"""The Dask engine: a local cluster with two workers gives the single-process output."""

from __future__ import annotations

import pytest
from scale_fakes import FakePipeline, PidPipeline

from frontlines import parallel
from frontlines.contract import to_record
from frontlines.errors import InputError
from frontlines.settings import load_settings

pytestmark = pytest.mark.slow


def records(outputs) -> list:
    return [str(o) if isinstance(o, InputError) else to_record(o) for o in outputs]


def test_dask_local_cluster_gives_the_single_process_records(make_docs):
    one = records(parallel.process(make_docs(40, bad_every=6), settings=load_settings(workers=1, batch_size=4),
                                   factory=FakePipeline))
    dask = records(parallel.process(make_docs(40, bad_every=6),
                                    settings=load_settings(workers=2, batch_size=4, engine="dask"),
                                    factory=FakePipeline))
    assert dask == one


def test_dask_runs_chunks_on_both_workers(make_docs):
    out = list(parallel.process(make_docs(40), settings=load_settings(workers=2, batch_size=4, engine="dask"),
                                factory=PidPipeline))
    assert [r.article.source for r in out] == [f"doc{i}" for i in range(40)]
    assert len({r.errors[0] for r in out}) == 2
