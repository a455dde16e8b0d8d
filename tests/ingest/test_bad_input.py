"""Bad input never raises out of read_inputs: one clear InputError each, and the run goes on."""

from __future__ import annotations

import os

import pytest

from frontlines.errors import InputError
from frontlines.ingest import build_article, read_bytes, read_inputs
from frontlines.records import RawDoc

from .conftest import docs, errors

GOOD = "Orcs raided the village of Bree on Tuesday, residents said.\n"


def read_one(tmp_path, name: str, content: bytes, **kw):
    p = tmp_path / name
    p.write_bytes(content)
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD)
    items = list(read_inputs([str(p), str(good)], **kw))
    assert docs(items)[-1].text == GOOD, "the next input is still read"
    return items[:-1]


def test_empty_file(tmp_path):
    [err] = read_one(tmp_path, "empty.txt", b"")
    assert isinstance(err, InputError)
    assert str(err) == f"{tmp_path / 'empty.txt'}: empty file: no text to read (hint: remove it, or check what saved it)"


def test_whitespace_only_file_is_empty(tmp_path):
    [err] = read_one(tmp_path, "blank.txt", b"  \n\n\t\n")
    assert "empty file" in err.problem


@pytest.mark.parametrize("name,content,what", [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)) * 4, "a PDF document"),
    ("map.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "a PNG image"),
    ("disguised.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image"),
    ("blob.bin", bytes(range(256)) * 8, "binary data"),
])
def test_binary_files_are_refused_by_magic_bytes_or_nul_ratio(tmp_path, name, content, what):
    [err] = read_one(tmp_path, name, content)
    assert f"is {what}" in err.problem and "not text" in err.problem
    assert ".txt, .html" in err.hint


def test_invalid_utf8_is_decoded_not_refused(tmp_path):
    [doc] = read_one(tmp_path, "latin.txt", "Caf\u00e9 bomb\u00e9 in Orl\u00e9ans, na\u00efve report.\n".encode("cp1252"))
    assert isinstance(doc, RawDoc)
    assert "Orléans" in doc.text
    assert doc.hints["encoding"].startswith("cp125")


def test_windows_1256_arabic_is_detected(tmp_path):
    text = "قتل مسلحون شخصين في كابول يوم الأحد، حسبما أفادت مصادر محلية. وقالت الشرطة إن الهجوم وقع في سوق مزدحم.\n"
    [doc] = read_one(tmp_path, "ar.txt", text.encode("cp1256"))
    assert doc.text == text
    assert doc.hints["encoding"] == "cp1256"


def test_mixed_utf8_and_windows_1256_lines_both_read_right(tmp_path):
    arabic = "قتل مسلحون شخصين في كابول يوم الأحد، حسبما أفادت مصادر محلية"
    data = "English line with café in UTF-8.\n".encode() + arabic.encode("cp1256") + b"\n"
    [doc] = read_one(tmp_path, "mixed.txt", data)
    assert doc.text == f"English line with café in UTF-8.\n{arabic}\n"
    assert doc.hints["encoding"] == "utf-8+cp1256"


def test_a_50_mb_file_is_read(tmp_path):
    line = "Riders of Rohan patrolled the Westfold on Friday after reports of raids.\n"
    p = tmp_path / "big.txt"
    with open(p, "w", encoding="utf-8") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert p.stat().st_size >= 50 * 1024 * 1024
    [doc] = read_inputs([str(p)])
    assert isinstance(doc, RawDoc) and len(doc.text) == p.stat().st_size


def test_file_over_max_bytes_is_refused_before_reading(tmp_path):
    [err] = read_one(tmp_path, "big.txt", b"x" * 2000, max_bytes=1000)
    assert "larger than max_input_bytes (1,000 bytes)" in err.problem
    assert "FRONTLINES_MAX_INPUT_BYTES" in err.hint


