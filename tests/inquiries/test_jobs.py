# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The periodic job reminds, escalates and anonymises (personal data and the submitter's files),
each at most once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.jobs import run_inquiry_jobs
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.handling import inquiry_close, inquiry_comment
from lokalkontakt.inquiries.services.replies import inquiry_follow_up, inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.inquiries.conftest import pdf, png, stored_files, text_file
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 23, 8, 0))  # a Monday
TODAY = datetime.date(2026, 11, 23)


def test_the_handler_is_reminded_once_the_working_day_before_the_deadline(coordinator):
    handler = EmployeeFactory(email="handler@example.dk")
    inquiry = InquiryFactory(assignee=handler, acknowledge_due=add_working_days(TODAY, 1),
                             answer_due=add_working_days(TODAY, 9))

    first = run_inquiry_jobs(now=NOW)
    second = run_inquiry_jobs(now=NOW)

    assert (first.reminded, second.reminded) == (1, 0)
    [reminder] = OutgoingEmail.objects.filter(to=["handler@example.dk"])
    assert inquiry.reference in reminder.subject
    assert inquiry.get_absolute_url() in reminder.body


def test_an_inquiry_far_from_its_deadline_gets_no_reminder(coordinator):
    InquiryFactory(acknowledge_due=add_working_days(TODAY, 2), answer_due=add_working_days(TODAY, 10))

    assert run_inquiry_jobs(now=NOW).reminded == 0
    assert not OutgoingEmail.objects.exists()


def test_an_overdue_inquiry_is_escalated_to_the_coordinator_once(coordinator):
    inquiry = InquiryFactory(acknowledge_due=TODAY - datetime.timedelta(days=3),
                             answer_due=TODAY + datetime.timedelta(days=5))

    first = run_inquiry_jobs(now=NOW)
    second = run_inquiry_jobs(now=NOW)

    assert (first.escalated, second.escalated) == (1, 0)
    coordinator_email = coordinator.employee.email
    [escalation] = OutgoingEmail.objects.filter(to=[coordinator_email])
    assert inquiry.reference in escalation.subject
    event = inquiry.events.get(kind=InquiryEvent.Kind.ESCALATED)
    assert event.public is False


def test_answered_and_closed_inquiries_are_not_escalated(coordinator):
    past = TODAY - datetime.timedelta(days=3)
    InquiryFactory(status=Inquiry.Status.ANSWERED, acknowledge_due=past, answer_due=past)
    InquiryFactory(status=Inquiry.Status.CLOSED, acknowledge_due=past, answer_due=past)

    assert run_inquiry_jobs(now=NOW).escalated == 0


def test_personal_data_is_deleted_after_the_retention_period_and_the_content_kept(settings):
    settings.INQUIRY_RETENTION_DAYS = 30
    old = InquiryFactory(status=Inquiry.Status.CLOSED, closed_at=NOW - datetime.timedelta(days=31),
                         submitter_name="Bo Borger", submitter_phone="+45 70 00 00 00",
                         subject="Bænk", text="Bænken er knækket", outcome="Repareret")
    recent = InquiryFactory(status=Inquiry.Status.CLOSED, closed_at=NOW - datetime.timedelta(days=5))

    first = run_inquiry_jobs(now=NOW)
    second = run_inquiry_jobs(now=NOW)

    assert (first.anonymised, second.anonymised) == (1, 0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.submitter_name, old.submitter_email, old.submitter_phone) == ("", "", "")
    assert (old.subject, old.text, old.outcome) == ("Bænk", "Bænken er knækket", "Repareret")
    assert old.events.filter(kind=InquiryEvent.Kind.ANONYMISED).count() == 1
    assert recent.submitter_name == "Bo Borger"


