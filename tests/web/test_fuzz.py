"""schemathesis fuzzes every API operation against its OpenAPI description: never a 5xx, and every
response matches the description (status code, content type, body schema).

Valid requests (per the schema) and invalid ones (schemathesis' negative mode) both.

Bounded: ``MAX_EXAMPLES`` generated requests per operation, so it runs with the
slow group. (schemathesis' own pytest plugin does not run under pytest 9, so the
operations' hypothesis strategies are driven directly.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

MAX_EXAMPLES = 100
# No 5xx; every status code, content type and body is the one the OpenAPI description promises.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

pytestmark = pytest.mark.slow


def operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_fuzzing_covers_every_endpoint(app):
    paths = {op.path for op in operations(app)}
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/places",
            "/api/actors", "/api/stats", "/api/export.csv"} <= paths


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_api_never_answers_5xx(app, mode):
    for op in operations(app):
        if mode is GenerationMode.NEGATIVE and not list(op.iter_parameters()):
            continue  # nothing to break

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case):
            case.call_and_validate(checks=CHECKS)

        fuzz()
