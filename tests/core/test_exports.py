# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A large export is built by the worker (the db_worker, as it runs in production), not in the
request: the page says it is being prepared, then offers the file to the one who asked only
(404 for anyone else), its downloads are written to the access log, and it is deleted after
EXPORT_DOWNLOAD_HOURS. Rows are written in constant memory (write-only workbooks)."""

import datetime
import io
import tracemalloc

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.services import exports_prune
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import jobs
from lokalkontakt.core.xlsx import append_row, write_only_workbook
from tests.conftest import site_text
from tests.inquiries.factories import InquiryFactory

# The worker closes connections inside a transaction: these tests commit for real (as journal's).
pytestmark = pytest.mark.django_db(transaction=True)
Status = PreparedExport.Status
INQUIRIES = reverse("inquiries:export") + "?scope=all&status=any"


@pytest.fixture(autouse=True)
def small_limit(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EXPORT_INLINE_ROWS = 2


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def sheet_rows(content: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_a_large_export_is_prepared_by_the_worker_for_its_owner_only(client, coordinator, colleague):
    InquiryFactory(subject="=HYPERLINK(\"http://evil\")")
    InquiryFactory.create_batch(2)
    client.force_login(coordinator)
    response = client.get(INQUIRIES, follow=True)
    export = PreparedExport.objects.get()
    assert response.redirect_chain == [(reverse("exports:status", args=[export.pk]), 302)]
    page = response.content.decode()
    assert export.status == Status.QUEUED and not export.file  # nothing built in the request
    assert site_text("The export is large, so it is being prepared in the background. This page "
                     "offers the file when it is ready.") in page
    assert site_text("Refresh") in page and 'hx-trigger="every 5s"' in page  # works without JS
    assert client.get(INQUIRIES).url == reverse("exports:status", args=[export.pk])  # once
    assert PreparedExport.objects.count() == 1

    run_worker()

    export.refresh_from_db()
    assert export.status == Status.READY and export.file.name.startswith("exports/")
    download = reverse("exports:download", args=[export.pk])
    page = client.get(reverse("exports:status", args=[export.pk])).content.decode()
    assert download in page and "hx-trigger" not in page
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="henvendelser-')
    rows = sheet_rows(b"".join(response.streaming_content))
    assert len(rows) == 4  # the header and the three inquiries
    assert "'=HYPERLINK(\"http://evil\")" in [row[1] for row in rows]  # no formula

    client.force_login(colleague)  # staff, but did not ask for it
    assert client.get(download).status_code == 404
    assert client.get(reverse("exports:status", args=[export.pk])).status_code == 404


def test_a_small_export_stays_immediate(coordinator_client, settings):
    settings.EXPORT_INLINE_ROWS = 5000
    InquiryFactory.create_batch(3)
    response = coordinator_client.get(INQUIRIES)
    assert response.status_code == 200 and len(sheet_rows(response.content)) == 4
    assert not PreparedExport.objects.exists()


def test_the_access_log_export_logs_each_download_of_what_it_shows(client, coordinator):
    AccessLogEntry.objects.bulk_create(
        [AccessLogEntry(at=timezone.now(), user_id=coordinator.pk, username="koordinator",
                        how=AccessLogEntry.How.PAGE, path="/", object_type="inquiries.inquiry",
                        object_id=inquiry.pk) for inquiry in InquiryFactory.create_batch(3)])
    client.force_login(coordinator)
    logged = set(AccessLogEntry.objects.values_list("object_type", "object_id"))
    before = AccessLogEntry.objects.count()
    response = client.get(reverse("accesslog:export"))
    assert response.status_code == 302  # more than two entries: the worker builds it
    assert AccessLogEntry.objects.count() == before  # nothing read yet
    run_worker()
    export = PreparedExport.objects.get()
    client.get(reverse("exports:download", args=[export.pk]))
    reading = AccessLogEntry.objects.filter(how=AccessLogEntry.How.ACCESS_LOG)
    assert {(e.object_type, e.object_id) for e in reading} == {
        ref for ref in logged if ref[0] == "inquiries.inquiry"}


def test_prepared_exports_are_deleted_after_their_time_by_the_periodic_job(
        coordinator_client, settings):
    settings.EXPORT_DOWNLOAD_HOURS = 24
    InquiryFactory.create_batch(3)
    coordinator_client.get(INQUIRIES)
    run_worker()
    export = PreparedExport.objects.get()
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)
    assert exports_prune(now=timezone.now() + datetime.timedelta(hours=23)) == 0
    assert "exports" in dict(jobs.items())
    assert exports_prune(now=timezone.now() + datetime.timedelta(hours=25)) == 1
    assert not PreparedExport.objects.exists() and not storage.exists(name)


def test_with_the_worker_stopped_the_page_says_so(coordinator_client):
    InquiryFactory.create_batch(3)
    url = coordinator_client.get(INQUIRIES).url
    PreparedExport.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=10))
    assert site_text("Not started yet: the background worker may be stopped. The export is made "
                     "as soon as it runs again; tell the system administrator if this lasts."
                     ) in coordinator_client.get(url).content.decode()


def _peak_writing(rows: int) -> int:
    tracemalloc.start()
    workbook = write_only_workbook()
    sheet = workbook.create_sheet("Ark")
    for number in range(rows):
        append_row(sheet, [f"Område {number}", number, datetime.date(2026, 1, 1), "=1+1"])
    workbook.save(io.BytesIO())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


@pytest.mark.django_db(transaction=False)
def test_rows_are_written_in_constant_memory():
    small, large = _peak_writing(2_000), _peak_writing(20_000)
    assert large < 2 * small  # ten times the rows, not ten times the memory
