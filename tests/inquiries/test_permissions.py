# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and act on the inquiry URLs, by role; the machinery is in tests/permissions.py."""

import pytest
from django.urls import reverse

from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from tests.permissions import (
    INQUIRY_ACTIONS,
    STAFF_ROLES,
    check_get_by_role,
    login_redirect_problem,
    routes_ruled_by,
)

RULES = {
    "inquiries:new": "public",
    "inquiries:submitted": "public",
    "inquiries:register": "staff",
    "inquiries:track": "public",
    "inquiries:list": "staff",
    "inquiries:export": "staff",
    "inquiries:waiting": "coordinator",
    "inquiries:detail": "staff",
    "inquiries:acknowledge": "staff",
    "inquiries:reply": "staff",
    "inquiries:comment": "staff",
    "inquiries:close": "staff",
    "inquiries:forward": "staff",
    "inquiries:tag": "staff",
    "inquiries:forward_core_area": "staff",
    "inquiries:file": "staff",
    "inquiries:track_file": "public",
    "inquiries:council_list": "council",
    "inquiries:council_new": "council",
    "inquiries:council_detail": "council",
    "inquiries:council_file": "council",
}

# The coordinator's pages without a POST.
GET_ONLY = {"inquiries:waiting"}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # The world's inquiry is in Glud, routed to the contact (Glud's primary contact). The colleague
    # has no assignments and does not handle it, so it is not visible to them: the detail page
    # answers 404 (as for a missing inquiry). The actions are POST only, and require_POST
    # answers before the inquiry is looked up, so a GET is 405 for every staff role.
    ("inquiries:detail", "colleague"): 404,
    **{(f"inquiries:{name}", role): 405 for name in INQUIRY_ACTIONS for role in STAFF_ROLES},
    ("inquiries:file", "colleague"): 404,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# --- inquiry actions: staff who may not see the inquiry get 404 -------------------------------


def inquiry_snapshot() -> dict:
    snapshot = {model.__name__: list(model._default_manager.order_by("pk").values())
                for model in [Inquiry, InquiryEvent, OutgoingEmail]}
    snapshot["links"] = [list(Inquiry.participants.through.objects.order_by("pk").values()),
                         list(Inquiry.focus_areas.through.objects.order_by("pk").values())]
    return snapshot


INQUIRY_POSTS = {
    "acknowledge": {},
    "reply": {"reply-text": "Svar fra en uvedkommende"},
    "comment": {"comment-text": "Kommentar fra en uvedkommende"},
    "close": {"outcome": "Lukket af en uvedkommende"},
    "forward": {"forward-action": "forward"},  # + the colleague as "forward-employee", per world
    "tag": {"focus_areas": ["1"]},
    "forward_core_area": {},  # + the world's core area as "corearea-core_area"
}


def test_every_inquiry_action_is_in_the_post_checks():
    assert set(INQUIRY_POSTS) == set(INQUIRY_ACTIONS)


@pytest.mark.parametrize("name", INQUIRY_ACTIONS)
def test_inquiry_actions_refuse_those_who_may_not_see_the_inquiry(name, world):
    url = reverse(f"inquiries:{name}", kwargs={"pk": world.inquiry.pk})
    data = dict(INQUIRY_POSTS[name])
    if name == "forward":
        data["forward-employee"] = str(world.employee.pk)
    if name == "tag":
        data["focus_areas"] = [str(FocusArea.objects.order_by("number").first().pk)]
    if name == "forward_core_area":
        data["corearea-core_area"] = str(world.core_area.pk)
    before = inquiry_snapshot()

    # The colleague is staff but neither handles the inquiry nor covers Glud.
    response = world.clients["colleague"].post(url, data)
    assert response.status_code == 404, f"colleague: POST {url} answered {response.status_code}"
    assert inquiry_snapshot() == before, f"colleague: POST {url} changed data"

    for role in ["outsider", "council"]:
        response = world.clients[role].post(url, data)
        assert response.status_code == 403, f"{role}: POST {url} answered {response.status_code}"
        assert inquiry_snapshot() == before, f"{role}: POST {url} changed data"

    response = world.clients["anonymous"].post(url, data)
    assert login_redirect_problem(response, reverse("login"), url) is None
    assert inquiry_snapshot() == before, f"anonymous: POST {url} changed data"

    # The contact handles it: the same request goes through and changes the inquiry.
    response = world.clients["contact"].post(url, data)
    assert response.status_code == 302
    assert response["Location"] == world.inquiry.get_absolute_url()
    assert inquiry_snapshot() != before


def test_the_coordinator_may_act_on_every_inquiry(world):
    url = reverse("inquiries:close", kwargs={"pk": world.inquiry.pk})
    response = world.clients["coordinator"].post(url, {"outcome": "Videresendt til Vej og Park"})
    assert response.status_code == 302
    world.inquiry.refresh_from_db()
    assert world.inquiry.status == Inquiry.Status.CLOSED
