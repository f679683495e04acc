# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""/koordinering/api-noegler/: the coordinator's API key pages (config/urls.py includes them)."""

from django.urls import path

from lokalkontakt.api.pages import views

app_name = "api_keys"

urlpatterns = [
    path("", views.key_list, name="list"),
    path("ny/", views.key_new, name="new"),
    path("<int:pk>/tilbagekald/", views.key_revoke, name="revoke"),
]
