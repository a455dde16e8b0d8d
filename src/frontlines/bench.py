"""The benchmark: the full pipeline against a plain spaCy pass, per number of workers.

``run_bench(settings=..., articles=N, workers=(1, 2))`` reads the bench corpus
(``examples/`` and, when present, the FakeNewsCorpus sample), keeps the English
articles the pipeline would parse, repeats them to ``N`` and times two passes for
each worker count, each in a fresh process so memory figures are its own:

* ``pipeline``: ``parallel.process`` over the RawDocs: cleaning + metadata, parse,
  places, events (no database writes);
* ``spacy``: the same machinery (same processes, chunks and batch size) with
  every stage but ``nlp.pipe`` removed, over the same texts the pipeline parses,
  through plain spaCy: the installed model as ``spacy.load`` gives it, without
  the faster components frontlines puts in its place (:func:`frontlines.nlp.accelerate`).

Throughput is measured in the steady state (after the first ``workers × batch``
articles, or the first half of a short run, so model loading is not counted; the
total wall time is reported too).
Peak RSS is sampled over the whole process tree (runner + workers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import platform
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import psutil

from .errors import ConfigError, InputError
from .records import Article, RawDoc, Result
from .settings import Settings

#: Where the bench corpus comes from, in this order; missing entries are skipped.
DEFAULT_CORPUS = ("examples", "../shared/corpus/fakenews-sample.csv")

#: The targets of issues 11 and 13 (2 cores).
TARGETS = {"ratio": 0.75, "scaling_1_to_2": 1.7, "rss_per_worker_mb": 1536}


@dataclass(frozen=True)
class PassResult:
    """One timed pass."""

    mode: str  # "pipeline" or "spacy"
    workers: int
    articles: int
    words: int
    seconds: float  # wall time, start to last result, model loading included
    steady_seconds: float
    steady_articles: int
    articles_per_s: float  # steady state
    words_per_s: float  # steady state
    peak_rss_mb: float  # whole process tree
    peak_rss_worker_mb: float  # the largest single process
    events: int = 0
    places: int = 0
    cpu_seconds: float = 0.0  # user + system over the process tree, whole pass
    cpu_per_article_ms: float = 0.0  # steady state: robust to other load on the machine
    cores_used: float = 0.0  # steady-state CPU seconds per wall second; well under ``workers`` = starved
    load_average: float = 0.0  # the machine's 1-minute load when the pass ended (others' work shows here)
    rss_timeline: tuple[tuple[float, int, float], ...] = ()  # (seconds, articles done, tree RSS MB)


@dataclass(frozen=True)
class BenchReport:
    date: str
    commit: str
    machine: dict[str, Any]
    corpus: dict[str, Any]
    settings: dict[str, Any]
    passes: tuple[PassResult, ...]
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- corpus ------------------------------------------------------------------------------------


def load_corpus(paths: Sequence[str | Path], *, settings: Settings) -> list[tuple[RawDoc, int]]:
    """The distinct documents the pipeline would parse, with their word counts."""
    from .ingest import build_article, read_inputs
    from .pipeline import extractable

    found = [str(p) for p in paths if Path(p).exists()]
    if not found:
        raise ConfigError(f"no bench corpus found at {', '.join(map(str, paths))} (pass --corpus PATH)")
    docs: list[tuple[RawDoc, int]] = []
    for raw in read_inputs(found, max_bytes=settings.max_input_bytes):
        if isinstance(raw, InputError):
            continue
        try:
            article = build_article(raw, default_language=settings.default_language)
        except InputError:
            continue
        if extractable(article):
            docs.append((raw, len(parse_text(article, settings).split())))
    if not docs:
        raise ConfigError(f"the bench corpus ({', '.join(found)}) has no English article to parse")
    return docs


def parse_text(article: Article, settings: Settings) -> str:
    """The text the pipeline hands to spaCy for ``article``."""
    return article.clean_text[: settings.max_nlp_chars]


def repeat(docs: Sequence[Any], n: int) -> Iterator[Any]:
    """``docs`` cycled to ``n`` items, lazily (a 100,000-article soak never sits in memory)."""
    return itertools.islice(itertools.cycle(docs), n)


# -- the spaCy-only stand-in -------------------------------------------------------------------


class SpacyOnly:
    """A pipeline that only runs plain spaCy's ``nlp.pipe`` (same model, same batch size): the baseline.

    It receives RawDocs whose text is already what the pipeline would parse.
    """

    def __init__(self, settings: Settings) -> None:
        from .nlp import load_stock

        self.settings = settings
        self.nlp = load_stock(settings.nlp_model)

    def process(self, raws: Iterable[RawDoc | InputError], *,
                skip: Callable[[str], bool] | None = None) -> Iterator[int]:
        texts = (r.text or "" for r in raws if isinstance(r, RawDoc))
        for doc in self.nlp.pipe(texts, batch_size=self.settings.batch_size):
            yield len(doc)

    def run(self, articles: Iterable[Article]) -> Iterator[int]:
        return self.process(RawDoc(source=a.source, text=a.clean_text) for a in articles)


# -- one pass, in its own process ----------------------------------------------------------------


def _pass_main(mode: str, settings: Settings, docs: list[tuple[RawDoc, int]], n: int, warm: int,
               conn: Any, counter: Any) -> None:
    """Runs in a fresh process: one timed pass; sends a dict of figures back through ``conn``."""
    from .tuning import own_process

    own_process()  # first: numpy reads its settings when it loads (both passes alike)
    from . import parallel

    try:
        words = 0
        events = places = 0
        times: list[float] = []
        t0 = time.perf_counter()
        if mode == "pipeline":
            outs = parallel.process((d for d, _ in repeat(docs, n)), settings=settings)
        else:
            outs = parallel.process((d for d, _ in repeat(docs, n)), settings=settings, factory=SpacyOnly)
        counts = (w for _, w in repeat(docs, n))
        for out, w in zip(outs, counts, strict=True):
            times.append(time.perf_counter())
            words += w
            if isinstance(out, Result):
                events += len(out.events)
                places += len(out.places)
            counter.value = len(times)
        t_end = time.perf_counter()
        m = steady_start(len(times), warm=warm, batch=settings.batch_size)
        t_start = times[m - 1] if m else t0
        steady_words = sum(w for _, w in itertools.islice(repeat(docs, n), m, None))
        conn.send({"articles": len(times), "words": words, "seconds": t_end - t0,
                   "steady_seconds": t_end - t_start, "steady_articles": len(times) - m,
                   "steady_words": steady_words, "steady_from": m, "events": events, "places": places})
    except BaseException as err:  # report, don't hang the parent
        conn.send({"error": f"{type(err).__name__}: {err}"})
    finally:
        conn.close()


def steady_start(n: int, *, warm: int, batch: int) -> int:
    """Index of the first result timed as steady state: after ``warm`` results (at most half
    the run), on a chunk boundary (results arrive a chunk at a time); 0 = time from the start."""
    m = min(warm, n // 2)
    return (m // max(1, batch)) * max(1, batch)


class _RssSampler(threading.Thread):
    """Samples the RSS of a process tree every ``interval`` seconds."""

    def __init__(self, pid: int, counter: Any, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.counter, self.interval = pid, counter, interval
        self.peak_total = 0.0
        self.peak_one = 0.0
        self.cpu: dict[int, float] = {}
        self.cpu_marks: list[tuple[int, float]] = []  # (articles done, tree CPU seconds so far)
        self.timeline: list[tuple[float, int, float]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        t0 = time.perf_counter()
        last_mark = -1e9
        while not self.stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            rss = []
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    rss.append(p.memory_info().rss / 2**20)
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
            total = sum(rss)
            self.peak_total = max(self.peak_total, total)
            self.peak_one = max([self.peak_one, *rss])
            self.cpu_marks.append((int(self.counter.value), sum(self.cpu.values())))
            now = time.perf_counter() - t0
            if now - last_mark >= 5.0:
                self.timeline.append((round(now, 1), int(self.counter.value), round(total, 1)))
                last_mark = now
            self.stop.wait(self.interval)


def time_pass(mode: str, *, settings: Settings, docs: list[tuple[RawDoc, int]], n: int) -> PassResult:
    """One pass of ``mode`` ("pipeline" or "spacy") over ``n`` articles in a fresh process."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    if mode == "spacy":
        docs = _parse_docs(docs, settings)
    recv, send = ctx.Pipe(duplex=False)
    counter = ctx.Value("q", 0, lock=False)
    warm = settings.n_workers * settings.batch_size
    proc = ctx.Process(target=_pass_main, args=(mode, settings, docs, n, warm, send, counter), daemon=False)
    proc.start()
    send.close()
    sampler = _RssSampler(proc.pid or 0, counter)
    sampler.start()
    try:
        got = recv.recv()
    except EOFError:
        got = {"error": f"the bench process died (exit code {proc.exitcode})"}
    finally:
        proc.join()
        sampler.stop.set()
        sampler.join()
    if "error" in got:
        raise ConfigError(f"bench {mode} pass with {settings.n_workers} worker(s) failed: {got['error']}")
    steady = max(got["steady_seconds"], 1e-9)
    cpu_total = sum(sampler.cpu.values())
    cpu_before = max((c for done, c in sampler.cpu_marks if done <= got["steady_from"]), default=0.0)
    return PassResult(
        mode=mode, workers=settings.n_workers, articles=got["articles"], words=got["words"],
        seconds=round(got["seconds"], 3), steady_seconds=round(steady, 3), steady_articles=got["steady_articles"],
        articles_per_s=round(got["steady_articles"] / steady, 3), words_per_s=round(got["steady_words"] / steady, 1),
        peak_rss_mb=round(sampler.peak_total, 1), peak_rss_worker_mb=round(sampler.peak_one, 1),
        events=got["events"], places=got["places"], cpu_seconds=round(cpu_total, 2),
        cpu_per_article_ms=round(1000 * (cpu_total - cpu_before) / max(1, got["steady_articles"]), 1),
        cores_used=round((cpu_total - cpu_before) / steady, 2),
        load_average=round(os.getloadavg()[0], 2), rss_timeline=_thin(sampler.timeline, 60))


