# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A period's packages as one ZIP, prepared by the worker: asking for it (a service), the asker's
list of prepared downloads and one of them (selectors: only the asker's, and only while every
case in it is still theirs to see), and deleting them after a while (the periodic job)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokalkontakt.journal import selectors
from lokalkontakt.journal.models import PreparedDownload
from lokalkontakt.journal.permissions import visible_consultations, visible_inquiries
from lokalkontakt.journal.tasks import prepare_download

# A period's download renders a PDF per case (about a second each): at most this many at once.
MAX_CASES = 50
# A queued download not started after this many minutes: the worker may be stopped (the page says so).
WORKER_LATE_MINUTES = 2
Status = PreparedDownload.Status


def keep_hours() -> int:
    """How long a prepared ZIP is kept (it holds personal data): JOURNAL_DOWNLOAD_HOURS, 24."""
    return settings.JOURNAL_DOWNLOAD_HOURS


def _stored_filters(filters: dict) -> dict:
    return {name: value.isoformat() if isinstance(value, datetime.date) else value
            for name, value in filters.items() if name in ("kind", "since", "until")}


@transaction.atomic
def download_request(*, user, filters: dict) -> PreparedDownload:
    """Queue a ZIP of every case of `filters` (kind, since, until) that `user` may see and that
    is not yet journalised, at most MAX_CASES, oldest first; the worker builds it
    (journal.tasks.prepare_download) once this commits. The cases are fixed now. Raises
    ValidationError when none is waiting or more than MAX_CASES are: nothing is queued then."""
    rows = selectors.case_rows(user=user, kind=filters.get("kind"), since=filters.get("since"),
                               until=filters.get("until"), status="pending")[:MAX_CASES + 1]
    if not rows:
        raise ValidationError(_("Nothing to download: every case in the period is journalised."))
    if PreparedDownload.objects.filter(requested_by=user, status=Status.QUEUED).exists():
        raise ValidationError(_("A download of yours is being prepared already. Wait until it "
                                "is ready, then ask for the next."))
    if len(rows) > MAX_CASES:
        raise ValidationError(ngettext(
            "More than %(max)d case is waiting in the period; a download holds at most %(max)d. "
            "Choose a shorter period.",
            "More than %(max)d cases are waiting in the period; a download holds at most "
            "%(max)d. Choose a shorter period.", MAX_CASES) % {"max": MAX_CASES})
    download = PreparedDownload.objects.create(
        requested_by=user, filters=_stored_filters(filters), cases=[[kind, pk] for kind, pk, *_rest in rows])
    transaction.on_commit(lambda: prepare_download.enqueue(download_id=download.pk))
    return download


def _unexpired(now=None):
    """The downloads not yet past keep_hours(), counted from when the ZIP was made (from when it
    was asked for, while it is not made yet): the periodic job deletes the rest, and until it
    runs they are not offered."""
    since = (now or timezone.now()) - datetime.timedelta(hours=keep_hours())
    return PreparedDownload.objects.filter(
        Q(finished_at__gte=since) | Q(finished_at__isnull=True, created_at__gte=since)
        | Q(status=Status.QUEUED))


def downloads_of(user, *, limit: int = 10) -> list[PreparedDownload]:
    """The user's prepared downloads, newest first (only theirs: they hold personal data)."""
    return list(_unexpired().filter(requested_by=user)[:limit])


def download_for(user, pk: int) -> PreparedDownload:
    """The user's own ready download with this id, while every case in it is still one they may
    see (a case reassigned meanwhile is not theirs any more); Http404 otherwise."""
    download = _unexpired().filter(
        pk=pk, requested_by=user, status=Status.READY).exclude(file="").first()
    if download is None:
        raise Http404
    for kind, visible in (("inquiry", visible_inquiries), ("consultation", visible_consultations)):
        ids = {pk for case_kind, pk in download.cases if case_kind == kind}
        if ids and visible(user).filter(pk__in=ids).count() != len(ids):
            raise Http404
    return download


def is_late(download: PreparedDownload, *, now=None) -> bool:
    """Queued and not started after WORKER_LATE_MINUTES: the worker may be stopped."""
    now = now or timezone.now()
    return (download.status == Status.QUEUED
            and download.created_at < now - datetime.timedelta(minutes=WORKER_LATE_MINUTES))


def downloads_prune(*, now: datetime.datetime) -> int:
    """Delete prepared downloads (row and file) older than keep_hours(); a queued one the worker
    never took is deleted after a week. Returns how many."""
    old = PreparedDownload.objects.exclude(pk__in=_unexpired(now).values("pk")) | (
        PreparedDownload.objects.filter(status=Status.QUEUED,
                                        created_at__lt=now - datetime.timedelta(days=7)))
    deleted = 0
    for download in old:
        if download.file:
            download.file.storage.delete(download.file.name)
        download.delete()
        deleted += 1
    return deleted


def report() -> str:
    """run_jobs' line for the prepared journalisation downloads."""
    return f"Journalisation: {downloads_prune(now=timezone.now())} prepared downloads deleted."
