# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff list: scopes, the status filter and the deadline markers."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import FocusArea
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import english_client
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("inquiries:list")


@pytest.fixture
def inquiries(setting):
    """Mine (Glud, handled by the contact); Stouby's (the contact is deputy there, someone else
    handles it); Bjerre's (nothing to do with the contact); a closed one of mine."""
    me = setting.contact.employee
    stouby = LocalAreaFactory(name="Stouby")
    other = EmployeeFactory(name="Ole Anden")
    AssignmentFactory(area=stouby, employee=other)
    AssignmentFactory(area=stouby, employee=me, deputy=True)
    bjerre = LocalAreaFactory(name="Bjerre")
    AssignmentFactory(area=bjerre, employee=EmployeeFactory(name="Bente Bjerre"))
    return {
        "mine": InquiryFactory(area=setting.area, assignee=me, subject="Min henvendelse"),
        "stouby": InquiryFactory(area=stouby, assignee=other, subject="Stoubys henvendelse"),
        "bjerre": InquiryFactory(area=bjerre, assignee=None, subject="Bjerres henvendelse"),
        "closed": InquiryFactory(area=setting.area, assignee=me, subject="Lukket henvendelse",
                                 status=Inquiry.Status.CLOSED),
    }


def subjects(response) -> set[str]:
    assert response.status_code == 200
    return set(re.findall(r"<td[^>]*>(\w+ henvendelse)</td>", response.content.decode()))


def test_mine_is_the_default_and_shows_only_the_open_inquiries_i_handle(setting, inquiries):
    client = english_client(setting.contact)
    assert subjects(client.get(LIST_URL)) == {"Min henvendelse"}
    assert subjects(client.get(LIST_URL, {"scope": "mine"})) == {"Min henvendelse"}


def test_my_areas_shows_the_inquiries_of_the_areas_i_cover(setting, inquiries):
    client = english_client(setting.contact)
    assert subjects(client.get(LIST_URL, {"scope": "areas"})) == {
        "Min henvendelse", "Stoubys henvendelse"}


def test_all_is_what_one_may_see(setting, inquiries):
    contact = english_client(setting.contact)
    assert subjects(contact.get(LIST_URL, {"scope": "all"})) == {
        "Min henvendelse", "Stoubys henvendelse"}
    coordinator = english_client(setting.coordinator)
    assert subjects(coordinator.get(LIST_URL, {"scope": "all"})) == {
        "Min henvendelse", "Stoubys henvendelse", "Bjerres henvendelse"}
    colleague = english_client(setting.colleague)
    assert subjects(colleague.get(LIST_URL, {"scope": "all", "status": "any"})) == set()


def test_status_filter(setting, inquiries):
    client = english_client(setting.contact)
    assert subjects(client.get(LIST_URL, {"status": "closed"})) == {"Lukket henvendelse"}
    assert subjects(client.get(LIST_URL, {"status": "any"})) == {
        "Min henvendelse", "Lukket henvendelse"}
    inquiries["mine"].status = Inquiry.Status.ANSWERED
    inquiries["mine"].save()
    assert subjects(client.get(LIST_URL, {"status": "answered"})) == {"Min henvendelse"}
    assert subjects(client.get(LIST_URL, {"status": "received"})) == set()


def test_an_unknown_filter_value_falls_back_to_the_default(setting, inquiries):
    client = english_client(setting.contact)
    assert subjects(client.get(LIST_URL, {"scope": "everything", "status": "x"})) == {
        "Min henvendelse"}


def _row(html: str, subject: str) -> str:
    return re.search(rf"<tr>(?:(?!</tr>).)*{subject}(?:(?!</tr>).)*</tr>", html, re.S).group(0)


def test_overdue_inquiries_are_marked(setting):
    me = setting.contact.employee
    today = timezone.localdate()
    InquiryFactory(area=setting.area, assignee=me, subject="Forsinket henvendelse",
                   acknowledge_due=today - datetime.timedelta(days=1))
    InquiryFactory(area=setting.area, assignee=me, subject="Rettidig henvendelse",
                   acknowledge_due=today + datetime.timedelta(days=1))
    InquiryFactory(area=setting.area, assignee=me, subject="Besvaret henvendelse",
                   acknowledge_due=today - datetime.timedelta(days=5),
                   answer_due=today - datetime.timedelta(days=1), status=Inquiry.Status.ANSWERED)

    html = english_client(setting.contact).get(LIST_URL).content.decode()

    assert "Overdue" in _row(html, "Forsinket henvendelse")
    assert "Overdue" not in _row(html, "Rettidig henvendelse")
    assert "Overdue" not in _row(html, "Besvaret henvendelse")
    assert html.count(">Overdue<") == 1


