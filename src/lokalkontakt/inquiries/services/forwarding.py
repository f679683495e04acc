# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Asking others for help with an inquiry: forwarding it to a colleague or a core area
(kerneområde), or making another employee responsible for it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.recipients import COORDINATOR, NO_ADDRESS, Missed, Reach, email_person
from lokalkontakt.core.roles import coordinator_emails
from lokalkontakt.core.search.index import index_update
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.common import (
    inquiry_changed,
    inquiry_event_add,
    locked_inquiry,
)

Kind = InquiryEvent.Kind


def _check_recipient(inquiry: Inquiry, employee, *, already: bool) -> None:
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if not employee.is_active:
        raise ValidationError({"employee": _("%(name)s is no longer active.") % {"name": employee}})
    if already:
        raise ValidationError({"employee": _("%(name)s already has the inquiry.") % {"name": employee}})



def _sender_name(actor) -> str:
    return getattr(getattr(actor, "employee", None), "name", "") or actor.get_username()



def _notify_employee(inquiry: Inquiry, employee, *, actor, note: str) -> None:
    """The employee is e-mailed; one who cannot get it (no address, no login to open the
    inquiry): the coordinator, told for whom it was meant. `inquiry.reach` says which."""
    inquiry.reach = Reach()
    email_person("inquiries/email/forwarded.txt", person=employee, reach=inquiry.reach, context={
        "inquiry": inquiry, "employee": employee, "note": note,
        "sender": _sender_name(actor),
        "staff_url": site_url(inquiry.get_absolute_url())}, needs_login=True)



@transaction.atomic
def inquiry_forward(*, inquiry: Inquiry, employee, note: str = "", actor) -> Inquiry:
    """Ask a colleague for help: they are e-mailed, may open the inquiry and reply too.
    The handler stays the same."""
    inquiry = locked_inquiry(inquiry)
    _check_recipient(inquiry, employee, already=employee == inquiry.assignee
                     or inquiry.participants.filter(pk=employee.pk).exists())
    inquiry.participants.add(employee)
    inquiry_changed(inquiry, "forwarded")
    inquiry_event_add(inquiry, Kind.FORWARDED, public=False, actor=actor,
           text=f"{employee.name}: {note.strip()}" if note.strip() else employee.name)
    index_update(inquiry)
    _notify_employee(inquiry, employee, actor=actor, note=note.strip())
    return inquiry



@transaction.atomic
def inquiry_reassign(*, inquiry: Inquiry, employee, note: str = "", actor) -> Inquiry:
    """Make another employee responsible for the inquiry; they are e-mailed."""
    inquiry = locked_inquiry(inquiry)
    _check_recipient(inquiry, employee, already=employee == inquiry.assignee)
    inquiry.assignee = employee
    inquiry.save(update_fields=["assignee", "updated_at"])
    inquiry.participants.remove(employee)
    inquiry_changed(inquiry, "reassigned")
    inquiry_event_add(inquiry, Kind.REASSIGNED, public=False, actor=actor,
           text=f"{employee.name}: {note.strip()}" if note.strip() else employee.name)
    index_update(inquiry)
    _notify_employee(inquiry, employee, actor=actor, note=note.strip())
    return inquiry



def core_area_emails(core_area) -> list[str]:
    """The core area's shared mailbox; without one its active employees' e-mails; without any,
    the coordinator, so that a forwarded inquiry is never silently lost."""
    if core_area.email:
        return [core_area.email]
    emails = sorted({e.email for e in core_area.employees.filter(is_active=True) if e.email})
    return emails or coordinator_emails()



@transaction.atomic
def inquiry_forward_to_core_area(*, inquiry: Inquiry, core_area, note: str = "",
                                 actor) -> Inquiry:
    """Ask a core area (kerneområde) for help: its mailbox (or its employees) is e-mailed, and
    its active employees may open the inquiry and reply. The handler stays the same."""
    inquiry = locked_inquiry(inquiry)
    if not inquiry.is_open:
        raise ValidationError(_("The inquiry is closed."))
    if inquiry.core_areas.filter(pk=core_area.pk).exists():
        raise ValidationError({"core_area": _("%(name)s already has the inquiry.")
                               % {"name": core_area}})
    inquiry.core_areas.add(core_area)
    inquiry_changed(inquiry, "forwarded")
    note = note.strip()
    inquiry_event_add(inquiry, Kind.FORWARDED_CORE_AREA, public=False, actor=actor,
                      text=f"{core_area.name}: {note}" if note else core_area.name)
    to, inquiry.reach = core_area_emails(core_area), _core_area_reach(core_area)
    email_queue_template("inquiries/email/forwarded_core_area.txt", to=to,
                         context={"inquiry": inquiry, "core_area": core_area, "note": note,
                                  "sender": _sender_name(actor),
                                  "staff_url": site_url(inquiry.get_absolute_url())},
                         preface=(lambda: _("This e-mail was meant for %(name)s, which has no "
                                            "shared mailbox and no employee with an e-mail "
                                            "address. You get it as the coordinator, so that it "
                                            "is not lost.") % {"name": core_area.name})
                         if inquiry.reach.missed else None)
    return inquiry


def _core_area_reach(core_area) -> Reach:
    """Who core_area_emails reaches: the mailbox (named as the core area), else its employees,
    else nobody of the core area (the coordinator gets it)."""
    if core_area.email:
        return Reach(sent=[core_area.name])
    names = [e.name for e in core_area.employees.filter(is_active=True) if e.email]
    if names:
        return Reach(sent=names)
    return Reach(missed=[Missed(core_area.name, NO_ADDRESS,
                                COORDINATOR if coordinator_emails() else "")])