@pytest.fixture
def closed_with_files(setting, settings):
    """An inquiry closed 31 days ago (retention 30) with a file from the submission, a staff
    reply with a file, an internal comment with a file and a follow-up with a file."""
    settings.INQUIRY_RETENTION_DAYS = 30
    inquiry, _token = inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Stien", text="Stien er oversvømmet.",
        submitter_name="Bo Borger", submitter_email="bo@example.dk", client="192.0.2.50",
        files=[pdf("bo-borgers-have.pdf")])
    inquiry_reply(inquiry=inquiry, text="Vi kommer.", actor=setting.contact,
                  files=[pdf("plan.pdf")])
    inquiry_comment(inquiry=inquiry, text="Intern.", actor=setting.contact,
                    files=[text_file("intern.txt")])
    inquiry_follow_up(inquiry=inquiry, text="Se billedet.", files=[png("bo-foto.png")])
    inquiry_close(inquiry=inquiry, outcome="Ordnet", actor=setting.contact)
    Inquiry.objects.filter(pk=inquiry.pk).update(closed_at=NOW - datetime.timedelta(days=31))
    return inquiry


def test_the_submitters_files_are_deleted_from_disk_and_staff_files_kept(closed_with_files,
                                                                         media_root):
    with translation.override("en"):
        report = run_inquiry_jobs(now=NOW)

    assert report.anonymised == 1
    assert sorted(a.name for a in closed_with_files.attachments.all()) == ["intern.txt",
                                                                           "plan.pdf"]
    assert sorted(path.name for path in stored_files(media_root)) == ["intern.txt", "plan.pdf"]
    event = closed_with_files.events.get(kind=InquiryEvent.Kind.ANONYMISED)
    assert (event.text, event.public) == ("2 files deleted.", False)


def test_a_second_run_changes_nothing_and_sends_nothing(closed_with_files, media_root):
    run_inquiry_jobs(now=NOW)
    files, events = stored_files(media_root), list(closed_with_files.events.values())
    emails = OutgoingEmail.objects.count()

    assert run_inquiry_jobs(now=NOW).anonymised == 0
    assert stored_files(media_root) == files
    assert list(closed_with_files.events.values()) == events
    assert OutgoingEmail.objects.count() == emails


def test_files_left_on_an_inquiry_anonymised_earlier_are_deleted_on_the_next_run(
        closed_with_files, media_root):
    """Inquiries anonymised before files were covered still had them."""
    Inquiry.objects.filter(pk=closed_with_files.pk).update(anonymised_at=NOW, submitter_name="")

    with translation.override("en"):
        assert run_inquiry_jobs(now=NOW).anonymised == 1

    assert sorted(path.name for path in stored_files(media_root)) == ["intern.txt", "plan.pdf"]
    [event] = closed_with_files.events.filter(kind=InquiryEvent.Kind.ANONYMISED)
    assert event.text == "2 files deleted."
    closed_with_files.refresh_from_db()
    assert closed_with_files.anonymised_at == NOW


def test_run_jobs_command_reports_what_it_did(capsys):
    call_command("run_jobs")

    assert "0 reminded, 0 escalated, 0 anonymised" in capsys.readouterr().out


def test_the_e_mails_about_an_anonymised_inquiry_keep_no_copy_of_the_citizen(closed_with_files):
    """The receipt held the name-free greeting, the tracking link and what was typed; the reply
    the staff's answer; all stay in the queue's rows until the inquiry is anonymised."""
    reference = closed_with_files.reference
    about_it = OutgoingEmail.objects.filter(subject__contains=reference)
    assert about_it.filter(to=["bo@example.dk"]).count() >= 2  # the receipt and the reply
    about_it.update(status=OutgoingEmail.Status.SENT)
    unrelated = OutgoingEmail.objects.create(to=["bo@example.dk"], subject=f"Svar {reference}0",
                                             body="Bo Borger", status=OutgoingEmail.Status.SENT)

    run_inquiry_jobs(now=NOW)

    for email in about_it.exclude(pk=unrelated.pk):
        assert email.body == "" and email.attachments == []
        assert "bo@example.dk" not in email.to
        assert reference in email.subject  # what was sent, and when, is still on record
    for value in ["Bo Borger", "bo@example.dk", "/spor/"]:
        assert not about_it.exclude(pk=unrelated.pk).filter(body__contains=value).exists()
    unrelated.refresh_from_db()
    assert unrelated.body == "Bo Borger"  # another reference that only starts the same way
