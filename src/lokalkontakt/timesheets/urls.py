# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.timesheets import views

app_name = "time"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("ny/", views.register, name="new"),
    path("<int:pk>/ret/", views.edit, name="edit"),
    path("<int:pk>/slet/", views.delete, name="delete"),
    path("overblik/", views.overview, name="overview"),
    path("overblik/omraader/", views.overview_areas, name="overview_areas"),
    path("overblik/eksport/", views.export, name="export"),
]
