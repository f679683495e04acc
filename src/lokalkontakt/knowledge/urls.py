# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.note_list, name="list"),
    path("ny/", views.create, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ret/", views.edit, name="edit"),
    path("<int:pk>/version/<int:history_id>/", views.version, name="version"),
    path("<int:pk>/slet/", views.delete, name="delete"),
    path("foelger/", views.follows, name="follows"),
    path("bilag/<int:pk>/", views.attachment, name="attachment"),
]
