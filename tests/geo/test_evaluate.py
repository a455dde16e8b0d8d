"""eval geo: reading GeoWebNews, scoring by span overlap and 161 km, the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.errors import EvalError
from frontlines.geo.evaluate import GoldArticle, GoldToponym, read_gwn, score
from frontlines.records import Place

GWN_SNIPPET = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title>
    <text>Clashes in Aleppo and the city centre.</text>
    <toponyms>
      <toponym><extractedName>Aleppo</extractedName><type>Literal</type><start>11</start><end>17</end>
        <geonamesID>170063</geonamesID><latitude>36.20124</latitude><longitude>37.16117</longitude></toponym>
      <toponym><extractedName>city</extractedName><type>Literal_Expression</type><start>26</start><end>30</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def _place(start, end, lat=None, lon=None, gid=None):
    precision = "point" if lat is not None else "unresolved"
    return Place("x", start, end, None, gid, lat, lon, None, None, None, precision)


def _gold(*toponyms):
    return [GoldArticle("0", "", tuple(toponyms))]


ALEPPO = GoldToponym(11, 17, "Aleppo", "Literal", 170063, 36.20124, 37.16117)
EXPRESSION = GoldToponym(26, 30, "city", "Literal_Expression", None, None, None)


def test_read_gwn_keeps_offsets_types_and_ids(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_SNIPPET, encoding="utf-8")
    (article,) = read_gwn(path)
    assert article.id == "7" and article.text[11:17] == "Aleppo"
    assert article.toponyms[0] == ALEPPO


def test_read_gwn_missing_file_names_it(tmp_path):
    with pytest.raises(EvalError, match="no such file"):
        read_gwn(tmp_path / "nope.xml")


def test_overlapping_prediction_counts_as_recognised():
    s = score(_gold(ALEPPO), [[_place(8, 14, 36.2, 37.2)]])
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_prediction_on_an_expression_counts_against_precision():
    s = score(_gold(ALEPPO, EXPRESSION), [[_place(11, 17, 36.2, 37.2), _place(26, 30, 36.2, 37.2)]])
    assert s.gold == 1 and s.precision == 0.5 and s.recall == 1.0


def test_same_geonames_id_is_correct_even_far_away():
    s = score(_gold(ALEPPO), [[_place(11, 17, 0.0, 0.0, gid=170063)]])
    assert s.accuracy == 1.0


def test_within_161_km_is_correct():
    s = score(_gold(ALEPPO), [[_place(11, 17, 37.0, 37.16)]])  # about 89 km north
    assert s.accuracy == 1.0


def test_farther_than_161_km_is_wrong():
    s = score(_gold(ALEPPO), [[_place(11, 17, 33.51, 36.29)]])  # Damascus
    assert s.accuracy == 0.0 and s.median_error_km > 161


def test_recognised_but_unresolved_counts_as_wrong():
    s = score(_gold(ALEPPO), [[_place(11, 17)]])
    assert s.accuracy == 0.0 and s.unresolved == 1


def test_cli_eval_geo_json(tmp_path, gazetteer):
    from frontlines.cli import cli

    path = tmp_path / "gwn.xml"
    path.write_text(GWN_SNIPPET, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "geo", "--gold", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["docs"] == 1 and scores["recall"] == 1.0 and scores["accuracy"] == 1.0


def test_cli_eval_geo_bad_file_is_one_line_error(tmp_path):
    from frontlines.cli import cli

    path = tmp_path / "gwn.xml"
    path.write_text("<articles", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "geo", "--gold", str(path)])
    assert result.exit_code == 2 and "not valid XML" in result.output


JSONL_ARTICLE = {"id": "mt-1", "outlet": "The Minas Tirith Herald", "url": "https://herald.example/a",
                 "text": "Riders left Minas Tirith for Osgiliath.",
                 "toponyms": [{"start": 12, "end": 24, "geonameid": None, "lat": 44.0, "lon": -120.5},
                              {"start": 29, "end": 38, "type": "Embedded_Non_Lit", "lat": None, "lon": None}]}


def test_read_jsonl_gold_keeps_offsets_outlet_and_url(tmp_path):
    from frontlines.geo.evaluate import read_gold

    path = tmp_path / "local.jsonl"
    path.write_text(json.dumps(JSONL_ARTICLE) + "\n\n", encoding="utf-8")
    (article,) = read_gold(path)
    assert (article.id, article.outlet, article.url) == ("mt-1", "The Minas Tirith Herald", "https://herald.example/a")
    first, second = article.toponyms
    assert (first.text, first.type, first.lat, first.lon) == ("Minas Tirith", "Literal", 44.0, -120.5)
    assert (second.text, second.type, second.lat) == ("Osgiliath", "Embedded_Non_Lit", None)


def test_read_jsonl_gold_rejects_offsets_outside_the_text(tmp_path):
    from frontlines.geo.evaluate import read_jsonl_gold

    bad = {**JSONL_ARTICLE, "toponyms": [{"start": 30, "end": 90}]}
    path = tmp_path / "local.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="outside the text"):
        read_jsonl_gold(path)


def test_read_jsonl_gold_names_a_line_that_is_not_an_article(tmp_path):
    from frontlines.geo.evaluate import read_jsonl_gold

    path = tmp_path / "local.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=":1: not a labelled article"):
        read_jsonl_gold(path)


def test_the_outlet_of_a_jsonl_article_reaches_the_pipeline():
    from frontlines.geo.evaluate import _article

    gold = GoldArticle("mt-1", "Riders left.", (), "The Minas Tirith Herald", "https://herald.example/a")
    article = _article(gold)
    assert (article.outlet, article.url) == ("The Minas Tirith Herald", "https://herald.example/a")
