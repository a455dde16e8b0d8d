#!/usr/bin/env python3
"""Loopback load test of ``frontlines serve``: requests/s and latency percentiles.

Builds (once, cached) a database of synthetic events, starts the server in a
child process on 127.0.0.1, and drives it from keep-alive connections for a
bounded time and request count. ``--mode events`` hits ``/api/events?limit=100``;
``--mode mixed`` rotates filters, points, histogram, event and article views.
``--writer`` ingests synthetic articles into the same database meanwhile and
checks afterwards that every write is there (no lost writes). Loopback only:
there is no option to point it at another host.

Example:
    python scripts/load_test.py --events 10000 --duration 20
    python scripts/load_test.py --mode mixed --writer --duration 20 --json out/load-mixed.json
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MAX_DURATION = 120.0
MAX_REQUESTS = 1_000_000


def build_db(path: Path, n_events: int, *, per_article: int = 2) -> Path:
    """A database of ``n_events`` synthetic events (reused when it already has them)."""
    from frontlines.store.sqlite import SQLiteStore
    from frontlines.web.synthetic import make_results

    if path.is_file():
        with closing(sqlite3.connect(path)) as conn:
            if conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events:
                return path
        path.unlink()
    store = SQLiteStore(path)
    store.conn.execute("PRAGMA synchronous=OFF")
    for result in make_results(n_events // per_article, events_per_article=per_article, seed=1):
        store.save(result)
    store.close()
    return path


def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy through SQLite's backup API (a stale -wal beside ``dst`` would corrupt a file copy)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    with closing(sqlite3.connect(src)) as source, closing(sqlite3.connect(dst)) as target:
        source.backup(target)
    return dst


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FRONTLINES_WEB_DB": str(db), "FRONTLINES_WEB_WRITES": ""}
    cmd = [sys.executable, "-m", "uvicorn", "frontlines.web.app:app_from_env", "--factory", "--host", HOST,
           "--port", str(port), "--no-access-log", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"load_test: server exited with {proc.returncode}") from None
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("load_test: server did not start within 60 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def mixed_paths(db: Path) -> list[str]:
    """A rotation of realistic queries, with ids taken from the database."""
    with closing(sqlite3.connect(db)) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id LIMIT 20")]
        arts = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 10")]
        types = [r[0] for r in conn.execute("SELECT DISTINCT event_type FROM events WHERE event_type IS NOT NULL")]
    paths = ["/api/events?limit=100", "/api/events?limit=100&sort=-date&offset=200",
             "/api/events?limit=50&q=gondor", "/api/events?limit=100&bbox=37,32,40,35",
             "/api/events?limit=100&date_from=2017-03-01&date_to=2017-04-30", "/api/points?limit=5000",
             "/api/histogram", "/api/stats", "/api/facets", "/api/actors?limit=50", "/api/places?limit=50",
             "/api/events?limit=100&modality=claimed", "/api/export.geojson?limit=200"]
    paths += [f"/api/events?limit=100&event_type={t.replace(' ', '%20').replace('/', '%2F')}" for t in types]
    paths += [f"/api/events/{i}" for i in ids[:10]] + [f"/api/articles/{a}" for a in arts[:5]]
    return paths


async def _read_body(reader: asyncio.StreamReader, head: bytes) -> bytes:
    lower = head.lower()
    if b"transfer-encoding: chunked" in lower:
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunks.append(await reader.readexactly(size + 2))
            if size == 0:
                return b"".join(chunks)
    i = lower.find(b"content-length:")
    n = int(lower[i + 15:lower.find(b"\r\n", i)]) if i >= 0 else 0
    return await reader.readexactly(n)


async def _client(paths: itertools.cycle[str], deadline: float, budget: list[int],
                  lat: list[float], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection(HOST, _PORT)
    try:
        while budget[0] > 0 and time.perf_counter() < deadline:
            budget[0] -= 1
            path = next(paths)
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            await _read_body(reader, head)
            lat.append(time.perf_counter() - t0)
            status = int(head[9:12])
            if status >= 400:
                errors.append(f"{status} {path}")
    except (OSError, asyncio.IncompleteReadError, ValueError) as err:
        errors.append(f"connection: {err!r}")
    finally:
        writer.close()


_PORT = 0


async def drive(port: int, paths: list[str], *, duration: float, requests: int, connections: int) -> dict[str, Any]:
    global _PORT
    _PORT = port
    cycle = itertools.cycle(paths)
    lat: list[float] = []
    errors: list[str] = []
    budget = [requests]
    start = time.perf_counter()
    deadline = start + duration
    await asyncio.gather(*(_client(cycle, deadline, budget, lat, errors) for _ in range(connections)))
    elapsed = time.perf_counter() - start
    lat.sort()

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 2) if lat else 0.0

    return {"requests": len(lat), "errors": len(errors), "error_samples": errors[:5], "seconds": round(elapsed, 2),
            "requests_per_s": round(len(lat) / elapsed, 1) if elapsed else 0.0, "p50_ms": pct(0.50),
            "p90_ms": pct(0.90), "p99_ms": pct(0.99), "max_ms": round(lat[-1] * 1000, 2) if lat else 0.0}


def in_thread(coro: Any) -> Any:
    """Run ``coro`` on a fresh event loop (uvloop when installed) in its own thread.

    A thread, so that it works even when the caller already runs a loop (pytest with Playwright).
    """
    out: dict[str, Any] = {}

    def target() -> None:
        try:
            import uvloop

            loop = uvloop.new_event_loop()
        except ImportError:
            loop = asyncio.new_event_loop()
        try:
            out["value"] = loop.run_until_complete(coro)
        except BaseException as err:  # re-raised in the caller
            out["error"] = err
        finally:
            loop.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]


def write_until(db: str, stop_file: Path, rate: float) -> int:
    """Ingest synthetic articles (seed 99, new ids) until ``stop_file`` exists; how many save() stored."""
    from frontlines.store.sqlite import SQLiteStore
    from frontlines.web.synthetic import make_result

    store = SQLiteStore(db)
    i = done = 0
    while not stop_file.exists():
        done += bool(store.save(make_result(1_000_000 + i, events=2, seed=99)))
        i += 1
        time.sleep(1.0 / rate)
    store.close()
    return done


def start_writer(db: Path, stop_file: Path, rate: float) -> subprocess.Popen[str]:
    """The writer runs as its own process (a fresh interpreter: no SQLite handle crosses a fork)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--writer-child", str(db), "--write-rate", str(rate),
           "--stop-file", str(stop_file)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)


