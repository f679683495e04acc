# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme's report (page and public summary) kept in the cache until what it counts changes,
with its sections drawn as HTML (reports/includes/report_body.html: the same for every reader, no
form, token or nonce in it): one query (scheme_version) tells whether a kept report is current,
instead of the report's ~20 queries over every inquiry (619 ms at 100,000 inquiries) and drawing
its tables again.

The key holds everything a report is drawn from besides the data: the period (and so the period
before), the public flag, today's date (what is open, overdue, covered or due "by today"), the
language and time zone of its labels and days, and the version of the data: the writes
(areas.versions.data_version) of every table it counts, and the meetings held by now (a meeting
starting later today is held, and counted, from its start, without any write).

Like the other kept pages, what is kept also expires after KEEP_SECONDS."""


from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.areas.versions import data_version, kept_in, kept_key
from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.core.models import FocusArea
from lokalkontakt.handovers.models import Handover
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.knowledge.models import Note
from lokalkontakt.meetings.models import ActionItem, Attendance, Meeting
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.projects.models import Milestone, Project
from lokalkontakt.reports.period import Period
from lokalkontakt.reports.scheme import build_scheme_report
from lokalkontakt.reports.structure import Report
from lokalkontakt.timesheets.models import TimeEntry


def scheme_version(*models) -> str:
    """Changes whenever a figure of the scheme's report may change (one query); with `models`
    whenever what a report drawn from more changes (reports.focus.kept)."""
    held = Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__lt=timezone.now())
    return data_version(
        Inquiry, LocalArea, Assignment, Handover, Consultation, ConsultationTask, Meeting, Project,
        Employee, CoreArea, FocusArea, Inquiry.focus_areas.through, Note, TimeEntry, Attendance,
        ActionItem, Milestone, *models, counted=(held,))


def kept_scheme_report(period: Period, *, public: bool = False) -> tuple[Report, str]:
    """build_scheme_report(period, public=public) and its sections as HTML, from the cache while
    its data are unchanged."""
    return kept_report("reports:scheme:", (scheme_version(), period, public),
                       lambda: build_scheme_report(period, public=public))


def kept_report(prefix: str, drawn: tuple, build) -> tuple[Report, str]:
    """The report build() makes and its sections as HTML, kept by `drawn` (the data's version
    and the choices) with today's date, the language and the time zone."""
    key = kept_key(prefix, (*drawn, timezone.localdate(), get_language(),
                            timezone.get_current_timezone_name()))
    cache = kept_in(chosen=True)  # the period is anyone's choice (the public summary's too)
    kept = cache.get(key)
    if kept is None:
        report = build()
        kept = (report, render_to_string("reports/includes/report_body.html", {"report": report}))
        cache.set(key, kept, KEEP_SECONDS)
    report, body = kept
    report.generated_at = timezone.now()
    return report, mark_safe(body)  # noqa: S308 - drawn by the template, escaped there
