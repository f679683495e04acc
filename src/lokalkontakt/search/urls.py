# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.urls import path

from lokalkontakt.search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("hvem/", views.who_knows, name="who_knows"),
]
