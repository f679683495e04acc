# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Log lines that an operator can search and no one can read a person from: JSON lines with the
time, level, logger, message, the request's id and the signed-in user's id (settings/logs.py).

A request's id comes from the proxy's `X-Request-ID` behind trusted proxies when it is sane, else
it is made here; the response carries it back. A path is logged as its URL pattern
(`/spor/<str:token>/`), so a private link's token never reaches a log, and anything shaped like
an e-mail address is blanked from every line."""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.urls import Resolver404, resolve

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:=+/-]{1,128}")
_EMAIL = re.compile(r"[^\s@<>\"'(),;:]+@[^\s@<>\"'(),;:]+\.[A-Za-z]{2,}")
# What the access log's lines add (as `extra`).
_ACCESS_FIELDS = ("method", "path", "status", "duration_ms")
_request = contextvars.ContextVar("lokalkontakt_request", default=None)
access_logger = logging.getLogger("lokalkontakt.access")


def path_pattern(request) -> str:
    """The URL pattern the request's path matched ("/spor/<str:token>/"), the path itself for
    static files, "-" for a path that matches nothing (it may be a mistyped private link)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        if request.path.startswith(settings.STATIC_URL):
            return request.path
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return "-"
    return "/" + match.route


def _user_id(request):
    """The user's id if authentication has already looked them up; a log line never queries."""
    user = request.__dict__.get("user")
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped.__class__.__name__ == "object":  # LazyObject's `empty`
        return None
    return wrapped.pk if getattr(wrapped, "is_authenticated", False) else None


def _request_of(record: logging.LogRecord):
    """The request being handled; Django's "Not Found" and "Internal Server Error" lines come after
    the middleware has returned, and name the request themselves."""
    return _request.get() or getattr(record, "request", None)


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `user_id` to every record made while a request is handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = _request_of(record)
        record.request_id = getattr(request, "id", None)
        try:
            record.user_id = _user_id(request) if request is not None else None
        except Exception:  # noqa: BLE001 - a log line must never fail the request
            record.user_id = None
        return True


def scrub(text: str, request=None) -> str:
    """The text without e-mail addresses and without the request's path (its pattern instead):
    Django's own messages ("Not Found: /henvendelser/spor/…/") name the path."""
    if request is not None and len(getattr(request, "path", "")) > 1 and request.path in text:
        text = text.replace(request.path, path_pattern(request))
    return _EMAIL.sub("[e-mail]", text)


class JSONFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        request = _request_of(record)
        line = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage(), request),
            "request_id": getattr(record, "request_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        line.update({name: getattr(record, name) for name in _ACCESS_FIELDS if hasattr(record, name)})
        if record.exc_info:
            line["exception"] = scrub(self.formatException(record.exc_info), request)
        return json.dumps(line, ensure_ascii=False, default=str)


def _incoming_id(request) -> str | None:
    """The proxy's request id: only behind trusted proxies (a visitor could otherwise pick it),
    and only a short token (no spaces or quotes to forge a log line with)."""
    value = request.headers.get(HEADER, "")
    if settings.TRUSTED_PROXY_COUNT and _SANE_ID.fullmatch(value):
        return value
    return None


class RequestIdMiddleware:
    """Gives the request its id for the log lines made while it is handled, returns the id in
    the response's `X-Request-ID` and writes the access log's line (settings.ACCESS_LOG)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = _incoming_id(request) or uuid.uuid4().hex
        token = _request.set(request)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request.id
            # The load balancer's polls of a healthy /healthz would fill the log.
            quiet = request.path == "/healthz" and response.status_code == 200
            if not quiet and access_logger.isEnabledFor(logging.INFO):
                path = path_pattern(request)
                duration = round((time.monotonic() - started) * 1000)
                access_logger.info("%s %s %s %d ms", request.method, path, response.status_code,
                                   duration, extra={"method": request.method, "path": path,
                                                    "status": response.status_code,
                                                    "duration_ms": duration})
            return response
        finally:
            _request.reset(token)


def gunicorn_logging(level: str) -> dict:
    """gunicorn's own log lines (start, stop, a worker's timeout) as JSON lines on stdout."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": "WARNING", "handlers": []},
        "formatters": {"json": {"()": "lokalkontakt.core.logs.JSONFormatter"}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json",
                                "stream": "ext://sys.stdout"}},
        "loggers": {"gunicorn.error": {"level": level, "handlers": ["stdout"], "propagate": False},
                    "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False}},
    }
