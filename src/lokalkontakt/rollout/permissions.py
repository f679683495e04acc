# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may do what with the rollout. Staff read the plan and the areas' invitations and answers
(core.permissions.staff_required); only the coordinator changes them and sees who is nominated."""

from django.http import Http404

from lokalkontakt.rollout.models import RolloutMilestone


def may_coordinate(user) -> bool:
    """The coordinator changes the plan and the invitations and sees the nominated candidates
    (as on the nominations' pages); other staff see how many there are."""
    return user.has_perm("core.coordinate")


def access_milestone(*, user, pk: int) -> RolloutMilestone:
    """A step of the plan for the one who may change it; missing or not theirs answers 404."""
    if not may_coordinate(user):
        raise Http404
    try:
        return RolloutMilestone.objects.get(pk=pk)
    except RolloutMilestone.DoesNotExist:
        raise Http404 from None
