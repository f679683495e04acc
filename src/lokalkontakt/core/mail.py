"""E-mail through the database-backed task queue: never sent inside a request.

`email_queue` stores the message and enqueues delivery when the transaction commits;
`deliver_email` (run by the db_worker) sends it once, and on a connection or SMTP error
re-enqueues itself with exponential backoff until settings.EMAIL_MAX_ATTEMPTS is reached. A message
that can never be sent (Django refuses it with a ValueError, e.g. BadHeaderError) fails at once.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator
from django_tasks import task

from lokalkontakt.core.models import OutgoingEmail

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = OutgoingEmail._meta.get_field("subject").max_length


def email_queue(*, to: list[str], subject: str, body: str, reply_to: str = "",
                attachments=()) -> OutgoingEmail:
    """Store an e-mail and deliver it after the surrounding transaction commits. The subject is
    made one line (a user-typed title may hold line breaks, which a header may not) and cut to
    fit the column. `attachments` are (filename, text, mimetype) triples made by the system."""
    subject = Truncator(" ".join(subject.split())).chars(SUBJECT_MAX_LENGTH)
    email = OutgoingEmail.objects.create(
        to=list(to), subject=subject, body=body, reply_to=reply_to,
        attachments=[{"filename": name, "content": content, "mimetype": mimetype}
                     for name, content, mimetype in attachments])
    transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    return email


def email_queue_template(template: str, *, to: list[str], context: dict, reply_to: str = "",
                         attachments=()) -> None:
    """Render a plain-text e-mail template in the site's language (subject on the first line,
    then the body) and queue it; nothing is queued without recipients."""
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(template, {"municipality_name": settings.MUNICIPALITY_NAME, **context})
    subject, body = text.strip().split("\n", 1)
    email_queue(to=to, subject=subject.strip(), body=body.strip() + "\n", reply_to=reply_to,
                attachments=attachments)


def site_url(path: str) -> str:
    """An absolute link for e-mails: settings.SITE_URL plus a path."""
    return settings.SITE_URL.rstrip("/") + path


def retry_delay(attempts: int) -> datetime.timedelta:
    """30 s, 1 min, 2 min, … capped at one hour."""
    return datetime.timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


@task()
def deliver_email(email_id: int) -> str:
    """Send one queued e-mail; idempotent (a sent e-mail is never sent again)."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            return "skipped"
        email.attempts += 1
        try:
            _send(email)
        except (smtplib.SMTPException, OSError) as error:
            return _schedule_retry(email, error)
        except ValueError as error:  # e.g. BadHeaderError: sending again cannot help
            return _fail(email, error)
        email.status, email.sent_at, email.last_error = OutgoingEmail.Status.SENT, timezone.now(), ""
        email.save(update_fields=["status", "sent_at", "attempts", "last_error", "updated_at"])
    return "sent"


def _send(email: OutgoingEmail) -> None:
    message = EmailMessage(
        subject=email.subject, body=email.body, from_email=settings.DEFAULT_FROM_EMAIL, to=email.to,
        reply_to=[email.reply_to] if email.reply_to else None,
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
    )
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    message.send(fail_silently=False)


def _fail(email: OutgoingEmail, error: Exception) -> str:
    email.status, email.last_error = OutgoingEmail.Status.FAILED, _error_text(error)
    email.save(update_fields=["status", "attempts", "last_error", "updated_at"])
    logger.error("E-mail %s failed after %s attempts: %s", email.pk, email.attempts, error)
    return "failed"


def _error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:1000]


def _schedule_retry(email: OutgoingEmail, error: Exception) -> str:
    if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        return _fail(email, error)
    email.last_error = _error_text(error)
    email.save(update_fields=["attempts", "last_error", "updated_at"])
    run_after = timezone.now() + retry_delay(email.attempts)
    transaction.on_commit(
        lambda: deliver_email.using(run_after=run_after).enqueue(email_id=email.pk))
    logger.warning("E-mail %s not delivered (attempt %s), retry at %s: %s",
                   email.pk, email.attempts, run_after, error)
    return "retry"
