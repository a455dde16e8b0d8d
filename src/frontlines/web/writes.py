"""Write endpoints, mounted only when the server runs with ``--allow-writes``.

``POST /api/articles`` extracts one article with the pipeline and stores it.
The pipeline runs in a worker thread; the store write happens on the event
loop so one connection is never used from two threads at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from ..errors import FrontlinesError

router = APIRouter(prefix="/api")


class ArticleIn(BaseModel):
    """One article to extract and store."""

    text: Annotated[str, Field(min_length=1, max_length=1_000_000)]
    title: Annotated[str | None, Field(max_length=1000)] = None
    published: dt.date | None = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    outlet: Annotated[str | None, Field(max_length=200)] = None


def refuse_cross_site(request: Request) -> None:
    """Writes come from this origin only: a page elsewhere must not post into a local database."""
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if origin is not None and urlsplit(origin).netloc != host:
        raise HTTPException(403, f"cross-origin write from {origin!r} refused (post from the same host)")
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        raise HTTPException(403, "cross-site write refused (post from the same host)")
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise HTTPException(415, "send the article as JSON (Content-Type: application/json)")


def _pipeline(request: Request) -> Any:
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        from ..pipeline import Pipeline

        state.pipeline = Pipeline()
    return state.pipeline


@router.post("/articles", status_code=201, summary="Extract and store one article (only with --allow-writes)",
             responses={422: {"description": "The article could not be read"}})
async def post_article(request: Request, body: ArticleIn) -> dict[str, Any]:
    from ..pipeline import extract

    refuse_cross_site(request)
    pipe = _pipeline(request)
    try:
        result = await run_in_threadpool(extract, body.text, published=body.published, url=body.url,
                                         outlet=body.outlet, title=body.title, pipeline=pipe)
    except FrontlinesError as err:
        raise HTTPException(422, str(err)) from None
    created = request.app.state.store.save(result)
    request.app.state.counts.clear()
    return {"article_id": result.article.id, "created": created, "events": [e.id for e in result.events]}
