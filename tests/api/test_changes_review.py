# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the API shows as changed is what the feed and `updated_since` announce: a citizen's
follow-up, new focus areas, an area's answer to a consultation. (Found in review.)"""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.api.scopes import Scope
from lokalkontakt.consultations.services import consultation_create, task_respond
from lokalkontakt.core.models import FocusArea
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.handling import inquiry_tag
from lokalkontakt.inquiries.services.replies import inquiry_follow_up
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.api.factories import keyed_client
from tests.areas.factories import AssignmentFactory, LocalAreaFactory

pytestmark = pytest.mark.django_db


def test_a_follow_up_and_new_focus_areas_reach_the_feed_and_updated_since(coordinator, settings,
                                                                          tmp_path):
    settings.MEDIA_ROOT = tmp_path
    inquiry, _token = inquiry_submit(area=None, submitter_kind="citizen", subject="S", text="T",
                                     submitter_name="Bo", submitter_email="bo@example.dk",
                                     client="x")
    api = keyed_client(scopes=list(Scope.values))
    last = api.get("/api/v1/changes/").json()["last_id"]
    mark = timezone.now()

    inquiry_follow_up(inquiry=inquiry, text="Her er et billede mere")
    inquiry_tag(inquiry=Inquiry.objects.get(pk=inquiry.pk),
                focus_areas=FocusArea.objects.all()[:1], actor=coordinator)

    feed = api.get("/api/v1/changes/", {"after": last}).json()["results"]
    assert [(change["object_id"], change["action"]) for change in feed] == [
        (inquiry.pk, "followed_up"), (inquiry.pk, "tagged")]
    found = api.get("/api/v1/inquiries/", {"updated_since": mark.isoformat()}).json()["results"]
    assert [item["id"] for item in found] == [inquiry.pk]


def test_an_areas_answer_reaches_updated_since(coordinator, contact_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    area = LocalAreaFactory()
    AssignmentFactory(area=area, employee=contact_user.employee)
    consultation = consultation_create(title="T", description="D", areas=[area],
                                       deadline=timezone.localdate() + datetime.timedelta(days=3),
                                       actor=coordinator)
    mark = timezone.now()

    task_respond(task=consultation.tasks.get(), actor=contact_user, response="Ja tak")

    api = keyed_client(scopes=list(Scope.values))
    found = api.get("/api/v1/consultations/", {"updated_since": mark.isoformat()}).json()["results"]
    assert [item["id"] for item in found] == [consultation.pk]
