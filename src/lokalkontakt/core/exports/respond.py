# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""How an export view answers: a small export at once, a large one through the worker."""

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import redirect

from lokalkontakt.core.accesslog.record import record_references
from lokalkontakt.core.exports.registry import exports, written
from lokalkontakt.core.exports.services import export_request, jsonable
from lokalkontakt.core.xlsx import workbook_response, write_only_workbook


def inline_rows() -> int:
    """Up to this many rows an export is built in the request: EXPORT_INLINE_ROWS."""
    return settings.EXPORT_INLINE_ROWS


def rows_capped(queryset: QuerySet, *, cap: int | None = None) -> int:
    """How many rows `queryset` has, counted no further than one past the inline limit (or
    `cap`): the database stops there, so counting costs the same however many there are."""
    limit = (cap if cap is not None else inline_rows()) + 1
    return queryset.order_by().values("pk")[:limit].count()


def export_response(request, *, name: str, params: dict, rows: int, write=None, workbook=None):
    """Export `name` (core.exports.registry) for `params` (a form's validated values) as a
    download when it is a spreadsheet of at most inline_rows() rows; otherwise queued for the worker, and the
    user is sent to its page, which offers the file when it is ready. `write(workbook)` may stand
    in for the registered writer in the request (a view that has the data already); the
    personal data written is logged as the export's `how`. `workbook`: a file the caller has
    ready instead (anything with save(file), e.g. one kept; `write` then returns what it holds)."""
    registered = exports.get(name)
    params = jsonable(params)
    if rows > inline_rows() or not registered.is_workbook:
        export = export_request(user=request.user, name=name, params=params, rows=rows)
        return redirect("exports:status", pk=export.pk)
    if workbook is None:
        workbook = write_only_workbook()
    if write is None:
        references = written(registered.write(workbook, user=request.user, params=params))
    else:
        references = written(write(workbook))
    record_references(request, references.references, how=registered.how)
    return workbook_response(workbook, registered.filename(params))
