"""Atheris fuzz target for frontlines' readers and cleaner.

Run for a bounded time (CI runs this from tests/ingest/test_fuzz.py):

    .venv/bin/python fuzz/fuzz_ingest.py -max_total_time=30 -rss_limit_mb=2048

The first input byte picks the format; the rest is the file's content. Every
RawDoc a reader yields is built into an Article, and the offset map is
checked: each clean segment is the same characters as its raw slice.
A crash is any exception other than InputError, or a broken offset map.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["frontlines"]):
    from frontlines.errors import InputError
    from frontlines.ingest import build_article, read_bytes
    from frontlines.records import RawDoc

NAMES = ("a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.xml", "a.gz", "a.dat")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    for item in read_bytes(data[1:], name, max_bytes=1 << 20):
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            continue
        assert isinstance(item, RawDoc)
        try:
            article = build_article(item)
        except InputError:
            continue
        for clean_start, raw_start, n in article.offsets.segments:
            assert article.clean_text[clean_start:clean_start + n] == article.raw_text[raw_start:raw_start + n]


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
