# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The organisation from OS2mo: `os2mo_sync` reads OS2mo first (no transaction is open while it
waits on the network), works out the plan (organisation.plan), then carries it out in one
transaction, so a failure anywhere changes nothing. A dry run stops after the plan.

An employee who left is deactivated although they may still cover areas (people.services
refuses that to a person at the keyboard): their areas are what the coordinator must act on.
As a contact their assignment is marked "handover due"; as a deputy their assignment ends. Each
area's event says why: the employment in OS2mo ended on that date.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.areas.services import assignment_end, handover_mark
from lokalkontakt.organisation.models import SyncRun
from lokalkontakt.organisation.os2mo.client import Os2moClient, Os2moError
from lokalkontakt.organisation.os2mo.queries import GRAPHQL_VERSION, fetch_engagements, fetch_units
from lokalkontakt.organisation.plan import Departure, Plan, plan_sync
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.services import deactivation_follow, employee_change_record, employee_details
from lokalkontakt.people.services.accounts import login_deactivate, login_reactivate


@dataclass
class SyncResult:
    plan: Plan
    applied: bool

    def summary(self) -> str:
        p = self.plan
        counts = (f"{len(p.core_areas)} core areas created or updated, {len(p.employees)} "
                  f"employees created or updated, {len(p.departures)} deactivated")
        if not p:
            return "no changes"
        return counts if self.applied else f"would change: {counts}"


def os2mo_configured() -> bool:
    return bool(settings.OS2MO_URL and settings.OS2MO_ORG_UNITS)


def os2mo_client() -> Os2moClient:
    return Os2moClient(
        graphql_url=f"{settings.OS2MO_URL}/graphql/v{GRAPHQL_VERSION}",
        token_url=settings.OS2MO_AUTH_URL, client_id=settings.OS2MO_CLIENT_ID,
        client_secret=settings.OS2MO_CLIENT_SECRET, timeout=settings.OS2MO_TIMEOUT)


def _unit_uuids() -> list[uuid.UUID]:
    try:
        return [uuid.UUID(value) for value in settings.OS2MO_ORG_UNITS]
    except ValueError:
        raise Os2moError(f"OS2MO_ORG_UNITS holds something that is not a UUID: "
                         f"{','.join(settings.OS2MO_ORG_UNITS)}.") from None


def os2mo_sync(*, dry_run: bool = False, today: datetime.date | None = None) -> SyncResult:
    """Synchronise the core areas and their employees from OS2mo (see the module's docstring).
    Raises Os2moError, with nothing changed, when OS2mo cannot be read; records the run."""
    if not os2mo_configured():
        raise Os2moError("OS2mo is not configured: set OS2MO_URL and OS2MO_ORG_UNITS.")
    today = today or timezone.localdate()
    started = timezone.now()
    try:
        client = os2mo_client()
        units = fetch_units(client, _unit_uuids())
        engagements = [e for unit in units for e in fetch_engagements(client, unit, today=today)]
    except Os2moError as error:
        if not dry_run:
            _record(started, succeeded=False, report=str(error))
        raise
    plan = plan_sync(units=units, engagements=engagements, today=today)
    if not dry_run:
        try:
            plan_apply(plan=plan, today=today)
        except (ValidationError, IntegrityError) as error:
            # e.g. a unit renamed to the name of another core area, or a concurrent run
            message = f"OS2mo's data could not be saved: {_messages(error)}"
            _record(started, succeeded=False, report=message)
            raise Os2moError(message) from error
        _record(started, succeeded=True, report="\n".join(plan.lines()) or "No changes.")
    return SyncResult(plan=plan, applied=not dry_run)


def _messages(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(str(m) for m in error.messages)
    return str(error)


def _record(started, *, succeeded: bool, report: str) -> None:
    SyncRun.objects.create(started_at=started, finished_at=timezone.now(), succeeded=succeeded,
                           report=report)


@transaction.atomic
def plan_apply(*, plan: Plan, today: datetime.date) -> None:
    """Carry out a plan in one transaction: core areas first, then employees, then departures."""
    core_areas = {}
    for change in plan.core_areas:
        core_area = change.core_area or CoreArea()
        core_area.name, core_area.external_uuid = change.name, change.uuid
        core_area.full_clean()
        core_area.save()
        core_areas[change.uuid] = core_area
    for change in plan.employees:
        _employee_apply(change, core_areas)
    for departure in plan.departures:
        _departure_apply(departure, today=today)


def _employee_apply(change, core_areas: dict) -> None:
    unit = change.values["unit"]
    employee = change.employee or Employee()
    was_inactive = employee.pk is not None and not employee.is_active
    before = employee_details(Employee.objects.get(pk=employee.pk)) if employee.pk else None
    for name in ("name", "title", "email", "phone"):
        if change.values[name] or employee.pk is None:
            setattr(employee, name, change.values[name])
    employee.external_uuid, employee.is_active = change.person, True
    employee.core_area = core_areas.get(unit) or CoreArea.objects.get(external_uuid=unit)
    employee.full_clean()
    employee.save()
    employee_change_record(employee=employee, before=before)
    if was_inactive:  # back in OS2mo: the login may sign in again once a password is set
        login_reactivate(employee=employee, actor=None)


def _departure_apply(departure: Departure, *, today: datetime.date) -> None:
    employee = Employee.objects.select_for_update().get(pk=departure.employee.pk)
    ended = departure.ended_on.isoformat()
    for assignment in (Assignment.objects.filter(employee=employee, ends_on__isnull=True)
                       .select_related("area", "employee").order_by("pk")):
        if assignment.role == AssignmentRole.PRIMARY:
            handover_mark(assignment=assignment, due=True, engagement_ended=ended)
        else:  # a deputy who has left has nothing to hand over: the deputyship ends
            ends_on = min(today, max(departure.ended_on, assignment.starts_on))
            assignment_end(assignment=assignment, ends_on=ends_on, engagement_ended=ended)
    before = employee_details(employee)
    employee.is_active = False
    employee.save(update_fields=["is_active", "updated_at"])
    employee_change_record(employee=employee, before=before)
    login_deactivate(employee=employee, actor=None)  # sessions end, the password goes
    deactivation_follow(employee=employee, actor=None)  # e.g. off the coming meetings
