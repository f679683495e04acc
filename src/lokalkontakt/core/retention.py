# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the mail queue and the login records keep, and for how long (the periods are in
config/settings/retention.py and listed on the privacy page):

- a sent e-mail keeps no private link: the links the apps register in
  `core.registry.email_secret_links` (the inquiry's tracking link, a council member's login link)
  are blanked in its stored text as it is marked sent; a queued or failed message keeps them,
  as it still has to be sent;
- a sent e-mail's text and attachments are deleted after settings.EMAIL_BODY_RETENTION_DAYS; the
  row (to whom, which subject, when) stays as the record of what was sent, until the data it is
  about is anonymised (the apps' jobs remove the address then);
- django-axes' login records (attempts, failures, logins; they hold the username, which for a
  council member is the e-mail address) are deleted after settings.LOGIN_RECORD_RETENTION_DAYS.
"""

import datetime
import re

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.registry import email_secret_links

PLACEHOLDER = "LKSECRETPLACEHOLDER"


def _pattern(url_name: str, kwarg: str) -> re.Pattern:
    path = reverse(url_name, kwargs={kwarg: PLACEHOLDER})
    before, after = (re.escape(part) for part in path.split(PLACEHOLDER))
    # The link as site_url makes it (any scheme and host), or a bare path.
    return re.compile(rf"(?:https?://[^\s/]+)?{before}[A-Za-z0-9_-]+{after}")


def secret_link_patterns() -> list[re.Pattern]:
    """The registered private links as regular expressions (built from the URL patterns, so
    they follow the URLs)."""
    return [_pattern(link.url_name, link.kwarg) for link in email_secret_links]


def removed_link_marker() -> str:
    """What stands where a private link was, in the site's language (as the e-mail is)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("[link removed]")


def blank_secret_links(text: str) -> str:
    """The text with every registered private link replaced by the marker."""
    marker = removed_link_marker()
    for pattern in secret_link_patterns():
        text = pattern.sub(marker, text)
    return text


def email_bodies_prune(*, now: datetime.datetime) -> int:
    """Delete the text and attachments of e-mails sent longer ago than
    settings.EMAIL_BODY_RETENTION_DAYS; the rows stay. Returns how many were emptied."""
    cutoff = now - datetime.timedelta(days=settings.EMAIL_BODY_RETENTION_DAYS)
    old = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff)
    return old.exclude(body="", attachments=[]).update(body="", attachments=[], updated_at=now)


def login_records_prune(*, now: datetime.datetime) -> int:
    """Delete django-axes' records of login attempts, failures and logins older than
    settings.LOGIN_RECORD_RETENTION_DAYS. Returns how many rows were deleted."""
    cutoff = now - datetime.timedelta(days=settings.LOGIN_RECORD_RETENTION_DAYS)
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        count, _per_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += count
    return deleted


def login_records_forget(*, usernames: list[str]) -> int:
    """Delete django-axes' records for these usernames (an anonymised person's logins)."""
    deleted = 0
    usernames = [name for name in usernames if name]
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        for username in usernames:
            count, _per_model = model.objects.filter(username__iexact=username).delete()
            deleted += count
    return deleted


def emails_forget(emails, *, addresses: list[str]) -> int:
    """Make e-mail rows forget a person: their text, attachments and last error are deleted and
    the addresses removed from the recipients (a message to them alone keeps an empty list).
    Only messages that have been dealt with (sent or failed); returns how many changed."""
    wanted = {address.casefold() for address in addresses if address}
    count = 0
    for email in emails.filter(status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED]):
        email.body, email.attachments, email.last_error = "", [], ""
        email.to = [to for to in email.to if to.casefold() not in wanted]
        email.save(update_fields=["body", "attachments", "last_error", "to", "updated_at"])
        count += 1
    return count


def report() -> str:
    """run_jobs' line for what the mail queue and the login records keep."""
    now = timezone.now()
    emptied = email_bodies_prune(now=now)
    logins = login_records_prune(now=now)
    return f"Retention: {emptied} old e-mail texts deleted, {logins} old login records deleted."
