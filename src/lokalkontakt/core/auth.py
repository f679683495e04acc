# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Signing in with a username and password: Django's model backend, except that the demo's logins
(`koordinator`, `lokalkontakt`, `kollega`, password "demo") are refused unless the demo is enabled,
and that no password signs in while local passwords are off (LOCAL_PASSWORDS=0, for single sign-on)
but the demo's, while the demo is on.

A database where the demo was once loaded keeps those users; in production (LOKALKONTAKT_DEMO=0)
they can neither sign in nor keep a session they had, and `manage.py check --deploy` reports them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core import checks
from django.db import DatabaseError

# The logins `load_demo` makes (areas.demo.DEMO_USERS); a test keeps the two lists alike.
DEMO_USERNAMES = frozenset({"koordinator", "lokalkontakt", "kollega"})
BACKEND = "lokalkontakt.core.auth.PasswordBackend"


def is_refused_demo_login(username: str) -> bool:
    return not settings.DEMO_ENABLED and username in DEMO_USERNAMES


def is_refused_password(username: str) -> bool:
    """Whether a password sign-in is refused because local passwords are off."""
    return not settings.LOCAL_PASSWORDS and not (settings.DEMO_ENABLED and username in DEMO_USERNAMES)


class PasswordBackend(ModelBackend):
    """ModelBackend without the demo's logins when the demo is disabled. `user_can_authenticate`
    is asked both at sign-in and for every request of an existing session. Without local
    passwords, `authenticate` refuses every password but the demo's; the sessions this backend
    keeps (council members' one-time links sign in through it) go on."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and is_refused_password(str(username)):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def user_can_authenticate(self, user) -> bool:
        if is_refused_demo_login(user.get_username()):
            return False
        return super().user_can_authenticate(user)


@checks.register(checks.Tags.security, deploy=True)
def check_demo_logins(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`check --deploy`: the demo must be off, and no active demo login may be left."""
    problems = []
    if settings.DEMO_ENABLED:
        problems.append(checks.Error(
            "The demo is enabled: its logins (password 'demo') can sign in.",
            hint="Set LOKALKONTAKT_DEMO=0 (or LOKALKONTAKT_DEV=0) in production.",
            id="lokalkontakt.E001"))
    try:
        left = sorted(get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True)
                      .values_list("username", flat=True))
    except DatabaseError:  # no database yet (or not migrated): nothing can sign in either
        left = []
    if left:
        problems.append(checks.Error(
            f"The demo's logins exist in the database: {', '.join(left)}.",
            hint="They cannot sign in while the demo is disabled; deactivate or delete them "
                 "(Django admin, Users).",
            id="lokalkontakt.E002"))
    return problems
