# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Scheduled reports: the periodic job e-mails each active subscription its report as a PDF,
once per period.

The rule: on each run, a subscription's period is the last whole month (monthly) or quarter
(quarterly) that has ended before today. When that period has no ReportDispatch yet, its report
is built with the registered kind (kinds.report_kinds), drawn as a PDF and queued as one e-mail
to the subscription's recipients, and the dispatch is recorded in the same transaction. Earlier
periods are never sent: a new subscription (or one started again, or a job that did not run for a
while) gets the last ended period only.

Once per period: the PDF is built outside any transaction (it is slow); then, in one
transaction, the subscription is re-read under a row lock and the dispatch row is inserted with
the e-mail. The UNIQUE (subscription, period_start, period_end) constraint refuses a second insert for the
period, so two runs at once (two processes) queue one e-mail; the loser's transaction, e-mail
included, is rolled back. A kind that is no longer registered, or a build that fails, sends
nothing and records nothing: the run's line names it, and the next run tries again.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation

from lokalkontakt.core.mail import email_queue, email_render
from lokalkontakt.reports.exports import report_pdf
from lokalkontakt.reports.kinds import report_kinds
from lokalkontakt.reports.models import ReportDispatch, ReportSubscription
from lokalkontakt.reports.period import Period

logger = logging.getLogger(__name__)
Frequency = ReportSubscription.Frequency


def last_ended_period(frequency: str, today: datetime.date) -> Period:
    """The last whole month or quarter that ended before `today`."""
    if frequency == Frequency.QUARTERLY:
        return Period.quarter(today.year, (today.month + 2) // 3).previous()
    return Period.month(today.year, today.month).previous()


@dataclass
class SendReport:
    sent: int = 0
    failed: list[str] = field(default_factory=list)  # "subscription 4: why", tried again next run


def _due(today: datetime.date):
    """Active subscriptions whose last ended period has no dispatch (one query)."""
    condition = Q()
    for frequency in Frequency.values:
        period = last_ended_period(frequency, today)
        sent = ReportDispatch.objects.filter(
            subscription=OuterRef("pk"), period_start=period.start, period_end=period.end)
        condition |= Q(frequency=frequency) & ~Exists(sent)
    return ReportSubscription.objects.filter(condition, active=True).order_by("pk")


def reports_send_due(*, today: datetime.date | None = None) -> SendReport:
    """Send every due subscription's report (see the module's rule); returns what was sent and
    what failed."""
    today = today or timezone.localdate()
    result = SendReport()
    for subscription in _due(today):
        try:
            if _send(subscription, last_ended_period(subscription.frequency, today)):
                result.sent += 1
        except Exception as error:  # noqa: BLE001 - one report's failure must not stop the rest
            logger.exception("Scheduled report %s not sent", subscription.pk)
            result.failed.append(f"subscription {subscription.pk}: {type(error).__name__}: {error}")
    return result


class UnknownKind(Exception):
    def __str__(self):
        return f"the report {self.args[0]!r} is no longer registered"


def _send(subscription: ReportSubscription, period: Period) -> bool:
    """Build the report and its e-mail (no transaction open), then queue it and record the
    dispatch in one transaction. False when it turned out to be sent already or deactivated."""
    kind = report_kinds.get(subscription.kind)
    if kind is None:
        raise UnknownKind(subscription.kind)
    with translation.override(settings.LANGUAGE_CODE):
        report = kind.build(period, **subscription.params)
        pdf = report_pdf(report)
    rendered = email_render("reports/email/scheduled_report.txt", context={
        "title": report.title, "period": period.label,
        "frequency": subscription.get_frequency_display()})
    attachment = (f"{report.filename}.pdf", pdf, "application/pdf")
    try:
        with transaction.atomic():
            locked = ReportSubscription.objects.select_for_update().get(pk=subscription.pk)
            if not locked.active:
                return False
            dispatch = ReportDispatch.objects.create(
                subscription=locked, period_start=period.start, period_end=period.end,
                recipients=locked.recipients, sent_at=timezone.now())
            dispatch.emails.set([  # one each: no recipient sees the others' addresses
                email_queue(to=[address], subject=rendered.subject, body=rendered.body,
                            attachments=[attachment]) for address in locked.recipients])
    except IntegrityError:
        return False  # another run recorded this period first, and sent it
    return True


def report() -> str:
    """run_jobs' line for the scheduled reports."""
    result = reports_send_due()
    line = f"Scheduled reports: {result.sent} sent."
    if result.failed:
        line += f" Not sent, tried again next run: {'; '.join(result.failed)}."
    return line
