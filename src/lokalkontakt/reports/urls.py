# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.reports.focus import views as focus_views

app_name = "reports"

urlpatterns = []

# The reports by focus area (issue 18, item 2).
urlpatterns += [
    path("fokusomraader/", focus_views.focus_list, name="focus_list"),
    path("fokusomraader/<slug:focus_area>/", focus_views.focus_detail, name="focus"),
]
