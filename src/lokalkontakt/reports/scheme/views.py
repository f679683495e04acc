# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme's report for the coordinator and the leaders (page, PDF and XLSX), and its public
summary (counts only) for everyone."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokalkontakt.core.http import public
from lokalkontakt.reports.exports import export_response
from lokalkontakt.reports.period import period_from_query
from lokalkontakt.reports.permissions import may_read_reports
from lokalkontakt.reports.scheme import build_scheme_report


def _page(request, *, public_summary: bool):
    period, form = period_from_query(request.GET)
    form.is_filter = True  # no "(optional)" on the labels
    report = build_scheme_report(period, public=public_summary)
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "reports/scheme.html", {
        "report": report, "form": form, "querystring": query.urlencode()})


@require_GET
def scheme(request):
    """The scheme's report; ?format=pdf or xlsx downloads it. 403 unless may_read_reports."""
    if not may_read_reports(request.user):
        raise PermissionDenied
    fmt = request.GET.get("format", "")
    if fmt:
        period, _form = period_from_query(request.GET)
        response = export_response(build_scheme_report(period), fmt, request=request)
        if response is not None:
            return response
    return _page(request, public_summary=False)


@public
@require_GET
def public_summary(request):
    """The scheme in figures for anyone: counts only, no names, subjects or links."""
    return _page(request, public_summary=True)
