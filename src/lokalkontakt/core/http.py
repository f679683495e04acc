# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Helpers for views: the explicit public list and htmx-aware rendering."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required


def public(view):
    """Mark a view as reachable without login. Everything else is denied by default
    (LoginRequiredMiddleware); tests/test_permissions.py keeps the list of public URLs."""
    return login_not_required(view)


def client_address(request) -> str:
    """The visitor's address, for rate limits. Behind settings.TRUSTED_PROXY_COUNT proxies it is
    the address the outermost trusted proxy saw (X-Forwarded-For, counted from the right, so a
    visitor cannot choose it); otherwise REMOTE_ADDR."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in
                     request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
