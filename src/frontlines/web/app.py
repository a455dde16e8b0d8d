"""The ASGI app: map page, article view, JSON API and static files.

``create_app(store_url)`` opens the store read-only (SQLite) and wires the
API router, the pages and the security headers. Pages are static HTML shells
with no inline script; their JavaScript fetches everything from the API and
builds the DOM with ``textContent``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import StoreError
from ..store import open_store
from .api import ID_PATTERN, SafeJSONResponse, VersionedCache, router

STATIC = Path(str(resources.files("frontlines").joinpath("web/static")))


def content_security_policy(tile_url: str | None = None) -> str:
    """No inline script or style, nothing from other origins except a configured tile server's images."""
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tile_url else parts.netloc
        img += f" {parts.scheme}://{host}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


class SecurityHeaders:
    """Pure ASGI middleware adding CSP and friends to every HTTP response."""

    def __init__(self, app: ASGIApp, *, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _open(store_url: str, allow_writes: bool) -> Any:
    """The store, read-only unless ``allow_writes``: SQLite opens ``mode=ro``; on PostgreSQL no write
    route is mounted (the store's stats() runs CREATE TABLE IF NOT EXISTS, so the session stays writable)."""
    if allow_writes or store_url.startswith(("postgresql://", "postgres://")):
        return open_store(store_url)
    from ..store.sqlite import SQLiteStore

    path = Path(store_url.removeprefix("sqlite:///").removeprefix("sqlite://"))
    if not path.is_file():
        raise StoreError(f"{path}: no such database (run `frontlines ingest` first, or pass --db PATH)")
    return SQLiteStore(path, readonly=True)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) + " (see /openapi.json for the parameters)"


LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


def create_app(store_url: str, *, allow_writes: bool = False, tile_url: str | None = None,
               tile_attribution: str = "", allowed_hosts: list[str] | None = None) -> FastAPI:
    """The frontlines web app over the store at ``store_url`` (read-only unless ``allow_writes``).

    ``allowed_hosts``: Host header values accepted (``frontlines serve`` passes the loopback
    names when bound to loopback, which stops DNS-rebinding pages from reading the API).
    """
    app = FastAPI(title="frontlines", version=__version__, default_response_class=SafeJSONResponse,
                  docs_url=None, redoc_url=None,  # Swagger UI needs a CDN and inline script
                  description="Conflict events extracted from news reports, each with its evidence sentence. "
                              "Event fields follow the extract contract (docs/contract.md).")
    app.state.store = _open(store_url, allow_writes)
    app.state.counts = VersionedCache()
    app.state.allow_writes = allow_writes
    app.state.tile_url = tile_url
    app.state.tile_attribution = tile_attribution
    app.include_router(router)
    pages = {name: (STATIC / name).read_text("utf-8") for name in ("map.html", "article.html")}

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> SafeJSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()]
        return SafeJSONResponse({"detail": _validation_message(errors), "errors": errors}, status_code=422)

    @app.exception_handler(StoreError)
    async def on_store_error(request: Request, exc: StoreError) -> SafeJSONResponse:
        return SafeJSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def map_page() -> HTMLResponse:
        return HTMLResponse(pages["map.html"])

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(article_id: str = PathParam(pattern=ID_PATTERN)) -> HTMLResponse:
        if app.state.store.get_article(article_id) is None:
            raise HTTPException(404, f"article {article_id!r} not found")
        return HTMLResponse(pages["article.html"])

    if allow_writes:
        from .writes import router as write_router

        app.include_router(write_router)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(tile_url))
    _add_event_schema(app)
    return app


def _add_event_schema(app: FastAPI) -> None:
    """Put the contract's event schema into the OpenAPI components as ``Event``."""
    from ..contract import schema

    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = base_openapi()
        contract = schema()
        defs = contract.get("$defs", {})
        comps = spec.setdefault("components", {}).setdefault("schemas", {})
        for name, sub in defs.items():
            comps[f"Contract_{name}"] = _rewrite_refs(sub)
        event = dict(_rewrite_refs(defs.get("event", {"type": "object"})))
        event.pop("additionalProperties", None)
        comps["Event"] = event
        # Our 422 body: a one-line ``detail`` naming the parameter, plus pydantic's ``errors`` when it has them.
        comps["HTTPValidationError"] = {
            "title": "HTTPValidationError", "type": "object", "required": ["detail"],
            "properties": {"detail": {"type": "string"},
                           "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}}},
        }
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", "#/components/schemas/Contract_") if k == "$ref" and isinstance(v, str)
                    else _rewrite_refs(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def app_from_env() -> FastAPI:
    """The app ``frontlines serve`` hands to uvicorn (one per worker process), configured by environment."""
    import os

    return create_app(os.environ.get("FRONTLINES_WEB_DB", "frontlines.db"),
                      allow_writes=bool(os.environ.get("FRONTLINES_WEB_WRITES")),
                      tile_url=os.environ.get("FRONTLINES_WEB_TILES") or None,
                      tile_attribution=os.environ.get("FRONTLINES_WEB_TILES_ATTRIBUTION", ""),
                      allowed_hosts=LOOPBACK_HOSTS if os.environ.get("FRONTLINES_WEB_LOOPBACK") else None)
