# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The contact hears of a colleague's note about their area: the e-mail as a real SMTP server on
loopback receives it, delivered by the db_worker, with a link that opens the note."""

import re
from email.header import decode_header, make_header
from urllib.parse import urlsplit

import pytest

from tests.knowledge.conftest import deliver, english_client, write

# The worker closes connections inside a transaction (as the inquiry e-mail tests explain).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"


def test_the_contact_and_deputy_receive_the_note_with_a_working_link(setting, smtp_server):
    note = write(setting.colleague, area=setting.glud, title="Hallen kan lejes")
    assert smtp_server.messages == []  # queued, not sent inside the request

    [(recipients, message, body)] = deliver(smtp_server)

    assert sorted(recipients) == ["lise@example.dk", "sofie@example.dk"]
    subject = str(make_header(decode_header(message["Subject"])))
    assert "Glud" in subject and "Hallen kan lejes" in subject
    assert "Kalle Kollega" in body
    [link] = re.findall(r"https://lokalkontakt\.example\.dk/\S+", body)
    path = urlsplit(link).path
    assert path == note.get_absolute_url()
    assert english_client(setting.contact).get(path).status_code == 200


def test_the_contact_s_own_note_sends_nothing(setting, smtp_server):
    write(setting.contact, area=setting.glud)

    assert deliver(smtp_server) == []
