"""The sentence encoder: a row does not depend on its batch, so cached vectors are exact."""

from __future__ import annotations

import numpy as np

from frontlines.events import encoder as encoder_module
from frontlines.events.encoder import SentenceEncoder

TEXTS = [
    "Orc raiders shelled the village of Tharbad on Tuesday, killing three farmers.",
    "Rangers of Arnor clashed with hillmen near Fornost.",
    "The council of Minas Tirith met to discuss the harvest, the roads, the levies and the long winter ahead.",
]


def test_a_row_is_the_same_alone_in_a_batch_and_from_the_cache() -> None:
    batch = SentenceEncoder().encode(TEXTS)
    for n, text in enumerate(TEXTS):
        assert np.array_equal(SentenceEncoder().encode([text])[0], batch[n])
    enc = SentenceEncoder()
    first = enc.encode(TEXTS[:2])
    again = enc.encode([TEXTS[1], TEXTS[2], TEXTS[1]])
    assert np.array_equal(first, batch[:2])
    assert np.array_equal(again, batch[[1, 2, 1]])


def test_the_cache_is_bounded_and_drops_the_least_recently_used(monkeypatch) -> None:
    monkeypatch.setattr(encoder_module, "CACHE_SIZE", 2)
    enc = SentenceEncoder()
    enc.encode(TEXTS[:2])
    enc.encode([TEXTS[0]])  # TEXTS[0] is now the most recently used
    enc.encode([TEXTS[2]])
    assert list(enc._cache) == [TEXTS[0], TEXTS[2]]


def test_runs_group_texts_of_about_one_length_and_cover_every_text_once() -> None:
    lengths = [40, 9, 10, 41, 12, 80, 11] + [20] * 20
    runs = encoder_module.batches(lengths)
    assert sorted(i for run in runs for i in run) == list(range(len(lengths)))
    for run in runs:
        assert len(run) <= encoder_module.BATCH
        widths = [lengths[i] for i in run]
        assert max(widths) <= min(widths) * encoder_module.SPREAD + 2
    assert [lengths[i] for i in runs[0]] == [9, 10, 11]
