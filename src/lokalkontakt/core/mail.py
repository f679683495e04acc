# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""E-mail through the database-backed task queue: never sent inside a request, never lost.

`email_queue` stores the message and enqueues delivery when the transaction commits.
`deliver_email` (run by the db_worker) works in three steps so that no database transaction is
open while it talks to the mail server (a slow server would otherwise hold SQLite's write lock,
and every form would fail with "database is locked"):

1. claim: in a short transaction, queued → sending, attempts + 1, claimed_at; anything not
   queued is skipped, so a message is claimed by one worker only;
2. send, with no transaction open;
3. record the outcome in a new transaction: sent (the stored text then loses its private links,
   core.retention); or back to queued and re-enqueued with
   exponential backoff after a connection or SMTP error, until settings.EMAIL_MAX_ATTEMPTS; or
   failed at once when Django refuses the message (a ValueError, e.g. BadHeaderError).

A worker that dies between 1 and 3 leaves the message in sending; the periodic job
(`email_requeue_stale`, run by core.jobs) queues it again after settings.EMAIL_SENDING_STALE_MINUTES.
The mail server may have accepted it before the worker died, so delivery is at least once: a
message is never lost, and in that rare case it arrives twice. A failed message waits for the
coordinator's "Send again" (`email_resend`).
"""

import base64
import datetime
import logging
import smtplib
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.retention import blank_secret_links

logger = logging.getLogger(__name__)
Status = OutgoingEmail.Status
# How many waiting messages one run of the periodic job checks for a lost task.
ORPHAN_BATCH = 1000
WORKER_STOPPED = "Interrupted: the worker stopped while sending"

SUBJECT_MAX_LENGTH = OutgoingEmail._meta.get_field("subject").max_length


def email_queue(*, to: list[str], subject: str, body: str, reply_to: str = "",
                attachments=()) -> OutgoingEmail:
    """Store an e-mail and deliver it after the surrounding transaction commits. The subject is
    made one line (a user-typed title may hold line breaks, which a header may not) and cut to
    fit the column. `attachments` are (filename, content, mimetype) triples made by the system:
    the content is text (an invitation's .ics) or bytes (a report's PDF, stored as base64). Build
    a large attachment before the transaction that queues it: the row only stores it."""
    subject = _one_line(subject)
    email = OutgoingEmail.objects.create(
        to=list(to), subject=subject, body=body, reply_to=reply_to,
        attachments=[_stored_attachment(*attachment) for attachment in attachments])
    transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    return email


def _stored_attachment(filename: str, content: str | bytes, mimetype: str) -> dict:
    """An attachment as the row's JSON keeps it: text as it is, bytes as base64."""
    if isinstance(content, bytes):
        return {"filename": filename, "content_base64": base64.b64encode(content).decode("ascii"),
                "mimetype": mimetype}
    return {"filename": filename, "content": content, "mimetype": mimetype}


def attachment_content(attachment: dict) -> str | bytes:
    """A stored attachment's content: the text, or the bytes it was given as."""
    if "content_base64" in attachment:
        return base64.b64decode(attachment["content_base64"])
    return attachment["content"]


@dataclass(frozen=True)
class RenderedEmail:
    """An e-mail's subject and body exactly as they are queued (and shown in a preview)."""

    subject: str
    body: str


def email_render(template: str, *, context: dict, preface=None) -> RenderedEmail:
    """Render a plain-text e-mail template in the site's language: subject on the first line
    (made one line and cut to fit, as email_queue does), then the body. The one way an e-mail
    is made from a template, so a preview and the queued e-mail cannot differ. `preface`, a
    function called in the site's language, gives a paragraph put before the body
    (core.recipients: for whom a stand-in's copy was meant)."""
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(template, {"municipality_name": settings.MUNICIPALITY_NAME, **context})
        first = str(preface()) + "\n\n" if preface else ""
    subject, body = text.strip().split("\n", 1)
    return RenderedEmail(subject=_one_line(subject), body=first + body.strip() + "\n")


def email_queue_template(template: str, *, to: list[str], context: dict, reply_to: str = "",
                         attachments=(), preface=None) -> None:
    """Render a plain-text e-mail template (email_render) and queue it; nothing is queued
    without recipients (an empty address, such as that of a phone caller who gave none, is no
    recipient)."""
    to = [address for address in to if address]
    if not to:
        return
    rendered = email_render(template, context=context, preface=preface)
    email_queue(to=to, subject=rendered.subject, body=rendered.body, reply_to=reply_to,
                attachments=attachments)


def _one_line(subject: str) -> str:
    return Truncator(" ".join(subject.split())).chars(SUBJECT_MAX_LENGTH)


def site_url(path: str) -> str:
    """An absolute link for e-mails: settings.SITE_URL plus a path."""
    return settings.SITE_URL.rstrip("/") + path


def retry_delay(attempts: int) -> datetime.timedelta:
    """30 s, 1 min, 2 min, … capped at one hour."""
    return datetime.timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


@task()
def deliver_email(email_id: int) -> str:
    """Send one queued e-mail: claim it, send it outside any transaction, record the outcome.
    Idempotent: a message that is not queued (sent, failed, or claimed by another worker) is
    skipped."""
    email = _claim(email_id)
    if email is None:
        return "skipped"
    try:
        _send(email)
    except (smtplib.SMTPException, OSError) as error:
        return _record_error(email, error)
    except ValueError as error:  # e.g. BadHeaderError: sending again cannot help
        return _record_failed(email, error)
    return _record_sent(email)


