# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may change a development project: the coordinator and the project's lead (while an active
employee). Every member of staff may read projects (the views require core.view_internal), so a
project they may not change answers 403, a missing one 404."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from lokalkontakt.people.permissions import active_employee
from lokalkontakt.projects.models import Milestone, Project


def can_edit_project(user, project) -> bool:
    if user.has_perm("core.coordinate"):
        return True
    employee = active_employee(user)
    return employee is not None and project is not None and project.lead_id == employee.pk


def access_project_to_edit(*, user, pk: int) -> Project:
    """A project the user may change, with its lead, areas, focus areas and milestones; 403 for
    one they may only read."""
    project = get_object_or_404(Project.objects.select_related("lead").prefetch_related(
        "areas", "focus_areas", "milestones"), pk=pk)
    if not can_edit_project(user, project):
        raise PermissionDenied
    return project


def access_milestone_to_change(*, user, pk: int) -> Milestone:
    """A milestone of a project the user may change; 403 for one they may only read."""
    milestone = get_object_or_404(Milestone.objects.select_related("project"), pk=pk)
    if not can_edit_project(user, milestone.project):
        raise PermissionDenied
    return milestone
