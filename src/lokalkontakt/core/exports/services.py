# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Prepared exports: asking for one (queued for the worker), the asker's own (only theirs), and
deleting them after a while (the periodic job)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.registry import exports
from lokalkontakt.core.exports.tasks import prepare_export

# A queued export not started after this many minutes: the worker may be stopped (the page says so).
WORKER_LATE_MINUTES = 2
# A ready export made this recently is given again to one who asks again (a double click); after
# that, asking again makes a new one, with the rows as they are then.
REUSE_READY_SECONDS = 60
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
    """Queue export `name` (registered in core.exports.registry) with `params` for `user`, to
    be written in the current language; the worker builds it once this commits. Asking twice
    builds it once: the same export with the same filter still queued, or ready and made in the
    last REUSE_READY_SECONDS, is given again (one made earlier would show old rows). An export
    registered `one_at_a_time` raises ValidationError while another of the user's is queued
    (nothing is queued then). The user's row is locked first, so two requests at once find the
    one the first made."""
    if name not in exports:
        raise ValueError(f"{name} is not a registered export")
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    now = timezone.now()
    mine = PreparedExport.objects.filter(requested_by=user, name=name)
    exports_recover(now=now, exports=mine)
    recent = now - datetime.timedelta(seconds=REUSE_READY_SECONDS)
    language = translation.get_language() or settings.LANGUAGE_CODE
    same = mine.filter(Q(status=Status.QUEUED) | Q(status=Status.READY, finished_at__gte=recent),
                       params=params, language=language).first()
    if same is not None:  # asked twice (a double click): the one being built, not a refusal
        return same
    if exports.get(name).one_at_a_time and mine.filter(status=Status.QUEUED).exists():
        raise ValidationError(_("A download of yours is being prepared already. Wait until it "
                                "is ready, then ask for the next."), code="one_at_a_time")
    export = PreparedExport.objects.create(requested_by=user, name=name, params=params, rows=rows,
                                           language=language)
    transaction.on_commit(lambda: _enqueue(export.pk))
    return export


def _enqueue(export_id: int) -> None:
    """Hand the export to the worker, after the commit, and keep its task's id (exports_fail_lost
    finds a lost one by it; one without an id was never handed over, exports_enqueue_orphans)."""
    result = prepare_export.enqueue(export_id=export_id)
    PreparedExport.objects.filter(pk=export_id).update(task_id=str(result.id))


# What an orphan's task_id holds while exports_enqueue_orphans hands it to the worker again.
REQUEUEING = "requeueing"


def exports_enqueue_orphans(*, now: datetime.datetime, exports=None) -> int:
    """Hand to the worker again the queued exports (of `exports`, default all) that never got a
    task: the process stopped between the commit and the enqueue (or the enqueue failed). Only
    those older than WORKER_LATE_MINUTES, so the asking request has had its time to enqueue.
    Each is claimed by an UPDATE first, so two runs at once enqueue it once. Returns how many."""
    exports = PreparedExport.objects.all() if exports is None else exports
    late = now - datetime.timedelta(minutes=WORKER_LATE_MINUTES)
    count = 0
    for pk in exports.filter(status=Status.QUEUED, task_id="", created_at__lt=late
                             ).values_list("pk", flat=True)[:100]:
        if PreparedExport.objects.filter(pk=pk, task_id="").update(task_id=REQUEUEING):
            _enqueue(pk)
            count += 1
    return count


def exports_recover(*, now: datetime.datetime, exports=None) -> tuple[int, int]:
    """What a stopped process left behind: orphans enqueued again (exports_enqueue_orphans),
    then the exports lost with their task failed (exports_fail_lost). Returns both counts."""
    return (exports_enqueue_orphans(now=now, exports=exports),
            exports_fail_lost(now=now, exports=exports))


def exports_fail_lost(*, now: datetime.datetime, exports=None) -> int:
    """Mark failed the queued exports (of `exports`, default all) that no worker will build: older
    than WORKER_LATE_MINUTES and their task no longer queued or running (a worker killed while
    building it; core.jobs marks its task failed, and finished results are pruned after a
    while). One never handed to the worker (no task id) is left to exports_enqueue_orphans.
    Returns how many."""
    exports = PreparedExport.objects.all() if exports is None else exports
    alive = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).values_list("id", flat=True)
    lost = exports.filter(
        status=Status.QUEUED, created_at__lt=now - datetime.timedelta(minutes=WORKER_LATE_MINUTES)
    ).exclude(task_id="").exclude(task_id__in=[str(pk) for pk in alive])
    return lost.update(status=Status.FAILED, finished_at=now,
                       error="Lost: the worker stopped before the export was made.")


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


def exports_of(user, *, name: str, limit: int = 10) -> list[PreparedExport]:
    """The user's own exports of `name` not yet expired, newest first (only theirs: they may
    hold personal data), for a page that lists them (the journal's ZIPs)."""
    return list(_unexpired().filter(requested_by=user, name=name)[:limit])


def export_to_download(user, pk: int) -> PreparedExport:
    """The user's own ready export, if they may still see every row it shows (the registered
    export's still_visible, as of now); Http404 otherwise, and a file showing rows they may no
    longer see is deleted."""
    export = export_of(user, pk)
    if export.status != Status.READY or not export.file:
        raise Http404
    if not exports.get(export.name).still_visible(user, export.shown):
        _delete(export)
        raise Http404
    return export


def _delete(export: PreparedExport) -> None:
    if export.file:
        export.file.storage.delete(export.file.name)
    export.delete()


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
        _delete(export)
        deleted += 1
    return deleted


def report() -> str:
    """run_jobs' line for the prepared exports."""
    now = timezone.now()
    requeued, lost = exports_recover(now=now)
    return (f"Exports: {requeued} never handed to the worker queued again, "
            f"{lost} lost with a stopped worker marked failed, "
            f"{exports_prune(now=now)} prepared exports deleted.")
