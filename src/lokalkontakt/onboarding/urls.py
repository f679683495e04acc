# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.onboarding import views

app_name = "onboarding"
urlpatterns = [
    path("", views.progress, name="progress"),
    path("skabelon/", views.steps, name="steps"),
    path("skabelon/ny/", views.step_new, name="step_new"),
    path("skabelon/<int:pk>/ret/", views.step_edit, name="step_edit"),
    path("opgave/<int:pk>/udfoert/", views.task_done, name="task_done"),
]