def test_an_acknowledged_inquiry_is_overdue_by_its_answer_date(setting):
    today = timezone.localdate()
    InquiryFactory(area=setting.area, assignee=setting.contact.employee, subject="Sen henvendelse",
                   status=Inquiry.Status.ACKNOWLEDGED, acknowledge_due=today,
                   answer_due=today - datetime.timedelta(days=1))

    client = english_client(setting.contact)
    html = client.get(LIST_URL).content.decode()
    assert "Overdue" in _row(html, "Sen henvendelse")

    # The same in Danish, by the language cookie.
    client.cookies["django_language"] = "da"
    danish = client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert '<html lang="da">' in danish
    assert "badge-error" in _row(danish, "Sen henvendelse")


# --- explaining the scopes ---------------------------------------------------------------------

SCOPES_EXPLAINED = ("Mine: the inquiries you handle or that were forwarded to you or your core "
                    "area. My areas' inquiries: every inquiry about the areas you cover, also as "
                    "deputy.")


def test_the_page_explains_mine_and_my_areas(setting, inquiries):
    html = english_client(setting.contact).get(LIST_URL).content.decode()

    assert f'<p class="form-hint" id="scope-explained">{SCOPES_EXPLAINED}</p>' in html
    [select] = re.findall(r'<select[^>]*name="scope"[^>]*>', html)
    assert 'aria-describedby="scope-explained"' in select


@pytest.fixture
def deputy(setting):
    """The colleague, deputy contact of Bøgballe, whose one open inquiry someone else handles."""
    area = LocalAreaFactory(name="Bøgballe")
    primary = AssignmentFactory(area=area).employee
    AssignmentFactory(area=area, employee=setting.colleague.employee, deputy=True)
    InquiryFactory(area=area, assignee=primary, subject="Bøgballes henvendelse")
    return setting.colleague


def test_a_deputy_with_nothing_of_their_own_is_pointed_to_their_areas(deputy):
    html = english_client(deputy).get(LIST_URL).content.decode()

    assert subjects_in(html) == set()
    assert "No inquiries of your own match, but 1 inquiry in your areas does." in html
    assert '<a href="?scope=areas">Show my areas\' inquiries</a>' in html


def test_the_pointer_keeps_the_other_filters(deputy):
    html = english_client(deputy).get(LIST_URL, {"status": "any", "sort": "newest"}
                                      ).content.decode()

    assert '<a href="?status=any&amp;sort=newest&amp;scope=areas">' in html
    # A filter that finds nothing in the areas either gives no pointer.
    html = english_client(deputy).get(LIST_URL, {"status": "closed"}).content.decode()
    assert "No inquiries of your own match" not in html


@pytest.mark.parametrize("scope", [None, "areas", "all"])
def test_no_pointer_when_mine_is_not_empty_or_not_shown(scope, setting, inquiries):
    html = english_client(setting.contact).get(
        LIST_URL, {"scope": scope} if scope else {}).content.decode()

    assert "No inquiries of your own match" not in html


def test_the_filters_do_not_call_themselves_optional(setting, inquiries):
    html = english_client(setting.contact).get(LIST_URL).content.decode()

    assert "(optional)" not in html
    assert '<option value="open">Open</option>' in html


def test_the_table_scrolls_on_its_own_on_narrow_screens(setting, inquiries):
    html = english_client(setting.contact).get(LIST_URL).content.decode()

    assert '<h1 id="inquiries-heading">Inquiries</h1>' in html
    assert re.search(r'<div class="table-scroll" tabindex="0" role="region" '
                     r'aria-labelledby="inquiries-heading">\s*<table', html)


def subjects_in(html: str) -> set[str]:
    return set(re.findall(r"<td[^>]*>(\w+ henvendelse)</td>", html))


# --- filters and sorting ----------------------------------------------------------------------


def ordered_subjects(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r"<td[^>]*>(\w+ henvendelse)</td>", response.content.decode())


