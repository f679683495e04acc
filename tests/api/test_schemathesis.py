# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Schemathesis against the running API: every operation of the schema the code generates, with
inputs generated from it, over HTTP to the live server, once without a key and once with a key
holding every scope. No call may answer a server error, a status, content type or body the
schema does not describe, nor accept input the schema forbids.

Bounded for CI (max_examples per operation) and derandomized, so a run is repeatable."""

import json

import pytest
import schemathesis
from django.utils import translation
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.settings import spectacular_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

MAX_EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance, negative_data_rejection,
          ignored_auth, unsupported_method]


def app_schema() -> dict:
    """The schema as the code describes it now (docs/api/openapi.yaml is this, committed)."""
    with translation.override("en"):
        spec = spectacular_settings.DEFAULT_GENERATOR_CLASS().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(spec, renderer_context={}))


schema = schemathesis.openapi.from_dict(app_schema())
schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("keyed", [False, True], ids=["without-key", "with-every-scope"])
@schema.parametrize()
# The world is made once per operation and pass, not per input: what a generated POST creates
# stays for the next input, as it would on a real server.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_the_api_answers_as_its_schema_says(case, keyed, api_world, live_server):
    headers = {"Authorization": f"Bearer {api_world.key}"} if keyed else {}
    if keyed:
        # The case says what is sent: a negative case that left the key out (or made one up)
        # is sent with the key, and judged as sent with it, not as a call without a key that
        # was let in. Passing the headers too marks the key as ours, not generated.
        case.headers = {**case.headers, **headers}

    case.call_and_validate(base_url=live_server.url, headers=headers, checks=CHECKS)
