# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""E-mail goes through the database queue and a real SMTP server on loopback (aiosmtpd)."""

import asyncio
import datetime
import email
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.mail import deliver_email, email_queue, email_requeue_stale, retry_delay
from lokalkontakt.core.models import OutgoingEmail
from tests.core.factories import OutgoingEmailFactory

# The worker closes connections that are inside a transaction (close_old_connections), as the
# test-case transaction would be on PostgreSQL: these tests commit for real instead.
pytestmark = pytest.mark.django_db(transaction=True)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    return port


@pytest.fixture
def smtp_server(smtp_port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield inbox
    controller.stop()


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def queue_receipt(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return email_queue(to=["borger@example.dk"], subject="Kvittering for din henvendelse",
                           body="Tak for din henvendelse. Vi svarer inden for 10 arbejdsdage.",
                           reply_to="lokalkontakt@example.dk")


def test_queued_mail_is_delivered_by_the_worker(smtp_server, django_capture_on_commit_callbacks):
    queued = queue_receipt(django_capture_on_commit_callbacks)
    assert smtp_server.messages == []  # nothing is sent inside the request

    run_worker()

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["borger@example.dk"]
    assert message["Subject"] == "Kvittering for din henvendelse"
    assert message["Reply-To"] == "lokalkontakt@example.dk"
    assert "Vi svarer inden for 10 arbejdsdage." in message.get_payload(decode=True).decode()
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.SENT, 1)
    assert queued.claimed_at <= queued.sent_at


class WatchingInbox(Inbox):
    """While a message's DATA arrives, looks at its row as a web request would: from another
    database connection, taking the write lock (SQLite) and the row's lock (PostgreSQL) without
    waiting. A worker that sends inside a transaction makes that fail."""

    def __init__(self):
        super().__init__()
        self.seen = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.seen.append(await asyncio.to_thread(self._look))
        return await super().handle_DATA(server, session, envelope)

    @staticmethod
    def _look():
        try:
            with transaction.atomic():
                row = OutgoingEmail.objects.select_for_update(nowait=True).get()
                return row.status, row.attempts
        except DatabaseError as error:
            return f"blocked: {error}"
        finally:
            connection.close()


def test_the_claim_is_committed_and_no_transaction_is_open_while_the_server_is_talking(
        smtp_port, django_capture_on_commit_callbacks):
    inbox = WatchingInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        queued = queue_receipt(django_capture_on_commit_callbacks)
        run_worker()
    finally:
        controller.stop()

    assert inbox.seen == [(OutgoingEmail.Status.SENDING, 1)]
    assert len(inbox.messages) == 1
    queued.refresh_from_db()
    assert queued.status == OutgoingEmail.Status.SENT


def test_a_message_another_worker_is_sending_is_skipped(smtp_server):
    sending = OutgoingEmailFactory(sending=True)
    deliver_email.enqueue(email_id=sending.pk)

    run_worker()

    assert smtp_server.messages == []
    sending.refresh_from_db()
    assert (sending.status, sending.attempts) == (OutgoingEmail.Status.SENDING, 1)
    assert DBTaskResult.objects.get().return_value == "skipped"


class RequeueingInbox(Inbox):
    """Takes so long to answer DATA that the periodic job queues the message again meanwhile."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.requeued = await asyncio.to_thread(self._requeue)
        return await super().handle_DATA(server, session, envelope)

    @staticmethod
    def _requeue():
        try:
            return email_requeue_stale(now=timezone.now() + datetime.timedelta(hours=1))
        finally:
            connection.close()


def test_a_send_that_outlives_the_stale_limit_is_recorded_sent_and_not_sent_again(
        smtp_port, django_capture_on_commit_callbacks):
    inbox = RequeueingInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        queued = queue_receipt(django_capture_on_commit_callbacks)
        run_worker()  # sends it, and the task the job enqueued then finds it sent
    finally:
        controller.stop()

    assert inbox.requeued == (1, 0)
    assert len(inbox.messages) == 1
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.SENT, 1)
    assert sorted(DBTaskResult.objects.values_list("return_value", flat=True)) == ["sent", "skipped"]


def test_running_the_worker_again_sends_nothing_twice(smtp_server,
                                                      django_capture_on_commit_callbacks):
    queued = queue_receipt(django_capture_on_commit_callbacks)
    run_worker()
    deliver_email.enqueue(email_id=queued.pk)
    run_worker()

    assert len(smtp_server.messages) == 1


def test_mail_waits_while_the_server_is_down_and_arrives_when_it_is_back(
        smtp_port, django_capture_on_commit_callbacks):
    queued = queue_receipt(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()  # nothing listens on the port

    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    assert "ConnectionRefusedError" in queued.last_error
    assert DBTaskResult.objects.get(status="SUCCESSFUL").return_value == "retry"
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=20)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_worker()
    finally:
        controller.stop()

    assert [recipients for recipients, _message in inbox.messages] == [["borger@example.dk"]]
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.SENT, 2)


def test_mail_is_marked_failed_after_the_last_attempt(smtp_port, settings,
                                                      django_capture_on_commit_callbacks):
    settings.EMAIL_MAX_ATTEMPTS = 1
    queued = queue_receipt(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()

    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.FAILED, 1)
    assert "ConnectionRefusedError" in queued.last_error
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_retry_delay_backs_off_to_one_hour():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 10)] == [30, 60, 120, 3600]


def test_a_subject_with_line_breaks_arrives_as_one_line(smtp_server,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queued = email_queue(to=["borger@example.dk"], body="Tekst",
                             subject="Henvendelse:\r\nBcc: angriber@example.dk\r  om\tvejen ")

    run_worker()

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["borger@example.dk"]
    assert message["Subject"] == "Henvendelse: Bcc: angriber@example.dk om vejen"
    assert message["Bcc"] is None
    queued.refresh_from_db()
    assert queued.status == OutgoingEmail.Status.SENT


def test_a_long_subject_is_stored_cut_to_fit_with_an_ellipsis():
    queued = email_queue(to=["borger@example.dk"], subject="Ø" * 400, body="Tekst")

    queued.refresh_from_db()
    assert len(queued.subject) == 250
    assert queued.subject == "Ø" * 249 + "…"


def test_a_message_django_refuses_to_send_fails_at_once_without_retry(smtp_server):
    # Queued before subjects were made one line: Django raises BadHeaderError (a ValueError).
    queued = OutgoingEmail.objects.create(to=["borger@example.dk"], subject="Hej\rBcc: x@example.dk",
                                          body="Tekst")
    deliver_email.enqueue(email_id=queued.pk)
    run_worker()

    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.FAILED, 1)
    assert queued.last_error.startswith("BadHeaderError: Header values can't contain newlines")
    assert smtp_server.messages == []
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_text_and_binary_attachments_are_delivered_as_given(smtp_server):
    invitation = "BEGIN:VCALENDAR\r\nSUMMARY:Koordinerende møde\r\nEND:VCALENDAR\r\n"
    pdf = b"%PDF-1.7\n\x00\xff\xfe binary \x80\n%%EOF\n"
    with transaction.atomic():
        queued = email_queue(to=["leder@example.dk"], subject="Rapport", body="Se vedhæftet.",
                             attachments=[("invitation.ics", invitation, "text/calendar"),
                                          ("rapport.pdf", pdf, "application/pdf")])

    run_worker()

    [(_recipients, message)] = smtp_server.messages
    parts = {part.get_filename(): part for part in message.walk() if part.get_filename()}
    assert parts["invitation.ics"].get_content_type() == "text/calendar"
    assert parts["invitation.ics"].get_payload(decode=True).decode() == invitation
    assert parts["rapport.pdf"].get_content_type() == "application/pdf"
    assert parts["rapport.pdf"].get_payload(decode=True) == pdf
    queued.refresh_from_db()
    assert queued.attachments[0] == {"filename": "invitation.ics", "content": invitation,
                                     "mimetype": "text/calendar"}
