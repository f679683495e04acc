# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writing a checked file: all rows in one transaction, or none."""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lokalkontakt.areas import services
from lokalkontakt.areas.importer.columns import ImportRejected, ImportResult, ParsedRow, RowError
from lokalkontakt.areas.importer.parsing import parse
from lokalkontakt.areas.importer.reading import read_table
from lokalkontakt.areas.models import AreaEvent, AssignmentRole, LocalArea, Participation
from lokalkontakt.people.models import Employee
from lokalkontakt.people.services import employee_save


def import_file(*, content: bytes, filename: str, actor=None) -> ImportResult:
    """Read, check and import a file. Raises ImportRejected and changes nothing on any error."""
    rows = parse(read_table(content=content, filename=filename))
    try:
        return _apply(rows, source=filename, actor=actor)
    except ValidationError as error:
        raise ImportRejected([RowError(0, "", "; ".join(error.messages))]) from error


@transaction.atomic
def _apply(rows: list[ParsedRow], *, source: str, actor) -> ImportResult:
    result = ImportResult()
    existing = {a.name.casefold(): a for a in LocalArea.objects.select_related("council")}
    for row in rows:
        area = existing.get(row.area["name"].casefold())
        fields = {k: v for k, v in row.area.items() if k != "name" and v not in (None, "")}
        council = {k: v for k, v in row.council.items() if v}
        try:
            area = _save_area(area, row, fields, council, actor, source, result)
            if row.participation and row.participation != area.participation:
                services.participation_record(
                    area=area, answer=row.participation, actor=actor, note=area.participation_note,
                    answered_on=area.participation_date or timezone.localdate()
                    if row.participation != Participation.UNKNOWN else None)
            if row.contact:
                _assign(area, row.contact, actor, result)
        except ValidationError as error:
            raise ImportRejected([RowError(row.number, "", "; ".join(error.messages))]) from error
    return result


def _save_area(area, row, fields, council, actor, source, result):
    if area is None:
        area = services.area_create(name=row.area["name"], actor=actor,
                                    event_kind=AreaEvent.Kind.IMPORTED, **fields)
        area.events.filter(kind=AreaEvent.Kind.IMPORTED).update(data={"source": source})
        if council:
            services.council_save(area=area, **council)
        result.created.append(area)
        return area
    services.area_update(area=area, actor=actor, council=council or None, **fields)
    result.updated.append(area)
    return area


def _assign(area, contact, actor, result):
    employee = None
    if contact["email"]:
        employee = Employee.objects.filter(email__iexact=contact["email"]).first()
    if employee is None:
        employee = Employee.objects.filter(name=contact["name"], is_active=True).first()
    if employee is None:
        employee = employee_save(name=contact["name"], title=contact["title"],
                                 email=contact["email"], phone=contact["phone"],
                                 core_area=contact["core_area"])
        result.employees_created.append(employee)
    current = area.primary_assignment if hasattr(area, "pk") else None
    if current and current.employee_id == employee.pk:
        return
    services.assignment_create(area=area, employee=employee, role=AssignmentRole.PRIMARY,
                               replace=True, actor=actor, starts_on=timezone.localdate(),
                               onboard=False)
    result.assigned.append((area, employee))
