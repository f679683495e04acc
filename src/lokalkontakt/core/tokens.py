# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Secrets in links and addresses kept only as hashes."""

import hashlib
import secrets

from django.conf import settings


def new_token() -> str:
    """A token for a private link (tracking, one-time login): 256 random bits."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored of a link's token: its SHA-256, so a database leak reveals no link."""
    return hashlib.sha256(token.encode()).hexdigest()


def client_hash(client: str, *, purpose: str = "") -> str:
    """A keyed hash of a client's address: enough to rate-limit, not to identify."""
    scope = f"{purpose}:" if purpose else ""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{scope}{client}".encode()).hexdigest()
