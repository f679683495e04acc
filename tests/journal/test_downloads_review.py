# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A prepared ZIP holds personal data: nothing is left on disk when making it fails, it is not
offered once it has expired (even before the periodic job deletes it), a file gone from storage
is a 404, and one user queues one at a time. (Found in review.)"""

import datetime

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.exports import tasks
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.exports.services import exports_prune
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.core.registry import jobs
from lokalkontakt.journal import selectors, services
from tests.api.factories import keyed_client

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def files_in(media) -> list:
    root = media / "exports"
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def test_nothing_is_left_on_disk_when_recording_the_zip_fails(coordinator_client, inquiry, media,
                                                                monkeypatch):
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})
    download = PreparedExport.objects.get()
    real_update = QuerySet.update

    def failing_update(self, **kwargs):
        if self.model is PreparedExport and kwargs.get("status") == "ready":
            raise OperationalError("database is locked")
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", failing_update)
    assert tasks.prepare_export.call(export_id=download.pk) == "failed"

    assert files_in(media) == []
    download.refresh_from_db()
    assert download.status == PreparedExport.Status.FAILED


def test_a_file_gone_from_storage_is_not_found(coordinator_client, inquiry, media):
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})
    run_worker()
    download = PreparedExport.objects.get(status="ready")
    download.file.storage.delete(download.file.name)

    response = coordinator_client.get(reverse("exports:download", args=[download.pk]))

    assert response.status_code == 404


def test_an_expired_zip_is_not_offered_before_the_job_deletes_it(coordinator_client, inquiry,
                                                                  media, settings):
    settings.EXPORT_DOWNLOAD_HOURS = 24
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})
    run_worker()
    download = PreparedExport.objects.get(status="ready")
    PreparedExport.objects.filter(pk=download.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49),
        finished_at=timezone.now() - datetime.timedelta(hours=48))

    assert coordinator_client.get(reverse("exports:download", args=[download.pk])).status_code == 404
    assert exports_prune(now=timezone.now()) == 1
    assert files_in(media) == []


def test_expiry_counts_from_when_the_zip_was_made(coordinator_client, inquiry, media, settings):
    settings.EXPORT_DOWNLOAD_HOURS = 24
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})
    run_worker()
    download = PreparedExport.objects.get(status="ready")
    # Asked for 30 hours ago, made an hour ago (the worker was behind).
    PreparedExport.objects.filter(pk=download.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=30),
        finished_at=timezone.now() - datetime.timedelta(hours=1))

    assert coordinator_client.get(reverse("exports:download", args=[download.pk])).status_code == 200
    assert exports_prune(now=timezone.now()) == 0


def test_one_download_is_prepared_at_a_time(coordinator_client, inquiry, media):
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})

    response = coordinator_client.post(reverse("journal:period"), {"kind": ""}, follow=True)

    assert PreparedExport.objects.count() == 1
    assert "En download er allerede ved at blive gjort klar" in response.content.decode()


def test_asking_twice_for_the_same_zip_is_not_refused(coordinator_client, inquiry, media):
    """A double click: the second answer tells the ZIP is being prepared, not that another is
    (found in review)."""
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})

    response = coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"}, follow=True)

    assert PreparedExport.objects.count() == 1
    page = response.content.decode()
    assert "ZIP-filen bliver lavet i baggrunden" in page
    assert "En download er allerede ved at blive gjort klar" not in page


def test_the_api_list_logs_the_employees_it_names(coordinator, inquiry):
    services.journalise(case=selectors.case_for("inquiry", inquiry.pk), case_number="A-1",
                        actor=coordinator)

    body = keyed_client().get("/api/v1/journal/?status=done").json()

    assert body["results"][0]["journalised"]["journalised_by"] == coordinator.employee.name
    assert list(AccessLogEntry.objects.values_list("object_type", "object_id", "how")) == [
        ("people.employee", coordinator.employee.pk, "api")]


def test_the_docs_page_tells_where_keys_are_made(client):
    page = client.get(reverse("api:docs")).content.decode()

    assert reverse("api_keys:list") in page


def test_a_zip_never_handed_to_the_worker_is_made_after_all(coordinator_client, inquiry, media):
    """The process stopped between the commit and the enqueue: the periodic job of the prepared
    exports enqueues it again, and the worker makes it."""
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})
    DBTaskResult.objects.all().delete()
    PreparedExport.objects.update(task_id="",
                                  created_at=timezone.now() - datetime.timedelta(minutes=5))

    assert "1 never handed to the worker queued again" in dict(jobs.items())["exports"]()
    run_worker()

    download = PreparedExport.objects.get(status="ready")
    response = coordinator_client.get(reverse("exports:download", args=[download.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"


def test_a_zip_lost_with_a_killed_worker_does_not_block_the_next(coordinator_client, inquiry,
                                                                 media):
    coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"})
    PreparedExport.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)  # core's job: the worker stopped

    response = coordinator_client.post(reverse("journal:period"), {"kind": "inquiry"}, follow=True)

    assert list(PreparedExport.objects.order_by("pk").values_list("status", flat=True)) == [
        "failed", "queued"]
    page = response.content.decode()
    assert "ZIP-filen kunne ikke laves" in page and "ZIP-filen bliver lavet i baggrunden" in page
