# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""gunicorn.conf.py reads the environment: processes from the CPU count unless WEB_CONCURRENCY
says otherwise, where to listen, the proxies believed; gunicorn's own lines as JSON in
production; no access log of its own (the application's has no tokens)."""

import multiprocessing
import runpy

from tests.core.processes import PROJECT_DIR

CONF = str(PROJECT_DIR / "gunicorn.conf.py")


def read(monkeypatch, **env) -> dict:
    for name in ("WEB_CONCURRENCY", "BIND", "PORT", "FORWARDED_ALLOW_IPS", "LOG_FORMAT",
                 "LOKALKONTAKT_DEV"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(CONF)


def test_the_defaults_suit_a_container(monkeypatch):
    conf = read(monkeypatch, LOKALKONTAKT_DEV="0")

    assert conf["workers"] == min(2 * multiprocessing.cpu_count() + 1, 12)
    assert conf["bind"] == ["0.0.0.0:8000"]
    assert conf["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert conf["accesslog"] is None
    assert conf["logconfig_dict"]["formatters"]["json"]["()"] == "lokalkontakt.core.logs.JSONFormatter"


def test_the_environment_overrides_them(monkeypatch):
    conf = read(monkeypatch, WEB_CONCURRENCY="3", PORT="9000", FORWARDED_ALLOW_IPS="10.0.0.5",
                LOG_FORMAT="text")

    assert (conf["workers"], conf["bind"], conf["forwarded_allow_ips"]) == (3, ["0.0.0.0:9000"], "10.0.0.5")
    assert "logconfig_dict" not in conf
    assert read(monkeypatch, BIND="127.0.0.1:8001")["bind"] == ["127.0.0.1:8001"]
