# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Production settings as an installation sets them (LOKALKONTAKT_DEV=0, a secret key, the host):
`check --deploy` finds nothing, plain HTTP is sent to HTTPS with HSTS, and the load balancer's
/healthz over HTTP is not redirected. Run in a process of its own, as settings are read at start."""

import json
import os
import subprocess
import sys

from tests.core.processes import PROJECT_DIR

PROGRAM = """
import io, json, django
django.setup()
from django.core.management import call_command
from django.test import Client
out = io.StringIO()
call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=out)
client = Client(SERVER_NAME="lokalkontakt.example.dk")
page = client.get("/omraader/")
secure = client.get("/healthz", secure=True)
health = client.get("/healthz")
print(json.dumps({"check": out.getvalue().strip(), "page": [page.status_code, page.get("Location")],
                  "hsts": secure.get("Strict-Transport-Security"),
                  "health": health.status_code}))
"""


def production_environment(tmp_path, static_root) -> dict:
    """The production environment docs/operations.md documents (Production start-up), behind
    one TLS proxy."""
    env = {**os.environ, "LOKALKONTAKT_DEV": "0", "SECRET_KEY": "k" * 20 + "-production-" + "x" * 30,
           "ALLOWED_HOSTS": "lokalkontakt.example.dk", "SITE_URL": "https://lokalkontakt.example.dk",
           "CSRF_TRUSTED_ORIGINS": "https://lokalkontakt.example.dk",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
           "EMAIL_URL": "smtp://mail.example.dk:587?tls=1",
           "DEFAULT_FROM_EMAIL": "lokalkontakt@example.dk", "TRUSTED_PROXY_COUNT": "1",
           "STATIC_ROOT": str(static_root), "STATIC_COMPRESS": "0"}
    for name in ("LOKALKONTAKT_DEMO", "STATIC_MANIFEST", "HTTPS", "SECURE_COOKIES", "HSTS_SECONDS",
                 "DEBUG", "LOG_FORMAT"):
        env.pop(name, None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests set it in this process
    return env


def test_production_settings_pass_check_deploy_and_redirect_to_https(tmp_path, collected_static):
    env = production_environment(tmp_path, collected_static)

    result = subprocess.run([sys.executable, "-c", PROGRAM], cwd=PROJECT_DIR, env=env,  # noqa: S603
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["check"] == "System check identified no issues (1 silenced)."
    assert seen["page"] == [301, "https://lokalkontakt.example.dk/omraader/"]
    assert seen["hsts"] == "max-age=31536000; includeSubDomains"
    assert seen["health"] == 503  # answered over HTTP (the database here is empty), not redirected


def test_check_deploy_names_the_production_settings_missing(tmp_path, collected_static):
    env = production_environment(tmp_path, collected_static)
    for name in ("ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL"):
        del env[name]

    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=PROJECT_DIR,  # noqa: S603
                            env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 1
    assert "(lokalkontakt.E003) Production settings missing: ALLOWED_HOSTS, DATABASE_URL, EMAIL_URL." in (
        result.stderr)
