# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The start scripts refuse to start a production process whose settings are incomplete, and
say which setting is missing; the web process refuses without collected static files (which
would make every page answer 500). Each script ends by itself within seconds."""

import shutil
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from tests.core.processes import PROJECT_DIR

pytestmark = pytest.mark.integration

SCRIPTS = ["start-web", "start-worker", "start-jobs"]


@pytest.fixture
def production(tmp_path, collected_static):
    """Every setting production needs (docs/operations.md, Production start-up); the tests take
    one away."""
    return {
        "PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_DIR / "src"), "PYTHON": sys.executable,
        "LOKALKONTAKT_DEV": "0", "SECRET_KEY": "production-" + "s" * 50,
        "ALLOWED_HOSTS": "lokalkontakt.example.dk", "SITE_URL": "https://lokalkontakt.example.dk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}", "EMAIL_URL": "smtp://127.0.0.1:25",
        "DEFAULT_FROM_EMAIL": "lokalkontakt@lokalkontakt.example.dk",
        "STATIC_ROOT": str(collected_static), "STATIC_COMPRESS": "0",
        "LOKALKONTAKT_VAR_DIR": str(tmp_path / "var"), "MIGRATION_WAIT_SECONDS": "0",
    }


def start(script: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(PROJECT_DIR / "scripts" / script)], env=env, cwd=PROJECT_DIR,  # noqa: S603
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_script_refuses_to_start_without_the_secret_key(script, production):
    del production["SECRET_KEY"]

    result = start(script, production)

    assert result.returncode == 78
    assert "lokalkontakt: SECRET_KEY must be set when LOKALKONTAKT_DEV=0 (production)." in result.stderr
    assert "will not start" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_script_names_every_production_setting_missing(production):
    del production["SITE_URL"], production["EMAIL_URL"]

    result = start("start-worker", production)

    assert result.returncode == 78
    assert "(lokalkontakt.E003) Production settings missing: SITE_URL, EMAIL_URL." in result.stderr
    assert "The worker will not start" in result.stderr


def test_the_web_process_refuses_to_start_without_collected_static_files(production, tmp_path):
    production["STATIC_ROOT"] = str(tmp_path / "not-collected")

    result = start("start-web", production)

    assert result.returncode == 78
    assert "(lokalkontakt.E004) The static files are not collected" in result.stderr
    assert "collectstatic --noinput" in result.stderr
    assert "The web process will not start" in result.stderr


def test_the_worker_does_not_start_on_a_database_not_migrated(production):
    result = start("start-worker", production)

    assert result.returncode == 78
    assert "The database still has migrations to apply after 0 s" in result.stderr


def test_two_web_processes_starting_at_once_migrate_a_fresh_database_once(production):
    """Two instances of the web process (say, a rolling start) on one fresh PostgreSQL database:
    the first migrates under the advisory lock, the second waits and finds nothing to do."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql" or not shutil.which("createdb"):
        pytest.skip("the migration lock is PostgreSQL's (SQLite's write lock serves one machine)")
    env = {"PATH": "/usr/bin:/bin", "PGPASSWORD": settings["PASSWORD"] or "",
           "PGHOST": settings["HOST"] or "localhost", "PGPORT": str(settings["PORT"] or 5432),
           "PGUSER": settings["USER"]}
    name = f"{settings['NAME']}_two_starts"
    subprocess.run(["dropdb", "--if-exists", name], env=env, check=True, capture_output=True)  # noqa: S607
    subprocess.run(["createdb", name], env=env, check=True, capture_output=True)  # noqa: S607
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    production["DATABASE_URL"] = (f"postgres://{quote(settings['USER'], safe='')}{password}@"
                                  f"{env['PGHOST']}:{env['PGPORT']}/{name}")
    command = [sys.executable, "-m", "lokalkontakt", "preflight", "--migrate"]
    try:
        both = [subprocess.Popen(command, env=production, cwd=PROJECT_DIR, text=True,  # noqa: S603
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        results = [(process.wait(timeout=300), process.stderr.read()) for process in both]
        assert [code for code, _ in results] == [0, 0], results
        applied = subprocess.run(
            ["psql", "-At", "-d", name, "-c",  # noqa: S607
             "SELECT count(*), count(DISTINCT (app, name)) FROM django_migrations"],
            env=env, check=True, capture_output=True, text=True).stdout.strip()
        total, distinct = map(int, applied.split("|"))
        assert total == distinct > 50
    finally:
        for process in both:
            process.stdout.close()
            process.stderr.close()
        subprocess.run(["dropdb", "--if-exists", name], env=env, capture_output=True)  # noqa: S607