def test_filter_by_area(setting, inquiries):
    client = english_client(setting.coordinator)
    stouby = inquiries["stouby"].area
    assert subjects(client.get(LIST_URL, {"scope": "all", "area": stouby.pk})) == {
        "Stoubys henvendelse"}


def test_filter_by_focus_area(setting, inquiries):
    focus = FocusArea.objects.get(number=3)
    inquiries["bjerre"].focus_areas.add(focus)
    client = english_client(setting.coordinator)
    assert subjects(client.get(LIST_URL, {"scope": "all", "focus_area": focus.pk})) == {
        "Bjerres henvendelse"}


def test_filter_by_handler(setting, inquiries):
    client = english_client(setting.coordinator)
    me = setting.contact.employee
    assert subjects(client.get(LIST_URL, {"scope": "all", "status": "any",
                                          "assignee": me.pk})) == {
        "Min henvendelse", "Lukket henvendelse"}


def test_filters_combine_with_the_scope(setting, inquiries):
    """A filter narrows what one may see; it never widens it."""
    bjerre = inquiries["bjerre"].area
    client = english_client(setting.contact)
    assert subjects(client.get(LIST_URL, {"scope": "all", "area": bjerre.pk})) == set()


@pytest.mark.parametrize(("sort", "expected"), [
    ("due", ["Stoubys henvendelse", "Bjerres henvendelse", "Min henvendelse"]),
    ("newest", ["Stoubys henvendelse", "Min henvendelse", "Bjerres henvendelse"]),
    ("oldest", ["Bjerres henvendelse", "Min henvendelse", "Stoubys henvendelse"]),
    ("area", ["Bjerres henvendelse", "Min henvendelse", "Stoubys henvendelse"]),
    ("subject", ["Bjerres henvendelse", "Min henvendelse", "Stoubys henvendelse"]),
])
def test_sorting(sort, expected, setting, inquiries):
    today = timezone.localdate()
    received = timezone.now()
    for key, days_due, hours_ago in [("bjerre", 5, 3), ("mine", 9, 2), ("stouby", 1, 1)]:
        Inquiry.objects.filter(pk=inquiries[key].pk).update(
            answer_due=today + datetime.timedelta(days=days_due),
            created_at=received - datetime.timedelta(hours=hours_ago))
    client = english_client(setting.coordinator)

    assert ordered_subjects(client.get(LIST_URL, {"scope": "all", "sort": sort})) == expected


def test_an_unknown_sort_falls_back_to_the_deadline(setting, inquiries):
    client = english_client(setting.coordinator)
    by_due = ordered_subjects(client.get(LIST_URL, {"scope": "all", "sort": "due"}))
    assert ordered_subjects(client.get(LIST_URL, {"scope": "all", "sort": "pk; DROP"})) == by_due


def test_the_filter_form_works_without_javascript(setting, inquiries):
    html = english_client(setting.coordinator).get(LIST_URL).content.decode()
    assert re.search(r'<form method="get"[^>]*>', html)
    for name in ["scope", "status", "area", "focus_area", "assignee", "sort"]:
        assert f'name="{name}"' in html


def test_area_and_handler_choices_are_in_danish_order(setting):
    for name in ["Åstrup", "Ørum", "Ærø", "Bjerre"]:
        LocalAreaFactory(name=name)
    for name in ["Åse Ås", "Øjvind Ø", "Ægir Æ", "Anne And"]:
        EmployeeFactory(name=name)

    html = english_client(setting.coordinator).get(LIST_URL).content.decode()

    areas = re.findall(r">(Åstrup|Ørum|Ærø|Bjerre)</option>", html)
    assert areas == ["Bjerre", "Ærø", "Ørum", "Åstrup"]
    people = re.findall(r">(Åse Ås|Øjvind Ø|Ægir Æ|Anne And)(?: \([^)<]*\))?</option>", html)
    assert people == ["Anne And", "Ægir Æ", "Øjvind Ø", "Åse Ås"]


def test_pagination_keeps_the_filters(setting):
    for n in range(51):
        InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                       subject=f"Nummer {n}")
    client = english_client(setting.coordinator)

    html = client.get(LIST_URL, {"scope": "all", "area": setting.area.pk, "sort": "newest"}
                      ).content.decode()

    assert f'href="?scope=all&amp;area={setting.area.pk}&amp;sort=newest&amp;side=2"' in html
