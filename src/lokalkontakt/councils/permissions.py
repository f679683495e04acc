# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may manage a council's members, and the members a manager may act on. Anything else
answers 404: a member of another council looks the same as a missing one."""

import rules
from django.http import Http404

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.selectors import area_get
from lokalkontakt.core.roles import is_coordinator, is_employee
from lokalkontakt.councils.models import CouncilMember


@rules.predicate
def can_manage_council(user, area) -> bool:
    """The coordinator, and the employee who is the area's current contact or deputy, invite and
    deactivate the council's members. Uses `area.active_assignments` when prefetched."""
    if is_coordinator(user):
        return True
    if area is None or not is_employee(user):
        return False
    employee_id = user.employee.pk
    assignments = getattr(area, "active_assignments", None)
    if assignments is not None:
        return any(a.employee_id == employee_id for a in assignments)
    return area.assignments.filter(ends_on__isnull=True, employee_id=employee_id).exists()


# The area page (areas) shows the link to the members page by this rule, without importing us.
rules.add_perm("councils.manage_members", can_manage_council)


def access_managed_area(*, user, slug: str) -> LocalArea:
    """The area whose council members the user manages; 404 for an area they do not manage."""
    area = area_get(slug=slug)
    if not can_manage_council(user, area):
        raise Http404
    return area


def access_member(*, area: LocalArea, pk: int) -> CouncilMember:
    """One member of the area's council (whose manager the caller has checked with
    access_managed_area); 404 for a member of another council."""
    try:
        return CouncilMember.objects.select_related("council__area").get(pk=pk, council__area=area)
    except CouncilMember.DoesNotExist:
        raise Http404 from None
