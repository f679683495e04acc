# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout of the Hedensted demo, from "Plan for udrulning af ordningen til alle" in
"Lokalkontakten – samarbejde med lokalsamfundene" (2019–20).

Statuses follow Bilag 1: a step is done where Bilag 1 shows that it happened (16 areas have a
contact, found through the core areas' leaders; Bilag 1 is itself the overview of the need), in
progress where it happened in part (the councils without a contact have not answered in the demo;
13 areas have no contact and 3 are to be handed over), and planned where Bilag 1 says nothing (the
forum for the contacts). Only the council meeting's day is known from the source; the other done
steps have no done date. Every council was told about the offer at the meeting on 19 November 2019,
so that is every area's invitation date.
"""

import datetime

from django.db import transaction

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.rollout.models import RolloutMilestone
from lokalkontakt.rollout.services import invitations_record, month_end

COUNCIL_MEETING = datetime.date(2019, 11, 19)
DONE, IN_PROGRESS, PLANNED = (RolloutMilestone.Status.DONE, RolloutMilestone.Status.IN_PROGRESS,
                              RolloutMilestone.Status.PLANNED)

# (first month, last month, title, description, status, done on)
PLAN = [
    ((2019, 10), (2019, 10), "Oplæg behandles af Udvalget for Fritid og Fællesskab", "", DONE, None),
    ((2019, 11), (2019, 11), "Møde for alle lokalråd 19. november: information om muligheden",
     "På mødet for alle lokalråd informeres om muligheden for en lokalkontakt.", DONE,
     COUNCIL_MEETING),
    ((2019, 11), (2019, 11), "Kontakt til lederne i kerneområderne",
     "For at finde de rigtige personer til Lokalkontakt-ordningen.", DONE, None),
    ((2019, 12), (2020, 1), "Lokalrådene melder tilbage til Det Fælles Landdistriktsråd",
     "Om de er interesseret i at deltage i ordningen.", IN_PROGRESS, None),
    ((2019, 12), (2020, 1), "Overblik over behovet for lokalkontakter",
     "Efter tilbagemeldingerne fra lokalområderne.", DONE, None),
    ((2020, 2), (2020, 2), "Kontakt til lederne for at finde de konkrete personer", "", DONE, None),
    ((2020, 3), (2020, 4), "Alle interesserede lokalområder har fået en lokalkontakt", "",
     IN_PROGRESS, None),
    ((2020, 3), (2020, 4), "Samarbejdsrum for lokalkontakterne etableres",
     "Landdistriktskoordinator får ansvaret for indkaldelse og dagsorden for møderne.", PLANNED,
     None),
]


@transaction.atomic
def load_demo_rollout() -> list[RolloutMilestone]:
    """The seed's plan as milestones and the invitation date of every area (once: nothing when
    the plan has steps)."""
    if RolloutMilestone.objects.exists():
        return []
    milestones = []
    for position, (first, last, title, description, status, done_on) in enumerate(PLAN):
        milestone = RolloutMilestone(
            title=title, description=description, planned_from=datetime.date(*first, 1),
            planned_to=month_end(datetime.date(*last, 1)), status=status, done_on=done_on,
            position=position)
        milestone.full_clean()
        milestone.save()
        milestones.append(milestone)
    if LocalArea.objects.exists():
        invitations_record(areas=LocalArea.objects.all(), invited_on=COUNCIL_MEETING, actor=None)
    return milestones


def load_demo(*, with_users: bool, stdout=None) -> None:
    """The rollout's part of `load_demo` (core.registry.demo_loaders): the plan and the
    invitations come with or without demo logins."""
    load_demo_rollout()
