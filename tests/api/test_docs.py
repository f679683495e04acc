# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The API's documentation page: public, every operation of the schema on the page without
JavaScript, Swagger UI only from the vendored files."""

import re

import pytest
import yaml
from django.test import Client

from lokalkontakt.api.views.docs import operations_by_tag, schema
from tests.conftest import site_text
from tests.permissions import csp_directives, scan_html

pytestmark = pytest.mark.django_db
URL = "/api/v1/docs/"


@pytest.fixture
def page():
    response = Client().get(URL)
    assert response.status_code == 200
    return response


def test_the_page_lists_every_operation_of_the_schema_with_its_access(page):
    html = page.content.decode()
    rows = dict(re.findall(r'<tr id="op-(\w+)">(.*?)</tr>', html, re.S))
    # The code's schema, not the committed copy: test_schema.py tells when those two differ.
    for path, item in schema()["paths"].items():
        for method, operation in item.items():
            row = rows.get(operation["operationId"])
            assert row is not None, f"{method.upper()} {path} is not on the page"
            assert f"<code>{method.upper()}</code>" in row and f"<code>{path}</code>" in row
            assert operation["summary"] in row
    assert site_text("Public, no key") in rows["focus_areas_list"]
    assert site_text("Any valid key") in rows["key_retrieve"]


def test_a_keyed_operation_names_the_scope_it_needs(page):
    spec = {"paths": {"/api/v1/inquiries/": {"get": {
        "operationId": "inquiries_list", "summary": "The inquiries", "tags": ["Inquiries"],
        "security": [{"apiKey": []}], "x-required-scope": "inquiries:read"}}}}

    [(tag, [operation])] = operations_by_tag(spec)

    assert tag == "Inquiries"
    assert operation == {"method": "GET", "path": "/api/v1/inquiries/", "summary": "The inquiries",
                         "scope": "inquiries:read", "keyed": True, "id": "inquiries_list"}


def test_the_page_offers_the_schema_for_download_and_tells_how_to_get_a_key(page):
    html = page.content.decode()

    assert 'href="/api/v1/schema/"' in html
    assert 'href="/api/v1/schema/?format=json"' in html
    assert site_text("How to get a key") in html
    assert 'curl -H "Authorization: Bearer lk_…" http://testserver/api/v1/key/' in html
    assert "curl -H &quot;Accept-Language: en&quot;" not in html
    assert 'curl -H "Accept-Language: en" http://testserver/api/v1/' in html


def test_swagger_ui_comes_from_the_vendored_files_and_no_inline_script(page):
    html = page.content.decode()

    assert scan_html(page.content).problems == []
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui-dist/swagger-ui.css" in html
    assert "/static/api/docs.js" in html
    assert not re.search(r'(src|href)="(https?:)?//', html.split("<main", 1)[1].split("</main>")[0])
    assert "'unsafe-inline'" not in " ".join(csp_directives(page).get("style-src", []))


def test_the_downloads_answer_yaml_and_json():
    yaml_response = Client().get("/api/v1/schema/")
    json_response = Client().get("/api/v1/schema/?format=json")

    assert yaml.safe_load(yaml_response.content)["info"]["title"] == "Lokalkontakt API"
    assert json_response.json()["info"]["title"] == "Lokalkontakt API"
