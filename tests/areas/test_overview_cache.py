# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage overview keeps what it draws from the areas' data in the cache
(areas.views.overview) until those data change: a change made through any service shows on the
next request, exactly as on a page drawn with an empty cache; the other apps' parts (planned
handovers, failed e-mails) and the access log are each request's own."""


import pytest
from django.core.cache import caches
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas import services
from lokalkontakt.areas.events import CONFLICT_LISTED_TWICE, KEPT_WITH_CONTACT
from lokalkontakt.areas.models import AreaEvent, Participation
from lokalkontakt.areas.services.conflicts import conflict_record, conflict_settle
from lokalkontakt.core.models import AccessLogEntry, OutgoingEmail
from lokalkontakt.councils.jobs import member_anonymise
from lokalkontakt.people.services import employee_save
from tests.areas.conftest import english_client
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.areas.test_directory_cache import (
    _answer,
    _mark_handover,
    _plan_handover,
    _rename_area,
    _rename_core_area,
    contact,
)
from tests.areas.test_directory_cache import _end_contact as _end
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("coordination:overview")


@pytest.fixture
def glud(db):
    area = LocalAreaFactory(name="Glud", participation=Participation.INTERESTED)
    AssignmentFactory(area=area, employee=EmployeeFactory(
        name="Susanne Ernst", core_area=CoreAreaFactory(name="Læring")))
    LocalAreaFactory(name="Hornsyld", participation=Participation.UNKNOWN)  # no contact
    return area


def main_of(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>")[0]


def _create_area(area, coordinator):
    services.area_create(name="Juelsminde", actor=coordinator)


def _assign(area, coordinator):
    services.assignment_create(area=area.__class__.objects.get(name="Hornsyld"),
                               employee=EmployeeFactory(name="Niels Ny"), role="primary",
                               actor=coordinator, onboard=False)


def _rename_contact(area, coordinator):
    employee = contact(area).employee
    employee_save(employee=employee, name="Susanne Ernst-Holm", title="Konsulent",
                  core_area=employee.core_area, actor=coordinator)


def _raise_conflict(area, coordinator):
    conflict_record(area=area, code=CONFLICT_LISTED_TWICE, source="Bilag 1", entry="Glud – Susanne")


def _settle_conflict(area, coordinator):
    conflict = AreaEvent.objects.get(kind=AreaEvent.Kind.CONFLICT)
    conflict_settle(conflict=conflict, kept=KEPT_WITH_CONTACT, note="Afklaret", actor=coordinator)


def _fail_email(area, coordinator):
    OutgoingEmail.objects.create(to=["a@example.dk"], subject="Hej", body="Hej",
                                 status=OutgoingEmail.Status.FAILED)


# Each change, what is made beforehand (or None), and a text it brings to the overview.
CHANGES = {
    "area renamed": (_rename_area, None, "Glud Strand"),
    "area created": (_create_area, None, "3 local areas"),
    "council's answer": (_answer, None, "Declined (1)"),
    "contact assigned": (_assign, None, "Areas without a contact (0)"),
    "assignment ended": (_end, None, "Areas without a contact (2)"),
    "handover marked due": (_mark_handover, None, "Handover due (1)"),
    "handover planned": (_plan_handover, _mark_handover, "handover planned"),
    "employee renamed": (_rename_contact, None, "Susanne Ernst-Holm"),
    "core area renamed": (_rename_core_area, None, "Læring og Trivsel"),
    "conflict raised": (_raise_conflict, None, "Conflicts in the sources (1)"),
    "conflict settled": (_settle_conflict, _raise_conflict, "Source conflict settled"),
    "e-mail failed": (_fail_email, None, "1 failed e-mail to send again"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_through_a_service_shows_on_the_next_request(change, glud, coordinator):
    make, beforehand, text = CHANGES[change]
    if beforehand:
        beforehand(glud, coordinator)
    client = english_client(coordinator)
    before = client.get(URL)
    assert main_of(client.get(URL)) == main_of(before)  # kept
    assert text not in page_text(before)

    make(glud, coordinator)

    after = client.get(URL)
    assert text in page_text(after)
    caches["default"].clear()
    assert main_of(after) == main_of(client.get(URL))  # as drawn with an empty cache


def test_a_settled_conflict_leaves_the_overview(glud, coordinator):
    _raise_conflict(glud, coordinator)
    client = english_client(coordinator)
    assert "Conflicts in the sources (1)" in page_text(client.get(URL))

    _settle_conflict(glud, coordinator)

    assert "Conflicts in the sources" not in page_text(client.get(URL))


def test_an_erased_member_name_leaves_the_latest_changes_at_once(glud, coordinator):
    """Erasing a former council member's name changes the facts of events already written,
    which their count and highest id do not show (areas.overview.overview_version)."""
    member = CouncilMemberFactory(council=CouncilFactory(area=glud), name="Mette Medlem",
                                  is_active=False)
    services.area_event_add(area=glud, kind=AreaEvent.Kind.MEMBER_INVITED, member="Mette Medlem")
    client = english_client(coordinator)
    assert "Mette Medlem was invited" in page_text(client.get(URL))
    assert "Mette Medlem was invited" in page_text(client.get(URL))  # kept

    with transaction.atomic():
        member_anonymise(member=member, now=timezone.now())

    text = page_text(client.get(URL))
    assert "Mette Medlem" not in text and "A former member was invited" in text


def test_a_name_among_the_latest_changes_is_logged_on_every_request(glud, coordinator):
    event = services.area_event_add(area=glud, kind=AreaEvent.Kind.MEMBER_INVITED,
                                    member="Mette Medlem")
    client = english_client(coordinator)

    for _ in range(3):  # drawn once, then kept
        client.get(URL)

    entries = AccessLogEntry.objects.filter(object_type="areas.areaevent", object_id=event.pk)
    assert entries.count() == 3
    assert {entry.username for entry in entries} == {coordinator.get_username()}


def test_two_languages_are_kept_apart(glud, coordinator):
    english, danish = english_client(coordinator), english_client(coordinator)
    for _ in range(2):
        assert "Areas without a contact (1)" in page_text(english.get(URL))
        text = page_text(danish.get(URL, headers={"Accept-Language": "da"}))
        assert "Areas without a contact" not in text and "Coverage overview" not in text


def test_what_is_kept_is_no_coordinators_own(glud, coordinator):
    second = UserFactory(username="bodil")
    second.groups.set(coordinator.groups.all())
    EmployeeFactory(user=second, name="Bodil Koordinator")
    first_page = english_client(coordinator).get(URL)
    second_page = english_client(second).get(URL)

    assert "Bodil Koordinator" in page_text(second_page)
    assert "Bodil Koordinator" not in page_text(first_page)
    assert main_of(first_page) == main_of(second_page)
