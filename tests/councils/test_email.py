# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The invitation and the login link as they arrive at a real SMTP server (aiosmtpd on loopback),
delivered by the db_worker; the link is followed as the member would."""

from email.header import decode_header, make_header

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.areas.pages import page_text
from tests.councils.conftest import council_link_path, english_client
from tests.inquiries.conftest import deliver, smtp_server  # noqa: F401

# The worker closes connections that are inside a transaction (close_old_connections), as the
# test-case transaction would be on PostgreSQL: these tests commit for real instead.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site(settings, db):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    # The group comes from a data migration, which a transactional test's flush removes.
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def test_invitation_arrives_and_its_link_logs_the_member_in(council_setting, coordinator,
                                                           smtp_server):  # noqa: F811
    staff = english_client(coordinator)
    response = staff.post(f"/omraader/{council_setting.area.slug}/lokalraad/",
                          {"name": "Niels Nyt", "email": "niels@example.dk"})
    assert response.status_code == 302
    assert smtp_server.messages == []  # nothing is sent inside the request

    [(recipients, message, body)] = deliver(smtp_server)

    assert recipients == ["niels@example.dk"]
    with translation.override("da"):  # e-mails go out in the site's language
        subject = gettext("Invitation to Lokalkontakt for %(council)s") % {"council": "Glud Lokalråd"}
    assert str(make_header(decode_header(message["Subject"]))) == subject
    assert "Karin Koordinator" in body
    assert "https://lokalkontakt.example.dk/lokalraad/log-ind/" in body
    assert "https://lokalkontakt.example.dk/lokalraad/log-ind/" in body.splitlines()  # for later
    member = english_client()
    link = council_link_path(body)
    assert member.get(link).status_code == 200
    landed = member.post(link, follow=True)
    assert landed.redirect_chain == [("/lokalraad/", 302)]
    assert "You are logged in as Niels Nyt, member of Glud Lokalråd." in page_text(landed)


def test_requested_login_link_arrives_only_for_members(council_setting, smtp_server):  # noqa: F811
    visitor = english_client()
    visitor.post("/lokalraad/log-ind/", {"email": "ukendt@example.dk"})
    visitor.post("/lokalraad/log-ind/", {"email": "rikke@example.dk"})

    [(recipients, message, body)] = deliver(smtp_server)

    assert recipients == ["rikke@example.dk"]
    assert "Glud Lokalråd" in body
    landed = english_client().post(council_link_path(body), follow=True)
    assert landed.redirect_chain == [("/lokalraad/", 302)]
