# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.reports.focus import views as focus_views
from lokalkontakt.reports.scheme import views as scheme

app_name = "reports"

urlpatterns = [
    path("", scheme.scheme, name="scheme"),
    path("offentlig/", scheme.public_summary, name="public"),
    path("fokusomraader/", focus_views.focus_list, name="focus_list"),
    path("fokusomraader/<slug:focus_area>/", focus_views.focus_detail, name="focus"),
]
