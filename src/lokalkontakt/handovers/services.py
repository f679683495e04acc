# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers (overdragelser): the coordinator plans one, the leaving contact writes a handover
note, the new contact confirms, and on the date the periodic job switches the assignment once and
introduces the new contact to the council by e-mail.

Every write runs in one transaction, is saved with its author in the handover's history and, where
it concerns the area, written as an AreaEvent.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import AreaEvent, Assignment, AssignmentRole, LocalArea
from lokalkontakt.areas.services import area_event_add, assignment_create, assignment_end
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.core.recipients import Reach, email_person
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.permissions import (
    can_confirm_handover,
    can_write_handover_note,
    handover_blocked_reason,
)
from lokalkontakt.people.models import Employee

logger = logging.getLogger(__name__)


def _today() -> datetime.date:
    return timezone.localdate()


def _event(handover: Handover, kind: str, actor, date: datetime.date, **extra) -> None:
    area_event_add(area=handover.area, kind=kind, actor=actor,
                   from_employee=handover.from_employee.name,
                   to_employee=handover.to_employee.name, date=date.isoformat(), **extra)


def _save(handover: Handover, actor, fields: list[str] | None = None) -> None:
    handover._history_user = actor if getattr(actor, "is_authenticated", False) else None
    handover.save(update_fields=[*fields, "updated_at"] if fields else None)


def _require_coordinator(actor) -> None:
    if not actor.has_perm("core.coordinate"):
        raise PermissionDenied(_("Only the coordinator may plan, move or cancel a handover."))


def _require_planned(handover: Handover) -> None:
    if handover.status != Handover.Status.PLANNED:
        raise ValidationError(_("The handover is no longer planned."))


def _check_date(switch_on: datetime.date) -> None:
    if switch_on < _today():
        raise ValidationError({"switch_on": _("The handover date cannot be in the past.")})


def _lock(handover: Handover) -> Handover:
    """A fresh, locked copy: a concurrent change (or the job's switch) waits or is seen."""
    return (Handover.objects.select_for_update(of=("self",))
            .select_related("area", "from_employee", "to_employee", "from_assignment")
            .get(pk=handover.pk))


@transaction.atomic
def handover_start(*, area: LocalArea, to_employee: Employee, switch_on: datetime.date,
                   actor) -> Handover:
    """The coordinator plans a handover of the area's contact role to another active employee on
    a date (today or later). The area must have a contact and no planned handover. The contact's
    assignment is marked "handover due"; both employees get an e-mail with a link (one who cannot,
    or has no login to act on it: the area's deputy, else the coordinator). `handover.reach`
    says who got it."""
    _require_coordinator(actor)
    area = LocalArea.objects.select_for_update().get(pk=area.pk)
    current = (Assignment.objects.select_related("employee")
               .filter(area=area, role=AssignmentRole.PRIMARY, ends_on__isnull=True).first())
    if current is None:
        raise ValidationError(_("%(area)s has no contact to hand over. Assign a contact instead.")
                              % {"area": area})
    if Handover.objects.filter(area=area, status=Handover.Status.PLANNED).exists():
        raise ValidationError(_("A handover of %(area)s is already planned.") % {"area": area})
    if to_employee.pk == current.employee_id:
        raise ValidationError({"to_employee": _("%(name)s is already the contact of %(area)s.")
                               % {"name": to_employee, "area": area}})
    if not to_employee.is_active:
        raise ValidationError({"to_employee": _("%(name)s is no longer active.")
                               % {"name": to_employee}})
    _check_date(switch_on)
    handover = Handover(area=area, from_assignment=current, from_employee=current.employee,
                        to_employee=to_employee, switch_on=switch_on, created_by=actor)
    handover.full_clean()
    _save(handover, actor)
    if not current.handover_due:
        # The planned-handover event says it; no separate "handover due" event.
        current.handover_due = True
        current._history_user = actor
        current.save(update_fields=["handover_due", "updated_at"])
    _event(handover, AreaEvent.Kind.HANDOVER_PLANNED, actor, switch_on)
    _mail_both(handover, leaving="handovers/email/handover_leaving.txt",
               new="handovers/email/handover_new.txt", needs_login=True)
    return handover


