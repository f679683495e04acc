# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The submitter's private tracking link.

Each inquiry has a random `tracking_salt`; its token is an HMAC of that salt keyed with
SECRET_KEY, so every e-mail to the submitter (receipt, reply) can carry the same link without
the link being stored. The database keeps only the salt and the token's SHA-256
(`token_hash`, which the tracking page looks up), so a database leak alone reveals no link: the
token needs SECRET_KEY as well.

Rotating SECRET_KEY, as with Django's password-reset links, stops the token from being
derived again: the links already sent keep opening the page (the look-up is by the stored
hash), but later e-mails can repeat the link only while the old key is listed in
SECRET_KEY_FALLBACKS; otherwise they point the submitter to the receipt instead. Inquiries
received before the salt existed (blank salt) are in the same position."""

import base64

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import get_random_string, salted_hmac

from lokalkontakt.core.mail import site_url
from lokalkontakt.core.tokens import token_hash

KEY_SALT = "lokalkontakt.inquiries.tracking"


def new_tracking_salt() -> str:
    """A fresh salt for a new inquiry (about 190 random bits)."""
    return get_random_string(32)


def _derive(salt: str, secret: str) -> str:
    digest = salted_hmac(KEY_SALT, salt, secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()  # 43 characters


def tracking_token_for_salt(salt: str) -> str:
    """The token of a new inquiry with this salt, under the current SECRET_KEY."""
    return _derive(salt, settings.SECRET_KEY)


def tracking_token(inquiry) -> str | None:
    """The inquiry's tracking token, or None when it cannot be derived: an inquiry from before
    the salt existed, or SECRET_KEY rotated without the old key in SECRET_KEY_FALLBACKS. The
    token is checked against the stored hash, so an e-mail never carries a link that fails."""
    if not inquiry.tracking_salt:
        return None
    for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        token = _derive(inquiry.tracking_salt, secret)
        if token_hash(token) == inquiry.token_hash:
            return token
    return None


def tracking_url(token: str) -> str:
    return site_url(reverse("inquiries:track", kwargs={"token": token}))


def tracking_url_of(inquiry) -> str | None:
    """The absolute tracking link for e-mails, or None (see tracking_token)."""
    token = tracking_token(inquiry)
    return tracking_url(token) if token else None
