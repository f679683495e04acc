# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Every write about local areas: assignments, handovers, the councils' answers, area facts.

Each function runs in one transaction, validates before it saves and writes an AreaEvent,
so every change is dated and attributed.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import (
    AreaEvent,
    Assignment,
    AssignmentRole,
    Council,
    LocalArea,
    Participation,
)
from lokalkontakt.core.changes import record_change
from lokalkontakt.core.registry import assignment_started, assignments_changed
from lokalkontakt.core.search.index import index_update
from lokalkontakt.core.text import short_date
from lokalkontakt.people.models import Employee


def area_event_add(*, area: LocalArea, kind: str, actor=None, **data) -> AreaEvent:
    """Record an event on the area's history (called inside the caller's transaction)."""
    return AreaEvent.objects.create(
        area=area, kind=kind, data=data, actor=actor if _is_user(actor) else None
    )


def _is_user(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def unique_area_slug(name: str, *, exclude_pk=None) -> str:
    base = slugify(name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                   .replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa")) or "omraade"
    slug, counter = base, 2
    while LocalArea.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def area_create(*, name: str, actor=None, event_kind=AreaEvent.Kind.CREATED, **fields) -> LocalArea:
    """Create a local area; its slug is derived from the name (æ→ae, ø→oe, å→aa)."""
    area = LocalArea(name=name.strip(), slug=unique_area_slug(name), **fields)
    area.full_clean()
    area.save()
    area_event_add(area=area, kind=event_kind, actor=actor)
    record_change(kind="area", object_id=area.pk, reference=area.slug, action="created")
    index_update(area)
    return area


@transaction.atomic
def area_update(*, area: LocalArea, actor=None, council: dict | None = None, **fields) -> LocalArea:
    """Change an area's facts and, when given, its council's details. Records what changed
    (an event, and a change in the API's feed)."""
    # Compare with the stored row: a ModelForm has already written the new values onto `area`.
    stored = LocalArea.objects.get(pk=area.pk)
    changed = [name for name, value in fields.items() if getattr(stored, name) != value]
    for name, value in fields.items():
        setattr(area, name, value)
    area.full_clean()
    area.save()
    if council is not None:
        changed += council_save(area=area, **council)
    if changed:
        area_event_add(area=area, kind=AreaEvent.Kind.UPDATED, actor=actor, fields=changed)
        record_change(kind="area", object_id=area.pk, reference=area.slug, action="changed")
    index_update(area)
    return area


def council_save(*, area: LocalArea, **fields) -> list[str]:
    """Create, change or (with an empty name) remove nothing of the council; returns changed fields."""
    council = getattr(area, "council", None) if hasattr(area, "council") else None
    if council is None:
        if not fields.get("name"):
            return []
        council = Council(area=area)
    changed = [f"council_{k}" for k, v in fields.items() if getattr(council, k) != v]
    for name, value in fields.items():
        setattr(council, name, value)
    if changed:
        try:
            council.full_clean()
        except ValidationError as error:
            # Name the form's council_* fields: the council's "name" is not the area's name.
            raise ValidationError({f"council_{field}": errors
                                   for field, errors in error.error_dict.items()}) from error
        council.save()
    return changed


def _today() -> datetime.date:
    return timezone.localdate()


@transaction.atomic
def assignment_create(
    *, area: LocalArea, employee: Employee, role: str, starts_on: datetime.date | None = None,
    replace: bool = False, note: str = "", actor=None, onboard: bool = True,
    council_confirmed: bool | None = None, council_reason: str = "",
) -> Assignment:
    """Make an employee the area's contact (primary) or deputy from a date (default today).

    A new contact or deputy gets the onboarding checklist and a welcome e-mail; an import,
    which records contacts the municipality already has, passes onboard=False.

    Taking part is voluntary: where the coordinator chooses (council_confirmed given), an area
    whose council has not said yes is refused unless council_confirmed is true, and one whose
    council said no also needs the reason; both go on the event (council_check). An import or a
    handover, which records or continues a contact, passes nothing.

    An area has at most one active assignment per role and one person cannot be both.
    With replace=True the current holder of the role is ended on the new start date;
    otherwise an occupied role is refused with a message naming the current holder.
    """
    starts_on = starts_on or _today()
    if starts_on > _today():
        raise ValidationError({"starts_on": _("The start date cannot be in the future.")})
    if not employee.is_active:
        raise ValidationError({"employee": _("%(name)s is no longer active.") % {"name": employee}})
    area = LocalArea.objects.select_for_update().get(pk=area.pk)
    council = council_check(area=area, confirmed=council_confirmed, reason=council_reason)
    current = list(area.assignments.filter(ends_on__isnull=True).select_related("employee"))
    holder = next((a for a in current if a.role == role), None)
    if any(a.employee_id == employee.pk and a.role != role for a in current):
        raise ValidationError({"employee": _("%(name)s already covers %(area)s in another role.")
                               % {"name": employee, "area": area}})
    if holder and holder.employee_id == employee.pk:
        raise ValidationError({"employee": _("%(name)s already has this role in %(area)s.")
                               % {"name": employee, "area": area}})
    if holder and not replace:
        raise ValidationError({"employee": _(
            "%(area)s already has %(name)s in this role. End that assignment first, "
            "or choose to replace it.") % {"area": area, "name": holder.employee}})
    if holder:
        assignment_end(assignment=holder, ends_on=starts_on, actor=actor)
    assignment = Assignment(area=area, employee=employee, role=role, starts_on=starts_on, note=note)
    assignment.full_clean()
    assignment.save()
    record_change(kind="assignment", object_id=assignment.pk, reference=area.slug,
                  action="started")
    area_event_add(area=area, kind=AreaEvent.Kind.ASSIGNED, actor=actor, employee=employee.name,
                   role=role, date=starts_on.isoformat(), **council)
    if onboard:
        for started in assignment_started:  # onboarding's checklist and welcome e-mail
            started(assignment=assignment, actor=actor)
    for changed in assignments_changed:  # meetings: invited to the coming meetings
        changed(employee=employee, actor=actor)
    index_update(area)
    return assignment


def council_warning(area: LocalArea) -> str:
    """What the coordinator is asked before assigning a contact to an area whose council has not
    said yes, or "" when it has."""
    if area.participation == Participation.INTERESTED:
        return ""
    if area.participation == Participation.DECLINED:
        return _("The local council has said no to having a local contact. Assign anyway?")
    return _("The local council has not said yes to having a local contact. Assign anyway?")


def council_check(*, area: LocalArea, confirmed: bool | None, reason: str = "") -> dict:
    """The council's answer before an assignment: nothing to check when the council said yes or
    the caller does not ask (confirmed None). Otherwise the coordinator must confirm, and give a
    reason when the council said no. Returns what the event records: the answer assigned
    against and the reason."""
    if confirmed is None or area.participation == Participation.INTERESTED:
        return {}
    if not confirmed:
        raise ValidationError({"council_confirmed": _(
            "%(warning)s Tick “Assign anyway”, or record the council's answer first.")
            % {"warning": council_warning(area)}})
    reason = reason.strip()
    if area.participation == Participation.DECLINED and not reason:
        raise ValidationError({"council_reason": _(
            "Give the reason for assigning a contact although the council has said no.")})
    return {"council_answer": area.participation, **({"reason": reason} if reason else {})}


@transaction.atomic
def assignment_end(*, assignment: Assignment, ends_on: datetime.date | None = None,
                   actor=None, **reason) -> Assignment:
    """End an active assignment on a date (default today). It stays in the history. `reason`
    (e.g. engagement_ended="2026-03-01" from the OS2mo sync) is stored on the event."""
    ends_on = ends_on or _today()
    assignment = Assignment.objects.select_for_update().select_related("employee", "area").get(
        pk=assignment.pk)
    if assignment.ends_on is not None:
        raise ValidationError(_("This assignment has already ended."))
    if ends_on > _today():
        raise ValidationError({"ends_on": _("The end date cannot be in the future.")})
    if ends_on < assignment.starts_on:
        raise ValidationError({"ends_on": _("The end date cannot be before the start date (%(date)s).")
                               % {"date": short_date(assignment.starts_on)}})
    assignment.ends_on = ends_on
    assignment.handover_due = False
    assignment.save(update_fields=["ends_on", "handover_due", "updated_at"])
    record_change(kind="assignment", object_id=assignment.pk, reference=assignment.area.slug,
                  action="ended")
    area_event_add(area=assignment.area, kind=AreaEvent.Kind.ENDED, actor=actor,
                   employee=assignment.employee.name, role=assignment.role,
                   date=ends_on.isoformat(), **reason)
    for changed in assignments_changed:  # meetings: off the coming meetings after the last one
        changed(employee=assignment.employee, actor=actor)
    index_update(assignment.area)
    return assignment


@transaction.atomic
def handover_mark(*, assignment: Assignment, due: bool = True, actor=None, **reason) -> Assignment:
    """Mark (or clear) that the area should be handed over to a new contact. `reason` (e.g.
    engagement_ended="2026-03-01" from the OS2mo sync) is stored on the event; a reason given for
    an assignment already due is recorded as an event of its own."""
    assignment = Assignment.objects.select_for_update().select_related("employee", "area").get(
        pk=assignment.pk)
    if assignment.ends_on is not None:
        raise ValidationError(_("This assignment has already ended."))
    if assignment.role != AssignmentRole.PRIMARY:
        raise ValidationError(_("Only the contact's assignment can be handed over."))
    kind = AreaEvent.Kind.HANDOVER_DUE if due else AreaEvent.Kind.HANDOVER_CLEARED
    if assignment.handover_due == due:
        if reason:
            area_event_add(area=assignment.area, kind=kind, actor=actor,
                           employee=assignment.employee.name, **reason)
        return assignment
    assignment.handover_due = due
    assignment.save(update_fields=["handover_due", "updated_at"])
    area_event_add(area=assignment.area, kind=kind, actor=actor, employee=assignment.employee.name,
                   **reason)
    return assignment


_UNCHANGED = object()


@transaction.atomic
def participation_record(*, area: LocalArea, answer: str, answered_on: datetime.date | None,
                         note: str = "", invited_on=_UNCHANGED, actor=None) -> LocalArea:
    """Record the council's answer to the offer of a contact (interested, declined, not answered)
    and, when given, the date it was offered (invitation_apply). The answer's event is written
    when the answer, its date or its note changed."""
    if answer not in Participation.values:
        raise ValidationError({"answer": _("Choose one of the answers.")})
    if answer != Participation.UNKNOWN and answered_on is None:
        raise ValidationError({"answered_on": _("Give the date of the answer.")})
    if answered_on and answered_on > _today():
        raise ValidationError({"answered_on": _("The date cannot be in the future.")})
    if invited_on is not _UNCHANGED:
        invitation_apply(area=area, invited_on=invited_on, actor=actor)
    stored = LocalArea.objects.values("participation", "participation_date",
                                      "participation_note").get(pk=area.pk)
    area.participation = answer
    area.participation_date = answered_on if answer != Participation.UNKNOWN else None
    area.participation_note = note
    area.full_clean()
    area._history_user = actor
    invitation = [] if invited_on is _UNCHANGED else ["invited_on"]
    area.save(update_fields=["participation", "participation_date", "participation_note",
                             *invitation, "updated_at"])
    if stored != {"participation": answer, "participation_date": area.participation_date,
                  "participation_note": note}:
        answered = area.participation_date.isoformat() if area.participation_date else None
        area_event_add(area=area, kind=AreaEvent.Kind.PARTICIPATION, actor=actor, answer=answer,
                       date=answered)
        record_change(kind="area", object_id=area.pk, reference=area.slug, action="changed")
    return area


def invitation_apply(*, area: LocalArea, invited_on: datetime.date | None, actor=None) -> bool:
    """Set the date the council was offered a contact, on `area` (the caller saves it), with an
    INVITED event when a date is set or changed (clearing it is an UPDATED event). The date
    cannot be in the future: it records an invitation that was sent. Returns whether it changed."""
    if invited_on and invited_on > _today():
        raise ValidationError({"invited_on": _("The invitation date cannot be in the future.")})
    stored = LocalArea.objects.filter(pk=area.pk).values_list("invited_on", flat=True).first()
    area.invited_on = invited_on
    if stored == invited_on:
        return False
    if invited_on is None:
        area_event_add(area=area, kind=AreaEvent.Kind.UPDATED, actor=actor, fields=["invited_on"])
    else:
        area_event_add(area=area, kind=AreaEvent.Kind.INVITED, actor=actor,
                       date=invited_on.isoformat())
    return True

