# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public directory and the area pages (under omraader/); the coordinator's pages are in
coordination (under koordinering/)."""

from django.urls import path

from lokalkontakt.areas.views import directory

app_name = "areas"
urlpatterns = [
    path("", directory.directory, name="directory"),
    path("<slug:slug>/", directory.detail, name="detail"),
]
