# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up for the knowledge tests: Glud (the contact as primary, a deputy) and Juelsminde
(another contact), a council member of each, a colleague who covers no area and the coordinator;
files in a temporary folder; English pages and messages."""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lokalkontakt.knowledge import services
from lokalkontakt.knowledge.models import Note
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
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root) -> list:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def pdf(name="referat.pdf", content=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


@dataclass
class Setting:
    glud: object  # primary contact: `contact`, deputy: `deputy`
    juelsminde: object  # primary contact: `other_contact`
    contact: object
    deputy: object
    other_contact: object
    colleague: object  # covers no area
    coordinator: object
    council_member: object  # of Glud
    other_council_member: object  # of Juelsminde


def _employee_user(username, name, email):
    user = UserFactory(username=username)
    EmployeeFactory(user=user, name=name, email=email)
    return user


@pytest.fixture
def setting(contact_user, coordinator, colleague):
    glud = LocalAreaFactory(name="Glud")
    juelsminde = LocalAreaFactory(name="Juelsminde")
    contact_user.employee.email = "lise@example.dk"
    contact_user.employee.save()
    AssignmentFactory(area=glud, employee=contact_user.employee)
    deputy = _employee_user("stedfortraeder", "Sofie Stedfortræder", "sofie@example.dk")
    AssignmentFactory(area=glud, employee=deputy.employee, deputy=True)
    other = _employee_user("anden-kontakt", "Anders Anden", "anders@example.dk")
    AssignmentFactory(area=juelsminde, employee=other.employee)
    member = CouncilMemberFactory(council=CouncilFactory(area=glud), name="Gitte Glud")
    other_member = CouncilMemberFactory(council=CouncilFactory(area=juelsminde), name="Jens Juel")
    return Setting(glud=glud, juelsminde=juelsminde, contact=contact_user, deputy=deputy,
                   other_contact=other, colleague=colleague, coordinator=coordinator,
                   council_member=member.user, other_council_member=other_member.user)


def write(actor, area=None, **overrides) -> Note:
    data = {"title": "Foreningerne i Glud", "text": "Borgerforeningen mødes **hver tirsdag**.",
            "kind": Note.Kind.ASSOCIATIONS, "visibility": Note.Visibility.STAFF, "area": area,
            **overrides}
    return services.note_create(actor=actor, **data)


def update_data(note, **overrides) -> dict:
    return {"version": note.version, "title": note.title, "text": note.text, "kind": note.kind,
            "visibility": note.visibility, "area": note.area, **overrides}
