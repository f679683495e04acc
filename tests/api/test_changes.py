# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The change feed (/api/v1/changes/, changes:read): each change once, in commit order, with the
object's API address and no personal data; the services of the apps write it."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.api.scopes import Scope
from lokalkontakt.areas.services import assignment_create, assignment_end
from lokalkontakt.consultations.services import consultation_close, consultation_create, task_respond
from lokalkontakt.core.changes import Change, changes_prune, record_change
from lokalkontakt.inquiries.services.handling import inquiry_acknowledge, inquiry_close
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from lokalkontakt.knowledge.services import note_create, note_delete, note_update
from tests.api.factories import keyed_client
from tests.areas.factories import LocalAreaFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/changes/"


@pytest.fixture
def feed():
    return keyed_client(scopes=[Scope.CHANGES_READ])


def actions(client, **params):
    return [(c["kind"], c["action"]) for c in client.get(URL, params).json()["results"]]


def submit(area, **overrides):
    values = {"area": area, "submitter_kind": "citizen", "subject": "Vejbump",
              "text": "Kan vi få et vejbump?", "submitter_name": "Bo Borger",
              "submitter_email": "bo@example.dk", "client": "192.0.2.1", **overrides}
    return inquiry_submit(**values)[0]


def test_an_inquirys_life_is_in_the_feed(feed, coordinator):
    inquiry = submit(LocalAreaFactory())
    inquiry_acknowledge(inquiry=inquiry, actor=coordinator)
    inquiry_reply(inquiry=inquiry, text="Svar", actor=coordinator)
    inquiry_close(inquiry=inquiry, outcome="Løst", actor=coordinator)

    assert actions(feed) == [("inquiry", "created"), ("inquiry", "acknowledged"),
                             ("inquiry", "answered"), ("inquiry", "closed")]


def test_a_change_names_the_object_and_its_address_and_nothing_personal(feed):
    inquiry = submit(LocalAreaFactory())

    [change] = feed.get(URL).json()["results"]

    assert change["object_id"] == inquiry.pk
    assert change["reference"] == inquiry.reference
    assert change["url"] == f"http://testserver/api/v1/inquiries/{inquiry.pk}/"
    assert not {"Bo Borger", "bo@example.dk", "Vejbump"} & set(map(str, change.values()))


def test_consultations_assignments_and_notes_are_in_the_feed(feed, contact_user, coordinator):
    area = LocalAreaFactory()
    assignment = assignment_create(area=area, employee=contact_user.employee, role="primary",
                                   onboard=False)
    consultation = consultation_create(
        title="Cykelsti", description="Hvad mener I?", areas=[area], actor=contact_user,
        deadline=timezone.localdate() + datetime.timedelta(days=10))
    task_respond(task=consultation.tasks.get(), actor=contact_user, response="Ja tak")
    consultation_close(consultation=consultation, actor=contact_user)
    note = note_create(actor=contact_user, title="Hallen", text="Ny hal", kind="plans",
                       visibility="staff", area=area)
    note = note_update(note=note, actor=contact_user, version=note.version, title="Hallen",
                       text="Ny hal i 2027", kind="plans", visibility="staff", area=area)
    note_delete(note=note, actor=contact_user)
    assignment_end(assignment=assignment)

    assert actions(feed) == [
        ("assignment", "started"), ("consultation", "created"), ("consultation", "answered"),
        ("consultation", "closed"), ("note", "created"), ("note", "changed"), ("note", "deleted"),
        ("assignment", "ended")]


def test_following_with_after_gives_each_change_once(feed):
    first = submit(LocalAreaFactory())
    page = feed.get(URL).json()
    second = submit(LocalAreaFactory())

    again = feed.get(URL, {"after": page["last_id"]}).json()
    caught_up = feed.get(URL, {"after": again["last_id"]}).json()

    assert [c["object_id"] for c in page["results"]] == [first.pk]
    assert [c["object_id"] for c in again["results"]] == [second.pk]
    assert caught_up["results"] == [] and caught_up["last_id"] == again["last_id"]
    assert caught_up["next"] is None


def test_a_full_page_links_the_next(feed):
    for n in range(3):
        record_change(kind="note", object_id=n + 1, action="created")

    page = feed.get(URL, {"page_size": 2}).json()
    rest = feed.get(page["next"]).json()

    assert [c["object_id"] for c in page["results"]] == [1, 2]
    assert [c["object_id"] for c in rest["results"]] == [3]


def test_since_gives_the_changes_from_that_time(feed):
    old = record_change(kind="note", object_id=1, action="created")
    Change.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=2))
    record_change(kind="note", object_id=2, action="created")

    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert [c["object_id"] for c in feed.get(URL, {"since": since}).json()["results"]] == [2]


def test_a_consumer_that_fell_behind_the_kept_changes_is_told(feed, settings):
    old = record_change(kind="note", object_id=1, action="created")
    Change.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=400))
    kept = record_change(kind="note", object_id=2, action="created")
    changes_prune(now=timezone.now())

    behind = feed.get(URL, {"after": old.pk - 1}).json()
    in_step = feed.get(URL, {"after": old.pk}).json()

    assert behind["missed"] is True and behind["oldest_id"] == kept.pk
    assert in_step["missed"] is False


@pytest.mark.parametrize("params, field", [({"after": "x"}, "after"), ({"since": "igår"}, "since"),
                                           ({"page_size": 0}, "page_size")])
def test_bad_parameters_are_refused(feed, params, field):
    response = feed.get(URL, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_the_feed_costs_a_fixed_number_of_queries(feed, django_assert_num_queries):
    employee = EmployeeFactory()
    for _ in range(20):
        record_change(kind="employee", object_id=employee.pk, action="changed")
    feed.get("/api/v1/key/")

    # The key; the page; the oldest id; the last id pruned.
    with django_assert_num_queries(4):
        response = feed.get(URL, {"after": 0})

    assert len(response.json()["results"]) == 20


def test_asking_by_time_alone_is_told_when_older_changes_were_deleted(settings):
    """Found in review: `missed` was only ever true for `after`."""
    from lokalkontakt.core.changes import changes_prune, record_change

    record_change(kind="inquiry", object_id=1, action="created")
    changes_prune(now=timezone.now() + datetime.timedelta(days=settings.CHANGE_FEED_DAYS + 1))
    record_change(kind="inquiry", object_id=2, action="created")
    client = keyed_client(scopes=[Scope.CHANGES_READ])

    old = client.get("/api/v1/changes/", {"since": (timezone.now() - datetime.timedelta(
        days=settings.CHANGE_FEED_DAYS + 10)).isoformat()}).json()
    recent = client.get("/api/v1/changes/", {"since": timezone.now().isoformat()}).json()

    assert old["missed"] is True
    assert recent["missed"] is False
