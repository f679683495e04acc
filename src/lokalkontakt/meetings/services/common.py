# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the meetings' services share: the coordinator check, a versioned save, and the
participants of a meeting and their e-mails, an agenda item locked for a write."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lokalkontakt.core.mail import site_url
from lokalkontakt.core.recipients import Reach, email_people
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings import selectors
from lokalkontakt.meetings.models import AgendaItem


def require_coordinator(actor) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))


def save(obj, actor) -> None:
    """Save `obj` with `actor` as the author of its version."""
    obj._history_user = actor
    obj.save()


def participants(meeting):
    return [a.employee for a in selectors.attendances(meeting=meeting)]


def email_participants(meeting, template: str, context: dict) -> Reach:
    """The e-mail to each participant; one copy to the coordinator for those who cannot get it
    (core.recipients). Who got it."""
    reach = Reach()
    email_people(template, people=participants(meeting), reach=reach, context={
        "meeting": meeting, "url": site_url(meeting.get_absolute_url()), **context})
    return reach


def locked_item(item: AgendaItem) -> AgendaItem:
    """The item as stored now, locked: a stale copy must not undo another write (such as the
    note link that sending the minutes sets)."""
    return AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
