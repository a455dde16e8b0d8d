"""issue 11, articles32: what a blast destroyed is the blast's damage, not looting; what orcs destroyed is."""

from __future__ import annotations

from typing_harness import lexicon_read


def _subs(nlp, text: str) -> list[str]:
    typings, _ = lexicon_read(nlp, text)
    return [t.sub_event_type for t in typings]


def test_what_an_explosion_destroyed_is_no_looting(nlp) -> None:
    assert "Looting/property destruction" not in _subs(
        nlp, "The explosion destroyed two wagons and damaged shops on the main road of Bree.")
    assert "Looting/property destruction" not in _subs(
        nlp, "The blast destroyed two wagons and damaged shops on the main road of Bree.")


def test_what_raiders_destroyed_is_property_destruction(nlp) -> None:
    assert "Looting/property destruction" in _subs(
        nlp, "Orc raiders destroyed two wagons and damaged shops on the main road of Bree.")


def test_an_attempt_to_retake_ground_is_no_ground_regained(nlp) -> None:
    assert "Government regains territory" not in _subs(
        nlp, "The clash erupted when Gondor troops tried to retake a hill outpost near Osgiliath.")
    assert "Government regains territory" in _subs(nlp, "Gondor troops retook a hill outpost near Osgiliath on Sunday.")
