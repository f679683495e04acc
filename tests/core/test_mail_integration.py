# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""E-mail never blocks a form and is never lost, with the real processes: gunicorn and the
db_worker in processes of their own, sharing the test's database (tests/core/processes.py), and
mail servers on loopback that hang (tests/core/mailservers.py). Each test takes seconds."""

import http.client
import re
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from aiosmtpd.controller import Controller
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.mail import email_queue
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.core.mailservers import GatedSMTP, HoldingInbox
from tests.core.processes import SharedDatabase, environment, gunicorn, manage, run, stop, wait_until_up
from tests.core.test_mail import Inbox, free_port
from tests.people.factories import EmployeeFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

NEW_INQUIRY = "/henvendelser/ny/"
SUBMITTED = "/henvendelser/ny/sendt/"


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    return SharedDatabase(tmp_path)


@pytest.fixture
def processes():
    """Processes the test starts; stopped at its end, whatever happened."""
    started = []
    yield started
    for process in started:
        stop(process)


def submit(port: int, area, n: int) -> tuple[int, str]:
    """A citizen fills in the public form in a browser of their own: (status, Location)."""
    browser = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        browser.request("GET", NEW_INQUIRY)
        response = browser.getresponse()
        page = response.read().decode()
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        browser.request("POST", NEW_INQUIRY, urlencode({
            "csrfmiddlewaretoken": token, "area": area.pk, "submitter_kind": "citizen",
            "subject": f"Vejbump nr. {n}", "text": "Bilerne kører for stærkt forbi skolen.",
            "submitter_name": f"Borger {n}", "submitter_email": f"borger{n}@example.dk",
            "submitter_phone": "", "consent": "on", "website": ""}),
            {"Content-Type": "application/x-www-form-urlencoded",
             "Cookie": f"csrftoken={cookies['csrftoken'].value}"})
        response = browser.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        browser.close()


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_mail_server_that_hangs_blocks_no_inquiry_and_each_receipt_arrives_once(
        shared_database, processes, tmp_path):
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=EmployeeFactory(name="Lise Lokal", email="lise@example.dk"))
    shared_database.share()
    inbox = Inbox()
    with GatedSMTP(inbox) as mail_server:
        # SQLite's busy timeout is 5 s: a worker that held the write lock while the server hangs
        # made every form fail ("database is locked") long before it gave up on the server (30 s;
        # the server opens before that, so the test does not wait for it). On PostgreSQL that
        # worker locked only the e-mail's row; the test shows that nothing else waits there either.
        env = environment(shared_database, tmp_path, smtp_port=mail_server.port, EMAIL_TIMEOUT=30,
                          INQUIRY_RATE_LIMIT=100)
        web_port = free_port()
        processes.append(gunicorn(port=web_port, env=env))
        processes.append(manage("db_worker", "--interval", "0.1", "--no-startup-delay", env=env))
        wait_until_up(f"http://127.0.0.1:{web_port}/healthz", processes[0])

        # The first inquiry's receipt: the worker connects and waits for the server's greeting.
        assert submit(web_port, area, 0) == (302, SUBMITTED)
        assert mail_server.held.wait(30), "the worker did not connect to the mail server"
        with ThreadPoolExecutor(max_workers=10) as pool:
            answers = list(pool.map(lambda n: submit(web_port, area, n), range(1, 11)))
        assert answers == [(302, SUBMITTED)] * 10

        mail_server.open()
        # A receipt to each citizen and a notice to the area's contact for each inquiry.
        assert wait_for(lambda: len(inbox.messages) >= 22, timeout=30), len(inbox.messages)
        time.sleep(0.5)  # anything sent twice would arrive now
    for process in processes:
        stop(process)

    shared_database.sync()
    assert Inquiry.objects.count() == 11
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {OutgoingEmail.Status.SENT}
    received = Counter(address for recipients, _message in inbox.messages for address in recipients)
    assert received == {**{f"borger{n}@example.dk": 1 for n in range(11)}, "lise@example.dk": 11}


def test_a_worker_killed_while_sending_loses_nothing_after_run_jobs(
        shared_database, processes, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        receipt = email_queue(to=["borger@example.dk"], subject="Kvittering for din henvendelse",
                              body="Følg din henvendelse her: https://lokalkontakt.example.dk/spor/x/")
    shared_database.share()
    inbox, port = HoldingInbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = environment(shared_database, tmp_path, smtp_port=port, EMAIL_TIMEOUT=30,
                          EMAIL_SENDING_STALE_MINUTES=0, TASK_RUNNING_STALE_MINUTES=0)
        worker = manage("db_worker", "--interval", "0.1", "--no-startup-delay", env=env)
        processes.append(worker)
        assert inbox.holding.wait(30), "the worker did not send the message"
        stop(worker, signal.SIGKILL)  # while the server holds the answer to DATA

        report = run("run_jobs", env=env)
        run("db_worker", "--batch", "--no-startup-delay", env=env)
    finally:
        controller.stop()

    assert ("E-mail: 1 interrupted queued again, 0 interrupted failed, 0 without a task enqueued "
            "again. Task results: 1 of stopped workers marked failed, 0 old deleted.") in report
    assert [recipients for recipients, _message in inbox.messages] == [["borger@example.dk"]]
    shared_database.sync()
    receipt.refresh_from_db()
    assert (receipt.status, receipt.attempts) == (OutgoingEmail.Status.SENT, 2)
    dead, again = DBTaskResult.objects.order_by("enqueued_at")
    assert (dead.status, dead.exception_class_path) == ("FAILED", "lokalkontakt.core.jobs.WorkerStopped")
    assert (again.status, again.return_value) == ("SUCCESSFUL", "sent")
