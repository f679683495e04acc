# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API under /api/v1/ for other systems (the municipality's website, self-service
    forms, the case system): public read-only data without a key, the rest with an API key the
    coordinator makes for a named system (models.ApiKey), each key limited to its scopes.

    It sits above the composition layer: it serves the feature apps' selectors and services and
    the journalisation's packages, and nothing imports it."""

    name = "lokalkontakt.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        # drf-spectacular learns the API key scheme from this module's extension class.
        from lokalkontakt.api import schema  # noqa: F401
