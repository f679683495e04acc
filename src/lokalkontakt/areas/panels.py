# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The areas' parts of shared pages (registered in apps.py): the briefing pack's facts, council
and contacts."""

from lokalkontakt.areas.models import AssignmentRole


def briefing_from_area(user, *, area):
    """The facts and the council's details: the page has the area, with its council."""
    return {}


def briefing_contacts(user, *, area):
    """The current contact and deputy and everyone who has covered the area, newest first."""
    assignments = list(area.assignments.select_related("employee__core_area")
                       .order_by("-starts_on", "-pk"))
    current = {a.role: a for a in assignments if a.ends_on is None}
    return {"assignments": assignments, "contact": current.get(AssignmentRole.PRIMARY),
            "deputy": current.get(AssignmentRole.DEPUTY)}
