"""The pipeline: RawDoc → Article → spaCy Doc → places → events → Result.

:class:`Pipeline` loads the NLP model, gazetteer and actor dictionary once
(lazily, on first use) and runs documents through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .records import Article, RawDoc, Result
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language


#: ``Pipeline(event_gate=DEFAULT, event_model=DEFAULT)``: what the settings say (see :meth:`Pipeline.typer`).
DEFAULT: Any = "default"


class Pipeline:
    """Heavy resources, loaded once; pass them in to share or to test with fakes.

    ``event_gate``: the event gate (``None``: the trigger lexicon alone decides); ``event_model``:
    a sub-event model of ``frontlines train --acled`` (``None``: none). Left out, they are what the
    settings say: the gate of ``event_gate``, and the model ``frontlines train`` saved in the
    data directory, if there is one.
    """

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None,
                 gazetteer: Any = None, actors: Any = None, event_gate: Any = DEFAULT,
                 event_model: Any = DEFAULT) -> None:
        self.settings = settings or load_settings()
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._actors = actors
        self._event_gate = event_gate
        self._event_model = event_model
        self._typer: Any = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp(self.settings.nlp_model)
        return self._nlp

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from .geo import load_gazetteer

            self._gazetteer = load_gazetteer(self.settings)
        return self._gazetteer

    @property
    def actors(self) -> Any:
        if self._actors is None:
            from .actors import load_actors

            self._actors = load_actors()
        return self._actors

    @property
    def typer(self) -> Any:
        """The event typing stage: the trigger lexicon, the event gate and the sub-event model."""
        if self._typer is None:
            from .events.classify import EventTyper
            from .events.gate import load_gate
            from .events.model import load_trained
            from .events.ontology import load_lexicon

            gate, model = self._event_gate, self._event_model
            if gate is DEFAULT:
                name = self.settings.event_gate
                gate = None if not name else load_gate(None if name == "shipped" else Path(name).expanduser())
            if model is DEFAULT:
                model = load_trained(self.settings)
            self._typer = EventTyper(load_lexicon(), gate, self.settings.event_threshold,
                                     self.settings.event_threshold_alone, model)
        return self._typer

    def analyse(self, article: Article, doc: Any) -> Result:
        """Run the stages after the parse on one article."""
        from .events import extract_events
        from .geo import find_places

        if doc is None:
            return Result(article=article)
        places = find_places(doc, article, gazetteer=self.gazetteer)
        events, rejected = extract_events(doc, article, places, actors=self.actors, typer=self.typer)
        return Result(article=article, places=tuple(places), events=tuple(events), rejected=tuple(rejected))

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Results in input order; non-English or empty articles pass through unextracted."""
        cap = self.settings.max_nlp_chars

        def texts(items: list[Article]) -> Iterator[str]:
            for a in items:
                yield a.clean_text[:cap]

        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch, texts)
                batch = []
        if batch:
            yield from self._run_batch(batch, texts)

    def _run_batch(self, batch: list[Article], texts: Any) -> Iterator[Result]:
        todo = [a for a in batch if extractable(a)]
        docs = dict(zip((a.id for a in todo), self.nlp.pipe(texts(todo)), strict=True))
        for a in batch:
            yield self.analyse(a, docs.get(a.id))

    def process(self, raws: Iterable[RawDoc | InputError], *,
                skip: Callable[[str], bool] | None = None) -> Iterator[Result | InputError]:
        """RawDocs (or reader errors, passed through) → Results; ``skip(article_id)`` drops stored ones."""
        from .ingest import build_article

        pending: list[Article] = []
        for raw in raws:
            if isinstance(raw, InputError):
                yield from self.run(pending)
                pending = []
                yield raw
                continue
            try:
                article = build_article(raw)
            except InputError as err:
                yield from self.run(pending)
                pending = []
                yield err
                continue
            if skip is not None and skip(article.id):
                continue
            pending.append(article)
            if len(pending) >= self.settings.batch_size:
                yield from self.run(pending)
                pending = []
        yield from self.run(pending)


def extractable(article: Article) -> bool:
    return article.language == "en" and bool(article.clean_text.strip())


def extract(text: str | None = None, *, html: str | None = None, published: str | dt.date | None = None,
            url: str | None = None, outlet: str | None = None, title: str | None = None,
            pipeline: Pipeline | None = None) -> Result:
    """Extract places and events from one article's text (or HTML).

    >>> r = extract("Gunmen killed two people in Kabul on Sunday.", published="2021-05-02")  # doctest: +SKIP
    """
    from .ingest import build_article

    hints = {k: str(v) for k, v in {"published": published, "url": url, "outlet": outlet, "title": title}.items() if v}
    raw = RawDoc(source="<api>", text=text, html=html, hints=hints)
    pipe = pipeline or Pipeline()
    article = build_article(raw)
    return next(pipe.run([article]))


def mark_not_extracted(article: Article, reason: str) -> Article:
    return replace(article, errors=(*article.errors, reason))
