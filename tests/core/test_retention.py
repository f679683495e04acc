# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the mail queue and the login records keep (core.retention): private links are blanked
as a message is sent and kept while it waits; sent texts and old login records are deleted by
the periodic job after their periods; the privacy page lists every period."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from lokalkontakt.core.mail import email_queue
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.retention import blank_secret_links, email_bodies_prune, login_records_prune
from tests.core.factories import OutgoingEmailFactory
from tests.core.test_mail import free_port, run_worker, smtp_port, smtp_server  # noqa: F401

NOW = timezone.make_aware(datetime.datetime(2026, 11, 23, 8, 0))
TRACKING = "https://lokalkontakt.example.dk/henvendelser/spor/aB3_x-9/"
LOGIN = "https://lokalkontakt.example.dk/lokalraad/log-ind/Zz_81-k/"
REQUEST_PAGE = "https://lokalkontakt.example.dk/lokalraad/log-ind/"
BODY = f"Følg din sag her:\n{TRACKING}\nLog ind: {LOGIN}\nNyt link: {REQUEST_PAGE}\n"


def queue(django_capture_on_commit_callbacks) -> OutgoingEmail:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return email_queue(to=["borger@example.dk"], subject="Kvittering", body=BODY)


def test_the_registered_private_links_are_blanked_and_other_links_kept():
    assert blank_secret_links(BODY) == (
        "Følg din sag her:\n[link fjernet]\nLog ind: [link fjernet]\n"
        f"Nyt link: {REQUEST_PAGE}\n")


@pytest.mark.django_db(transaction=True)
def test_a_sent_message_keeps_no_private_link_and_the_recipient_got_it(
        smtp_server, django_capture_on_commit_callbacks):  # noqa: F811
    email = queue(django_capture_on_commit_callbacks)
    assert email.body == BODY  # waiting to be sent, it keeps its links

    run_worker()

    [(_to, message)] = smtp_server.messages
    assert TRACKING in message.get_payload(decode=True).decode()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert TRACKING not in email.body and LOGIN not in email.body
    assert email.body.count("[link fjernet]") == 2


@pytest.mark.django_db(transaction=True)
def test_a_message_that_failed_keeps_its_links_to_be_sent_again(
        settings, smtp_port, django_capture_on_commit_callbacks):  # noqa: F811
    settings.EMAIL_MAX_ATTEMPTS = 1  # nothing listens on the port
    email = queue(django_capture_on_commit_callbacks)

    run_worker()

    email.refresh_from_db()
    assert (email.status, email.body) == (OutgoingEmail.Status.FAILED, BODY)


@pytest.mark.django_db
def test_sent_texts_are_deleted_after_the_retention_period_and_the_rows_kept(settings):
    settings.EMAIL_BODY_RETENTION_DAYS = 30
    old = OutgoingEmailFactory(sent=True, sent_at=NOW - datetime.timedelta(days=31), body="Gammel",
                               attachments=[{"filename": "m.ics", "content": "x",
                                             "mimetype": "text/calendar"}])
    recent = OutgoingEmailFactory(sent=True, sent_at=NOW - datetime.timedelta(days=29), body="Ny")
    waiting = OutgoingEmailFactory(created_at=NOW - datetime.timedelta(days=40), body="Venter")

    assert (email_bodies_prune(now=NOW), email_bodies_prune(now=NOW)) == (1, 0)

    old.refresh_from_db()
    assert (old.body, old.attachments, old.to, old.subject) == ("", [], old.to, old.subject)
    assert OutgoingEmail.objects.get(pk=recent.pk).body == "Ny"
    assert OutgoingEmail.objects.get(pk=waiting.pk).body == "Venter"


def login_record(model, *, days_ago: int, username: str):
    fields = {"get_data": "", "post_data": "", "failures_since_start": 1} \
        if model is AccessAttempt else {}
    record = model.objects.create(username=username, ip_address="192.0.2.7", user_agent="test",
                                  http_accept="*/*", path_info="/log-ind/", **fields)
    model.objects.filter(pk=record.pk).update(
        attempt_time=NOW - datetime.timedelta(days=days_ago))
    return record


@pytest.mark.django_db
def test_login_records_are_deleted_after_the_retention_period(settings):
    settings.LOGIN_RECORD_RETENTION_DAYS = 30
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        login_record(model, days_ago=31, username="gammel@example.dk")
        login_record(model, days_ago=29, username="ny@example.dk")

    assert login_records_prune(now=NOW) == 3

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert list(model.objects.values_list("username", flat=True)) == ["ny@example.dk"]


@pytest.mark.django_db
def test_run_jobs_reports_the_retention_line(capsys):
    call_command("run_jobs")

    assert "Retention: 0 old e-mail texts deleted, 0 old login records deleted." in \
        capsys.readouterr().out


@pytest.mark.django_db
def test_the_privacy_page_lists_every_retention_period(settings):
    settings.EMAIL_BODY_RETENTION_DAYS = 31
    settings.COUNCIL_MEMBER_RETENTION_DAYS = 92
    settings.LOGIN_RECORD_RETENTION_DAYS = 33
    settings.ACCESS_LOG_RETENTION_DAYS = 184
    settings.TASK_RESULT_RETENTION_DAYS = 15

    html = Client().get("/privatliv/").content.decode()

    assert "e-mailens tekst slettes 31 dage efter, at den blev sendt" in html
    assert "Medlemmets navn og e-mailadresse slettes 92 dage efter" in html
    assert "loginforsøg (brugernavn, IP-adresse og browser) slettes efter 33 dage" in html
    assert "hvem der har set personoplysninger, hvornår og hvordan, gemmes i 184 dage" in html
    assert "baggrundsarbejde (fx afsendelse af e-mails) slettes efter 15 dage" in html
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get("/privatliv/").content.decode()
    assert "the text of the e-mail is deleted 31 days after it was sent" in english
