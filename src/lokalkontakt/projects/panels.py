# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The projects' part of the briefing pack (registered in apps.py)."""

from django.db.models import F, OuterRef, Subquery

from lokalkontakt.projects.models import Milestone


def briefing_projects(user, *, area):
    """The area's development projects with their lead and next open milestone."""
    next_milestone = (Milestone.objects.filter(project=OuterRef("pk"), done_on__isnull=True)
                      .order_by(F("due_on").asc(nulls_last=True), "pk"))
    return {"projects": list(area.projects.select_related("lead")
                             .annotate(next_milestone=Subquery(next_milestone.values("title")[:1]),
                                       next_milestone_due=Subquery(
                                           next_milestone.values("due_on")[:1]))
                             .order_by("sort_title", "pk"))}
