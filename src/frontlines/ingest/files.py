"""Paths, directories, stdin, gzip, size caps, binary sniffing and encoding detection.

Everything here reads through :class:`Capped`, which refuses to hand out more
than ``max_bytes`` bytes (after decompression), so a gzip bomb or a 1 GB line
costs at most ``max_bytes`` of memory and a clear error.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError

__all__ = ["Capped", "TooLarge", "decode_bytes", "binary_kind", "display_name", "walk", "open_input", "open_stream", "os_error", "close_stream",
           "format_for", "sniff_format", "SIZE_HINT"]

SIZE_HINT = "raise max_input_bytes (FRONTLINES_MAX_INPUT_BYTES) or split the file"
_CHUNK = 1 << 16
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


class TooLarge(Exception):
    """Raised by :class:`Capped` when more than its cap would be read."""


class Capped:
    """A read-only byte stream that raises :class:`TooLarge` past ``cap`` bytes.

    ``head`` is a prefix already read from ``raw`` (for sniffing); it is served first.
    """

    def __init__(self, raw: BinaryIO, cap: int, head: bytes = b"") -> None:
        self.raw = raw
        self.cap = cap
        self.buf = bytearray(head)
        self.pos = 0  # bytes of buf already handed out
        self.total = len(head)
        if self.total > cap:
            raise TooLarge

    def _fill(self, n: int) -> bool:
        """Read at least one more chunk into the buffer; False at end of input."""
        data = self.raw.read(max(n, _CHUNK))
        if not data:
            return False
        self.total += len(data)
        if self.total > self.cap:
            raise TooLarge
        if self.pos > _CHUNK and self.pos * 2 > len(self.buf):
            del self.buf[:self.pos]
            self.pos = 0
        self.buf += data
        return True

    def _take(self, end: int) -> bytes:
        out = bytes(self.buf[self.pos:end])
        self.pos = end
        return out

    def peek(self, n: int) -> bytes:
        while len(self.buf) - self.pos < n and self._fill(n - len(self.buf) + self.pos):
            pass
        return bytes(self.buf[self.pos:self.pos + n])

    def read(self, n: int = -1) -> bytes:
        if n < 0:
            while self._fill(_CHUNK):
                pass
            return self._take(len(self.buf))
        while len(self.buf) - self.pos < n and self._fill(n - len(self.buf) + self.pos):
            pass
        return self._take(min(len(self.buf), self.pos + n))

    def readline(self) -> bytes:
        """One line with its newline (the cap bounds its length)."""
        start = self.pos
        while True:
            i = self.buf.find(b"\n", start)
            if i >= 0:
                return self._take(i + 1)
            start = len(self.buf)
            pos_before = self.pos
            if not self._fill(_CHUNK):
                return self._take(len(self.buf))
            start -= pos_before - self.pos  # the buffer may have been compacted

    def __iter__(self) -> Iterator[bytes]:
        while True:
            line = self.readline()
            if not line:
                return
            yield line


class _GunzipStream:
    """Streaming gzip decompression (multi-member) that never expands more than asked for."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.done = False

    def read(self, n: int) -> bytes:
        while not self.done:
            if self.d.eof:  # a member ended: the next one (if any) starts in unused_data
                rest = self.d.unused_data
                if not rest.strip(b"\x00"):
                    rest += self.raw.read(_CHUNK)
                if not rest.strip(b"\x00"):
                    self.done = True
                    return b""
                self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out = self.d.decompress(rest, n)
            elif self.d.unconsumed_tail:
                out = self.d.decompress(self.d.unconsumed_tail, n)
            else:
                chunk = self.raw.read(_CHUNK)
                if not chunk:
                    self.done = True
                    raise EOFError("the gzip stream ends early (truncated file?)")
                out = self.d.decompress(chunk, n)
            if out:
                return out
        return b""


