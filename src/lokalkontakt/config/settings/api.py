# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The REST API (/api/v1/): authentication by API key only, JSON only, deny by default; the
OpenAPI schema; which other websites' scripts may read the public endpoints (CORS)."""

from .base import env_list

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["lokalkontakt.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["lokalkontakt.api.permissions.ScopeRequired"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "lokalkontakt.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "lokalkontakt.api.schema.ApiAutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Lokalkontakt API",
    "DESCRIPTION": (
        "The local-contact scheme's data for other systems. The local areas, their contacts and "
        "the focus areas are public and need no key. Everything else needs an API key "
        "(`Authorization: Bearer lk_…`) that the coordinator makes for a named system, holding "
        "the scopes the system needs; every call that returns personal data is written to the "
        "access log. Lists are paginated (`page`, `page_size` up to 200). An optional query "
        "parameter given empty (`?status=`) is as if left out: no filter."),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SORT_OPERATION_PARAMETERS": True,
    # Choice sets whose field names repeat across components ("status", "kind").
    "ENUM_NAME_OVERRIDES": {
        "InquiryStatusEnum": "lokalkontakt.inquiries.models.Inquiry.Status",
        "InquiryEventKindEnum": "lokalkontakt.inquiries.models.InquiryEvent.Kind",
        "SubmitterKindEnum": "lokalkontakt.inquiries.models.Inquiry.SubmitterKind",
        "ConsultationStatusEnum": "lokalkontakt.consultations.models.Consultation.Status",
        "ConsultationAnswerStatusEnum":
            "lokalkontakt.consultations.models.ConsultationTask.Status",
    },
    # The same schema whatever the database (api.schema.portable_integer_ranges).
    "DEFAULT_GENERATOR_CLASS": "lokalkontakt.api.schema.ApiSchemaGenerator",
}

# The municipality's websites whose scripts may read the public endpoints (e.g.
# "https://www.hedensted.dk"). Keyed endpoints are not offered across origins: a key belongs on a
# server, never in a browser.
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS", "")
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language")
CORS_ALLOW_CREDENTIALS = False
