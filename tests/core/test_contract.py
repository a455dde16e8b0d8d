"""The extract contract: records serialise to JSON that the shipped JSON Schema accepts."""

import json

import jsonschema
import pytest

from frontlines import contract

from .records import result


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(contract.schema())


def test_a_record_validates_against_the_schema(validator):
    validator.validate(contract.to_record(result()))


def test_offsets_point_into_the_supplied_text():
    rec = contract.to_record(result())
    text = result().article.raw_text
    for p in rec["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
    for e in rec["events"]:
        assert text[e["start"]:e["end"]] == e["sentence"]


def test_event_place_carries_geo_precision():
    rec = contract.to_record(result())
    assert rec["events"][0]["place"]["geo_precision"] == 1
    assert rec["events"][1]["place"] is None


def test_a_wrong_modality_is_rejected_by_the_schema(validator):
    rec = contract.to_record(result())
    rec["events"][0]["modality"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(rec)


def test_dumps_is_one_line_of_utf8_json():
    line = contract.dumps(contract.to_record(result("Des combats à Osgiliath.\n\nOrc raiders shelled it.")))
    assert "\n" not in line and "à" in line
    assert json.loads(line)["clean_text"].startswith("Des combats")
