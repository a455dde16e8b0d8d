"""RawDoc → Article: clean the text, read the metadata, give it its content-hash id."""

from __future__ import annotations

from dataclasses import fields

from ..clean import clean
from ..errors import InputError
from ..meta import read_meta
from ..records import Article, ArticleMeta, OffsetMap, RawDoc

__all__ = ["build_article"]


def build_article(raw: RawDoc, *, default_language: str = "en") -> Article:
    """Clean the document, read its metadata and give it its content-hash id.

    ``default_language``: the language of a text too short or ambiguous to identify, when the
    input states none (setting ``default_language``).

    Text input: ``raw_text`` is the user's text exactly and ``offsets`` maps
    ``clean_text`` into it. HTML input: the main text (trafilatura) is both
    ``raw_text`` and ``clean_text`` (identity offsets), as the contract says.
    Raises InputError when the document has no text.
    """
    from ..store import article_id_for

    hints = raw.hints
    html_meta = None
    evidence: list[tuple[str, str]] = []
    if raw.text is not None:
        raw_text = lines_text = raw.text
        cleaned = clean(raw_text, title_hint=hints.get("title"))
        clean_text, offsets, is_html = cleaned.text, cleaned.offsets, False
    elif raw.html is not None:
        from .html import html_to_text

        lines_text, html_meta = html_to_text(raw.html, raw.source, url=hints.get("url"))
        cleaned = clean(lines_text, title_hint=hints.get("title") or html_meta.get("title"))
        raw_text = clean_text = cleaned.text
        offsets, is_html = OffsetMap.identity(len(clean_text)), True
        evidence.append(("clean_text", "trafilatura"))
    else:
        raise InputError(raw.source, "document has neither text nor HTML", "give a text or html field")
    if not clean_text.strip():
        raise InputError(raw.source, "no article text left after removing residue",
                         "the input holds only headers, ads or scripts")
    meta = read_meta(hints, cleaned, lines_text, html_meta=html_meta, default_language=default_language)
    if hints.get("encoding"):
        evidence.append(("encoding", f"decoded:{hints['encoding']}"))
    return Article(
        id=article_id_for(raw_text),
        raw_text=raw_text,
        clean_text=clean_text,
        offsets=offsets,
        source=raw.source,
        external_id=hints.get("id") or None,
        is_html=is_html,
        **{f.name: getattr(meta, f.name) for f in fields(ArticleMeta)},
        meta_evidence=(*meta.evidence, *evidence),
    )
