# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Prepared exports when things go wrong: a build interrupted or lost with its worker, a user
who may no longer see what the file shows, asking again later, the access log growing while it is
written, a filter no longer valid, two requests at once, and the asker's language."""

import datetime
import io
import threading
import time

import openpyxl
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.accesslog import exports as log_exports
from lokalkontakt.core.exports import services
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import jobs
from lokalkontakt.core.xlsx import write_only_workbook
from lokalkontakt.inquiries import exports as inquiry_exports
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text

# The same world as test_exports.py: a limit of 2 rows (its autouse fixture) and the real worker.
from tests.core.test_exports import INQUIRIES, run_worker, small_limit  # noqa: F401
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory
from tests.timesheets.test_time_views import PERIOD, glud, staff  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)
Status = PreparedExport.Status


def sheet_rows(response) -> list[tuple]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_an_interrupted_build_fails_and_asking_again_makes_a_new_one(coordinator_client,
                                                                     monkeypatch):
    InquiryFactory.create_batch(3)
    first = coordinator_client.get(INQUIRIES).url

    def interrupted(*args, **kwargs):
        raise SystemExit(1)  # what db_worker raises in the task when it is stopped hard
    monkeypatch.setattr(inquiry_exports, "write_inquiries", interrupted)
    run_worker()
    monkeypatch.undo()
    export = PreparedExport.objects.get()
    assert export.status == Status.FAILED and "SystemExit" in export.error
    page = coordinator_client.get(first).content.decode()
    assert site_text("The export could not be made. Try again, or narrow the filter.") in page
    again = coordinator_client.get(INQUIRIES).url
    assert again != first
    run_worker()
    assert PreparedExport.objects.get(pk=PreparedExport.objects.latest("pk").pk).status == Status.READY


def test_an_export_lost_with_a_killed_worker_is_failed_and_not_given_again(coordinator_client):
    InquiryFactory.create_batch(3)
    first = coordinator_client.get(INQUIRIES).url
    export = PreparedExport.objects.get()
    late = timezone.now() - datetime.timedelta(minutes=services.WORKER_LATE_MINUTES + 1)
    PreparedExport.objects.update(created_at=late)
    # The worker stopped before it ran the task: still queued, so the export waits for it.
    assert coordinator_client.get(INQUIRIES).url == first
    # The worker was killed while running it; core's job marks such a task failed.
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)
    assert "1 lost with a stopped worker marked failed" in dict(jobs.items())["exports"]()
    export.refresh_from_db()
    assert export.status == Status.FAILED
    assert coordinator_client.get(INQUIRIES).url != first
    assert PreparedExport.objects.filter(status=Status.QUEUED).count() == 1


def test_asking_again_marks_a_lost_export_failed(coordinator_client):
    InquiryFactory.create_batch(3)
    first = coordinator_client.get(INQUIRIES).url
    DBTaskResult.objects.all().delete()  # pruned, or never enqueued
    PreparedExport.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=10))
    assert coordinator_client.get(INQUIRIES).url != first
    assert PreparedExport.objects.get(pk=first.split("/")[-2]).status == Status.FAILED


def test_a_contact_who_lost_the_area_can_no_longer_download_its_inquiries(client, contact_user):
    area = LocalAreaFactory(name="Glud")
    assignment = AssignmentFactory(area=area, employee=contact_user.employee)
    InquiryFactory.create_batch(3, area=area, subject="Om Glud")
    client.force_login(contact_user)
    assert client.get(INQUIRIES).status_code == 302
    run_worker()
    export = PreparedExport.objects.get()
    download = reverse("exports:download", args=[export.pk])
    assert client.get(download).status_code == 200  # while they cover Glud
    storage, name = export.file.storage, export.file.name
    assignment.ends_on = timezone.localdate()  # handed over
    assignment.save()
    assert client.get(download).status_code == 404
    assert not PreparedExport.objects.exists() and not storage.exists(name)


@pytest.mark.usefixtures("staff")
def test_a_leader_who_no_longer_leads_the_core_area_can_no_longer_download_its_time(
        client, colleague):
    teknik = colleague.employee.led_core_areas.get()
    CoreAreaFactory(name="Kultur").leaders.add(colleague.employee)  # still a leader after
    client.force_login(colleague)
    assert client.get(reverse("time:export"), PERIOD).status_code == 302
    run_worker()
    download = reverse("exports:download", args=[PreparedExport.objects.get().pk])
    assert client.get(download).status_code == 200
    teknik.leaders.remove(colleague.employee)
    assert client.get(download).status_code == 404
    assert not PreparedExport.objects.exists()


