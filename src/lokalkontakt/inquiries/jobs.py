# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiries' periodic work: reminders before a deadline, escalation of overdue inquiries
to the coordinator, and anonymisation after the retention period. Idempotent: each inquiry is
reminded, escalated and anonymised at most once, so running the job twice sends nothing twice."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.roles import coordinator_emails
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.selectors import SUBMITTER_FILES
from lokalkontakt.inquiries.services.anonymise import inquiry_anonymise
from lokalkontakt.inquiries.services.common import email_handler, inquiry_event_add

Status = Inquiry.Status


@dataclass
class JobReport:
    reminded: int = 0
    escalated: int = 0
    anonymised: int = 0


def run_inquiry_jobs(*, now: datetime.datetime | None = None) -> JobReport:
    now = now or timezone.now()
    today = timezone.localdate(now)
    report = JobReport()
    report.reminded = _remind(today=today, now=now)
    report.escalated = _escalate(today=today, now=now)
    report.anonymised = anonymise_expired(now=now)
    return report


def _remind(*, today, now) -> int:
    """Remind the handler on the working day before a deadline (or on the day itself)."""
    horizon = add_working_days(today, 1)
    due = [
        ("acknowledge", "acknowledge_reminded_at",
         Q(status=Status.RECEIVED, acknowledge_due__gte=today, acknowledge_due__lte=horizon)),
        ("answer", "answer_reminded_at",
         Q(status__in=[Status.RECEIVED, Status.ACKNOWLEDGED], answer_due__gte=today,
           answer_due__lte=horizon)),
    ]
    count = 0
    for what, field, condition in due:
        for inquiry in Inquiry.objects.filter(condition, **{f"{field}__isnull": True}).select_related(
                "assignee", "area"):
            with transaction.atomic():
                claimed = Inquiry.objects.filter(pk=inquiry.pk, **{f"{field}__isnull": True}).update(
                    **{field: now})
                if claimed:
                    email_handler("inquiries/email/reminder.txt", inquiry=inquiry,
                          context={"inquiry": inquiry, "what": what,
                                   "staff_url": site_url(inquiry.get_absolute_url())})
                    count += 1
    return count


def _escalate(*, today, now) -> int:
    """Tell the coordinator about each inquiry past a deadline, once."""
    overdue = (Q(status=Status.RECEIVED, acknowledge_due__lt=today)
               | Q(status__in=[Status.RECEIVED, Status.ACKNOWLEDGED], answer_due__lt=today))
    count = 0
    for inquiry in Inquiry.objects.filter(overdue, escalated_at__isnull=True).select_related(
            "assignee", "area"):
        with transaction.atomic():
            if Inquiry.objects.filter(pk=inquiry.pk, escalated_at__isnull=True).update(
                    escalated_at=now):
                inquiry_event_add(inquiry, InquiryEvent.Kind.ESCALATED, public=False)
                email_queue_template("inquiries/email/escalation.txt", to=coordinator_emails(),
                      context={"inquiry": inquiry, "staff_url": site_url(inquiry.get_absolute_url())})
                count += 1
    return count


def anonymise_expired(*, now) -> int:
    """Delete the submitter's personal data from inquiries closed longer ago than
    settings.INQUIRY_RETENTION_DAYS: their name and contact details, and their files (those of
    the submission and of follow-ups; staff's files stay). The content, dates and statistics stay.
    An inquiry anonymised before its files were covered gets its files deleted on the next run."""
    cutoff = now - datetime.timedelta(days=settings.INQUIRY_RETENTION_DAYS)
    submitter_files = InquiryAttachment.objects.filter(SUBMITTER_FILES, inquiry=OuterRef("pk"))
    expired = Inquiry.objects.filter(Q(anonymised_at__isnull=True) | Exists(submitter_files),
                                     status=Status.CLOSED, closed_at__lt=cutoff)
    count = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            count += inquiry_anonymise(Inquiry.objects.select_for_update().get(pk=pk), now=now)
    return count


def report() -> str:
    """run_jobs' line for the inquiries."""
    result = run_inquiry_jobs()
    return (f"Inquiries: {result.reminded} reminded, {result.escalated} escalated, "
            f"{result.anonymised} anonymised.")
