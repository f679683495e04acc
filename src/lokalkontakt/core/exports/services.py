# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Prepared exports: asking for one (queued for the worker), the asker's own (only theirs), and
deleting them after a while (the periodic job)."""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.registry import exports
from lokalkontakt.core.exports.tasks import prepare_export

# A queued export not started after this many minutes: the worker may be stopped (the page says so).
WORKER_LATE_MINUTES = 2
Status = PreparedExport.Status


def keep_hours() -> int:
    """How long a prepared export is kept (it may hold personal data): EXPORT_DOWNLOAD_HOURS."""
    return settings.EXPORT_DOWNLOAD_HOURS


def jsonable(values: dict) -> dict:
    """A validated filter's values as JSON that its form accepts again: objects by their pk,
    dates in ISO format, empty values left out."""
    def plain(value):
        if isinstance(value, models.Model):
            return value.pk
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, list | tuple | models.QuerySet):
            return [plain(item) for item in value]
        return value
    return {name: plain(value) for name, value in values.items() if value not in (None, "", [])}


@transaction.atomic
def export_request(*, user, name: str, params: dict, rows: int) -> PreparedExport:
    """Queue export `name` (registered in core.exports.registry) with `params` for `user`; the
    worker builds it once this commits. The same export with the same filter, queued or ready
    and not expired, is given again instead of a second (asking twice builds it once)."""
    if name not in exports:
        raise ValueError(f"{name} is not a registered export")
    same = _unexpired().filter(requested_by=user, name=name, params=params,
                               status__in=[Status.QUEUED, Status.READY]).first()
    if same is not None:
        return same
    export = PreparedExport.objects.create(requested_by=user, name=name, params=params, rows=rows)
    transaction.on_commit(lambda: prepare_export.enqueue(export_id=export.pk))
    return export


def _unexpired(now=None):
    """The exports not yet past keep_hours(), counted from when the file was made (from when it
    was asked for, while it is not made yet)."""
    since = (now or timezone.now()) - datetime.timedelta(hours=keep_hours())
    return PreparedExport.objects.filter(
        Q(finished_at__gte=since) | Q(finished_at__isnull=True, created_at__gte=since)
        | Q(status=Status.QUEUED))


def export_of(user, pk: int) -> PreparedExport:
    """The user's own export with this id, while they may still have it; Http404 otherwise (an
    export of someone else's and one that does not exist answer the same)."""
    export = _unexpired().filter(pk=pk, requested_by=user).first()
    registered = exports.get(export.name) if export else None
    if registered is None or not registered.allowed(user):
        raise Http404
    return export


def is_late(export: PreparedExport, *, now=None) -> bool:
    """Queued and not started after WORKER_LATE_MINUTES: the worker may be stopped."""
    now = now or timezone.now()
    return (export.status == Status.QUEUED
            and export.created_at < now - datetime.timedelta(minutes=WORKER_LATE_MINUTES))


def exports_prune(*, now: datetime.datetime) -> int:
    """Delete prepared exports (row and file) older than keep_hours(); a queued one the worker
    never took is deleted after a week. Returns how many."""
    old = PreparedExport.objects.exclude(pk__in=_unexpired(now).values("pk")) | (
        PreparedExport.objects.filter(status=Status.QUEUED,
                                      created_at__lt=now - datetime.timedelta(days=7)))
    deleted = 0
    for export in old:
        if export.file:
            export.file.storage.delete(export.file.name)
        export.delete()
        deleted += 1
    return deleted


def report() -> str:
    """run_jobs' line for the prepared exports."""
    return f"Exports: {exports_prune(now=timezone.now())} prepared exports deleted."
