# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Logging: JSON lines on stdout in production (LOG_FORMAT=json, the default when
LOKALKONTAKT_DEV=0), readable lines in development (LOG_FORMAT=text). Each line carries the
request id and the signed-in user's id (core.logs), never a name or an e-mail address."""

import os

from .base import PRODUCTION, env_bool

LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text").strip().lower()
# One line per request (method, URL pattern, status, duration): the application writes it, not
# gunicorn, because only the application knows the pattern behind a path with a private token.
ACCESS_LOG = env_bool("ACCESS_LOG", LOG_FORMAT == "json")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "lokalkontakt.core.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "lokalkontakt.core.logs.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                    "filters": ["request"], "formatter": "json" if LOG_FORMAT == "json" else "text"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "lokalkontakt.access": {"level": "INFO" if ACCESS_LOG else "WARNING"},
        # WeasyPrint (the briefing pack's PDF) logs every step of a rendering at INFO.
        "axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
