# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about onboarding checklists, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404

from lokalkontakt.areas.models import Assignment
from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from lokalkontakt.onboarding.permissions import tasks_visible_to

DONE = Q(onboarding_tasks__done_at__isnull=False)


@dataclass
class Checklist:
    """One assignment's checklist: its tasks in order, and how many are done."""

    assignment: Assignment
    tasks: list

    @property
    def area(self):
        return self.assignment.area

    @property
    def done(self) -> int:
        return sum(1 for task in self.tasks if task.done_at is not None)

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def is_complete(self) -> bool:
        return self.done == self.total


def unfinished_checklists(*, employee) -> list[Checklist]:
    """The checklists of the employee's current assignments that still have steps to do, in the
    areas' Danish order ("Kom godt i gang" on "Mine områder"). One query."""
    if employee is None:
        return []
    tasks = (OnboardingTask.objects
             .filter(assignment__employee=employee, assignment__ends_on__isnull=True)
             .select_related("assignment__area")
             .order_by("assignment__area__sort_name", "assignment__pk", "position", "pk"))
    checklists: dict[int, Checklist] = {}
    for task in tasks:
        checklist = checklists.setdefault(task.assignment_id, Checklist(task.assignment, []))
        checklist.tasks.append(task)
    return [checklist for checklist in checklists.values() if not checklist.is_complete]


def onboarding_progress():
    """The current assignments whose checklist is not complete, with how many steps are done:
    the coordinator's overview. Newest assignments first. One query."""
    return (Assignment.objects.filter(ends_on__isnull=True)
            .select_related("area", "employee")
            .annotate(task_count=Count("onboarding_tasks"), done_count=Count("onboarding_tasks",
                                                                              filter=DONE))
            .filter(task_count__gt=0)
            .exclude(done_count=F("task_count"))
            .order_by("-starts_on", "employee__sort_name", "area__sort_name", "pk"))


def onboarding_steps():
    """The checklist template, in order, those in use and those not."""
    return OnboardingStep.objects.order_by("position", "pk")


def onboarding_step_get(*, pk: int) -> OnboardingStep:
    return get_object_or_404(OnboardingStep, pk=pk)


def onboarding_task_get(*, user, pk: int) -> OnboardingTask:
    """A checklist step the user may tick; 404 for the rest, as for a missing one."""
    return get_object_or_404(tasks_visible_to(user, OnboardingTask.objects.select_related(
        "assignment__area")), pk=pk)
