# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The consultation e-mails as a real SMTP server on loopback (aiosmtpd) receives them, delivered
by the db_worker: the contacts' and the coordinator's tasks, and the requester's notice of each
response; the link in the e-mail opens the task for the contact."""

import re
from email.header import decode_header, make_header
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from django.utils.formats import date_format

from lokalkontakt.consultations import services
from tests.areas.factories import CouncilFactory
from tests.conftest import site_text
from tests.consultations.conftest import create, deliver, english_client, task_of
from tests.councils.factories import CouncilMemberFactory

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
    assert set(messages) == {(contact_email,), ("anders@example.dk",), (coordinator_email,),
                             ("gitte@glud.example.dk",), ("jens@juelsminde.example.dk",)}
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
    messages = by_recipient(deliver(smtp_server))

    message, body = messages.pop((setting.requester.employee.email,))
    assert list(messages) == [(setting.contact.employee.email,)]  # the council answered
    assert site_text("%(name)s has recorded the response of %(area)s to consultation "
                     "%(reference)s.", name="Gitte Glud (local council)", area="Glud",
                     reference=consultation.reference) in body
    assert subject(message) == site_text("Response from %(area)s: %(title)s", area="Glud",
                                           title="Ny trafikplan")
    assert "Lokalrådet støtter planen." in body and "Bestyrelsen" in body
    assert "Gitte Glud" in body
    assert f"https://lokalkontakt.example.dk/hoeringer/{consultation.pk}/" in body


def test_a_corrected_response_is_told_as_changed(setting, smtp_server):
    consultation = create(setting)
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Første udgave")
    deliver(smtp_server)

    services.task_respond(task=task, actor=setting.contact, response="Anden udgave")
    [(recipients, message, body)] = deliver(smtp_server)  # staff change: the requester only

    assert recipients == [setting.requester.employee.email]
    assert subject(message) == site_text("Changed response from %(area)s: %(title)s",
                                         area="Glud", title="Ny trafikplan")
    assert site_text("%(name)s has changed the response of %(area)s to consultation "
                     "%(reference)s.", name="Lise Lokal", area="Glud",
                     reference=consultation.reference) in body
    assert site_text("%(name)s has recorded the response of %(area)s to consultation "
                     "%(reference)s.", name="Lise Lokal", area="Glud",
                     reference=consultation.reference) not in body
    assert "Anden udgave" in body


def test_the_contact_hears_when_the_council_changes_their_response(setting, smtp_server):
    consultation = create(setting)
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Kontaktens svar")
    deliver(smtp_server)

    services.task_respond(task=task, actor=setting.council_member, response="Rådets svar",
                          heard="Bestyrelsen")
    messages = by_recipient(deliver(smtp_server))

    assert set(messages) == {(setting.requester.employee.email,),
                             (setting.contact.employee.email,)}
    message, body = messages[(setting.contact.employee.email,)]
    assert subject(message) == site_text(
        "The local council changed the response of %(area)s: %(title)s", area="Glud",
        title="Ny trafikplan")
    assert site_text("%(name)s has changed the response of %(area)s to consultation "
                     "%(reference)s.", name="Gitte Glud (local council)", area="Glud",
                     reference=consultation.reference) in body
    assert "Rådets svar" in body and "Bestyrelsen" in body
    assert f"https://lokalkontakt.example.dk{task.get_absolute_url()}" in body


def test_without_a_contact_the_coordinator_hears_of_the_councils_response(setting,
                                                                          smtp_server):
    member = CouncilMemberFactory(council=CouncilFactory(area=setting.raarup), name="Rita Rå")
    consultation = create(setting)
    deliver(smtp_server)

    services.task_respond(task=task_of(consultation, setting.raarup), actor=member.user,
                          no_comments=True)
    messages = by_recipient(deliver(smtp_server))

    message, body = messages[(setting.coordinator.employee.email,)]
    assert subject(message) == site_text(
        "The local council responded for %(area)s: %(title)s", area="Rårup",
        title="Ny trafikplan")
    assert site_text("The area has no comments.") in body


def test_the_councils_of_the_asked_areas_are_told(setting, smtp_server, settings):
    CouncilMemberFactory(council=setting.glud.council, name="Uden Konto", email="uden@glud.dk",
                         user=None)
    CouncilMemberFactory(council=setting.glud.council, name="Fhv. Medlem", email="fhv@glud.dk",
                         is_active=False)
    CouncilMemberFactory(name="Andet Område", email="andet@example.dk")
    consultation = create(setting, areas=[setting.glud, setting.raarup])

    messages = by_recipient(deliver(smtp_server))

    assert {("gitte@glud.example.dk",), ("uden@glud.dk",)} <= set(messages)
    for address in ["fhv@glud.dk", "andet@example.dk", "jens@juelsminde.example.dk"]:
        assert (address,) not in messages
    message, body = messages[("gitte@glud.example.dk",)]
    assert subject(message) == site_text("Consultation of %(area)s: %(title)s", area="Glud",
                                         title="Ny trafikplan")
    assert site_text("%(municipality)s asks %(area)s for its input on a municipal initiative:",
                     municipality=settings.MUNICIPALITY_NAME, area="Glud") in body
    assert site_text("The area's contact, %(name)s, collects the local response by %(date)s.",
                     name="Lise Lokal", date=_long_date(consultation.deadline)) in body
    assert site_text("The local council can also record the response itself on its page in "
                     "Lokalkontakt:") in body
    task = task_of(consultation, setting.glud)
    assert f"https://lokalkontakt.example.dk{task.get_absolute_url()}" in body
    assert messages[("uden@glud.dk",)][1] == body


def _long_date(date) -> str:
    with translation.override(django_settings.LANGUAGE_CODE):
        return date_format(date, "j. F Y")
