# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writes about core areas and employees. Employees are deactivated, never deleted,
because assignments keep pointing at them."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.core.changes import record_change
from lokalkontakt.core.registry import employee_deactivated
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.services import accounts


@transaction.atomic
def core_area_save(*, core_area: CoreArea | None = None, name: str, description: str = "",
                   email: str = "", external_uuid=None, leaders=None) -> CoreArea:
    """Create a core area or change one; names are unique regardless of case. `leaders` (when
    given) replaces its leaders, who see its staff's time as contacts."""
    core_area = core_area or CoreArea()
    # Compared in Python: SQLite's iexact folds only ASCII, so "LÆRING" would pass "Læring".
    others = CoreArea.objects.exclude(pk=core_area.pk).values_list("name", flat=True)
    if any(other.casefold() == name.strip().casefold() for other in others):
        raise ValidationError({"name": _("A core area with this name already exists.")})
    core_area.name, core_area.description = name.strip(), description
    core_area.email, core_area.external_uuid = email.strip(), external_uuid
    core_area.full_clean()
    core_area.save()
    if leaders is not None:
        core_area.leaders.set(list(leaders))
    return core_area


@transaction.atomic
def employee_save(*, employee: Employee | None = None, name: str, title: str = "",
                  core_area: CoreArea | None = None, email: str = "", phone: str = "",
                  is_active: bool = True, username: str = "", actor=None) -> Employee:
    """Create an employee or change one. A username ties an existing login to the employee.

    An employee who still covers areas cannot be deactivated: end the assignments first.
    Deactivating ends the login's sessions and makes it unusable, and what the features
    registered follows (employee_deactivated: e.g. off the coming meetings); their sentences for
    the coordinator are in `employee.deactivation_notes`. Reactivating lets the login sign in
    again once a new password is set (services.accounts).
    """
    employee = employee or Employee()
    was_active = employee.is_active if employee.pk else True
    before = employee_details(Employee.objects.get(pk=employee.pk)) if employee.pk else None
    if not is_active and employee.pk and employee.assignments.filter(ends_on__isnull=True).exists():
        raise ValidationError({"is_active": _(
            "%(name)s still covers local areas. End those assignments before deactivating."
        ) % {"name": employee.name}})
    employee.user = _user_for(username=username, employee=employee)
    employee.name, employee.title, employee.core_area = name.strip(), title.strip(), core_area
    employee.email, employee.phone, employee.is_active = email.strip(), phone.strip(), is_active
    employee.full_clean()
    if actor is not None:
        employee._history_user = actor  # simple_history: the row says who
    employee.save()
    employee_change_record(employee=employee, before=before)
    employee.deactivation_notes = []
    if was_active and not is_active:
        accounts.login_deactivate(employee=employee, actor=actor)
        employee.deactivation_notes = deactivation_follow(employee=employee, actor=actor)
    elif is_active and not was_active:
        accounts.login_reactivate(employee=employee, actor=actor)
    return employee


DETAILS = ["name", "title", "core_area_id", "email", "phone", "is_active", "user_id"]


def employee_details(employee: Employee) -> dict:
    """The details whose change the feed reports (employee_change_record)."""
    return {name: getattr(employee, name) for name in DETAILS}


def employee_change_record(*, employee: Employee, before: dict | None) -> None:
    """Within the change's transaction: a change of kind "employee" in the API's feed when the
    employee is new (created) or a detail differs from `before` (deactivated, reactivated,
    changed); nothing when the save changed nothing."""
    if before is None:
        action = "created"
    elif before == employee_details(employee):
        return
    elif before["is_active"] != employee.is_active:
        action = "reactivated" if employee.is_active else "deactivated"
    else:
        action = "changed"
    record_change(kind="employee", object_id=employee.pk, action=action)


def deactivation_follow(*, employee: Employee, actor=None) -> list[str]:
    """Within the deactivation's transaction: what the features registered in
    core.registry.employee_deactivated do; the sentences they return for the coordinator."""
    notes = [deactivated(employee=employee, actor=actor) for deactivated in employee_deactivated]
    return [note for note in notes if note]


def _user_for(*, username: str, employee: Employee):
    if not username.strip():
        return None
    user = get_user_model().objects.filter(username=username.strip()).first()
    if user is None:
        raise ValidationError({"username": _("No user account has this username.")})
    other = Employee.objects.filter(user=user).exclude(pk=employee.pk).first()
    if other:
        raise ValidationError({"username": _("This user account belongs to %(name)s.")
                               % {"name": other.name}})
    return user
