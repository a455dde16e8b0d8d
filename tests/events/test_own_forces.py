"""One actor told moving its own forces is an occurrence (issue 11, recall28): "the new government sent in
soldiers to occupy the valley" is no generic statement, though its only object is a bare plural; its victims or
enemies as a bare plural ("the government jailed dissidents", "the army killed militants") stay a kind of people."""

from __future__ import annotations

import pytest
from typing_harness import lexicon_read


@pytest.mark.parametrize(("text", "sub", "kept"), [
    ("However, the new government refused and instead sent in military forces to occupy the valley.",
     "Change to group/activity", True),
    ("The regime sent troops to occupy the valley.", "Change to group/activity", True),
    # no one actor's own forces: a pronoun or a plural doer, victims, enemies
    ("They sent troops to occupy the valley.", "Change to group/activity", False),
    ("The chiefs sent troops to occupy the valley.", "Change to group/activity", False),
    ("The government jailed dissidents.", "Arrests", False),
    ("The army killed militants.", "Armed clash", False),
])
def test_one_actor_moving_its_own_forces_is_anchored(nlp, text: str, sub: str, kept: bool) -> None:
    typings, rejected = lexicon_read(nlp, text)
    assert (sub in [t.sub_event_type for t in typings]) == kept
    if not kept:
        assert any(r.sub_event_type == sub and r.reason == "rule:scope:unanchored" for r in rejected)
