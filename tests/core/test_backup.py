# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The backup runbook (docs/operations.md, Backups) works: a dump of the database restores into a
fresh one, which passes `check`, has every migration and serves the site (PostgreSQL: pg_dump -Fc
and pg_restore; SQLite: the backup API, as `sqlite3 … .backup` does)."""

import shutil
import sqlite3
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import LocalAreaFactory
from tests.core.processes import PROJECT_DIR
from tests.inquiries.factories import InquiryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SMOKE = """
import django, json
django.setup()
from django.core.management import call_command
call_command("check", databases=["default"])  # raises SystemCheckError on a problem
call_command("migrate", check_unapplied=True, verbosity=0)  # exits 1 with one unapplied
from django.test import Client
from lokalkontakt.inquiries.models import Inquiry
client = Client()
health = client.get("/healthz")
area = client.get("/omraader/glud/")
print(json.dumps([health.status_code, area.status_code, Inquiry.objects.count(),
                  Inquiry.objects.get(subject="Stien ved skolen").submitter_name]))
"""


def run(*args, env):
    return subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=120)


def restored_env(url: str, tmp_path) -> dict:
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_DIR / "src"),
            "DJANGO_SETTINGS_MODULE": "lokalkontakt.config.settings", "DATABASE_URL": url,
            "LOKALKONTAKT_VAR_DIR": str(tmp_path / "var"), "LOG_LEVEL": "ERROR"}


def restore(tmp_path) -> tuple[str, callable]:
    """The test database dumped and restored into a fresh database: its URL and a clean-up."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        connection.ensure_connection()
        dump = tmp_path / "dump.sqlite3"
        with sqlite3.connect(dump) as copy:
            connection.connection.backup(copy)
        with sqlite3.connect(dump) as source, sqlite3.connect(target) as fresh:
            source.backup(fresh)
        return f"sqlite:///{target}", lambda: None
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    env = {"PATH": "/usr/bin:/bin", "PGPASSWORD": settings["PASSWORD"] or "",
           "PGHOST": settings["HOST"] or "localhost", "PGPORT": str(settings["PORT"] or 5432),
           "PGUSER": settings["USER"]}
    name = f"{settings['NAME']}_restored"
    dump = tmp_path / "lokalkontakt.dump"
    for command in (["pg_dump", "-Fc", "-f", str(dump), settings["NAME"]],
                    ["dropdb", "--if-exists", name], ["createdb", name],
                    ["pg_restore", "--no-owner", "-d", name, str(dump)]):
        result = run(*command, env=env)
        assert result.returncode == 0, result.stderr
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    url = f"postgres://{quote(settings['USER'], safe='')}{password}@{env['PGHOST']}:{env['PGPORT']}/{name}"
    return url, lambda: run("dropdb", "--if-exists", name, env=env)


def test_a_dump_restores_into_a_fresh_database_that_passes_check_and_serves_the_site(tmp_path):
    area = LocalAreaFactory(name="Glud", slug="glud")
    InquiryFactory(area=area, subject="Stien ved skolen", submitter_name="Mette Borger")
    url, clean_up = restore(tmp_path)
    try:
        # check, migrate --check and two pages, in one process (each start costs seconds).
        smoke = run(sys.executable, "-c", SMOKE, env=restored_env(url, tmp_path))
        assert smoke.returncode == 0, smoke.stderr
        assert smoke.stdout.strip().splitlines()[-1] == (
            f'[200, 200, {Inquiry.objects.count()}, "Mette Borger"]')
    finally:
        clean_up()
