# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A prepared export's page (being prepared, ready, or failed; htmx polls it, a plain link
refreshes it without JavaScript) and its download. Only the one who asked: 404 for anyone else."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.core.accesslog.record import record_references
from lokalkontakt.core.exports import services
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.registry import exports


@require_GET
def export_status(request, pk: int):
    export = services.export_of(request.user, pk)
    context = {"export": export, "late": services.is_late(export),
               "preparing": export.status == PreparedExport.Status.QUEUED,
               "keep_hours": services.keep_hours()}
    if request.htmx and request.htmx.target == "prepared-export":
        return render(request, "core/export_status.html#status", context)
    return render(request, "core/export_status.html", context)


@require_GET
def export_download(request, pk: int):
    """The prepared file; every download is written to the access log."""
    export = services.export_to_download(request.user, pk)
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # deleted meanwhile (expired)
    registered = exports.get(export.name)
    record_references(request, [tuple(ref) for ref in export.references], how=registered.how)
    response = FileResponse(handle, as_attachment=True, filename=export.file_name,
                            content_type=registered.content_type)
    response["Cache-Control"] = "private, no-store"
    return response
