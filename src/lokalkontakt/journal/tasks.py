# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The worker's part: building a period's ZIP (a PDF per case, about a second each) outside any
request, and storing it privately for the one who asked (journal.downloads)."""

import logging

from django.core.files import File
from django.http import Http404
from django.utils import timezone
from django_tasks import task

from lokalkontakt.journal import selectors
from lokalkontakt.journal.models import PreparedDownload
from lokalkontakt.journal.packages import package_file

logger = logging.getLogger(__name__)
Status = PreparedDownload.Status


def _cases(download: PreparedDownload) -> list:
    """The download's cases that its asker may still see (one reassigned meanwhile is left out)."""
    cases = []
    for kind, pk in download.cases:
        try:
            cases.append(selectors.case_for(kind, pk, user=download.requested_by))
        except Http404:
            continue
    return cases


# Below the e-mails (core.mail): a period of PDFs takes a minute, a receipt should not wait.
@task(priority=-10)
def prepare_download(download_id: int) -> str:
    """Build and store a queued download's ZIP; no transaction is open while it renders (SQLite's
    write lock stays free). Idempotent: a download that is not queued is skipped. A failure is
    recorded on the download (the page shows it) and logged."""
    download = PreparedDownload.objects.select_related("requested_by").filter(
        pk=download_id, status=Status.QUEUED).first()
    if download is None:
        return "skipped"
    queued = PreparedDownload.objects.filter(pk=download_id, status=Status.QUEUED)
    try:
        cases = _cases(download)
        with package_file(cases) as handle:
            download.file.save(download.file_name, File(handle), save=False)
        marked = queued.update(status=Status.READY, file=download.file.name,
                               finished_at=timezone.now(),
                               cases=[[case.kind, case.pk] for case in cases])
    except BaseException as error:
        # Nothing half-made is left behind: a file not recorded on its row would never be
        # deleted (it holds personal data).
        if download.file.name:
            download.file.storage.delete(download.file.name)
        if not isinstance(error, Exception):
            raise  # the worker is being stopped: the row stays queued and is tried again
        logger.exception("Journalisation download %s failed", download_id)
        queued.update(status=Status.FAILED, error=f"{type(error).__name__}: {error}"[:1000],
                      finished_at=timezone.now())
        return "failed"
    if not marked:
        download.file.storage.delete(download.file.name)  # deleted or done meanwhile
        return "skipped"
    return "ready"
