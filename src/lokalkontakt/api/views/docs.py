# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The API's documentation page (/api/v1/docs/): every operation of the OpenAPI schema, grouped
by tag, rendered on the server so it reads without JavaScript; with JavaScript, Swagger UI from
the vendored files (api/static/api/docs.js) adds the interactive version. Public."""

import functools

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from drf_spectacular.settings import spectacular_settings

from lokalkontakt.core.http import public

METHODS = ("get", "post", "put", "patch", "delete")


@functools.cache
def schema() -> dict:
    """The schema the code describes (as docs/api/openapi.yaml has it, in English); made once
    per process, as the code does not change while it runs."""
    with translation.override("en"):
        return spectacular_settings.DEFAULT_GENERATOR_CLASS().get_schema(request=None, public=True)


def operations_by_tag(spec: dict) -> list[tuple[str, list[dict]]]:
    """[(tag, [operation])] in the schema's order: each operation's method, path, summary,
    the scope it needs and whether it needs a key at all."""
    groups: dict[str, list[dict]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            keyed = any(requirement for requirement in operation.get("security", [{}]))
            groups.setdefault((operation.get("tags") or ["API"])[0], []).append({
                "method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                "scope": operation.get("x-required-scope", ""), "keyed": keyed,
                "id": operation.get("operationId", ""),
            })
    return list(groups.items())


def _url_or_none(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


@public
def docs(request):
    groups = operations_by_tag(schema())
    example = next((op for _tag, ops in groups for op in ops
                    if not op["keyed"] and op["method"] == "GET" and "{" not in op["path"]), None)
    return render(request, "api/docs.html", {
        "groups": groups,
        "schema_url": reverse("api:schema"),
        "keys_url": _url_or_none("api_keys:list"),
        "base_url": request.build_absolute_uri("/").rstrip("/"),
        "public_example": example,
        "key_example": reverse("api:key"),
    })
