"""The pipeline: RawDoc → Article → spaCy Doc → places → events → Result.

:class:`Pipeline` loads the NLP model, gazetteer and actor dictionary once
(lazily, on first use) and runs documents through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import datetime as dt
import itertools
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
        self._title_case: Any = None

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
    def title_case(self) -> Any:
        """When a sentence is a Title Case headline and how it is sentence-cased (:mod:`.titlecase`)."""
        if self._title_case is None:
            from .events.ontology import load_lexicon
            from .titlecase import title_case

            self._title_case = title_case(self.nlp, self.actors, self.gazetteer, load_lexicon())
        return self._title_case

    def parse(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Any]:
        """``nlp.pipe`` over the texts, each Title Case headline parsed again sentence-cased
        (:func:`.titlecase.recase_headlines`, a batch of docs at a time)."""
        from .titlecase import recase_headlines

        rules = self.title_case
        size = batch_size or self.settings.batch_size
        docs = self.nlp.pipe(texts, batch_size=size)
        while batch := list(itertools.islice(docs, size)):
            yield from recase_headlines(batch, self.nlp, rules)

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

    def analyse(self, article: Article, doc: Any, typed: list[Any] | None = None) -> Result:
        """Run the stages after the parse on one article; ``doc=None``: not extracted, and why.

        ``typed``: the doc's sentences already typed (see :meth:`type_docs`); ``None``: typed here.

        A stage that fails on this article is named in ``errors`` with what went wrong, and the
        stages after it that need its output do not run; loading a resource (model, gazetteer,
        actor dictionary) fails loudly instead, since it would fail for every article.
        """
        from .events.assemble import extract_events
        from .geo import find_places

        if doc is None:
            return Result(article=article, errors=(not_extracted_reason(article),))
        gazetteer, actors, typer = self.gazetteer, self.actors, self.typer
        try:
            places = find_places(doc, article, gazetteer=gazetteer)
        except Exception as err:  # noqa: BLE001 - one article's failure is reported in its record
            return Result(article=article, errors=(stage_error("places", err),))
        try:
            events, rejected = extract_events(doc, article, places, actors=actors, typer=typer,
                                              readings=typed, headline=lambda: self.headline_typings(article),
                                              gazetteer=gazetteer)
        except Exception as err:  # noqa: BLE001 - as above
            return Result(article=article, places=tuple(places), errors=(stage_error("events", err),))
        return Result(article=article, places=tuple(places), events=tuple(events), rejected=tuple(rejected))

    def headline_typings(self, article: Article) -> list[Any]:
        """The event typings of the article's headline (its title), parsed on demand; [] without one."""
        if not article.title:
            return []
        sents = list(next(self.parse([article.title[:self.settings.max_nlp_chars]])).sents)
        return [t for reading in replace(self.typer, model=None).read(sents) for t in reading.typings]

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
        docs = dict(zip((a.id for a in todo), self.parse(texts(todo)), strict=True))
        typed = self.type_docs(docs)
        for a in batch:
            yield self.analyse(a, docs.get(a.id), typed.get(a.id))

    def type_docs(self, docs: dict[str, Any]) -> dict[str, list[Any]]:
        """The sentences of a batch of parsed docs typed together (by id; see
        :meth:`EventTyper.read_docs`: one call of the event gate). ``{}``
        when that fails: each article is then typed, and its failure reported, on its own."""
        typer = replace(self.typer, model=None)  # the model types whole incidents (extract_events)
        ids = list(docs)
        try:
            readings = typer.read_docs([list(docs[i].sents) for i in ids])
        except Exception:  # noqa: BLE001 - analyse() names the article whose typing fails
            return {}
        return dict(zip(ids, readings, strict=True))

    def build_article(self, raw: RawDoc) -> Article:
        """RawDoc → Article, with this pipeline's default language."""
        from .ingest import build_article

        return build_article(raw, default_language=self.settings.default_language)

    def process(self, raws: Iterable[RawDoc | InputError], *,
                skip: Callable[[str], bool] | None = None) -> Iterator[Result | InputError]:
        """RawDocs (or reader errors, passed through) → Results; ``skip(article_id)`` drops stored ones."""
        pending: list[Article] = []
        for raw in raws:
            if isinstance(raw, InputError):
                yield from self.run(pending)
                pending = []
                yield raw
                continue
            try:
                article = self.build_article(raw)
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
    """Whether the pipeline extracts from ``article``: English, with text."""
    return article.language == "en" and bool(article.clean_text.strip())


def not_extracted_reason(article: Article) -> str:
    """Why ``article`` was not extracted, as its record's ``errors`` line says it."""
    if not article.clean_text.strip():
        return "not extracted: no text"
    rule = dict(article.meta_evidence).get("language", "")
    return (f"not extracted: language {article.language!r} ({rule}); frontlines extracts English "
            "(give \"language\": \"en\" in the input if it is English)")


def stage_error(stage: str, err: Exception) -> str:
    """The ``errors`` line for a stage that failed on one article."""
    return f"{stage} stage failed: {type(err).__name__}: {err}"


def extract(text: str | None = None, *, html: str | None = None, published: str | dt.date | None = None,
            url: str | None = None, outlet: str | None = None, title: str | None = None,
            language: str | None = None, pipeline: Pipeline | None = None) -> Result:
    """Extract places and events from one article's text (or HTML); ``language`` as the input states it.

    >>> r = extract("Gunmen killed two people in Kabul on Sunday.", published="2021-05-02")  # doctest: +SKIP
    """
    hints = {k: str(v) for k, v in {"published": published, "url": url, "outlet": outlet, "title": title,
                                    "language": language}.items() if v}
    raw = RawDoc(source="<api>", text=text, html=html, hints=hints)
    pipe = pipeline or Pipeline()
    return next(pipe.run([pipe.build_article(raw)]))
