# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may journalise what: the cases a member of staff may see in the apps they come from, by
those apps' own rules (inquiries_visible_to, consultations_visible_to): the coordinator every
case; a contact or colleague the inquiries they handle or whose area they cover, and the
consultations they requested. Anything else answers 404, as a missing case does. No user (None)
is an integration the API has already authorised: it sees every case. The pages are for staff
(core.permissions.staff_required); the KLE list is loaded by the coordinator."""

from lokalkontakt.consultations.models import Consultation
from lokalkontakt.consultations.permissions import consultations_visible_to
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.permissions import inquiries_visible_to


def visible_inquiries(user):
    """The inquiries `user` may journalise (every one for None)."""
    if user is None:
        return Inquiry.objects.select_related("area", "assignee")
    return inquiries_visible_to(user=user)


def visible_consultations(user):
    """The consultations `user` may journalise (every one for None)."""
    if user is None:
        return Consultation.objects.select_related("requested_by")
    return consultations_visible_to(user=user)


def may_load_kle(user) -> bool:
    """The coordinator loads the municipality's KLE list."""
    return user.has_perm("core.coordinate")
