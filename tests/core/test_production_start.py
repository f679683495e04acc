# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Production as an installation runs it: the three start scripts (web, worker, jobs) with the
production settings, against the test's database (PostgreSQL when DATABASE_URL says so) and a
real SMTP server on loopback, reached through a TLS proxy as the test plays one
(tests/core/browsing.py). A visitor and the coordinator crawl the site without a 500, a
citizen's inquiry goes round (form → worker → e-mail → tracking link), and what the processes
log is JSON lines with request and user ids and no personal data."""

import json
import re
import signal
import subprocess
import sys
import time

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group

from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.core.browsing import Browser, links
from tests.core.processes import PROJECT_DIR, SharedDatabase, environment, stop, wait_until_up
from tests.core.test_mail import Inbox, free_port
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SITE = "https://lokalkontakt.example.dk"
PASSWORD = "et-langt-kodeord-til-koordinatoren"  # noqa: S105
CITIZEN = {"name": "Birthe Borgersen", "email": "birthe.borgersen@example.dk"}
# Downloads and actions a crawl leaves alone: they are tested where they are built.
SKIP = re.compile(r"/log-ud/|\.(pdf|xlsx|zip|ics)$|/eksport|/download|/filer/|/admin/")


def production_environment(database, tmp_path, *, smtp_port: int, static_root, **settings) -> dict:
    """The documented production settings (docs/operations.md, Production start-up)."""
    return environment(
        database, tmp_path, smtp_port=smtp_port, LOKALKONTAKT_DEV=0, PYTHON=sys.executable,
        SECRET_KEY="production-" + "s" * 50, ALLOWED_HOSTS="127.0.0.1", SITE_URL=SITE,
        DEFAULT_FROM_EMAIL="lokalkontakt@lokalkontakt.example.dk", STATIC_ROOT=static_root,
        STATIC_COMPRESS=0, TRUSTED_PROXY_COUNT=1, LOG_LEVEL="INFO", PYTHONUNBUFFERED=1,
        WEB_CONCURRENCY=2, **settings)


def start(script: str, env: dict, log_dir, *args: str) -> subprocess.Popen:
    return subprocess.Popen([str(PROJECT_DIR / "scripts" / script), *args], env=env,  # noqa: S603
                            cwd=log_dir, stdout=(log_dir / f"{script}.out").open("w"),
                            stderr=(log_dir / f"{script}.err").open("w"))


def make_coordinator_with_password():
    """A coordinator who signs in with a password (not one of the demo's logins, which production
    refuses). A cheap hash: the server upgrades it at sign-in."""
    hasher = PBKDF2PasswordHasher()
    user = UserFactory(username="karin", password=None)
    user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    user.save()
    user.groups.add(Group.objects.get_or_create(name=COORDINATOR_GROUP)[0])
    EmployeeFactory(user=user, name="Karin Koordinator", title="Landdistriktskoordinator")
    return user


def crawl(browser: Browser, start_paths: list[str], limit: int) -> dict[str, int]:
    """The start pages and the pages they link to, at most `limit`: path → status."""
    seen, queue = {}, list(start_paths)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or SKIP.search(path):
            continue
        status, _headers, page = browser.get(path)
        seen[path] = status
        if path in start_paths and status == 200:
            queue.extend(links(page))
    return seen


def receipt_link(inbox: Inbox, address: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for recipients, message in list(inbox.messages):
            if address in recipients:
                body = message.get_payload(decode=True) if not message.is_multipart() else (
                    message.get_payload(0).get_payload(decode=True))
                return re.search(re.escape(SITE) + r"(/\S*/spor/[^\s/]+/)", body.decode()).group(1)
        time.sleep(0.2)
    raise AssertionError(f"no e-mail to {address} within {timeout} s")


def json_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_the_three_processes_serve_the_site_deliver_mail_and_log_json(tmp_path, collected_static):
    area = LocalAreaFactory(name="Glud")
    AssignmentFactory(area=area, employee=EmployeeFactory(name="Lise Lokal", email="lise@example.dk"))
    coordinator = make_coordinator_with_password()
    database = SharedDatabase(tmp_path)
    database.share()
    inbox, smtp_port, web_port = Inbox(), free_port(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = production_environment(database, tmp_path, smtp_port=smtp_port, static_root=collected_static,
                                 BIND=f"127.0.0.1:{web_port}")
    web = start("start-web", env, tmp_path)
    worker = start("start-worker", env, tmp_path, "--interval", "0.1", "--no-startup-delay")
    jobs = start("start-jobs", env, tmp_path)
    try:
        wait_until_up(f"http://127.0.0.1:{web_port}/healthz", web, timeout=90)

        visitor = Browser(web_port)
        anonymous = crawl(visitor, ["/", "/omraader/", area.get_absolute_url(), "/privatliv/"], 20)
        status, _headers, sent = visitor.submit("/henvendelser/ny/", {
            "area": area.pk, "submitter_kind": "citizen", "subject": "Vejbump ved skolen",
            "text": "Bilerne kører for stærkt.", "submitter_name": CITIZEN["name"],
            "submitter_email": CITIZEN["email"], "submitter_phone": "", "consent": "on",
            "website": ""})
        assert status == 302, sent[:500]
        tracking = receipt_link(inbox, CITIZEN["email"])
        tracked = visitor.get(tracking)

        staff = Browser(web_port, client="192.0.2.20")
        status, _headers, _page = staff.submit("/log-ind/", {"username": "karin", "password": PASSWORD})
        assert status == 302
        coordinator_pages = crawl(staff, ["/", "/mine-omraader/", "/koordinering/"], 30)
        _status, headers, _page = staff.get("/henvendelser/", **{"X-Request-ID": "proxy-id-1"})
    finally:
        stop(web)
        stop(worker)
        stop(jobs, signal.SIGTERM)
        controller.stop()

    assert [path for path, status in {**anonymous, **coordinator_pages}.items() if status >= 500] == []
    assert sum(status == 200 for status in anonymous.values()) >= 4, anonymous
    assert sum(status == 200 for status in coordinator_pages.values()) >= 10, coordinator_pages
    assert tracked[0] == 200 and "Vejbump ved skolen" in tracked[2]
    assert headers["X-Request-ID"] == "proxy-id-1"
    assert jobs.returncode == 0

    # Every line of every process parses; the jobs ran their first round as they started.
    web_log, jobs_log = json_lines(tmp_path / "start-web.out"), json_lines(tmp_path / "start-jobs.out")
    assert {line["logger"] for line in json_lines(tmp_path / "start-worker.out")} >= {"django_tasks"}
    seen = next(line for line in web_log if line.get("request_id") == "proxy-id-1")
    assert (seen["logger"], seen["user_id"], seen["path"], seen["status"]) == (
        "lokalkontakt.access", coordinator.pk, "/henvendelser/", 200)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", seen["time"])
    assert any(line["path"] == "/henvendelser/spor/<str:token>/" for line in web_log
               if line["logger"] == "lokalkontakt.access")
    messages = [line["message"] for line in jobs_log]
    assert "Scheduler stopped." in messages and any("Periodic jobs ran" in m for m in messages)
    everything = "".join((tmp_path / name).read_text() for name in (
        "start-web.out", "start-web.err", "start-worker.out", "start-worker.err", "start-jobs.out"))
    token = tracking.rstrip("/").rsplit("/", 1)[1]
    for secret in (CITIZEN["name"], CITIZEN["email"], token, "lise@example.dk", PASSWORD):
        assert secret not in everything
