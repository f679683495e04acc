# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The worker's part: writing a large export's rows into a write-only workbook on disk (constant
memory however many rows) and storing it privately for the one who asked."""

import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.utils import timezone, translation
from django_tasks import task

from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.registry import Written, exports, written
from lokalkontakt.core.xlsx import write_only_workbook

logger = logging.getLogger(__name__)
Status = PreparedExport.Status


def write_file(export: PreparedExport, handle) -> Written:
    """Write the export's workbook (or its other file) to `handle`, in the asker's language; the
    personal data it holds, as [label, id], and what it shows."""
    registered = exports.get(export.name)
    if registered is None or not registered.allowed(export.requested_by):
        raise PermissionError(f"{export.name} is not registered or no longer allowed")
    with translation.override(export.language or settings.LANGUAGE_CODE):
        if not registered.is_workbook:
            result = written(registered.write(handle, user=export.requested_by,
                                              params=export.params))
        else:
            workbook = write_only_workbook()
            result = written(registered.write(workbook, user=export.requested_by,
                                              params=export.params))
            workbook.save(handle)
    return Written([[label, pk] for label, pk in dict.fromkeys(result.references)], result.shown)


# Below the e-mails (core.mail): a receipt should not wait for a spreadsheet.
@task(priority=-10)
def prepare_export(export_id: int) -> str:
    """Build and store a queued export; no transaction is open while it writes. Idempotent: an
    export that is not queued is skipped. A failure is recorded on the export (its page says so)
    and logged; nothing half-made is left in storage."""
    export = PreparedExport.objects.select_related("requested_by").filter(
        pk=export_id, status=Status.QUEUED).first()
    if export is None:
        return "skipped"
    queued = PreparedExport.objects.filter(pk=export_id, status=Status.QUEUED)
    registered = exports.get(export.name)
    try:
        with tempfile.TemporaryFile() as handle:
            result = write_file(export, handle)
            handle.seek(0)
            name = registered.filename(export.params)
            export.file.save(name, File(handle), save=False)
        marked = queued.update(status=Status.READY, file=export.file.name, file_name=name,
                               references=result.references, shown=result.shown,
                               finished_at=timezone.now())
    except BaseException as error:
        if export.file.name:
            export.file.storage.delete(export.file.name)
        logger.exception("Export %s (%s) failed", export_id, export.name)
        queued.update(status=Status.FAILED, error=f"{type(error).__name__}: {error}"[:1000],
                      finished_at=timezone.now())
        if not isinstance(error, Exception):
            raise  # the worker is being stopped: it records the task's failure
        return "failed"
    if not marked:
        export.file.storage.delete(export.file.name)  # deleted meanwhile
        return "skipped"
    return "ready"
