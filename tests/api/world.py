# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A little of everything the API serves, and a key holding every scope, for the tests that
call every operation (test_schemathesis.py, test_scope_matrix.py)."""

import datetime
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.utils import timezone

from lokalkontakt.consultations.services import consultation_create
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.submit import inquiry_submit
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create
from tests.api.factories import make_key
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import make_contact_user, make_coordinator


@dataclass
class ApiWorld:
    key: str
    areas: list
    inquiry: Inquiry
    note: Note


def build_api_world() -> ApiWorld:
    """Three areas (Glud with a contact), an inquiry and a consultation for Glud, a note shared
    with staff, the focus areas, and a key with every scope."""
    if not apps.get_model("core", "FocusArea").objects.exists():
        # A transactional test before this one may have flushed the data migration's rows.
        import_module("lokalkontakt.core.migrations.0002_load_focus_areas").load(apps, None)
    coordinator, contact = make_coordinator(), make_contact_user()
    areas = [LocalAreaFactory(name=name) for name in ("Glud", "Juelsminde", "Stouby")]
    AssignmentFactory(area=areas[0], employee=contact.employee)
    inquiry, _token = inquiry_submit(
        area=areas[0], submitter_kind=Inquiry.SubmitterKind.CITIZEN, subject="Vejbump på Skolevej",
        text="Kan vi få et vejbump?", submitter_name="Bo Borger", submitter_email="bo@example.dk",
        client="192.0.2.1")
    consultation_create(title="Ny skolestruktur", description="Hvad mener området?",
                        areas=areas[:2], actor=coordinator,
                        deadline=timezone.localdate() + datetime.timedelta(days=14))
    note = note_create(actor=contact, area=areas[0], title="Foreningerne i Glud", text="Mange",
                       kind=Note.Kind.ASSOCIATIONS, visibility=Note.Visibility.STAFF)
    _row, key = make_key(name="Schemathesis", actor=coordinator)
    return ApiWorld(key=key, areas=areas, inquiry=inquiry, note=note)
