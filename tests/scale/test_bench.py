"""The bench command's arithmetic and bookkeeping (timed runs are in test_bench_run.py, slow)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.bench import (
    BenchReport,
    PassResult,
    append_result,
    repeat,
    rss_growth,
    steady_start,
    summarise,
)
from frontlines.cli import cli


def a_pass(mode: str, workers: int, rate: float, rss: float = 500.0) -> PassResult:
    return PassResult(mode=mode, workers=workers, articles=100, words=50_000, seconds=10.0, steady_seconds=9.0,
                      steady_articles=90, articles_per_s=rate, words_per_s=rate * 500, peak_rss_mb=rss * workers,
                      peak_rss_worker_mb=rss)


def test_ratio_is_pipeline_over_spacy_at_the_same_worker_count():
    s = summarise([a_pass("pipeline", 1, 6.0), a_pass("spacy", 1, 10.0)])
    assert s["ratio"] == {"1": 0.6}
    assert s["targets"]["ratio>=0.75"] is False
    assert summarise([a_pass("pipeline", 1, 7.5), a_pass("spacy", 1, 10.0)])["targets"]["ratio>=0.75"] is True


def test_scaling_is_the_rate_with_two_workers_over_one():
    s = summarise([a_pass("pipeline", 1, 5.0), a_pass("pipeline", 2, 8.0)])
    assert s["scaling"]["pipeline"] == {"1->2": 1.6}
    assert s["targets"]["scaling_1->2>=1.7"] is False


def test_a_worker_over_1_5_gb_misses_the_memory_target():
    s = summarise([a_pass("pipeline", 2, 5.0, rss=1600.0)])
    assert s["targets"]["rss_per_worker<1.5GB"] is False


def test_repeat_cycles_the_corpus_lazily():
    assert list(repeat(["a", "b", "c"], 7)) == ["a", "b", "c", "a", "b", "c", "a"]


def test_results_are_appended_one_json_line_each(tmp_path):
    report = BenchReport(date="2026-01-01T00:00:00+00:00", commit="abc", machine={"cpu_count": 2},
                         corpus={}, settings={}, passes=(a_pass("pipeline", 1, 5.0),))
    out = tmp_path / "bench" / "results.jsonl"
    append_result(report, out)
    append_result(report, out)
    lines = out.read_text().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["passes"][0]["articles_per_s"] == 5.0


@pytest.mark.parametrize("bad", ["one,two", ","])
def test_bad_worker_counts_are_a_one_line_error(bad):
    result = CliRunner().invoke(cli, ["bench", "--workers", bad, "--no-save"])
    assert result.exit_code == 2
    assert "--workers" in result.output
    assert "e.g. 1,2" in result.output


def test_zero_articles_is_refused():
    result = CliRunner().invoke(cli, ["bench", "--articles", "0", "--no-save"])
    assert result.exit_code == 2
    assert "--articles 0" in result.output


def test_steady_state_starts_after_the_warm_up_chunks():
    assert steady_start(200, warm=64, batch=32) == 64


def test_a_short_run_times_its_second_half_on_a_chunk_boundary():
    assert steady_start(40, warm=64, batch=8) == 16


def test_a_run_shorter_than_two_chunks_is_timed_from_the_start():
    assert steady_start(24, warm=32, batch=32) == 0


def test_memory_growth_compares_the_last_quarter_with_the_second():
    timeline = [(i * 5.0, i * 10, 500.0 + (50.0 if i >= 6 else 0.0)) for i in range(8)]
    assert rss_growth(timeline) == 50.0


def test_flat_memory_has_no_growth():
    assert rss_growth([(i * 5.0, i, 700.0) for i in range(12)]) == 0.0


def test_cpu_ratio_is_spacy_cpu_per_article_over_the_pipelines():
    from dataclasses import replace

    s = summarise([replace(a_pass("pipeline", 1, 6.0), cpu_per_article_ms=500.0),
                   replace(a_pass("spacy", 1, 10.0), cpu_per_article_ms=400.0)])
    assert s["cpu_ratio"] == {"1": 0.8}
