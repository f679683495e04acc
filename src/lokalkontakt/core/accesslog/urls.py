# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The access log (mounted under koordinering/adgangslog/)."""

from django.urls import path

from lokalkontakt.core.accesslog import views

app_name = "accesslog"
urlpatterns = [
    path("", views.access_log, name="list"),
    path("adgangslog.xlsx", views.access_log_export, name="export"),
]
