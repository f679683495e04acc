# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.test import Client

from lokalkontakt.core.models import OutgoingEmail
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory, UserFactory

COUNCIL_LINK = re.compile(r"https?://\S+/lokalraad/log-ind/[A-Za-z0-9_-]+/")


def english_client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def council_link_path(body: str) -> str:
    """The path of the one-time login link in an e-mail body."""
    [link] = COUNCIL_LINK.findall(body)
    return urlsplit(link).path


def last_link_path(email: str) -> str:
    """The login link of the newest e-mail queued to `email` (read from the outbox table)."""
    message = OutgoingEmail.objects.filter(to=[email]).order_by("-pk").first()
    assert message is not None, f"no e-mail queued to {email}"
    return council_link_path(message.body)


@dataclass
class CouncilSetting:
    area: object  # Glud, with a council, a contact and a deputy
    council: object
    contact: object  # user
    deputy: object  # user
    other_contact: object  # user: the contact of another area
    other_area: object
    member: object  # an active member of Glud's council with a user account


@pytest.fixture
def council_setting(contact_user, coordinator, colleague):
    area = LocalAreaFactory(name="Glud")
    council = CouncilFactory(area=area, name="Glud Lokalråd")
    AssignmentFactory(area=area, employee=contact_user.employee)
    deputy = UserFactory(username="stedfortraeder")
    AssignmentFactory(area=area, employee=EmployeeFactory(user=deputy, name="Dorte Deputy"),
                      deputy=True)
    other_area = LocalAreaFactory(name="Juelsminde")
    CouncilFactory(area=other_area, name="Juelsminde Lokalråd")
    other_contact = UserFactory(username="anden")
    AssignmentFactory(area=other_area, employee=EmployeeFactory(user=other_contact,
                                                                name="Anders Anden"))
    member = CouncilMemberFactory(council=council, name="Rikke Rådsmedlem",
                                  email="rikke@example.dk")
    return CouncilSetting(area=area, council=council, contact=contact_user, deputy=deputy,
                          other_contact=other_contact, other_area=other_area, member=member)
