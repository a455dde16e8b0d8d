"""Web fixtures: a database of fictional events plus one hostile article, the app, a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.store import open_store
from frontlines.web.synthetic import hostile_result, make_results

N_ARTICLES = 40
EVENTS_PER_ARTICLE = 2


def build_db(path: Path, *, n_articles: int = N_ARTICLES, hostile: bool = True) -> str:
    store = open_store(str(path))
    for result in make_results(n_articles, events_per_article=EVENTS_PER_ARTICLE):
        store.save(result)
    if hostile:
        store.save(hostile_result())
    store.close()
    return str(path)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_db(tmp_path_factory.mktemp("web") / "events.db")


@pytest.fixture(scope="session")
def app(web_db: str):
    from frontlines.web.app import create_app

    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread on a free loopback port."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from frontlines.web.app import STATIC

    if not (STATIC / "vendor" / "leaflet" / "leaflet.js").is_file():
        pytest.skip("web assets are not built (run `make assets`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(60_000)  # the machine may be busy; a real failure still fails
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda err: pg.errors.append(str(err)))  # type: ignore[attr-defined]
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)  # type: ignore[attr-defined]
    yield pg
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    out = Path(__file__).resolve().parents[2] / "test-output" / "web"
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, sample_path: Path, pipeline) -> str:
    """The sample article through the real pipeline, plus the hostile fixture article."""
    from frontlines.errors import InputError
    from frontlines.ingest import read_inputs

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    store = open_store(str(path))
    try:
        results = list(pipeline.process(read_inputs([str(sample_path)])))
    except NotImplementedError as err:
        pytest.skip(f"pipeline not ready: {err}")
    for result in results:
        if isinstance(result, InputError):
            raise result
        store.save(result)
    store.save(hostile_result())
    store.close()
    return str(path)


@pytest.fixture(scope="session")
def sample_server(sample_db: str) -> Iterator[LiveServer]:
    from frontlines.web.app import create_app

    with LiveServer(create_app(sample_db)) as server:
        yield server
