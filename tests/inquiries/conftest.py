# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up for the inquiry tests: a local area with a primary contact, browsers that ask for
the English UI (so assertions do not depend on the state of the Danish translation), the public
form's data, and a real SMTP server on loopback."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.dar_server import dar_service  # noqa: F401 - a fixture
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.core.test_mail import Inbox, free_port, run_worker

NEW_URL = "/henvendelser/ny/"
SUBMITTED_URL = "/henvendelser/ny/sendt/"



@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a fresh folder per test; tests look into it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root) -> list:
    """Every file under MEDIA_ROOT."""
    return sorted(path for path in media_root.rglob("*") if path.is_file())


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name="tegning.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="foto.png", content=PNG):
    return SimpleUploadedFile(name, content, content_type="image/png")


def text_file(name="noter.txt", content="Åbningstider: 8–16\n".encode()):
    return SimpleUploadedFile(name, content, content_type="text/plain")


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def english_client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def browser():
    """An anonymous visitor whose browser asks for English."""
    return english_client()


@dataclass
class Setting:
    area: object  # Glud, whose primary contact is the contact
    contact: object  # the user
    coordinator: object
    colleague: object


@pytest.fixture
def setting(contact_user, coordinator, colleague):
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=contact_user.employee)
    return Setting(area=area, contact=contact_user, coordinator=coordinator, colleague=colleague)


def form_data(area=None, **overrides) -> dict:
    """The public form as a browser posts it (the honeypot is sent empty)."""
    return {
        "area": str(area.pk) if area is not None else "",
        "submitter_kind": Inquiry.SubmitterKind.CITIZEN,
        "subject": "Vejbump på Skolevej",
        "text": "Bilerne kører for stærkt forbi skolen.\nKan vi få et vejbump?",
        "submitter_name": "Bo Borger",
        "submitter_email": "bo.borger@example.dk",
        "submitter_phone": "+45 20 30 40 50",
        "consent": "on",
        "website": "",
        **overrides,
    }


def submit(client, area=None, remote_addr="192.0.2.10", **overrides):
    return client.post(NEW_URL, form_data(area, **overrides), REMOTE_ADDR=remote_addr)


def detail_url(inquiry) -> str:
    return reverse("inquiries:detail", kwargs={"pk": inquiry.pk})


def track_url(token: str) -> str:
    return reverse("inquiries:track", kwargs={"token": token})


TRACKING_LINK = re.compile(r"https?://\S+/henvendelser/spor/[A-Za-z0-9_-]+/")


def tracking_path(body: str) -> str:
    """The path of the tracking link in an e-mail body."""
    [link] = TRACKING_LINK.findall(body)
    return urlsplit(link).path


@pytest.fixture
def smtp_server(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox
    controller.stop()


def deliver(inbox) -> list[tuple[list[str], object, str]]:
    """Run the worker; the messages received since the last call: (recipients, message, body)."""
    seen = len(inbox.messages)
    run_worker()
    return [(recipients, message, message.get_payload(decode=True).decode())
            for recipients, message in inbox.messages[seen:]]
