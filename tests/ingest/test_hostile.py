"""Hostile input (issue 8): bombs, entity expansion, deep nesting, huge lines, invisible characters."""

from __future__ import annotations

import contextlib
import gzip
import json
import tracemalloc

from frontlines.clean import clean, match_key
from frontlines.errors import InputError
from frontlines.ingest import build_article, read_bytes, read_inputs
from frontlines.records import RawDoc

from .conftest import docs, errors

MB = 1024 * 1024


def gzip_bomb(n_mb: int) -> bytes:
    """A multi-member gzip stream that expands to ``n_mb`` MB of "a" on one line (about 1 KB per MB)."""
    return gzip.compress(b"a" * MB, compresslevel=9) * n_mb


def test_gzip_bomb_is_capped_with_bounded_memory():
    bomb = gzip_bomb(1024)  # 1 GB of "a" on one line, about 1 MB compressed
    tracemalloc.start()
    [err] = read_bytes(bomb, "bomb.txt.gz", max_bytes=8 * MB)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(err, InputError)
    assert err.problem == "expands to more than max_input_bytes (8,388,608 bytes); not read"
    assert peak < 3 * 8 * MB


def test_gzip_bomb_in_a_jsonl_keeps_the_records_before_it():
    good = b'{"text": "A real record."}\n'
    data = gzip.compress(good) + gzip_bomb(64)  # two gzip members
    first, err = read_bytes(data, "corpus.jsonl.gz", max_bytes=4 * MB)
    assert first.text == "A real record."
    assert "stopped after 1 records" in err.problem


