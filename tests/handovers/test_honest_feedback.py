# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers tell the coordinator who got an e-mail and who did not (issue 17, item 3): a warning
on the form before, the message after, and the area's deputy (else the coordinator) gets the
e-mail meant for a contact without an address or login. English pages."""
# ruff: noqa: F811

import html
import re

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.services import handover_note_save
from tests.areas.factories import AssignmentFactory
from tests.conftest import site_text
from tests.handovers.fixtures import (  # noqa: F401 - fixtures
    glud,
    handover,
    in_days,
    leaving,
    nanna,
    nanna_user,
)
from tests.meetings.conftest import english_client
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db



def meant_for(name: str, reason: str, as_whom: str) -> str:
    """The stand-in's first paragraph, in the site's language (Danish once translated)."""
    return site_text("This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
                     name=name, reason=site_text(reason)) + " " + site_text(as_whom)


AS_DEPUTY = "You get it as the deputy, so that it is not lost."
AS_COORDINATOR = "You get it as the coordinator, so that it is not lost."


def text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def start(coordinator, nanna):
    return english_client(coordinator).post(
        reverse("handovers:new", kwargs={"slug": "glud"}),
        {"to_employee": nanna.pk, "switch_on": in_days(21).isoformat()}, follow=True)


@pytest.fixture
def deputy(glud):
    employee = EmployeeFactory(name="Dorte Deputy", email="dorte@example.dk",
                               user=UserFactory(username="dorte"))
    AssignmentFactory(area=glud, employee=employee, role=AssignmentRole.DEPUTY)
    return employee


def without_email(employee):
    employee.email = ""
    employee.save()


def test_with_every_address_the_message_names_both(leaving, nanna, coordinator, contact_user):
    response = start(coordinator, nanna)

    page = text(response)
    assert ("The handover of Glud to Nanna Ny is planned. E-mail sent to Lise Lokal and Nanna Ny."
            in page)
    assert "No e-mail to" not in page
    assert sorted(m.to[0] for m in OutgoingEmail.objects.all()) == [
        contact_user.employee.email, "nanna@example.dk"]


def test_the_form_warns_that_the_leaving_contact_has_no_address(leaving, deputy, coordinator):
    without_email(leaving.employee)

    page = text(english_client(coordinator).get(reverse("handovers:new",
                                                        kwargs={"slug": "glud"})))

    assert ("Lise Lokal has no e-mail address and gets no e-mail. Dorte Deputy gets it instead, "
            "as deputy.") in page


def test_the_form_has_no_warning_when_everyone_has_an_address(leaving, coordinator):
    page = text(english_client(coordinator).get(reverse("handovers:new",
                                                        kwargs={"slug": "glud"})))

    assert "Not everyone can get the e-mail" not in page


def test_the_new_contacts_to_choose_from_say_who_cannot_get_the_email(leaving, coordinator):
    EmployeeFactory(name="Uffe Uden", email="")
    EmployeeFactory(name="Vera Uden Login", email="vera@example.dk", user=None)

    response = english_client(coordinator).get(reverse("handovers:new", kwargs={"slug": "glud"}))

    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", response.content.decode())
    assert any(o.startswith("Uffe Uden") and o.endswith("– no e-mail address") for o in options)
    assert any(o.startswith("Vera Uden Login") and o.endswith("– no login to open the link")
               for o in options)


def test_a_leaving_contact_without_an_address_the_deputy_gets_it(leaving, nanna, deputy,
                                                                 coordinator):
    without_email(leaving.employee)

    response = start(coordinator, nanna)

    page = text(response)
    assert ("The handover of Glud to Nanna Ny is planned. E-mail sent to Nanna Ny. No e-mail to "
            "Lise Lokal: no e-mail address. Dorte Deputy got it instead, as deputy.") in page
    assert 'class="alert alert-warning"' in response.content.decode()
    to_deputy = OutgoingEmail.objects.get(to=["dorte@example.dk"])
    assert to_deputy.body.startswith(meant_for("Lise Lokal", "no e-mail address", AS_DEPUTY))
    assert "Lise Lokal" in to_deputy.body and "handover note" not in to_deputy.subject
    assert OutgoingEmail.objects.filter(to=["nanna@example.dk"]).count() == 1


def test_without_a_deputy_the_coordinator_gets_it(leaving, nanna, coordinator):
    without_email(leaving.employee)

    page = text(start(coordinator, nanna))

    assert ("No e-mail to Lise Lokal: no e-mail address. The coordinator got it instead."
            in page)
    to_coordinator = OutgoingEmail.objects.get(to=[coordinator.employee.email])
    assert to_coordinator.body.startswith(meant_for("Lise Lokal", "no e-mail address",
                                                    AS_COORDINATOR))


def test_the_coordinators_mailbox_gets_it_when_set(leaving, nanna, coordinator, settings):
    settings.COORDINATOR_EMAIL = "landdistrikter@example.dk"
    without_email(leaving.employee)

    start(coordinator, nanna)

    assert OutgoingEmail.objects.filter(to=["landdistrikter@example.dk"]).count() == 1
    assert not OutgoingEmail.objects.filter(to=[coordinator.employee.email]).exists()


def test_a_new_contact_without_a_login_is_named_and_the_deputy_told(leaving, deputy, coordinator):
    vera = EmployeeFactory(name="Vera Uden Login", email="vera@example.dk", user=None)

    page = text(start(coordinator, vera))

    assert ("E-mail sent to Lise Lokal. No e-mail to Vera Uden Login: no login to open the link. "
            "Dorte Deputy got it instead, as deputy.") in page
    assert not OutgoingEmail.objects.filter(to=["vera@example.dk"]).exists()


def test_moving_warns_and_tells_the_truth(handover, deputy, coordinator, nanna):
    without_email(nanna)
    OutgoingEmail.objects.all().delete()
    client = english_client(coordinator)
    move = reverse("handovers:reschedule", kwargs={"pk": handover.pk})

    form = text(client.get(move))
    response = client.post(move, {"switch_on": in_days(30).isoformat()}, follow=True)

    assert ("Nanna Ny has no e-mail address and gets no e-mail. Dorte Deputy gets it instead, as "
            "deputy.") in form
    assert ("E-mail sent to Lise Lokal. No e-mail to Nanna Ny: no e-mail address. Dorte Deputy "
            "got it instead, as deputy.") in text(response)
    assert sorted(m.to[0] for m in OutgoingEmail.objects.all()) == [
        "dorte@example.dk", handover.from_employee.email]


def test_cancelling_names_who_was_told(handover, coordinator):
    OutgoingEmail.objects.all().delete()
    response = english_client(coordinator).post(
        reverse("handovers:cancel", kwargs={"pk": handover.pk}), {"cancel_reason": "Ombestemt"},
        follow=True)

    assert ("The handover of Glud is cancelled. E-mail sent to Lise Lokal and Nanna Ny."
            in text(response))
    assert OutgoingEmail.objects.count() == 2


def test_the_note_ready_email_goes_to_the_deputy_when_the_new_contact_has_none(
        handover, deputy, contact_user, nanna):
    without_email(nanna)
    OutgoingEmail.objects.all().delete()

    saved = handover_note_save(handover=handover, note="Mød formanden.", actor=contact_user)

    assert [m.name for m in saved.reach.missed] == ["Nanna Ny"]
    assert OutgoingEmail.objects.get().to == ["dorte@example.dk"]
    assert Handover.objects.get().handover_note == "Mød formanden."
