"""The real pipeline gives the same records in one process, two processes, on a Dask cluster and
under another string-hash seed."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

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


# Run in a fresh interpreter: the records of the test's 12 documents (as JSON) and hash("frontlines").
_OTHER_SEED = """
import itertools, json, sys
from frontlines.contract import to_record
from frontlines.errors import InputError
from frontlines.ingest import read_inputs
from frontlines.pipeline import Pipeline
from frontlines.settings import load_settings
raws = list(itertools.islice(read_inputs(sys.argv[1:]), 12))
out = Pipeline(load_settings(), event_model=None).process(raws)
recs = [str(o) if isinstance(o, InputError) else to_record(o) for o in out]
print(json.dumps({"hash": hash("frontlines"), "records": recs}, default=str))
"""


def test_another_hash_seed_gives_the_same_records(sample_path, fakenews_csv, single):
    """Nothing may depend on the order a set or dict of strings iterates in (it changes with
    PYTHONHASHSEED, i.e. from one process to the next): a tie broken by that order would give
    another record for the same text in another run."""
    import frontlines

    ours = os.environ.get("PYTHONHASHSEED", "")
    other = str(int(ours) + 1) if ours.isdigit() else "0"  # unset or "random": this process's seed is random
    src = str(Path(frontlines.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONHASHSEED": other,
           "PYTHONPATH": os.pathsep.join([src, *filter(None, [os.environ.get("PYTHONPATH")])])}
    run = subprocess.run([sys.executable, "-c", _OTHER_SEED, str(sample_path), str(fakenews_csv)],
                         env=env, capture_output=True, text=True, timeout=600, check=True)
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["hash"] != hash("frontlines")  # the run did use another seed
    assert got["records"] == json.loads(json.dumps(single, default=str))
