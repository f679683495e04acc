# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme's report: coverage, inquiries, consultations and the scheme's work for a period,
each compared with the period before. One module per section; every figure is counted in SQL,
so the report costs the same number of queries however much data there is.

The public summary (public=True) holds counts only: no table by area and no time per core area,
and never a subject, a name or a link."""

from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme.consultations import consultations_section
from lokalkontakt.reports.scheme.coverage import coverage_section
from lokalkontakt.reports.scheme.inquiries import inquiries_section
from lokalkontakt.reports.scheme.work import work_section
from lokalkontakt.reports.structure import Report

SECTIONS = (coverage_section, inquiries_section, consultations_section, work_section)


def build_scheme_report(period: Period, *, public: bool = False, **params) -> Report:
    """The scheme's report for `period`, compared with `period.previous()`."""
    title = _("The local-contact scheme: summary") if public else _("The scheme's report")
    return Report(
        title=title, period=period, compared_with=period.previous(),
        sections=[section(period, public=public) for section in SECTIONS],
        generated_at=timezone.now(), public=public,
        filename=f"lokalkontakt-{'oversigt' if public else 'rapport'}-{period.start:%Y%m%d}-"
                 f"{period.end:%Y%m%d}")
