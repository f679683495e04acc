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
        from lokalkontakt.reports.jobs import report

        jobs.register("reports", report, order=60)
