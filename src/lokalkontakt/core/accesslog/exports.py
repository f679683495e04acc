# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log's entries as a spreadsheet, written row by row into a write-only workbook
(core.xlsx), a chunk of entries at a time, each chunk read after the last one written (by the
time and id it ends with, not by an offset: entries logged meanwhile, newer than the first, neither
shift nor repeat a row); registered as the export "core.access_log", so a large
one is built by the worker (core.exports). Reading the log shows personal data, so the objects
whose entries it holds are returned to be logged."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.core.accesslog.forms import AccessLogFilterForm
from lokalkontakt.core.accesslog.selectors import entries_matching, rows
from lokalkontakt.core.registry import personal_data
from lokalkontakt.core.xlsx import DATETIME_FORMAT, append_row, styled

EXPORT_LIMIT = 10_000
CHUNK = 1000
WIDTHS = [17, 30, 16, 22, 40, 40, 16]


def write_entries(workbook, entries) -> list:
    """The newest EXPORT_LIMIT of `entries`; the personal data they are about, as references."""
    sheet = workbook.create_sheet(_("Access log"))
    for column, width in zip("ABCDEFG", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    append_row(sheet, [_("When"), _("Seen by"), _("How"), _("What"), _("Whose data"), _("Page"),
                       _("From address")])
    references = []
    nobody = _("Not signed in (private link)")
    written = 0
    after = entries.order_by("-at", "-pk")
    while written < EXPORT_LIMIT:
        chunk = rows(list(after[:min(CHUNK, EXPORT_LIMIT - written)]))
        for row in chunk:
            entry = row.entry
            append_row(sheet, [styled(sheet, entry.at, number_format=DATETIME_FORMAT),
                               row.who or nobody, entry.get_how_display(), row.what, row.person,
                               entry.path, entry.address])
            if entry.object_type in personal_data:
                references.append((entry.object_type, entry.object_id))
        written += len(chunk)
        if len(chunk) < CHUNK:
            break
        last = chunk[-1].entry
        after = entries.order_by("-at", "-pk").filter(
            Q(at__lt=last.at) | Q(at=last.at, pk__lt=last.pk))
    return references


def log_export(workbook, *, user, params: dict) -> list:
    """The registered writer: the entries the filter `params` selects."""
    form = AccessLogFilterForm(params)
    if not form.is_valid():
        raise ValueError(f"invalid filter: {form.errors.as_json()}")
    return write_entries(workbook, entries_matching(**form.filters()))


def log_filename(params: dict) -> str:
    return f"adgangslog-{timezone.localtime():%Y-%m-%d}.xlsx"