def count_written(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles WHERE source LIKE 'synthetic:%' "
                                "AND CAST(SUBSTR(source, 11) AS INTEGER) >= 1000000").fetchone()[0])


def run(db: Path, *, mode: str = "events", duration: float = 20.0, requests: int = 200_000,
        connections: int = 8, writer: bool = False, write_rate: float = 20.0) -> dict[str, Any]:
    """Start a server over ``db``, drive it, stop it; the summary as a dict."""
    duration = min(duration, MAX_DURATION)
    requests = min(requests, MAX_REQUESTS)
    paths = ["/api/events?limit=100"] if mode == "events" else mixed_paths(db)
    port = free_port()
    server = start_server(db, port)
    stop_file = db.with_name(db.name + ".stop")
    stop_file.unlink(missing_ok=True)
    before = count_written(db) if writer else 0
    wproc = start_writer(db, stop_file, write_rate) if writer else None
    reported = 0
    try:
        in_thread(drive(port, paths[:1], duration=2, requests=200, connections=2))  # warm up
        cpu0, own0 = cpu_seconds(server.pid), time.process_time()
        summary = in_thread(drive(port, paths, duration=duration, requests=requests, connections=connections))
        server_cpu, client_cpu = cpu_seconds(server.pid) - cpu0, time.process_time() - own0
    finally:
        stop_file.touch()
        try:
            if wproc:
                out, _ = wproc.communicate(timeout=60)
                reported = int(out.strip() or 0)
        finally:  # never leave a server or writer behind, whatever failed
            stop_file.unlink(missing_ok=True)
            server.terminate()
            server.wait(10)
            if wproc and wproc.poll() is None:
                wproc.kill()
    n = max(1, summary["requests"])
    summary.update({"mode": mode, "connections": connections, "db_events": _events(db), "cpus": os.cpu_count(),
                    "server_cpu_ms_per_request": round(server_cpu * 1000 / n, 3),
                    "client_cpu_ms_per_request": round(client_cpu * 1000 / n, 3),
                    "load_average_1m": round(os.getloadavg()[0], 2)})
    if writer:
        stored = count_written(db) - before
        summary.update({"writes_reported": reported, "writes_stored": stored, "lost_writes": reported - stored})
    return summary


def _events(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Loopback load test of the frontlines web API.")
    parser.add_argument("--db", type=Path, default=ROOT / ".cache" / "load" / "events-10k.db",
                        help="database to serve (built with --events synthetic events if missing)")
    parser.add_argument("--events", type=int, default=10_000, help="events in a generated database")
    parser.add_argument("--mode", choices=("events", "mixed"), default="events")
    parser.add_argument("--duration", type=float, default=20.0, help=f"seconds (at most {MAX_DURATION:.0f})")
    parser.add_argument("--requests", type=int, default=200_000, help=f"request cap (at most {MAX_REQUESTS})")
    parser.add_argument("--connections", type=int, default=8, help="concurrent keep-alive connections")
    parser.add_argument("--writer", action="store_true", help="ingest synthetic articles during the run")
    parser.add_argument("--json", type=Path, default=None, help="also write the summary here")
    parser.add_argument("--write-rate", type=float, default=20.0, help="articles/s the writer stores")
    parser.add_argument("--writer-child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--stop-file", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer_child:
        print(write_until(args.writer_child, args.stop_file, args.write_rate))
        return 0
    args.db.parent.mkdir(parents=True, exist_ok=True)
    db = build_db(args.db, args.events)
    if args.writer:  # the writer adds articles: work on a copy so the cached database stays at --events
        db = copy_db(db, args.db.with_name(args.db.stem + "-writer.db"))
    summary = run(db, mode=args.mode, duration=args.duration, requests=args.requests,
                  connections=args.connections, writer=args.writer, write_rate=args.write_rate)
    text = json.dumps(summary, indent=2)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    bad = summary["errors"] or summary.get("lost_writes", 0)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