def test_asking_again_later_makes_a_new_file_with_the_rows_of_now(coordinator_client):
    InquiryFactory.create_batch(3, subject="Gammel")
    first = coordinator_client.get(INQUIRIES).url
    run_worker()
    made = PreparedExport.objects.get().finished_at
    assert coordinator_client.get(INQUIRIES).url == first  # a double click: the same file
    PreparedExport.objects.update(finished_at=made - datetime.timedelta(minutes=5))
    InquiryFactory.create_batch(2, subject="Ny")
    second = coordinator_client.get(INQUIRIES).url
    assert second != first
    run_worker()
    export = PreparedExport.objects.latest("pk")
    rows = sheet_rows(coordinator_client.get(reverse("exports:download", args=[export.pk])))
    assert [row[1] for row in rows[1:]].count("Ny") == 2
    page = coordinator_client.get(second).content.decode()
    made_at = "WHEN"
    assert site_text("Made %(when)s. The file holds the rows as they were then; export again for "
                     "the rows as they are now.", when=made_at).split(made_at)[0] in page


def _entry(user, inquiry, path):
    return AccessLogEntry(at=timezone.now(), user_id=user.pk, username="koordinator",
                          how=AccessLogEntry.How.PAGE, path=path,
                          object_type="inquiries.inquiry", object_id=inquiry.pk)


def test_entries_logged_while_the_access_log_is_written_neither_repeat_nor_drop_a_row(
        coordinator, monkeypatch):
    monkeypatch.setattr(log_exports, "CHUNK", 3)
    inquiry = InquiryFactory()
    AccessLogEntry.objects.bulk_create([_entry(coordinator, inquiry, f"/old/{n}/")
                                        for n in range(7)])
    real_rows = log_exports.rows
    calls = []

    def rows(entries):
        calls.append(1)
        if len(calls) == 1:  # someone opens a page while the first chunk is written
            AccessLogEntry.objects.bulk_create([_entry(coordinator, inquiry, "/new/")])
        return real_rows(entries)
    monkeypatch.setattr(log_exports, "rows", rows)
    workbook = write_only_workbook()
    log_exports.log_export(workbook, user=coordinator, params={})
    buffer = io.BytesIO()
    workbook.save(buffer)
    paths = [row[5] for row in list(openpyxl.load_workbook(buffer).active.iter_rows(
        values_only=True))[1:]]
    assert paths == [f"/old/{n}/" for n in reversed(range(7))]


def test_a_filter_no_longer_valid_fails_the_export_instead_of_widening_it(coordinator_client):
    ole = EmployeeFactory(name="Ole")
    InquiryFactory.create_batch(3, assignee=ole, subject="Oles")
    InquiryFactory.create_batch(4, subject="Andres")
    url = coordinator_client.get(INQUIRIES + f"&assignee={ole.pk}").url
    ole.is_active = False  # deactivated before the worker gets to it
    ole.save()
    run_worker()
    export = PreparedExport.objects.get()
    assert export.status == Status.FAILED and "assignee" in export.error and not export.file
    assert coordinator_client.get(url).status_code == 200


@pytest.mark.parametrize(("language", "header"), [("en", "Subject"), ("da", "Emne")])
def test_a_prepared_export_is_written_in_the_askers_language(client, coordinator, language,
                                                             header):
    InquiryFactory.create_batch(3)
    client.force_login(coordinator)
    client.cookies["django_language"] = language
    client.get(INQUIRIES)
    other = "da" if language == "en" else "en"
    with translation.override(other):  # the worker's own language is not the asker's
        run_worker()
    export = PreparedExport.objects.get()
    rows = sheet_rows(client.get(reverse("exports:download", args=[export.pk])))
    assert rows[0][1] == header


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks "
                    "(SQLite's immediate transactions already run one request at a time)")
def test_two_requests_at_once_make_one_export(coordinator, monkeypatch):
    barrier = threading.Barrier(2, timeout=10)
    made = []
    real_create = PreparedExport.objects.create

    def slow_create(**values):
        time.sleep(0.5)  # the other request looks for the same export meanwhile
        return real_create(**values)
    monkeypatch.setattr(PreparedExport.objects, "create", slow_create)

    def ask():
        try:
            barrier.wait()
            made.append(services.export_request(user=coordinator, name="inquiries.list",
                                                params={"scope": "all"}, rows=10).pk)
        finally:
            connection.close()
    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 2 and len(set(made)) == 1 and PreparedExport.objects.count() == 1
