# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The organisation's periodic job (registered in apps.py): the OS2mo sync, when configured and
at most once in settings.OS2MO_SYNC_HOURS (the last successful run is the marker)."""

import datetime

from django.conf import settings
from django.utils import timezone

from lokalkontakt.organisation.models import SyncRun
from lokalkontakt.organisation.os2mo.client import Os2moError
from lokalkontakt.organisation.services import os2mo_configured, os2mo_sync


def sync_due(*, now: datetime.datetime) -> bool:
    last = (SyncRun.objects.filter(source=SyncRun.Source.OS2MO, succeeded=True)
            .values_list("started_at", flat=True).first())
    return last is None or now - last >= datetime.timedelta(hours=settings.OS2MO_SYNC_HOURS)


def report() -> str:
    """run_jobs' line for the OS2mo sync; "" (no line) when OS2mo is not configured."""
    if not os2mo_configured():
        return ""
    if not sync_due(now=timezone.now()):
        return "OS2mo: synchronised less than OS2MO_SYNC_HOURS ago."
    try:
        result = os2mo_sync()
    except Os2moError as error:
        return f"OS2mo: not synchronised, nothing changed: {error}"
    return f"OS2mo: {result.summary()}."
