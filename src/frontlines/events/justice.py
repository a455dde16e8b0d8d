"""Mob justice: a crowd beating, burning or lynching a suspected criminal is Mob violence.

The event gate reads "a suspected thief was beaten to death by residents" as the crime it punishes
(out-of-scope kind "crime"); the ACLED codebook codes a mob's violence against a suspect as Mob violence
(Riots), while the crime itself ("a robber shot a shopkeeper") stays out. :func:`mob_justice` keeps the
lexicon's Mob violence typings (a word of a mob or lynching, or civilians or rioters who beat, burn or
attack) of a sentence that names a suspect (``scope.yaml#suspect``: "suspected", "alleged", "a thief") from
:data:`MOB_JUSTICE_MIN` P(event), where the gate rejects the sentence as crime and its likeliest sub-event
type is Mob violence. One person's violence stays out: the ``lone-attacker`` scope rule runs after.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .gate import GateVerdict
from .ontology import Lexicon
from .scope import context
from .typings import Typing

#: The sub-event type a crowd's violence against a suspect is.
MOB_VIOLENCE = "Mob violence"
#: From this P(event) a Mob violence typing of a suspect stands where the gate reads crime.
MOB_JUSTICE_MIN = 0.05


def mob_justice(sent: Any, typings: list[Typing], verdict: GateVerdict, lexicon: Lexicon) -> list[Typing]:
    """The sentence's Mob violence typings that are mob justice (see the module docstring); ``[]`` for none."""
    if verdict.reason != "crime" or verdict.p_event < MOB_JUSTICE_MIN or not verdict.sub_events \
            or verdict.sub_events[0][0] != MOB_VIOLENCE or not context(sent, lexicon).has("suspect"):
        return []
    return [replace(t, rule=f"{t.rule}; mob-justice (P(event) {verdict.p_event:.3f}, gate: crime)")
            for t in typings if t.sub_event_type == MOB_VIOLENCE]
