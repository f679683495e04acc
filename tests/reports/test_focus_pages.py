# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The focus-area report pages and their PDF and XLSX: who may open them, the links staff
follow, no citizen's personal data anywhere, and a fixed number of queries as the data grows."""

import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.people.factories import EmployeeFactory, UserFactory
from tests.reports.focus_world import (
    SECRET_EMAIL,
    SECRET_NAME,
    SECRET_PHONE,
    build_world,
    inquiry,
    note,
)

pytestmark = pytest.mark.django_db
LIST = reverse("reports:focus_list")
YEAR = {"kind": "year", "year": 2025}
SECRETS = [SECRET_NAME, SECRET_EMAIL, SECRET_PHONE, "Hemmeligsen"]


def report_url(slug="smidige-processer"):
    return reverse("reports:focus", args=[slug])


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def leader_client():
    employee = EmployeeFactory(user=UserFactory(username="leder"))
    employee.core_area.leaders.add(employee)
    client = Client()
    client.force_login(employee.user)
    return client


@pytest.mark.parametrize("url", [LIST, report_url()])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("url", [LIST, report_url()])
def test_a_colleague_is_refused(colleague_client, url):
    assert colleague_client.get(url).status_code == 403


@pytest.mark.parametrize("url", [LIST, report_url()])
def test_a_leader_of_a_core_area_may_read_them(leader_client, url):
    assert leader_client.get(url).status_code == 200


def test_an_unknown_focus_area_answers_404(coordinator_client):
    assert coordinator_client.get(report_url("ingen-saadan")).status_code == 404


def test_the_list_links_each_focus_area_to_its_report(coordinator_client, world):
    html = coordinator_client.get(LIST, YEAR).content.decode()
    assert f'href="{report_url()}"' in html
    assert f'href="{report_url("baeredygtig-vaekst")}"' in html


def test_the_report_links_each_item_for_staff(coordinator_client, world):
    html = coordinator_client.get(report_url(), YEAR).content.decode()
    for url in [world.slow_case.get_absolute_url(), world.consultation.get_absolute_url(),
                world.answer.get_absolute_url(), world.staff_note.get_absolute_url(),
                world.project.get_absolute_url(),
                reverse("areas:detail", args=[world.bjerre.slug])]:
        assert f'href="{url}"' in html, url


def test_the_report_links_the_full_lists_filtered_by_the_focus_area(coordinator_client, world):
    html = coordinator_client.get(report_url(), YEAR).content.decode()
    assert f"focus_area={world.focus.pk}" in html


def test_an_invalid_period_keeps_the_page_and_says_what_is_wrong(coordinator_client, world):
    response = coordinator_client.get(report_url(), {"kind": "custom", "start": "2025-05-01"})
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.parametrize("url", [LIST, report_url()])
def test_no_citizen_data_on_the_page(coordinator_client, world, url):
    html = coordinator_client.get(url, YEAR).content.decode()
    assert "Fortov ved skolen" in html or url == LIST
    assert not [secret for secret in SECRETS if secret in html]


def test_no_citizen_data_in_the_pdf(coordinator_client, world):
    response = coordinator_client.get(report_url(), {**YEAR, "format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Fortov ved skolen" in text
    assert not [secret for secret in SECRETS if secret in text]


@pytest.mark.parametrize("url", [LIST, report_url()])
def test_no_citizen_data_in_the_spreadsheet(coordinator_client, world, url):
    response = coordinator_client.get(url, {**YEAR, "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    values = [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True)
              for cell in row if cell is not None]
    assert "2025" in values
    assert not [secret for secret in SECRETS if any(secret in value for value in values)]


def test_the_spreadsheet_holds_the_figures_per_area(coordinator_client, world):
    response = coordinator_client.get(report_url(), {**YEAR, "format": "xlsx"})
    rows = [row for sheet in load_workbook(io.BytesIO(response.content))
            for row in sheet.iter_rows(values_only=True)]
    assert ("Bjerre", 1, 1, 1, 0, 1, 0, 1, 0) in rows


def _more_data(world, n):
    for i in range(n):
        area = world.snede if i % 2 else world.aale
        inquiry(area, world.slow_case.received_on, world.focus, world.culture)
        note(area, f"Note {i}", "staff", world.staff_note.created_at, world.focus,
             author=world.staff_note.author)


@pytest.mark.parametrize("url", [LIST, report_url()])
def test_the_pages_cost_the_same_queries_as_the_data_grows(coordinator_client, world, url,
                                                           django_assert_num_queries):
    with CaptureQueriesContext(connection) as small:
        assert coordinator_client.get(url, YEAR).status_code == 200
    _more_data(world, 30)
    with django_assert_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(url, YEAR).status_code == 200
