# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's page of e-mails that were not delivered (mounted under koordinering/e-mails/)."""

from django.urls import path

from lokalkontakt.core import views

app_name = "emails"
urlpatterns = [
    path("", views.emails_undelivered, name="undelivered"),
    path("<int:pk>/send-igen/", views.email_resend, name="resend"),
]
