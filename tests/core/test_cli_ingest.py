"""`frontlines ingest` on bad input: one clear line per bad file, exit 0, and nothing stored is lost."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import cli

GOOD = "Gunmen attacked a police checkpoint in Kandahar on Sunday, killing two officers.\n"


def run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "ingest", "-j", "1", "-q", *args], catch_exceptions=False)


def count(db: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    finally:
        con.close()


@pytest.fixture()
def stored_db(tmp_path: Path) -> str:
    """A database that already holds one good article."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = str(tmp_path / "store.db")
    assert run(db, str(good)).exit_code == 0
    assert count(db) == 1
    return db


def _pdf(p: Path) -> None:
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def _png(p: Path) -> None:
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")


BAD = {
    "empty.txt": (lambda p: p.write_bytes(b""), "empty"),
    "report.pdf": (_pdf, "PDF"),
    "photo.png": (_png, "PNG"),
    "scripts.html": (lambda p: p.write_text("<html><script>alert(1)</script><style>p{}</style></html>"), "no text"),
    "broken.csv": (lambda p: p.write_text('id,text\n1,"Troops entered Homs.\n2,"unclosed\n'), "broken.csv"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_gets_one_line_and_keeps_what_was_stored(stored_db, tmp_path, name):
    make, expected = BAD[name]
    bad = tmp_path / name
    make(bad)
    result = run(stored_db, str(bad))
    assert result.exit_code in (0, 1)
    lines = [line for line in result.output.splitlines() if str(bad) in line]
    assert lines and expected.lower() in " ".join(lines).lower()
    assert "Traceback" not in result.output
    assert count(stored_db) >= 1


def test_a_missing_path_is_named_and_the_exit_status_says_nothing_was_read(stored_db, tmp_path):
    result = run(stored_db, str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt" in result.output and "no such file" in result.output.lower()
    assert count(stored_db) == 1


def test_a_bad_file_among_good_ones_exits_0_and_stores_the_good(stored_db, tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a.txt").write_text("Protesters marched in Baghdad on Friday against power cuts.\n")
    _pdf(d / "b.txt")  # a PDF saved under a text name
    (d / "style.css").write_text("p { margin: 0 }")  # not an article format: skipped in directories
    result = run(stored_db, str(d))
    assert result.exit_code == 0
    assert "b.txt" in result.output and "style.css" not in result.output
    assert count(stored_db) == 2


def test_strict_stops_at_the_first_bad_file_and_keeps_what_was_stored(stored_db, tmp_path):
    _pdf(tmp_path / "x.pdf")
    result = CliRunner().invoke(cli, ["--db", stored_db, "ingest", "-j", "1", "-q", "--strict", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and "x.pdf" in result.output
    assert count(stored_db) == 1


def test_jsonl_with_one_bad_line_stores_the_others(stored_db, tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text('{"id": "a", "text": "Militants shelled Marib city on Monday."}\n{oops\n'
                 '{"id": "c", "text": "Police arrested five men in Tripoli on Monday."}\n')
    result = run(stored_db, str(f))
    assert result.exit_code == 0 and "corpus.jsonl:2" in result.output
    assert count(stored_db) == 3


def test_windows_1256_and_invalid_utf8_text_is_decoded_not_refused(stored_db, tmp_path):
    (tmp_path / "ar.txt").write_bytes("قصف الجيش مدينة حلب. The army shelled Aleppo.".encode("cp1256"))
    (tmp_path / "bad-utf8.txt").write_bytes(b"Troops entered Homs \xff\xfe on Monday after heavy fighting.\n")
    result = run(stored_db, str(tmp_path / "ar.txt"), str(tmp_path / "bad-utf8.txt"))
    assert result.exit_code == 0, result.output
    assert count(stored_db) == 3


def test_non_ascii_file_names_are_read(stored_db, tmp_path):
    f = tmp_path / "هجوم-ü.txt"
    f.write_text("Rebels attacked an army post near Daraa on Tuesday.\n", encoding="utf-8")
    assert run(stored_db, str(f)).exit_code == 0
    assert count(stored_db) == 2


def test_a_symlink_loop_is_reported(stored_db, tmp_path):
    d = tmp_path / "links"
    d.mkdir()
    os.symlink(d / "l2", d / "l1")
    os.symlink(d / "l1", d / "l2")
    result = run(stored_db, str(d))
    assert "loop" in result.output.lower()
    assert count(stored_db) == 1


def test_gzip_input_is_read(stored_db, tmp_path):
    f = tmp_path / "a.txt.gz"
    f.write_bytes(gzip.compress(b"Fighters seized the town of Gao on Wednesday.\n"))
    assert run(stored_db, str(f)).exit_code == 0
    assert count(stored_db) == 2


@pytest.mark.slow
def test_a_50_mb_file_is_read_or_refused_with_a_clear_line(stored_db, tmp_path):
    f = tmp_path / "huge.txt"
    para = "The army shelled positions near Idlib on Monday, a monitor said.\n\n"
    with f.open("w") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(para * 1000)
    result = run(stored_db, str(f))
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1)
    assert count(stored_db) >= 1


def test_reingesting_adds_nothing(stored_db, tmp_path):
    good = tmp_path / "good.txt"
    result = run(stored_db, str(good))
    assert "0 added" in result.output and "1 already stored" in result.output
    assert count(stored_db) == 1


def test_every_document_read_is_added_already_stored_or_unreadable(stored_db, tmp_path):
    rohan = "Riders of Rohan attacked an orc camp near Edoras on Sunday, the marshal said."
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([
        json.dumps({"id": "r1", "text": GOOD}),  # stored by the fixture already
        json.dumps({"id": "r2", "text": rohan}),
        json.dumps({"id": "r3", "text": rohan}),  # the same text again in this run
        "{not json",
        json.dumps({"id": "r5", "text": "Orcs raided farms near Bree on Monday, killing two people."}),
    ]) + "\n", encoding="utf-8")
    result = run(stored_db, str(rows))
    assert result.exit_code == 0
    summary = result.output.strip().splitlines()[-1]
    assert "5 read, 2 added, 2 already stored, 1 unreadable, 0 not extracted" in summary
    assert count(stored_db) == 3
