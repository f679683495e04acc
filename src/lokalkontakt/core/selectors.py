# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads of the core's own records that pages share: the e-mails that were not delivered, the
failed logins from one address."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail

Status = OutgoingEmail.Status


def emails_failed() -> QuerySet[OutgoingEmail]:
    """E-mails that failed their last attempt (or that Django refused), newest first; they wait
    for the coordinator's "Send again". With who last sent them again (the user, and their
    employee record by the relation's name: core imports no domain app)."""
    return (OutgoingEmail.objects.filter(status=Status.FAILED)
            .select_related("resent_by", "resent_by__employee")
            .defer("body", "attachments").order_by("-created_at", "-pk"))


def emails_failed_count() -> int:
    return OutgoingEmail.objects.filter(status=Status.FAILED).count()


def emails_delayed(*, now: datetime.datetime | None = None) -> QuerySet[OutgoingEmail]:
    """E-mails still in the queue (waiting for a retry, or being sent) longer than
    settings.EMAIL_DELAYED_MINUTES after they were queued, oldest first: many of them mean that
    the mail server or the worker is down."""
    cutoff = (now or timezone.now()) - datetime.timedelta(minutes=settings.EMAIL_DELAYED_MINUTES)
    return (OutgoingEmail.objects.filter(status__in=[Status.QUEUED, Status.SENDING],
                                         created_at__lt=cutoff)
            .defer("body", "attachments").order_by("created_at", "pk"))


def address_failures(address: str) -> int:
    """Failed logins from the address within django-axes' cool-off time, whichever usernames they
    tried (core.views.LoginView refuses the address beyond LOGIN_ADDRESS_FAILURE_LIMIT)."""
    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    return (AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
            .aggregate(total=Sum("failures_since_start"))["total"] or 0)
