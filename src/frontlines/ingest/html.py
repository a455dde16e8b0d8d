"""HTML pages: read as-is here; the main text is taken out with trafilatura in :func:`html_to_text`."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..records import RawDoc
from .files import decode_bytes

__all__ = ["read_html", "html_to_text", "visible_text"]

_NO_TEXT_HINT = ("no visible text: only scripts/styles, or markup nested too deeply; "
                 "save the page after it has rendered, or export its text")
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I)


def page_language(html: str) -> str:
    """The language the page declares on its ``<html lang>`` element, or ""."""
    m = _HTML_LANG.search(html[:20000])
    return m.group(1) if m else ""


def visible_text(html: str) -> str:
    """The page's visible text, roughly (all text outside scripts, styles and the head)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    lxml.etree.strip_elements(root, *_INVISIBLE, lxml.etree.Comment, with_tail=False)
    return str(root.text_content())


def read_html(data: bytes, source: str) -> Iterator[RawDoc | InputError]:
    """The page as one RawDoc(html=...), or an InputError if it shows no text at all."""
    html, _ = decode_bytes(data)
    if not html.strip():
        yield InputError(source, "empty file: no HTML to read", "remove it, or check what saved it")
        return
    if not any(ch.isalnum() for ch in visible_text(html)):
        yield InputError(source, "HTML has no text", _NO_TEXT_HINT)
        return
    yield RawDoc(source=source, html=html)


def html_to_text(html: str, source: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """(main text, metadata) with trafilatura; paragraphs are separated by blank lines.

    Falls back to all visible text when trafilatura finds no main text (short
    pages). Raises InputError when the page has no text at all.
    """
    import trafilatura

    meta: dict[str, Any] = {}
    text = ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                              include_tables=True, deduplicate=False)
        if doc is not None:
            found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            text = found.get("text") or ""
            meta = {k: found.get(k) for k in ("title", "date", "sitename", "author", "url", "hostname")}
    except RecursionError:
        raise InputError(source, "HTML nested too deeply to read", "simplify the page or export its text") from None
    except Exception:  # noqa: BLE001 - trafilatura can fail on odd pages; fall back to the visible text
        text = ""
    if not text.strip():
        text = "\n".join(ln.strip() for ln in visible_text(html).splitlines() if ln.strip())
    if not text.strip():
        raise InputError(source, "HTML has no text", _NO_TEXT_HINT)
    meta["language"] = page_language(html)
    return "\n\n".join(p.strip() for p in text.split("\n") if p.strip()), meta
