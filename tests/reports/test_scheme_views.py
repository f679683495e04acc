# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scheme report's pages and files: who reads them, what the public summary leaves out, the
XLSX and PDF, and a fixed number of queries however much data."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.people.factories import CoreAreaFactory
from tests.reports.scheme_world import CITIZEN_NAME, SUBJECT, D, build_world, inquiry

pytestmark = pytest.mark.django_db
YEAR_2024 = {"kind": "year", "year": "2024"}


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_anonymous_visitors_are_sent_to_log_in_for_the_report():
    response = Client().get(reverse("reports:scheme"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_core_area_leader_reads_the_report(colleague):
    CoreAreaFactory().leaders.add(colleague.employee)
    response = english_client(colleague).get(reverse("reports:scheme"), YEAR_2024)
    assert response.status_code == 200
    assert "The scheme&#x27;s report" in text(response)


def test_a_colleague_who_leads_nothing_is_refused(colleague):
    assert english_client(colleague).get(reverse("reports:scheme")).status_code == 403


def test_the_coordinator_sees_the_figures_and_the_downloads(coordinator):
    build_world()
    response = english_client(coordinator).get(reverse("reports:scheme"), YEAR_2024)
    page = text(response)
    assert "Period: 2024</strong> (compared with 2023)" in page
    assert "?kind=year&amp;year=2024&amp;format=pdf" in page
    assert '<dt>Inquiries received</dt><dd>4 <span class="report-before">(before: 1)' in page
    assert '<th scope="row" data-title="Local area">Glud</th>' in page


def test_the_public_summary_shows_counts_but_no_subject_name_or_area_table():
    build_world()
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("reports:public"), YEAR_2024)
    page = text(response)
    assert response.status_code == 200
    assert "Inquiries received" in page
    assert SUBJECT not in page and "Påskeønske" not in page
    assert CITIZEN_NAME not in page
    assert "Inquiries by local area" not in page and "Time registered per core area" not in page
    assert "format=pdf" not in page


def test_the_directory_links_to_the_public_summary():
    response = Client().get(reverse("areas:directory"))
    assert f'href="{reverse("reports:public")}"' in response.content.decode()


def test_the_xlsx_has_a_sheet_per_table_naming_the_period(coordinator):
    build_world()
    response = english_client(coordinator).get(reverse("reports:scheme"),
                                               {**YEAR_2024, "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Inquiries by focus area" in workbook.sheetnames
    sheet = workbook["Inquiries by focus area"]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[1][:2]) == ["Period", "2024"]
    assert ["Without a focus area", 2, 1] in [list(row[:3]) for row in values]
    all_text = " ".join(str(c) for name in workbook.sheetnames
                        for row in workbook[name].iter_rows(values_only=True) for c in row)
    assert CITIZEN_NAME not in all_text and SUBJECT not in all_text


def test_the_pdf_holds_the_report_as_text(coordinator):
    build_world()
    response = english_client(coordinator).get(reverse("reports:scheme"),
                                               {**YEAR_2024, "format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "The scheme's report" in pdf
    assert "Inquiries by focus area" in pdf
    assert CITIZEN_NAME not in pdf


def grow(times: int) -> None:
    """`times` areas, each with a contact and two inquiries in 2024."""
    for number in range(times):
        area = LocalAreaFactory(name=f"Vækst {number}")
        AssignmentFactory(area=area, starts_on=D(2024, 2, 1))
        for received in (D(2024, 3, 26), D(2024, 12, 20)):
            inquiry(area=area, received_on=received, acknowledged=received,
                    answered=D(2024, 12, 30), tags=["Kultur"])


@pytest.mark.parametrize("times", [1, 100])
def test_the_report_costs_the_same_queries_however_much_data(times, coordinator,
                                                             django_assert_num_queries):
    grow(times)
    client = english_client(coordinator)
    client.get(reverse("reports:scheme"), YEAR_2024)  # sessions warm
    for cache in caches.all():
        cache.clear()
    with django_assert_num_queries(QUERIES):
        assert client.get(reverse("reports:scheme"), YEAR_2024).status_code == 200
    with django_assert_num_queries(KEPT_QUERIES):
        assert client.get(reverse("reports:scheme"), YEAR_2024).status_code == 200


QUERIES = 27  # the session and user, the menu's roles, the report's version (reports.scheme.kept)
# and 22 for the report (the hours of the period and of the period before are two sums of the
# monthly totals; the areas' counts by their version and, not kept yet, two queries; the days to
# answer in one grouped query whether or not any were answered; the focus areas and their counts)
KEPT_QUERIES = 5  # the session and user, the menu's roles and the report's version


def test_periods_anyone_chooses_on_the_public_summary_cannot_push_out_what_everyone_reads():
    """The public summary's charts and area counts are kept by what they are drawn from, the
    period among it: anyone can choose periods without end, so they are kept in the cache of
    choices (settings.CACHES["chosen"]), never in the default cache beside the directory."""
    LocalAreaFactory(name="Glud")
    before = dict(caches["default"]._cache)
    for day in range(1, 6):
        response = Client().get(reverse("reports:public"), {
            "kind": "custom", "start": f"2025-01-0{day}", "end": "2025-06-30"})
        assert response.status_code == 200 and "<svg" in response.content.decode()

    assert dict(caches["default"]._cache) == before
    assert len(caches["chosen"]._cache) >= 5
