# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("ny/", views.create, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ret/", views.edit, name="edit"),
    path("<int:pk>/milepael/", views.milestone_new, name="milestone_new"),
    path("milepael/<int:pk>/udfoert/", views.milestone_done, name="milestone_done"),
]
