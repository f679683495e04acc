# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Signing in through the provider (mozilla-django-oidc's views, with the endpoints from discovery),
and logging out there too. The views answer 404 while OIDC is not configured."""

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc import views as oidc_views

from lokalkontakt.core.oidc.discovery import ProviderUnavailable, oidc_enabled, oidc_setting

logger = logging.getLogger(__name__)
# Set on the request by the backend (people.oidc) for someone the provider knows and Lokalkontakt
# does not (no active employee matches the identity): they get a page saying so.
REFUSED = "lk_oidc_refused"


def is_provider_callback(request, credentials=None) -> bool:
    """django-axes' AXES_WHITELIST_CALLABLE: the provider's callback checks no password here (the
    provider throttles its own), so a refusal there is not a failed login; counted, a few people
    the scheme does not know would lock everyone behind the municipality's address out."""
    return request is not None and request.path_info == reverse("oidc_authentication_callback")


def unavailable(request, error):
    logger.warning("The identity provider could not be reached: %s", error)
    messages.error(request, _("The municipality's login cannot be reached right now. "
                              "Please try again later."))
    return redirect("login")


class SignInView(oidc_views.OIDCAuthenticationRequestView):
    """"Log in with the municipality's login": off to the provider's authorisation endpoint."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):  # the endpoint is looked up in get(), where it can fail
        super(oidc_views.OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except ProviderUnavailable as error:
            return unavailable(request, error)
        return super().get(request)


class CallbackView(oidc_views.OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code; the backend turns it into a user."""

    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        try:
            return super().get(request)
        except (ProviderUnavailable, requests.RequestException) as error:
            return unavailable(request, error)

    def login_failure(self):
        if getattr(self.request, REFUSED, False):
            return render(self.request, "registration/oidc_refused.html", status=403)
        messages.error(self.request, _("Signing in with the municipality's login did not succeed. "
                                       "Please try again."))
        return super().login_failure()


def provider_logout_url(request) -> str | None:
    """Where the browser ends the provider's session (its end_session endpoint, told who and where
    to come back to), or None for a user who did not sign in through the provider."""
    id_token = request.session.get("oidc_id_token")
    if not id_token or not oidc_enabled():
        return None
    try:
        endpoint = oidc_setting("OIDC_OP_END_SESSION_ENDPOINT", None)
    except ProviderUnavailable as error:
        logger.warning("Logged out here only; the identity provider could not be reached: %s", error)
        return None
    if not endpoint:
        return None
    back = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": back,
                       "client_id": settings.OIDC_RP_CLIENT_ID})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


class LogoutView(auth_views.LogoutView):
    """Log out (POST); someone who signed in through the provider is logged out there too."""

    def post(self, request, *args, **kwargs):
        at_provider = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(at_provider) if at_provider else response
