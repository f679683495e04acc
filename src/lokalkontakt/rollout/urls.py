# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.rollout import views

app_name = "rollout"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("omraader/", views.areas, name="areas"),
    path("omraader/eksport.xlsx", views.areas_export, name="areas_export"),
    path("omraader/invitationer/", views.invitations, name="invitations"),
    path("plan/ny/", views.milestone_new, name="milestone_new"),
    path("plan/standard/", views.standard_plan, name="standard_plan"),
    path("plan/<int:pk>/ret/", views.milestone_edit, name="milestone_edit"),
    path("plan/<int:pk>/status/", views.milestone_status, name="milestone_status"),
    path("plan/<int:pk>/slet/", views.milestone_delete, name="milestone_delete"),
]
