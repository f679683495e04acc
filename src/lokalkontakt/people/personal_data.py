# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The personal data an employee record holds: the name, work e-mail and phone and job title,
registered in core.registry.personal_data so that the access log can record who was given them
(the API hands them to other systems) and the coordinator can find and export them (art. 15).

Erasure is not offered here: an employee record is ended by deactivating it on the people
pages, and the scheme's history (assignments, notes) keeps naming who did the work."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.core.registry import ExportSection, PersonalData
from lokalkontakt.people.models import Employee


def describe(ids) -> dict[int, tuple[str, str]]:
    rows = Employee.objects.filter(pk__in=ids).values_list("pk", "name", "email")
    return {pk: (", ".join(part for part in (name, email) if part),
                 reverse("people:employee_detail", kwargs={"pk": pk})) for pk, name, email in rows}


def find(query: str):
    return Employee.objects.filter(Q(name__icontains=query) | Q(email__icontains=query)).values("pk")


def export(ids) -> list[ExportSection]:
    employees = Employee.objects.filter(pk__in=ids).select_related("core_area").order_by("pk")
    return [ExportSection(title=employee.name, fields=[
        (_("Name"), employee.name), (_("Job title"), employee.title),
        (_("E-mail"), employee.email), (_("Phone"), employee.phone),
        (_("Core area"), employee.core_area.name if employee.core_area else "")])
        for employee in employees]


EMPLOYEES = PersonalData(label=gettext_lazy("Employee"), describe=describe, find=find,
                         export=export)
