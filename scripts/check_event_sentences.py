#!/usr/bin/env python3
"""Check the labelled event sentences in training/events/*.jsonl (format, labels, duplicates).

Each line must be a JSON object with exactly the keys id, style, text, events, out_of_scope
(see training/events/README.md); ids and texts must be unique across all files, sub-event types
must be the 25 ACLED names, statuses occurred/planned/denied/uncertain, and out_of_scope one of
the allowed kinds ("" when the sentence reports an event). Prints counts; exits 1 on any problem.

Example:
    python scripts/check_event_sentences.py
    python scripts/check_event_sentences.py training/events/news.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from frontlines.events.gate import OUT_OF_SCOPE
from frontlines.events.ontology import SUB_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
KEYS = {"id", "style", "text", "events", "out_of_scope"}
STATUSES = {"occurred", "planned", "denied", "uncertain"}


def row_problems(row: object) -> list[str]:
    """What is wrong with one parsed line (empty when it is a valid labelled sentence)."""
    if not isinstance(row, dict) or set(row) != KEYS:
        return [f"keys must be exactly {sorted(KEYS)}"]
    problems = []
    if not isinstance(row["text"], str) or not row["text"].strip():
        problems.append("empty text")
    events = row["events"]
    if not isinstance(events, list):
        return problems + ["events must be a list"]
    subs = [e.get("sub_event_type") for e in events if isinstance(e, dict)]
    if len(subs) != len(events) or any(set(e) != {"sub_event_type", "status"} for e in events):
        problems.append("each event must be {sub_event_type, status}")
    problems += [f"unknown sub-event type {s!r}" for s in subs if s not in SUB_EVENT_TYPES]
    problems += [f"unknown status {e.get('status')!r}" for e in events if e.get("status") not in STATUSES]
    if len(set(subs)) != len(subs):
        problems.append("a sub-event type listed twice")
    oos = row["out_of_scope"]
    if events and oos:
        problems.append("out_of_scope must be empty when the sentence reports an event")
    if not events and oos not in OUT_OF_SCOPE and oos != "":
        problems.append(f"out_of_scope {oos!r} not one of {OUT_OF_SCOPE}")
    return problems


def check_files(paths: list[Path], all_paths: list[Path]) -> tuple[list[str], Counter[str]]:
    """Problems in ``paths`` (duplicates checked against every file in ``all_paths``) and label counts."""
    problems: list[str] = []
    counts: Counter[str] = Counter()
    seen_ids: dict[str, tuple[str, bool]] = {}
    seen_texts: dict[str, tuple[str, bool]] = {}
    for path in all_paths:
        checked = path in paths
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            try:
                row = json.loads(line)
            except ValueError as err:
                problems.append(f"{where}: not JSON ({err})")
                continue
            if checked:
                problems += [f"{where}: {p}" for p in row_problems(row)]
                labels = [e.get("sub_event_type") for e in row.get("events", [])] or [f"[{row.get('out_of_scope')}]"]
                counts.update(f"{path.name} {label}" for label in labels)
            key = " ".join(str(row.get("text", "")).lower().split())
            for seen, value in ((seen_ids, str(row.get("id"))), (seen_texts, key)):
                first, first_checked = seen.get(value, ("", False))
                if first and (checked or first_checked):
                    problems.append(f"{where}: duplicate {'id' if seen is seen_ids else 'text'} (first at {first})")
                seen.setdefault(value, (where, checked))
    return problems, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="files to check (default: all training/events/*.jsonl)")
    parser.add_argument("--counts", action="store_true", help="print label counts per file")
    args = parser.parse_args(argv)
    all_paths = sorted((ROOT / "training" / "events").glob("*.jsonl"))
    paths = [p.resolve() for p in args.files] or all_paths
    problems, counts = check_files(paths, sorted(set(all_paths) | set(paths)))
    for problem in problems:
        print(problem)
    if args.counts:
        for label, n in sorted(counts.items()):
            print(f"{n:6d}  {label}")
    print(f"{len(problems)} problem(s) in {len(paths)} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
