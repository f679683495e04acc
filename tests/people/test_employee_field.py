# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The employee field (people.fields.EmployeeField): a select among few employees, a typed name
among many, resolved on the server without JavaScript; the suggestions endpoint; the inquiry
list's "Handled by" filter and the forwarding form that use it."""

import re

import factory
import pytest
from django.urls import reverse

from lokalkontakt.inquiries.models import InquiryEvent
from tests.areas.conftest import english_client
from tests.inquiries.conftest import detail_url, setting  # noqa: F401 - a fixture
from tests.inquiries.factories import InquiryFactory
from tests.inquiries.test_handling import act, handler, submitted  # noqa: F401 - fixtures
from tests.people.factories import CoreAreaFactory, EmployeeFactory
from tests.typed_fields import field_html, options, page

pytestmark = pytest.mark.django_db
LIST = "/henvendelser/"
SUGGESTIONS = reverse("people:suggestions")
SEVERAL = "Several employees match “{}”. Choose the one you mean below, or type more of the name."
UNKNOWN = "No employee matches “{}”. Check the spelling, or type the beginning of the name."


@pytest.fixture
def coordinator_client(coordinator):
    return english_client(coordinator)


@pytest.fixture
def many(settings):
    """More active employees than a list shows (the limit lowered to 3); two are called Anne."""
    settings.EMPLOYEE_SELECT_MAX = 3
    social = CoreAreaFactory(name="Social og Sundhed")
    return {name: EmployeeFactory(name=name, core_area=social) for name in [
        "Anne Hansen", "Anne Holm", "Bo Åberg", "Søren Østergaard", "Peter Mark"]}


def handler_field(html: str) -> str:
    return field_html(html, "assignee")


def test_the_inquiry_list_stays_bounded_and_costs_the_same_at_5_and_150_employees(
        coordinator_client):
    """Up to EMPLOYEE_SELECT_MAX (100) active employees the select as before; above it a text
    input: the page draws no option per employee, and the query count is the same."""
    EmployeeFactory.create_batch(4)  # and the coordinator: 5
    few, few_queries = page(coordinator_client, LIST, {"scope": "all"})
    assert '<select name="assignee"' in few and options(handler_field(few)) == 6  # "Anyone" and 5
    EmployeeFactory.create_batch(145)
    EmployeeFactory.create_batch(20, is_active=False)
    many, many_queries = page(coordinator_client, LIST, {"scope": "all"})
    assert '<select name="assignee"' not in many
    assert 'type="text" name="assignee"' in many and options(handler_field(many)) == 0
    assert f'hx-get="{SUGGESTIONS}?felt=assignee"' in handler_field(many)
    assert options(many) <= options(few) - 5
    assert many_queries == few_queries


def test_a_unique_beginning_filters_the_list_without_javascript(coordinator_client, many):
    InquiryFactory(assignee=many["Anne Holm"], subject="Sti til skolen")
    InquiryFactory(assignee=many["Anne Hansen"], subject="Ny legeplads")

    html, _queries = page(coordinator_client, LIST, {"scope": "all", "status": "any",
                                                     "assignee": "anne ho"})
    assert "Sti til skolen" in html and "Ny legeplads" not in html
    assert 'value="Anne Holm"' in handler_field(html)  # the chosen employee shows the name


def test_a_surname_alone_finds_the_employee_with_danish_letters_either_way(coordinator_client, many):
    for typed in ["Åberg", "aaberg", "ÅBE", "østerg", "Oestergaard"]:
        html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": typed})
        field = handler_field(html)
        if typed == "Oestergaard":  # "oe" is not "ø" in Danish order: not found, and said so
            assert UNKNOWN.format(typed) in field
        else:
            assert "form-error" not in field, typed
            assert 'value="Bo Åberg"' in field or 'value="Søren Østergaard"' in field


def test_letters_inside_a_name_find_it_but_never_half_a_letter(coordinator_client, many):
    """The keys write two digits a letter: "rk" is in "Peter Mark", while "u" (31), whose digits
    straddle "ma" (23 11) there, finds nobody."""
    html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": "rk"})
    assert 'value="Peter Mark"' in handler_field(html)
    html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": "u"})
    assert UNKNOWN.format("u") in handler_field(html)


def test_a_link_with_the_employees_pk_shows_the_name(coordinator_client, many):
    html, _queries = page(coordinator_client, LIST, {"scope": "all",
                                                     "assignee": many["Bo Åberg"].pk})
    assert 'value="Bo Åberg"' in handler_field(html)


def test_an_ambiguous_name_offers_the_matches_and_filters_nothing(coordinator_client, many):
    InquiryFactory(assignee=many["Bo Åberg"], subject="Bænke ved havnen")

    html, _queries = page(coordinator_client, LIST, {"scope": "all", "status": "any",
                                                     "assignee": "Anne"})
    field = handler_field(html)
    assert SEVERAL.format("Anne") in field
    chosen = re.findall(r'name="assignee-choice" value="([^"]+)"><label[^>]*>([^<]+)<', field)
    assert chosen == [(str(many["Anne Hansen"].pk), "Anne Hansen (Social og Sundhed)"),
                      (str(many["Anne Holm"].pk), "Anne Holm (Social og Sundhed)")]
    assert "Bænke ved havnen" in html  # the invalid filter is left out, as any invalid filter


