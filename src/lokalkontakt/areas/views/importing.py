# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's import of areas from a CSV or XLSX file, and the file templates."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lokalkontakt.areas import importer
from lokalkontakt.areas.forms import ImportForm
from lokalkontakt.core.permissions import coordinator_required


@coordinator_required
def import_upload(request):
    """Upload a CSV or XLSX file; all rows are imported, or none and a report per row."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": importer.COLUMNS}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = importer.import_file(content=upload.read(), filename=upload.name,
                                          actor=request.user)
        except importer.ImportRejected as rejected:
            context["errors"] = rejected.errors
        else:
            messages.success(request, _(
                "Imported: %(created)d new areas, %(updated)d updated, %(assigned)d contacts "
                "assigned.") % {"created": len(result.created), "updated": len(result.updated),
                                "assigned": len(result.assigned)})
            return redirect("coordination:overview")
    status = 400 if context.get("errors") or form.errors else 200
    return render(request, "areas/import.html", context, status=status)


@coordinator_required
@require_GET
def import_template(request, fmt):
    if fmt == "xlsx":
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(importer.template_xlsx(), content_type=content_type)
    else:
        response = HttpResponse(importer.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lokalomraader-skabelon.{fmt}"'
    return response