def _parse_docs(docs: list[tuple[RawDoc, int]], settings: Settings) -> list[tuple[RawDoc, int]]:
    """The baseline's input: RawDocs holding exactly the text the pipeline parses."""
    from .ingest import build_article

    out = []
    for raw, words in docs:
        article = build_article(raw, default_language=settings.default_language)
        out.append((RawDoc(source=raw.source, text=parse_text(article, settings)), words))
    return out


def _thin(points: list[Any], most: int) -> tuple[Any, ...]:
    if len(points) <= most:
        return tuple(points)
    step = len(points) / most
    return tuple(points[int(i * step)] for i in range(most)) + (points[-1],)


# -- the whole benchmark ---------------------------------------------------------------------------


def run_bench(*, settings: Settings, articles: int = 200, workers: Sequence[int] = (1, 2),
              corpus: Sequence[str | Path] = DEFAULT_CORPUS, baseline: bool = True,
              progress: Callable[[str], None] | None = None) -> BenchReport:
    """Time the pipeline (and the spaCy baseline) for each worker count; nothing is written."""
    if articles < 1:
        raise ConfigError(f"--articles {articles}: give at least 1")
    if not workers or any(w < 1 for w in workers):
        raise ConfigError(f"--workers {','.join(map(str, workers))}: give worker counts >= 1, e.g. 1,2")
    docs = load_corpus(corpus, settings=settings)
    passes: list[PassResult] = []
    for k in workers:
        s = replace(settings, workers=k, engine="local")
        for mode in ("pipeline", "spacy") if baseline else ("pipeline",):
            if progress:
                progress(f"{mode} pass, {k} worker(s), {articles} articles...")
            passes.append(time_pass(mode, settings=s, docs=docs, n=articles))
    return BenchReport(
        date=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), commit=git_commit(), machine=machine(),
        corpus={"paths": [str(p) for p in corpus if Path(p).exists()], "documents": len(docs),
                "articles": articles, "words_per_cycle": sum(w for _, w in docs)},
        settings={"batch_size": settings.batch_size, "nlp_model": settings.nlp_model,
                  "max_nlp_chars": settings.max_nlp_chars, "db_writes": False},
        passes=tuple(passes), summary=summarise(passes))


