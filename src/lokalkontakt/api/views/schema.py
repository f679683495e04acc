# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from drf_spectacular.views import SpectacularAPIView

from lokalkontakt.api.views.base import _Public


class SchemaView(_Public, SpectacularAPIView):
    """The OpenAPI 3 schema of /api/v1/, generated from the code (the committed copy in
    docs/api/openapi.yaml must match it: tests/api/test_schema.py). Public."""