def test_csv_with_broken_quoting_reads_the_good_rows(fixtures):
    items = list(read_inputs([str(fixtures / "broken.csv")]))
    assert [d.hints["id"] for d in docs(items)] == ["1", "3", "5"]
    bad = errors(items)
    assert [e.source.rsplit("#", 1)[1] for e in bad] == ["row 2", "row 4"]
    assert "broken quoting at line 3" in bad[0].problem
    assert "broken quoting at line 5" in bad[1].problem
    assert "the other rows are read" in bad[0].hint


def test_csv_row_with_too_many_fields_is_reported():
    items = list(read_bytes(b"id,text\n1,ok\n2,too,many\n3,fine\n", "x.csv"))
    assert [d.hints["id"] for d in docs(items)] == ["1", "3"]
    [err] = errors(items)
    assert err.source == "x.csv#row 2" and "has 3 fields at line 3, the header has 2" in err.problem


def test_jsonl_with_one_bad_line(fixtures):
    items = list(read_inputs([str(fixtures / "articles.jsonl")]))
    [err] = errors(items)
    assert err.source.endswith("articles.jsonl:2")
    assert err.problem.startswith("not valid JSON (")
    assert err.hint == "fix or remove that line; the other lines are read"
    assert len(docs(items)) == 2


def test_jsonl_record_without_text_is_reported():
    [err] = read_bytes(b'{"title": "no body"}\n', "x.jsonl")
    assert err.source == "x.jsonl:1" and "no text" in err.problem and "--column text=" in err.hint


def test_html_that_is_only_scripts(tmp_path):
    html = b"<html><head><script>var a = 1;</script></head><body><script>go()</script><style>p{}</style></body></html>"
    [err] = read_one(tmp_path, "scripts.html", html)
    assert err.problem == "HTML has no text"
    assert "only scripts/styles" in err.hint


def test_build_article_refuses_text_that_is_all_residue():
    with pytest.raises(InputError, match="no article text left"):
        build_article(RawDoc(source="x.txt", text="- Advertisement -\n\nReport this ad\n0 86\n"))


def test_non_ascii_file_names(tmp_path):
    p = tmp_path / "حلب-تقرير ñ 東京.txt"
    p.write_text(GOOD, encoding="utf-8")
    [doc] = read_inputs([str(p)])
    assert doc.text == GOOD and "حلب-تقرير ñ 東京.txt" in doc.source


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_undecodable_file_name_is_shown_escaped(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"bad-\xff.txt")
    with open(raw, "wb") as f:
        f.write(GOOD.encode())
    [doc] = read_inputs([str(tmp_path)])
    assert doc.text == GOOD
    assert doc.source.endswith("bad-\\xff.txt")
    doc.source.encode("utf-8")  # printable anywhere


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    err, doc = read_inputs([str(missing), str(good)])
    assert str(err) == f"{missing}: no such file or directory (hint: check the path (quote names with spaces))"
    assert doc.text == GOOD


def test_symlink_to_itself(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    [err] = read_inputs([str(loop)])
    assert "symlink loop" in err.problem and "fix or remove the link" in err.hint


def test_directory_symlink_loop_is_read_once(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(GOOD)
    os.symlink(tmp_path / "d", tmp_path / "d" / "back")
    items = list(read_inputs([str(tmp_path)]))
    assert [d.text for d in docs(items)] == [GOOD]
    [err] = errors(items)
    assert err.source.endswith("back") and "symlink loop" in err.problem


def test_broken_symlink(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    [err] = read_inputs([str(tmp_path / "link.txt")])
    assert "broken symlink" in err.problem


def test_truncated_gzip(tmp_path):
    import gzip

    data = gzip.compress(GOOD.encode() * 100)[:-20]
    [err] = read_one(tmp_path, "cut.txt.gz", data)
    assert "not a valid gzip file" in err.problem


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_file_is_not_read_forever():
    [err] = read_inputs(["/dev/zero"])
    assert err.problem == "not a regular file"


def test_a_single_path_string_is_one_path(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text(GOOD)
    [doc] = read_inputs(str(p))
    assert doc.text == GOOD
