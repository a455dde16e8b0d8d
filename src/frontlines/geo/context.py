"""The article's own geography beyond its place names: where its outlet is from.

A local paper's "Paris" is the Paris near it: "The Paris News" is from Paris, Texas; a Houston
paper's Paris is more likely Paris, Texas than Paris, France when nothing else in the story says
France. The outlet's name or web domain, less the words newspapers are named with
(``data/geo/outlet_words.txt``), names its home place when the gazetteer knows it as a town of
20,000 people or more, a province or a country.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..records import Article
from .gazetteer import Entry, Gazetteer, is_exact

HOME_MIN_POPULATION = 20_000
HOME_CODES = frozenset({"ADM1", "PCLI"})
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Words of outlets' names that do not name their place ("news", "chronicle", "com")."""
    text = resources.files("frontlines").joinpath("data/geo/outlet_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _strip_words(label: str) -> str:
    """ "dallasnews" → "dallas", "thepostandcourier" → "": outlet words cut from either end of a domain label."""
    words = sorted(outlet_words(), key=len, reverse=True)
    changed = True
    while changed and label:
        changed = False
        for w in words:
            if len(w) >= 3 and label.endswith(w) and len(label) > len(w):
                label, changed = label[: -len(w)], True
            elif len(w) >= 3 and label.startswith(w) and len(label) > len(w):
                label, changed = label[len(w):], True
    return label


def outlet_names(article: Article) -> list[str]:
    """Place names an article's outlet and web domain may carry, longest first."""
    out: list[str] = []
    if article.outlet:
        words = [w for w in _WORD.findall(article.outlet) if w.lower() not in outlet_words()]
        if words:
            out.append(" ".join(words))
            out.extend(w for w in words if w not in out)
    if article.url:
        host = re.sub(r"^[a-z]+://", "", article.url.lower()).split("/")[0]
        labels = [x for x in host.split(".") if x not in outlet_words()]
        out.extend(s for s in (_strip_words(x) for x in labels[:1]) if len(s) >= 4 and s not in out)
    return out


def _usable_home(entry: Entry) -> bool:
    return is_exact(entry) and (entry.feature_code in HOME_CODES or
                                (entry.feature_class == "P" and entry.population >= HOME_MIN_POPULATION))


def home_place(article: Article, gazetteer: Gazetteer) -> Entry | None:
    """Where the article's outlet is from, when its name or domain says so (the most populous match)."""
    for name in outlet_names(article):
        found = [e for e in gazetteer.lookup(name) if _usable_home(e)]
        if found:
            return max(found, key=lambda e: e.population)
    return None
