# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The periodic job sends each subscription's report once per period, as a PDF, through a real
SMTP server on loopback (aiosmtpd) and the real worker."""

import datetime
import io
from email.header import decode_header, make_header

import pytest
from pypdf import PdfReader

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.reports import jobs
from lokalkontakt.reports.models import ReportDispatch
from tests.core.test_mail import run_worker, smtp_port, smtp_server  # noqa: F401
from tests.reports import kinds
from tests.reports.factories import ReportSubscriptionFactory

# The worker closes connections that are inside a transaction: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

APRIL_2 = datetime.date(2026, 4, 2)


@pytest.fixture(autouse=True)
def test_kind():
    with kinds.registered():
        yield


@pytest.fixture
def inbox(smtp_server):  # noqa: F811 - the fixture imported above
    """What the real SMTP server on loopback received."""
    return smtp_server


def pdf_of(message) -> tuple[str, bytes]:
    [part] = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    return part.get_filename(), part.get_payload(decode=True)


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_last_month_is_sent_once_with_its_pdf(inbox):
    ReportSubscriptionFactory(recipients=["sekretaer@example.dk", "leder@example.dk"])

    jobs.reports_send_due(today=APRIL_2)
    jobs.reports_send_due(today=APRIL_2)
    run_worker()

    # One message to each: no recipient sees the other's address.
    assert sorted(recipients for recipients, _message in inbox.messages) == [
        ["leder@example.dk"], ["sekretaer@example.dk"]]
    assert all("leder" not in message["To"] for recipients, message in inbox.messages
               if recipients == ["sekretaer@example.dk"])
    message = inbox.messages[0][1]
    assert subject(message) == "Prøverapport om smidige-processer – marts 2026"
    filename, content = pdf_of(message)
    assert filename == "proeverapport-2026-03.pdf"
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Prøverapport om smidige-processer" in text
    assert "marts 2026" in text
    assert "Glud" in text


def test_the_dispatch_records_the_period_and_its_delivery(inbox):
    subscription = ReportSubscriptionFactory()

    jobs.reports_send_due(today=APRIL_2)
    run_worker()

    dispatch = ReportDispatch.objects.get()
    assert (dispatch.subscription, dispatch.period_start, dispatch.period_end) == (
        subscription, datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert dispatch.recipients == subscription.recipients
    assert [(email.to, email.status) for email in dispatch.emails.all()] == [
        ([address], OutgoingEmail.Status.SENT) for address in subscription.recipients]


def test_nothing_is_sent_before_the_month_has_ended(inbox):
    ReportSubscriptionFactory()
    jobs.reports_send_due(today=APRIL_2)

    jobs.reports_send_due(today=datetime.date(2026, 4, 30))
    run_worker()
    assert len(inbox.messages) == 1

    jobs.reports_send_due(today=datetime.date(2026, 5, 1))
    run_worker()
    assert [subject(message) for _to, message in inbox.messages] == [
        "Prøverapport om smidige-processer – marts 2026",
        "Prøverapport om smidige-processer – april 2026"]


def test_a_quarterly_report_is_sent_once_a_quarter(inbox):
    ReportSubscriptionFactory(frequency="quarterly")

    for day in [APRIL_2, datetime.date(2026, 5, 1), datetime.date(2026, 6, 30),
                datetime.date(2026, 7, 1)]:
        jobs.reports_send_due(today=day)
    run_worker()

    assert [(d.period_start, d.period_end) for d in ReportDispatch.objects.order_by("pk")] == [
        (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))]
    assert len(inbox.messages) == 2


def test_a_new_subscription_gets_only_the_last_ended_period(inbox):
    ReportSubscriptionFactory()

    jobs.reports_send_due(today=datetime.date(2026, 9, 15))

    assert list(ReportDispatch.objects.values_list("period_start", flat=True)) == [
        datetime.date(2026, 8, 1)]


def test_a_stopped_subscription_sends_nothing(inbox):
    ReportSubscriptionFactory(active=False)

    assert jobs.reports_send_due(today=APRIL_2).sent == 0
    assert not OutgoingEmail.objects.exists()


def test_a_second_run_that_saw_the_period_due_too_queues_nothing(inbox):
    """Two processes at once: both found the period due before either recorded it."""
    subscription = ReportSubscriptionFactory()
    period = jobs.last_ended_period(subscription.frequency, APRIL_2)

    assert jobs._send(subscription, period) is True
    assert jobs._send(subscription, period) is False
    run_worker()

    assert ReportDispatch.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1
    assert len(inbox.messages) == 1


def test_a_failing_build_sends_nothing_and_is_tried_again(inbox):
    subscription = ReportSubscriptionFactory()
    broken = True

    def build(period, **params):
        if broken:
            raise ValueError("the figures could not be read")
        return kinds.build(period, **params)

    with kinds.registered(build=build):
        assert jobs.reports_send_due(today=APRIL_2).failed == [
            f"subscription {subscription.pk}: ValueError: the figures could not be read"]
        assert not OutgoingEmail.objects.exists()
        assert not ReportDispatch.objects.exists()

        broken = False
        assert jobs.reports_send_due(today=APRIL_2).sent == 1
    run_worker()
    assert len(inbox.messages) == 1


def test_a_kind_no_longer_registered_is_named_in_the_jobs_line(inbox):
    subscription = ReportSubscriptionFactory(kind="gone", params={})

    line = jobs.report()

    assert line == (f"Scheduled reports: 0 sent. Not sent, tried again next run: subscription "
                    f"{subscription.pk}: UnknownKind: the report 'gone' is no longer registered.")
    assert not OutgoingEmail.objects.exists()
    assert not ReportDispatch.objects.exists()


def test_the_job_is_registered_for_run_jobs():
    from lokalkontakt.core.registry import jobs as registered_jobs

    assert registered_jobs.get("reports") is jobs.report


def test_a_subscription_changed_from_monthly_to_quarterly_still_gets_the_quarter(inbox):
    subscription = ReportSubscriptionFactory()
    jobs.reports_send_due(today=datetime.date(2026, 5, 2))  # April, which starts 1 April
    subscription.frequency = "quarterly"
    subscription.save()

    jobs.reports_send_due(today=datetime.date(2026, 7, 2))  # the second quarter: 1 April too
    run_worker()

    periods = sorted((d.period_start, d.period_end) for d in ReportDispatch.objects.all())
    assert periods == [(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)),
                       (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))]
    assert len(inbox.messages) == 2
