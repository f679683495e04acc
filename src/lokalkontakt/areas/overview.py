# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The version of what the coverage overview keeps drawn (areas.views.overview): one query a
request tells whether the kept parts are current."""

from lokalkontakt.areas.models import AreaEvent, Assignment, LocalArea
from lokalkontakt.areas.personal_data import MEMBER_KINDS
from lokalkontakt.areas.versions import data_version
from lokalkontakt.people.models import CoreArea, Employee


def overview_version() -> str:
    """Changes whenever what the overview keeps may change: the areas (names, the councils'
    answers), the assignments (coverage, handover due, who covers what), the employees and core
    areas (the contacts' names and core areas), each written through save() with its updated_at
    (areas.versions.data_version); and the area events (the conflicts, the latest changes).

    Events have no updated_at: they are added (areas.services.area_event_add) and deleted only
    with their area (or the conflict they settle), so their count and highest id change with
    every one. Two writes change an event's facts afterwards: an import (and the demo) sets the
    source of the "imported" event it has just created, in the same transaction as the area,
    which the version sees when it commits; and erasing a former council member's name from the
    events about them (councils.jobs), which changes no count or id: it is counted here as the
    member events whose name is empty, so that an erased name leaves the overview at once."""
    erased = AreaEvent.objects.filter(kind__in=MEMBER_KINDS, data__member="")
    return data_version(LocalArea, Assignment, Employee, CoreArea, added=(AreaEvent,),
                        counted=(erased,))