def _claim(email_id: int) -> OutgoingEmail | None:
    """queued → sending in one committed UPDATE; None when the message is not queued."""
    now = timezone.now()
    with transaction.atomic():
        claimed = OutgoingEmail.objects.filter(pk=email_id, status=Status.QUEUED).update(
            status=Status.SENDING, attempts=F("attempts") + 1, claimed_at=now, updated_at=now)
        return OutgoingEmail.objects.get(pk=email_id) if claimed else None


def _still_claimed(email: OutgoingEmail):
    """The message as this worker claimed it: not queued again by the periodic job meanwhile."""
    return OutgoingEmail.objects.filter(pk=email.pk, status=Status.SENDING,
                                        claimed_at=email.claimed_at)


def _record_sent(email: OutgoingEmail) -> str:
    # Also when the periodic job has queued it again meanwhile (the send took longer than
    # EMAIL_SENDING_STALE_MINUTES): marked sent, the waiting task skips it instead of sending twice.
    # The stored text loses its private links (core.retention): only the recipient has them now.
    now = timezone.now()
    with transaction.atomic():
        OutgoingEmail.objects.filter(pk=email.pk, status__in=[Status.SENDING, Status.QUEUED]).update(
            status=Status.SENT, sent_at=now, last_error="", updated_at=now,
            body=blank_secret_links(email.body))
    return "sent"


def _send(email: OutgoingEmail) -> None:
    message = EmailMessage(
        subject=email.subject, body=email.body, from_email=settings.DEFAULT_FROM_EMAIL, to=email.to,
        reply_to=[email.reply_to] if email.reply_to else None,
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
    )
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment_content(attachment),
                       attachment["mimetype"])
    message.send(fail_silently=False)


def _record_failed(email: OutgoingEmail, error: Exception) -> str:
    with transaction.atomic():
        if not _still_claimed(email).update(status=Status.FAILED, last_error=_error_text(error),
                                            updated_at=timezone.now()):
            return "skipped"
    logger.error("E-mail %s failed after %s attempts: %s", email.pk, email.attempts, error)
    return "failed"


def _error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:1000]


def _record_error(email: OutgoingEmail, error: Exception) -> str:
    """Back to queued, to be tried again after the backoff; failed after the last attempt."""
    if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        return _record_failed(email, error)
    run_after = timezone.now() + retry_delay(email.attempts)
    with transaction.atomic():
        if not _still_claimed(email).update(status=Status.QUEUED, last_error=_error_text(error),
                                            updated_at=timezone.now()):
            return "skipped"
        transaction.on_commit(
            lambda: deliver_email.using(run_after=run_after).enqueue(email_id=email.pk))
    logger.warning("E-mail %s not delivered (attempt %s), retry at %s: %s",
                   email.pk, email.attempts, run_after, error)
    return "retry"


def email_requeue_stale(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Messages left in sending longer than settings.EMAIL_SENDING_STALE_MINUTES (their worker
    died or hung) go back to the queue and are enqueued again; one that has had its last attempt
    fails. Each message is taken by a conditional UPDATE, so two runs at once do it once.
    Returns (queued again, failed)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.EMAIL_SENDING_STALE_MINUTES)
    stale = OutgoingEmail.objects.filter(status=Status.SENDING, claimed_at__lt=cutoff)
    requeued = failed = 0
    for email in stale.only("pk", "attempts", "claimed_at"):
        last = email.attempts >= settings.EMAIL_MAX_ATTEMPTS
        error = f"{WORKER_STOPPED} ({'no attempts left' if last else 'queued again'})."
        with transaction.atomic():
            if not _still_claimed(email).update(
                    status=Status.FAILED if last else Status.QUEUED, last_error=error,
                    updated_at=now):
                continue
            if last:
                failed += 1
            else:
                requeued += 1
                transaction.on_commit(partial(deliver_email.enqueue, email_id=email.pk))
    return requeued, failed


def email_enqueue_orphans(*, now: datetime.datetime | None = None) -> int:
    """Queued messages with no delivery task waiting or running (the process stopped between the
    commit and the enqueue, or the task was marked failed by core.jobs) are enqueued again, once
    they have waited settings.EMAIL_SENDING_STALE_MINUTES. Returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.EMAIL_SENDING_STALE_MINUTES)
    waiting = set(OutgoingEmail.objects.filter(status=Status.QUEUED, updated_at__lt=cutoff)
                  .values_list("pk", flat=True)[:ORPHAN_BATCH])
    if not waiting:
        return 0
    # A delivery task running longer than that died before it claimed its message.
    pending = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING, started_at__gte=cutoff),
        task_path=deliver_email.module_path).values_list("args_kwargs", flat=True)
    count = 0
    for pk in waiting - {args["kwargs"].get("email_id") for args in pending}:
        with transaction.atomic():
            # Touching updated_at takes the message: a second run at once finds it too recent.
            if OutgoingEmail.objects.filter(pk=pk, status=Status.QUEUED,
                                            updated_at__lt=cutoff).update(updated_at=now):
                transaction.on_commit(partial(deliver_email.enqueue, email_id=pk))
                count += 1
    return count


def email_resend(*, email: OutgoingEmail, actor) -> bool:
    """Put a failed e-mail back in the queue with its attempts reset, recording who did it and
    when; the worker delivers it as a new message. False (nothing changed) when it is no longer
    failed, e.g. sent again already."""
    now = timezone.now()
    with transaction.atomic():
        if not OutgoingEmail.objects.filter(pk=email.pk, status=Status.FAILED).update(
                status=Status.QUEUED, attempts=0, resent_by=actor, resent_at=now, updated_at=now):
            return False
        transaction.on_commit(partial(deliver_email.enqueue, email_id=email.pk))
    logger.info("E-mail %s put back in the queue by %s", email.pk, actor)
    return True
