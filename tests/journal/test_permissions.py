# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who may open and post to the journalisation's URLs, by role; the machinery is in
tests/permissions.py. Staff see the cases the inquiries' and consultations' own rules let them
see (the world's inquiry is the contact's; its consultation the coordinator's): any other case
answers 404. The KLE list is the coordinator's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lokalkontakt.journal.models import Journalisation
from tests.permissions import check_coordinator_action, check_get_by_role, routes_ruled_by

CASE_PAGES = ["journal:inquiry_package", "journal:inquiry_journalise",
              "journal:consultation_package", "journal:consultation_journalise"]
RULES = {
    "journal:list": "staff",
    "journal:period": "staff",
    "journal:kle": "coordinator",
    **dict.fromkeys(CASE_PAGES, "staff"),
}

GET_STATUS = {
    # Asking for a period's ZIP is a POST (it queues work for the worker).
    **{("journal:period", role): 405 for role in ["colleague", "contact", "coordinator"]},
    ("journal:inquiry_package", "colleague"): 404,
    ("journal:inquiry_journalise", "colleague"): 404,
    # The consultation was requested by the coordinator: only they see it.
    **{(name, role): 404 for name in ["journal:consultation_package",
                                      "journal:consultation_journalise"]
       for role in ["colleague", "contact"]},
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (world -> kwargs, the form's prefix, {role: status}, the role that may)
POSTS = {
    "journal:inquiry_journalise": (
        lambda w: {"pk": w.inquiry.pk}, lambda w: f"inquiry-{w.inquiry.pk}",
        {"outsider": 403, "council": 403, "colleague": 404}, "contact"),
    "journal:consultation_journalise": (
        lambda w: {"pk": w.consultation.pk}, lambda w: f"consultation-{w.consultation.pk}",
        {"outsider": 403, "council": 403, "colleague": 404, "contact": 404}, "coordinator"),
}


@pytest.mark.parametrize("name", sorted(POSTS))
def test_only_who_sees_the_case_records_it(name, world):
    kwargs, prefix, refused, allowed = POSTS[name]
    url = reverse(name, kwargs=kwargs(world))
    data = {f"{prefix(world)}-case_number": "27.00.00-A00-1-26"}
    for role, status in refused.items():
        response = world.clients[role].post(url, data)
        assert response.status_code == status, f"{role}: POST {url} answered {response.status_code}"
    response = world.clients["anonymous"].post(url, data)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not Journalisation.objects.exists()
    response = world.clients[allowed].post(url, data)
    assert response.status_code == 302
    assert Journalisation.objects.get().case_number == "27.00.00-A00-1-26"


# name -> world -> (kwargs, form data): the coordinator's actions (tests/test_permissions.py)
POST_ACTIONS = {
    "journal:kle": lambda w: ({}, {"file": SimpleUploadedFile("kle.csv", b"05;Veje og trafik\n")}),
}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
