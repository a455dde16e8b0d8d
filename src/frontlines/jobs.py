"""Library functions behind the CLI verbs ``ingest`` and ``extract``.

They return reports and never print; progress goes to an optional callback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from . import contract, parallel
from .errors import FrontlinesError, InputError
from .ingest import read_inputs
from .pipeline import extractable
from .records import Result
from .settings import Settings
from .sources import update_incidents

Progress = Callable[[int, str], None]


@dataclass
class IngestReport:
    """What a run did: counts, and one line per problem.

    Every input document is ``read`` once and is then exactly one of ``added``,
    ``already_stored`` (stored before, or a repeat of a text read earlier in the run) or
    ``unreadable``. ``not_extracted`` (not English, no text) and ``stage_errors`` count added
    articles; ``errors`` holds one line per unreadable input and per failed stage.
    """

    read: int = 0
    added: int = 0
    already_stored: int = 0
    unreadable: int = 0
    not_extracted: int = 0
    stage_errors: int = 0
    places: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    kept_as: str = "already stored"

    @property
    def nothing_read(self) -> bool:
        return self.read == self.unreadable and bool(self.errors)

    def summary(self) -> str:
        return (f"{self.read} read, {self.added} added, {self.already_stored} {self.kept_as}, "
                f"{self.unreadable} unreadable, {self.not_extracted} not extracted, {self.places} places, "
                f"{self.events} events, {len(self.errors)} errors")

    def unread(self, err: InputError) -> None:
        """Count an input that could not be read."""
        self.read += 1
        self.unreadable += 1
        self.errors.append(str(err))

    def kept(self) -> None:
        """Count an article stored (or written) before."""
        self.read += 1
        self.already_stored += 1

    def add(self, result: Result) -> None:
        """Count an article added, with what was extracted from it (or why not)."""
        self.read += 1
        self.added += 1
        self.places += len(result.places)
        self.events += len(result.events)
        if not extractable(result.article):
            self.not_extracted += 1
        elif failed := stage_errors(result):
            self.stage_errors += 1
            self.errors.extend(failed)


def stage_errors(result: Result) -> list[str]:
    """One line per stage that failed on an extracted article: "<source>: <stage> stage failed: ..."."""
    if not extractable(result.article):
        return []
    return [f"{result.article.source}: {e}" for e in result.errors]


class StrictError(FrontlinesError):
    """Raised by ``strict`` runs at the first bad input."""

    code = "E101"


def ingest_paths(paths: Iterable[str], *, store, settings: Settings, strict: bool = False,
                 column_map: dict[str, str] | None = None, progress: Progress | None = None,
                 derived: bool = True) -> IngestReport:
    """Read, extract and store every article under ``paths``; each article is one transaction.

    Then (unless ``derived`` is false) recompute the cross-article results: incidents and credibility.

    Articles already in the store are skipped before any NLP, so an interrupted run resumes.
    """
    report = IngestReport()

    def skip(article_id: str) -> bool:
        if store.has_article(article_id):
            report.kept()
            return True
        return False

    raws = read_inputs(paths, max_bytes=settings.max_input_bytes, column_map=column_map)
    for item in parallel.process(raws, settings=settings, skip=skip):
        if isinstance(item, InputError):
            report.unread(item)
            if strict:
                raise StrictError(f"{item} (stopped by --strict; what was stored before is kept)")
            if progress:
                progress(report.read, f"skipped: {item}")
            continue
        if store.save(item):
            report.add(item)
        else:
            report.kept()
        if progress:
            progress(report.read, "\n".join(f"error: {e}" for e in stage_errors(item)))
    if derived:
        update_derived(store, settings)
    return report


def update_derived(store, settings: Settings) -> None:
    """Recompute cross-article results (incidents and their credibility)."""
    update_incidents(store, settings)


def error_record(err: InputError) -> dict:
    """The contract line written for an input that could not be read."""
    return {"id": err.source, "title": None, "published": None, "outlet": None, "original_source": None,
            "language": "und", "clean_text": "", "places": [], "events": [], "errors": [str(err)]}


def extract_to(paths: Iterable[str], out: TextIO, *, settings: Settings, explain: bool = False,
               done_ids: set[str] | None = None, column_map: dict[str, str] | None = None,
               progress: Progress | None = None) -> IngestReport:
    """Write one contract JSON line per input article to ``out`` (no database).

    ``done_ids`` (ids already in the output file) are skipped, so ``--resume`` continues a run.
    """
    report = IngestReport(kept_as="already written")
    done = done_ids or set()

    def skip(article_id: str) -> bool:
        if article_id in done:
            report.kept()
            return True
        return False

    raws = read_inputs(paths, max_bytes=settings.max_input_bytes, column_map=column_map)
    for item in parallel.process(raws, settings=settings, skip=skip if done else None):
        if isinstance(item, InputError):
            report.unread(item)
            out.write(contract.dumps(error_record(item)) + "\n")
            continue
        rec = contract.to_record(item, explain=explain)
        if rec["id"] in done:
            report.kept()
            continue
        out.write(contract.dumps(rec) + "\n")
        out.flush()
        report.add(item)
        if progress:
            progress(report.read, "")
    return report


def repair_tail(path: str) -> None:
    """Drop a last line cut short by an interruption, so appending starts on a fresh line."""
    try:
        with open(path, "rb+") as fh:
            data = fh.read()
            if data and not data.endswith(b"\n"):
                fh.truncate(data.rfind(b"\n") + 1)
    except FileNotFoundError:
        pass


def ids_in_output(path: str) -> set[str]:
    """Ids (and article ids) already written to a JSONL output file, for ``--resume``."""
    ids: set[str] = set()
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by an interruption
                for key in ("id", "article_id"):
                    if isinstance(rec.get(key), str):
                        ids.add(rec[key])
    except FileNotFoundError:
        pass
    return ids
