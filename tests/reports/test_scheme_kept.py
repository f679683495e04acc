# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme's report kept in the cache (reports.scheme.kept): every kind of change shows on
the next request, the same as a page drawn with an empty cache, and a kept report costs one
query of its own however much data there is."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.inquiries.services.handling import inquiry_close, inquiry_tag
from lokalkontakt.knowledge.services import note_create
from lokalkontakt.meetings.models import Meeting
from lokalkontakt.timesheets.services import time_entry_create
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.kept_pages import drawn, unkept
from tests.meetings.factories import AttendanceFactory, MeetingFactory
from tests.reports.scheme_world import inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def scheme(coordinator):
    """An area with its contact and an open inquiry received today, tagged."""
    area = LocalAreaFactory(name="Glud")
    assignment = AssignmentFactory(area=area, starts_on=today() - datetime.timedelta(days=400))
    found = inquiry(area=area, subject="Bænke", received_on=today(), tags=["Kultur"])
    return {"area": area, "assignment": assignment, "inquiry": found,
            "client": english_client(coordinator), "coordinator": coordinator}


def _created(scheme):
    inquiry(area=scheme["area"], subject="Ny", received_on=today())


def _closed(scheme):
    inquiry_close(inquiry=scheme["inquiry"], outcome="Bænkene er sat op.",
                  actor=scheme["coordinator"])


def _status(scheme):
    found = scheme["inquiry"]
    found.status, found.answered_at = found.Status.ANSWERED, timezone.now()
    found.save()


def _tagged(scheme):
    inquiry_tag(inquiry=scheme["inquiry"], actor=scheme["coordinator"],
                focus_areas=FocusArea.objects.filter(name__in=["Kultur", "Smidige processer"]))


def _untagged(scheme):
    inquiry_tag(inquiry=scheme["inquiry"], actor=scheme["coordinator"], focus_areas=[])


def _note(scheme):
    note_create(actor=scheme["coordinator"], title="Forsamlingshuset", text="Nyt tag.",
                kind="events", visibility="staff", area=scheme["area"])


def _area(scheme):
    LocalAreaFactory(name="Hvirring")


def _assignment_ended(scheme):
    assignment = scheme["assignment"]
    assignment.ends_on = today()
    assignment.save()


def _time(scheme):
    time_entry_create(actor=scheme["coordinator"], day=today(), minutes=90, kind="council")


CHANGES = [_created, _closed, _status, _tagged, _untagged, _note, _area, _assignment_ended,
           _time]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
@pytest.mark.parametrize("path", ["reports:scheme", "reports:public"])
def test_each_change_shows_on_the_next_request_as_drawn_afresh(scheme, change, path):
    client = scheme["client"] if path == "reports:scheme" else Client(HTTP_ACCEPT_LANGUAGE="en")
    url = reverse(path)
    before = drawn(client, url)
    assert drawn(client, url) == before  # kept

    change(scheme)

    after = drawn(client, url)
    assert after == unkept(client, url)
    if change not in (_note, _time) or path == "reports:scheme":  # the summary leaves these out
        assert after != before


def test_a_meeting_counts_as_held_from_its_start_without_any_write(scheme):
    """A meeting becomes held by the clock alone: the kept report counts it from its start. The
    clock's passing is played by moving the start into the past with a plain UPDATE, which no
    updated_at and no history row sees, as the clock sees none."""
    client, url = scheme["client"], reverse("reports:scheme")
    meeting = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(hours=1))
    AttendanceFactory(meeting=meeting)
    before = drawn(client, url)
    assert drawn(client, url) == before

    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=1))

    after = drawn(client, url)
    assert after != before
    assert after == unkept(client, url)


def test_the_kept_report_is_per_language_and_period(coordinator):
    LocalAreaFactory(name="Glud")
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    danish = drawn(client, reverse("reports:public"))
    english = drawn(Client(HTTP_ACCEPT_LANGUAGE="en"), reverse("reports:public"))
    assert danish != english and "Coverage" in english
    last_year = drawn(client, reverse("reports:public") + f"?kind=year&year={today().year - 1}")
    assert last_year != danish
    assert last_year == unkept(client, reverse("reports:public") + f"?kind=year&year={today().year - 1}")
