# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The case system's integration through the API (scope `journal`): the cases, a case's package
unpacked and read back, recording it as journalised once, what the access log and the case's
own timeline say afterwards."""
# ruff: noqa: F811 - the journal tests' fixtures, imported, are the tests' arguments

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.services import api_key_revoke
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.journal.models import Journalisation
from lokalkontakt.journal.selectors import case_for
from lokalkontakt.journal.services import journalise
from tests.api.factories import keyed_client, make_key
from tests.conftest import site_text
from tests.inquiries.factories import InquiryFactory
from tests.journal.conftest import (  # noqa: F401 - fixtures
    FORSLAG,
    FOTO,
    PLAN,
    SVAR,
    consultation,
    glud,
    inquiry,
    kle_list,
    media,
    unzip,
)
from tests.pdfa import assert_pdf_a, pdf_text

pytestmark = pytest.mark.django_db
LIST = "/api/v1/journal/"


def package_url(kind, pk):
    return f"/api/v1/journal/{kind}/{pk}/package/"


def journalised_url(kind, pk):
    return f"/api/v1/journal/{kind}/{pk}/journalised/"


def esdh(**options):
    return keyed_client(scopes=[Scope.JOURNAL], name="ESDH", **options)


# --- the scope matrix -------------------------------------------------------------------------

def calls(inquiry):
    return [("get", LIST, None), ("get", package_url("inquiry", inquiry.pk), None),
            ("post", journalised_url("inquiry", inquiry.pk), {"case_number": "SAG-1"})]


def test_without_a_key_every_call_is_refused(inquiry):
    from rest_framework.test import APIClient

    for method, url, data in calls(inquiry):
        assert getattr(APIClient(), method)(url, data, format="json").status_code == 401, url
    assert not Journalisation.objects.exists()


def test_a_key_without_the_scope_is_forbidden(inquiry):
    client = keyed_client(scopes=[s for s in Scope.values if s != Scope.JOURNAL])
    for method, url, data in calls(inquiry):
        response = getattr(client, method)(url, data, format="json")
        assert response.status_code == 403, url
    assert not Journalisation.objects.exists() and not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("spoil", ["expired", "revoked"])
def test_an_expired_or_revoked_key_is_refused(inquiry, coordinator, spoil):
    row, key = make_key(scopes=[Scope.JOURNAL])
    if spoil == "expired":
        ApiKey.objects.filter(pk=row.pk).update(
            expires_on=timezone.localdate() - datetime.timedelta(days=1))
    else:
        api_key_revoke(api_key=row, actor=coordinator)
    client = keyed_client(key)
    for method, url, data in calls(inquiry):
        assert getattr(client, method)(url, data, format="json").status_code == 401, url
    assert not Journalisation.objects.exists()


def test_an_unknown_case_or_kind_is_not_found(inquiry):
    client = esdh()
    assert client.get(package_url("inquiry", inquiry.pk + 1000)).status_code == 404
    assert client.get(package_url("note", inquiry.pk)).status_code == 404
    response = client.post(journalised_url("consultation", inquiry.pk + 1000),
                           {"case_number": "SAG-1"}, format="json")
    assert response.status_code == 404
    assert not Journalisation.objects.exists()


# --- the list ---------------------------------------------------------------------------------

def test_the_list_gives_the_waiting_cases_oldest_first(inquiry, consultation):
    Inquiry.objects.filter(pk=inquiry.pk).update(
        received_on=timezone.localdate() - datetime.timedelta(days=3))
    response = esdh().get(LIST)
    assert response.status_code == 200
    body = response.json()
    assert (body["next"], body["previous"]) == (None, None)
    first, second = body["results"]
    assert first == {
        "kind": "inquiry", "id": inquiry.pk, "reference": inquiry.reference,
        "title": "Vejbump på Skolevej",
        "received": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "journalised": None,
        "package_url": f"http://testserver{package_url('inquiry', inquiry.pk)}",
        "personal_data_deleted": False, "personal_data_deletion_on": None,
        "personal_data_deletion_soon": False}
    assert (second["kind"], second["reference"]) == ("consultation", consultation.reference)


def test_the_list_filters_by_status_kind_and_period(inquiry, consultation, coordinator):
    journalise(case=case_for("inquiry", inquiry.pk), case_number="SAG-7", actor=coordinator)
    client = esdh()
    assert [c["kind"] for c in client.get(LIST).json()["results"]] == ["consultation"]
    [done] = client.get(LIST, {"status": "done"}).json()["results"]
    assert done["journalised"]["case_number"] == "SAG-7"
    assert done["journalised"]["journalised_by"] == coordinator.employee.name
    assert len(client.get(LIST, {"status": "all"}).json()["results"]) == 2
    assert client.get(LIST, {"status": "all", "kind": "inquiry"}).json()["results"][0][
        "id"] == inquiry.pk
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert client.get(LIST, {"status": "all", "since": tomorrow}).json()["results"] == []


def test_bad_filters_are_refused_with_a_message(inquiry):
    response = esdh().get(LIST, {"status": "maybe", "since": "2026-02-01",
                                 "until": "2026-01-01"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "status" in response.json()


def test_the_list_warns_of_personal_data_soon_deleted(settings, media):
    settings.INQUIRY_RETENTION_DAYS = 365
    soon = InquiryFactory(status=Inquiry.Status.CLOSED,
                          closed_at=timezone.now() - datetime.timedelta(days=350))
    [case] = esdh().get(LIST).json()["results"]
    day = timezone.localdate(soon.closed_at) + datetime.timedelta(days=365)
    assert (case["personal_data_deletion_on"], case["personal_data_deletion_soon"]) == (
        day.isoformat(), True)


def test_the_list_pages_without_counting_at_a_fixed_number_of_queries(
        django_assert_num_queries, media):
    InquiryFactory.create_batch(5)
    client = esdh()
    client.get(LIST)
    # The key (and its last use), the inquiries' and consultations' rows, the inquiries, the
    # journalisations (no consultation on the page: not read).
    with django_assert_num_queries(5):
        first = client.get(LIST, {"page_size": 2}).json()
    InquiryFactory.create_batch(30)
    with django_assert_num_queries(5):
        client.get(LIST, {"page_size": 30})
    assert len(first["results"]) == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["previous"].endswith("page_size=2")
    assert {c["id"] for c in first["results"]}.isdisjoint({c["id"] for c in second["results"]})


# --- the package ------------------------------------------------------------------------------

def test_the_package_unpacks_with_metadata_files_and_the_case_pdf(inquiry):
    response = esdh().get(package_url("inquiry", inquiry.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'filename="{inquiry.reference}.zip"' in response["Content-Disposition"]
    files = unzip(response.streaming_content)
    ref = inquiry.reference
    assert files[f"{ref}/bilag/foto.pdf"] == FOTO and files[f"{ref}/bilag/plan.pdf"] == PLAN
    metadata = json.loads(files[f"{ref}/metadata.json"])
    assert (metadata["reference"], metadata["kind"], metadata["journalisation"]) == (
        ref, "inquiry", None)
    assert metadata["parties"]["submitter"]["name"] == "Bo Borger"
    assert_pdf_a(files[f"{ref}/sag.pdf"])
    assert "Bilerne kører for stærkt forbi skolen." in pdf_text(files[f"{ref}/sag.pdf"])


def test_the_package_is_a_zip_when_the_client_asks_for_one_and_an_error_is_json(inquiry):
    client = esdh()
    response = client.get(package_url("inquiry", inquiry.pk), HTTP_ACCEPT="application/zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    missing = client.get(package_url("inquiry", inquiry.pk + 99), HTTP_ACCEPT="application/zip")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"


def test_fetching_an_inquirys_package_is_in_the_access_log(inquiry):
    row, key = make_key(scopes=[Scope.JOURNAL], name="ESDH")
    keyed_client(key).get(package_url("inquiry", inquiry.pk))
    entry = AccessLogEntry.objects.get()
    assert (entry.object_type, entry.object_id, entry.how, entry.username, entry.user_id) == (
        "inquiries.inquiry", inquiry.pk, AccessLogEntry.How.API, f"API: ESDH ({row.prefix})",
        None)


def test_a_consultations_package_holds_the_answers(consultation):
    response = esdh().get(package_url("consultation", consultation.pk))
    files = unzip(response.streaming_content)
    assert files[f"{consultation.reference}/bilag/svar.pdf"] == SVAR
    assert files[f"{consultation.reference}/bilag/forslag.pdf"] == FORSLAG


# --- journalised ------------------------------------------------------------------------------

def test_journalised_once_through_the_api_the_second_time_refused(inquiry, kle_list):
    row, key = make_key(scopes=[Scope.JOURNAL], name="ESDH")
    client = keyed_client(key)
    url = journalised_url("inquiry", inquiry.pk)
    response = client.post(url, {"case_number": " 27.00.00-A00-1-26 ", "kle": "05.04.08"},
                           format="json")
    assert response.status_code == 201
    record = response.json()["journalised"]
    assert record["case_number"] == "27.00.00-A00-1-26"
    assert record["kle"] == {"number": "05.04.08", "title": "Trafiksikkerhed"}
    assert record["journalised_by"] == f"API: ESDH ({row.prefix})"

    again = client.post(url, {"case_number": "SAG-2"}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 409
    assert again.json()["detail"].startswith(
        f"{inquiry.reference} is already journalised as 27.00.00-A00-1-26")
    danish = client.post(url, {"case_number": "SAG-2"}, format="json")  # the site's language
    stored = Journalisation.objects.get()
    assert danish.json()["detail"] == site_text(
        "%(reference)s is already journalised as %(case_number)s (%(date)s). A case is "
        "journalised once; nothing was changed.", reference=inquiry.reference,
        case_number="27.00.00-A00-1-26",
        date=timezone.localtime(stored.journalised_at).strftime("%d.%m.%Y %H:%M"))
    assert (stored.case_number, stored.journalised_by, stored.actor_label) == (
        "27.00.00-A00-1-26", None, f"API: ESDH ({row.prefix})")


@pytest.mark.parametrize("data, field", [
    ({"case_number": "27.00.00-A00-1-26", "kle": "99.99.99"}, "kle"),
    ({"case_number": "<script>"}, "case_number"),
    ({"case_number": ""}, "case_number"),
    ({}, "case_number"),
])
def test_bad_input_is_refused_and_changes_nothing(inquiry, kle_list, data, field):
    response = esdh().post(journalised_url("inquiry", inquiry.pk), data, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not Journalisation.objects.exists()
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.JOURNALISED).exists()


def test_the_system_is_named_on_the_page_and_on_the_timeline(inquiry, coordinator_client):
    row, key = make_key(scopes=[Scope.JOURNAL], name="ESDH")
    keyed_client(key).post(journalised_url("inquiry", inquiry.pk), {"case_number": "SAG-9"},
                           format="json")
    page = coordinator_client.get(reverse("journal:list"), {"status": "done"}).content.decode()
    assert "SAG-9" in page and f"API: ESDH ({row.prefix})" in page
    event = inquiry.events.get(kind=InquiryEvent.Kind.JOURNALISED)
    assert (event.public, event.actor) == (False, None)
    said = site_text("Journalised as %(case_number)s", case_number="SAG-9")
    assert event.text == said + " " + site_text("(recorded by %(system)s)",
                                                system=f"API: ESDH ({row.prefix})")
    assert said in coordinator_client.get(inquiry.get_absolute_url()).content.decode()


def test_an_id_beyond_any_column_or_a_page_beyond_reason_is_answered_calmly(inquiry):
    client = esdh()
    assert client.get(package_url("inquiry", 10**30)).status_code == 404
    assert client.post(journalised_url("inquiry", 10**30), {"case_number": "S-1"},
                       format="json").status_code == 404
    assert client.get(LIST, {"page": 10**30}).status_code == 404
    assert client.get(LIST, {"page": 2}).status_code == 404  # past the last page
    assert client.get(LIST, {"page_size": -5}).status_code == 400


@pytest.mark.parametrize("name", ["status", "kind", "since", "until", "page", "page_size"])
def test_a_parameter_given_empty_is_as_if_left_out(inquiry, name):
    response = esdh().get(LIST, {name: ""})
    assert response.status_code == 200
    assert [case["id"] for case in response.json()["results"]] == [inquiry.pk]


def test_a_case_number_of_another_json_type_is_refused(inquiry):
    response = esdh().post(journalised_url("inquiry", inquiry.pk), {"case_number": 27},
                           format="json")
    assert response.status_code == 400 and "case_number" in response.json()
    assert not Journalisation.objects.exists()
