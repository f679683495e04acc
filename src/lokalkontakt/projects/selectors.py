# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about development projects: internal, for staff (the views require core.view_internal);
the public area page shows only their titles, leads and status."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from lokalkontakt.projects.models import Project


def project_list(*, status: str = ""):
    """Projects in Danish order with their lead, areas and open milestones' count."""
    projects = (Project.objects.select_related("lead").prefetch_related("areas")
                .annotate(open_milestones=Count("milestones",
                                                filter=Q(milestones__done_on__isnull=True))))
    if status:
        projects = projects.filter(status=status)
    return projects.order_by("sort_title", "pk")


def project_get(*, pk: int) -> Project:
    return get_object_or_404(Project.objects.select_related("lead").prefetch_related(
        "areas", "focus_areas", "milestones"), pk=pk)


def project_history(*, project: Project):
    return project.history.select_related("history_user__employee").order_by("-history_date",
                                                                              "-history_id")
