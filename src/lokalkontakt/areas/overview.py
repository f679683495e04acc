# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The version of what the coverage overview keeps drawn (areas.views.overview): one query a
request tells whether the kept parts are current."""

from lokalkontakt.areas.models import AreaEvent, Assignment, LocalArea
from lokalkontakt.areas.versions import data_version
from lokalkontakt.people.models import CoreArea, Employee


def overview_version() -> str:
    """Changes whenever what the overview keeps may change, by their writes
    (areas.versions.data_version): the areas (names, the councils' answers), the assignments
    (coverage, handover due, who covers what), the employees and core areas (the contacts' names
    and core areas), and the area events (the conflicts, the latest changes; a former council
    member's name erased from them by councils.jobs)."""
    return data_version(LocalArea, Assignment, Employee, CoreArea, AreaEvent)
