# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The committed OpenAPI schema (docs/api/openapi.yaml) is the API the code serves: a change to
the API without a new schema fails here, and so does a schema drf-spectacular warns about."""

from pathlib import Path

import yaml
from django.core.management import call_command
from django.test import Client

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"


def generate(path: Path) -> str:
    """The schema as `make schema` writes it: in English, validated, failing on any warning."""
    call_command("spectacular", "--lang", "en", "--validate", "--fail-on-warn", "--file", str(path))
    return path.read_text(encoding="utf-8")


def test_the_committed_schema_is_the_one_the_code_generates(tmp_path):
    generated = generate(tmp_path / "openapi.yaml")

    assert COMMITTED.is_file(), "docs/api/openapi.yaml is missing: run `make schema` and commit it"
    assert generated == COMMITTED.read_text(encoding="utf-8"), (
        "The API has changed but docs/api/openapi.yaml has not: run `make schema` and commit "
        "the result (review the diff: it is what the API's users will see change).")


def test_the_schema_is_generated_the_same_way_twice(tmp_path):
    assert generate(tmp_path / "first.yaml") == generate(tmp_path / "second.yaml")


def test_the_live_schema_describes_the_same_operations_as_the_committed_one(db):
    response = Client().get("/api/v1/schema/?format=json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert _operations(response.json()) == _operations(committed)


def _operations(schema: dict) -> set[tuple[str, str]]:
    return {(method, path) for path, item in schema["paths"].items() for method in item
            if method in {"get", "put", "post", "patch", "delete"}}
