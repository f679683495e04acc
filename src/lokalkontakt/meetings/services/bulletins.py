# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Bulletins (orienteringer) from the coordinator to all contacts or to those of some core areas
or local areas, or to all staff, shown on the contacts' front page and e-mailed."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.mail import site_url
from lokalkontakt.core.markdown import plain_text
from lokalkontakt.core.recipients import Reach, email_people
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings.models import Bulletin
from lokalkontakt.people.models import Employee

STAFF = Bulletin.Audience.STAFF


def bulletin_recipients(*, audience: str = Bulletin.Audience.CONTACTS, core_areas=(), areas=()):
    """Whom a bulletin reaches. To the contacts: the active contacts (and deputies), all of them,
    or those in the chosen core areas and those who cover the chosen local areas. To all staff:
    every active employee, or those in the chosen core areas (local areas choose contacts and do
    not apply). Those without an e-mail address are among them: they read it in Lokalkontakt, and
    sending names them."""
    if audience == STAFF:
        staff = Employee.objects.filter(is_active=True)
        if core_areas:
            staff = staff.filter(core_area__in=list(core_areas))
        return staff.order_by("sort_name", "pk")
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    # Exists, not an isnull lookup across the assignments: that also matches employees with none.
    contacts = Employee.objects.filter(Exists(current), is_active=True)
    if core_areas or areas:
        contacts = contacts.filter(Q(core_area__in=list(core_areas))
                                   | Exists(current.filter(area__in=list(areas))))
    return contacts.order_by("sort_name", "pk")


@transaction.atomic
def bulletin_send(*, actor, title: str, text: str, audience: str = Bulletin.Audience.CONTACTS,
                  core_areas=(), areas=()) -> Bulletin:
    """Send a bulletin to the contacts or to all staff (bulletin_recipients): kept with its
    recipients as they are now, shown on the contacts' front page and e-mailed to each of them
    through the queue; the coordinator gets one copy for those without an address
    (core.recipients), and `bulletin.reach` says who got it. Only the coordinator may."""
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))
    audience = audience or Bulletin.Audience.CONTACTS
    if audience == STAFF and areas:
        raise ValidationError({"areas": _(
            "Local areas choose their contacts. To write to all staff, choose no local area "
            "(core areas narrow it to their staff).")})
    recipients = list(bulletin_recipients(audience=audience, core_areas=core_areas, areas=areas))
    if not recipients and audience == STAFF:
        raise ValidationError(_("No active employee is in the chosen core areas. Choose others, "
                                "or none to reach all staff."))
    if not recipients:
        raise ValidationError(_("No active contact is in the chosen core areas or covers the "
                                "chosen local areas. Choose others, or none to reach all."))
    bulletin = Bulletin(title=title.strip(), text=text.strip(), author=actor, audience=audience,
                        sent_at=timezone.now())
    bulletin.full_clean()
    bulletin.save()
    bulletin.core_areas.set(list(core_areas))
    bulletin.areas.set(list(areas))
    bulletin.recipients.set(recipients)
    bulletin.reach = Reach()
    email_people("meetings/email/bulletin.txt", people=recipients, reach=bulletin.reach, context={
        "bulletin": bulletin, "body": email_text(bulletin.text),
        "url": site_url(bulletin.get_absolute_url())})
    return bulletin


MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


def email_text(markdown: str) -> str:
    """A bulletin as a plain-text e-mail: the words without Markdown, each link's address kept
    after its text ("Læs mere (https://…)"), which plain text would otherwise lose."""
    return plain_text(MARKDOWN_LINK.sub(lambda m: f"{m[1]} ({m[2]})", markdown))