def test_choosing_one_of_the_matches_filters_by_it(coordinator_client, many):
    InquiryFactory(assignee=many["Anne Holm"], subject="Sti til skolen")
    InquiryFactory(assignee=many["Anne Hansen"], subject="Ny legeplads")

    html, _queries = page(coordinator_client, LIST, {
        "scope": "all", "status": "any", "assignee": "Anne",
        "assignee-choice": many["Anne Hansen"].pk})
    assert "Ny legeplads" in html and "Sti til skolen" not in html


def test_more_than_ten_matches_offer_the_first_ten(coordinator_client, many):
    EmployeeFactory.create_batch(12, name=factory.Sequence(lambda n: f"Anders And {n:02d}"))
    html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": "anders"})
    field = handler_field(html)
    assert "More than 10 employees match “anders”." in field
    assert field.count('name="assignee-choice"') == 10


def test_an_unknown_name_says_so(coordinator_client, many):
    html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": "Atlantis"})
    assert UNKNOWN.format("Atlantis") in handler_field(html)


@pytest.mark.parametrize("typed", ["²", "9" * 30, "Anne " * 40])
def test_odd_digits_and_long_texts_are_answered_not_a_500(coordinator_client, many, typed):
    html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": typed})
    field = handler_field(html)
    assert "form-error" in field and 'maxlength="150"' in field
    response = coordinator_client.get(SUGGESTIONS, {"felt": "q", "q": typed * 50})
    assert response.status_code == 200


def test_an_inactive_employee_is_not_found(coordinator_client, many):
    EmployeeFactory(name="Gitte Gået", is_active=False)
    html, _queries = page(coordinator_client, LIST, {"scope": "all", "assignee": "Gitte"})
    assert UNKNOWN.format("Gitte") in handler_field(html)


def test_forwarding_takes_a_typed_name_and_an_ambiguous_one_changes_nothing(
        setting, submitted, handler, many):  # noqa: F811 - fixtures
    inquiry, _token = submitted
    url = f"{detail_url(inquiry)}videresend/"
    response = handler.post(url, {"forward-employee": "Anne", "forward-action": "forward"})
    html = response.content.decode()
    assert response.status_code == 400 and SEVERAL.format("Anne") in html
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.FORWARDED).exists()

    html = act(handler, inquiry, "videresend", {
        "forward-employee": "Anne", "forward-employee-choice": many["Anne Holm"].pk,
        "forward-action": "forward"})
    assert "The inquiry is forwarded to Anne Holm." in html
    act(handler, inquiry, "videresend", {"forward-employee": "kalle kol",
                                         "forward-action": "forward"})
    forwarded = inquiry.events.filter(kind=InquiryEvent.Kind.FORWARDED).order_by("pk")
    assert [event.text for event in forwarded] == ["Anne Holm", "Kalle Kollega"]
    assert set(inquiry.participants.all()) == {many["Anne Holm"], setting.colleague.employee}


def test_the_suggestions_are_bounded_and_in_danish_order(coordinator_client):
    for name in ["Åse By", "Ægir By", "Øjvind By", "Zenia By", "Anne By", "Bybjerg Ib", "Aase By"]:
        EmployeeFactory(name=name, core_area=None)
    EmployeeFactory(name="Inaktiv By", is_active=False)
    html = coordinator_client.get(SUGGESTIONS, {"felt": "assignee", "assignee": "by"}
                                  ).content.decode()
    names = re.findall(r'<option value="([^"]+)"', html)
    assert names == ["Anne By", "Bybjerg Ib", "Zenia By", "Ægir By", "Øjvind By", "Åse By",
                     "Aase By"]  # "Aa" is "Å"

    EmployeeFactory.create_batch(15, name=factory.Sequence(lambda n: f"Bygholm {n}"))
    html = coordinator_client.get(SUGGESTIONS, {"felt": "assignee", "assignee": "byg"}
                                  ).content.decode()
    assert options(html) == 10


def test_a_suggestion_shows_the_name_and_core_area_only(coordinator_client):
    EmployeeFactory(name="Korinna Sørensen", core_area=CoreAreaFactory(name="Teknik og Miljø"),
                    email="korinna@example.dk", phone="+45 12 34 56 78", title="Vejmester")
    html = coordinator_client.get(SUGGESTIONS, {"felt": "q", "q": "Kor"}).content.decode()
    assert html.strip() == ('<option value="Korinna Sørensen" '
                            'label="Korinna Sørensen (Teknik og Miljø)"></option>')


def test_the_suggestions_are_for_staff_only(client, coordinator):
    EmployeeFactory(name="Korinna Sørensen")
    response = client.get(SUGGESTIONS, {"q": "Kor"})
    assert response.status_code in (302, 404) and "Korinna" not in response.content.decode()


def test_the_suggestions_cost_a_fixed_number_of_queries(coordinator_client,
                                                       django_assert_max_num_queries):
    EmployeeFactory.create_batch(30)
    # The session, the user and the staff check (4), then the names: at most 2.
    with django_assert_max_num_queries(6):
        coordinator_client.get(SUGGESTIONS, {"felt": "assignee", "assignee": "Medarbejder"})
