# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Sending a consultation names who got the e-mail and who did not (issue 17, item 3); the
coordinator's e-mail for the areas of a contact without an address says whom it was meant for.
English pages."""

import html
import re

import pytest

from lokalkontakt.consultations.models import Consultation
from lokalkontakt.core.models import OutgoingEmail
from tests.conftest import site_text
from tests.consultations.conftest import english_client
from tests.consultations.test_views import NEW_URL, form_data

pytestmark = pytest.mark.django_db


def flat(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_with_every_address_the_message_names_contacts_and_council_members(setting):
    response = english_client(setting.requester).post(
        NEW_URL, form_data(setting.glud, setting.juelsminde), follow=True)

    assert ("The consultation is sent to the local areas. E-mail sent to Anders Anden, Gitte "
            "Glud, Jens Juel and Lise Lokal.") in flat(response)
    assert "No e-mail to" not in flat(response)
    assert OutgoingEmail.objects.count() == 4


def test_a_contact_without_an_address_is_named_and_the_coordinator_told(setting):
    anders = setting.other_contact.employee
    anders.email = ""
    anders.save()

    response = english_client(setting.requester).post(
        NEW_URL, form_data(setting.glud, setting.juelsminde), follow=True)

    assert ("E-mail sent to Gitte Glud, Jens Juel and Lise Lokal. No e-mail to Anders Anden: no "
            "e-mail address. The coordinator got it instead.") in flat(response)
    notice = OutgoingEmail.objects.get(to=[setting.coordinator.employee.email])
    assert notice.body.startswith(site_text(
        "This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).",
        name="Anders Anden", reason=site_text("no e-mail address")))
    assert Consultation.objects.get().tasks.count() == 2