def display_name(path: str) -> str:
    """The path as shown in messages: undecodable bytes escaped, control characters visible."""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in path):
        path = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def binary_kind(head: bytes) -> str | None:
    """What binary thing ``head`` (the first bytes) starts, or None if it may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = head[:8192]
    if not sample:
        return None
    nul = sample.count(0)
    if nul / len(sample) > 0.05:
        return "binary data (many NUL bytes; UTF-16 text without a byte-order mark?)"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    if controls / len(sample) > 0.05:
        return "binary data (many control bytes)"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding: (text, encoding name). Never fails.

    A byte-order mark wins; then UTF-8; then each line that is not UTF-8 is
    decoded with the encoding charset-normalizer finds for those lines (so a
    file mixing UTF-8 and Windows-1256 lines reads right); undecodable bytes
    become U+FFFD.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, "replace"), codec.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    bad = [ln for ln in lines if not _is_utf8(ln)]
    legacy = _detect_legacy(b"\n".join(bad)[:65536])
    out = [ln.decode("utf-8") if _is_utf8(ln) else ln.decode(legacy, "replace") for ln in lines]
    mixed = any(not ln.isascii() and _is_utf8(ln) for ln in lines)
    label = f"utf-8+{legacy}" if mixed else legacy
    return "\n".join(out), label


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect_legacy(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or best.encoding in ("utf_8", "utf-8", "ascii"):
        return "cp1252"
    return str(best.encoding)


class LineDecoder:
    """Decodes a stream line by line: UTF-8, else a legacy encoding detected on the first bad line."""

    def __init__(self) -> None:
        self.legacy: str | None = None

    def __call__(self, line: bytes) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            if self.legacy is None:
                self.legacy = _detect_legacy(line[:65536])
            return line.decode(self.legacy, "replace")


def readable_name(name: str) -> bool:
    """Whether a file found in a folder is read: a known article format, or its .gz."""
    low = name.lower()
    return format_for(low[:-3] if low.endswith(".gz") else low) is not None


def walk(path: str) -> Iterator[str | InputError]:
    """Files under ``path`` (itself if a file), sorted, recursive, following links once; errors for loops.

    In folders only files with a known extension (and their .gz) are read, so a saved page's
    images, scripts and stylesheets are passed over; a file named directly is always read.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[str] = [path]
    while stack:
        p = stack.pop()
        try:
            st = os.stat(p)
        except OSError as err:
            yield os_error(p, err)
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield p
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield InputError(display_name(p), "symlink loop: this folder was already read",
                             "remove the link that points back to a parent folder")
            continue
        seen.add(key)
        try:
            names = sorted(os.listdir(p))
        except OSError as err:
            yield os_error(p, err)
            continue
        stack.extend(os.path.join(p, n) for n in reversed(names) if not n.startswith(".")
                     and (readable_name(n) or os.path.isdir(os.path.join(p, n))))


def os_error(path: str, err: OSError) -> InputError:
    name = display_name(path)
    if err.errno == errno.ENOENT:
        if os.path.islink(path):
            return InputError(name, "broken symlink: its target does not exist", "fix or remove the link")
        return InputError(name, "no such file or directory", "check the path (quote names with spaces)")
    if err.errno == errno.ELOOP:
        return InputError(name, "symlink loop: the link points back to itself",
                          "fix or remove the link")
    if err.errno == errno.EACCES:
        return InputError(name, "permission denied", "check the file's permissions")
    if err.errno == errno.EISDIR:
        return InputError(name, "is a directory", "pass the folder itself, not a path inside it")
    return InputError(name, f"cannot be read ({err.strerror or err})", "check the path and the disk")


def open_input(path: str, max_bytes: int) -> tuple[Capped, str, bool]:
    """Open a file or "-" (stdin): (capped stream, name to pick the format by, was gzip).

    Raises InputError (not a regular file), TooLarge, OSError or zlib.error.
    """
    if path == "-":
        return open_stream(sys.stdin.buffer, "<stdin>", max_bytes)
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(display_name(path), "not a regular file", "pass a file or a folder")
    raw = open(path, "rb")  # noqa: SIM115 - closed by close_stream()
    try:
        return open_stream(raw, path, max_bytes, size=os.fstat(raw.fileno()).st_size)
    except BaseException:
        raw.close()
        raise


def open_stream(raw: BinaryIO, name: str, max_bytes: int, *, size: int | None = None) -> tuple[Capped, str, bool]:
    """Wrap a byte stream: gzip (by magic bytes) is decompressed on the fly; all of it capped at ``max_bytes``."""
    head = raw.read(2)
    if head == b"\x1f\x8b":
        stream = Capped(_GunzipStream(_Prefixed(head, raw)), max_bytes)  # type: ignore[arg-type]
        stream.peek(8192)
        if name.lower().endswith(".gz"):
            name = name[:-3]
        return stream, name, True
    if size is not None and size > max_bytes:
        raise TooLarge
    return Capped(raw, max_bytes, head), name, False


class _Prefixed:
    def __init__(self, head: bytes, raw: BinaryIO) -> None:
        self.head = head
        self.raw = raw

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            return out + (self.raw.read(n - len(out)) if n > len(out) else b"")
        return self.raw.read(n)

    def close(self) -> None:
        self.raw.close()


def close_stream(stream: Capped) -> None:
    raw = stream.raw
    while isinstance(raw, _GunzipStream | _Prefixed):
        raw = raw.raw
    if raw is not sys.stdin.buffer and hasattr(raw, "close"):
        raw.close()


def format_for(name: str) -> str | None:
    """The format a file name says ("text", "html", "jsonl", "json", "csv", "tsv", "feed"), or None."""
    return FORMATS.get(os.path.splitext(name.lower())[1])


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes, for stdin and unknown extensions."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        if any(tag in text[:4096] for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        first = text.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    return "text"

