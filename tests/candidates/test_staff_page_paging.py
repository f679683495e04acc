# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff page is bounded (issue 20): 50 staff a page, paged by plain ?side= links that keep the
filter; the first ten nominations with how many there are and "Vis alle" to a paged list; a row
names at most five areas and counts the rest. Whatever is cut stays reachable."""

import html
import re

import pytest
from django.contrib.auth.models import Group

from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.people.models import Employee
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.candidates.test_nomination_queries import world
from tests.inquiries.conftest import english_client
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def section(content: str, heading: str) -> str:
    return content.split(f'id="{heading}"')[1].split("</table>")[0]


def names(table: str, prefix: str) -> list[str]:
    return re.findall(rf">({prefix} \d{{4}})</a>", table)


def next_link(content: str) -> str | None:
    found = re.search(r'href="(\?[^"]*side=\d+)">Next<', content)
    return html.unescape(found.group(1)) if found else None


def walk(client, path: str, first: str, heading: str, prefix: str) -> tuple[list[str], int]:
    """Follows the Next links from the first page (`first`, a query string); the names on every
    page and the pages seen."""
    seen, pages, link = [], 0, first
    while link is not None:
        content = client.get(path + link).content.decode()
        table = section(content, heading)
        assert table.count("<tr><td>") <= 50
        seen += names(table, prefix)
        pages += 1
        link = next_link(content)
    return seen, pages


def test_paging_reaches_every_employee_and_keeps_the_filter(coordinator):
    world(120)
    teknik = Employee.objects.get(name="Lene Leder").core_area
    client = english_client(coordinator)

    seen, pages = walk(client, "/kandidater/", f"?core_area={teknik.pk}", "staff-table-heading",
                       "Medarbejder")

    assert pages == 3  # 121 staff of Teknik og Miljø, the leader among them: 50, 50 and 21
    assert seen == [f"Medarbejder {n:04d}" for n in range(120)]  # each once, in order
    content = client.get(f"/kandidater/?core_area={teknik.pk}&side=2").content.decode()
    assert f"?core_area={teknik.pk}&amp;side=3" in content
    assert f"?core_area={teknik.pk}&amp;side=1" in content
    assert "Anden" not in section(content, "staff-table-heading")


def test_the_first_ten_nominations_and_show_all_leads_to_every_one(coordinator):
    user, _area = world(60)  # 30 nominations, 22 of them open
    client = english_client(user)

    content = client.get("/kandidater/").content.decode()

    table = section(content, "nominations-heading")
    assert table.count("<tr><td>") == 10
    assert "The first 10 of 30 nominations, open ones first." in content
    assert '<a href="/kandidater/indstillinger/">Show all 30 nominations</a>' in content
    listed = client.get("/kandidater/indstillinger/").content.decode()
    assert section(listed, "nominations-heading").count("<tr><td>") == 30
    assert sorted(names(section(listed, "nominations-heading"), "Medarbejder")) == [
        f"Medarbejder {n:04d}" for n in range(0, 60, 2)]
    assert "Decide" not in listed and "Withdraw" in listed  # a leader withdraws, does not decide


def test_few_nominations_have_no_show_all_link(coordinator):
    user, _area = world(6)
    content = english_client(user).get("/kandidater/").content.decode()

    assert section(content, "nominations-heading").count("<tr><td>") == 3
    assert "Show all" not in content and "The first" not in content


def test_a_leader_s_nomination_list_has_only_their_core_areas(coordinator):
    user, _area = world(6)
    other = EmployeeFactory(name="Fremmed Kandidat")
    Nomination.objects.create(employee=other, core_area=other.core_area)

    leader_list = english_client(user).get("/kandidater/indstillinger/").content.decode()
    coordinator_list = english_client(coordinator).get("/kandidater/indstillinger/").content

    assert "Fremmed Kandidat" not in leader_list
    assert "Fremmed Kandidat" in coordinator_list.decode()


def test_a_row_names_five_areas_and_links_to_the_rest(coordinator):
    user, _area = world(5)
    lene = Employee.objects.get(name="Lene Leder")
    areas = [LocalAreaFactory(name=f"Sogn {n:02d}") for n in range(8)]
    for area in areas:
        AssignmentFactory(employee=lene, area=area)
    nomination = Nomination.objects.filter(employee__name="Medarbejder 0000").get()
    nomination.areas.set(areas)
    request = CandidateRequest.objects.first()
    request.areas.set(areas)

    content = html.unescape(english_client(user).get("/kandidater/").content.decode())

    staff_row = next(row for row in section(content, "staff-table-heading").split("<tr>")
                     if "Lene Leder" in row)
    assert re.findall(r"Sogn \d\d", staff_row) == [f"Sogn {n:02d}" for n in range(5)]
    assert f'<a href="{lene.get_absolute_url()}">8 areas in all</a>' in staff_row
    nomination_row = next(row for row in section(content, "nominations-heading").split("<tr>")
                          if "Medarbejder 0000" in row)
    assert re.findall(r"Sogn \d\d", nomination_row) == [f"Sogn {n:02d}" for n in range(5)]
    assert "8 areas in all" in nomination_row
    requests = content.split('id="requests-heading"')[1].split("</ul>")[0]
    assert "Sogn 04" in requests and "Sogn 05" not in requests and "8 areas in all" in requests


def test_the_employee_page_shows_every_area_the_staff_page_cut(coordinator):
    world(5)
    lene = Employee.objects.get(name="Lene Leder")
    for n in range(8):
        AssignmentFactory(employee=lene, area=LocalAreaFactory(name=f"Sogn {n:02d}"))

    content = english_client(coordinator).get(lene.get_absolute_url()).content.decode()

    assert all(f"Sogn {n:02d}" in content for n in range(8))
