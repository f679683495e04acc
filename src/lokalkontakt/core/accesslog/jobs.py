# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log's retention: entries older than ACCESS_LOG_RETENTION_DAYS are deleted."""

import datetime

from django.conf import settings
from django.utils import timezone

from lokalkontakt.core.models import AccessLogEntry


def access_log_expire(*, now: datetime.datetime | None = None) -> int:
    before = (now or timezone.now()) - datetime.timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    return AccessLogEntry.objects.expire(before=before)


def report() -> str:
    return f"Access log: {access_log_expire()} entries past retention deleted."
