"""Each input format gives one RawDoc per article, with container fields as hints."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from frontlines.errors import InputError
from frontlines.ingest import read_bytes, read_inputs
from frontlines.records import RawDoc

from .conftest import docs, errors


def test_text_file_is_one_document(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Gunmen attacked a checkpoint in Bree.\n", encoding="utf-8")
    [doc] = read_inputs([str(p)])
    assert isinstance(doc, RawDoc)
    assert doc.text == "Gunmen attacked a checkpoint in Bree.\n"
    assert doc.source == str(p)


def test_html_file_keeps_the_markup_for_build_article(fixtures):
    [doc] = read_inputs([str(fixtures / "page.html")])
    assert doc.html is not None and "<article>" in doc.html
    assert doc.text is None


def test_jsonl_reads_each_line_and_maps_fields(fixtures):
    items = list(read_inputs([str(fixtures / "articles.jsonl")]))
    ok = docs(items)
    assert [d.hints.get("id") for d in ok] == ["a1", "a3"]
    assert ok[0].hints["published"] == "2020-05-05"
    assert ok[0].hints["outlet"] == "Bree Gazette"
    assert ok[0].source.endswith("articles.jsonl:1")
    assert ok[1].text.startswith("Hobbits protested")  # "content" is a text column
    assert ok[1].hints["authors"] == "Lotho Pimple, Ted Sandyman"


def test_json_array_gives_one_document_per_item():
    data = json.dumps([{"text": "First report from Bree."}, {"body": "Second report from Bree."}]).encode()
    items = list(read_bytes(data, "x.json"))
    assert [d.text for d in items] == ["First report from Bree.", "Second report from Bree."]
    assert items[1].source == "x.json#item 2"


def test_json_object_with_an_articles_list():
    data = json.dumps({"status": "ok", "articles": [{"title": "T", "content": "Body text.",
                                                     "source": {"id": None, "name": "Bree Gazette"}}]}).encode()
    [doc] = read_bytes(data, "news.json")
    assert doc.text == "Body text."
    assert doc.hints["outlet"] == "Bree Gazette"


def test_single_json_object_is_one_document():
    [doc] = read_bytes(b'{"id": 7, "text": "One article."}', "one.json")
    assert doc.text == "One article." and doc.hints["id"] == "7"
    assert doc.source == "one.json"


def test_csv_detects_fakenewscorpus_columns():
    data = (b'id,domain,type,url,content,scraped_at,title,authors\n'
            b'141,awm.com,unreliable,http://awm.com/x,"Body, with a comma.",2018-01-25 16:17:44,A title,Ruth Harris\n')
    [doc] = read_bytes(data, "corpus.csv")
    assert doc.text == "Body, with a comma."
    assert doc.hints == {"id": "141", "outlet": "awm.com", "url": "http://awm.com/x", "title": "A title",
                         "authors": "Ruth Harris", "scraped_at": "2018-01-25 16:17:44"}
    assert doc.source == "corpus.csv#row 1"


def test_csv_scraped_at_is_not_taken_as_the_publication_date():
    [doc] = read_bytes(b"content,scraped_at\nSome text.,2018-01-25\n", "c.csv")
    assert "published" not in doc.hints


def test_column_map_overrides_detection():
    data = b"headline,body,notes\nT,The body text.,a note\n"
    [doc] = read_bytes(data, "c.csv", column_map={"text": "body", "title": "headline"})
    assert doc.text == "The body text." and doc.hints["title"] == "T"


def test_column_map_naming_a_missing_column_is_a_clear_error():
    [err] = read_bytes(b"a,b\n1,2\n", "c.csv", column_map={"text": "body"})
    assert isinstance(err, InputError)
    assert "'body'" in err.problem and "columns are: 'a', 'b'" in err.hint


def test_csv_without_a_text_column_says_how_to_map_it():
    [err] = read_bytes(b"a,b\n1,2\n", "c.csv")
    assert "no text column" in err.problem and "--column text=NAME" in err.hint


def test_tsv_and_semicolon_csv():
    [tsv] = read_bytes(b"title\ttext\nT\tTab separated body.\n", "x.tsv")
    [semi] = read_bytes(b"title;text\nT;Semicolon body.\n", "x.csv")
    assert tsv.text == "Tab separated body." and semi.text == "Semicolon body."


def test_csv_cell_holding_html_is_read_as_html():
    [doc] = read_bytes(b'text\n"<html><body><p>Hi there.</p></body></html>"\n', "x.csv")
    assert doc.html is not None and doc.text is None


def test_rss_feed_items(fixtures):
    items = list(read_inputs([str(fixtures / "feed.rss.xml")]))
    first, second = docs(items)
    assert first.html is not None and "Osgiliath" in first.html
    assert first.hints == {"id": "gh-101", "title": "Orc raid repelled near Osgiliath",
                           "url": "https://gondor-herald.example/osgiliath-raid",
                           "published": "Sun, 18 Jun 2017 09:30:00 +0000", "authors": "Beregond Guard",
                           "outlet": "Gondor Herald"}
    assert second.text is not None and second.text.startswith("The beacons")
    assert first.source.endswith("feed.rss.xml#item 1")
    [err] = errors(items)
    assert err.source.endswith("#item 3") and "only a link" in err.problem


def test_atom_feed_entry(fixtures):
    [doc] = read_inputs([str(fixtures / "feed.atom.xml")])
    assert doc.html is not None and "Westfold" in doc.html
    assert doc.hints["url"] == "https://rohan-dispatch.example/westfold"
    assert doc.hints["authors"] == "Eomer Eadig" and doc.hints["outlet"] == "Rohan Dispatch"
    assert doc.hints["published"] == "2019-03-02T08:00:00Z"


def test_feed_in_a_legacy_encoding_declared_in_the_prolog():
    xml = ('<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>T</title><item>'
           '<description>قتل مسلحون شخصين في كابول</description></item></channel></rss>').encode("cp1256")
    [doc] = read_bytes(xml, "ar.xml")
    assert doc.text == "قتل مسلحون شخصين في كابول"


@pytest.mark.parametrize("name,content", [
    ("a.txt", b"Plain text article about Bree."),
    ("a.jsonl", b'{"text": "A JSONL article about Bree."}\n'),
    ("a.csv", b"text\nA CSV article about Bree.\n"),
    ("a.html", b"<html><body><p>An HTML article about Bree.</p></body></html>"),
    ("a.xml", b"<rss><channel><item><description>A feed item about Bree.</description></item></channel></rss>"),
])
def test_gzip_of_any_format(tmp_path, name, content):
    p = tmp_path / (name + ".gz")
    p.write_bytes(gzip.compress(content))
    [doc] = read_inputs([str(p)])
    assert isinstance(doc, RawDoc)
    assert "Bree" in (doc.text or doc.html or "")


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second")
    (tmp_path / "b" / "1.txt").write_text("first")
    (tmp_path / "a.txt").write_text("zero")
    (tmp_path / ".hidden.txt").write_text("hidden")
    got = [d.text for d in read_inputs([str(tmp_path)])]
    assert got == ["zero", "first", "second"]


def test_stdin_is_read_with_a_dash(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b'{"text": "From a pipe."}\n'))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = read_inputs(["-"])
    assert doc.text == "From a pipe." and doc.source == "<stdin>:1"


def test_unknown_extension_is_sniffed(tmp_path):
    p = tmp_path / "page.dat"
    p.write_text("<html><body><p>Sniffed as HTML.</p></body></html>")
    [doc] = read_inputs([str(p)])
    assert doc.html is not None


def test_corpus_record_may_point_to_a_file_inside_its_folder(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text("Article text from a file.")
    (tmp_path / "export.jsonl").write_text('{"id": "x1", "path": "texts/one.txt"}\n')
    [doc] = read_inputs([str(tmp_path / "export.jsonl")])
    assert doc.text == "Article text from a file." and doc.hints["id"] == "x1"


def test_multi_member_gzip_reads_every_member():
    data = gzip.compress(b"first part, ") + gzip.compress(b"second part.")
    [doc] = read_bytes(data, "two.txt.gz")
    assert doc.text == "first part, second part."


def test_folders_read_only_article_formats(tmp_path):
    (tmp_path / "page.html").write_text("<html><body><p>The article.</p></body></html>")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "style.css").write_text("p { margin: 0 }")
    (tmp_path / "page_files" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "README.md").write_text("# notes")
    (tmp_path / "more.txt.gz").write_bytes(gzip.compress(b"Another article."))
    got = list(read_inputs([str(tmp_path)]))
    assert [type(d).__name__ for d in got] == ["RawDoc", "RawDoc"]
    assert got[0].text == "Another article." and got[1].html is not None


def test_a_file_named_directly_is_read_whatever_its_extension(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text("An article saved as markdown.")
    [doc] = read_inputs([str(p)])
    assert doc.text == "An article saved as markdown."


def test_an_error_quoting_hostile_header_text_stays_one_short_line():
    hostile = '"headline\nwith a break\x00' + "long " * 200 + '"'
    [err] = read_bytes(f"{hostile},b\n1,2\n".encode(), "c.csv")
    message = str(err)
    assert "no text column" in message and "\\n" in message
    assert "\n" not in message and "\x00" not in message
    assert len(message) <= 400 and message.startswith("c.csv: ")


def test_a_feed_language_becomes_each_items_hint():
    rss = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Gondor Herald</title>"
           b"<language>en-gb</language><item><title>a</title><description>Riders reached Edoras."
           b"</description></item><item><title>b</title><language>fr</language><description>Les cavaliers."
           b"</description></item></channel></rss>")
    items = docs(read_bytes(rss, "feed.xml"))
    assert [d.hints.get("language") for d in items] == ["en-gb", "fr"]


def test_a_language_column_or_key_becomes_a_hint():
    rows = docs(read_bytes(b"id,text,lang\n1,Riders reached Edoras.,en\n", "a.csv"))
    assert rows[0].hints["language"] == "en"
    lines = docs(read_bytes(json.dumps({"text": "Riders reached Edoras.", "language": "en"}).encode(), "a.jsonl"))
    assert lines[0].hints["language"] == "en"
