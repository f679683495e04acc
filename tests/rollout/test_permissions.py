# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the rollout URLs, by role; the machinery is in tests/permissions.py."""

import pytest

from lokalkontakt.rollout.models import RolloutMilestone
from tests.permissions import check_coordinator_action, check_get_by_role, routes_ruled_by, today

RULES = {
    "rollout:overview": "staff",
    "rollout:areas": "staff",
    "rollout:areas_export": "staff",
    "rollout:invitations": "coordinator",
    "rollout:milestone_new": "coordinator",
    "rollout:standard_plan": "coordinator",
    "rollout:milestone_edit": "coordinator",
    "rollout:milestone_status": "coordinator",
    "rollout:milestone_delete": "coordinator",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # Rollout: recording invitations and a step's status are the coordinator's buttons (POST only).
    ("rollout:invitations", "coordinator"): 405,
    ("rollout:milestone_status", "coordinator"): 405,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


def _empty_rollout_plan(world) -> tuple[dict, dict]:
    """The standard plan is only for an empty plan: the world's step goes first (before the
    snapshot is taken, so the coordinator's request is what changes the plan)."""
    RolloutMilestone.objects.all().delete()
    return {}, {"start": "2026-09"}


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "rollout:invitations": lambda w: ({}, {"areas": [w.area.pk], "invited_on": today()}),
    "rollout:milestone_new": lambda w: ({}, {
        "title": "Kontakt til lederne", "planned_from": "2020-02", "planned_to": "2020-02",
        "status": "planned"}),
    "rollout:standard_plan": _empty_rollout_plan,
    "rollout:milestone_edit": lambda w: ({"pk": w.rollout_milestone.pk}, {
        "title": "Møde for alle lokalråd 19. november", "planned_from": "2019-11",
        "planned_to": "2019-11", "status": "in_progress"}),
    "rollout:milestone_status": lambda w: ({"pk": w.rollout_milestone.pk}, {"status": "done"}),
    "rollout:milestone_delete": lambda w: ({"pk": w.rollout_milestone.pk}, {}),
}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
