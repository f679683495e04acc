# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writes about development projects (udviklingsprojekter). Each save is a version in the
project's history with who saved it."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.projects.models import Milestone, Project
from lokalkontakt.projects.permissions import can_edit_project


@transaction.atomic
def project_save(*, actor, project: Project | None = None, title: str, status: str, areas,
                 description: str = "", lead=None, focus_areas=(), coordinator_part: str = "",
                 notes: str = "") -> Project:
    """Create a project (the coordinator) or change one (the coordinator or its lead). A project
    is in at least one local area; its lead is an active employee."""
    if project is None and not actor.has_perm("core.coordinate"):
        raise PermissionDenied(_("Only the coordinator may start a development project."))
    if project is not None and not can_edit_project(actor, project):
        raise PermissionDenied(_("Only the coordinator or the project's lead may change it."))
    areas, focus_areas = list(areas), list(focus_areas)  # read once: may be an iterator
    if not areas:
        raise ValidationError({"areas": _("Choose the local areas the project is in.")})
    if lead is not None and not lead.is_active:
        raise ValidationError({"lead": _("The lead must be an active employee.")})
    project = project or Project()
    project.title, project.status, project.description = title.strip(), status, description.strip()
    project.lead, project.coordinator_part, project.notes = lead, coordinator_part.strip(), notes.strip()
    project.full_clean()
    project._history_user = actor
    project.save()
    project.areas.set(areas)
    project.focus_areas.set(focus_areas)
    return project


@transaction.atomic
def milestone_add(*, project: Project, actor, title: str,
                  due_on: datetime.date | None = None) -> Milestone:
    if not can_edit_project(actor, project):
        raise PermissionDenied(_("Only the coordinator or the project's lead may change it."))
    milestone = Milestone(project=project, title=title.strip(), due_on=due_on)
    milestone.full_clean()
    milestone._history_user = actor
    milestone.save()
    return milestone


@transaction.atomic
def milestone_set_done(*, milestone: Milestone, actor, done_on: datetime.date | None) -> Milestone:
    """Mark a milestone done on a day, or not done (None)."""
    if not can_edit_project(actor, milestone.project):
        raise PermissionDenied(_("Only the coordinator or the project's lead may change it."))
    milestone.done_on = done_on
    milestone._history_user = actor
    milestone.save(update_fields=["done_on"])
    return milestone
