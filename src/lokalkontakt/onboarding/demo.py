# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo contact's checklists: the demo makes "lokalkontakt" deputy of Korning and Hornborg
(areas.demo), which gives a checklist for each; here the contact has already read the briefing
pack for Korning and talked to their leader, so "Mine områder" shows one checklist under way and
one not started."""

from django.contrib.auth import get_user_model

from lokalkontakt.onboarding.models import OnboardingTask
from lokalkontakt.onboarding.services import onboarding_task_set_done

DEMO_AREA = "Korning"
DEMO_STEPS_DONE = 2


def load_demo_onboarding() -> int:
    """Tick the first steps of the demo contact's Korning checklist; returns how many."""
    user = get_user_model().objects.filter(username="lokalkontakt").first()
    if user is None:
        return 0
    tasks = (OnboardingTask.objects.filter(assignment__employee__user=user,
                                           assignment__area__name=DEMO_AREA,
                                           assignment__ends_on__isnull=True)
             .select_related("assignment").order_by("position", "pk")[:DEMO_STEPS_DONE])
    for task in tasks:
        onboarding_task_set_done(task=task, actor=user, done=True)
    return len(tasks)


def load_demo(*, with_users: bool, stdout=None) -> None:
    """Onboarding's part of `load_demo` (core.registry.demo_loaders), with the demo logins only."""
    if with_users:
        load_demo_onboarding()
