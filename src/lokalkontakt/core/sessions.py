# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Sessions end: after `SESSION_IDLE_MINUTES` without a request (default 60), and at the latest
`SESSION_MAX_HOURS` after signing in (default 10), whatever happens in between. The next request
then finds the visitor signed out, and a page that needs a login sends them to it with a message.

Pages shown to a signed-in user are never stored by the browser or a proxy (Cache-Control:
no-store): they may hold citizens' personal data. Public pages with personal data (the inquiry
tracking page, its files) say so themselves.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

SIGNED_IN_AT = "lk_signed_in_at"
SEEN_AT = "lk_seen_at"
# The time of the last request is written at most every five minutes, so a page seldom costs a
# session write (the idle timeout is that precise).
SEEN_RESOLUTION_SECONDS = 300


@receiver(user_logged_in)
def _start_the_clocks(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = request.session[SEEN_AT] = now


def _expired(session, now: int) -> str | None:
    """Why the session has ended, or None."""
    signed_in_at = session.get(SIGNED_IN_AT)
    seen_at = session.get(SEEN_AT, signed_in_at)
    if signed_in_at is None:
        return None
    if now - signed_in_at > settings.SESSION_MAX_HOURS * 3600:
        return _("You have been logged out: a login lasts at most %(hours)s hours.") % {
            "hours": settings.SESSION_MAX_HOURS}
    if now - seen_at > settings.SESSION_IDLE_MINUTES * 60:
        return _("You have been logged out after %(minutes)s minutes without activity.") % {
            "minutes": settings.SESSION_IDLE_MINUTES}
    return None


class SessionTimeoutMiddleware:
    """After AuthenticationMiddleware: ends expired sessions and keeps signed-in pages out of
    caches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        if signed_in:
            now = int(time.time())
            reason = _expired(request.session, now)
            if reason:
                logout(request)
                messages.info(request, reason)
                signed_in = False
            else:
                if SIGNED_IN_AT not in request.session:  # a session from before the clocks
                    request.session[SIGNED_IN_AT] = now
                if now - request.session.get(SEEN_AT, 0) >= SEEN_RESOLUTION_SECONDS:
                    request.session[SEEN_AT] = now
        response = self.get_response(request)
        if signed_in or request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
