# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The focus-area reports as pages, PDF and XLSX (?format=pdf / xlsx), for the coordinator and the
leaders of core areas; other signed-in users are refused (403)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from lokalkontakt.core.models import FocusArea
from lokalkontakt.reports.focus.kept import kept_focus_report
from lokalkontakt.reports.focus.overview import build_focus_overview
from lokalkontakt.reports.pages import report_page
from lokalkontakt.reports.period import period_from_query
from lokalkontakt.reports.permissions import reports_required

PAGE = "reports/focus/page.html"


@reports_required
@require_GET
def focus_list(request):
    """The 15 focus areas and what is untagged, for the chosen period and the one before."""
    period, form = period_from_query(request.GET)
    return report_page(request, build_focus_overview(period, reader=request.user), form, PAGE)


@reports_required
@require_GET
def focus_detail(request, focus_area: str):
    """What the local areas raised about one focus area."""
    focus = get_object_or_404(FocusArea, slug=focus_area)
    period, form = period_from_query(request.GET)
    lists = [(reverse("inquiries:list") + f"?scope=all&status=any&focus_area={focus.pk}",
              "inquiries"),
             (reverse("knowledge:list") + f"?focus_area={focus.pk}", "notes")]
    report, body = kept_focus_report(period, focus, reader=request.user)
    return report_page(request, report, form, PAGE, focus=focus, lists=lists, body=body)
