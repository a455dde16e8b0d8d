"""An incident the article told as a crime: its later definite mentions ("the attack") are that crime.

The event gate and the scope rules judge one sentence at a time. "A man attacked the actress's car in Bree" is
rejected as crime; "she was on the sidewalk at the time the attack took place", judged alone, reads as an attack.
:func:`crime_told_before` rejects such a mention (rule ``crime-told-before``) where an earlier sentence's candidate
was rejected for one of ``matching.yaml#crime_told_reasons`` and no earlier sentence reported an event the mention
might name instead. Issue 11 (whole-article records).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .classify import SentenceTyping
from .coreference import refers_back
from .matching import load_matching
from .typings import Rejected

#: The rule named in the rejection reason.
RULE = "crime-told-before"


def told_as_crime(typing: SentenceTyping) -> bool:
    """A candidate of the sentence was rejected as one of ``crime_told_reasons`` (the gate's crime, ordinary-crime)."""
    reasons = load_matching()["crime_told_reasons"]
    return any(r.reason.rsplit(":", 1)[-1] in reasons for r in typing.rejected)


def crime_told_before(sents: list[Any], typed: dict[int, SentenceTyping]) -> dict[int, SentenceTyping]:
    """``typed`` with the definite mentions (:func:`.coreference.refers_back`) of sentences after one told as crime
    (:func:`told_as_crime`), and after no sentence with an event, moved to the rejected."""
    out = dict(typed)
    crime = reported = False
    for sent in sents:
        t = typed[sent.start]
        if crime and not reported:
            mentions = [x for x in t.typings if refers_back(sent.doc[x.trigger_index]) is not None]
            if mentions:
                t = replace(t, typings=tuple(x for x in t.typings if x not in mentions),
                            rejected=t.rejected + tuple(Rejected(x.trigger, x.trigger_start, x.trigger_end,
                                                                 x.sub_event_type, f"rule:{RULE}", 0.0)
                                                        for x in mentions))
                out[sent.start] = t
        reported = reported or bool(t.typings)
        crime = crime or told_as_crime(t)
    return out
