# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.reports.scheme import views as scheme

app_name = "reports"

urlpatterns = [
    path("", scheme.scheme, name="scheme"),
    path("offentlig/", scheme.public_summary, name="public"),
]
