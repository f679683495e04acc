# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up for the search tests: two areas, Glud (contact Lise, a council member) and
Juelsminde (contact Anders, a council member), a colleague who covers no area, the coordinator, a
signed-in user who is no employee and an anonymous visitor. Everything is written through the
services, so the index is what they leave behind."""

import datetime
import itertools
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import timezone

from lokalkontakt.consultations import services as consultations
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.search.query import search
from lokalkontakt.inquiries.services.submit import inquiry_submit
from lokalkontakt.knowledge import services as knowledge
from lokalkontakt.knowledge.models import Note
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory, UserFactory

_clients = itertools.count()


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@dataclass
class World:
    glud: object  # contact: `contact`
    juelsminde: object  # contact: `other_contact`
    contact: object
    other_contact: object
    colleague: object  # an employee who covers no area
    coordinator: object
    council_glud: object  # a council member of Glud (a user)
    council_juelsminde: object
    outsider: object  # signed in, but no employee and no council member
    anonymous: object


def employee_user(username: str, name: str):
    user = UserFactory(username=username)
    EmployeeFactory(user=user, name=name)
    return user


@pytest.fixture
def world(contact_user, coordinator, colleague) -> World:
    glud = LocalAreaFactory(name="Glud")
    juelsminde = LocalAreaFactory(name="Juelsminde")
    AssignmentFactory(area=glud, employee=contact_user.employee)
    other = employee_user("anden-kontakt", "Anders Anden")
    AssignmentFactory(area=juelsminde, employee=other.employee)
    council_glud = CouncilMemberFactory(council=CouncilFactory(area=glud), name="Gitte Glud")
    council_juelsminde = CouncilMemberFactory(council=CouncilFactory(area=juelsminde),
                                              name="Jens Juel")
    return World(glud=glud, juelsminde=juelsminde, contact=contact_user, other_contact=other,
                 colleague=colleague, coordinator=coordinator, council_glud=council_glud.user,
                 council_juelsminde=council_juelsminde.user,
                 outsider=UserFactory(username="udenforstaaende"), anonymous=AnonymousUser())


def write_note(actor, *, title, text="", area=None, visibility=Note.Visibility.PUBLIC,
               focus_areas=()) -> Note:
    return knowledge.note_create(actor=actor, title=title, text=text or title,
                                 kind=Note.Kind.LOCAL_CONDITIONS, visibility=visibility,
                                 area=area, focus_areas=focus_areas)


def edit_note(note, actor, **changes) -> Note:
    data = {"version": note.version, "title": note.title, "text": note.text, "kind": note.kind,
            "visibility": note.visibility, "area": note.area,
            "focus_areas": list(note.focus_areas.all()), **changes}
    return knowledge.note_update(note=note, actor=actor, **data)


def submit_inquiry(*, area, subject, text="Kan kommunen hjælpe?", shared=False,
                   name="Bo Borger", email="bo.borger@example.dk"):
    inquiry, _token = inquiry_submit(
        area=area, submitter_kind="citizen", subject=subject, text=text, submitter_name=name,
        submitter_email=email, shared_with_council=shared, client=f"192.0.2.{next(_clients)}")
    return inquiry


def create_consultation(*, actor, title, description="Hvad mener området?", areas,
                        focus_areas=()):
    return consultations.consultation_create(
        title=title, description=description, areas=areas, actor=actor, focus_areas=focus_areas,
        deadline=timezone.localdate() + datetime.timedelta(days=14))


def titles(user, query: str, **filters) -> list[str]:
    """The titles of the hits the user sees for the query, in rank order (first page)."""
    return [hit.title for hit in search(user=user, query=query, **filters).hits]