def deputy_of(area: LocalArea) -> Employee | None:
    """The area's active deputy: who gets a handover's e-mail meant for someone who cannot."""
    deputy = area.deputy_assignment
    return deputy.employee if deputy else None


def _mail_both(handover: Handover, *, leaving: str, new: str, needs_login: bool = False,
               **context) -> None:
    """Both employees are e-mailed (core.recipients.email_person); `handover.reach` says who
    got it and who got it instead."""
    context = {"handover": handover, "area": handover.area,
               "url": site_url(reverse("handovers:detail", kwargs={"pk": handover.pk})),
               "date": date_format(handover.switch_on, "DATE_FORMAT"), **context}
    handover.reach, deputy = Reach(), deputy_of(handover.area)
    for template, employee in [(leaving, handover.from_employee), (new, handover.to_employee)]:
        email_person(template, person=employee, context={**context, "employee": employee},
                     reach=handover.reach, stand_in=deputy, needs_login=needs_login)


@transaction.atomic
def handover_note_save(*, handover: Handover, note: str, actor) -> Handover:
    """The leaving contact (or the coordinator) writes or changes the handover note until the
    switch. The first time, the new contact is told by e-mail that the note is ready."""
    handover = _lock(handover)
    if not can_write_handover_note(actor, handover):
        raise PermissionDenied(_("Only the leaving contact or the coordinator may write the "
                                 "handover note."))
    _require_planned(handover)
    note = note.strip()
    if not note:
        raise ValidationError({"handover_note": _("Write the handover note.")})
    first = handover.note_written_at is None
    handover.handover_note, handover.note_written_at = note, timezone.now()
    handover.full_clean()
    _save(handover, actor, ["handover_note", "note_written_at"])
    employee, handover.reach = handover.to_employee, Reach()
    if first:
        email_person("handovers/email/handover_note_ready.txt", person=employee, context={
            "handover": handover, "area": handover.area, "employee": employee,
            "url": site_url(reverse("handovers:detail", kwargs={"pk": handover.pk}))},
            reach=handover.reach, stand_in=deputy_of(handover.area), needs_login=True)
    return handover


@transaction.atomic
def handover_confirm(*, handover: Handover, actor) -> Handover:
    """The new contact confirms that they take over (only they can). Confirming twice changes
    nothing. A handover is switched only once confirmed."""
    handover = _lock(handover)
    if not can_confirm_handover(actor, handover):
        raise PermissionDenied(_("Only the new contact may confirm the handover."))
    _require_planned(handover)
    if handover.confirmed_at is None:
        handover.confirmed_at = timezone.now()
        _save(handover, actor, ["confirmed_at"])
    return handover


@transaction.atomic
def handover_reschedule(*, handover: Handover, switch_on: datetime.date, actor) -> Handover:
    """The coordinator moves a planned handover to another date (today or later); both
    employees are told."""
    _require_coordinator(actor)
    handover = _lock(handover)
    _require_planned(handover)
    _check_date(switch_on)
    if switch_on == handover.switch_on:
        raise ValidationError({"switch_on": _("The handover is already planned for that date.")})
    handover.switch_on = switch_on
    _save(handover, actor, ["switch_on"])
    _event(handover, AreaEvent.Kind.HANDOVER_PLANNED, actor, switch_on)
    _mail_both(handover, leaving="handovers/email/handover_moved.txt",
               new="handovers/email/handover_moved.txt")
    return handover


@transaction.atomic
def handover_cancel(*, handover: Handover, reason: str, actor) -> Handover:
    """The coordinator cancels a planned handover with a reason. The contact's assignment is no
    longer marked "handover due" (mark it again from the area page if a new contact is still
    wanted); both employees are told."""
    _require_coordinator(actor)
    handover = _lock(handover)
    _require_planned(handover)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"cancel_reason": _("Give the reason for cancelling.")})
    handover.status, handover.cancel_reason = Handover.Status.CANCELLED, reason
    handover.full_clean()
    _save(handover, actor, ["status", "cancel_reason"])
    assignment = Assignment.objects.select_for_update().get(pk=handover.from_assignment_id)
    if assignment.ends_on is None and assignment.handover_due:
        assignment.handover_due = False
        assignment._history_user = actor
        assignment.save(update_fields=["handover_due", "updated_at"])
    _event(handover, AreaEvent.Kind.HANDOVER_CANCELLED, actor, handover.switch_on, reason=reason)
    _mail_both(handover, leaving="handovers/email/handover_cancelled.txt",
               new="handovers/email/handover_cancelled.txt", reason=reason)
    return handover


