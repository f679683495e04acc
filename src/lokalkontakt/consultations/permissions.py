# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may see and answer what of a consultation, stated once; the selectors, the search and the
digest apply it, so what a user may not see answers 404, as a missing one does:

- a consultation (its status page, export and printable page, closing it): the requester and the
  coordinator;
- a task (one area's part): the coordinator, the requester, the task's contact, whoever covers the
  area now (contact or deputy) and the active members of the area's council;
- responding to a task: the same, except the requester (unless they are one of the others);
- a file: the consultation's own files for whoever may see the consultation or any of its tasks,
  a response's files with its task.
"""

from django.db.models import Exists, OuterRef, Q

from lokalkontakt.areas.models import Assignment
from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationTask,
)
from lokalkontakt.core.roles import council_area_of


def active_employee_of(user):
    """The user's employee record while it is active; None otherwise."""
    employee = getattr(user, "employee", None)
    return employee if employee is not None and employee.is_active else None


def covered_by(employee) -> Q:
    """Of an area the employee covers now (as contact or deputy)."""
    return Q(Exists(Assignment.objects.filter(area=OuterRef("area"), employee=employee,
                                              ends_on__isnull=True)))


def consultations_visible_to(*, user):
    """The consultations whose status page the user may open: the requester's; all for the
    coordinator."""
    consultations = Consultation.objects.select_related("requested_by")
    if user.has_perm("core.coordinate"):
        return consultations
    employee = active_employee_of(user)
    if employee is None:
        return consultations.none()
    return consultations.filter(requested_by=employee)


def _respondable_filter(user) -> Q | None:
    """The tasks the user may answer as a Q; None for the coordinator, who may answer any."""
    if user.has_perm("core.coordinate"):
        return None
    conditions = Q(pk__in=[])
    if employee := active_employee_of(user):
        conditions |= Q(handler=employee) | covered_by(employee)
    if area := council_area_of(user):
        conditions |= Q(area=area)
    return conditions


def tasks_respondable_by(*, user):
    """Tasks the user may answer: coordinator all; contacts their areas'; council members their
    area's."""
    conditions = _respondable_filter(user)
    tasks = ConsultationTask.objects.all()
    return tasks if conditions is None else tasks.filter(conditions)


def tasks_visible_to(*, user):
    """Tasks the user may open: those they may answer and, for the requester, their
    consultation's."""
    conditions = _respondable_filter(user)
    if conditions is None:
        return ConsultationTask.objects.all()
    if employee := active_employee_of(user):
        conditions |= Q(consultation__requested_by=employee)
    return ConsultationTask.objects.filter(conditions)


def attachments_visible_to(*, user):
    """The files the user may download: a response's file with its task; the consultation's own
    files for whoever may see the consultation or any of its tasks."""
    visible_tasks = tasks_visible_to(user=user)
    own = Q(task__isnull=True) & (
        Q(Exists(consultations_visible_to(user=user).filter(pk=OuterRef("consultation"))))
        | Q(Exists(visible_tasks.filter(consultation=OuterRef("consultation")))))
    response_file = Q(Exists(visible_tasks.filter(pk=OuterRef("task"))))
    return ConsultationAttachment.objects.filter(own | response_file)
