"""A deterministic stand-in for the Pipeline, importable by worker processes.

It "builds" an article from the text (id = content hash, like ingest) and "finds"
one place per capitalised word, so the parallel machinery can be tested without
spaCy. Text starting with "BAD" fails to build, like unreadable input.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator

from frontlines.errors import InputError
from frontlines.records import Article, OffsetMap, Place, RawDoc, Result
from frontlines.store import article_id_for


class FakePipeline:
    def __init__(self, settings) -> None:
        self.settings = settings

    @staticmethod
    def build_article(raw: RawDoc) -> Article:
        text = raw.text or ""
        if text.startswith("BAD"):
            raise InputError(raw.source, "cannot read this", "fix it")
        return Article(id=article_id_for(text), raw_text=text, clean_text=text,
                       offsets=OffsetMap.identity(len(text)), source=raw.source)

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        for a in articles:
            yield Result(article=a, places=tuple(self.places(a)), errors=self.marks())

    def marks(self) -> tuple[str, ...]:
        return ()

    def process(self, raws: Iterable[RawDoc | InputError], *,
                skip: Callable[[str], bool] | None = None) -> Iterator[Result | InputError]:
        for raw in raws:
            if isinstance(raw, InputError):
                yield raw
                continue
            try:
                article = self.build_article(raw)
            except InputError as err:
                yield err
                continue
            if skip is not None and skip(article.id):
                continue
            yield from self.run([article])

    @staticmethod
    def places(a: Article) -> Iterator[Place]:
        pos = 0
        for word in a.clean_text.split():
            start = a.clean_text.index(word, pos)
            pos = start + len(word)
            if word[:1].isupper():
                yield Place(text=word, start=start, end=pos, name=word, geonameid=len(word), lat=1.0, lon=2.0,
                            country_code=None, admin1=None, feature_code=None, precision="point")


class PidPipeline(FakePipeline):
    """Marks every result with the process that made it; slow enough that every worker gets work."""

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        time.sleep(0.05)
        yield from super().run(articles)

    def marks(self) -> tuple[str, ...]:
        return (f"pid:{os.getpid()}",)


class ThreadsPipeline(PidPipeline):
    """Marks every result with the number of threads of the process that made it (Linux)."""

    def marks(self) -> tuple[str, ...]:
        return (f"threads:{len(os.listdir('/proc/self/task'))}",)


def docs(n: int, *, bad_every: int = 0) -> Iterator[RawDoc]:
    """``n`` distinct little documents; every ``bad_every``-th one cannot be built."""
    for i in range(n):
        bad = bad_every and i % bad_every == bad_every - 1
        yield RawDoc(source=f"doc{i}", text=("BAD " if bad else "") + f"Report {i} from Osgiliath and Edoras.")
