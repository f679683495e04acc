# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may see an inquiry, stated once; the selectors and the search apply it, so an inquiry a
user may not see answers 404, as a missing one does:

- the coordinator sees every inquiry;
- an active employee sees those they handle, those forwarded to them or to their core area, and
  those of the areas they cover now (as contact or deputy);
- a local council's members see those of their area's inquiries that are shared with the council
  (the submitter chose so, or the council wrote it), and of those only the public side: never the
  submitter's personal data or files, nor anything internal;
- nobody else sees any (the submitter follows theirs through the tracking link alone).
"""

from django.db.models import Exists, OuterRef, Q

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.roles import council_area_of
from lokalkontakt.inquiries.models import Inquiry

# Files the holder of the tracking link may download: the submission's and the public steps'.
PUBLIC_FILES = Q(event__isnull=True) | Q(event__public=True)
# Files staff attached to a public step (a reply): what the council may download. The submitter's
# own steps (the submission, follow-ups) have no actor, so their files, which may hold personal
# data, are never among these.
STAFF_PUBLIC_FILES = Q(event__public=True, event__actor__isnull=False)


def handled_by(employee) -> Q:
    """Handled by the employee, forwarded to them or to their core area."""
    forwarded = Inquiry.participants.through.objects.filter(inquiry=OuterRef("pk"),
                                                            employee=employee)
    condition = Q(assignee=employee) | Exists(forwarded)
    if employee.core_area_id:
        to_core_area = Inquiry.core_areas.through.objects.filter(
            inquiry=OuterRef("pk"), corearea=employee.core_area_id)
        condition |= Exists(to_core_area)
    return condition


def covered_by(employee) -> Q:
    """Of an area the employee covers now (as contact or deputy)."""
    return Q(Exists(Assignment.objects.filter(area=OuterRef("area"), employee=employee,
                                              ends_on__isnull=True)))


def inquiries_visible_to(*, user):
    """The inquiries a member of staff may open (and act on): see the module's rule."""
    inquiries = Inquiry.objects.select_related("area", "assignee")
    if user.has_perm("core.coordinate"):
        return inquiries
    employee = getattr(user, "employee", None)
    if employee is None or not employee.is_active:
        return inquiries.none()
    return inquiries.filter(handled_by(employee) | covered_by(employee))


def inquiries_shared_with_council(*, user):
    """The inquiries about the local area of the user's active council membership that are
    shared with the council; none for anyone else. Callers show only the public side."""
    area = council_area_of(user)
    if area is None:
        return Inquiry.objects.none()
    return Inquiry.objects.filter(area=area, shared_with_council=True).select_related(
        "area", "assignee")
