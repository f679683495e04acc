# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.journal_list, name="list"),
    path("pakker/", views.period_package, name="period"),
    path("kle/", views.kle_upload, name="kle"),
    path("henvendelse/<int:pk>/pakke/", views.package, {"kind": "inquiry"},
         name="inquiry_package"),
    path("henvendelse/<int:pk>/journaliser/", views.journalise, {"kind": "inquiry"},
         name="inquiry_journalise"),
    path("hoering/<int:pk>/pakke/", views.package, {"kind": "consultation"},
         name="consultation_package"),
    path("hoering/<int:pk>/journaliser/", views.journalise, {"kind": "consultation"},
         name="consultation_journalise"),
]