def test_one_gigabyte_file_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(1024 * MB)  # sparse: costs no disk
    tracemalloc.start()
    [err] = read_inputs([str(p)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "larger than max_input_bytes" in err.problem
    assert peak < MB


def test_huge_single_line_in_a_stream_is_cut_at_the_cap():
    [err] = read_bytes(b'{"text": "' + b"x" * (3 * MB), "line.jsonl", max_bytes=MB)
    assert "larger than max_input_bytes" in err.problem


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><item><description>&lol3;</description></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><description>&xxe;</description></item></channel></rss>"""


def test_xml_entity_expansion_is_refused():
    [err] = read_bytes(BILLION_LAUGHS, "lol.xml")
    assert err.problem.startswith("feed refused: it declares XML entities")
    assert "entity-expansion attack" in err.hint


def test_xml_external_entity_is_refused():
    [err] = read_bytes(EXTERNAL_ENTITY, "xxe.xml")
    assert "feed refused" in err.problem
    assert "root:" not in str(err)


def test_deeply_nested_json_is_an_error_not_a_crash():
    [err] = read_bytes(b"[" * 200_000 + b"]" * 200_000, "deep.json")
    assert err.problem == "JSON nested too deeply to read"


def test_deeply_nested_jsonl_line_is_an_error_and_the_next_line_is_read():
    data = b'{"text": ' + b"[" * 200_000 + b"]" * 200_000 + b'}\n{"text": "after"}\n'
    err, doc = read_bytes(data, "deep.jsonl")
    assert err.source == "deep.jsonl:1" and "nested too deeply" in err.problem
    assert doc.text == "after"


def test_deeply_nested_html_never_raises():
    html = ("<div>" * 100_000 + "Deep text" + "</div>" * 100_000).encode()
    items = list(read_bytes(html, "deep.html"))
    for item in items:
        if isinstance(item, RawDoc):
            with contextlib.suppress(InputError):
                build_article(item)
    assert len(items) == 1


def test_deeply_nested_feed_never_raises():
    xml = b"<rss><channel><item><description>" + b"<b>" * 50_000 + b"x" + b"</b>" * 50_000 + \
        b"</description></item></channel></rss>"
    items = list(read_bytes(xml, "deep.xml"))
    assert len(items) == 1


def test_nul_bytes_and_control_characters_stay_raw_but_leave_the_clean_text():
    text = "Orcs raided\x00 Bree\x07 on Tuesday.\r\n\r\nGuards\x1b returned fire.\r\n"
    [raw] = read_bytes(text.encode(), "ctrl.txt")
    article = build_article(raw)
    assert article.raw_text == text
    assert article.clean_text == "Orcs raided Bree on Tuesday.\n\nGuards returned fire."
    s = article.clean_text.index("Bree")
    a, b = article.span_to_raw(s, s + 4)
    assert article.raw_text[a:b] == "Bree"


def test_right_to_left_and_zero_width_characters():
    rtl = "\u202bحلب\u202c"  # Aleppo inside a right-to-left embedding
    text = f"Shelling hit {rtl} and Ho\u200bms on Sunday, killing three people in the old city.\n"
    article = build_article(RawDoc(source="x", text=text))
    assert article.raw_text == text  # kept as given
    assert "\u202b" not in article.clean_text and "\u200b" not in article.clean_text
    assert "حلب" in article.clean_text and "Homs" in article.clean_text
    s = article.clean_text.index("Homs")
    a, b = article.span_to_raw(s, s + 4)
    assert article.raw_text[a:b] == "Ho\u200bms"  # the raw span covers what the user wrote


def test_match_key_removes_invisible_characters_and_folds_case():
    assert match_key("\u202bحلب\u202c") == "حلب"
    assert match_key("Ho\u200bms") == match_key("HOMS") == "homs"
    assert match_key("Deir\u00a0ez-Zor") == "deir ez-zor"  # NFKC: no-break space → space
    assert match_key("مي\u200cخواهم") == "ميخواهم"  # ZWNJ goes from keys only


def test_zero_width_non_joiner_stays_in_clean_text():
    text = "می\u200cخواهم " * 20
    assert "\u200c" in clean(text).text


def test_dotdot_in_corpus_paths_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("outside the export")
    export = tmp_path / "export"
    export.mkdir()
    (export / "c.jsonl").write_text(
        json.dumps({"path": "../secret.txt"}) + "\n" + json.dumps({"path": "/etc/passwd"}) + "\n")
    items = list(read_inputs([str(export / "c.jsonl")]))
    assert docs(items) == []
    first, second = errors(items)
    assert first.problem == "path '../secret.txt' points outside the export's folder; not read"
    assert "stay inside its folder" in first.hint
    assert "points outside" in second.problem


def test_corpus_path_through_a_symlink_out_of_the_folder_is_refused(tmp_path):
    import os

    (tmp_path / "secret.txt").write_text("outside")
    export = tmp_path / "export"
    export.mkdir()
    os.symlink(tmp_path / "secret.txt", export / "link.txt")
    (export / "c.jsonl").write_text(json.dumps({"path": "link.txt"}) + "\n")
    [err] = read_inputs([str(export / "c.jsonl")])
    assert "points outside" in err.problem


def test_corpus_path_may_not_point_to_another_corpus(tmp_path):
    (tmp_path / "c.jsonl").write_text(json.dumps({"path": "c.jsonl"}) + "\n")
    [err] = read_inputs([str(tmp_path / "c.jsonl")])
    assert "is not a .txt or .html file" in err.problem


def test_hints_are_truncated():
    [doc] = read_bytes(json.dumps({"text": "body", "title": "T" * 100_000}).encode() + b"\n", "x.jsonl")
    assert len(doc.hints["title"]) == 2000


def test_text_full_of_control_characters_keeps_a_bounded_offset_map():
    text = "Start of the report.\n\n" + "a\x00" * 500_000 + "\n\nEnd of the report.\n"
    c = clean(text)
    assert len(c.offsets.segments) <= 200_000 + 2  # the cap, then one segment per paragraph
    for clean_start, raw_start, n in c.offsets.segments[-3:]:
        assert c.text[clean_start:clean_start + n] == text[raw_start:raw_start + n]
    assert c.text.endswith("End of the report.")
