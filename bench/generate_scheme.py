# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Issue 7's data for the areas case, deterministic: the seed's eight rollout steps; every area
invited, a third of the councils interested; a leader for every core area and an open nomination
for every tenth area without a contact; a planned handover of every twentieth covered area, with
a note; and an onboarding checklist of six steps for every current assignment."""

import datetime
import random

from django.utils import timezone

from lokalkontakt.areas.models import (
    Assignment,
    AssignmentRole,
    LocalArea,
    Participation,
)
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.handovers.models import Handover
from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.rollout.models import RolloutMilestone
from lokalkontakt.rollout.services import STANDARD_PLAN

BATCH = 1000


def generate_scheme(seed: int = 1) -> dict:
    rng = random.Random(seed)
    today = timezone.localdate()
    start = today.replace(day=1) - datetime.timedelta(days=300)
    RolloutMilestone.objects.bulk_create([
        RolloutMilestone(title=title, planned_from=start + datetime.timedelta(days=30 * first),
                         planned_to=start + datetime.timedelta(days=30 * last + 27),
                         position=position, status=RolloutMilestone.Status.DONE
                         if position < 5 else RolloutMilestone.Status.PLANNED)
        for position, (first, last, title) in enumerate(_plan())])
    LocalArea.objects.update(invited_on=start)
    area_ids = list(LocalArea.objects.order_by("pk").values_list("pk", flat=True))
    interested = [pk for pk in area_ids if rng.random() < 1 / 3]
    LocalArea.objects.filter(pk__in=interested).update(
        participation=Participation.INTERESTED, participation_date=start)

    employees = list(Employee.objects.filter(is_active=True).order_by("pk"))
    for core_area in CoreArea.objects.order_by("pk"):
        staff = [e for e in employees if e.core_area_id == core_area.pk]
        if staff:
            core_area.leaders.add(staff[0])
    covered = set(Assignment.objects.filter(ends_on__isnull=True).values_list("area_id", flat=True))
    contacts = set(Assignment.objects.filter(ends_on__isnull=True).values_list("employee_id",
                                                                             flat=True))
    free = [e for e in employees if e.pk not in contacts and e.core_area_id]
    uncovered = [pk for pk in area_ids if pk not in covered]
    nominations = 0
    for employee, area_id in zip(free, uncovered[::10], strict=False):
        nomination = Nomination.objects.create(employee=employee, core_area_id=employee.core_area_id,
                                               note="Har lyst og tid.")
        nomination.areas.add(area_id)
        nominations += 1

    primaries = list(Assignment.objects.filter(ends_on__isnull=True, role=AssignmentRole.PRIMARY)
                     .order_by("pk"))
    handovers = [
        Handover(area_id=a.area_id, from_assignment=a, from_employee_id=a.employee_id,
                 to_employee=free[-1 - i % max(len(free), 1)],
                 switch_on=today + datetime.timedelta(days=14 + i % 30),
                 handover_note="Lokalrådet mødes første tirsdag i måneden.")
        for i, a in enumerate(primaries[::20]) if free]
    Handover.objects.bulk_create(handovers, batch_size=BATCH)
    Assignment.objects.filter(pk__in=[h.from_assignment_id for h in handovers]).update(
        handover_due=True)

    steps = list(OnboardingStep.objects.filter(is_active=True).order_by("position", "pk"))
    tasks = [OnboardingTask(assignment_id=pk, step=step, title=step.title, position=step.position,
                            done_at=timezone.now() if rng.random() < 0.5 else None)
             for pk in Assignment.objects.filter(ends_on__isnull=True).values_list("pk", flat=True)
             for step in steps]
    OnboardingTask.objects.bulk_create(tasks, batch_size=BATCH)
    return {"interested": len(interested), "nominations": nominations,
            "handovers": len(handovers), "onboarding_tasks": len(tasks)}


def _plan():
    """(first month, last month, title) from the standard plan, counted from the start."""
    return [(first, last, str(title)) for first, last, title in STANDARD_PLAN]
