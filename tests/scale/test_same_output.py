"""The real pipeline gives the same records in one process, two processes and on a Dask cluster."""

from __future__ import annotations

import itertools

import pytest

from frontlines import parallel
from frontlines.contract import to_record
from frontlines.errors import InputError
from frontlines.settings import load_settings

pytestmark = pytest.mark.slow


def records(outputs) -> list:
    return [str(o) if isinstance(o, InputError) else to_record(o) for o in outputs]


@pytest.fixture(scope="module")
def corpus(sample_path, fakenews_csv) -> list:
    """The sample article and the first 11 FakeNewsCorpus rows (12 documents)."""
    from frontlines.ingest import read_inputs

    return list(itertools.islice(read_inputs([str(sample_path), str(fakenews_csv)]), 12))


@pytest.fixture(scope="module")
def single(pipeline, corpus) -> list:
    return records(pipeline.process(corpus))


def test_the_corpus_has_events_to_compare(single):
    assert len(single) == 12
    assert sum(len(r["events"]) for r in single if isinstance(r, dict)) > 0


def test_two_processes_give_the_single_process_records(corpus, single):
    settings = load_settings(workers=2, batch_size=3)
    assert records(parallel.process(corpus, settings=settings)) == single


def test_resuming_with_skip_gives_the_records_not_yet_stored(corpus, single):
    settings = load_settings(workers=2, batch_size=3)
    done = {r["article_id"] for r in single[:5] if isinstance(r, dict)}
    out = records(parallel.process(corpus, settings=settings, skip=done.__contains__))
    assert out == [r for r in single if not (isinstance(r, dict) and r["article_id"] in done)]


def test_a_dask_cluster_of_two_gives_the_single_process_records(corpus, single):
    settings = load_settings(workers=2, batch_size=3, engine="dask")
    assert records(parallel.process(corpus, settings=settings)) == single
