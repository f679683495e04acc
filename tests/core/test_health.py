# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""/healthz as the load balancer and the monitoring read it: the database migrated, readable and
writable, and the worker keeping up with the task and e-mail queues."""

import datetime
import json
import os
import subprocess
import sys

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.mail import email_queue
from lokalkontakt.core.models import OutgoingEmail
from tests.core.processes import PROJECT_DIR

pytestmark = pytest.mark.django_db



def test_healthz_answers_ok_with_the_database_and_the_queues_checked(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "database": "ok",
        "worker": {"oldest_waiting_task_seconds": None, "last_task_finished_seconds_ago": None},
        "email": {"oldest_unsent_seconds": None}}


def test_healthz_answers_head_for_load_balancers(client):
    response = client.head("/healthz")

    assert response.status_code == 200
    assert response.content == b""


def test_a_database_that_refuses_writes_is_not_healthy(client):
    # SQLite: the connection refuses writes; PostgreSQL: the test's transaction becomes read-only
    # (it is rolled back after the test, so it need not be turned back).
    statement = {"sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
                 "postgresql": ("SET TRANSACTION READ ONLY", "")}[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(statement[0])
    try:
        response = client.get("/healthz")
    finally:
        if statement[1]:
            with connection.cursor() as cursor:
                cursor.execute(statement[1])

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "read-only"}


def test_a_missing_sqlite_file_is_an_unmigrated_database_not_a_healthy_one(tmp_path):
    """Django creates an empty file for a missing one; healthz must not call that ready."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'gone.sqlite3'}"}
    code = ("import django, json; django.setup(); from django.test import Client; "
            "r = Client().get('/healthz'); print(r.status_code, json.dumps(r.json()))")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True,  # noqa: S603
                            text=True, timeout=60, check=True)

    # The last line: the log (on stdout, as in production) may have written before it.
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert (status, json.loads(body)) == ("503", {"status": "error", "database": "migrations pending"})


def test_a_task_waiting_too_long_for_the_worker_is_reported(client, settings,
                                                           django_capture_on_commit_callbacks):
    settings.HEALTH_TASK_STALE_MINUTES = 10
    with django_capture_on_commit_callbacks(execute=True):
        email_queue(to=["a@example.dk"], subject="Hej", body="Tekst")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=11))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["problems"] == ["worker"]
    assert response.json()["worker"]["oldest_waiting_task_seconds"] >= 660


def test_an_e_mail_waiting_too_long_is_reported(client, settings):
    settings.HEALTH_EMAIL_STALE_MINUTES = 60
    email_queue(to=["a@example.dk"], subject="Hej", body="Tekst")
    OutgoingEmail.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["problems"] == ["email"]


def test_an_e_mail_stuck_in_sending_is_unsent(client, settings):
    settings.HEALTH_EMAIL_STALE_MINUTES = 60
    email = email_queue(to=["a@example.dk"], subject="Hej", body="Tekst")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING, created_at=timezone.now() - datetime.timedelta(minutes=61))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["problems"] == ["email"]


def test_static_files_not_collected_answer_503_before_anything_else(client, settings, tmp_path):
    """Production serves hashed names from collectstatic's manifest: without it every page but
    this one answers 500."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    settings.STATIC_ROOT = tmp_path / "not-collected"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "static": "not collected"}
