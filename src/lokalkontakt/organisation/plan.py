# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What a synchronisation from OS2mo would change, worked out from what OS2mo answered and what
the database holds, without writing anything: the plan that `--dry-run` prints and that
services.plan_apply carries out.

- A configured unit is the core area with its UUID; one without is matched by name (a core area
  typed before OS2mo was connected) or created. OS2mo's name wins.
- A person with a current engagement in a unit (or below it) is the employee with their UUID;
  one without is matched by e-mail among employees without a UUID, or created. Name and core
  area come from OS2mo; e-mail, phone and job title too when OS2mo has them. A person engaged in
  several core areas belongs to the first configured one.
- An active employee with a UUID in a synchronised core area who has no current engagement there
  any more has left: deactivated, with the date the last engagement ended (or the sync's day
  when OS2mo no longer returns it).
"""

import datetime
import uuid
from dataclasses import dataclass, field

from lokalkontakt.organisation.os2mo.queries import Engagement
from lokalkontakt.people.models import CoreArea, Employee

SYNCED_FIELDS = ("name", "title", "email", "phone")


@dataclass
class CoreAreaChange:
    uuid: uuid.UUID
    name: str
    core_area: CoreArea | None  # None: create
    changed: list[str] = field(default_factory=list)


@dataclass
class EmployeeChange:
    person: uuid.UUID
    values: dict  # name, title, email, phone, and the unit UUID of the core area
    employee: Employee | None  # None: create
    changed: list[str] = field(default_factory=list)


@dataclass
class Departure:
    employee: Employee
    ended_on: datetime.date


@dataclass
class Plan:
    core_areas: list[CoreAreaChange] = field(default_factory=list)
    employees: list[EmployeeChange] = field(default_factory=list)
    departures: list[Departure] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.core_areas or self.employees or self.departures)

    def lines(self) -> list[str]:
        """The plan in words, one change a line (the command's output; English)."""
        lines = [f"Core area {'created' if c.core_area is None else 'updated'}: {c.name}"
                 + (f" ({', '.join(c.changed)})" if c.changed else "") for c in self.core_areas]
        lines += [f"Employee {'created' if e.employee is None else 'updated'}: {e.values['name']}"
                  + (f" ({', '.join(e.changed)})" if e.changed else "") for e in self.employees]
        lines += [f"Employee deactivated: {d.employee.name} (engagement ended {d.ended_on.isoformat()})"
                  for d in self.departures]
        return lines


def plan_sync(*, units: dict[uuid.UUID, str], engagements: list[Engagement],
              today: datetime.date) -> Plan:
    """The changes that make the database match OS2mo's units and engagements (reads only)."""
    plan = Plan(core_areas=_core_area_changes(units))
    current = _current_by_person(engagements, order=list(units), today=today)
    plan.employees = _employee_changes(current)
    plan.departures = _departures(units, current, engagements, today=today)
    return plan


def _core_area_changes(units: dict[uuid.UUID, str]) -> list[CoreAreaChange]:
    by_uuid = {c.external_uuid: c for c in CoreArea.objects.filter(external_uuid__in=units)}
    by_name = {c.name.casefold(): c for c in CoreArea.objects.filter(external_uuid__isnull=True)}
    changes = []
    for unit, name in units.items():
        core_area = by_uuid.get(unit) or by_name.get(name.strip().casefold())
        if core_area is None:
            changes.append(CoreAreaChange(unit, name.strip(), None))
            continue
        changed = [f for f, new in [("name", name.strip()), ("external_uuid", unit)]
                   if getattr(core_area, f) != new]
        if changed:
            changes.append(CoreAreaChange(unit, name.strip(), core_area, changed))
    return changes


def _current_by_person(engagements, *, order, today) -> dict[uuid.UUID, Engagement]:
    """Each person's current engagement: in the first configured unit, then the earliest."""
    active = sorted((e for e in engagements if e.active_on(today)),
                    key=lambda e: (order.index(e.unit), e.starts or datetime.date.min, str(e.uuid)))
    current = {}
    for engagement in active:
        current.setdefault(engagement.person, engagement)
    return current


def _employee_changes(current: dict[uuid.UUID, Engagement]) -> list[EmployeeChange]:
    employees = Employee.objects.select_related("core_area")
    by_uuid = {e.external_uuid: e for e in employees.filter(external_uuid__in=current)}
    by_email = {e.email.casefold(): e for e in employees.filter(external_uuid__isnull=True)
                .exclude(email="")}
    changes = []
    for person, engagement in current.items():
        values = {"name": engagement.name, "title": engagement.title, "email": engagement.email,
                  "phone": engagement.phone, "unit": engagement.unit}
        employee = by_uuid.get(person) or by_email.get(engagement.email.casefold() or None)
        if employee is None:
            changes.append(EmployeeChange(person, values, None))
            continue
        changed = [f for f in SYNCED_FIELDS if values[f] and getattr(employee, f) != values[f]]
        changed += [f for f, stored, new in [
            ("core_area", getattr(employee.core_area, "external_uuid", None), engagement.unit),
            ("external_uuid", employee.external_uuid, person),
            ("is_active", employee.is_active, True)] if stored != new]
        if changed:
            changes.append(EmployeeChange(person, values, employee, changed))
    return changes


def _departures(units, current, engagements, *, today) -> list[Departure]:
    gone = (Employee.objects.filter(is_active=True, external_uuid__isnull=False,
                                    core_area__external_uuid__in=units)
            .exclude(external_uuid__in=current).order_by("sort_name", "pk"))
    ended = {}
    for e in engagements:
        if e.ends is not None and e.ends <= today:
            ended[e.person] = max(ended.get(e.person, e.ends), e.ends)
    return [Departure(employee, ended.get(employee.external_uuid, today)) for employee in gone]
