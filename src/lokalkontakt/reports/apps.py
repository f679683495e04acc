# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The scheme's reports for the committees (composition layer): each report is built from the
    feature apps' selectors as a `structure.Report`, which one template draws as a page and
    `exports` writes as PDF and XLSX."""

    name = "lokalkontakt.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from lokalkontakt.core.registry import jobs
        from lokalkontakt.reports.focus import report as focus
        from lokalkontakt.reports.jobs import report
        from lokalkontakt.reports.kinds import ReportKind, report_kinds
        from lokalkontakt.reports.scheme import build_scheme_report

        report_kinds.register("scheme", ReportKind(label=_("The scheme's report"),
                                                   build=build_scheme_report))
        report_kinds.register("focus", ReportKind(
            label=_("Report on a focus area"), build=focus.build_focus_report,
            choices=focus.choices))
        jobs.register("reports", report, order=60)
