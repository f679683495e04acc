# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The links that set a password: one for a new login (valid ACCOUNT_SETUP_DAYS days) and one for
"Forgot password?" (valid PASSWORD_RESET_HOURS hours).

A link's token is `<purpose><user id in base 36>-<Django's password-reset token>`: one URL
argument of URL-safe characters, so the e-mail's copy can be blanked once sent
(core.registry.email_secret_links). Django's token is an HMAC of the user's id, password hash,
last login and e-mail with a timestamp: setting the password (or signing in) uses it up, and
nobody can make one without SECRET_KEY. Each purpose has its own salt, so a reset link cannot
pass for a set-up link with its longer life.
"""

import enum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int, int_to_base36

from lokalkontakt.core.tokens import client_hash


class Purpose(enum.StrEnum):
    SETUP = "n"  # a new login
    RESET = "r"  # forgot password


class LinkState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"  # used, changed or made up


class _Generator(PasswordResetTokenGenerator):
    def __init__(self, purpose: Purpose):
        super().__init__()
        self.purpose = purpose
        self.key_salt = f"lokalkontakt.people.tokens.{purpose.name.lower()}"

    def lifetime_seconds(self) -> int:
        if self.purpose is Purpose.SETUP:
            return settings.ACCOUNT_SETUP_DAYS * 24 * 3600
        return settings.PASSWORD_RESET_TIMEOUT

    def state(self, user, token: str) -> LinkState:
        """Like check_token, with its own lifetime, and telling an expired link from a bad one."""
        try:
            ts_b36, _hash = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return LinkState.INVALID
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token):
                if self._num_seconds(self._now()) - timestamp > self.lifetime_seconds():
                    return LinkState.EXPIRED
                return LinkState.VALID
        return LinkState.INVALID


def link_token(user, purpose: Purpose) -> str:
    """The token of a new link for the user."""
    return f"{purpose.value}{int_to_base36(user.pk)}-{_Generator(purpose).make_token(user)}"


def link_user(token: str):
    """(user, purpose, state) for a link's token; user is None when it names nobody."""
    try:
        head, django_token = token.split("-", 1)
        purpose, user_pk = Purpose(head[:1]), base36_to_int(head[1:])
    except ValueError:
        return None, None, LinkState.INVALID
    user = get_user_model().objects.filter(pk=user_pk).first()
    if user is None:
        return None, purpose, LinkState.INVALID
    return user, purpose, _Generator(purpose).state(user, django_token)


def account_client_hash(client: str) -> str:
    """What the rate limits of "Forgot password?" and of refused links store of an address."""
    return client_hash(client, purpose="account")
