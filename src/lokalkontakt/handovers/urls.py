# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.handovers import views

app_name = "handovers"
urlpatterns = [
    path("", views.handover_list, name="list"),
    path("ny/<slug:slug>/", views.start, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/note/", views.note, name="note"),
    path("<int:pk>/bekraeft/", views.confirm, name="confirm"),
    path("<int:pk>/flyt/", views.reschedule, name="reschedule"),
    path("<int:pk>/annuller/", views.cancel, name="cancel"),
]
