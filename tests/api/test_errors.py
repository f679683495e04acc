# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A server error under /api/ answers JSON as every other API answer does; the pages keep the
site's own error page."""

import json

from django.test import RequestFactory
from django.urls import get_resolver

from lokalkontakt.api.views.errors import server_error


def test_the_resolver_uses_the_apis_error_handler():
    assert get_resolver().resolve_error_handler(500) is server_error


def test_a_server_error_under_api_is_json(db):
    response = server_error(RequestFactory().get("/api/v1/inquiries/"))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(json.loads(response.content)) == {"detail"}


def test_a_server_error_on_a_page_is_the_sites_page(db):
    response = server_error(RequestFactory().get("/omraader/"))

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
