# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff and nomination tables' cells as a person reads them (issue 20: they are worked out
once a table in candidates/tables.py rather than by the template once a row)."""

import datetime
import html

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from lokalkontakt.candidates.models import Nomination
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people.models import Employee
from tests.candidates.test_nomination_queries import world
from tests.inquiries.conftest import english_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def row_of(content: str, heading: str, name: str) -> str:
    table = content.split(f'id="{heading}"')[1].split("</table>")[0]
    return next(row for row in table.split("<tr>") if f">{name}</a>" in row)


def test_a_staff_row_reads_areas_roles_time_band_and_nomination(coordinator):
    world(5)
    content = english_client(coordinator).get("/kandidater/").content.decode()
    second, third = (Employee.objects.get(name=f"Medarbejder {n:04d}") for n in (1, 2))

    row = html.unescape(row_of(content, "staff-table-heading", "Medarbejder 0001"))

    assert ('<a href="/omraader/omraade-0003/">Område 0003</a> (contact, since 02/01/2025)'
            '<br><a href="/omraader/omraade-0004/">Område 0004</a> (deputy, since 02/01/2025)'
            in row)
    assert f'<a href="{second.get_absolute_url()}">Medarbejder 0001</a>' in row
    assert "<td>30 min</td>" in row
    assert '<span class="badge badge-warning">Below the band</span>' in row
    assert (f'<a href="/kandidater/indstil/?medarbejder={second.pk}">Nominate '
            '<span class="sr-only">Medarbejder 0001</span></a>') in row
    nominated = row_of(content, "staff-table-heading", "Medarbejder 0002")  # an open nomination
    assert '<span class="badge badge-info">Nominated</span>' in nominated
    assert f"medarbejder={third.pk}" not in nominated
    declined = row_of(content, "staff-table-heading", "Medarbejder 0000")  # not chosen: again
    assert "Nominate <span" in declined and "badge-info" not in declined


def test_a_nomination_row_reads_who_when_status_and_decision(coordinator):
    user, _area = world(5)
    declined = Nomination.objects.get(employee__name="Medarbejder 0000")
    declined.decided_at = timezone.make_aware(datetime.datetime(2026, 3, 4, 23, 30))
    declined.decision_note = "Stouby er dækket & mere"
    declined.save()
    open_one = Nomination.objects.get(employee__name="Medarbejder 0002")

    content = english_client(coordinator).get("/kandidater/indstillinger/").content.decode()

    row = row_of(content, "nominations-heading", "Medarbejder 0000")
    assert '<span class="badge">Not chosen</span> 04/03/2026' in row
    assert "<br><span class=\"muted\">Stouby er dækket &amp; mere</span>" in row
    assert "Lene Leder" in row  # nominated by the leader's user, named by their employee
    assert '<a href="/omraader/omraade-0000/">Område 0000</a>, ' in row
    assert "Decide" not in row
    row = row_of(content, "nominations-heading", "Medarbejder 0002")
    assert '<span class="badge badge-info">Proposed</span>' in row
    assert (f'href="/kandidater/indstillinger/{open_one.pk}/beslut/">Decide '
            '<span class="sr-only">on Medarbejder 0002</span></a>') in row
