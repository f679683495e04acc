# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up for the consultation tests: three areas (Glud with the contact, Juelsminde with
another contact, Rårup without one), the requester (a colleague), the coordinator, a council member
of Glud and one of Juelsminde; files stored in a temporary folder; English pages."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from lokalkontakt.consultations import services
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.conftest import (  # noqa: F401 - fixtures shared with the inquiry tests
    _coordinator_group,
    deliver,
    english_client,
    smtp_server,
)
from tests.people.factories import EmployeeFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _english():
    """Service messages and event texts in English, whatever the state of the Danish catalogue.
    E-mails are always written in the site's language: compare them with `site_text`."""
    with translation.override("en"):
        yield



@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root) -> list:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def pdf(name="notat.pdf", content=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


@dataclass
class Setting:
    glud: object  # primary contact: `contact`
    juelsminde: object  # primary contact: `other_contact`
    raarup: object  # no contact: with the coordinator
    contact: object
    other_contact: object
    requester: object  # the colleague
    coordinator: object
    council_member: object  # of Glud
    other_council_member: object  # of Juelsminde


@pytest.fixture
def setting(contact_user, coordinator, colleague):
    glud = LocalAreaFactory(name="Glud")
    juelsminde = LocalAreaFactory(name="Juelsminde")
    raarup = LocalAreaFactory(name="Rårup")
    AssignmentFactory(area=glud, employee=contact_user.employee)
    other = UserFactory(username="anden-kontakt")
    EmployeeFactory(user=other, name="Anders Anden", email="anders@example.dk")
    AssignmentFactory(area=juelsminde, employee=other.employee)
    member = CouncilMemberFactory(council=CouncilFactory(area=glud), name="Gitte Glud",
                                  email="gitte@glud.example.dk")
    other_member = CouncilMemberFactory(council=CouncilFactory(area=juelsminde),
                                        name="Jens Juel", email="jens@juelsminde.example.dk")
    return Setting(glud=glud, juelsminde=juelsminde, raarup=raarup, contact=contact_user,
                   other_contact=other, requester=colleague, coordinator=coordinator,
                   council_member=member.user, other_council_member=other_member.user)


def create(setting, areas=None, **overrides):
    """A consultation of Glud, Juelsminde and Rårup, requested by the colleague."""
    data = {"title": "Ny trafikplan", "description": "Hvad mener området om trafikplanen?",
            "deadline": in_days(14), "areas": areas or [setting.glud, setting.juelsminde,
                                                          setting.raarup],
            "actor": setting.requester, **overrides}
    return services.consultation_create(**data)


@pytest.fixture
def consultation(setting):
    return create(setting)


def task_of(consultation, area):
    return consultation.tasks.get(area=area)


def detail_url(consultation) -> str:
    return reverse("consultations:detail", kwargs={"pk": consultation.pk})


def task_url(task) -> str:
    return reverse("consultations:task", kwargs={"pk": task.pk})
