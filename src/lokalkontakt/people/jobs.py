# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The logins' periodic job (registered in apps.py): login records past their retention.

A reset asked for or a refused password link is a login record like django-axes' (a keyed hash
of the address it came from, what the rate limits count): deleted after
LOGIN_RECORD_RETENTION_DAYS. The other events of a login (created, password set, deactivated …)
are the record of who did what to it and stay with the employee, without the address's hash."""

import datetime

from django.conf import settings
from django.utils import timezone

from lokalkontakt.people.models import AccountEvent

Kind = AccountEvent.Kind
ATTEMPTS = (Kind.RESET_REQUESTED, Kind.LINK_REFUSED)


def account_events_prune(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """(attempts deleted, other events whose address hash was removed)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.LOGIN_RECORD_RETENTION_DAYS)
    old = AccountEvent.objects.filter(created_at__lt=cutoff)
    deleted, _ = old.filter(kind__in=ATTEMPTS).delete()
    cleared = old.exclude(client_hash="").update(client_hash="")
    return deleted, cleared


def report() -> str:
    deleted, cleared = account_events_prune()
    return f"Logins: {deleted} old reset requests and refused links deleted, {cleared} addresses forgotten."
