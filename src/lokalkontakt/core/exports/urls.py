# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Prepared exports (mounted under eksport/)."""

from django.urls import path

from lokalkontakt.core.exports import views

app_name = "exports"
urlpatterns = [
    path("<int:pk>/", views.export_status, name="status"),
    path("<int:pk>/hent/", views.export_download, name="download"),
]
