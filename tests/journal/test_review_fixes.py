# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Found in review: a consultation's package names the council members who answered, so its
download is in the access log; a consultation's day received is the local day."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.api.scopes import Scope
from lokalkontakt.consultations.models import Consultation
from lokalkontakt.consultations.services import consultation_create, task_respond
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.journal.selectors import case_rows, cases_for_rows
from tests.api.factories import keyed_client
from tests.areas.factories import CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.journal.conftest import unzip

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(coordinator):
    area = LocalAreaFactory(name="Glud")
    member = CouncilMemberFactory(council=CouncilFactory(area=area), name="Gitte Rådsmedlem")
    consultation = consultation_create(
        title="Ny skolestruktur", description="?", areas=[area],
        deadline=timezone.localdate() + datetime.timedelta(days=14), actor=coordinator)
    task_respond(task=consultation.tasks.get(), actor=member.user, response="Vi støtter.",
                 heard="Lokalrådet")
    return consultation, member


def test_downloading_a_consultations_package_logs_the_council_members_in_it(
        media, coordinator_client, answered):
    consultation, member = answered

    response = coordinator_client.get(reverse("journal:consultation_package",
                                              kwargs={"pk": consultation.pk}))

    metadata = json.loads(unzip(response.streaming_content)[f"{consultation.reference}/metadata.json"])
    assert [answer["responded_by"] for answer in metadata["answers"]] == ["Gitte Rådsmedlem"]
    assert list(AccessLogEntry.objects.values_list("object_type", "object_id", "how")) == [
        ("councils.councilmember", member.pk, "download")]


def test_fetching_a_consultations_package_through_the_api_logs_them_too(media, answered):
    consultation, member = answered

    response = keyed_client(scopes=[Scope.JOURNAL]).get(
        f"/api/v1/journal/consultation/{consultation.pk}/package/")

    assert response.status_code == 200
    assert list(AccessLogEntry.objects.values_list("object_type", "object_id", "how")) == [
        ("councils.councilmember", member.pk, "api")]


def test_a_consultations_day_is_the_local_day(coordinator):
    consultation = consultation_create(
        title="Sen aften", description="?", areas=[LocalAreaFactory()],
        deadline=timezone.localdate() + datetime.timedelta(days=14), actor=coordinator)
    # 00:30 in Copenhagen on 2 March is 23:30 UTC on 1 March.
    Consultation.objects.filter(pk=consultation.pk).update(created_at=datetime.datetime(
        2026, 3, 2, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))))

    cases = cases_for_rows(case_rows(since=datetime.date(2026, 3, 2), until=datetime.date(2026, 3, 2),
                                     kind="consultation"))

    assert [case.received for case in cases] == [datetime.date(2026, 3, 2)]
