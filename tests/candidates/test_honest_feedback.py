# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Nominations say who was e-mailed and who not (issue 17, item 3). Danish pages: the expected
texts are built with site_text, so they follow the translation."""

import pytest
from django.urls import reverse

from lokalkontakt.candidates.services import nomination_create
from lokalkontakt.core.models import OutgoingEmail
from tests.candidates.test_nomination_views import NEW, client_of, staff, text  # noqa: F401
from tests.conftest import site_text

pytestmark = pytest.mark.django_db


def no_email_to(name: str) -> str:
    return site_text("No e-mail to %(names)s: %(reason)s.", names=name,
                     reason=site_text("no e-mail address"))


def test_a_nomination_says_when_no_coordinator_can_be_emailed(staff, coordinator):  # noqa: F811
    coordinator.email = ""
    coordinator.save()
    coordinator.employee.email = ""
    coordinator.employee.save()

    response = client_of(staff.leader).post(NEW, {
        "employee": staff.bo.pk, "areas": [staff.stouby.pk], "note": ""}, follow=True)

    assert (site_text("%(name)s is nominated.", name="Bo Berg") + " "
            + no_email_to(site_text("the coordinator"))) in text(response)
    assert not OutgoingEmail.objects.exists()


def test_a_decision_names_a_leader_without_an_address(staff, coordinator):  # noqa: F811
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    staff.leader.employee.email = ""
    staff.leader.employee.save()
    OutgoingEmail.objects.all().delete()

    response = client_of(coordinator).post(
        reverse("nominations:decide", args=[nomination.pk]), {"decision": "decline"}, follow=True)

    assert (site_text("%(name)s is marked not chosen.", name="Bo Berg") + " "
            + no_email_to("Lene Holm")) in text(response)
    assert not OutgoingEmail.objects.exists()  # the coordinator decided it: no copy for them
