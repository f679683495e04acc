# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registration: a contact records the time the role took them. Each save is a version in the
entry's history (simple_history) with who saved it, and changes the month's total (totals.count)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment
from lokalkontakt.people.permissions import active_employee
from lokalkontakt.timesheets import totals
from lokalkontakt.timesheets.models import TimeEntry


def _employee_of(actor):
    if (employee := active_employee(actor)) is None:
        raise PermissionDenied(_("Only employees can register time."))
    return employee


def _covered(employee, area, day: datetime.date) -> bool:
    return Assignment.objects.filter(area=area, employee=employee, starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day)).exists()


def _fill(entry: TimeEntry, *, area, day, minutes, kind, outside_hours, note) -> None:
    if day > timezone.localdate():
        raise ValidationError({"day": _("Register time once it has been spent.")})
    if area is not None and not _covered(entry.employee, area, day):
        raise ValidationError({"area": _("%(name)s did not cover %(area)s on that day.") % {
            "name": entry.employee.name, "area": area.name}})
    entry.area, entry.day, entry.minutes, entry.kind = area, day, minutes, kind
    entry.outside_hours, entry.note = outside_hours, note.strip()
    entry.full_clean()


@transaction.atomic
def time_entry_create(*, actor, day: datetime.date, minutes: int, kind: str, area=None,
                      outside_hours: bool = False, note: str = "") -> TimeEntry:
    """Register the actor's own time: on an area they covered that day, or on the scheme in
    general (no area). Not in the future."""
    entry = TimeEntry(employee=_employee_of(actor))
    _fill(entry, area=area, day=day, minutes=minutes, kind=kind, outside_hours=outside_hours,
          note=note)
    entry._history_user = actor
    totals.lock_employee(entry.employee_id)
    entry.save()
    totals.count(entry, 1)
    return entry


def _may_change(actor, entry: TimeEntry) -> bool:
    """The coordinator, or the entry's employee while still active."""
    if actor.has_perm("core.coordinate"):
        return True
    return entry.employee.user_id == actor.pk and entry.employee.is_active


@transaction.atomic
def time_entry_update(*, entry: TimeEntry, actor, day: datetime.date, minutes: int, kind: str,
                      area=None, outside_hours: bool = False, note: str = "") -> TimeEntry:
    """Correct an entry: its owner, or the coordinator. The rules of registering apply."""
    entry = TimeEntry.objects.select_for_update().select_related("employee").get(pk=entry.pk)
    if not _may_change(actor, entry):
        raise PermissionDenied(_("Only the employee or the coordinator may change this entry."))
    before = TimeEntry(employee_id=entry.employee_id, area_id=entry.area_id, day=entry.day,
                       minutes=entry.minutes, outside_hours=entry.outside_hours)
    _fill(entry, area=area, day=day, minutes=minutes, kind=kind, outside_hours=outside_hours,
          note=note)
    entry._history_user = actor
    totals.lock_employee(entry.employee_id)
    entry.save()
    totals.count(before, -1)
    totals.count(entry, 1)
    return entry


@transaction.atomic
def time_entry_delete(*, entry: TimeEntry, actor) -> None:
    # A fresh, locked copy: the history's last row shows the entry as stored, not a stale copy.
    entry = TimeEntry.objects.select_for_update().select_related("employee").get(pk=entry.pk)
    if not _may_change(actor, entry):
        raise PermissionDenied(_("Only the employee or the coordinator may change this entry."))
    entry._history_user = actor
    totals.lock_employee(entry.employee_id)
    totals.count(entry, -1)
    entry.delete()
