# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A path under /api/ that matches no route answers as the API does, JSON `{"detail": ...}`, not
the site's HTML page: a client of the API reads every answer the same way, and the schema
describes it (a path parameter the route's pattern refuses, e.g. a slug with a full stop, never
reaches the view)."""

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import page_not_found
from django.views.defaults import server_error as default_server_error
from rest_framework.exceptions import NotFound

API_PREFIX = "/api/"


def not_found(request, exception=None):
    """settings' handler404: JSON under /api/, the site's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return page_not_found(request, exception)


def server_error(request):
    """settings' handler500: JSON under /api/ (the error is logged with the request id, which the
    response carries), the site's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": str(_("A server error occurred."))}, status=500)
    return default_server_error(request)
