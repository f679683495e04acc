# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Bilag 1's development projects: "udviklingsprojekt/Name" means the area is in a development
project with that person as its contact, who leads it."""

from lokalkontakt.people.models import Employee
from lokalkontakt.projects.models import Project


def load_bilag_projects(*, areas: dict, bilag, with_users: bool) -> None:
    """The projects' part of the Hedensted demo (core.registry.demo_area_loaders)."""
    for entry in bilag.with_contact:
        if entry.project:
            lead = Employee.objects.get(name=entry.contact)
            project = Project.objects.create(title=f"Udviklingsprojekt i {entry.area}", lead=lead)
            project.areas.add(areas[entry.area])
