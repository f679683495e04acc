# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What drf-spectacular needs to describe the API exactly: the API key scheme, and for every
operation the errors it may answer and the scope it needs.

The errors are derived from the view, so an endpoint documents them without saying so: a keyed
operation may answer 401 (no valid key) and 403 (the key lacks the scope), an operation with a
path parameter or a list by page number 404 (no such page), one that takes a body or query
parameters 400. The scope a keyed operation needs is the view's `required_scopes` for the
method, given as `x-required-scope` (the documentation page shows it).

One rule for every optional query parameter: given empty (`?status=`) it is as if left out (no
filter, the first page, the default page size), as a search form left empty sends it. DRF's
serializers read the query string so (an empty value of a field that is not required is not
given), and the pagination does the same; the schema says so with `allowEmptyValue`."""

from contextlib import contextmanager

from django.apps import apps
from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

from lokalkontakt.api.views.base import _Keyed

PAGE = "page"  # a page number past the last: 404 (a cursor the list did not give: 400)


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "lokalkontakt.api.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key the coordinator made for your system "
                           "(Koordinering → API-nøgler): `Authorization: Bearer lk_…`.",
        }


class ApiErrorSerializer(serializers.Serializer):
    """Why the call was refused, in the language of Accept-Language (Danish by default)."""

    detail = serializers.CharField()


VALIDATION_ERROR = {
    "type": "object",
    "description": "What was wrong with the input: `{field: [messages]}` (`non_field_errors` "
                   "for the whole), or `{\"detail\": message}`.",
    "additionalProperties": {},
}


class ApiAutoSchema(AutoSchema):
    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        scope = required_scope(self.view, self.method)
        if scope:
            operation["x-required-scope"] = scope
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query" and not parameter.get("required"):
                parameter["allowEmptyValue"] = True
        responses = operation["responses"]
        for status, description in self._errors(operation):
            if status not in responses:
                responses[status] = {"content": {"application/json": {
                    "schema": self._error_schema(status)}}, "description": description}
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _errors(self, operation) -> list[tuple[str, str]]:
        parameters = operation.get("parameters", [])
        query = {p["name"] for p in parameters if p["in"] == "query"}
        errors = []
        if "requestBody" in operation or query:
            errors.append(("400", "The input is not valid; nothing was changed."))
        if isinstance(self.view, _Keyed):
            errors.append(("401", "No API key, or one that is unknown, expired or revoked."))
            errors.append(("403", "The API key does not hold the scope this operation needs."))
        if any(p["in"] == "path" for p in parameters) or PAGE in query:
            errors.append(("404", "Not found, not within the key's reach, or no such page."))
        return errors

    def _error_schema(self, status: str) -> dict:
        if status == "400":
            component = ResolvedComponent(name="ApiValidationError", type=ResolvedComponent.SCHEMA,
                                          object="ApiValidationError", schema=VALIDATION_ERROR)
            self.registry.register_on_missing(component)
            return component.ref
        return self.resolve_serializer(ApiErrorSerializer, "response").ref


def required_scope(view, method: str) -> str | None:
    """The scope a keyed view needs for `method` (HEAD as GET), or None."""
    scopes = getattr(view, "required_scopes", None) or {}
    return scopes.get("GET" if method.upper() == "HEAD" else method.upper())


@contextmanager
def portable_integer_ranges():
    """Model integer fields' bounds as Django gives them for every database but SQLite (which
    widens them all to 64 bits), so the schema is the same on SQLite and PostgreSQL."""
    ops = connection.ops
    fields = [field for model in apps.get_models() for field in model._meta.get_fields()
              if isinstance(field, models.IntegerField)]

    def forget():
        for field in fields:
            field.__dict__.pop("validators", None)

    forget()
    ops.integer_field_range = BaseDatabaseOperations.integer_field_range.__get__(ops)
    try:
        yield
    finally:
        del ops.integer_field_range
        forget()


class ApiSchemaGenerator(SchemaGenerator):
    def get_schema(self, request=None, public=False):
        with portable_integer_ranges():
            return super().get_schema(request=request, public=public)
