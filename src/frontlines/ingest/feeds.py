"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds → one RawDoc per item, parsed with defusedxml.

Entity declarations (billion laughs, external entities) are refused outright:
a feed never needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..records import RawDoc
from .files import decode_bytes

__all__ = ["read_feed"]

_HINT_MAX = 2000
_TAG = re.compile(r"<[a-zA-Z!/][^>]{0,500}>")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _children(el: Any, *names: str) -> list[Any]:
    return [c for c in el if _local(c.tag) in names]


def _text(el: Any, *names: str) -> str:
    for c in _children(el, *names):
        value = "".join(c.itertext()).strip()
        if value:
            return value
    return ""


def _link(el: Any) -> str:
    for c in _children(el, "link"):
        href = c.get("href")
        if href and c.get("rel", "alternate") == "alternate":
            return href.strip()
        if (c.text or "").strip():
            return (c.text or "").strip()
    return ""


def _language(el: Any) -> str:
    """An element's stated language: a ``language`` child (RSS, Dublin Core) or ``xml:lang``."""
    return _text(el, "language") or (el.get(_XML_LANG) or "").strip()


def _authors(el: Any) -> str:
    names = []
    for c in _children(el, "author", "creator"):
        name = _text(c, "name") or "".join(c.itertext()).strip()
        if name:
            names.append(name)
    return ", ".join(names)


_DECL = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding=[\"']([\w.:-]{1,40})[\"']")
_EXPAT_CODECS = {"utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}


def _recode(data: bytes) -> bytes | str:
    """Expat knows few encodings: decode others here (e.g. windows-1256) and drop the declaration."""
    m = _DECL.match(data)
    if m is None or m.group(1).decode("ascii").lower() in _EXPAT_CODECS:
        return data
    try:
        text = data.decode(m.group(1).decode("ascii"), "replace")
    except LookupError:
        text = decode_bytes(data)[0]
    return re.sub(r"^\s*<\?xml[^>]{0,300}\?>", "", text, count=1)


def read_feed(data: bytes, source: str) -> Iterator[RawDoc | InputError]:
    """Items (RSS) or entries (Atom) with their text or HTML content and hints."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(_recode(data), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        yield InputError(source, f"feed refused: it declares XML entities or external references ({type(err).__name__})",
                         "a real feed needs none; this may be an entity-expansion attack")
        return
    except ParseError as err:
        yield InputError(source, f"not well-formed XML ({err})", "check the file is a complete RSS/Atom feed")
        return
    kind = _local(root.tag)
    if kind == "rss":
        channel = next(iter(_children(root, "channel")), root)
        items, outlet, language = _children(channel, "item"), _text(channel, "title"), _language(channel)
    elif kind == "rdf":
        channel = next(iter(_children(root, "channel")), root)
        items, outlet, language = _children(root, "item"), _text(channel, "title"), _language(channel)
    elif kind == "feed":
        items, outlet, language = _children(root, "entry"), _text(root, "title"), _language(root)
    else:
        yield InputError(source, f"XML is not an RSS or Atom feed (its root is <{kind[:40]}>)",
                         "frontlines reads RSS 2.0, RSS 1.0 and Atom feeds")
        return
    if not items:
        yield InputError(source, "feed has no items", "check the feed was saved after it loaded")
        return
    for i, item in enumerate(items, start=1):
        yield _item_doc(item, f"{source}#item {i}", outlet, language)


def _item_doc(item: Any, where: str, outlet: str, language: str) -> RawDoc | InputError:
    hints = {
        "id": _text(item, "guid", "id"),
        "title": _text(item, "title"),
        "url": _link(item),
        "published": _text(item, "pubdate", "published", "date", "issued", "updated", "modified"),
        "authors": _authors(item),
        "outlet": outlet,
        "language": _language(item) or language,
    }
    hints = {k: v[:_HINT_MAX] for k, v in hints.items() if v}
    body = _text(item, "encoded", "content") or _text(item, "description", "summary")
    if not body:
        return InputError(where, "item has no content or description, only a link",
                          "save the linked pages and ingest those HTML files")
    if _TAG.search(body[:100000]):
        return RawDoc(source=where, html=body, hints=hints)
    return RawDoc(source=where, text=body, hints=hints)

