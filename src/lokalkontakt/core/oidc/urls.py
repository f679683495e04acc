# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The provider's way back in (mounted under oidc/, without a namespace: mozilla-django-oidc
reverses "oidc_authentication_callback")."""

from django.urls import path

from lokalkontakt.core.http import public
from lokalkontakt.core.oidc import views

urlpatterns = [
    path("authenticate/", public(views.SignInView.as_view()), name="oidc_authentication_init"),
    path("callback/", public(views.CallbackView.as_view()), name="oidc_authentication_callback"),
]
