# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.guides import views

PUBLIC, STAFF = {"audience": "public"}, {"audience": "staff"}

app_name = "guides"
urlpatterns = [
    path("saadan-bruger-du-lokalkontakten/", views.public_guide, name="public"),
    path("saadan-bruger-du-lokalkontakten/rediger/", views.edit, PUBLIC, name="public_edit"),
    path("saadan-bruger-du-lokalkontakten/historik/", views.history, PUBLIC,
         name="public_history"),
    path("saadan-bruger-du-lokalkontakten/historik/<int:history_id>/", views.version, PUBLIC,
         name="public_version"),
    path("vejledning/lokalkontakten/", views.staff_guide, name="staff"),
    path("vejledning/lokalkontakten/rediger/", views.edit, STAFF, name="staff_edit"),
    path("vejledning/lokalkontakten/historik/", views.history, STAFF, name="staff_history"),
    path("vejledning/lokalkontakten/historik/<int:history_id>/", views.version, STAFF,
         name="staff_version"),
]
