"""The consultation e-mails as a real SMTP server on loopback (aiosmtpd) receives them, delivered
by the db_worker: the contacts' and the coordinator's tasks, and the requester's notice of each
response; the link in the e-mail opens the task for the contact."""

import re
from email.header import decode_header, make_header
from urllib.parse import urlsplit

import pytest

from lokalkontakt.consultations import services
from tests.conftest import site_text
from tests.consultations.conftest import create, deliver, english_client, task_of

# The worker closes connections inside a transaction (as the inquiry e-mail tests explain).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def by_recipient(messages) -> dict:
    return {tuple(recipients): (message, body) for recipients, message, body in messages}


def test_the_tasks_arrive_and_the_link_opens_the_task(setting, smtp_server):
    consultation = create(setting)
    assert smtp_server.messages == []  # queued, not sent inside the request

    messages = by_recipient(deliver(smtp_server))

    contact_email = setting.contact.employee.email
    coordinator_email = setting.coordinator.employee.email
    assert set(messages) == {(contact_email,), ("anders@example.dk",), (coordinator_email,)}
    expected = site_text("Consultation %(reference)s: %(title)s",
                        reference=consultation.reference, title="Ny trafikplan")
    message, body = messages[(contact_email,)]
    assert subject(message) == expected
    assert site_text("%(name)s asks the local areas for their input on a municipal initiative.",
                     name=setting.requester.employee.name) in body
    [link] = re.findall(r"https://lokalkontakt\.example\.dk/hoeringer/opgave/\d+/", body)
    assert urlsplit(link).path == task_of(consultation, setting.glud).get_absolute_url()
    assert "Rårup" not in body
    assert "Rårup" in messages[(coordinator_email,)][1]

    page = english_client(setting.contact).get(urlsplit(link).path)
    assert page.status_code == 200
    assert "Hvad mener området om trafikplanen?" in page.content.decode()
    assert deliver(smtp_server) == []  # nothing twice


def test_the_requester_hears_of_each_response(setting, smtp_server):
    consultation = create(setting)
    deliver(smtp_server)

    services.task_respond(task=task_of(consultation, setting.glud), actor=setting.council_member,
                          response="Lokalrådet støtter planen.", heard="Bestyrelsen")
    [(recipients, message, body)] = deliver(smtp_server)

    assert recipients == [setting.requester.employee.email]
    assert subject(message) == site_text("Response from %(area)s: %(title)s", area="Glud",
                                           title="Ny trafikplan")
    assert "Lokalrådet støtter planen." in body and "Bestyrelsen" in body
    assert "Gitte Glud" in body
    assert f"https://lokalkontakt.example.dk/hoeringer/{consultation.pk}/" in body
