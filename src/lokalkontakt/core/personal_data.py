# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The personal data core holds: the e-mails it sends (their recipients, and what the text says
about them), registered in core.registry.personal_data for the access log and the data subject's
rights.

Erasure (art. 17): a message that has been dealt with (sent or failed) loses its text, its
attachments, its last error and the person's address; the row (subject, when) stays as the
record that something was sent. A message still waiting to be sent is refused: erasing it would
silently cancel a message the person may be waiting for."""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.registry import Erasure, ExportSection, PersonalData
from lokalkontakt.core.retention import emails_forget

DEALT_WITH = [OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED]


def describe_emails(ids) -> dict[int, tuple[str, None]]:
    return {pk: (", ".join(to), None)
            for pk, to in OutgoingEmail.objects.filter(pk__in=ids).values_list("pk", "to")}


def find_emails(query: str):
    return (OutgoingEmail.objects.annotate(to_text=Cast("to", TextField()))
            .filter(to_text__icontains=query).values("pk"))


def _label(name: str) -> str:
    return str(capfirst(OutgoingEmail._meta.get_field(name).verbose_name))


def export_emails(ids) -> list[ExportSection]:
    sections = []
    for email in OutgoingEmail.objects.filter(pk__in=ids).order_by("created_at", "pk"):
        sent = email.sent_at or email.created_at
        fields = [(_label("to"), ", ".join(email.to)), (_label("subject"), email.subject),
                  (_label("status"), email.get_status_display()),
                  (_label("sent_at"), date_format(timezone.localtime(sent), "SHORT_DATETIME_FORMAT")),
                  (_label("body"), email.body)]
        sections.append(ExportSection(title=email.subject, fields=fields))
    return sections


def _plan(email: OutgoingEmail) -> Erasure:
    kept = [_("The subject and when it was sent: the record that a message was sent.")]
    if email.status not in DEALT_WITH:
        return Erasure(object_id=email.pk, title=email.subject, kept=kept, refused=_(
            "The e-mail has not been sent yet. It can be erased when it has been sent."))
    if not email.body and not email.attachments and not email.to:
        return Erasure(object_id=email.pk, title=email.subject, kept=kept)
    return Erasure(object_id=email.pk, title=email.subject, kept=kept,
                   erased=[_("The text and attachments of the e-mail, and the recipient's address")])


def erasure_emails(ids) -> list[Erasure]:
    return [_plan(email) for email in OutgoingEmail.objects.filter(pk__in=ids).order_by("pk")]


def erase_emails(ids, *, actor, query: str = "") -> list[Erasure]:
    """Erase the e-mails the plan allows, re-read under a row lock. The recipients removed are
    those that the person's search term matches (the person's own addresses)."""
    outcomes = []
    for email in OutgoingEmail.objects.filter(pk__in=ids).select_for_update().order_by("pk"):
        plan = _plan(email)
        if plan.erased:
            addresses = [to for to in email.to if query.casefold() in to.casefold()]
            emails_forget(OutgoingEmail.objects.filter(pk=email.pk), addresses=addresses)
        outcomes.append(plan)
    return outcomes


EMAILS = PersonalData(label=gettext_lazy("E-mail"), describe=describe_emails, find=find_emails,
                      export=export_emails, erasure=erasure_emails, erase=erase_emails)
