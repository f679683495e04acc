# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A user's private calendar feed."""

import secrets

from django.db import transaction

from lokalkontakt.meetings.models import CalendarFeed


@transaction.atomic
def calendar_feed_get_or_reset(*, user, reset: bool = False) -> CalendarFeed:
    """The user's calendar feed, made on first use; `reset` gives it a new key, which ends the old
    address."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(
        user=user, defaults={"key": secrets.token_hex(32)})
    if reset and not created:
        feed.key = secrets.token_hex(32)
        feed.save(update_fields=["key"])
    return feed