def handover_switch_due(*, today: datetime.date | None = None) -> int:
    """The periodic job: switch every confirmed, planned handover whose date has come. Returns
    how many were switched. Each switch is its own transaction under a row lock, so a handover
    switches exactly once however often (or however concurrently) the job runs. A handover that
    is not confirmed waits; one whose contact has already left the area or whose new contact is
    no longer active is left planned, and its page tells the coordinator why."""
    today = today or _today()
    due = (Handover.objects.filter(status=Handover.Status.PLANNED, switch_on__lte=today,
                                   confirmed_at__isnull=False)
           .order_by("switch_on", "pk").values_list("pk", flat=True))
    switched = 0
    for pk in list(due):
        try:
            switched += _switch(pk, today=today)
        except ValidationError as error:  # rolled back; the others still switch
            logger.error("Handover %s was not switched: %s", pk, error)
    return switched


@transaction.atomic
def _switch(pk: int, *, today: datetime.date) -> bool:
    handover = Handover.objects.select_for_update(of=("self",)).filter(
        pk=pk, status=Handover.Status.PLANNED, confirmed_at__isnull=False).first()
    if handover is None:  # another run switched it, or it was cancelled meanwhile
        return False
    handover = _lock(handover)
    if handover_blocked_reason(handover):
        return False
    # On the date, or on the day of the confirmation when that came later: the leaving contact
    # covered the area until then.
    switch_on = max(handover.switch_on, timezone.localdate(handover.confirmed_at))
    switch_on = min(switch_on, today)
    deputy = Assignment.objects.filter(area=handover.area, employee=handover.to_employee,
                                       role=AssignmentRole.DEPUTY, ends_on__isnull=True).first()
    if deputy is not None:
        assignment_end(assignment=deputy, ends_on=max(switch_on, deputy.starts_on))
    assignment_end(assignment=handover.from_assignment, ends_on=switch_on)
    new = assignment_create(area=handover.area, employee=handover.to_employee,
                            role=AssignmentRole.PRIMARY, starts_on=switch_on,
                            note=_("Took over from %(name)s.") % {"name": handover.from_employee})
    handover.status, handover.new_assignment = Handover.Status.DONE, new
    handover.switched_at = timezone.now()
    handover.council_notified_at = timezone.now() if _tell_council(handover, switch_on) else None
    _save(handover, None, ["status", "new_assignment", "switched_at", "council_notified_at"])
    _event(handover, AreaEvent.Kind.HANDOVER_COMPLETED, None, switch_on,
           council_told=handover.council_notified_at is not None)
    return True


def council_recipients(area: LocalArea) -> list[str]:
    """The council's e-mail, and its chair's when different; none without a council."""
    council = getattr(area, "council", None)
    if council is None:
        return []
    recipients = [council.email] if council.email else []
    if council.chair_email and council.chair_email.lower() not in {r.lower() for r in recipients}:
        recipients.append(council.chair_email)
    return recipients


def _tell_council(handover: Handover, switch_on: datetime.date) -> bool:
    """Introduce the new contact to the council; False when it has no e-mail address."""
    recipients = council_recipients(handover.area)
    if not recipients:
        return False
    new = Employee.objects.select_related("core_area").get(pk=handover.to_employee_id)
    email_queue_template("handovers/email/handover_council.txt", to=recipients, reply_to=new.email,
                         context={"handover": handover, "area": handover.area,
                                  "council": handover.area.council, "new": new,
                                  "leaving": handover.from_employee,
                                  "date": date_format(switch_on, "DATE_FORMAT"),
                                  "url": site_url(handover.area.get_absolute_url())})
    return True
