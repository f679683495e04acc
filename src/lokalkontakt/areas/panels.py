# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The areas' parts of shared pages (registered in apps.py): the briefing pack's facts, council
and contacts; the coordinator's start page's areas without a contact."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.areas.selectors import areas_without_contact
from lokalkontakt.core.registry import start_block


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


def coordinator_without_contact(request, *, employee):
    """The coordinator's start page: areas that have no contact and have not declined."""
    return start_block(areas_without_contact(), title=_("Areas without a contact"),
                       url=reverse("coordination:overview"), link_text=_("Coverage overview"))
