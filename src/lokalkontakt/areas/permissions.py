# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who covers an area."""

from lokalkontakt.areas.models import Assignment


def is_area_contact(employee, area) -> bool:
    """Whether the employee covers the area now (primary contact or deputy)."""
    if employee is None or area is None:
        return False
    return Assignment.objects.filter(area=area, employee=employee, ends_on__isnull=True).exists()
