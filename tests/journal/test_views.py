# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The Journalisering page: what is waiting, oldest first, a page at a time without counting,
with a fixed number of queries; a case's download, written to the access log; the retention
warning. The period's ZIP is made by the worker: test_downloads.py."""

import datetime

from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.journal import views
from lokalkontakt.journal.selectors import case_for
from lokalkontakt.journal.services import journalise
from tests.inquiries.factories import InquiryFactory
from tests.journal.conftest import FOTO, unzip


def test_the_list_shows_the_waiting_cases_oldest_first(coordinator_client, inquiry, consultation):
    Inquiry.objects.filter(pk=inquiry.pk).update(
        received_on=timezone.localdate() - datetime.timedelta(days=3))
    page = coordinator_client.get(reverse("journal:list")).content.decode()
    assert page.index(inquiry.reference) < page.index(consultation.reference)
    assert "Vejbump på Skolevej" in page and "Ny skolestruktur" in page
    assert reverse("journal:inquiry_package", kwargs={"pk": inquiry.pk}) in page
    assert reverse("journal:consultation_journalise", kwargs={"pk": consultation.pk}) in page


def test_a_journalised_case_leaves_the_list_and_shows_under_done(
        coordinator_client, coordinator, inquiry):
    journalise(case=case_for("inquiry", inquiry.pk), case_number="SAG-7", actor=coordinator)
    assert inquiry.reference not in coordinator_client.get(reverse("journal:list")).content.decode()
    done = coordinator_client.get(reverse("journal:list"), {"status": "done"}).content.decode()
    assert inquiry.reference in done and "SAG-7" in done


def test_the_filter_by_kind_and_period(coordinator_client, inquiry, consultation):
    old = timezone.localdate() - datetime.timedelta(days=40)
    Inquiry.objects.filter(pk=inquiry.pk).update(received_on=old)
    page = coordinator_client.get(reverse("journal:list"), {"kind": "consultation"})
    assert inquiry.reference not in page.content.decode()
    page = coordinator_client.get(reverse("journal:list"), {
        "since": (old - datetime.timedelta(days=1)).isoformat(),
        "until": (old + datetime.timedelta(days=1)).isoformat()}).content.decode()
    assert inquiry.reference in page and consultation.reference not in page


# The session and user, the coordinator's groups, the page's rows of inquiries and of
# consultations (no count), the inquiries, the consultations, the journalisations, the user's
# prepared downloads, the menu's role checks.
QUERIES = 10


def test_the_list_costs_the_same_queries_for_many_cases(
        client, coordinator, django_assert_num_queries, consultation):
    client.force_login(coordinator)
    InquiryFactory.create_batch(3)
    client.get(reverse("journal:list"))  # sessions, permissions, caches
    with django_assert_num_queries(QUERIES):
        client.get(reverse("journal:list"))
    InquiryFactory.create_batch(30, status=Inquiry.Status.CLOSED, closed_at=timezone.now())
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("journal:list"))
    assert response.content.decode().count("journal-form") == 34


def test_a_closed_inquiry_about_to_be_anonymised_is_marked(coordinator_client, settings, media):
    settings.INQUIRY_RETENTION_DAYS = 365
    soon = InquiryFactory(status=Inquiry.Status.CLOSED,
                          closed_at=timezone.now() - datetime.timedelta(days=350))
    later = InquiryFactory(status=Inquiry.Status.CLOSED, closed_at=timezone.now())
    page = coordinator_client.get(reverse("journal:list")).content.decode()
    row = page[page.index(soon.reference):page.index(later.reference)]
    day = timezone.localdate(soon.closed_at) + datetime.timedelta(days=365)
    assert "badge-warning" in row and day.strftime("%d.%m.%Y") in row
    assert "badge-warning" not in page[page.index(later.reference):]


def test_downloading_a_package_is_in_the_access_log(client, contact_user, inquiry):
    client.force_login(contact_user)
    response = client.get(reverse("journal:inquiry_package", kwargs={"pk": inquiry.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'filename="{inquiry.reference}.zip"' in response["Content-Disposition"]
    files = unzip(response.streaming_content)
    assert files[f"{inquiry.reference}/bilag/foto.pdf"] == FOTO
    entry = AccessLogEntry.objects.get()
    assert (entry.object_type, entry.object_id, entry.user_id, entry.how) == (
        "inquiries.inquiry", inquiry.pk, contact_user.pk, AccessLogEntry.How.DOWNLOAD)


def test_the_coordinator_finds_the_page_in_the_menu(coordinator_client):
    page = coordinator_client.get(reverse("journal:list")).content.decode()
    assert f'href="{reverse("journal:list")}"' in page
    assert f'href="{reverse("journal:kle")}"' in page


def test_the_list_pages_with_next_and_previous_without_a_count(
        coordinator_client, monkeypatch, media):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    inquiries = InquiryFactory.create_batch(5)
    Inquiry.objects.filter(pk__in=[i.pk for i in inquiries]).update(
        received_on=timezone.localdate())
    first = coordinator_client.get(reverse("journal:list"), {"kind": "inquiry"}).content.decode()
    assert "side=2" in first and "side=0" not in first
    last = coordinator_client.get(reverse("journal:list"),
                                  {"kind": "inquiry", "side": 3}).content.decode()
    assert "side=2" in last and "side=4" not in last
    shown = [i.reference for i in inquiries if i.reference in first + last]
    assert len(shown) == 3  # two on the first page, the fifth on the last
    assert coordinator_client.get(reverse("journal:list"), {"side": "x"}).status_code == 200
