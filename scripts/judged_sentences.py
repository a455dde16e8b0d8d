"""Rebuild our judged sentences (kept in the repository as references, without their text) as JSONL
that ``frontlines eval events --sentences`` reads.

    python scripts/judged_sentences.py eval/sentences/fnc-judged.refs.jsonl /tmp/fnc-judged.jsonl
    python scripts/judged_sentences.py eval/sentences/gwn-judged.refs.jsonl /tmp/gwn-judged-b.jsonl --half B

Each reference names its corpus (``fakenews``: the ``content`` column of
``../shared/corpus/fakenews-sample.csv``; ``gwn``: the ``<text>`` of ``../shared/eval/geo/gwn.xml``;
``plover``: the ``text`` of a record of ``../shared/eval/events/plover-gsr.json``), the article
(``doc``: the FakeNewsCorpus ``id``, the GeoWebNews ``file`` or the PLOVER record's ``id``), the
sentence's character offsets in that text and the first 12 hex digits of the sentence's SHA-1, which
is checked. The sentences come from evaluation files, so their text stays outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

from defusedxml import ElementTree

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def fakenews_texts(path: Path) -> dict[str, str]:
    """FakeNewsCorpus article id → raw content."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["id"]: row["content"] for row in csv.DictReader(fh)}


def gwn_texts(path: Path) -> dict[str, str]:
    """GeoWebNews article file id → text."""
    root = ElementTree.parse(str(path)).getroot()
    return {a.get("file") or "": a.findtext("text") or "" for a in root.iter("article")}


def plover_texts(path: Path) -> dict[str, str]:
    """PLOVER gold-standard record id → its sentence (the DOCUMENT record has none).

    One id is used by two records in the file: the second record with an id gets ``#2``.
    """
    texts: dict[str, str] = {}
    for record in json.loads(path.read_text(encoding="utf-8")):
        if "text" not in record:
            continue
        doc, n = record["id"], 1
        while doc in texts:
            n += 1
            doc = f"{record['id']}#{n}"
        texts[doc] = record["text"]
    return texts


def sha12(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("refs", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--half", choices=["A", "B"], help="only the references of this half")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default ../shared)")
    args = ap.parse_args()
    texts = {"fakenews": fakenews_texts(args.shared / "corpus" / "fakenews-sample.csv"),
             "gwn": gwn_texts(args.shared / "eval" / "geo" / "gwn.xml"),
             "plover": plover_texts(args.shared / "eval" / "events" / "plover-gsr.json")}
    n = 0
    with args.refs.open(encoding="utf-8") as refs, args.out.open("w", encoding="utf-8") as out:
        for lineno, line in enumerate(refs, 1):
            if not line.strip():
                continue
            ref = json.loads(line)
            if args.half and ref.get("half") != args.half:
                continue
            text = texts[ref["corpus"]][str(ref["doc"])][ref["start"]:ref["end"]]
            if sha12(text) != ref["sha1"]:
                sys.exit(f"{args.refs}:{lineno}: the text at {ref['doc']}[{ref['start']}:{ref['end']}] "
                         "does not match its sha1: is ../shared the one the references were made from?")
            row = {"id": ref["id"], "corpus": ref["corpus"], "text": text, "events": ref["events"],
                   "out_of_scope": ref.get("out_of_scope", "")}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} sentences -> {args.out}")


if __name__ == "__main__":
    main()
