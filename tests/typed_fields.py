# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reading the typed choice fields (core.typed_choice: areas, employees) off a page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def field_html(html: str, name: str) -> str:
    """The form group of the field `name`: its label, help, errors and control."""
    start = html.index(f'<label class="form-label" for="id_{name}"')
    return html[start:html.index("</div>", start)]


def options(html: str) -> int:
    return html.count("<option")


def page(client, url, params=None) -> tuple[str, int]:
    """The page's HTML (it must answer 200) and the number of queries it made."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode(), len(queries)
