# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.consultations import views

app_name = "consultations"
urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("opgaver/", views.task_list, name="tasks"),
    path("ny/", views.create, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/afslut/", views.close, name="close"),
    path("<int:pk>/eksport/", views.export_xlsx, name="export"),
    path("<int:pk>/udskrift/", views.printable, name="print"),
    path("opgave/<int:pk>/", views.task, name="task"),
    path("bilag/<int:pk>/", views.attachment, name="attachment"),
]
