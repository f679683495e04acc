# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The header's main menu for each role (core/navigation.py, drawn by includes/main_menu.html):
the items a person sees, the coordinator's pages in one group, the current page marked."""

import html as markup
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.areas.factories import AssignmentFactory
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import CoreAreaFactory

pytestmark = pytest.mark.django_db

STAFF = ["Local areas", "My overview", "Inquiries", "Consultations", "Meetings", "Time", "Projects",
         "Knowledge", "Employees", "Search"]
COORDINATION = ["Coverage", "Rollout", "Handovers", "Candidates", "Reports", "Journalisation",
                "Import", "Undelivered e-mails", "API keys", "Access log", "A person's data"]


def menu_of(client: Client, path: str = "/omraader/") -> tuple[list[str], list[str], str]:
    """(the top-level items, the items of the Coordination group, the current page's item)."""
    client.cookies["django_language"] = "en"
    html = markup.unescape(client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    menu = html.split('id="main-menu"')[1].split("</nav>")[0]
    group = menu.split("<details")[1].split("</details>")[0] if "<details" in menu else ""
    top = menu.replace(group, "")
    labels = r'class="nav-link"[^>]*><span>([^<]+)</span>'
    current = re.findall(r'aria-current="page"><span>([^<]+)</span>', menu)
    return (re.findall(labels, top) + (["Coordination"] if group else []),
            re.findall(labels, group)[1:] if group else [],  # the first is the summary
            current[0] if current else "")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_visitor_finds_the_local_areas_and_the_search():
    assert menu_of(Client()) == (["Local areas", "Search"], [], "Local areas")


def test_a_council_member_finds_their_council():
    member = CouncilMemberFactory()

    assert menu_of(signed_in(member.user))[0] == ["Local areas", "Our council", "Search"]


def test_a_contact_finds_their_areas_and_their_work_and_no_coordination(contact_user):
    AssignmentFactory(employee=contact_user.employee)
    contact = ["My areas" if item == "My overview" else item for item in STAFF]

    assert menu_of(signed_in(contact_user)) == (contact, [], "Local areas")


def test_a_colleague_finds_their_overview_and_their_work_and_no_coordination(colleague):
    assert menu_of(signed_in(colleague)) == (STAFF, [], "Local areas")


def test_the_coordinators_pages_are_one_group_that_marks_the_current_page(coordinator):
    top, group, current = menu_of(signed_in(coordinator), reverse("coordination:import"))

    assert top == [*STAFF, "Coordination"]
    assert group == COORDINATION
    assert current == "Import"


def test_a_core_area_leader_finds_the_candidates_and_the_reports(colleague):
    CoreAreaFactory().leaders.add(colleague.employee)

    assert menu_of(signed_in(colleague))[1] == ["Candidates", "Reports"]


def test_the_group_is_a_disclosure_that_shows_it_holds_the_current_page(coordinator):
    html = signed_in(coordinator).get(reverse("coordination:overview")).content.decode()

    assert '<li class="menu-group is-current">' in html
    assert re.search(r'<details class="js-submenu">\s*<summary class="nav-link">', html)
