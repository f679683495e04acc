# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Onboarding: the checklist template the coordinator keeps, and each new contact's copy of it.

A new assignment (contact or deputy) gets a copy of the template's steps in use, in the same
transaction, and its employee a welcome e-mail; changing the template later changes only later
checklists. Every change is a version in the step's or task's history with who made it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from lokalkontakt.areas.models import Assignment
from lokalkontakt.core.mail import site_url
from lokalkontakt.core.recipients import Reach, email_person
from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from lokalkontakt.onboarding.permissions import can_tick_task


@transaction.atomic
def onboarding_step_save(*, actor, step: OnboardingStep | None = None, title: str,
                         description: str = "", position: int = 0,
                         is_active: bool = True) -> OnboardingStep:
    """Add a step to the checklist template or change one (the coordinator only). Checklists
    already handed out keep their copies."""
    if not actor.has_perm("core.coordinate"):
        raise PermissionDenied(_("Only the coordinator may change the onboarding checklist."))
    step = step or OnboardingStep()
    step.title, step.description = title.strip(), description.strip()
    step.position, step.is_active = position, is_active
    step.full_clean()
    step._history_user = actor
    step.save()
    return step


def onboarding_start(*, assignment: Assignment, actor=None) -> list[OnboardingTask]:
    """Give a new assignment its checklist, a copy of the template's steps in use, and welcome
    its employee by e-mail (when they have an address) with links to "Mine områder" and the
    area's briefing pack. Runs inside the caller's transaction (assignment_create)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    tasks = bulk_create_with_history([
        OnboardingTask(assignment=assignment, step=step, title=step.title,
                       description=step.description, position=step.position)
        for step in OnboardingStep.objects.filter(is_active=True).order_by("position", "pk")
    ], OnboardingTask, default_user=user)
    employee, area = assignment.employee, assignment.area
    # Without an address: the area's deputy (else the coordinator) gets it, to pass it on.
    deputy = area.deputy_assignment
    email_person("onboarding/email/onboarding_welcome.txt", person=employee, reach=Reach(),
                 stand_in=deputy.employee if deputy else None, context={
                     "employee": employee, "area": area, "assignment": assignment, "tasks": tasks,
                     "mine_url": site_url(reverse("mine")),
                     "briefing_url": site_url(reverse("areas:briefing",
                                                      kwargs={"slug": area.slug}))})
    return tasks


@transaction.atomic
def onboarding_task_set_done(*, task: OnboardingTask, actor, done: bool) -> OnboardingTask:
    """Mark a step of a checklist done now by the actor, or not done. Marking it as it already
    is changes nothing (no new version)."""
    if not can_tick_task(actor, task):
        raise PermissionDenied(_("Only the new contact and the coordinator tick off the checklist."))
    task = OnboardingTask.objects.select_for_update().get(pk=task.pk)
    if done == (task.done_at is not None):
        return task
    task.done_at, task.done_by = (timezone.now(), actor) if done else (None, None)
    task._history_user = actor
    task.save(update_fields=["done_at", "done_by"])
    return task
