# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads for the API key pages."""

import datetime

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lokalkontakt.api.models import ApiKey
from lokalkontakt.core.roles import person_name

# A key that runs out within this many days is pointed out on the list.
EXPIRING_DAYS = 30


def keys_page(page_number, *, per_page: int):
    """A page of every key, revoked and expired ones too, by system, each with `state` (active,
    expired, revoked), `expiring_soon` (active, and runs out within EXPIRING_DAYS) and the names
    of who made and revoked it. Two queries, whatever the number of keys."""
    keys = ApiKey.objects.select_related("created_by__employee", "revoked_by__employee").order_by(
        "name", "created_at", "pk")
    page = Paginator(keys, per_page).get_page(page_number)
    soon = timezone.localdate() + datetime.timedelta(days=EXPIRING_DAYS)
    for api_key in page:
        api_key.state = key_state(api_key)
        api_key.expiring_soon = api_key.state == "active" and api_key.expires_on <= soon
        api_key.created_by_name = person_name(api_key.created_by)
        api_key.revoked_by_name = person_name(api_key.revoked_by)
    return page


def key_state(api_key: ApiKey) -> str:
    if api_key.revoked_at is not None:
        return "revoked"
    return "expired" if api_key.is_expired else "active"


def key_get(*, pk: int) -> ApiKey:
    return get_object_or_404(ApiKey, pk=pk)
