# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What every report page does: answer ?format=pdf / xlsx with the file, or draw the report with
its period form and download links (the query string kept, without the format)."""

from django.shortcuts import render

from lokalkontakt.reports.exports import export_response


def report_page(request, report, form, template: str, *, exports: bool = True, **context):
    """The report as a page, or as the file ?format= asks for when `exports` (the public summary
    has none)."""
    if exports:
        exported = export_response(report, request.GET.get("format", ""), request=request)
        if exported is not None:
            return exported
    form.is_filter = True  # no "(optional)" on the labels
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, template, {"report": report, "form": form, "query": query.urlencode(),
                                      **context})
