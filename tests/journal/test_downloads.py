# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A period's ZIP is made by the worker (the db_worker, as it runs in production), not in the
request: a prepared export of core.exports, queued, then ready with a link only the one who asked
may follow (written to the access log), the page honest when the worker is stopped, and the ZIP
deleted after a day."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.services import exports_prune
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import jobs
from lokalkontakt.journal import downloads
from tests.conftest import site_text
from tests.inquiries.factories import InquiryFactory
from tests.journal.conftest import FOTO, unzip

# The worker closes connections that are inside a transaction (close_old_connections), as the
# test-case transaction would be on PostgreSQL: these tests commit for real instead.
pytestmark = pytest.mark.django_db(transaction=True)
LIST = reverse("journal:list")
PERIOD = reverse("journal:period")
Status = PreparedExport.Status


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_the_worker_makes_the_zip_and_only_the_asker_downloads_it(
        client, coordinator, contact_user, inquiry, consultation):
    client.force_login(coordinator)
    response = client.post(PERIOD, {"kind": ""}, follow=True)
    page = response.content.decode()
    download = PreparedExport.objects.get()
    assert download.status == Status.QUEUED and not download.file  # nothing built in the request
    assert download.name == "journal.period" and download.rows == 2
    assert download.params["cases"] == [["inquiry", inquiry.pk], ["consultation", consultation.pk]]
    assert site_text("Queued") in page and reverse("exports:download", args=[download.pk]) not in page

    run_worker()

    download.refresh_from_db()
    assert download.status == Status.READY and download.file.name.startswith("exports/")
    page = client.get(LIST).content.decode()
    url = reverse("exports:download", args=[download.pk])
    assert url in page and site_text("Ready") in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="{download.file_name}"'
    assert download.file_name.startswith("journalisering-") and download.file_name.endswith(".zip")
    files = unzip(response.streaming_content)
    assert files[f"{inquiry.reference}/bilag/foto.pdf"] == FOTO
    metadata = json.loads(files[f"{consultation.reference}/metadata.json"])
    assert metadata["reference"] == consultation.reference
    assert list(AccessLogEntry.objects.values_list("object_type", "object_id", "user_id", "how")) == [
        ("inquiries.inquiry", inquiry.pk, coordinator.pk, AccessLogEntry.How.DOWNLOAD)]

    client.force_login(contact_user)  # they see the inquiry, but did not ask for this ZIP
    assert client.get(url).status_code == 404
    assert url not in client.get(LIST).content.decode()


def test_a_case_no_longer_the_askers_makes_the_zip_unavailable(client, contact_user, inquiry):
    client.force_login(contact_user)
    client.post(PERIOD, {"kind": "inquiry"})
    run_worker()
    download = PreparedExport.objects.get()
    inquiry.area.assignments.update(ends_on=timezone.localdate() - datetime.timedelta(days=1))
    inquiry.__class__.objects.filter(pk=inquiry.pk).update(assignee=None)
    assert client.get(reverse("exports:download", args=[download.pk])).status_code == 404
    assert not AccessLogEntry.objects.exists()
    assert not PreparedExport.objects.exists()  # the file showing cases no longer theirs is gone


def test_with_the_worker_stopped_the_page_says_so_and_nothing_is_lost(
        coordinator_client, inquiry):
    coordinator_client.post(PERIOD, {"kind": "inquiry"})
    PreparedExport.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=10))
    page = coordinator_client.get(LIST).content.decode()
    assert site_text("Not started yet: the background worker may be stopped. The ZIP is made as "
                     "soon as it runs again; tell the system administrator if this lasts.") in page
    assert site_text("Refresh") in page  # without JavaScript
    run_worker()  # the worker is back
    assert PreparedExport.objects.get().status == Status.READY


def test_htmx_polls_the_prepared_downloads_alone(coordinator_client, inquiry):
    coordinator_client.post(PERIOD, {"kind": "inquiry"})
    full = coordinator_client.get(LIST).content.decode()
    assert 'hx-trigger="every 5s"' in full
    part = coordinator_client.get(LIST, HTTP_HX_REQUEST="true",
                                  HTTP_HX_TARGET="prepared-downloads").content.decode()
    assert part.lstrip().startswith('<div id="prepared-downloads"') and "<table" not in part
    run_worker()
    part = coordinator_client.get(LIST, HTTP_HX_REQUEST="true",
                                  HTTP_HX_TARGET="prepared-downloads").content.decode()
    assert "hx-trigger" not in part  # ready: the polling stops


@pytest.mark.parametrize("count", [0, 3])
def test_too_many_or_no_cases_are_refused_with_a_message(
        coordinator_client, monkeypatch, media, count):
    monkeypatch.setattr(downloads, "MAX_CASES", 2)
    InquiryFactory.create_batch(count)
    response = coordinator_client.post(PERIOD, {"kind": "inquiry"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{LIST}?kind=inquiry"
    page = response.content.decode()
    if count:
        assert "Mere end 2 sager venter i perioden" in page and "Vælg en kortere periode." in page
    else:
        assert site_text("Nothing to download: every case in the period is journalised.") in page
    assert not PreparedExport.objects.exists()


def test_prepared_zips_are_deleted_after_a_day_by_the_periodic_job(
        coordinator_client, inquiry, settings):
    settings.EXPORT_DOWNLOAD_HOURS = 24
    coordinator_client.post(PERIOD, {"kind": "inquiry"})
    run_worker()
    download = PreparedExport.objects.get()
    storage, name = download.file.storage, download.file.name
    assert storage.exists(name)
    assert exports_prune(now=timezone.now() + datetime.timedelta(hours=23)) == 0
    assert "exports" in dict(jobs.items())
    assert exports_prune(now=timezone.now() + datetime.timedelta(hours=25)) == 1
    assert not PreparedExport.objects.exists() and not storage.exists(name)
