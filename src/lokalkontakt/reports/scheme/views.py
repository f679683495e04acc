# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme's report for the coordinator and the leaders (page, PDF and XLSX), and its public
summary (counts only) for everyone."""

from django.views.decorators.http import require_GET

from lokalkontakt.core.http import public
from lokalkontakt.reports.pages import report_page
from lokalkontakt.reports.period import period_from_query
from lokalkontakt.reports.permissions import reports_required
from lokalkontakt.reports.scheme.kept import kept_scheme_report


@reports_required
@require_GET
def scheme(request):
    """The scheme's report; ?format=pdf or xlsx downloads it."""
    period, form = period_from_query(request.GET)
    report, body = kept_scheme_report(period)
    return report_page(request, report, form, "reports/scheme.html", body=body)


@public
@require_GET
def public_summary(request):
    """The scheme in figures for anyone: counts only, no names, subjects or links."""
    period, form = period_from_query(request.GET)
    report, body = kept_scheme_report(period, public=True)
    return report_page(request, report, form, "reports/scheme.html", exports=False, body=body)
