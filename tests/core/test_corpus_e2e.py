"""End-to-end over the 250-row FakeNewsCorpus sample and the sample article."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.cli import cli


def _counts(output: str) -> dict[str, int]:
    summary = output.strip().splitlines()[-1].split(": ", 1)[1]
    return {part.split(" ", 1)[1]: int(part.split(" ", 1)[0]) for part in summary.split(", ")}


@pytest.mark.slow
def test_fakenews_sample_ingests_without_crash_and_twice_adds_nothing(fakenews_csv, tmp_path):
    db = str(tmp_path / "fn.db")
    first = CliRunner().invoke(cli, ["--db", db, "ingest", "-q", str(fakenews_csv)], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "Traceback" not in first.output
    counts = _counts(first.output)
    # Every row is read and accounted for: stored, a duplicate of a stored text, or unreadable.
    assert counts["read"] == 250
    assert counts["added"] + counts["already stored"] + counts["unreadable"] == 250
    assert counts["added"] >= 230
    again = CliRunner().invoke(cli, ["--db", db, "ingest", "-q", str(fakenews_csv)], catch_exceptions=False)
    again_counts = _counts(again.output)
    assert again_counts["read"] == 250 and again_counts["added"] == 0
    assert again_counts["already stored"] == counts["added"] + counts["already stored"]


@pytest.mark.slow
def test_extract_writes_one_contract_line_per_input(sample_path, tmp_path):
    import jsonschema

    from frontlines import contract

    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "s1", "text": sample_path.read_text(encoding="utf-8")}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "h1", "html": "<html><body><article><p>Gunmen attacked a checkpoint in Kandahar on "
                      "Sunday, killing two police officers, officials said.</p></article></body></html>",
                      "published": "2021-05-02", "outlet": "Example"}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-j", "1", "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records][0::2] == ["s1", "h1"]
    assert records[1]["errors"] and "in.jsonl:2" in records[1]["errors"][0]
    validator = jsonschema.Draft202012Validator(contract.schema())
    for r in records:
        validator.validate(r)
    sample = records[0]
    text = sample_path.read_text(encoding="utf-8")
    assert sample["published"] == "2017-06-18" and sample["outlet"] == "Fort Russ News"
    for item in sample["places"] + sample["events"]:
        quoted = item.get("text") or item.get("sentence")
        assert text[item["start"]:item["end"]] == quoted
    html = records[2]
    for e in html["events"]:
        assert html["clean_text"][e["start"]:e["end"]] == e["sentence"]


@pytest.mark.slow
def test_extract_resume_skips_what_was_written(sample_path, tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Protesters gathered in Baghdad on day {i}.", "published": "2020-05-01"})
             for i in range(4)]
    src.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text(CliRunner().invoke(cli, ["extract", str(tmp_path / "in.jsonl"), "-j", "1", "-q"]).output
                   .split("extract:")[0].splitlines()[0] + "\n{\"id\": \"a1\", \"tit")  # one line + a cut line
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "--resume", "-j", "1", "-q"], catch_exceptions=False)
    assert res.exit_code == 0
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == ["a0", "a1", "a2", "a3"]
