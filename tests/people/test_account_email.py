# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The set-password and reset e-mails as they arrive at a real SMTP server (aiosmtpd on loopback),
delivered by the db_worker; the link is followed as the employee would, and the stored copy loses
it once sent."""

from email.header import decode_header, make_header

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.inquiries.conftest import deliver, smtp_server  # noqa: F401
from tests.people.factories import EmployeeFactory
from tests.people.test_accounts import LINK, english, set_password, sign_in

# The worker closes connections that are inside a transaction: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site(settings, db):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def subject_of(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def path_of(body: str) -> str:
    [link] = LINK.findall(body)
    return link.removeprefix("https://lokalkontakt.example.dk")


def test_the_new_logins_email_arrives_and_its_link_sets_the_password(coordinator,
                                                                     smtp_server):  # noqa: F811
    nina = EmployeeFactory(name="Nina Ny", email="nina@example.dk")
    english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/")
    assert smtp_server.messages == []  # nothing is sent inside the request

    [(recipients, message, body)] = deliver(smtp_server)

    assert recipients == ["nina@example.dk"]
    with translation.override("da"):  # e-mails go out in the site's language
        assert subject_of(message) == gettext("Your login to Lokalkontakt")
    assert "Karin Koordinator" in body and "nina@example.dk" in body
    assert "[link removed]" not in body
    stored = OutgoingEmail.objects.get()
    assert not LINK.search(stored.body)  # blanked once sent
    assert set_password(path_of(body)).status_code == 302
    assert sign_in("nina@example.dk").get("/mine-omraader/").status_code == 200


def test_the_reset_email_arrives_only_for_a_login(colleague, smtp_server):  # noqa: F811
    visitor = english()
    visitor.post("/konto/glemt-adgangskode/", {"email": "ukendt@example.dk"})
    visitor.post("/konto/glemt-adgangskode/", {"email": colleague.employee.email})

    [(recipients, message, body)] = deliver(smtp_server)

    assert recipients == [colleague.employee.email]
    with translation.override("da"):
        assert subject_of(message) == gettext("Choose a new password for Lokalkontakt")
    assert set_password(path_of(body)).status_code == 302
    assert sign_in("kollega").get("/mine-omraader/").status_code == 200
