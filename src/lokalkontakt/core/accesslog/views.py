# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log for the coordinator and the data-protection officer (koordinering/adgangslog/):
who has seen a person's data, what a user has looked at, and the same as a spreadsheet. Reading
the log shows personal data too, so it is logged: one entry per object on the page or in the file."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.core.accesslog.exports import EXPORT_LIMIT
from lokalkontakt.core.accesslog.forms import AccessLogFilterForm
from lokalkontakt.core.accesslog.record import record_references
from lokalkontakt.core.accesslog.selectors import entries_matching, rows
from lokalkontakt.core.exports.respond import export_response, inline_rows, rows_capped
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.permissions import access_log_reader_required
from lokalkontakt.core.registry import personal_data

PAGE_SIZE = 50


def _filtered(request):
    form = AccessLogFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    return form, entries_matching(**form.filters()) if form.is_bound else entries_matching()


def _log_reading(request, entries) -> None:
    """Reading the log is itself logged, for the objects whose entries it showed."""
    record_references(request, [(entry.object_type, entry.object_id) for entry in entries
                                if entry.object_type in personal_data],
                      how=AccessLogEntry.How.ACCESS_LOG)


@access_log_reader_required
@require_GET
def access_log(request):
    form, entries = _filtered(request)
    page = None if entries is None else Paginator(entries, PAGE_SIZE).get_page(request.GET.get("side"))
    page_rows = rows(list(page)) if page is not None else []
    _log_reading(request, [row.entry for row in page_rows])
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "core/access_log.html", {
        "form": form, "page": page, "rows": page_rows, "querystring": params.urlencode(),
        "retention_days": settings.ACCESS_LOG_RETENTION_DAYS}, status=400 if form.errors else 200)


@access_log_reader_required
@require_GET
def access_log_export(request):
    """The entries the filter selects (the newest EXPORT_LIMIT) as an XLSX file; a large one is
    prepared by the worker (core.exports)."""
    form, entries = _filtered(request)
    if entries is None:
        return render(request, "core/access_log.html", {
            "form": form, "page": None, "rows": [],
            "retention_days": settings.ACCESS_LOG_RETENTION_DAYS}, status=400)
    filters = form.filters() if form.is_bound else {}
    return export_response(request, name="core.access_log", params=filters,
                           rows=rows_capped(entries, cap=min(inline_rows(), EXPORT_LIMIT)))
