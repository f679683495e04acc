# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The council member's home page: their area, its contact and deputy, the council's details;
access ends with the membership, and staff pages stay closed to council members."""

import pytest
from django.urls import reverse

from lokalkontakt.councils.services import council_member_deactivate
from tests.areas.factories import AssignmentFactory
from tests.areas.pages import page_text
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.councils.conftest import english_client
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

HOME_URL = "/lokalraad/"
# session, user; membership, council, area (the council role check); the area with council and
# its active assignments with employees (2); the menu's role checks: employee, coordinator group,
# user and group permissions (4); the latest inquiries, the consultation tasks (2). The 'Our
# council' link and the two selectors reuse the membership the role check loaded.
HOME_QUERIES = 13


def test_home_shows_the_area_its_contact_deputy_and_council(council_setting):
    contact = council_setting.contact.employee
    response = english_client(council_setting.member.user).get(HOME_URL)

    assert response.status_code == 200
    page = page_text(response)
    assert "You are logged in as Rikke Rådsmedlem, member of Glud Lokalråd." in page
    assert f"Your local contact {contact.name} {contact.title}" in page
    assert contact.email in page and contact.phone in page
    assert "Deputy Dorte Deputy" in page
    assert "Glud Lokalråd" in page and "Formand Fiktiv" in page
    assert "Juelsminde" not in page
    assert 'aria-current="page"><span>Our council</span>' in response.content.decode()


def test_home_without_a_contact_says_so(council_setting):
    council_setting.area.assignments.update(ends_on="2025-01-01")
    page = page_text(english_client(council_setting.member.user).get(HOME_URL))
    assert "The area has no local contact at the moment." in page


def test_front_page_sends_council_members_home_and_staff_to_their_areas(council_setting):
    member_home = english_client(council_setting.member.user).get("/")
    assert (member_home.status_code, member_home["Location"]) == (302, HOME_URL)
    staff_home = english_client(council_setting.contact).get("/")
    assert (staff_home.status_code, staff_home["Location"]) == (302, reverse("mine"))
    assert english_client().get("/").status_code == 200  # visitors get the directory


def test_anonymous_visitors_are_sent_to_the_council_login():
    response = english_client().get(HOME_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('council:login')}?next={HOME_URL}"


def test_staff_are_refused_the_council_home(council_setting, coordinator):
    assert english_client(coordinator).get(HOME_URL).status_code == 403
    assert english_client(council_setting.contact).get(HOME_URL).status_code == 403


def test_deactivation_ends_access_in_a_running_session(council_setting, coordinator):
    client = english_client(council_setting.member.user)
    assert client.get(HOME_URL).status_code == 200

    council_member_deactivate(member=council_setting.member, actor=coordinator)

    assert client.get(HOME_URL).status_code == 403
    front = client.get("/")
    assert front.status_code == 200  # the public directory, no longer the council's page
    assert "Our council" not in page_text(front)


@pytest.mark.parametrize("url_name, kwargs", [
    ("mine", {}),
    ("coordination:overview", {}),
    ("people:employee_list", {}),
    ("inquiries:list", {}),
    ("council:members", {"slug": "glud"}),
    ("council:members", {"slug": "juelsminde"}),
])
def test_council_members_are_refused_staff_pages(council_setting, url_name, kwargs):
    response = english_client(council_setting.member.user).get(reverse(url_name, kwargs=kwargs))
    assert response.status_code == 403


def test_area_pages_show_council_members_no_internal_details(council_setting):
    client = english_client(council_setting.member.user)
    for area in (council_setting.area, council_setting.other_area):
        response = client.get(area.get_absolute_url())
        assert response.status_code == 200
        assert "History" not in page_text(response)
        assert reverse("council:members", kwargs={"slug": area.slug}) not in (
            response.content.decode())


def test_home_lists_the_areas_latest_inquiries_and_consultation_tasks(council_setting):
    area = council_setting.area
    for n in range(12):
        InquiryFactory(area=area, shared_with_council=True, subject=f"Glud-sag {n:02d}")
    InquiryFactory(area=council_setting.other_area, shared_with_council=True, subject="Juelsminde-sag")
    waiting = ConsultationTaskFactory(area=area, consultation=ConsultationFactory(
        title="Ny skolestruktur"))
    ConsultationTaskFactory(area=area, responded=True, consultation=ConsultationFactory(
        title="Stiplan", closed=True))
    ConsultationTaskFactory(area=council_setting.other_area, consultation=ConsultationFactory(
        title="Havneplan"))

    response = english_client(council_setting.member.user).get(HOME_URL)

    page = page_text(response)
    html = response.content.decode()
    shown = [f"Glud-sag {n:02d}" for n in range(12) if f"Glud-sag {n:02d}" in page]
    assert shown == [f"Glud-sag {n:02d}" for n in range(2, 12)]  # the latest 10
    assert "The latest 10 are shown." in page
    assert reverse("inquiries:council_list") in html
    assert "Juelsminde-sag" not in page and "Havneplan" not in page
    assert waiting.get_absolute_url() in html
    assert page.index("Ny skolestruktur") < page.index("Stiplan")  # open consultations first
    assert "Stiplan" in page and "(closed)" in page


def test_home_without_inquiries_or_consultations_says_so(council_setting):
    page = page_text(english_client(council_setting.member.user).get(HOME_URL))
    assert "No inquiries about the area yet." in page
    assert "The municipality has not asked the area about anything yet." in page


@pytest.mark.parametrize("extra", [0, 30])
def test_home_query_count_is_pinned(council_setting, django_assert_num_queries, extra):
    for n in range(extra):
        CouncilMemberFactory(council=council_setting.council)
        AssignmentFactory(area=council_setting.other_area, employee=EmployeeFactory(),
                          ended=True)
        InquiryFactory(area=council_setting.area, shared_with_council=True)
        ConsultationTaskFactory(area=council_setting.area)
    client = english_client(council_setting.member.user)

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get(HOME_URL)

    assert response.status_code == 200
