# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""E-mail, the task queue's housekeeping and the thresholds of /healthz."""

import os

from .base import VAR_DIR

# EMAIL_URL, e.g. smtp://user:password@mail.example.dk:587?tls=1; without it mail is written to var/mail/.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
if EMAIL_URL:
    from urllib.parse import parse_qs, unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    _mail_options = parse_qs(_mail.query)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = _mail.hostname or "localhost", _mail.port or 25
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = unquote(_mail.username or ""), unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail_options.get("tls", ["0"])[0] == "1"
    EMAIL_USE_SSL = _mail.scheme == "smtps"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "10"))
# A message still being sent after this many minutes was left by a worker that stopped: the
# periodic job queues it again (it may have reached the server: at least once). Keep it well
# above EMAIL_TIMEOUT, which one SMTP command may take.
EMAIL_SENDING_STALE_MINUTES = int(os.environ.get("EMAIL_SENDING_STALE_MINUTES", "10"))
# The coordinator's page of e-mails not delivered lists those waiting longer than this.
EMAIL_DELAYED_MINUTES = int(os.environ.get("EMAIL_DELAYED_MINUTES", "30"))
# Task results still running after this many minutes were left by a worker that stopped: they
# are marked failed (their retention is in retention.py).
TASK_RUNNING_STALE_MINUTES = int(os.environ.get("TASK_RUNNING_STALE_MINUTES", "60"))
# /healthz answers 503 when a task has waited for the worker, or an e-mail to be sent, this long.
HEALTH_TASK_STALE_MINUTES = int(os.environ.get("HEALTH_TASK_STALE_MINUTES", "10"))
HEALTH_EMAIL_STALE_MINUTES = int(os.environ.get("HEALTH_EMAIL_STALE_MINUTES", "60"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "lokalkontakt@example.dk")
# The coordinator's shared mailbox: when set, what is meant for "the coordinator" (and the notices
# for people who cannot get e-mail) goes here instead of to each coordinator's own address.
COORDINATOR_EMAIL = os.environ.get("COORDINATOR_EMAIL", "")
