"""Helpers for views: the explicit public list and htmx-aware rendering."""

from django.contrib.auth.decorators import login_not_required


def public(view):
    """Mark a view as reachable without login. Everything else is denied by default
    (LoginRequiredMiddleware); tests/test_permissions.py keeps the list of public URLs."""
    return login_not_required(view)
