"""Event typing of one sentence: the lexicon's typings, then the trained model's word.

``classify(sent)`` is the pipeline's typing stage. The work is done in modules of their own:
lexicon matching in :mod:`.matching`, typing by the lexicon in :mod:`.typings`, roles read from
the parse in :mod:`.roles`, the trained model's interface in :mod:`.model`, the main event of
a short report in :mod:`.mainevent` and the PLOVER second coding in :mod:`.plover`.
"""

from __future__ import annotations

from typing import Any

from .model import apply_model, installed_model
from .ontology import Lexicon, load_lexicon
from .typings import Typing, lexicon_typings

__all__ = ["AUTO", "Typing", "classify"]

#: ``classify(..., model=AUTO)``: use the model ``frontlines train`` saved, if there is one.
AUTO: Any = "auto"


def classify(sent: Any, *, lexicon: Lexicon | None = None, model: Any = AUTO,
             actor_inter: int | None = None) -> list[Typing]:
    """Typings of the events a sentence (a spaCy Span) reports, best first; ``[]`` for none.

    ``actor_inter`` (ACLED inter code of the acting actor, if the caller knows it) overrides
    the agent class read from the parse. ``model`` is what :func:`.model.load_model` returns; the
    default, :data:`AUTO`, uses the model saved by ``frontlines train`` in the configured data
    directory when there is one (loaded once), and ``None`` means the lexicon alone.
    """
    if model is AUTO:
        model = installed_model()
    out = lexicon_typings(sent, lexicon=lexicon or load_lexicon(), actor_inter=actor_inter)
    if model is not None:
        out = apply_model(sent, out, model)
    return out
