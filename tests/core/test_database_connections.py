# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A process keeps its SQLite connection between requests (CONN_MAX_AGE, as on PostgreSQL), with
the pragmas set when it opens: opening a connection and setting them again was half of
/healthz's time. Each request goes through the WSGI handler as gunicorn calls it, so Django
closes (or keeps) the connection at the request's end as it does in production."""

import json
import subprocess
import sys

import pytest
from django.db import connection

from tests.core.processes import PROJECT_DIR, SharedDatabase

pytestmark = pytest.mark.django_db(transaction=True)

# Three requests to /healthz; then the connections opened and the pragmas of the last one.
REQUESTS = """
import json, django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.db.backends.signals import connection_created
from wsgiref.util import setup_testing_defaults

opened, statuses, application = [], [], WSGIHandler()
connection_created.connect(lambda sender, connection, **kwargs: opened.append(connection.alias),
                           weak=False)
for _ in range(3):
    environ = {"PATH_INFO": "/healthz", "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    response = application(environ, lambda status, headers: statuses.append(status))
    b"".join(response)
    response.close()  # the end of the request (request_finished), as gunicorn does
with connection.cursor() as cursor:
    pragmas = {name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
               for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")}
print(json.dumps({"opened": len(opened), "statuses": statuses, "pragmas": pragmas}))
"""


def serve_three_requests(tmp_path, **environment) -> dict:
    database = SharedDatabase(tmp_path)
    database.share()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_DIR / "src"),
           "DJANGO_SETTINGS_MODULE": "lokalkontakt.config.settings", "DATABASE_URL": database.url,
           "LOKALKONTAKT_VAR_DIR": str(tmp_path / "var"), "LOG_LEVEL": "WARNING", **environment}
    result = subprocess.run([sys.executable, "-c", REQUESTS], env=env, cwd=PROJECT_DIR,  # noqa: S603
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's connection and pragmas; PostgreSQL kept its connections already")


def test_one_sqlite_connection_serves_request_after_request(sqlite_only, tmp_path):
    result = serve_three_requests(tmp_path)

    assert result["statuses"] == ["200 OK"] * 3
    assert result["opened"] == 1
    # WAL, synchronous=NORMAL (1), a 5 s busy timeout and foreign keys: set once, still in force
    assert result["pragmas"] == {"journal_mode": "wal", "synchronous": 1, "busy_timeout": 5000,
                                 "foreign_keys": 1}


def test_conn_max_age_0_opens_a_connection_per_request(sqlite_only, tmp_path):
    result = serve_three_requests(tmp_path, CONN_MAX_AGE="0")

    assert result["statuses"] == ["200 OK"] * 3
    assert result["opened"] == 3 + 1  # and one more for the pragmas read after the last request