def summarise(passes: Sequence[PassResult]) -> dict[str, Any]:
    """Ratios, scaling and the issue's targets, from the passes that were run."""
    rate = {(p.mode, p.workers): p.articles_per_s for p in passes}
    out: dict[str, Any] = {"ratio": {}, "scaling": {}, "targets": {}}
    for (mode, k), r in sorted(rate.items()):
        if mode == "pipeline" and ("spacy", k) in rate and rate[("spacy", k)] > 0:
            out["ratio"][str(k)] = round(r / rate[("spacy", k)], 3)
    cpu = {(p.mode, p.workers): p.cpu_per_article_ms for p in passes}
    out["cpu_ratio"] = {str(k): round(c / cpu[("pipeline", k)], 3) for (mode, k), c in sorted(cpu.items())
                        if mode == "spacy" and cpu.get(("pipeline", k))}
    ks = sorted({k for _, k in rate})
    for mode in ("pipeline", "spacy"):
        if len(ks) > 1 and (mode, ks[0]) in rate and rate[(mode, ks[0])] > 0:
            out["scaling"][mode] = {f"{ks[0]}->{k}": round(rate[(mode, k)] / rate[(mode, ks[0])], 3)
                                    for k in ks[1:] if (mode, k) in rate}
    growth = {f"{p.mode}/{p.workers}": g for p in passes if (g := rss_growth(p.rss_timeline)) is not None}
    if growth:
        out["rss_growth_mb"] = growth
    worst_worker = max((p.peak_rss_worker_mb for p in passes if p.mode == "pipeline"), default=0.0)
    t = out["targets"]
    if out["ratio"]:
        t[f"ratio>={TARGETS['ratio']}"] = min(out["ratio"].values()) >= TARGETS["ratio"]
    if "1->2" in out["scaling"].get("pipeline", {}):
        t["scaling_1->2>=1.7"] = out["scaling"]["pipeline"]["1->2"] >= TARGETS["scaling_1_to_2"]
    t["rss_per_worker<1.5GB"] = worst_worker < TARGETS["rss_per_worker_mb"]
    return out


def rss_growth(timeline: Sequence[tuple[float, int, float]]) -> float | None:
    """Memory growth over a long pass: peak tree RSS in the last quarter minus that in the second
    quarter (the first is warm-up); None for passes too short to tell (under 8 samples)."""
    if len(timeline) < 8:
        return None
    q = len(timeline) // 4
    return round(max(r for _, _, r in timeline[-q:]) - max(r for _, _, r in timeline[q:2 * q]), 1)


def append_result(report: BenchReport, path: str | Path = "bench/results.jsonl") -> Path:
    """Append the report as one JSON line."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return p


def git_commit() -> str:
    """The checkout's commit, with "+dirty" when there are uncommitted changes; "unknown" outside git."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def machine() -> dict[str, Any]:
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = round(psutil.virtual_memory().total / 2**30, 1)
    return {"cpu_count": os.cpu_count(), "cpu_model": model, "memory_gb": mem_gb,
            "python": platform.python_version(), "platform": platform.platform()}
