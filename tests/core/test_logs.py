# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Log lines (core/logs.py): JSON with the time, level, logger, request id and user id; the
request id from a trusted proxy when sane, else made here, and returned in the response; no
e-mail address and no private link's token in a line."""

import json
import logging
import re

import pytest

from lokalkontakt.core.logs import JSONFormatter, RequestContextFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def access_lines(caplog):
    """The access log's lines of the requests the test makes, as production formats them."""
    caplog.handler.addFilter(RequestContextFilter())
    caplog.set_level(logging.INFO, logger="lokalkontakt.access")
    formatter = JSONFormatter()
    return lambda: [json.loads(formatter.format(record)) for record in caplog.records
                    if record.name == "lokalkontakt.access"]


def test_a_request_gets_an_id_which_the_response_and_the_log_line_carry(client, access_lines):
    response = client.get("/omraader/")

    [line] = access_lines()
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["level"], line["logger"], line["path"], line["status"], line["user_id"]) == (
        "INFO", "lokalkontakt.access", "/omraader/", 200, None)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])


def test_the_proxy_request_id_is_kept_behind_trusted_proxies_when_sane(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    kept = client.get("/omraader/", headers={"X-Request-ID": "7f3c-proxy.id"})
    forged = client.get("/omraader/", headers={"X-Request-ID": 'x" level="ERROR'})

    assert kept["X-Request-ID"] == "7f3c-proxy.id"
    assert re.fullmatch(r"[0-9a-f]{32}", forged["X-Request-ID"])


def test_a_visitor_cannot_choose_the_request_id_without_a_trusted_proxy(client):
    response = client.get("/omraader/", headers={"X-Request-ID": "chosen-by-visitor"})

    assert response["X-Request-ID"] != "chosen-by-visitor"


def test_the_line_names_the_signed_in_user_by_id(coordinator_client, coordinator, access_lines):
    coordinator_client.get("/henvendelser/")

    [line] = access_lines()
    assert (line["user_id"], line["path"]) == (coordinator.pk, "/henvendelser/")
    assert coordinator.username not in json.dumps(line)


def test_a_private_link_is_logged_as_its_pattern_and_e_mail_addresses_are_blanked(
        client, caplog, access_lines):
    client.get("/henvendelser/spor/hemmelig-token-123/")

    [access] = access_lines()
    [not_found] = [record for record in caplog.records if record.name == "django.request"]
    line = json.loads(JSONFormatter().format(not_found))
    assert access["path"] == "/henvendelser/spor/<str:token>/"
    assert line["message"] == "Not Found: /henvendelser/spor/<str:token>/"
    assert line["request_id"] == access["request_id"]
    record = logging.makeLogRecord({"msg": "Mail to %s failed", "args": ("birthe@example.dk",)})
    assert json.loads(JSONFormatter().format(record))["message"] == "Mail to [e-mail] failed"


def test_a_healthy_healthz_is_not_logged_but_a_failing_one_is(client, access_lines, settings, tmp_path):
    client.get("/healthz")
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    settings.STATIC_ROOT = tmp_path / "not-collected"
    client.get("/healthz")

    assert [(line["path"], line["status"]) for line in access_lines()] == [("/healthz", 503)]
